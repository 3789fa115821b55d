// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/program.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

#include <map>

namespace hiprx::core {
namespace {

using namespace hiprx::core::test;
using D = MovementDemand;
using P = Precaution;

// The mapping the exercise library is tagged against, written out independently.
const std::map<Precaution, std::set<MovementDemand>> kForbidden = {
    {P::ThaPosterior, {D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation}},
    {P::ThaAnterior, {D::HipExtensionPastNeutral, D::HipExternalRotationEndRange, D::AnteriorHipPressure}},
    {P::ThaLateral,
     {D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation, D::ResistedHipAbduction,
      D::ActiveHipAbduction}},
    {P::HipFractureRecent,
     {D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation, D::DeepEndRangeStretch, D::HeavyLoad,
      D::SingleLegLoading, D::Kneeling}},
    {P::Osteoporosis,
     {D::LoadedSpinalFlexion, D::EndRangeSpinalRotation, D::PressureOverTrunk, D::HeavyLoad, D::DynamicEndRange}},
    {P::Pregnancy, {D::LongSupineLying, D::ProneLying, D::DeepEndRangeStretch}},
    {P::AcuteHighIrritability, {D::DeepEndRangeStretch, D::DynamicEndRange, D::HeavyLoad}},
    {P::Hypermobility, {D::DeepEndRangeStretch, D::DynamicEndRange}},
    {P::RecentLumbarSurgery,
     {D::LoadedSpinalFlexion, D::EndRangeSpinalRotation, D::PressureOverTrunk, D::HeavyLoad, D::DynamicEndRange}},
    {P::FallRisk, {D::UnsupportedSingleLeg, D::SingleLegLoading, D::DynamicEndRange, D::Kneeling}},
};

TEST(Precautions, ForbiddenDemandsMatchTheContract)
{
    ASSERT_EQ(kForbidden.size(), vocabulary<Precaution>().size());
    for (const auto& entry : vocabulary<Precaution>()) {
        EXPECT_EQ(forbiddenDemands(entry.value), kForbidden.at(entry.value)) << entry.id;
        EXPECT_FALSE(precautionRationale(entry.value).empty()) << entry.id;
    }
}

TEST(Precautions, EachForbiddenDemandExcludesATaggedExerciseNamingPrecautionAndDemand)
{
    for (const auto& [precaution, demands] : kForbidden) {
        for (MovementDemand demand : demands) {
            const auto tagged = exercise("tagged_exercise", ExerciseKind::Stretch, {MuscleGroup::HipFlexors}, {demand});
            const auto exclusions = exclusionsFor(tagged, {precaution});
            ASSERT_EQ(exclusions.size(), 1u) << toId(precaution) << " " << toId(demand);
            const Exclusion& e = exclusions[0];
            EXPECT_EQ(e.exerciseId, "tagged_exercise");
            EXPECT_EQ(e.name, "tagged exercise");
            EXPECT_EQ(e.cause, toId(precaution));
            EXPECT_EQ(e.demand, demand);
            EXPECT_EQ(e.reason, std::string(toId(precaution)) + ": " + std::string(label(demand)));
        }
    }
}

TEST(Precautions, ReasonReadsAsInTheContract)
{
    const auto pigeon = exercise("pigeon_stretch", ExerciseKind::Stretch, {MuscleGroup::Piriformis},
                                 {D::HipFlexionPast90, D::DeepEndRangeStretch});
    const auto exclusions = exclusionsFor(pigeon, {P::ThaPosterior});
    ASSERT_EQ(exclusions.size(), 1u);
    EXPECT_EQ(exclusions[0].reason, "tha_posterior: hip flexion past 90°");
}

TEST(Precautions, DemandsNoPrecautionForbidsAreAllowed)
{
    for (const auto& [precaution, demands] : kForbidden) {
        for (const auto& entry : vocabulary<MovementDemand>()) {
            if (demands.count(entry.value))
                continue;
            const auto other = exercise("other", ExerciseKind::Strengthen, {MuscleGroup::Core}, {entry.value});
            EXPECT_TRUE(exclusionsFor(other, {precaution}).empty()) << toId(precaution) << " " << entry.id;
        }
    }
}

TEST(Precautions, EveryCauseAndDemandIsReported)
{
    const auto deep = exercise("happy_baby", ExerciseKind::Stretch, {MuscleGroup::Adductors},
                               {D::HipFlexionPast90, D::LongSupineLying, D::DeepEndRangeStretch});
    const auto exclusions = exclusionsFor(deep, {P::ThaPosterior, P::Pregnancy});
    ASSERT_EQ(exclusions.size(), 3u);
    EXPECT_EQ(exclusions[0].reason, "tha_posterior: hip flexion past 90°");
    EXPECT_EQ(exclusions[1].cause, "pregnancy");
    EXPECT_EQ(exclusions[2].cause, "pregnancy");
}

TEST(Precautions, FindingCautionsExcludeWithTheirRuleAsCause)
{
    const auto twist = exercise("supine_piriformis_to_shoulder", ExerciseKind::Stretch, {MuscleGroup::Piriformis},
                                {D::HipAdductionPastMidline, D::HipInternalRotation});
    const FindingCaution caution{"R-CAUTION-INTRA-ARTICULAR", "fadir left positive",
                                 {D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation}};
    const auto exclusions = exclusionsFor(twist, {}, {caution});
    ASSERT_EQ(exclusions.size(), 2u);
    EXPECT_EQ(exclusions[0].cause, "R-CAUTION-INTRA-ARTICULAR");
    EXPECT_EQ(exclusions[0].reason, "fadir left positive: adduction past the midline");
    EXPECT_TRUE(exclusionsFor(twist, {}, {}).empty());
}

} // namespace
} // namespace hiprx::core
