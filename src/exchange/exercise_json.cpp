// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-exercises/1: the exercise library (db/exercises.json), hiprx-clinic-exercises/1 (a clinic's
// own exercises with their retired flag, picture or own figure), and the dose object shared with programs. Each exercise is checked for shape here and for content by
// core::validateExercise.
#include "exchange/base64.h"
#include "exchange/clinic_exercise_json.h"
#include "exchange/json_format.h"
#include "exchange/json_support.h"

#include <algorithm>
#include <map>

namespace hiprx::exchange {

using detail::childPath;
using detail::indexPath;
using detail::Json;
using detail::JsonReader;
using detail::member;

namespace detail {

Json doseToJson(const core::Dose& dose, bool full)
{
    Json out = Json::object();
    out["sets"] = dose.sets;
    out["reps"] = dose.reps;
    out["hold_s"] = dose.holdS;
    out["rest_s"] = dose.restS;
    out["per_day"] = dose.perDay;
    out["days_per_week"] = dose.daysPerWeek;
    if (full || !dose.load.empty())
        out["load"] = dose.load;
    if (full || !dose.notes.empty())
        out["notes"] = dose.notes;
    return out;
}

core::Dose readDose(JsonReader& r, const Json& value, const std::string& path)
{
    using Limits = core::DoseLimits;
    core::Dose dose;
    if (!r.expectObject(value, path))
        return dose;
    r.checkKeys(value, path, {"sets", "reps", "hold_s", "rest_s", "per_day", "days_per_week", "load", "notes"});
    const auto number = [&](std::string_view key, int& out, std::string_view unit, core::Range range,
                            bool required) {
        const std::string at = childPath(path, key);
        const Json* v = member(value, key);
        if (!v) {
            if (required)
                r.problem(at, "required");
            return;
        }
        if (auto n = r.wholeNumber(*v, at, unit, range.min, range.max)) {
            if (range.contains(*n))
                out = *n;
            else
                r.problem(at, std::to_string(*n) + " is outside " + core::rangeText(range));
        }
    };
    number("sets", dose.sets, "", {1, Limits::kMaxSets}, true);
    number("reps", dose.reps, "", {1, Limits::kMaxReps}, true);
    number("hold_s", dose.holdS, "seconds", {0, Limits::kMaxHoldS}, false);
    number("rest_s", dose.restS, "seconds", {0, Limits::kMaxRestS}, false);
    number("per_day", dose.perDay, "", {1, Limits::kMaxPerDay}, false);
    number("days_per_week", dose.daysPerWeek, "", {1, 7}, false);
    if (const Json* v = member(value, "load"))
        dose.load = r.text(*v, childPath(path, "load")).value_or("");
    if (const Json* v = member(value, "notes"))
        dose.notes = r.text(*v, childPath(path, "notes")).value_or("");
    return dose;
}

} // namespace detail

namespace {

template <typename E, typename Container>
void readIds(JsonReader& r, const Json& value, const std::string& path, std::string_view what,
             Container& out)
{
    if (!r.expectArray(value, path))
        return;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string itemPath = indexPath(path, i);
        const auto id = r.idValue<E>(value[i], itemPath, what);
        if (!id)
            continue;
        if (std::find(out.begin(), out.end(), *id) != out.end())
            r.problem(itemPath, detail::describe(value[i]) + " is listed twice");
        else
            out.insert(out.end(), *id);
    }
}

/// Reads one exercise; `clinic` also allows the clinic's keys ("retired", "picture"), which the
/// caller reads.
core::Exercise readExercise(JsonReader& r, const Json& json, const std::string& path, bool builtin,
                            bool clinic = false)
{
    core::Exercise e;
    e.builtin = builtin;
    if (!r.expectObject(json, path))
        return e;
    if (clinic)
        r.checkKeys(json, path, {"id", "name", "kind", "level", "targets", "sided", "start_position", "steps",
                                 "key_cue", "stop_if", "dose", "equipment", "demands", "easier", "harder", "figure",
                                 "video_url", "sources", "retired", "picture", "own_figure"});
    else
        r.checkKeys(json, path, {"id", "name", "kind", "level", "targets", "sided", "start_position", "steps",
                                 "key_cue", "stop_if", "dose", "equipment", "demands", "easier", "harder", "figure",
                                 "video_url", "sources"});
    for (const char* key : {"id", "name", "kind", "targets", "sided", "start_position", "steps", "key_cue",
                            "stop_if", "dose", "demands"})
        r.require(json, path, key);

    const auto text = [&](const char* key, std::string& out) { detail::readTextMember(r, json, path, key, out); };
    const auto texts = [&](const char* key, std::vector<std::string>& out) {
        detail::readTextListMember(r, json, path, key, out);
    };
    text("id", e.id);
    text("name", e.name);
    if (const Json* v = member(json, "kind"))
        e.kind = r.idValue<core::ExerciseKind>(*v, childPath(path, "kind"), "exercise kind")
                     .value_or(core::ExerciseKind::Stretch);
    if (const Json* v = member(json, "level"))
        e.level = r.wholeNumber(*v, childPath(path, "level"), "", core::kExerciseLevelRange.min,
                                core::kExerciseLevelRange.max)
                      .value_or(0);
    if (const Json* v = member(json, "targets"))
        readIds<core::MuscleGroup>(r, *v, childPath(path, "targets"), "muscle group", e.targets);
    if (const Json* v = member(json, "sided"))
        e.sided = r.boolean(*v, childPath(path, "sided")).value_or(true);
    text("start_position", e.startPosition);
    texts("steps", e.steps);
    text("key_cue", e.keyCue);
    text("stop_if", e.stopIf);
    if (const Json* v = member(json, "dose"))
        e.defaultDose = detail::readDose(r, *v, childPath(path, "dose"));
    texts("equipment", e.equipment);
    if (const Json* v = member(json, "demands"))
        readIds<core::MovementDemand>(r, *v, childPath(path, "demands"), "movement demand", e.demands);
    texts("easier", e.easier);
    texts("harder", e.harder);
    text("figure", e.figureId);
    text("video_url", e.videoUrl);
    texts("sources", e.sources);
    return e;
}

template <typename E, typename Container>
Json idArray(const Container& values)
{
    Json out = Json::array();
    for (E value : values)
        out.push_back(std::string(core::toId(value)));
    return out;
}

Json exerciseToJson(const core::Exercise& e)
{
    Json out = Json::object();
    out["id"] = e.id;
    out["name"] = e.name;
    out["kind"] = core::toId(e.kind);
    if (e.level > 0)
        out["level"] = e.level;
    out["targets"] = idArray<core::MuscleGroup>(e.targets);
    out["sided"] = e.sided;
    out["start_position"] = e.startPosition;
    out["steps"] = e.steps;
    out["key_cue"] = e.keyCue;
    out["stop_if"] = e.stopIf;
    out["dose"] = detail::doseToJson(e.defaultDose, true);
    out["equipment"] = e.equipment;
    out["demands"] = idArray<core::MovementDemand>(e.demands);
    out["easier"] = e.easier;
    out["harder"] = e.harder;
    out["figure"] = e.figureId;
    out["video_url"] = e.videoUrl;
    out["sources"] = e.sources;
    return out;
}

std::optional<core::ExercisePicture> readPicture(JsonReader& r, const Json& json, const std::string& path)
{
    if (!r.expectObject(json, path))
        return std::nullopt;
    r.checkKeys(json, path, {"type", "width", "height", "data"});
    const std::size_t before = r.problems().size();
    for (const char* key : {"type", "width", "height", "data"})
        r.require(json, path, key);
    core::ExercisePicture picture;
    if (const Json* v = member(json, "type")) {
        if (const auto text = r.line(*v, childPath(path, "type"))) {
            if (const auto type = core::pictureTypeOf(*text))
                picture.type = *type;
            else
                r.problem(childPath(path, "type"),
                          detail::describe(*v) + " is not a picture type (expected image/png or image/jpeg)");
        }
    }
    const auto pixels = [&](const char* key, int& out) {
        if (const Json* v = member(json, key))
            out = r.wholeNumber(*v, childPath(path, key), "pixels", 1, core::PictureLimits::kMaxSide).value_or(0);
    };
    pixels("width", picture.width);
    pixels("height", picture.height);
    if (const Json* v = member(json, "data")) {
        if (!v->is_string())
            r.problem(childPath(path, "data"), "expected the picture file as base64 text, got " + detail::describe(*v));
        else if (auto bytes = decodeBase64(v->get_ref<const std::string&>()))
            picture.bytes = std::move(*bytes);
        else
            r.problem(childPath(path, "data"), "not base64 (A–Z, a–z, 0–9, + and /, padded with =, one line)");
    }
    if (r.problems().size() != before)
        return std::nullopt;
    return picture;
}

/// An exercise's own figure: a hiprx-figure/1 figure without "format" and "exercise" (the
/// exercise's id is its id).
std::optional<core::FigureSpec> readOwnFigure(JsonReader& r, const Json& json, const std::string& path,
                                              const std::string& exerciseId)
{
    if (!r.expectObject(json, path))
        return std::nullopt;
    r.checkKeys(json, path, {"start", "end", "props", "highlight", "arrow", "arrow_bend", "planted", "floor", "note"});
    auto figure = detail::readFigureBody(r, json, path);
    if (figure)
        figure->id = exerciseId;
    return figure;
}

} // namespace

std::vector<core::Exercise> readExercises(std::string_view json, bool builtin)
{
    const Json root = detail::parseDocument(json);
    if (!root.is_object())
        throw InputError("", "expected an exercise library (a JSON object with \"exercises\") at the top "
                             "level, got " + detail::describe(root));
    JsonReader r;
    r.checkFormat(root, kExercisesFormat, "an exercise library");
    r.checkKeys(root, "", {"format", "exercises"});
    std::vector<core::Exercise> exercises;
    const Json* list = member(root, "exercises");
    if (!list)
        r.problem("exercises", "required");
    else if (r.expectArray(*list, "exercises")) {
        std::map<std::string, std::size_t> firstUse;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = indexPath("exercises", i);
            const std::size_t before = r.problems().size();
            core::Exercise e = readExercise(r, (*list)[i], path, builtin);
            if (r.problems().size() == before) // content checks only make sense on a well-formed record
                r.mergeUncovered(core::validateExercise(e, path));
            if (!e.id.empty()) {
                const auto [it, fresh] = firstUse.emplace(e.id, i);
                if (!fresh)
                    r.problem(childPath(path, "id"), "\"" + e.id + "\" is also the id of " +
                                                         indexPath("exercises", it->second));
            }
            exercises.push_back(std::move(e));
        }
    }
    r.throwIfProblems();
    return exercises;
}

std::string writeExercises(const std::vector<core::Exercise>& exercises)
{
    Json list = Json::array();
    for (const auto& e : exercises)
        list.push_back(exerciseToJson(e));
    Json root = Json::object();
    root["format"] = kExercisesFormat;
    root["exercises"] = std::move(list);
    return detail::dumpDocument(root);
}

std::vector<core::ClinicExercise> readClinicExercises(std::string_view json)
{
    const Json root = detail::parseDocument(json);
    if (!root.is_object())
        throw InputError("", "expected clinic exercises (a JSON object with \"exercises\") at the top level, got " +
                                 detail::describe(root));
    JsonReader r;
    if (const Json* format = member(root, "format");
        format && !(format->is_string() && (*format == kClinicExercisesFormat || *format == kExercisesFormat)))
        r.problem("format", detail::describe(*format) + " is not a format HipRx reads here (expected " +
                                std::string(kClinicExercisesFormat) + ")");
    r.checkKeys(root, "", {"format", "exercises"});
    std::vector<core::ClinicExercise> exercises;
    const Json* list = member(root, "exercises");
    if (!list)
        r.problem("exercises", "required");
    else if (r.expectArray(*list, "exercises")) {
        std::map<std::string, std::size_t> firstUse;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = indexPath("exercises", i);
            const Json& entry = (*list)[i];
            const std::size_t before = r.problems().size();
            core::ClinicExercise c;
            c.exercise = readExercise(r, entry, path, false, true);
            if (entry.is_object()) {
                if (const Json* v = member(entry, "retired"))
                    c.retired = r.boolean(*v, childPath(path, "retired")).value_or(false);
                if (const Json* v = member(entry, "picture"))
                    c.picture = readPicture(r, *v, childPath(path, "picture"));
                if (const Json* v = member(entry, "own_figure"))
                    c.figure = readOwnFigure(r, *v, childPath(path, "own_figure"), c.exercise.id);
            }
            if (r.problems().size() == before)
                r.mergeUncovered(core::validateClinicExercise(c, path));
            if (!c.exercise.id.empty()) {
                const auto [it, fresh] = firstUse.emplace(c.exercise.id, i);
                if (!fresh)
                    r.problem(childPath(path, "id"), "\"" + c.exercise.id + "\" is also the id of " +
                                                         indexPath("exercises", it->second));
            }
            exercises.push_back(std::move(c));
        }
    }
    r.throwIfProblems();
    return exercises;
}

std::string writeClinicExercises(const std::vector<core::ClinicExercise>& exercises)
{
    Json list = Json::array();
    for (const auto& c : exercises) {
        Json out = exerciseToJson(c.exercise);
        if (c.retired)
            out["retired"] = true;
        if (c.picture) {
            Json picture = Json::object();
            picture["type"] = core::mediaType(c.picture->type);
            picture["width"] = c.picture->width;
            picture["height"] = c.picture->height;
            picture["data"] = encodeBase64(c.picture->bytes);
            out["picture"] = std::move(picture);
        }
        if (c.figure)
            out["own_figure"] = detail::figureToJson(*c.figure);
        list.push_back(std::move(out));
    }
    Json root = Json::object();
    root["format"] = kClinicExercisesFormat;
    root["exercises"] = std::move(list);
    return detail::dumpDocument(root);
}

} // namespace hiprx::exchange
