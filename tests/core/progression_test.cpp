// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/progression.h"
#include "core/screen.h"

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
    const NextProgram next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Progress);
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
    const NextProgram next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "hamstring_strap_stretch");
    EXPECT_EQ(next.items[0].suggested.side, ExerciseSide::Left);
    EXPECT_EQ(next.items[0].suggested.dose.reps, 4);
}

TEST(NextProgram, RegressSwapsInTheEasierExercise)
{
    const auto lib = ladderLibrary();
    Program last;
    last.items.push_back(itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12)));
    const NextProgram next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Regress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "bridge_hold");
    EXPECT_EQ(next.items[0].suggested.side, ExerciseSide::None);
}

TEST(NextProgram, HoldKeepsEveryItemAsIssued)
{
    const auto lib = ladderLibrary();
    Program last;
    last.items.push_back(itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12)));
    last.items.push_back(itemFor(lib, "hamstring_strap_stretch", ExerciseSide::Right, dose(1, 3, 30)));
    const NextProgram next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Hold);
    EXPECT_EQ(next.program().items, last.items);
}

TEST(NextProgram, ExerciseGoneFromTheLibraryIsOnlyDosed)
{
    const auto lib = ladderLibrary();
    Program last;
    ProgramItem old = itemFor(lib, "glute_bridge", ExerciseSide::None, dose(2, 12));
    old.exerciseId = "retired_exercise";
    last.items.push_back(old);
    const NextProgram next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Progress);
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
    NextProgram next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Progress);
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


// --- the screen in the progression ---------------------------------------------------------------

using D = MovementDemand;
using K = ExerciseKind;
using MG = MuscleGroup;

Exercise leveled(const std::string& id, K kind, std::vector<MG> targets, int level, std::set<D> demands = {})
{
    auto e = test::exercise(id, kind, std::move(targets), std::move(demands));
    e.level = level;
    return e;
}

/// A posterior-hip-replacement follow-up: the analysis that screens the next program.
Analysis posteriorHip(int age = 60)
{
    Analysis a;
    a.ageYears = age;
    a.precautions = {Precaution::ThaPosterior};
    return a;
}

/// sit_to_stand (2) → squat (3, deep flexion) and step_up (3, allowed); heel_slides (1) → quadruped
/// rocking (2, deep flexion) → deep_rocking (3).
ExerciseLibrary hipLibrary()
{
    auto sts = leveled("sit_to_stand", K::Strengthen, {MG::GluteusMaximus, MG::Quadriceps}, 2);
    sts.harder = {"squat", "step_up"};
    sts.easier = {"bridge_hold"};
    auto squat = leveled("squat", K::Strengthen, {MG::GluteusMaximus, MG::Quadriceps}, 3, {D::HipFlexionPast90});
    squat.easier = {"sit_to_stand"};
    auto stepUp = leveled("step_up", K::Strengthen, {MG::GluteusMaximus, MG::Quadriceps}, 3);
    stepUp.easier = {"sit_to_stand"};
    auto hold = leveled("bridge_hold", K::Strengthen, {MG::GluteusMaximus}, 1);
    hold.harder = {"sit_to_stand"};
    auto slides = leveled("heel_slides", K::Mobility, {MG::HipCapsule}, 1);
    slides.harder = {"quadruped_rocking"};
    auto rocking = leveled("quadruped_rocking", K::Mobility, {MG::HipCapsule}, 2, {D::HipFlexionPast90});
    rocking.harder = {"deep_rocking"};
    rocking.easier = {"heel_slides"};
    auto deep = leveled("deep_rocking", K::Mobility, {MG::HipCapsule}, 3, {D::HipFlexionPast90});
    return ExerciseLibrary({sts, squat, stepUp, hold, slides, rocking, deep});
}

ProgramItem issuedItem(const ExerciseLibrary& lib, const std::string& id, ExerciseSide side = ExerciseSide::Left)
{
    return makeItem(*lib.find(id), side, Analysis{});
}

Program oneItem(const ExerciseLibrary& lib, const std::string& id)
{
    Program p;
    p.items.push_back(issuedItem(lib, id));
    return p;
}

void expectNothingForbidden(const NextProgram& next, const Analysis& analysis, const ExerciseLibrary& lib)
{
    for (const ProgramItem& item : next.program().items) {
        const Exercise* e = lib.find(item.exerciseId);
        ASSERT_NE(e, nullptr) << item.exerciseId;
        EXPECT_TRUE(screenExercise(*e, analysis).empty()) << item.exerciseId;
    }
}

TEST(NextProgramScreen, AForbiddenHarderVersionIsSkippedForTheNextAllowedLink)
{
    const auto lib = hipLibrary();
    const auto next = suggestNextProgram(oneItem(lib, "sit_to_stand"), posteriorHip(), lib, ProgressionStep::Progress);
    ASSERT_EQ(next.items.size(), 1U);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "step_up");
    EXPECT_EQ(next.items[0].reason, "harder version: step up (squat left out: hip replacement, posterior approach "
                                    "forbids hip flexion past 90°)");
    ASSERT_EQ(next.excluded().size(), 1U);
    EXPECT_EQ(next.excluded()[0].exerciseId, "squat");
    EXPECT_EQ(next.excluded()[0].reason, "squat left out: hip replacement, posterior approach forbids hip flexion "
                                         "past 90°");
    expectNothingForbidden(next, posteriorHip(), lib);
    // Without the precaution the first link is taken, as before.
    EXPECT_EQ(suggestNextProgram(oneItem(lib, "sit_to_stand"), Analysis{}, lib, ProgressionStep::Progress)
                  .items[0].suggested.exerciseId,
              "squat");
}

TEST(NextProgramScreen, WithNoAllowedVersionTheExerciseStaysAndItsDoseMovesOneStep)
{
    const auto lib = hipLibrary();
    const Program last = oneItem(lib, "heel_slides");
    const auto next = suggestNextProgram(last, posteriorHip(), lib, ProgressionStep::Progress);
    const ItemSuggestion& s = next.items[0];
    EXPECT_EQ(s.suggested.exerciseId, "heel_slides");
    EXPECT_EQ(s.suggested.dose, progressDose(last.items[0].dose, K::Mobility));
    EXPECT_NE(s.suggested.dose, last.items[0].dose);
    EXPECT_EQ(s.reason, "dose raised one step (quadruped rocking left out: hip replacement, posterior approach "
                        "forbids hip flexion past 90°)");
    // deep_rocking is two levels up: never reached through the chain.
    for (const LeftOut& l : next.excluded())
        EXPECT_NE(l.exerciseId, "deep_rocking");
    EXPECT_EQ(s.reason.find('_'), std::string::npos) << "no ids in the words: " << s.reason;
}

TEST(NextProgramScreen, TheChainIsSearchedOneLevelFurtherButNoMore)
{
    // a (1) → b (2, forbidden) → c (2, allowed) and d (3, allowed): c is taken, d never.
    auto a = leveled("a_bridge", K::Strengthen, {MG::GluteusMaximus}, 1);
    a.harder = {"b_bridge"};
    auto b = leveled("b_bridge", K::Strengthen, {MG::GluteusMaximus}, 2, {D::HipInternalRotation});
    b.harder = {"d_bridge", "c_bridge"};
    auto c = leveled("c_bridge", K::Strengthen, {MG::GluteusMaximus}, 2);
    auto d = leveled("d_bridge", K::Strengthen, {MG::GluteusMaximus}, 3);
    const ExerciseLibrary lib({a, b, c, d});
    const auto next = suggestNextProgram(oneItem(lib, "a_bridge"), posteriorHip(), lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "c_bridge");

    const ExerciseLibrary noC({a, b, d});
    const auto stays = suggestNextProgram(oneItem(noC, "a_bridge"), posteriorHip(), noC, ProgressionStep::Progress);
    EXPECT_EQ(stays.items[0].suggested.exerciseId, "a_bridge");
}

TEST(NextProgramScreen, TheLibraryOffersTheSameKindAndTargetAtTheNextLevel)
{
    auto a = leveled("a_clam", K::Strengthen, {MG::GluteusMedius}, 2);
    a.harder = {"b_clam"};
    auto b = leveled("b_clam", K::Strengthen, {MG::GluteusMedius}, 3, {D::HipAdductionPastMidline});
    auto wrongKind = leveled("c_stretch", K::Stretch, {MG::GluteusMedius}, 3);
    auto wrongTarget = leveled("d_other", K::Strengthen, {MG::Quadriceps}, 3);
    auto tooFar = leveled("e_far", K::Strengthen, {MG::GluteusMedius}, 4);
    auto fits = leveled("z_side_step", K::Strengthen, {MG::GluteusMedius, MG::GluteusMaximus}, 3);
    const ExerciseLibrary lib({a, b, wrongKind, wrongTarget, tooFar, fits});
    const auto next = suggestNextProgram(oneItem(lib, "a_clam"), posteriorHip(), lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "z_side_step");
    EXPECT_NE(next.items[0].reason.find("b clam left out"), std::string::npos) << next.items[0].reason;
}

TEST(NextProgramScreen, ALinkOfAnotherKindIsNotAVersion)
{
    auto tilt = leveled("pelvic_tilt", K::Strengthen, {MG::Core}, 1);
    tilt.harder = {"cat_stretch"};
    auto stretch = leveled("cat_stretch", K::Stretch, {MG::Core}, 2);
    const ExerciseLibrary lib({tilt, stretch});
    const auto next = suggestNextProgram(oneItem(lib, "pelvic_tilt"), Analysis{}, lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "pelvic_tilt");
    EXPECT_EQ(next.items[0].reason, "dose raised one step");
}

TEST(NextProgramScreen, RegressionSkipsAForbiddenEasierVersionToo)
{
    auto hard = leveled("c_hard", K::Strengthen, {MG::GluteusMaximus}, 3);
    hard.easier = {"b_forbidden", "a_easy"};
    auto forbidden = leveled("b_forbidden", K::Strengthen, {MG::GluteusMaximus}, 2, {D::HipFlexionPast90});
    auto easy = leveled("a_easy", K::Strengthen, {MG::GluteusMaximus}, 2);
    const ExerciseLibrary lib({hard, forbidden, easy});
    const auto next = suggestNextProgram(oneItem(lib, "c_hard"), posteriorHip(), lib, ProgressionStep::Regress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "a_easy");
    EXPECT_NE(next.items[0].reason.find("easier version: a easy (b forbidden left out: hip replacement, posterior "
                                        "approach forbids hip flexion past 90°)"),
              std::string::npos)
        << next.items[0].reason;
}

TEST(NextProgramScreen, AnItemANewPrecautionForbidsIsReplacedOrDropped)
{
    const auto lib = hipLibrary();
    // Issued before the precaution was recorded: squat is now forbidden; hold keeps the level.
    Program last = oneItem(lib, "squat");
    auto next = suggestNextProgram(last, posteriorHip(), lib, ProgressionStep::Hold);
    EXPECT_FALSE(next.items[0].dropped);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "step_up");
    EXPECT_EQ(next.items[0].reason,
              "squat left out: hip replacement, posterior approach forbids hip flexion past 90°; replaced by step up");
    expectNothingForbidden(next, posteriorHip(), lib);

    // Quadruped rocking has nothing allowed of its kind at its level, so the easier heel slides.
    next = suggestNextProgram(oneItem(lib, "quadruped_rocking"), posteriorHip(), lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "heel_slides");

    // Deep rocking alone in a library without an allowed mobility exercise: dropped, with the reason.
    auto deep = *lib.find("deep_rocking");
    deep.easier.clear();
    const ExerciseLibrary alone({deep});
    next = suggestNextProgram(oneItem(alone, "deep_rocking"), posteriorHip(), alone, ProgressionStep::Progress);
    EXPECT_TRUE(next.items[0].dropped);
    EXPECT_TRUE(next.program().items.empty());
    EXPECT_EQ(next.items[0].reason, "deep rocking left out: hip replacement, posterior approach forbids hip "
                                    "flexion past 90°; no allowed mobility exercise for hip joint / capsule "
                                    "replaces it, so choose one by hand");
    ASSERT_EQ(next.program().excluded.size(), 1U);
    EXPECT_EQ(next.program().excluded[0].cause, "tha_posterior");
}

TEST(NextProgramScreen, ADroppedItemKeepsTheBasisLinesInStep)
{
    auto deep = leveled("deep_rocking", K::Mobility, {MG::HipCapsule}, 3, {D::HipFlexionPast90});
    auto bridge = leveled("bridge", K::Strengthen, {MG::GluteusMaximus}, 2);
    const ExerciseLibrary lib({deep, bridge});
    Program last;
    last.items = {issuedItem(lib, "deep_rocking"), issuedItem(lib, "bridge")};
    const auto p = suggestNextProgram(last, posteriorHip(), lib, ProgressionStep::Hold).programWithBasis();
    ASSERT_EQ(p.items.size(), 1U);
    EXPECT_EQ(p.items[0].exerciseId, "bridge");
    EXPECT_NE(p.items[0].basis.back().find("from bridge: kept as issued"), std::string::npos);
}

TEST(NextProgramScreen, OlderAdultsAreNotProgressedToLevelFive)
{
    auto four = leveled("step_down", K::Strengthen, {MG::GluteusMedius}, 4);
    four.harder = {"pistol_squat"};
    auto five = leveled("pistol_squat", K::Strengthen, {MG::GluteusMedius}, 5);
    const ExerciseLibrary lib({four, five});
    Analysis older;
    older.ageYears = 65;
    auto next = suggestNextProgram(oneItem(lib, "step_down"), older, lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "step_down");
    EXPECT_NE(next.items[0].reason.find("pistol squat left out: level 5 is not suggested from age 65"),
              std::string::npos)
        << next.items[0].reason;
    older.ageYears = 64;
    EXPECT_EQ(suggestNextProgram(oneItem(lib, "step_down"), older, lib, ProgressionStep::Progress)
                  .items[0].suggested.exerciseId,
              "pistol_squat");
    Analysis irritable;
    irritable.irritability = Irritability::High;
    EXPECT_EQ(suggestNextProgram(oneItem(lib, "step_down"), irritable, lib, ProgressionStep::Progress)
                  .items[0].suggested.exerciseId,
              "step_down");
}

TEST(NextProgramScreen, NoTwoItemsBecomeTheSameExercise)
{
    const auto lib = hipLibrary();
    Program last;
    last.items = {issuedItem(lib, "bridge_hold"), issuedItem(lib, "sit_to_stand")};
    const auto next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Progress);
    // bridge_hold's harder version is sit_to_stand, already in the program: its dose rises instead.
    EXPECT_EQ(next.items[0].suggested.exerciseId, "bridge_hold");
    EXPECT_EQ(next.items[1].suggested.exerciseId, "squat");
    EXPECT_TRUE(validateProgram(next.program()).empty());
}

TEST(NextProgramScreen, EmergencyWithholdsEverything)
{
    const auto lib = hipLibrary();
    Analysis emergency;
    emergency.referral.level = Urgency::Emergency;
    emergency.referral.warnings = {{"saddle_anaesthesia", {RedFlag::SaddleAnaesthesia}, Urgency::Emergency, "c", "p",
                                    "R-FLAG-SADDLE-ANAESTHESIA"}};
    const auto next = suggestNextProgram(oneItem(lib, "sit_to_stand"), emergency, lib, ProgressionStep::Refer);
    EXPECT_TRUE(next.withheld);
    EXPECT_TRUE(next.program().items.empty());
    EXPECT_TRUE(next.program().withheld);
    EXPECT_TRUE(test::anyContains(next.warnings, "Emergency referral (saddle anaesthesia)"));
}

TEST(NextProgramScreen, ReferKeepsTheProgramAsIssued)
{
    const auto lib = hipLibrary();
    const Program last = oneItem(lib, "sit_to_stand");
    const auto next = suggestNextProgram(last, Analysis{}, lib, ProgressionStep::Refer);
    EXPECT_EQ(next.program().items, last.items);
    EXPECT_EQ(next.items[0].reason, "kept as issued until the referral is answered");
    EXPECT_EQ(progressionStepId(ProgressionStep::Refer), "refer");
}

TEST(NextProgramScreen, AnExerciseOutsideTheLibraryIsKeptAndReportedAsNotScreened)
{
    const auto lib = hipLibrary();
    Program last;
    last.items.push_back(test::programItem("retired", K::Strengthen, ExerciseSide::Left, Dose{2, 10, 0, 0, 1, 3, "", ""}));
    const auto next = suggestNextProgram(last, posteriorHip(), lib, ProgressionStep::Progress);
    EXPECT_EQ(next.items[0].suggested.exerciseId, "retired");
    EXPECT_TRUE(test::anyContains(next.warnings, "retired is not in the exercise library"));
}

History withNewRedFlag()
{
    DatedAssessment a{1, test::person()};
    DatedAssessment b{2, test::person()};
    a.assessment.visit.date = Date{2026, 9, 1};
    b.assessment.visit.date = Date{2026, 10, 1};
    a.assessment.pain.nprsNow = 3;
    b.assessment.pain.nprsNow = 6; // worse too: still refer, never regress
    b.assessment.redFlags = {RedFlag::UnexplainedWeightLoss};
    return buildHistory({a, b});
}

TEST(SuggestStep, ANewRedFlagRefersNeverRegresses)
{
    const History h = withNewRedFlag();
    EXPECT_EQ(suggestStep(h), ProgressionStep::Refer);
    EXPECT_TRUE(test::anyContains(stepReasons(h), "weight"));
}

// --- the next program at a stored visit ------------------------------------------------------------

FollowUp twoVisitFollowUp(const ExerciseLibrary& lib)
{
    FollowUp f;
    DatedAssessment a{10, test::person()};
    DatedAssessment b{11, test::person()};
    a.assessment.patient.birthDate = Date{1950, 2, 17};
    b.assessment.patient.birthDate = Date{1950, 2, 17};
    a.assessment.visit.date = Date{2026, 11, 5};
    b.assessment.visit.date = Date{2026, 11, 19};
    a.assessment.pain.nprsNow = 4;
    b.assessment.pain.nprsNow = 1;
    a.assessment.precautions = {Precaution::ThaPosterior};
    b.assessment.precautions = {Precaution::ThaPosterior};
    f.visits = {b, a}; // any order
    f.issued = {{10, oneItem(lib, "sit_to_stand")}};
    f.visitId = 11;
    f.options.today = Date{2026, 11, 21};
    return f;
}

TEST(NextProgramAtVisit, StepsTheProgramInForceWithTheVisitsPrecautions)
{
    const auto lib = hipLibrary();
    const auto next = nextProgramAtVisit(twoVisitFollowUp(lib), lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, ProgressionStep::Progress);
    EXPECT_EQ(next->items.at(0).suggested.exerciseId, "step_up");
    EXPECT_TRUE(test::anyContains(next->reasons, "pain now (NPRS) -3 points"));
    EXPECT_TRUE(next->warnings.empty()) << testing::PrintToString(next->warnings);
}

TEST(NextProgramAtVisit, APrecautionOfThePreviousVisitIsCarriedForward)
{
    const auto lib = hipLibrary();
    auto f = twoVisitFollowUp(lib);
    f.visits[0].assessment.precautions.clear(); // the follow-up was recorded without it
    const auto next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->items.at(0).suggested.exerciseId, "step_up");
    EXPECT_TRUE(test::anyContains(next->warnings, "Precaution carried forward from the previous visit: hip "
                                                  "replacement, posterior approach"));
}

TEST(NextProgramAtVisit, OnlyProgramsAndVisitsUpToTheVisitCount)
{
    const auto lib = hipLibrary();
    auto f = twoVisitFollowUp(lib);
    f.issued.push_back({11, oneItem(lib, "heel_slides")});
    f.visitId = 10; // the baseline: its own program, one visit, hold
    auto next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, ProgressionStep::Hold);
    EXPECT_EQ(next->items.at(0).current.exerciseId, "sit_to_stand");

    f.visitId = 11; // the latest version issued at the latest visit is in force
    next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->items.at(0).current.exerciseId, "heel_slides");

    f.visitId = 99;
    EXPECT_FALSE(nextProgramAtVisit(f, lib));
    f = twoVisitFollowUp(lib);
    f.issued.clear();
    EXPECT_FALSE(nextProgramAtVisit(f, lib));
}

TEST(NextProgramAtVisit, ANewRedFlagRefersAndAnEmergencyEmptiesTheProgram)
{
    const auto lib = hipLibrary();
    auto f = twoVisitFollowUp(lib);
    f.visits[0].assessment.redFlags = {RedFlag::UnexplainedWeightLoss};
    auto next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, ProgressionStep::Refer);
    EXPECT_FALSE(next->program().items.empty());

    f.visits[0].assessment.redFlags = {RedFlag::SaddleAnaesthesia, RedFlag::BladderBowelDysfunction};
    next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, ProgressionStep::Refer);
    EXPECT_TRUE(next->withheld);
    EXPECT_TRUE(next->program().items.empty());
}

TEST(NextProgramAtVisit, ARoutineNewFlagDoesNotKeepAProgramThatMadeThePatientWorse)
{
    // Worse after the first program, and the clinician ticks "not improving with care" (a reason for a
    // routine medical review): the program is eased now, not frozen until the review.
    const auto lib = hipLibrary();
    auto f = twoVisitFollowUp(lib);
    Assessment& worse = f.visits[0].assessment;
    worse.pain.nprsNow = 7;
    worse.pain.nprsWorst24h = 8; // highly irritable now
    worse.redFlags = {RedFlag::NoImprovement};
    const auto next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, ProgressionStep::Regress);
    EXPECT_EQ(next->items.at(0).suggested.exerciseId, "bridge_hold");
    EXPECT_TRUE(test::anyContains(next->reasons, "routine medical review"));
    // Never above the dose a new program would start with at this irritability.
    for (const ProgramItem& item : next->program().items)
        EXPECT_EQ(item.dose.sets, 1) << item.exerciseId;
}

TEST(NextProgramAtVisit, AnUrgentNewFlagRefersAndStillEasesTheProgramWhenThePatientIsWorse)
{
    const auto lib = hipLibrary();
    auto f = twoVisitFollowUp(lib);
    Assessment& worse = f.visits[0].assessment;
    worse.pain.nprsNow = 7;
    worse.redFlags = {RedFlag::UnexplainedWeightLoss};
    const auto next = nextProgramAtVisit(f, lib);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, ProgressionStep::Refer);
    EXPECT_EQ(next->items.at(0).suggested.exerciseId, "bridge_hold") << "made easier while the patient waits";
    EXPECT_TRUE(test::anyContains(next->reasons, "urgent referral open"));
    EXPECT_TRUE(test::anyContains(next->warnings, "Urgent referral (unexplained weight loss)"));
}

} // namespace
} // namespace hiprx::core
