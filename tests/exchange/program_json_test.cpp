// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace hiprx;
using namespace hiprx::core;
using hiprx::exchange::readProgram;
using hiprx::exchange::writePlan;
using hiprx::exchange::writeProgram;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> keysOf(const Json& object)
{
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items())
        keys.push_back(key);
    return keys;
}

Program samplePlanProgram()
{
    Program p;
    ProgramItem stretch;
    stretch.exerciseId = "kneeling_hip_flexor_stretch";
    stretch.name = "Kneeling hip flexor stretch";
    stretch.kind = ExerciseKind::Stretch;
    stretch.targets = {MuscleGroup::HipFlexors, MuscleGroup::RectusFemoris};
    stretch.side = ExerciseSide::Left;
    stretch.dose = {1, 3, 30, 0, 1, 7, "", ""};
    stretch.basis = {"tight hip_flexors left (R-TIGHT-HIPFLEX-1)"};
    ProgramItem plank;
    plank.exerciseId = "front_plank";
    plank.name = "Front plank";
    plank.kind = ExerciseKind::Strengthen;
    plank.targets = {MuscleGroup::Core};
    plank.side = ExerciseSide::None;
    plank.dose = {3, 1, 20, 60, 1, 3, "body weight", "keep breathing"};
    plank.notes = "Start on your knees if this is too hard.";
    p.items = {stretch, plank};
    p.excluded = {{"pigeon_stretch", "Pigeon stretch", "tha_posterior", MovementDemand::HipFlexionPast90,
                   "tha_posterior: hip flexion past 90\xC2\xB0"}};
    p.referralLevel = Urgency::Urgent;
    p.withheld = false;
    p.warnings = {"Urgent referral: acknowledge before issuing."};
    return p;
}

Analysis sampleAnalysis()
{
    Analysis a;
    Impairment tight;
    tight.muscle = MuscleGroup::HipFlexors;
    tight.kind = ImpairmentKind::Tight;
    tight.side = Side::Left;
    tight.evidence = {"hip_extension left 0\xC2\xB0 (norm \xE2\x89\xA5 10\xC2\xB0)", "thomas_iliopsoas left positive"};
    tight.rules = {"R-TIGHT-HIPFLEX-1", "R-TIGHT-HIPFLEX-2"};
    tight.rationale = "Extension below norm with a positive Thomas test points to short hip flexors.";
    Impairment core;
    core.muscle = MuscleGroup::Core;
    core.kind = ImpairmentKind::Weak;
    core.evidence = {"plank_hold_s 15"};
    core.rules = {"R-WEAK-CORE-1"};
    core.rationale = "Short plank hold.";
    a.impairments = {tight, core};
    RedFlagWarning warning;
    warning.id = "unexplained_weight_loss";
    warning.flags = {RedFlag::UnexplainedWeightLoss};
    warning.level = Urgency::Urgent;
    warning.clinicianText = "Screen for systemic disease; arrange review by a physician within days.";
    warning.patientText = "Please see your doctor this week.";
    warning.rule = "RF-WEIGHT-1";
    a.referral = {Urgency::Urgent, {warning}};
    a.irritability = Irritability::Moderate;
    a.irritabilityBasis = {"nprs_worst_24h 7"};
    a.precautions = {Precaution::ThaPosterior};
    a.cautions = {{"C-FADIR-1", "fadir left positive",
                   {MovementDemand::HipFlexionPast90, MovementDemand::HipInternalRotation}}};
    a.notes = {{"N-SLUMP-1", "Slump positive: hamstring stretching not suggested."}};
    return a;
}

} // namespace

TEST(PlanJson, HasTheContractShape)
{
    const Json plan = Json::parse(writePlan(sampleAnalysis(), samplePlanProgram()));
    EXPECT_THAT(keysOf(plan), ElementsAre("format", "referral", "irritability", "precautions", "norm_set",
                                          "impairments", "program", "excluded", "withheld", "warnings", "unserved",
                                          "notes", "cautions"));
    EXPECT_EQ(plan["format"], "hiprx-plan/1");

    EXPECT_EQ(plan["referral"]["level"], "urgent");
    const Json& warning = plan["referral"]["warnings"][0];
    EXPECT_THAT(keysOf(warning), ElementsAre("flag", "flags", "level", "text", "patient_text", "rule"));
    EXPECT_EQ(warning["flag"], "unexplained_weight_loss");
    EXPECT_EQ(warning["flags"], Json::array({"unexplained_weight_loss"}));
    EXPECT_EQ(warning["level"], "urgent");
    EXPECT_EQ(warning["patient_text"], "Please see your doctor this week.");

    EXPECT_EQ(plan["irritability"]["level"], "moderate");
    EXPECT_EQ(plan["irritability"]["basis"][0], "nprs_worst_24h 7");
    EXPECT_EQ(plan["precautions"], Json::array({"tha_posterior"}));

    const Json& imp = plan["impairments"][0];
    EXPECT_THAT(keysOf(imp), ElementsAre("muscle", "kind", "side", "evidence", "rule", "rules", "rationale"));
    EXPECT_EQ(imp["muscle"], "hip_flexors");
    EXPECT_EQ(imp["kind"], "tight");
    EXPECT_EQ(imp["side"], "left");
    EXPECT_EQ(imp["rule"], "R-TIGHT-HIPFLEX-1");
    EXPECT_EQ(imp["rules"].size(), 2u);
    EXPECT_EQ(imp["evidence"][0], "hip_extension left 0\xC2\xB0 (norm \xE2\x89\xA5 10\xC2\xB0)");
    EXPECT_EQ(plan["impairments"][1]["side"], "none"); // midline

    const Json& item = plan["program"][0];
    EXPECT_THAT(keysOf(item), ElementsAre("exercise", "name", "kind", "targets", "side", "dose", "basis"));
    EXPECT_EQ(item["exercise"], "kneeling_hip_flexor_stretch");
    EXPECT_EQ(item["kind"], "stretch");
    EXPECT_EQ(item["targets"], Json::array({"hip_flexors", "rectus_femoris"}));
    EXPECT_THAT(keysOf(item["dose"]), ElementsAre("sets", "reps", "hold_s", "rest_s", "per_day", "days_per_week"));
    EXPECT_EQ(item["dose"]["hold_s"], 30);
    const Json& plank = plan["program"][1];
    EXPECT_EQ(plank["side"], "none");
    EXPECT_EQ(plank["notes"], "Start on your knees if this is too hard.");
    EXPECT_EQ(plank["dose"]["load"], "body weight");
    EXPECT_EQ(plank["dose"]["notes"], "keep breathing");

    const Json& excluded = plan["excluded"][0];
    EXPECT_THAT(keysOf(excluded), ElementsAre("exercise", "name", "reason", "cause", "demand"));
    EXPECT_EQ(excluded["demand"], "hip_flexion_past_90");
    EXPECT_EQ(plan["withheld"], false);
    EXPECT_EQ(plan["notes"][0]["rule"], "N-SLUMP-1");
    EXPECT_EQ(plan["cautions"][0]["avoid"], Json::array({"hip_flexion_past_90", "hip_internal_rotation"}));
}

TEST(PlanJson, EmptyAnalysisStillWritesEverySection)
{
    const Json plan = Json::parse(writePlan(Analysis{}, Program{}));
    EXPECT_EQ(plan["referral"]["level"], "none");
    EXPECT_TRUE(plan["referral"]["warnings"].empty());
    EXPECT_TRUE(plan["program"].is_array());
    EXPECT_TRUE(plan["excluded"].is_array());
    EXPECT_TRUE(plan["impairments"].is_array());
}

TEST(ProgramJson, RoundTripsEveryField)
{
    Program p = samplePlanProgram();
    p.withheld = true;
    p.referralLevel = Urgency::Emergency;
    p.items[0].notes = "Gently \xE2\x80\x94 no bouncing. \xCE\xA0\xCF\x81\xCE\xBF\xCF\x83\xCE\xBF\xCF\x87\xCE\xAE";
    // the instruction snapshot an issued program keeps
    p.items[0].startPosition = "Kneel on a cushion, one foot forward.";
    p.items[0].steps = {"Tuck your tailbone under.", "Shift forward gently.", "Hold, then relax."};
    p.items[0].keyCue = "Keep your back upright.";
    p.items[0].stopIf = "Your knee or back hurts.";
    p.items[0].equipment = {"cushion"};
    p.items[0].figureId = "kneeling_hip_flexor_stretch";
    p.items[0].videoUrl = "https://example.org/v/1";
    const std::string json = writeProgram(p);
    EXPECT_EQ(readProgram(json), p);
    EXPECT_EQ(Json::parse(json)["program"][0]["steps"].size(), 3u);
    EXPECT_FALSE(Json::parse(json)["program"][1].contains("steps")); // empty snapshot fields are left out
    EXPECT_FALSE(Json::parse(writePlan(Analysis{}, p))["program"][0].contains("steps"));
    const Json parsed = Json::parse(json);
    EXPECT_THAT(keysOf(parsed), ElementsAre("format", "referral_level", "withheld", "program", "excluded", "warnings"));
    EXPECT_EQ(parsed["format"], "hiprx-program/1");
}

TEST(ProgramJson, EmptyProgramRoundTrips)
{
    EXPECT_EQ(readProgram(writeProgram(Program{})), Program{});
}

TEST(ProgramJson, BadProgramsReportEveryProblem)
{
    try {
        readProgram(R"({"format": "hiprx-program/1", "referral_level": "soon",
          "program": [{"exercise": "front_plank", "name": "Front plank", "kind": "stretch", "side": "middle",
                       "dose": {"sets": 0, "reps": 10.5}},
                      {"name": "No id", "kind": "yoga", "side": "left", "dose": {"sets": 1, "reps": 1}}],
          "excluded": [{"exercise": "x", "name": "X", "reason": "r", "cause": "c", "demand": "flying"}]})");
        FAIL() << "accepted";
    } catch (const InputError& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems())
            paths.push_back(p.path);
        EXPECT_THAT(paths, UnorderedElementsAre("referral_level", "program[0].side", "program[0].dose.sets",
                                                "program[0].dose.reps", "program[1].exercise", "program[1].kind",
                                                "excluded[0].demand"));
        EXPECT_THAT(std::string(e.what()), HasSubstr("program[0].dose.sets: 0 is outside 1\xE2\x80\x93" "10"));
    }
}

TEST(ProgramJson, RejectsAnotherFormat)
{
    EXPECT_THROW(readProgram(R"({"format": "hiprx-plan/1"})"), InputError);
    EXPECT_THROW(readProgram("[]"), InputError);
    EXPECT_THROW(readProgram(""), InputError);
}
