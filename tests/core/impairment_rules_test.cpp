// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/impairment_rules.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

using namespace hiprx::core::test;
using K = ImpairmentKind;
using MG = MuscleGroup;
using T = SpecialTest;
constexpr auto L = Side::Left;
constexpr auto R = Side::Right;

Analysis run(const Assessment& a, NormSet norms = NormSet::Aaos) { return analyze(a, {norms, Date{2026, 11, 2}}); }

std::vector<std::string> rulesOf(const Analysis& analysis, MG muscle, K kind, std::optional<Side> side)
{
    const Impairment* i = findImpairment(analysis, muscle, kind, side);
    if (!i)
        return {};
    return i->rules;
}

// --- hip flexors ---------------------------------------------------------------------------------

TEST(ImpairmentRules, HipExtensionBelowTheLowerReferenceLimitIsTightHipFlexorsSameSide)
{
    auto a = person();
    a.rom.left[Movement::HipExtension] = 5;
    a.rom.right[Movement::HipExtension] = 14;
    const auto result = run(a); // AAOS: 30° − 2 × 8° = 14°
    const Impairment& i = impairmentAt(result, MG::HipFlexors, K::Tight, L);
    EXPECT_EQ(i.rules, std::vector<std::string>{"R-TIGHT-HIPFLEX-EXT"});
    EXPECT_TRUE(contains(i.evidence, "hip_extension left 5° (limited below 14°: AAOS (1965) 30° − 2 SD (8°))"))
        << i.evidence[0];
    EXPECT_FALSE(i.rationale.empty());
    EXPECT_FALSE(hasImpairment(result, MG::HipFlexors, K::Tight, R)); // 14° is not below 14°
}

TEST(ImpairmentRules, HipExtensionAsymmetryNeedsFourteenDegrees)
{
    auto a = person();
    a.rom.left[Movement::HipExtension] = 16;
    a.rom.right[Movement::HipExtension] = 30;
    auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::HipFlexors, K::Tight, L), std::vector<std::string>{"R-TIGHT-HIPFLEX-ASYM"});
    EXPECT_TRUE(anyContains(impairmentAt(result, MG::HipFlexors, K::Tight, L).evidence,
                            "hip_extension left 16° vs right 30°"));
    EXPECT_FALSE(hasImpairment(result, MG::HipFlexors, K::Tight, R));

    a.rom.right[Movement::HipExtension] = 29; // 13°: within the MDC
    result = run(a);
    EXPECT_FALSE(hasAnyImpairment(result, MG::HipFlexors, K::Tight));
}

TEST(ImpairmentRules, ThomasIliopsoasPositiveIsTightHipFlexors)
{
    auto a = person();
    a.tests.right[T::ThomasIliopsoas] = TestResult::positive();
    a.tests.left[T::ThomasIliopsoas] = TestResult::negative();
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::HipFlexors, K::Tight, R), std::vector<std::string>{"R-TIGHT-HIPFLEX-THOMAS"});
    EXPECT_TRUE(contains(impairmentAt(result, MG::HipFlexors, K::Tight, R).evidence,
                         "thomas_iliopsoas right positive"));
    EXPECT_FALSE(hasImpairment(result, MG::HipFlexors, K::Tight, L));
}

TEST(ImpairmentRules, RulesForTheSameMuscleAndSideMergeWithFirstRulePrimary)
{
    auto a = person();
    a.rom.left[Movement::HipExtension] = 0;
    a.rom.right[Movement::HipExtension] = 20;
    a.tests.left[T::ThomasIliopsoas] = TestResult::positive();
    const auto result = run(a);
    ASSERT_EQ(result.impairments.size(), 1u);
    const Impairment& i = result.impairments[0];
    EXPECT_EQ(i.rules, (std::vector<std::string>{"R-TIGHT-HIPFLEX-EXT", "R-TIGHT-HIPFLEX-ASYM",
                                                 "R-TIGHT-HIPFLEX-THOMAS"}));
    EXPECT_EQ(i.evidence.size(), 3u);
    EXPECT_EQ(i.rationale, findRule("R-TIGHT-HIPFLEX-EXT")->rationale);
}

// --- rectus femoris, TFL ---------------------------------------------------------------------------

TEST(ImpairmentRules, ModifiedThomasRectusFemorisIsTightRectusFemoris)
{
    auto a = person();
    a.tests.left[T::ThomasRectusFemoris] = TestResult::positive();
    EXPECT_EQ(rulesOf(run(a), MG::RectusFemoris, K::Tight, L), std::vector<std::string>{"R-TIGHT-RECFEM-THOMAS"});
}

TEST(ImpairmentRules, ElyPositiveIsTightRectusFemoris)
{
    auto a = person();
    a.tests.right[T::Ely] = TestResult::positive();
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::RectusFemoris, K::Tight, R), std::vector<std::string>{"R-TIGHT-RECFEM-ELY"});
    EXPECT_FALSE(hasImpairment(result, MG::RectusFemoris, K::Tight, L));
}

TEST(ImpairmentRules, OberPositiveIsTightTflItb)
{
    auto a = person();
    a.tests.right[T::Ober] = TestResult::positive();
    a.tests.left[T::Ober] = TestResult::negative();
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::TflItb, K::Tight, R), std::vector<std::string>{"R-TIGHT-TFL-OBER"});
    EXPECT_FALSE(hasImpairment(result, MG::TflItb, K::Tight, L));
}

TEST(ImpairmentRules, ThomasAbductionDriftIsTightTflItb)
{
    auto a = person();
    a.tests.left[T::ThomasTfl] = TestResult::positive();
    EXPECT_EQ(rulesOf(run(a), MG::TflItb, K::Tight, L), std::vector<std::string>{"R-TIGHT-TFL-THOMAS"});
}

// --- hamstrings and neural signs -----------------------------------------------------------------

TEST(ImpairmentRules, SlrBelowSeventyIsTightHamstrings)
{
    auto a = person();
    a.tests.left[T::Slr] = TestResult::degrees(69);
    a.tests.right[T::Slr] = TestResult::degrees(70);
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Hamstrings, K::Tight, L), std::vector<std::string>{"R-TIGHT-HAM-SLR"});
    EXPECT_TRUE(contains(impairmentAt(result, MG::Hamstrings, K::Tight, L).evidence, "slr left 69° (< 70°)"));
    EXPECT_FALSE(hasImpairment(result, MG::Hamstrings, K::Tight, R));
}

TEST(ImpairmentRules, PoplitealAngleOverTwentyIsTightHamstrings)
{
    auto a = person();
    a.tests.right[T::PoplitealAngle] = TestResult::degrees(21);
    a.tests.left[T::PoplitealAngle] = TestResult::degrees(20);
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Hamstrings, K::Tight, R), std::vector<std::string>{"R-TIGHT-HAM-POPLITEAL"});
    EXPECT_FALSE(hasImpairment(result, MG::Hamstrings, K::Tight, L));
}

TEST(ImpairmentRules, PositiveSlumpSuppressesHamstringTightnessOnThatSideOnly)
{
    auto a = person();
    a.tests.left[T::Slr] = TestResult::degrees(50);
    a.tests.left[T::Slump] = TestResult::positive();
    a.tests.right[T::Slr] = TestResult::degrees(50);
    const auto result = run(a);
    EXPECT_FALSE(hasImpairment(result, MG::Hamstrings, K::Tight, L));
    EXPECT_TRUE(hasImpairment(result, MG::Hamstrings, K::Tight, R));
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_EQ(result.notes[0].rule, "R-NOTE-HAM-NEURAL");
    EXPECT_NE(result.notes[0].text.find("not concluded on the left"), std::string::npos);
    EXPECT_NE(result.notes[0].text.find("slump left positive"), std::string::npos);
}

TEST(ImpairmentRules, SlrPositiveMeansRadicularAndSuppressesPoplitealConclusion)
{
    auto a = person();
    a.tests.right[T::Slr] = TestResult::positive();
    a.tests.right[T::PoplitealAngle] = TestResult::degrees(35);
    const auto result = run(a);
    EXPECT_FALSE(hasAnyImpairment(result, MG::Hamstrings, K::Tight));
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_NE(result.notes[0].text.find("slr right reproduces the leg pain"), std::string::npos);
}

TEST(ImpairmentRules, RadiatingLegPainOrNumbnessSuppressesHamstringTightnessOnBothSides)
{
    for (RedFlag flag : {RedFlag::RadiatingLegPain, RedFlag::LegNumbnessTingling}) {
        auto a = person();
        a.tests.left[T::Slr] = TestResult::degrees(45);
        a.tests.right[T::PoplitealAngle] = TestResult::degrees(40);
        a.redFlags.insert(flag);
        const auto result = run(a);
        EXPECT_FALSE(hasAnyImpairment(result, MG::Hamstrings, K::Tight)) << toId(flag);
        ASSERT_EQ(result.notes.size(), 2u) << toId(flag);
        for (const auto& note : result.notes) {
            EXPECT_EQ(note.rule, "R-NOTE-HAM-NEURAL");
            EXPECT_NE(note.text.find(std::string(toId(flag))), std::string::npos);
        }
    }
}

TEST(ImpairmentRules, NoNeuralNoteWithoutAHamstringFinding)
{
    auto a = person();
    a.tests.left[T::Slump] = TestResult::positive();
    a.tests.left[T::Slr] = TestResult::degrees(85);
    EXPECT_TRUE(run(a).notes.empty());
}

// --- sciatic nerve (neural mobility) -------------------------------------------------------------

TEST(ImpairmentRules, PositiveSlrIsReducedSciaticNerveMobilityOnThatSideOnly)
{
    auto a = person();
    a.tests.left[T::Slr] = TestResult::positive();
    a.tests.right[T::Slr] = TestResult::degrees(50);
    const auto result = run(a);
    const Impairment& nerve = impairmentAt(result, MG::SciaticNerve, K::Tight, L);
    EXPECT_EQ(nerve.rules, std::vector<std::string>{"R-NEURAL-SCIATIC"});
    EXPECT_TRUE(contains(nerve.evidence, "slr left positive (radicular pain reproduced)"));
    EXPECT_FALSE(hasImpairment(result, MG::SciaticNerve, K::Tight, R)); // a low angle alone is not neural
    EXPECT_TRUE(hasImpairment(result, MG::Hamstrings, K::Tight, R));
}

TEST(ImpairmentRules, PositiveSlumpIsReducedSciaticNerveMobilityAndKeepsTheHamstringNote)
{
    auto a = person();
    a.tests.right[T::Slump] = TestResult::positive();
    a.tests.right[T::Slr] = TestResult::degrees(50);
    const auto result = run(a);
    const Impairment& nerve = impairmentAt(result, MG::SciaticNerve, K::Tight, R);
    EXPECT_TRUE(contains(nerve.evidence, "slump right positive"));
    EXPECT_FALSE(hasAnyImpairment(result, MG::Hamstrings, K::Tight));
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_EQ(result.notes[0].rule, "R-NOTE-HAM-NEURAL");
}

TEST(ImpairmentRules, SlrAndSlumpOnOneSideMakeOneNerveImpairmentWithBothFindings)
{
    auto a = person();
    a.tests.left[T::Slr] = TestResult::positive();
    a.tests.left[T::Slump] = TestResult::positive();
    const auto result = run(a);
    ASSERT_EQ(result.impairments.size(), 1u);
    EXPECT_EQ(result.impairments[0].muscle, MG::SciaticNerve);
    EXPECT_EQ(result.impairments[0].evidence.size(), 2u);
}

TEST(ImpairmentRules, SidelessLegSymptomsAloneDoNotPutANerveExerciseOnEitherLeg)
{
    // Radiating pain and numbness are recorded without a side: they withhold hamstring conclusions on
    // both sides but are not enough to say which nerve to glide.
    auto a = person();
    a.redFlags = {RedFlag::RadiatingLegPain, RedFlag::LegNumbnessTingling};
    a.tests.left[T::Slr] = TestResult::degrees(75);
    EXPECT_FALSE(hasAnyImpairment(run(a), MG::SciaticNerve, K::Tight));
}

TEST(ImpairmentRules, ALowSlrAngleWithRadicularSymptomsIsTheNerveOnThatSide)
{
    // The low angle says which leg; the radiating pain and numbness say it is the nerve.
    auto a = person();
    a.redFlags = {RedFlag::RadiatingLegPain, RedFlag::LegNumbnessTingling};
    a.tests.left[T::Slr] = TestResult::degrees(45);
    const auto result = run(a);
    EXPECT_TRUE(hasImpairment(result, MG::SciaticNerve, K::Tight, L));
    EXPECT_FALSE(hasImpairment(result, MG::SciaticNerve, K::Tight, R));
    EXPECT_FALSE(hasAnyImpairment(result, MG::Hamstrings, K::Tight));
}

// --- piriformis -----------------------------------------------------------------------------------

TEST(ImpairmentRules, FairPositiveIsTightPiriformis)
{
    auto a = person();
    a.tests.left[T::Fair] = TestResult::positive();
    EXPECT_EQ(rulesOf(run(a), MG::Piriformis, K::Tight, L), std::vector<std::string>{"R-TIGHT-PIRI-FAIR"});
}

TEST(ImpairmentRules, OneSidedInternalRotationLossWithinNormsIsTightPiriformis)
{
    auto a = person();
    a.rom.left[Movement::HipInternalRotation] = 35; // not below any position's limit
    a.rom.right[Movement::HipInternalRotation] = 47; // 12° more
    auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Piriformis, K::Tight, L), std::vector<std::string>{"R-TIGHT-PIRI-IR-ASYM"});
    EXPECT_FALSE(hasAnyImpairment(result, MG::HipCapsule, K::Tight));
    EXPECT_FALSE(hasImpairment(result, MG::Piriformis, K::Tight, R));

    a.rom.right[Movement::HipInternalRotation] = 46; // 11°: not an asymmetry
    EXPECT_FALSE(hasAnyImpairment(run(a), MG::Piriformis, K::Tight));
}

// --- adductors ------------------------------------------------------------------------------------

TEST(ImpairmentRules, AbductionBelowLimitIsTightAdductors)
{
    auto a = person();
    a.rom.left[Movement::HipAbduction] = 22;
    a.rom.right[Movement::HipAbduction] = 23;
    const auto result = run(a); // AAOS: 45° − 2 × 11° = 23°
    EXPECT_EQ(rulesOf(result, MG::Adductors, K::Tight, L), std::vector<std::string>{"R-TIGHT-ADD-ABD"});
    EXPECT_TRUE(anyContains(impairmentAt(result, MG::Adductors, K::Tight, L).evidence,
                            "hip_abduction left 22° (limited below 23°"));
    EXPECT_FALSE(hasImpairment(result, MG::Adductors, K::Tight, R));
}

TEST(ImpairmentRules, AbductionAsymmetryIsTightAdductorsOnTheLowerSide)
{
    auto a = person();
    a.rom.left[Movement::HipAbduction] = 47;
    a.rom.right[Movement::HipAbduction] = 35;
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Adductors, K::Tight, R), std::vector<std::string>{"R-TIGHT-ADD-ASYM"});
    EXPECT_FALSE(hasImpairment(result, MG::Adductors, K::Tight, L));
}

TEST(ImpairmentRules, FaberPositiveIsAProvocationNoteNotTightAdductors)
{
    auto a = person();
    a.tests.right[T::Faber] = TestResult::positive();
    const auto result = run(a);
    EXPECT_FALSE(hasAnyImpairment(result, MG::Adductors, K::Tight));
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_EQ(result.notes[0].rule, "R-NOTE-FABER");
    EXPECT_NE(result.notes[0].text.find("faber right positive"), std::string::npos);
}

// --- strength -------------------------------------------------------------------------------------

TEST(ImpairmentRules, GluteusMediusBelowFourIsWeak)
{
    auto a = person();
    a.strength.left[StrengthMuscle::GluteusMedius] = grade(3, +1);
    a.strength.right[StrengthMuscle::GluteusMedius] = grade(4);
    const auto result = run(a);
    const Impairment& i = impairmentAt(result, MG::GluteusMedius, K::Weak, L);
    EXPECT_EQ(i.rules, std::vector<std::string>{"R-WEAK-GMED-MMT"});
    EXPECT_TRUE(contains(i.evidence, "gluteus_medius left 3+ (below 4)"));
    EXPECT_EQ(i.grade, grade(3, +1)) << "the planner needs the grade to pick a fitting difficulty";
    EXPECT_FALSE(hasImpairment(result, MG::GluteusMedius, K::Weak, R));
}

TEST(ImpairmentRules, WeaknessFromTrendelenburgAloneHasNoGrade)
{
    auto a = person();
    a.tests.left[T::Trendelenburg] = TestResult::positive();
    EXPECT_FALSE(impairmentAt(run(a), MG::GluteusMedius, K::Weak, L).grade.has_value());
}

TEST(ImpairmentRules, FourMinusCountsAsBelowFour)
{
    auto a = person();
    a.strength.right[StrengthMuscle::GluteusMedius] = grade(4, -1);
    a.strength.left[StrengthMuscle::GluteusMedius] = grade(4, +1);
    const auto result = run(a);
    EXPECT_TRUE(hasImpairment(result, MG::GluteusMedius, K::Weak, R));
    EXPECT_FALSE(hasImpairment(result, MG::GluteusMedius, K::Weak, L));
}

TEST(ImpairmentRules, TrendelenburgPositiveIsWeakGluteusMediusOnStanceSide)
{
    auto a = person();
    a.tests.right[T::Trendelenburg] = TestResult::positive();
    a.tests.left[T::Trendelenburg] = TestResult::negative();
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::GluteusMedius, K::Weak, R), std::vector<std::string>{"R-WEAK-GMED-TREND"});
    EXPECT_FALSE(hasImpairment(result, MG::GluteusMedius, K::Weak, L));
}

TEST(ImpairmentRules, GluteusMaximusBelowFourIsWeak)
{
    auto a = person();
    a.strength.left[StrengthMuscle::GluteusMaximus] = grade(3);
    a.strength.right[StrengthMuscle::GluteusMaximus] = grade(5);
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::GluteusMaximus, K::Weak, L), std::vector<std::string>{"R-WEAK-GMAX-MMT"});
    EXPECT_TRUE(contains(impairmentAt(result, MG::GluteusMaximus, K::Weak, L).evidence,
                         "gluteus_maximus left 3 (below 4)"));
    EXPECT_FALSE(hasImpairment(result, MG::GluteusMaximus, K::Weak, R));
}

TEST(ImpairmentRules, OtherTestedMusclesBelowFourAreWeak)
{
    const std::tuple<StrengthMuscle, MG, const char*> cases[] = {
        {StrengthMuscle::HipFlexors, MG::HipFlexors, "R-WEAK-HIPFLEX-MMT"},
        {StrengthMuscle::Adductors, MG::Adductors, "R-WEAK-ADD-MMT"},
        {StrengthMuscle::Hamstrings, MG::Hamstrings, "R-WEAK-HAM-MMT"},
        {StrengthMuscle::Quadriceps, MG::Quadriceps, "R-WEAK-QUAD-MMT"},
        {StrengthMuscle::HipExternalRotators, MG::Piriformis, "R-WEAK-HIPER-MMT"},
    };
    for (const auto& [tested, muscle, ruleId] : cases) {
        auto a = person();
        a.strength.right[tested] = grade(2);
        const auto result = run(a);
        EXPECT_EQ(rulesOf(result, muscle, K::Weak, R), std::vector<std::string>{ruleId}) << ruleId;
        EXPECT_FALSE(hasImpairment(result, muscle, K::Weak, L)) << ruleId;
    }
}

TEST(ImpairmentRules, HipInternalRotatorWeaknessHasNoMuscleGroupAndIsIgnored)
{
    auto a = person();
    a.strength.left[StrengthMuscle::HipInternalRotators] = grade(2);
    EXPECT_TRUE(run(a).impairments.empty());
}

// --- core -----------------------------------------------------------------------------------------

TEST(ImpairmentRules, ShortPlankIsWeakCoreAtMidline)
{
    auto a = person();
    a.endurance.plankHoldS = 29;
    auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Core, K::Weak, std::nullopt), std::vector<std::string>{"R-WEAK-CORE-PLANK"});
    EXPECT_TRUE(contains(impairmentAt(result, MG::Core, K::Weak, std::nullopt).evidence,
                         "plank_hold_s 29 s (< 30 s)"));
    a.endurance.plankHoldS = 30;
    EXPECT_TRUE(run(a).impairments.empty());
}

TEST(ImpairmentRules, ShortSideBridgeIsWeakCore)
{
    auto a = person();
    a.endurance.sideBridgeHoldS.left = 24;
    a.endurance.sideBridgeHoldS.right = 26;
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Core, K::Weak, std::nullopt), std::vector<std::string>{"R-WEAK-CORE-SIDEBRIDGE"});
}

TEST(ImpairmentRules, SideBridgeAsymmetryIsWeakCore)
{
    auto a = person();
    a.endurance.sideBridgeHoldS.left = 60;
    a.endurance.sideBridgeHoldS.right = 50; // 17% shorter
    auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::Core, K::Weak, std::nullopt),
              std::vector<std::string>{"R-WEAK-CORE-SIDEBRIDGE-ASYM"});
    EXPECT_TRUE(anyContains(impairmentAt(result, MG::Core, K::Weak, std::nullopt).evidence,
                            "side_bridge_hold_s right 50 s vs left 60 s"));
    a.endurance.sideBridgeHoldS.right = 55; // 8%: within the allowance
    EXPECT_TRUE(run(a).impairments.empty());
}

TEST(ImpairmentRules, McGillRatiosOutsideTargetsAreWeakCore)
{
    auto a = person();
    a.endurance.trunkFlexorHoldS = 120;
    a.endurance.trunkExtensorHoldS = 100;
    EXPECT_EQ(rulesOf(run(a), MG::Core, K::Weak, std::nullopt), std::vector<std::string>{"R-WEAK-CORE-RATIO"});

    auto b = person();
    b.endurance.trunkExtensorHoldS = 100;
    b.endurance.sideBridgeHoldS = {80, 80};
    EXPECT_EQ(rulesOf(run(b), MG::Core, K::Weak, std::nullopt), std::vector<std::string>{"R-WEAK-CORE-RATIO"});

    auto c = person();
    c.endurance.trunkFlexorHoldS = 90;
    c.endurance.trunkExtensorHoldS = 100;
    c.endurance.sideBridgeHoldS = {70, 70};
    EXPECT_TRUE(run(c).impairments.empty());
}

// --- hip joint / capsule --------------------------------------------------------------------------

TEST(ImpairmentRules, InternalRotationBelowLimitIsCapsularRestrictionWithNote)
{
    auto a = person();
    a.rotationPosition = RotationPosition::Sitting;
    a.rom.right[Movement::HipInternalRotation] = 21; // sitting limit 38° − 2 × 8° = 22°
    const auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::HipCapsule, K::Tight, R), std::vector<std::string>{"R-TIGHT-CAPSULE-IR"});
    EXPECT_FALSE(hasImpairment(result, MG::HipCapsule, K::Tight, L));
    EXPECT_FALSE(hasAnyImpairment(result, MG::Piriformis, K::Tight));
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_EQ(result.notes[0].rule, "R-NOTE-CAPSULE");
    EXPECT_NE(result.notes[0].text.find("stretching"), std::string::npos);
}

TEST(ImpairmentRules, InternalRotationWithFlexionLossIsCapsularPattern)
{
    auto a = person();
    a.rotationPosition = RotationPosition::Sitting;
    a.rom.left[Movement::HipInternalRotation] = 36;
    a.rom.right[Movement::HipInternalRotation] = 48; // reduced by side, not below the limit
    a.rom.left[Movement::HipFlexion] = 115;          // ACR: flexion 115° or less
    auto result = run(a);
    EXPECT_EQ(rulesOf(result, MG::HipCapsule, K::Tight, L), std::vector<std::string>{"R-TIGHT-CAPSULE-IRFLEX"});
    EXPECT_FALSE(hasAnyImpairment(result, MG::Piriformis, K::Tight)); // the joint explains it

    a.rom.left[Movement::HipInternalRotation] = 21; // now also below the sitting limit (22°)
    result = run(a);
    EXPECT_EQ(rulesOf(result, MG::HipCapsule, K::Tight, L),
              (std::vector<std::string>{"R-TIGHT-CAPSULE-IRFLEX", "R-TIGHT-CAPSULE-IR"}));
    EXPECT_EQ(impairmentAt(result, MG::HipCapsule, K::Tight, L).evidence.size(), 2u);
}

TEST(ImpairmentRules, NormSetChangesWhatCountsAsLimited)
{
    auto a = person();
    a.rom.left[Movement::HipAbduction] = 23;
    EXPECT_FALSE(hasImpairment(run(a, NormSet::Aaos), MG::Adductors, K::Tight, L));     // limit 45 − 22 = 23
    EXPECT_TRUE(hasImpairment(run(a, NormSet::BooneAzen), MG::Adductors, K::Tight, L)); // limit 46 − 22 = 24
}

// --- intra-articular tests ------------------------------------------------------------------------

TEST(ImpairmentRules, IntraArticularTestsAddCautionAndOrthopaedicNote)
{
    for (T test : {T::Fadir, T::Scour, T::LogRoll}) {
        auto a = person();
        a.tests.left[test] = TestResult::positive();
        const auto result = run(a);
        ASSERT_EQ(result.cautions.size(), 1u) << toId(test);
        const FindingCaution& caution = result.cautions[0];
        EXPECT_EQ(caution.rule, "R-CAUTION-INTRA-ARTICULAR");
        EXPECT_EQ(caution.reason, std::string(toId(test)) + " left positive");
        EXPECT_EQ(caution.avoid, (std::set<MovementDemand>{MovementDemand::HipFlexionPast90,
                                                           MovementDemand::HipAdductionPastMidline,
                                                           MovementDemand::HipInternalRotation}));
        ASSERT_EQ(result.notes.size(), 1u);
        EXPECT_EQ(result.notes[0].rule, "R-NOTE-INTRA-ARTICULAR");
        EXPECT_NE(result.notes[0].text.find("orthopaedic"), std::string::npos);
        EXPECT_TRUE(result.impairments.empty());
    }
}

// --- whole-table properties -----------------------------------------------------------------------

TEST(ImpairmentRules, ALeftFindingNeverYieldsARightImpairment)
{
    std::vector<Assessment> cases;
    for (const auto& entry : vocabulary<SpecialTest>()) {
        auto a = person();
        a.tests.left[entry.value] = TestResult::positive();
        cases.push_back(a);
        a.tests.left[entry.value] = TestResult::degrees(entry.value == T::PoplitealAngle ? 60 : 30);
        cases.push_back(a);
    }
    for (const auto& entry : vocabulary<StrengthMuscle>()) {
        auto a = person();
        a.strength.left[entry.value] = grade(2);
        cases.push_back(a);
    }
    for (const auto& entry : vocabulary<Movement>()) {
        auto a = person();
        a.rom.left[entry.value] = 0;
        a.rom.right[entry.value] = 40;
        cases.push_back(a);
    }
    int leftImpairments = 0;
    for (const auto& a : cases) {
        for (const auto& i : run(a).impairments) {
            EXPECT_NE(i.side, std::optional<Side>(R)) << toId(i.muscle);
            for (const auto& id : i.rules)
                EXPECT_NE(findRule(id), nullptr) << id;
            leftImpairments += i.side == std::optional<Side>(L);
        }
    }
    EXPECT_GT(leftImpairments, 15); // the cases really do produce left impairments
}

TEST(ImpairmentRules, ImpairmentsAreOrderedByMuscleKindAndSide)
{
    auto a = person();
    a.strength.right[StrengthMuscle::GluteusMedius] = grade(3);
    a.tests.right[T::Ober] = TestResult::positive();
    a.tests.left[T::ThomasIliopsoas] = TestResult::positive();
    a.tests.right[T::ThomasIliopsoas] = TestResult::positive();
    a.endurance.plankHoldS = 10;
    a.strength.left[StrengthMuscle::HipFlexors] = grade(3);
    const auto result = run(a);
    ASSERT_EQ(result.impairments.size(), 6u);
    for (std::size_t i = 1; i < result.impairments.size(); ++i) {
        const auto& x = result.impairments[i - 1];
        const auto& y = result.impairments[i];
        EXPECT_TRUE(std::tie(x.muscle, x.kind, x.side) < std::tie(y.muscle, y.kind, y.side));
    }
}

TEST(ImpairmentRules, EveryRuleIdUsedIsInTheTableWithAllColumns)
{
    for (const auto& row : impairmentRules()) {
        EXPECT_FALSE(row.id.empty());
        EXPECT_FALSE(row.condition.empty()) << row.id;
        EXPECT_FALSE(row.conclusion.empty()) << row.id;
        EXPECT_FALSE(row.rationale.empty()) << row.id;
        EXPECT_FALSE(row.source.empty()) << row.id;
        ASSERT_NE(findRule(row.id), nullptr) << row.id;
        EXPECT_EQ(findRule(row.id)->rationale, row.rationale) << row.id;
    }
}

TEST(ImpairmentRules, NothingRecordedMeansNoImpairments)
{
    const auto result = run(person());
    EXPECT_TRUE(result.impairments.empty());
    EXPECT_TRUE(result.notes.empty());
    EXPECT_TRUE(result.cautions.empty());
}

} // namespace
} // namespace hiprx::core
