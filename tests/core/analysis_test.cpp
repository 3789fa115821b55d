// SPDX-License-Identifier: GPL-3.0-or-later
//
// analyze() as a whole, and the five sample cases of the shared vignettes (the bad-input case belongs
// to validation) encoded as C++ assessments, checked against their `expect` on the analysis and on a
// plan from a small in-test library.
#include "core/analysis.h"
#include "core/program.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

#include <regex>

namespace hiprx::core {
namespace {

using namespace hiprx::core::test;
using K = ImpairmentKind;
using MG = MuscleGroup;
using T = SpecialTest;
using D = MovementDemand;
constexpr auto L = Side::Left;
constexpr auto R = Side::Right;

TEST(Analysis, AgeComesFromBirthDateAndVisitDate)
{
    auto a = person();
    a.patient.birthDate = born(1961, 11, 3);
    a.visit.date = Date{2026, 11, 2};
    EXPECT_EQ(analyze(a).ageYears, 64);
    a.visit.date.reset();
    EXPECT_EQ(analyze(a, {NormSet::Aaos, Date{2026, 11, 3}}).ageYears, 65);
    a.patient.birthDate.reset();
    EXPECT_FALSE(analyze(a).ageYears.has_value());
}

TEST(Analysis, HighIrritabilityAddsThePrecaution)
{
    auto a = person();
    a.pain.nprsWorst24h = 8;
    a.precautions = {Precaution::Pregnancy};
    const auto result = analyze(a);
    EXPECT_EQ(result.irritability, Irritability::High);
    EXPECT_EQ(result.precautions, (std::set<Precaution>{Precaution::Pregnancy, Precaution::AcuteHighIrritability}));
    EXPECT_TRUE(anyContains(result.irritabilityBasis, "nprs_worst_24h 8"));
    EXPECT_TRUE(anyContains(result.irritabilityBasis, "R-PREC-HIGH-IRRIT"));

    a.pain.nprsWorst24h = 6;
    EXPECT_EQ(analyze(a).precautions, std::set<Precaution>{Precaution::Pregnancy});
}

TEST(Analysis, ReferralUsesAgeFromTheBirthDate)
{
    auto a = person();
    a.patient.birthDate = born(1960);
    a.redFlags = {RedFlag::SignificantTrauma};
    const auto result = analyze(a);
    EXPECT_EQ(result.referral.level, Urgency::Urgent);
    EXPECT_EQ(result.referral.warnings.front().id, "possible_fracture");
}

TEST(Analysis, OsteoporosisPrecautionTakesPartInTheFractureCombination)
{
    auto a = person();
    a.patient.birthDate = born(1990);
    a.redFlags = {RedFlag::SignificantTrauma};
    EXPECT_EQ(analyze(a).referral.warnings.size(), 1u);
    a.precautions = {Precaution::Osteoporosis};
    EXPECT_EQ(analyze(a).referral.warnings.front().id, "possible_fracture");
}

TEST(Analysis, SameAssessmentSameAnalysis)
{
    auto a = person();
    a.rom.left[Movement::HipExtension] = 2;
    a.tests.right[T::Fadir] = TestResult::positive();
    a.tests.left[T::Slr] = TestResult::degrees(55);
    a.strength.right[StrengthMuscle::GluteusMedius] = grade(3);
    a.redFlags = {RedFlag::RadiatingLegPain, RedFlag::HistoryOfCancer};
    a.pain.nprsNow = 5;
    EXPECT_EQ(analyze(a), analyze(a));
}

TEST(Analysis, RuleTableHoldsEveryFamilyWithUniqueIds)
{
    std::set<std::string_view> ids;
    for (const auto& row : ruleTable()) {
        EXPECT_TRUE(ids.insert(row.id).second) << "duplicate " << row.id;
        EXPECT_FALSE(row.rationale.empty()) << row.id;
        EXPECT_FALSE(row.source.empty()) << row.id;
    }
    for (const char* id : {"R-TIGHT-HIPFLEX-EXT", "R-WEAK-GMED-MMT", "R-TIGHT-HAM-SLR", "R-NOTE-HAM-NEURAL",
                           "R-CAUTION-INTRA-ARTICULAR", "R-IRRIT-NPRS", "R-PREC-HIGH-IRRIT",
                           "R-FLAG-SADDLE-ANAESTHESIA", "R-COMBO-CORD-COMPRESSION"})
        EXPECT_TRUE(ids.count(id)) << id;
    EXPECT_EQ(findRule("R-NOT-A-RULE"), nullptr);
}

// --- the shared vignettes --------------------------------------------------------------------------

ExerciseLibrary vignetteLibrary()
{
    using EK = ExerciseKind;
    return ExerciseLibrary({
        exercise("kneeling_hip_flexor_stretch", EK::Stretch, {MG::HipFlexors}, {D::Kneeling, D::HipExtensionPastNeutral}),
        exercise("glute_bridge", EK::Strengthen, {MG::GluteusMaximus, MG::Hamstrings}, {D::LongSupineLying}),
        exercise("clamshell", EK::Strengthen, {MG::GluteusMedius}),
        exercise("standing_hip_abduction", EK::Strengthen, {MG::GluteusMedius}),
        exercise("side_lying_ober_stretch", EK::Stretch, {MG::TflItb}, {D::HipAdductionPastMidline}),
        exercise("foam_roll_tfl", EK::SelfRelease, {MG::TflItb}),
        exercise("standing_hamstring_stretch", EK::Stretch, {MG::Hamstrings}),
        exercise("hamstring_strap_stretch", EK::Stretch, {MG::Hamstrings}, {D::HipFlexionPast90, D::LongSupineLying}),
        exercise("pigeon_stretch", EK::Stretch, {MG::Piriformis, MG::HipFlexors},
                 {D::HipFlexionPast90, D::HipExternalRotationEndRange, D::DeepEndRangeStretch}),
        exercise("single_knee_to_chest", EK::Stretch, {MG::ErectorSpinae, MG::GluteusMaximus}, {D::HipFlexionPast90}),
        exercise("happy_baby", EK::Stretch, {MG::Adductors, MG::HipFlexors}, {D::HipFlexionPast90, D::DeepEndRangeStretch}),
        exercise("butterfly_stretch", EK::Stretch, {MG::Adductors}, {D::HipExternalRotationEndRange}),
        exercise("frog_stretch", EK::Stretch, {MG::Adductors}, {D::HipFlexionPast90, D::DeepEndRangeStretch}),
        exercise("bodyweight_squat", EK::Strengthen, {MG::GluteusMaximus, MG::Quadriceps}, {D::HipFlexionPast90}),
        exercise("cow_face_pose", EK::Stretch, {MG::Piriformis}, {D::HipFlexionPast90, D::HipAdductionPastMidline}),
        exercise("standing_adductor_stretch", EK::Stretch, {MG::Adductors}),
    });
}

Program planFor(const Analysis& analysis) { return plan(analysis, vignetteLibrary()); }

void expectBothSides(const Analysis& analysis, MG muscle, K kind)
{
    EXPECT_TRUE(hasImpairment(analysis, muscle, kind, L)) << toId(muscle);
    EXPECT_TRUE(hasImpairment(analysis, muscle, kind, R)) << toId(muscle);
}

void expectTargets(const Program& program, std::initializer_list<MG> muscles)
{
    for (MG muscle : muscles) {
        const bool found = std::any_of(program.items.begin(), program.items.end(), [&](const ProgramItem& i) {
            return std::find(i.targets.begin(), i.targets.end(), muscle) != i.targets.end();
        });
        EXPECT_TRUE(found) << toId(muscle);
    }
}

TEST(Vignettes, CaudaEquinaSigns)
{
    auto a = person("Dale Hughes");
    a.patient.birthDate = born(1970, 9, 9);
    a.patient.sex = Sex::Male;
    a.visit.date = Date{2026, 11, 4};
    a.pain.nprsNow = 8;
    a.pain.nprsWorst24h = 9;
    a.pain.irritability = Irritability::High;
    a.tests.left[T::ThomasIliopsoas] = TestResult::positive();
    a.redFlags = {RedFlag::SaddleAnaesthesia, RedFlag::BladderBowelDysfunction};

    const auto analysis = analyze(a);
    EXPECT_EQ(analysis.referral.level, Urgency::Emergency);
    const auto program = planFor(analysis);
    EXPECT_TRUE(program.items.empty());
    EXPECT_TRUE(program.withheld);
}

TEST(Vignettes, DeskWorkerTightHipFlexors)
{
    auto a = person("Sam Carter");
    a.patient.birthDate = born(1988, 6, 14);
    a.visit.date = Date{2026, 11, 2};
    a.visit.affectedSide = AffectedSide::Left;
    a.rom.left = {{Movement::HipFlexion, 118}, {Movement::HipExtension, 0}, {Movement::HipAbduction, 40},
                  {Movement::HipAdduction, 25}, {Movement::HipInternalRotation, 38},
                  {Movement::HipExternalRotation, 42}};
    a.rom.right = {{Movement::HipFlexion, 120}, {Movement::HipExtension, 5}, {Movement::HipAbduction, 42},
                   {Movement::HipAdduction, 26}, {Movement::HipInternalRotation, 40},
                   {Movement::HipExternalRotation, 44}};
    a.pain = {3, 1, 5, Irritability::Low};
    a.tests.left[T::ThomasIliopsoas] = TestResult::positive();
    a.tests.right[T::ThomasIliopsoas] = TestResult::positive();
    a.strength.left[StrengthMuscle::GluteusMaximus] = grade(4, -1);
    a.strength.right[StrengthMuscle::GluteusMaximus] = grade(4, -1);

    const auto analysis = analyze(a);
    EXPECT_EQ(analysis.referral.level, Urgency::None);
    expectBothSides(analysis, MG::HipFlexors, K::Tight);
    expectBothSides(analysis, MG::GluteusMaximus, K::Weak);
    EXPECT_EQ(analysis.impairments.size(), 4u); // nothing else is concluded from normal values
    const auto program = planFor(analysis);
    expectTargets(program, {MG::HipFlexors, MG::GluteusMaximus});
}

TEST(Vignettes, HipReplacementPosterior)
{
    auto a = person("Margaret O'Neill");
    a.patient.birthDate = born(1950, 2, 17);
    a.patient.sex = Sex::Female;
    a.visit.date = Date{2026, 11, 5};
    a.visit.affectedSide = AffectedSide::Left;
    a.rom.left = {{Movement::HipFlexion, 85}, {Movement::HipExtension, 0}, {Movement::HipAbduction, 25}};
    a.pain.nprsNow = 2;
    a.pain.nprsWorst24h = 4;
    a.pain.irritability = Irritability::Low;
    a.tests.left[T::ThomasIliopsoas] = TestResult::positive();
    a.tests.left[T::Trendelenburg] = TestResult::positive();
    a.strength.left[StrengthMuscle::GluteusMedius] = grade(3);
    a.strength.left[StrengthMuscle::GluteusMaximus] = grade(3, +1);
    a.precautions = {Precaution::ThaPosterior};

    const auto analysis = analyze(a);
    EXPECT_EQ(analysis.referral.level, Urgency::None);
    EXPECT_TRUE(hasImpairment(analysis, MG::GluteusMedius, K::Weak, L));
    for (const auto& i : analysis.impairments)
        EXPECT_NE(i.side, std::optional<Side>(R));
    const auto program = planFor(analysis);
    expectTargets(program, {MG::GluteusMedius});
    const std::regex forbid("pigeon|figure.?(4|four)|happy.?baby|knees?.?to.?chest|cow.?face|frog|squat",
                            std::regex::icase);
    for (const auto& item : program.items) {
        if (item.kind != ExerciseKind::Stretch && item.kind != ExerciseKind::Mobility)
            continue;
        EXPECT_FALSE(std::regex_search(item.exerciseId, forbid)) << item.exerciseId;
        EXPECT_FALSE(std::regex_search(item.name, forbid)) << item.name;
    }
    EXPECT_FALSE(program.excluded.empty());
}

TEST(Vignettes, RunnerLateralHipWeakGluteMed)
{
    auto a = person("Priya Natarajan");
    a.patient.birthDate = born(1979, 1, 30);
    a.patient.sex = Sex::Female;
    a.visit.date = Date{2026, 11, 3};
    a.visit.affectedSide = AffectedSide::Right;
    a.rom.right[Movement::HipAdduction] = 15;
    a.rom.left[Movement::HipAdduction] = 28;
    a.pain.nprsNow = 2;
    a.pain.nprsWorst24h = 5;
    a.pain.irritability = Irritability::Low;
    a.tests.right[T::Trendelenburg] = TestResult::positive();
    a.tests.right[T::Ober] = TestResult::positive();
    a.tests.left[T::Trendelenburg] = TestResult::negative();
    a.tests.left[T::Ober] = TestResult::negative();
    a.strength.right[StrengthMuscle::GluteusMedius] = grade(3, +1);
    a.strength.left[StrengthMuscle::GluteusMedius] = grade(5);

    const auto analysis = analyze(a);
    EXPECT_EQ(analysis.referral.level, Urgency::None);
    EXPECT_TRUE(hasImpairment(analysis, MG::GluteusMedius, K::Weak, R));
    EXPECT_TRUE(hasImpairment(analysis, MG::TflItb, K::Tight, R));
    EXPECT_FALSE(hasAnyImpairment(analysis, MG::Hamstrings, K::Tight));
    EXPECT_FALSE(hasImpairment(analysis, MG::GluteusMedius, K::Weak, L));
    const auto program = planFor(analysis);
    expectTargets(program, {MG::GluteusMedius, MG::TflItb});
}

TEST(Vignettes, TightHamstrings)
{
    auto a = person("Tomás Álvarez");
    a.patient.birthDate = born(1995, 12, 1);
    a.patient.sex = Sex::Male;
    a.visit.date = Date{2026, 11, 6};
    a.pain.nprsNow = 1;
    a.pain.nprsWorst24h = 3;
    a.pain.irritability = Irritability::Low;
    a.tests.left[T::Slr] = TestResult::degrees(50);
    a.tests.left[T::PoplitealAngle] = TestResult::degrees(35);
    a.tests.right[T::Slr] = TestResult::degrees(55);
    a.tests.right[T::PoplitealAngle] = TestResult::degrees(30);

    const auto analysis = analyze(a);
    EXPECT_EQ(analysis.referral.level, Urgency::None);
    expectBothSides(analysis, MG::Hamstrings, K::Tight);
    EXPECT_EQ(impairmentAt(analysis, MG::Hamstrings, K::Tight, L).rules,
              (std::vector<std::string>{"R-TIGHT-HAM-SLR", "R-TIGHT-HAM-POPLITEAL"}));
    const auto program = planFor(analysis);
    expectTargets(program, {MG::Hamstrings});
    EXPECT_EQ(plan(analysis, vignetteLibrary()), program); // deterministic end to end
}

} // namespace
} // namespace hiprx::core
