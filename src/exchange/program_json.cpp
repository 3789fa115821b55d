// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-plan/1 (what `hiprx-cli plan` prints: the analysis and the suggested program) and
// hiprx-program/1 (a program as stored when issued). Both share the shape of a program item, so a
// tool that reads one reads the other's "program" list the same way.
#include "exchange/json_format.h"
#include "exchange/json_support.h"

#include "core/progression.h"

namespace hiprx::exchange {

using detail::childPath;
using detail::indexPath;
using detail::Json;
using detail::JsonReader;
using detail::member;

namespace {

template <typename E, typename Container>
Json idArray(const Container& values)
{
    Json out = Json::array();
    for (E value : values)
        out.push_back(std::string(core::toId(value)));
    return out;
}

/// One program item. `withSnapshot` adds the copied instructions (stored programs carry them so an
/// issued program reprints exactly; the plan output leaves them to the library).
Json itemToJson(const core::ProgramItem& item, bool withSnapshot)
{
    Json out = Json::object();
    out["exercise"] = item.exerciseId;
    out["name"] = item.name;
    out["kind"] = core::toId(item.kind);
    out["targets"] = idArray<core::MuscleGroup>(item.targets);
    out["side"] = core::toId(item.side);
    out["dose"] = detail::doseToJson(item.dose, false);
    if (!item.notes.empty())
        out["notes"] = item.notes;
    out["basis"] = item.basis;
    if (!withSnapshot)
        return out;
    const auto put = [&](const char* key, const auto& value) {
        if (!value.empty())
            out[key] = value;
    };
    put("start_position", item.startPosition);
    put("steps", item.steps);
    put("key_cue", item.keyCue);
    put("stop_if", item.stopIf);
    put("equipment", item.equipment);
    put("figure", item.figureId);
    put("video_url", item.videoUrl);
    return out;
}

Json exclusionToJson(const core::Exclusion& exclusion)
{
    Json out = Json::object();
    out["exercise"] = exclusion.exerciseId;
    out["name"] = exclusion.name;
    out["reason"] = exclusion.reason;
    out["cause"] = exclusion.cause;
    out["demand"] = core::toId(exclusion.demand);
    return out;
}

Json unservedToJson(const core::Program& program)
{
    Json out = Json::array();
    for (const auto& u : program.unserved) {
        Json one = Json::object();
        one["muscle"] = core::toId(u.muscle);
        one["kind"] = core::toId(u.kind);
        one["side"] = core::toId(u.side);
        one["reason"] = core::unservedReasonId(u.reason);
        one["text"] = u.text;
        out.push_back(std::move(one));
    }
    return out;
}

core::Unserved readUnserved(JsonReader& r, const Json& json, const std::string& path)
{
    core::Unserved unserved;
    if (!r.expectObject(json, path))
        return unserved;
    r.checkKeys(json, path, {"muscle", "kind", "side", "reason", "text"});
    for (const char* key : {"muscle", "kind", "side", "reason", "text"})
        r.require(json, path, key);
    if (const Json* v = member(json, "muscle"))
        unserved.muscle = r.idValue<core::MuscleGroup>(*v, childPath(path, "muscle"), "muscle group")
                              .value_or(core::MuscleGroup::Core);
    if (const Json* v = member(json, "kind"))
        unserved.kind = r.idValue<core::ImpairmentKind>(*v, childPath(path, "kind"), "impairment kind")
                            .value_or(core::ImpairmentKind::Tight);
    if (const Json* v = member(json, "side"))
        unserved.side = r.idValue<core::ExerciseSide>(*v, childPath(path, "side"), "side")
                            .value_or(core::ExerciseSide::None);
    if (const Json* v = member(json, "reason")) {
        const auto id = r.text(*v, childPath(path, "reason"));
        bool known = false;
        for (auto reason : {core::UnservedReason::Forbidden, core::UnservedReason::NoneInLibrary,
                            core::UnservedReason::TooHard, core::UnservedReason::Cut})
            if (id && *id == core::unservedReasonId(reason)) {
                unserved.reason = reason;
                known = true;
            }
        if (id && !known)
            r.problem(childPath(path, "reason"),
                      "unknown reason \"" + *id + "\" (expected forbidden, none_in_library, too_hard or cut)");
    }
    if (const Json* v = member(json, "text"))
        unserved.text = r.text(*v, childPath(path, "text")).value_or("");
    return unserved;
}

Json programItems(const core::Program& program, bool withSnapshot)
{
    Json out = Json::array();
    for (const auto& item : program.items)
        out.push_back(itemToJson(item, withSnapshot));
    return out;
}

Json exclusions(const core::Program& program)
{
    Json out = Json::array();
    for (const auto& exclusion : program.excluded)
        out.push_back(exclusionToJson(exclusion));
    return out;
}

core::ProgramItem readItem(JsonReader& r, const Json& json, const std::string& path)
{
    core::ProgramItem item;
    if (!r.expectObject(json, path))
        return item;
    r.checkKeys(json, path, {"exercise", "name", "kind", "targets", "side", "dose", "notes", "basis",
                             "start_position", "steps", "key_cue", "stop_if", "equipment", "figure", "video_url"});
    for (const char* key : {"exercise", "name", "kind", "side", "dose"})
        r.require(json, path, key);
    if (const Json* v = member(json, "exercise"))
        item.exerciseId = r.text(*v, childPath(path, "exercise")).value_or("");
    if (const Json* v = member(json, "name"))
        item.name = r.text(*v, childPath(path, "name")).value_or("");
    if (const Json* v = member(json, "kind"))
        item.kind = r.idValue<core::ExerciseKind>(*v, childPath(path, "kind"), "exercise kind")
                        .value_or(core::ExerciseKind::Stretch);
    if (const Json* v = member(json, "targets")) {
        const std::string targetsPath = childPath(path, "targets");
        if (r.expectArray(*v, targetsPath))
            for (std::size_t i = 0; i < v->size(); ++i)
                if (auto muscle = r.idValue<core::MuscleGroup>((*v)[i], indexPath(targetsPath, i),
                                                               "muscle group"))
                    item.targets.push_back(*muscle);
    }
    if (const Json* v = member(json, "side"))
        item.side = r.idValue<core::ExerciseSide>(*v, childPath(path, "side"), "side")
                        .value_or(core::ExerciseSide::None);
    if (const Json* v = member(json, "dose"))
        item.dose = detail::readDose(r, *v, childPath(path, "dose"));
    if (const Json* v = member(json, "notes"))
        item.notes = r.text(*v, childPath(path, "notes")).value_or("");
    const auto text = [&](const char* key, std::string& out) { detail::readTextMember(r, json, path, key, out); };
    const auto texts = [&](const char* key, std::vector<std::string>& out) {
        detail::readTextListMember(r, json, path, key, out);
    };
    texts("basis", item.basis);
    text("start_position", item.startPosition);
    texts("steps", item.steps);
    text("key_cue", item.keyCue);
    text("stop_if", item.stopIf);
    texts("equipment", item.equipment);
    text("figure", item.figureId);
    text("video_url", item.videoUrl);
    return item;
}

core::Exclusion readExclusion(JsonReader& r, const Json& json, const std::string& path)
{
    core::Exclusion exclusion;
    if (!r.expectObject(json, path))
        return exclusion;
    r.checkKeys(json, path, {"exercise", "name", "reason", "cause", "demand"});
    for (const char* key : {"exercise", "name", "reason", "cause", "demand"})
        r.require(json, path, key);
    if (const Json* v = member(json, "exercise"))
        exclusion.exerciseId = r.text(*v, childPath(path, "exercise")).value_or("");
    if (const Json* v = member(json, "name"))
        exclusion.name = r.text(*v, childPath(path, "name")).value_or("");
    if (const Json* v = member(json, "reason"))
        exclusion.reason = r.text(*v, childPath(path, "reason")).value_or("");
    if (const Json* v = member(json, "cause"))
        exclusion.cause = r.text(*v, childPath(path, "cause")).value_or("");
    if (const Json* v = member(json, "demand"))
        exclusion.demand = r.idValue<core::MovementDemand>(*v, childPath(path, "demand"), "movement demand")
                               .value_or(core::MovementDemand::HipFlexionPast90);
    return exclusion;
}

} // namespace

std::string writePlan(const core::Analysis& analysis, const core::Program& program)
{
    Json root = Json::object();
    root["format"] = kPlanFormat;

    Json warnings = Json::array();
    for (const auto& w : analysis.referral.warnings) {
        Json out = Json::object();
        out["flag"] = w.id;
        out["flags"] = idArray<core::RedFlag>(w.flags);
        out["level"] = core::toId(w.level);
        out["text"] = w.clinicianText;
        out["patient_text"] = w.patientText;
        out["rule"] = w.rule;
        warnings.push_back(std::move(out));
    }
    Json referral = Json::object();
    referral["level"] = core::toId(analysis.referral.level);
    referral["red_flags_screened"] = analysis.referral.screened;
    referral["warnings"] = std::move(warnings);
    root["referral"] = std::move(referral);

    Json irritability = Json::object();
    irritability["level"] = core::toId(analysis.irritability);
    irritability["basis"] = analysis.irritabilityBasis;
    root["irritability"] = std::move(irritability);
    root["precautions"] = idArray<core::Precaution>(analysis.precautions);
    root["norm_set"] = core::normSetId(analysis.normSet);

    Json impairments = Json::array();
    for (const auto& imp : analysis.impairments) {
        Json out = Json::object();
        out["muscle"] = core::toId(imp.muscle);
        out["kind"] = core::toId(imp.kind);
        // Midline impairments (core, erector_spinae) have no side; "none" matches ExerciseSide.
        out["side"] = imp.side ? core::toId(*imp.side) : std::string_view("none");
        out["evidence"] = imp.evidence;
        out["rule"] = imp.rules.empty() ? std::string() : imp.rules.front();
        out["rules"] = imp.rules;
        out["rationale"] = imp.rationale;
        impairments.push_back(std::move(out));
    }
    root["impairments"] = std::move(impairments);

    root["program"] = programItems(program, false);
    root["excluded"] = exclusions(program);
    root["withheld"] = program.withheld;
    root["warnings"] = program.warnings;
    root["unserved"] = unservedToJson(program);

    Json notes = Json::array();
    for (const auto& note : analysis.notes) {
        Json out = Json::object();
        out["rule"] = note.rule;
        out["text"] = note.text;
        notes.push_back(std::move(out));
    }
    root["notes"] = std::move(notes);

    Json cautions = Json::array();
    for (const auto& caution : analysis.cautions) {
        Json out = Json::object();
        out["rule"] = caution.rule;
        out["reason"] = caution.reason;
        out["avoid"] = idArray<core::MovementDemand>(caution.avoid);
        cautions.push_back(std::move(out));
    }
    root["cautions"] = std::move(cautions);
    return detail::dumpDocument(root);
}

std::string writeProgram(const core::Program& program)
{
    Json root = Json::object();
    root["format"] = kProgramFormat;
    root["referral_level"] = core::toId(program.referralLevel);
    root["withheld"] = program.withheld;
    root["program"] = programItems(program, true);
    root["excluded"] = exclusions(program);
    root["warnings"] = program.warnings;
    if (!program.unserved.empty())
        root["unserved"] = unservedToJson(program);
    return detail::dumpDocument(root);
}

std::string writeNext(const core::NextProgram& next)
{
    Json root = Json::object();
    root["format"] = kNextFormat;
    root["step"] = core::progressionStepId(next.step);
    root["reasons"] = next.reasons;
    const core::Program program = next.programWithBasis();
    root["program"] = programItems(program, false);
    Json excluded = Json::array();
    for (const core::LeftOut& l : next.excluded()) {
        Json out = Json::object();
        out["exercise"] = l.exerciseId;
        out["name"] = l.name;
        out["reason"] = l.reason;
        excluded.push_back(std::move(out));
    }
    root["excluded"] = std::move(excluded);
    Json items = Json::array();
    for (const core::ItemSuggestion& s : next.items) {
        Json out = Json::object();
        out["from"] = s.current.exerciseId;
        out["from_name"] = s.current.name;
        if (s.dropped)
            out["to"] = nullptr;
        else
            out["to"] = s.suggested.exerciseId;
        out["dropped"] = s.dropped;
        out["reason"] = s.reason;
        items.push_back(std::move(out));
    }
    root["changes"] = std::move(items);
    root["referral_level"] = core::toId(next.referralLevel);
    root["withheld"] = next.withheld;
    root["warnings"] = next.warnings;
    return detail::dumpDocument(root);
}

core::Program readProgram(std::string_view json)
{
    const Json root = detail::parseDocument(json);
    if (!root.is_object())
        throw InputError("", "expected a program (a JSON object) at the top level, got " +
                                 detail::describe(root));
    JsonReader r;
    r.checkFormat(root, kProgramFormat, "a program file");
    r.checkKeys(root, "", {"format", "referral_level", "withheld", "program", "excluded", "warnings", "unserved"});

    core::Program program;
    if (const Json* v = member(root, "referral_level"))
        program.referralLevel = r.idValue<core::Urgency>(*v, "referral_level", "referral level")
                                    .value_or(core::Urgency::None);
    if (const Json* v = member(root, "withheld"))
        program.withheld = r.boolean(*v, "withheld").value_or(false);
    if (const Json* v = member(root, "program"); v && r.expectArray(*v, "program"))
        for (std::size_t i = 0; i < v->size(); ++i)
            program.items.push_back(readItem(r, (*v)[i], indexPath("program", i)));
    if (const Json* v = member(root, "excluded"); v && r.expectArray(*v, "excluded"))
        for (std::size_t i = 0; i < v->size(); ++i)
            program.excluded.push_back(readExclusion(r, (*v)[i], indexPath("excluded", i)));
    if (const Json* v = member(root, "warnings"))
        program.warnings = r.textList(*v, "warnings").value_or(std::vector<std::string>{});
    if (const Json* v = member(root, "unserved"); v && r.expectArray(*v, "unserved"))
        for (std::size_t i = 0; i < v->size(); ++i)
            program.unserved.push_back(readUnserved(r, (*v)[i], indexPath("unserved", i)));

    r.mergeUncovered(core::validateProgram(program));
    r.throwIfProblems();
    return program;
}

} // namespace hiprx::exchange
