// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace hiprx;
using namespace hiprx::core;
using hiprx::exchange::readExercises;
using hiprx::exchange::writeExercises;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

Exercise bridge()
{
    Exercise e;
    e.id = "supine_bridge";
    e.name = "Bridge";
    e.kind = ExerciseKind::Strengthen;
    e.targets = {MuscleGroup::GluteusMaximus, MuscleGroup::Hamstrings};
    e.sided = false;
    e.startPosition = "Lie on your back, knees bent, feet flat on the floor.";
    e.steps = {"Tighten your tummy muscles.", "Lift your hips until knees, hips and shoulders line up.",
               "Hold, then lower slowly."};
    e.keyCue = "Push through your heels.";
    e.stopIf = "Your back or hip pain gets sharper.";
    e.defaultDose = {2, 10, 3, 30, 1, 5, "body weight", "slow and steady"};
    e.equipment = {"mat"};
    e.demands = {MovementDemand::LongSupineLying, MovementDemand::HipExtensionPastNeutral};
    e.easier = {"pelvic_tilt"};
    e.harder = {"single_leg_bridge"};
    e.figureId = "supine_bridge";
    e.videoUrl = "https://example.org/bridge";
    e.sources = {"seed:002"};
    e.builtin = true;
    return e;
}

Exercise clamshell()
{
    Exercise e = bridge();
    e.id = "clamshell";
    e.name = "Clamshell \xE2\x80\x94 side lying";
    e.targets = {MuscleGroup::GluteusMedius};
    e.sided = true;
    e.defaultDose = {3, 12, 0, 45, 1, 7, "", ""};
    e.equipment = {};
    e.demands = {};
    e.easier = {};
    e.harder = {};
    e.videoUrl = "";
    return e;
}

std::vector<FieldProblem> problemsOf(std::string_view json)
{
    try {
        readExercises(json, false);
    } catch (const InputError& e) {
        return e.problems();
    }
    ADD_FAILURE() << "accepted";
    return {};
}

std::vector<std::string> pathsOf(std::string_view json)
{
    std::vector<std::string> out;
    for (const auto& p : problemsOf(json))
        out.push_back(p.path);
    return out;
}

/// A library file holding `bridge()` with one key replaced (or removed when `value` is null).
std::string bridgeWith(const std::string& key, const nlohmann::ordered_json& value)
{
    auto doc = nlohmann::ordered_json::parse(writeExercises({bridge()}));
    if (value.is_null())
        doc["exercises"][0].erase(key);
    else
        doc["exercises"][0][key] = value;
    return doc.dump();
}

} // namespace

TEST(ExercisesJson, RoundTripsAndMarksTheSource)
{
    const std::vector<Exercise> library = {bridge(), clamshell()};
    const std::string json = writeExercises(library);
    EXPECT_EQ(readExercises(json, true), library);
    const auto clinic = readExercises(json, false);
    ASSERT_EQ(clinic.size(), 2u);
    EXPECT_FALSE(clinic[0].builtin);
    EXPECT_FALSE(clinic[1].builtin);
}

TEST(ExercisesJson, WritesTheExactKeys)
{
    const auto doc = nlohmann::ordered_json::parse(writeExercises({clamshell()}));
    EXPECT_EQ(doc["format"], "hiprx-exercises/1");
    std::vector<std::string> keys;
    for (const auto& [key, value] : doc["exercises"][0].items())
        keys.push_back(key);
    EXPECT_THAT(keys, ElementsAre("id", "name", "kind", "targets", "sided", "start_position", "steps", "key_cue",
                                  "stop_if", "dose", "equipment", "demands", "easier", "harder", "figure",
                                  "video_url", "sources"));
    std::vector<std::string> doseKeys;
    for (const auto& [key, value] : doc["exercises"][0]["dose"].items())
        doseKeys.push_back(key);
    EXPECT_THAT(doseKeys, ElementsAre("sets", "reps", "hold_s", "rest_s", "per_day", "days_per_week", "load", "notes"));
}

TEST(ExercisesJson, UnknownDemandNamesItsPath)
{
    std::ifstream in(std::string(HIPRX_TEST_DATA_DIR) + "/bad_exercises_unknown_demand.json");
    std::ostringstream text;
    text << in.rdbuf();
    const auto problems = problemsOf(text.str());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_THAT(problems[0].message,
                HasSubstr("exercises[0].demands[1]: unknown movement demand \"x\" (expected one of "
                          "hip_flexion_past_90, "));
}

TEST(ExercisesJson, UnknownIdsAndKeys)
{
    EXPECT_THAT(pathsOf(bridgeWith("kind", "yoga")), ElementsAre("exercises[0].kind"));
    EXPECT_THAT(pathsOf(bridgeWith("targets", {"glutes"})), ElementsAre("exercises[0].targets[0]"));
    EXPECT_THAT(pathsOf(bridgeWith("colour", "red")), ElementsAre("exercises[0].colour"));
    EXPECT_THAT(pathsOf(bridgeWith("demands", {"kneeling", "kneeling"})), ElementsAre("exercises[0].demands[1]"));
}

TEST(ExercisesJson, MissingRequiredKeys)
{
    for (const char* key : {"id", "name", "kind", "targets", "sided", "start_position", "steps", "key_cue",
                            "stop_if", "dose", "demands"})
        EXPECT_THAT(pathsOf(bridgeWith(key, nullptr)), Contains(std::string("exercises[0].") + key)) << key;
    // optional keys may be left out
    for (const char* key : {"equipment", "easier", "harder", "figure", "video_url", "sources"})
        EXPECT_NO_THROW(readExercises(bridgeWith(key, nullptr), true)) << key;
}

TEST(ExercisesJson, WrongTypesAndDoseRanges)
{
    EXPECT_THAT(pathsOf(bridgeWith("sided", "yes")), ElementsAre("exercises[0].sided"));
    EXPECT_THAT(pathsOf(bridgeWith("steps", "one step")), ElementsAre("exercises[0].steps"));
    EXPECT_THAT(pathsOf(bridgeWith("dose", {{"sets", 11}, {"reps", 0}, {"hold_s", 2.5}})),
                ElementsAre("exercises[0].dose.sets", "exercises[0].dose.reps", "exercises[0].dose.hold_s"));
}

TEST(ExercisesJson, ContentIsCheckedByValidateExercise)
{
    // two steps is well-formed JSON but too few for a patient handout
    const auto problems = pathsOf(bridgeWith("steps", {"Lie down.", "Lift."}));
    EXPECT_THAT(problems, ElementsAre("exercises[0].steps"));
    EXPECT_THAT(pathsOf(bridgeWith("id", "Not Snake")), ElementsAre("exercises[0].id"));
}

TEST(ExercisesJson, DuplicateIdsAreRejected)
{
    Exercise second = clamshell();
    second.id = "supine_bridge";
    const auto problems = problemsOf(writeExercises({bridge(), clamshell(), second}));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "exercises[2].id: \"supine_bridge\" is also the id of exercises[0]");
}

TEST(ExercisesJson, FileShape)
{
    EXPECT_THAT(pathsOf(R"({"format": "hiprx-exercises/1"})"), ElementsAre("exercises"));
    EXPECT_THAT(pathsOf(R"({"format": "hiprx-exercises/2", "exercises": []})"), ElementsAre("format"));
    EXPECT_THAT(pathsOf(R"({"exercises": {}})"), ElementsAre("exercises"));
    EXPECT_TRUE(readExercises(R"({"exercises": []})", true).empty());
}
