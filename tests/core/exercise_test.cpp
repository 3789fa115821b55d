// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/exercise.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

using namespace hiprx::core::test;

TEST(ExerciseLibrary, KeepsExercisesSortedById)
{
    ExerciseLibrary library({exercise("plank", ExerciseKind::Strengthen, {MuscleGroup::Core}),
                             exercise("clamshell", ExerciseKind::Strengthen, {MuscleGroup::GluteusMedius}),
                             exercise("glute_bridge", ExerciseKind::Strengthen, {MuscleGroup::GluteusMaximus})});
    ASSERT_EQ(library.size(), 3u);
    EXPECT_EQ(library.all()[0].id, "clamshell");
    EXPECT_EQ(library.all()[1].id, "glute_bridge");
    EXPECT_EQ(library.all()[2].id, "plank");
    ASSERT_NE(library.find("glute_bridge"), nullptr);
    EXPECT_EQ(library.find("glute_bridge")->id, "glute_bridge");
    EXPECT_EQ(library.find("pigeon_stretch"), nullptr);
    EXPECT_EQ(ExerciseLibrary().find("plank"), nullptr);
}

TEST(ExerciseLibrary, DuplicateIdsThrowInputError)
{
    std::vector<Exercise> exercises{exercise("plank", ExerciseKind::Strengthen, {MuscleGroup::Core}),
                                    exercise("plank", ExerciseKind::Strengthen, {MuscleGroup::Core})};
    try {
        ExerciseLibrary library(exercises);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.problems().size(), 1u);
        EXPECT_NE(error.problems()[0].message.find("'plank' is used twice"), std::string::npos);
    }
}

TEST(ValidateExercise, AWellFormedExerciseHasNoProblems)
{
    EXPECT_TRUE(validateExercise(exercise("clamshell", ExerciseKind::Strengthen, {MuscleGroup::GluteusMedius}),
                                 "exercises[0]")
                    .empty());
}

TEST(ValidateExercise, ReportsEveryProblemWithItsPath)
{
    auto e = exercise("Bad Id", ExerciseKind::Stretch, {});
    e.name.clear();
    e.steps = {"Only one step."};
    e.defaultDose.sets = 0;
    e.defaultDose.holdS = 700;
    e.defaultDose.daysPerWeek = 8;
    e.easier = {"Bad Id", "ok_id"};
    const auto problems = validateExercise(e, "exercises[4]");
    std::vector<std::string> paths;
    for (const auto& p : problems)
        paths.push_back(p.path);
    for (const char* path : {"exercises[4].id", "exercises[4].name", "exercises[4].targets", "exercises[4].steps",
                             "exercises[4].default_dose.sets", "exercises[4].default_dose.hold_s",
                             "exercises[4].default_dose.days_per_week", "exercises[4].easier[0]"})
        EXPECT_TRUE(contains(paths, path)) << path;
    bool found = false;
    for (const auto& p : problems)
        found = found || p.message == "exercises[4].default_dose.sets: 0 is outside 1–10";
    EXPECT_TRUE(found);
}

TEST(ValidateExercise, AnExerciseCannotBeItsOwnProgression)
{
    auto e = exercise("side_plank", ExerciseKind::Strengthen, {MuscleGroup::Core});
    e.harder = {"side_plank"};
    const auto problems = validateExercise(e, "x");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "x.harder[0]");
}

} // namespace
} // namespace hiprx::core
