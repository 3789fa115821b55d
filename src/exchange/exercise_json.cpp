// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-exercises/1: the exercise library (db/exercises.json and clinic exports), and the dose object
// shared with programs. Each exercise is checked for shape here and for content by
// core::validateExercise.
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

core::Exercise readExercise(JsonReader& r, const Json& json, const std::string& path, bool builtin)
{
    core::Exercise e;
    e.builtin = builtin;
    if (!r.expectObject(json, path))
        return e;
    r.checkKeys(json, path, {"id", "name", "kind", "level", "targets", "sided", "start_position", "steps", "key_cue",
                             "stop_if", "dose", "equipment", "demands", "easier", "harder", "figure",
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
    for (const auto& e : exercises) {
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
        list.push_back(std::move(out));
    }
    Json root = Json::object();
    root["format"] = kExercisesFormat;
    root["exercises"] = std::move(list);
    return detail::dumpDocument(root);
}

} // namespace hiprx::exchange
