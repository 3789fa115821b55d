// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/screen.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

using D = MovementDemand;
using K = ExerciseKind;
using MG = MuscleGroup;

ExerciseLibrary library()
{
    auto squat = test::exercise("squat", K::Strengthen, {MG::GluteusMaximus}, {D::HipFlexionPast90});
    squat.name = "Squat";
    auto figureFour = test::exercise("figure_four", K::Stretch, {MG::Piriformis},
                                     {D::HipFlexionPast90, D::HipInternalRotation, D::ProneLying});
    figureFour.name = "Figure-four stretch";
    auto bridge = test::exercise("bridge", K::Strengthen, {MG::GluteusMaximus});
    bridge.name = "Bridge";
    return ExerciseLibrary({squat, figureFour, bridge});
}

Program programOf(const ExerciseLibrary& lib, std::vector<std::string> ids)
{
    Program p;
    for (const auto& id : ids)
        p.items.push_back(makeItem(*lib.find(id), ExerciseSide::Left, Analysis{}));
    return p;
}

Analysis posteriorHip()
{
    Analysis a;
    a.precautions = {Precaution::ThaPosterior};
    return a;
}

TEST(ScreenProgram, NamesEveryForbiddenItemWithItsReasonInWords)
{
    const auto lib = library();
    const auto screen = screenProgram(programOf(lib, {"bridge", "squat", "figure_four"}), posteriorHip(), lib);
    EXPECT_FALSE(screen.withheld);
    ASSERT_EQ(screen.forbidden.size(), 2U);
    EXPECT_EQ(screen.forbidden[0].index, 1U);
    EXPECT_EQ(screen.forbidden[0].text, "Squat left out: hip replacement, posterior approach forbids hip flexion past 90°");
    EXPECT_EQ(screen.forbidden[1].text, "Figure-four stretch left out: hip replacement, posterior approach forbids hip "
                                        "flexion past 90° and hip internal rotation");
    EXPECT_TRUE(screen.allowed(0));
    EXPECT_FALSE(screen.allowed(1));
    EXPECT_FALSE(screen.clear());
    EXPECT_EQ(screen.messages.size(), 2U);
}

TEST(ScreenProgram, SeveralCausesAndFindingCautionsAreEachNamed)
{
    const auto lib = library();
    Analysis a = posteriorHip();
    a.precautions.insert(Precaution::Pregnancy);
    a.cautions = {{"R-CAUTION-INTRA-ARTICULAR", "fadir left positive", {D::HipFlexionPast90}}};
    const auto screen = screenProgram(programOf(lib, {"figure_four"}), a, lib);
    ASSERT_EQ(screen.forbidden.size(), 1U);
    EXPECT_EQ(screen.forbidden[0].text,
              "Figure-four stretch left out: hip replacement, posterior approach forbids hip flexion past 90° and hip "
              "internal rotation; pregnancy forbids lying face down; the finding fadir left positive rules out hip "
              "flexion past 90°");
}

TEST(ScreenProgram, APictureOfManyFindingsIsNamedInsteadOfListedOnEveryLine)
{
    const auto lib = library();
    Analysis a;
    a.cautions = {{"R-CAUTION-INTRA-ARTICULAR",
                   "fadir left positive, fadir right positive, scour left positive, log roll left positive, groin "
                   "pain (left)",
                   {D::HipFlexionPast90}}};
    const auto screen = screenProgram(programOf(lib, {"figure_four"}), a, lib);
    ASSERT_EQ(screen.forbidden.size(), 1U);
    EXPECT_EQ(screen.forbidden[0].text,
              "Figure-four stretch left out: the finding a provoked hip joint rules out hip flexion past 90°");
}

TEST(ScreenProgram, ApplyTakesForbiddenItemsOutAndSaysWhy)
{
    const auto lib = library();
    const Program program = programOf(lib, {"bridge", "squat", "figure_four"});
    const auto screened = applyScreen(program, screenProgram(program, posteriorHip(), lib));
    ASSERT_EQ(screened.items.size(), 1U);
    EXPECT_EQ(screened.items[0].exerciseId, "bridge");
    EXPECT_EQ(screened.excluded.size(), 3U); // squat: 1 demand; figure four: 2
    EXPECT_TRUE(test::contains(screened.warnings, "Squat left out: hip replacement, posterior approach forbids hip "
                                                  "flexion past 90°."));
    // A clean program passes unchanged.
    const Program clean = programOf(lib, {"bridge"});
    EXPECT_EQ(applyScreen(clean, screenProgram(clean, posteriorHip(), lib)), clean);
    EXPECT_TRUE(screenProgram(clean, posteriorHip(), lib).clear());
}

TEST(ScreenProgram, EmergencyWithholdsEveryExercise)
{
    const auto lib = library();
    Analysis a;
    a.referral.level = Urgency::Emergency;
    a.referral.warnings = {{"saddle_anaesthesia", {RedFlag::SaddleAnaesthesia}, Urgency::Emergency, "c", "p", "R"}};
    const Program program = programOf(lib, {"bridge"});
    const auto screen = screenProgram(program, a, lib);
    EXPECT_TRUE(screen.withheld);
    EXPECT_FALSE(screen.allowed(0));
    const auto out = applyScreen(program, screen);
    EXPECT_TRUE(out.items.empty());
    EXPECT_TRUE(out.withheld);
    EXPECT_TRUE(test::anyContains(out.warnings, "Emergency referral (saddle anaesthesia)"));
    a.referral.level = Urgency::Urgent;
    EXPECT_FALSE(screenProgram(program, a, lib).withheld);
}

TEST(ScreenProgram, AnExerciseOutsideTheLibraryIsReportedNotPassedSilently)
{
    const auto lib = library();
    Program program;
    program.items.push_back(test::programItem("made_up", K::Stretch, ExerciseSide::Left));
    const auto screen = screenProgram(program, posteriorHip(), lib);
    EXPECT_EQ(screen.unknown, std::vector<std::size_t>{0});
    EXPECT_TRUE(screen.allowed(0));
    EXPECT_FALSE(screen.clear());
    EXPECT_TRUE(test::anyContains(screen.messages, "made_up is not in the exercise library"));
}

TEST(EffectiveLevel, TheLevelWhenSetOtherwiseTheChainStep)
{
    auto a = test::exercise("a", K::Strengthen, {MG::Core});
    auto b = test::exercise("b", K::Strengthen, {MG::Core});
    b.easier = {"a"};
    auto c = test::exercise("c", K::Strengthen, {MG::Core});
    c.easier = {"b", "missing"};
    auto set = test::exercise("set", K::Strengthen, {MG::Core});
    set.easier = {"a"};
    set.level = 4;
    // A cycle never hangs.
    auto x = test::exercise("x", K::Strengthen, {MG::Core});
    x.easier = {"y"};
    auto y = test::exercise("y", K::Strengthen, {MG::Core});
    y.easier = {"x"};
    std::vector<Exercise> chain{a, b, c, set, x, y};
    std::string previous = "c";
    for (int i = 0; i < 5; ++i) { // c3 … c7: steps 3 … 7, capped at level 5
        auto next = test::exercise("c" + std::to_string(i + 3), K::Strengthen, {MG::Core});
        next.easier = {previous};
        previous = next.id;
        chain.push_back(next);
    }
    const ExerciseLibrary lib(chain);
    EXPECT_EQ(effectiveLevel(*lib.find("a"), lib), 1);
    EXPECT_EQ(effectiveLevel(*lib.find("b"), lib), 2);
    EXPECT_EQ(effectiveLevel(*lib.find("c"), lib), 3);
    EXPECT_EQ(effectiveLevel(*lib.find("set"), lib), 4);
    EXPECT_EQ(effectiveLevel(*lib.find("c4"), lib), 5);
    EXPECT_EQ(effectiveLevel(*lib.find("c7"), lib), 5);
    EXPECT_GE(effectiveLevel(*lib.find("x"), lib), 1);
}

TEST(LevelCap, LevelFiveIsNotForOlderAdultsOrHighIrritability)
{
    Analysis a;
    EXPECT_EQ(maxLevelFor(a), 5);
    a.ageYears = 64;
    EXPECT_EQ(maxLevelFor(a), 5);
    EXPECT_FALSE(levelCapReason(5, a));
    a.ageYears = 65;
    EXPECT_EQ(maxLevelFor(a), 4);
    EXPECT_FALSE(levelCapReason(4, a));
    ASSERT_TRUE(levelCapReason(5, a));
    EXPECT_NE(levelCapReason(5, a)->find("from age 65"), std::string::npos);
    a.ageYears = 40;
    a.irritability = Irritability::Moderate;
    EXPECT_EQ(maxLevelFor(a), 5);
    a.irritability = Irritability::High;
    EXPECT_EQ(maxLevelFor(a), 4);
    EXPECT_NE(levelCapReason(5, a)->find("highly irritable"), std::string::npos);
}

} // namespace
} // namespace hiprx::core
