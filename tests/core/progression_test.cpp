// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/progression.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

Dose dose(int sets, int reps, int holdS = 0)
{
    Dose d;
    d.sets = sets;
    d.reps = reps;
    d.holdS = holdS;
    return d;
}

ExerciseLibrary ladderLibrary()
{
    auto bridge = test::exercise("glute_bridge", ExerciseKind::Strengthen, {MuscleGroup::GluteusMaximus});
    bridge.sided = false;
    bridge.harder = {"missing_exercise", "single_leg_bridge"};
    bridge.easier = {"bridge_hold"};
    auto single =
        test::exercise("single_leg_bridge", ExerciseKind::Strengthen, {MuscleGroup::GluteusMaximus});
    single.easier = {"glute_bridge"};
    single.steps = {"Lift one foot.", "Lift the hips.", "Lower slowly."};
    auto hold = test::exercise("bridge_hold", ExerciseKind::Strengthen, {MuscleGroup::GluteusMaximus});
    hold.sided = false;
    hold.harder = {"glute_bridge"};
    auto stretch =
        test::exercise("hamstring_strap_stretch", ExerciseKind::Stretch, {MuscleGroup::Hamstrings});
    return ExerciseLibrary({bridge, single, hold, stretch});
}

ProgramItem itemFor(const ExerciseLibrary& lib, const std::string& id, ExerciseSide side, Dose dose)
{
    const Exercise* e = lib.find(id);
    ProgramItem item;
    item.exerciseId = e->id;
    item.name = e->name;
    item.kind = e->kind;
    item.side = side;
    item.dose = dose;
    item.steps = e->steps;
    return item;
}

TEST(ProgressDose, StrengthAddsRepsThenASet)
{
    EXPECT_EQ(progressDose(dose(2, 10), ExerciseKind::Strengthen).reps, 12);
    const Dose topped = progressDose(dose(2, 14), ExerciseKind::Strengthen);
    EXPECT_EQ(topped.sets, 3);
    EXPECT_EQ(topped.reps, 10);
    const Dose top = progressDose(dose(3, 15), ExerciseKind::Strengthen);
    EXPECT_EQ(top.sets, 3);
    EXPECT_EQ(top.reps, 15);
}

TEST(ProgressDose, StretchAddsARepetitionThenHoldTime)
{
    EXPECT_EQ(progressDose(dose(1, 3, 30), ExerciseKind::Stretch).reps, 4);
    const Dose longer = progressDose(dose(1, 4, 30), ExerciseKind::Stretch);
    EXPECT_EQ(longer.reps, 4);
    EXPECT_EQ(longer.holdS, 45);
    EXPECT_EQ(progressDose(dose(1, 4, 60), ExerciseKind::Stretch).holdS, 60);
}

TEST(RegressDose, StrengthDropsASetThenReps)
{
    EXPECT_EQ(regressDose(dose(3, 12), ExerciseKind::Strengthen).sets, 2);
    const Dose fewer = regressDose(dose(1, 12), ExerciseKind::Strengthen);
    EXPECT_EQ(fewer.sets, 1);
    EXPECT_EQ(fewer.reps, 10);
    EXPECT_EQ(regressDose(dose(1, 6), ExerciseKind::Strengthen).reps, 5);
}

TEST(RegressDose, StretchShortensTheHold)
{
    EXPECT_EQ(regressDose(dose(1, 3, 30), ExerciseKind::Stretch).holdS, 20);
    EXPECT_EQ(regressDose(dose(1, 3, 12), ExerciseKind::Stretch).holdS, 10);
    EXPECT_EQ(regressDose(dose(1, 3, 10), ExerciseKind::Stretch).reps, 2);
}

TEST(NextProgram, ProgressSwapsInTheFirstHarderExerciseThatExists)
{
    const auto lib = ladderLibrary();
    Program last;
    last.items.push_back(itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12)));
    const NextProgram next = suggestNextProgram(last, lib, ProgressionStep::Progress);
    ASSERT_EQ(next.items.size(), 1U);
    EXPECT_EQ(next.items[0].harder, std::vector<std::string>{"single_leg_bridge"});
    EXPECT_EQ(next.items[0].easier, std::vector<std::string>{"bridge_hold"});
    const ProgramItem& s = next.items[0].suggested;
    EXPECT_EQ(s.exerciseId, "single_leg_bridge");
    // A sided exercise replacing a midline one is done on each leg.
    EXPECT_EQ(s.side, ExerciseSide::Both);
    EXPECT_EQ(s.steps, lib.find("single_leg_bridge")->steps);
    EXPECT_EQ(next.program().items.at(0).exerciseId, "single_leg_bridge");
}

TEST(NextProgram, WithoutAHarderExerciseTheDoseRises)
{
    const auto lib = ladderLibrary();
    Program last;
    last.items.push_back(itemFor(lib, "hamstring_strap_stretch", ExerciseSide::Left, dose(1, 3, 30)));
    const NextProgram next = suggestNextProgram(last, lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "hamstring_strap_stretch");
    EXPECT_EQ(next.items[0].suggested.side, ExerciseSide::Left);
    EXPECT_EQ(next.items[0].suggested.dose.reps, 4);
}

TEST(NextProgram, RegressSwapsInTheEasierExercise)
{
    const auto lib = ladderLibrary();
    Program last;
    last.items.push_back(itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12)));
    const NextProgram next = suggestNextProgram(last, lib, ProgressionStep::Regress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "bridge_hold");
    EXPECT_EQ(next.items[0].suggested.side, ExerciseSide::None);
}

TEST(NextProgram, HoldKeepsEveryItemAsIssued)
{
    const auto lib = ladderLibrary();
    Program last;
    last.items.push_back(itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12)));
    last.items.push_back(itemFor(lib, "hamstring_strap_stretch", ExerciseSide::Right, dose(1, 3, 30)));
    const NextProgram next = suggestNextProgram(last, lib, ProgressionStep::Hold);
    EXPECT_EQ(next.program().items, last.items);
}

TEST(NextProgram, ExerciseGoneFromTheLibraryIsOnlyDosed)
{
    const auto lib = ladderLibrary();
    Program last;
    ProgramItem old = itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12));
    old.exerciseId = "retired_exercise";
    last.items.push_back(old);
    const NextProgram next = suggestNextProgram(last, lib, ProgressionStep::Progress);
    EXPECT_TRUE(next.items[0].harder.empty());
    EXPECT_EQ(next.items[0].suggested.exerciseId, "retired_exercise");
    EXPECT_EQ(next.items[0].suggested.dose.reps, 14);
}

History twoVisits(int painBefore, int painAfter, int flexBefore, int flexAfter)
{
    DatedAssessment a{1, test::person()};
    DatedAssessment b{2, test::person()};
    a.assessment.visit.date = Date{2026, 9, 1};
    b.assessment.visit.date = Date{2026, 10, 1};
    a.assessment.pain.nprsNow = painBefore;
    b.assessment.pain.nprsNow = painAfter;
    a.assessment.rom.left[Movement::HipFlexion] = flexBefore;
    b.assessment.rom.left[Movement::HipFlexion] = flexAfter;
    return buildHistory({a, b});
}

TEST(SuggestStep, ImprovementProgressesWorseningRegressesOtherwiseHold)
{
    EXPECT_EQ(suggestStep(twoVisits(5, 3, 100, 100)), ProgressionStep::Progress);
    EXPECT_EQ(suggestStep(twoVisits(3, 5, 100, 100)), ProgressionStep::Regress);
    EXPECT_EQ(suggestStep(twoVisits(4, 4, 100, 105)), ProgressionStep::Hold);
    EXPECT_EQ(suggestStep(twoVisits(4, 3, 100, 85)), ProgressionStep::Hold);
    EXPECT_EQ(suggestStep(History{}), ProgressionStep::Hold);
}

TEST(StepReasons, NameTheMeasuresThatDecidedTheStep)
{
    // Pain 5 → 3 counts (2 points); flexion 100 → 105 is within its error and is not named.
    const auto better = stepReasons(twoVisits(5, 3, 100, 105));
    ASSERT_EQ(better.size(), 1U);
    EXPECT_NE(better[0].find("-2 points since the previous visit: improved"), std::string::npos) << better[0];
    // Flexion 100 → 85 is worse beyond its error (degrees, not points).
    const auto worse = stepReasons(twoVisits(4, 4, 100, 85));
    ASSERT_EQ(worse.size(), 1U);
    EXPECT_NE(worse[0].find("hip flexion (left) -15° since the previous visit: worse"), std::string::npos)
        << worse[0];
    // A rise in pain is an alert: its message is the reason.
    const History risen = twoVisits(3, 5, 100, 100);
    const auto alerted = stepReasons(risen);
    ASSERT_FALSE(risen.latestAlerts().empty());
    EXPECT_EQ(alerted.front(), risen.latestAlerts().front().message);
    EXPECT_EQ(
        stepReasons(twoVisits(4, 4, 100, 104)),
        std::vector<std::string>{"no measure changed beyond its measurement error since the previous visit"});
    EXPECT_EQ(stepReasons(History{}), std::vector<std::string>{"no visit recorded yet"});
}

TEST(NextProgram, ProgramWithBasisSaysWhatChangedAndWhy)
{
    const auto lib = ladderLibrary();
    Program last;
    ProgramItem bridge = itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12));
    bridge.basis = {"weak gluteus_maximus"};
    last.items.push_back(bridge);
    last.items.push_back(itemFor(lib, "hamstring_strap_stretch", ExerciseSide::Left, dose(1, 3, 30)));
    NextProgram next = suggestNextProgram(last, lib, ProgressionStep::Progress);
    next.reasons = {"LEFS +12 points since the previous visit: improved (counts from 9 points)"};
    const Program p = next.programWithBasis();
    ASSERT_EQ(p.items.size(), 2U);
    // The items are the suggestion's, with one more basis line each; the old basis is kept.
    EXPECT_EQ(p.items[0].exerciseId, "single_leg_bridge");
    ASSERT_EQ(p.items[0].basis.size(), 2U);
    EXPECT_EQ(p.items[0].basis[0], "weak gluteus_maximus");
    EXPECT_EQ(p.items[0].basis[1], "next step (progress) from " + lib.find("glute_bridge")->name +
                                       ": harder version: " + lib.find("single_leg_bridge")->name +
                                       ", because LEFS +12 points since the previous visit: improved (counts "
                                       "from 9 points)");
    ASSERT_EQ(p.items[1].basis.size(), 1U);
    EXPECT_NE(p.items[1].basis[0].find("dose raised one step"), std::string::npos) << p.items[1].basis[0];
    EXPECT_EQ(p.items[1].dose.reps, 4);
}

} // namespace
} // namespace hiprx::core
