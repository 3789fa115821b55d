// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-assessment/1. The reader checks the file's shape (types, ids, keys) section by section and
// then runs core::validate on what it read, so one InputError lists every problem of both kinds. A
// null value means "not recorded", the same as leaving the key out.
#include "exchange/json_format.h"
#include "exchange/json_support.h"

#include <algorithm>

namespace hiprx::exchange {

using detail::childPath;
using detail::indexPath;
using detail::Json;
using detail::JsonReader;
using detail::member;

namespace {

// ---- reading -------------------------------------------------------------------------------------

void readPatient(JsonReader& r, const Json& json, core::Patient& patient)
{
    const std::string path = "patient";
    if (!r.expectObject(json, path))
        return;
    r.checkKeys(json, path, {"id", "name", "birth_date", "sex", "email", "phone"});
    if (const Json* v = member(json, "id"))
        patient.externalId = r.line(*v, childPath(path, "id")).value_or("");
    if (const Json* v = member(json, "name"))
        patient.name = r.line(*v, childPath(path, "name")).value_or("");
    if (const Json* v = member(json, "birth_date"))
        patient.birthDate = r.date(*v, childPath(path, "birth_date"));
    if (const Json* v = member(json, "sex"))
        patient.sex = r.idValue<core::Sex>(*v, childPath(path, "sex"), "sex").value_or(core::Sex::Unknown);
    if (const Json* v = member(json, "email"))
        patient.email = r.line(*v, childPath(path, "email")).value_or("");
    if (const Json* v = member(json, "phone"))
        patient.phone = r.line(*v, childPath(path, "phone")).value_or("");
}

void readVisit(JsonReader& r, const Json& json, core::VisitInfo& visit)
{
    const std::string path = "visit";
    if (!r.expectObject(json, path))
        return;
    r.checkKeys(json, path, {"date", "clinician", "affected_side", "complaint", "notes", "impression", "plan", "goals",
                                "norm_set"});
    if (const Json* v = member(json, "date"))
        visit.date = r.date(*v, childPath(path, "date"));
    if (const Json* v = member(json, "clinician"))
        visit.clinician = r.line(*v, childPath(path, "clinician")).value_or("");
    if (const Json* v = member(json, "affected_side"))
        visit.affectedSide = r.idValue<core::AffectedSide>(*v, childPath(path, "affected_side"), "side");
    if (const Json* v = member(json, "complaint"))
        visit.complaint = r.text(*v, childPath(path, "complaint")).value_or("");
    if (const Json* v = member(json, "notes"))
        visit.notes = r.text(*v, childPath(path, "notes")).value_or("");
    if (const Json* v = member(json, "impression"))
        visit.impression = r.text(*v, childPath(path, "impression")).value_or("");
    if (const Json* v = member(json, "plan"))
        visit.plan = r.text(*v, childPath(path, "plan")).value_or("");
    if (const Json* v = member(json, "goals"))
        visit.goals = r.text(*v, childPath(path, "goals")).value_or("");
    if (const Json* v = member(json, "norm_set")) {
        const std::string at = childPath(path, "norm_set");
        if (const auto id = r.text(*v, at)) {
            visit.normSet = core::normSetFromId(*id);
            if (!visit.normSet) {
                std::string known;
                for (core::NormSet set : core::normSets())
                    known += (known.empty() ? "" : ", ") + std::string(core::normSetId(set));
                r.problem(at, detail::describe(*v) + " is not a norm set (one of " + known + ")");
            }
        }
    }
}

/// Calls `readOne(side, key, value, path)` for each member of each side object of a per-side
/// section (`rom`, `tests`, `strength`).
template <typename ReadOne>
void readPerSide(JsonReader& r, const Json& json, const std::string& section, ReadOne readOne)
{
    if (!r.expectObject(json, section))
        return;
    for (const auto& [sideKey, sideValue] : json.items()) {
        const std::string sidePath = childPath(section, sideKey);
        const auto side = r.idKey<core::Side>(sideKey, sidePath, "side");
        if (!side || sideValue.is_null() || !r.expectObject(sideValue, sidePath))
            continue;
        for (const auto& [key, value] : sideValue.items())
            if (!value.is_null())
                readOne(*side, key, value, childPath(sidePath, key));
    }
}

void readRom(JsonReader& r, const Json& json, core::Assessment& a)
{
    readPerSide(r, json, "rom", [&](core::Side side, const std::string& key, const Json& value,
                                    const std::string& path) {
        const auto movement = r.idKey<core::Movement>(key, path, "movement");
        if (!movement)
            return;
        const auto range = core::romRange(*movement);
        if (auto degrees = r.wholeNumber(value, path, "degrees", range.min, range.max))
            a.rom[side][*movement] = *degrees;
    });
}

void readTests(JsonReader& r, const Json& json, core::Assessment& a)
{
    readPerSide(r, json, "tests", [&](core::Side side, const std::string& key, const Json& value,
                                      const std::string& path) {
        const auto test = r.idKey<core::SpecialTest>(key, path, "test");
        if (!test)
            return;
        const bool angle = core::isAngleTest(*test);
        const std::string expected = angle ? "(expected \"positive\", \"negative\" or an angle in degrees)"
                                           : "(expected \"positive\" or \"negative\")";
        if (value.is_string()) {
            const auto& s = value.get_ref<const std::string&>();
            if (s == "positive")
                a.tests[side][*test] = core::TestResult::positive();
            else if (s == "negative")
                a.tests[side][*test] = core::TestResult::negative();
            else
                r.problem(path, detail::describe(value) + " is not a test result " + expected);
        } else if (value.is_number() && angle) {
            const auto range = core::testAngleRange(*test);
            if (auto degrees = r.wholeNumber(value, path, "degrees", range.min, range.max))
                a.tests[side][*test] = core::TestResult::degrees(*degrees);
        } else if (value.is_number()) {
            r.problem(path, detail::describe(value) + " is not a result of this test " + expected);
        } else if (value.is_object() && angle) {
            // {"angle": 40, "reproduces_leg_pain": true}: the angle where the test stopped and
            // whether it brought on the patient's leg pain.
            r.checkKeys(value, path, {"angle", "reproduces_leg_pain"});
            const Json* angleValue = member(value, "angle");
            bool reproduces = false;
            if (const Json* v = member(value, "reproduces_leg_pain"))
                reproduces = r.boolean(*v, childPath(path, "reproduces_leg_pain")).value_or(false);
            const auto range = core::testAngleRange(*test);
            if (!angleValue)
                r.problem(childPath(path, "angle"), "required");
            else if (auto degrees =
                         r.wholeNumber(*angleValue, childPath(path, "angle"), "degrees", range.min, range.max))
                a.tests[side][*test] = core::TestResult::degrees(*degrees, reproduces);
        } else {
            r.problem(path, "expected a test result " + expected + ", got " + detail::describe(value));
        }
    });
}

void readStrength(JsonReader& r, const Json& json, core::Assessment& a)
{
    readPerSide(r, json, "strength", [&](core::Side side, const std::string& key, const Json& value,
                                         const std::string& path) {
        const auto muscle = r.idKey<core::StrengthMuscle>(key, path, "muscle group");
        if (!muscle)
            return;
        std::optional<core::StrengthGrade> grade;
        if (value.is_string())
            grade = core::StrengthGrade::parse(value.get_ref<const std::string&>());
        else if (value.is_number_integer() || value.is_number_unsigned()) {
            // A bare number is accepted for whole grades (5 for "5").
            const auto n = value.get<std::int64_t>();
            if (n >= 0 && n <= 5)
                grade = core::StrengthGrade{static_cast<int>(n), 0};
        }
        if (grade)
            a.strength[side][*muscle] = *grade;
        else
            r.problem(path, detail::describe(value) +
                                " is not a grade (expected \"0\"\xE2\x80\x93\"5\" with optional + or -, "
                                "e.g. \"4-\")");
    });
}

void readPain(JsonReader& r, const Json& json, core::Pain& pain)
{
    const std::string path = "pain";
    if (!r.expectObject(json, path))
        return;
    r.checkKeys(json, path, {"nprs_now", "nprs_best_24h", "nprs_worst_24h", "irritability", "areas"});
    const auto nprs = [&](std::string_view key, std::optional<int>& out) {
        if (const Json* v = member(json, key))
            out = r.wholeNumber(*v, childPath(path, key), "", core::kNprsRange.min, core::kNprsRange.max);
    };
    nprs("nprs_now", pain.nprsNow);
    nprs("nprs_best_24h", pain.nprsBest24h);
    nprs("nprs_worst_24h", pain.nprsWorst24h);
    if (const Json* v = member(json, "irritability"))
        pain.irritability = r.idValue<core::Irritability>(*v, childPath(path, "irritability"), "irritability");
    if (const Json* areas = member(json, "areas")) {
        const std::string areasPath = childPath(path, "areas");
        if (r.expectArray(*areas, areasPath))
            for (std::size_t i = 0; i < areas->size(); ++i) {
                const std::string itemPath = indexPath(areasPath, i);
                const Json& value = (*areas)[i];
                if (!r.expectObject(value, itemPath))
                    continue;
                r.checkKeys(value, itemPath, {"region", "side"});
                r.require(value, itemPath, "region");
                r.require(value, itemPath, "side");
                std::optional<core::BodyRegion> region;
                std::optional<core::BodySide> side;
                if (const Json* v = member(value, "region"))
                    region = r.idValue<core::BodyRegion>(*v, childPath(itemPath, "region"), "body region");
                if (const Json* v = member(value, "side"))
                    side = r.idValue<core::BodySide>(*v, childPath(itemPath, "side"), "side (left, right or central)");
                if (!region || !side)
                    continue;
                const core::PainArea area{*region, *side};
                if (std::find(pain.areas.begin(), pain.areas.end(), area) != pain.areas.end())
                    r.problem(itemPath, "this area is listed twice");
                else
                    pain.areas.push_back(area);
            }
    }
}

void readBalance(JsonReader& r, const Json& json, core::Balance& balance)
{
    const std::string path = "balance";
    if (!r.expectObject(json, path))
        return;
    r.checkKeys(json, path, {"falls_past_year", "single_leg_stance_s", "pain_before_falls"});
    if (const Json* v = member(json, "pain_before_falls"))
        balance.painBeforeFalls = r.boolean(*v, childPath(path, "pain_before_falls")).value_or(false);
    if (const Json* v = member(json, "falls_past_year"))
        balance.fallsPastYear =
            r.wholeNumber(*v, childPath(path, "falls_past_year"), "", core::kFallsRange.min, core::kFallsRange.max);
    if (const Json* v = member(json, "single_leg_stance_s")) {
        const std::string stancePath = childPath(path, "single_leg_stance_s");
        if (r.expectObject(*v, stancePath))
            for (const auto& [key, value] : v->items()) {
                const std::string sidePath = childPath(stancePath, key);
                if (auto side = r.idKey<core::Side>(key, sidePath, "side"); side && !value.is_null())
                    balance.singleLegStanceS[*side] = r.wholeNumber(
                        value, sidePath, "seconds", core::kSingleLegStanceRange.min, core::kSingleLegStanceRange.max);
            }
    }
}

void readEndurance(JsonReader& r, const Json& json, core::Endurance& endurance)
{
    const std::string path = "endurance";
    if (!r.expectObject(json, path))
        return;
    r.checkKeys(json, path, {"plank_hold_s", "side_bridge_hold_s", "trunk_flexor_hold_s", "trunk_extensor_hold_s"});
    const auto seconds = [&](const Json& value, const std::string& at) {
        return r.wholeNumber(value, at, "seconds", core::kEnduranceRange.min, core::kEnduranceRange.max);
    };
    if (const Json* v = member(json, "plank_hold_s"))
        endurance.plankHoldS = seconds(*v, childPath(path, "plank_hold_s"));
    if (const Json* v = member(json, "side_bridge_hold_s")) {
        const std::string bridgePath = childPath(path, "side_bridge_hold_s");
        if (r.expectObject(*v, bridgePath)) {
            for (const auto& [key, value] : v->items()) {
                const std::string sidePath = childPath(bridgePath, key);
                if (auto side = r.idKey<core::Side>(key, sidePath, "side"); side && !value.is_null())
                    endurance.sideBridgeHoldS[*side] = seconds(value, sidePath);
            }
        }
    }
    if (const Json* v = member(json, "trunk_flexor_hold_s"))
        endurance.trunkFlexorHoldS = seconds(*v, childPath(path, "trunk_flexor_hold_s"));
    if (const Json* v = member(json, "trunk_extensor_hold_s"))
        endurance.trunkExtensorHoldS = seconds(*v, childPath(path, "trunk_extensor_hold_s"));
}

/// A list of ids in which each may appear once.
template <typename E>
void readIdSet(JsonReader& r, const Json& json, const std::string& path, std::string_view what,
               std::set<E>& out)
{
    if (!r.expectArray(json, path))
        return;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const std::string itemPath = indexPath(path, i);
        if (auto id = r.idValue<E>(json[i], itemPath, what); id && !out.insert(*id).second)
            r.problem(itemPath, detail::describe(json[i]) + " is listed twice");
    }
}

void readOutcomes(JsonReader& r, const Json& json, core::Outcomes& outcomes)
{
    const std::string path = "outcomes";
    if (!r.expectObject(json, path))
        return;
    r.checkKeys(json, path, {"lefs", "psfs"});
    if (const Json* lefs = member(json, "lefs")) {
        const std::string lefsPath = childPath(path, "lefs");
        if (r.expectArray(*lefs, lefsPath))
            for (std::size_t i = 0; i < lefs->size(); ++i) {
                const Json& item = (*lefs)[i];
                outcomes.lefs.push_back(item.is_null() ? std::nullopt
                                                       : r.wholeNumber(item, indexPath(lefsPath, i), "",
                                                                       core::kLefsItemRange.min,
                                                                       core::kLefsItemRange.max));
            }
    }
    if (const Json* psfs = member(json, "psfs")) {
        const std::string psfsPath = childPath(path, "psfs");
        if (r.expectArray(*psfs, psfsPath))
            for (std::size_t i = 0; i < psfs->size(); ++i) {
                const std::string itemPath = indexPath(psfsPath, i);
                core::PsfsItem item;
                const Json& value = (*psfs)[i];
                if (r.expectObject(value, itemPath)) {
                    r.checkKeys(value, itemPath, {"activity", "score"});
                    if (const Json* v = member(value, "activity"))
                        item.activity = r.text(*v, childPath(itemPath, "activity")).value_or("");
                    if (const Json* v = member(value, "score"))
                        item.score = r.wholeNumber(*v, childPath(itemPath, "score"), "",
                                                   core::kPsfsScoreRange.min, core::kPsfsScoreRange.max);
                }
                outcomes.psfs.push_back(std::move(item));
            }
    }
}

// ---- writing -------------------------------------------------------------------------------------

void putText(Json& object, const char* key, const std::string& value)
{
    if (!value.empty())
        object[key] = value;
}

template <typename T>
void putOptional(Json& object, const char* key, const std::optional<T>& value)
{
    if (value)
        object[key] = *value;
}

template <typename Map, typename Convert>
void putPerSide(Json& root, const char* section, const core::PerSide<Map>& perSide, Convert convert)
{
    Json out = Json::object();
    for (core::Side side : core::kSides) {
        if (perSide[side].empty())
            continue;
        Json sideJson = Json::object();
        for (const auto& [key, value] : perSide[side])
            sideJson[std::string(core::toId(key))] = convert(value);
        out[std::string(core::toId(side))] = std::move(sideJson);
    }
    if (!out.empty())
        root[section] = std::move(out);
}

template <typename E>
Json idArray(const std::set<E>& values)
{
    Json out = Json::array();
    for (E value : values)
        out.push_back(std::string(core::toId(value)));
    return out;
}

} // namespace

core::Assessment readAssessment(std::string_view json, const core::Date& today)
{
    const Json root = detail::parseDocument(json);
    if (!root.is_object())
        throw InputError("", "expected an assessment (a JSON object) at the top level, got " +
                                 detail::describe(root));

    JsonReader r;
    r.checkFormat(root, kAssessmentFormat, "an assessment file");
    r.checkKeys(root, "", {"format", "patient", "visit", "rom", "rotation_position", "pain", "tests",
                           "strength", "endurance", "balance", "red_flags", "red_flags_screened", "precautions",
                           "outcomes"});

    core::Assessment a;
    if (const Json* v = member(root, "patient"))
        readPatient(r, *v, a.patient);
    else
        r.problem("patient", "required");
    if (const Json* v = member(root, "visit"))
        readVisit(r, *v, a.visit);
    if (const Json* v = member(root, "rom"))
        readRom(r, *v, a);
    if (const Json* v = member(root, "rotation_position"))
        a.rotationPosition = r.idValue<core::RotationPosition>(*v, "rotation_position", "rotation position");
    if (const Json* v = member(root, "pain"))
        readPain(r, *v, a.pain);
    if (const Json* v = member(root, "tests"))
        readTests(r, *v, a);
    if (const Json* v = member(root, "strength"))
        readStrength(r, *v, a);
    if (const Json* v = member(root, "endurance"))
        readEndurance(r, *v, a.endurance);
    if (const Json* v = member(root, "balance"))
        readBalance(r, *v, a.balance);
    if (const Json* v = member(root, "red_flags"))
        readIdSet(r, *v, "red_flags", "red flag", a.redFlags);
    if (const Json* v = member(root, "red_flags_screened"))
        a.redFlagsScreened = r.boolean(*v, "red_flags_screened").value_or(false);
    // Ticking a flag is itself a screen.
    if (!a.redFlags.empty())
        a.redFlagsScreened = true;
    if (const Json* v = member(root, "precautions"))
        readIdSet(r, *v, "precautions", "precaution", a.precautions);
    if (const Json* v = member(root, "outcomes"))
        readOutcomes(r, *v, a.outcomes);

    r.mergeUncovered(core::validate(a, today));
    r.throwIfProblems();
    return a;
}

std::string writeAssessment(const core::Assessment& a)
{
    Json root = Json::object();
    root["format"] = kAssessmentFormat;

    Json patient = Json::object();
    putText(patient, "id", a.patient.externalId);
    patient["name"] = a.patient.name;
    if (a.patient.birthDate)
        patient["birth_date"] = a.patient.birthDate->iso();
    if (a.patient.sex != core::Sex::Unknown)
        patient["sex"] = core::toId(a.patient.sex);
    putText(patient, "email", a.patient.email);
    putText(patient, "phone", a.patient.phone);
    root["patient"] = std::move(patient);

    Json visit = Json::object();
    if (a.visit.date)
        visit["date"] = a.visit.date->iso();
    putText(visit, "clinician", a.visit.clinician);
    if (a.visit.affectedSide)
        visit["affected_side"] = core::toId(*a.visit.affectedSide);
    putText(visit, "complaint", a.visit.complaint);
    putText(visit, "notes", a.visit.notes);
    putText(visit, "impression", a.visit.impression);
    putText(visit, "plan", a.visit.plan);
    putText(visit, "goals", a.visit.goals);
    if (a.visit.normSet)
        visit["norm_set"] = core::normSetId(*a.visit.normSet);
    if (!visit.empty())
        root["visit"] = std::move(visit);

    putPerSide(root, "rom", a.rom, [](int degrees) { return Json(degrees); });
    if (a.rotationPosition)
        root["rotation_position"] = core::toId(*a.rotationPosition);

    Json pain = Json::object();
    putOptional(pain, "nprs_now", a.pain.nprsNow);
    putOptional(pain, "nprs_best_24h", a.pain.nprsBest24h);
    putOptional(pain, "nprs_worst_24h", a.pain.nprsWorst24h);
    if (a.pain.irritability)
        pain["irritability"] = core::toId(*a.pain.irritability);
    if (!a.pain.areas.empty()) {
        Json areas = Json::array();
        for (const core::PainArea& area : a.pain.areas)
            areas.push_back(Json{{"region", core::toId(area.region)}, {"side", core::toId(area.side)}});
        pain["areas"] = std::move(areas);
    }
    if (!pain.empty())
        root["pain"] = std::move(pain);

    putPerSide(root, "tests", a.tests, [](const core::TestResult& result) {
        switch (result.kind) {
        case core::TestResult::Kind::Positive: return Json("positive");
        case core::TestResult::Kind::Negative: return Json("negative");
        case core::TestResult::Kind::Angle: break;
        }
        if (result.reproducesLegPain)
            return Json{{"angle", result.angle}, {"reproduces_leg_pain", true}};
        return Json(result.angle);
    });
    putPerSide(root, "strength", a.strength,
               [](const core::StrengthGrade& grade) { return Json(grade.text()); });

    Json endurance = Json::object();
    putOptional(endurance, "plank_hold_s", a.endurance.plankHoldS);
    Json bridge = Json::object();
    for (core::Side side : core::kSides)
        if (const auto& s = a.endurance.sideBridgeHoldS[side])
            bridge[std::string(core::toId(side))] = *s;
    if (!bridge.empty())
        endurance["side_bridge_hold_s"] = std::move(bridge);
    putOptional(endurance, "trunk_flexor_hold_s", a.endurance.trunkFlexorHoldS);
    putOptional(endurance, "trunk_extensor_hold_s", a.endurance.trunkExtensorHoldS);
    if (!endurance.empty())
        root["endurance"] = std::move(endurance);

    Json balance = Json::object();
    putOptional(balance, "falls_past_year", a.balance.fallsPastYear);
    Json stance = Json::object();
    for (core::Side side : core::kSides)
        if (const auto& s = a.balance.singleLegStanceS[side])
            stance[std::string(core::toId(side))] = *s;
    if (!stance.empty())
        balance["single_leg_stance_s"] = std::move(stance);
    if (a.balance.painBeforeFalls)
        balance["pain_before_falls"] = true;
    if (!balance.empty())
        root["balance"] = std::move(balance);

    if (!a.redFlags.empty())
        root["red_flags"] = idArray(a.redFlags);
    if (a.redFlagsScreened)
        root["red_flags_screened"] = true;
    if (!a.precautions.empty())
        root["precautions"] = idArray(a.precautions);

    Json outcomes = Json::object();
    if (!a.outcomes.lefs.empty()) {
        Json lefs = Json::array();
        for (const auto& item : a.outcomes.lefs)
            lefs.push_back(item ? Json(*item) : Json(nullptr));
        outcomes["lefs"] = std::move(lefs);
    }
    if (!a.outcomes.psfs.empty()) {
        Json psfs = Json::array();
        for (const auto& item : a.outcomes.psfs) {
            Json entry = Json::object();
            entry["activity"] = item.activity;
            putOptional(entry, "score", item.score);
            psfs.push_back(std::move(entry));
        }
        outcomes["psfs"] = std::move(psfs);
    }
    if (!outcomes.empty())
        root["outcomes"] = std::move(outcomes);

    return detail::dumpDocument(root);
}

} // namespace hiprx::exchange
