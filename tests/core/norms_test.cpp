// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/norms.h"

#include <gtest/gtest.h>

#include <map>

namespace hiprx::core {
namespace {

using M = Movement;

// The norm table (sources in db/SOURCES.md), copied here by hand so a typo in either place shows.
const std::map<NormSet, std::map<Movement, int>> kExpected = {
    {NormSet::Aaos,
     {{M::HipFlexion, 120}, {M::HipExtension, 30}, {M::HipAbduction, 45}, {M::HipAdduction, 30},
      {M::HipInternalRotation, 45}, {M::HipExternalRotation, 45}}},
    {NormSet::Aaos1994,
     {{M::HipFlexion, 120}, {M::HipExtension, 20}, {M::HipAbduction, 45}, {M::HipAdduction, 30},
      {M::HipInternalRotation, 35}, {M::HipExternalRotation, 45}}},
    {NormSet::Ama,
     {{M::HipFlexion, 100}, {M::HipExtension, 30}, {M::HipAbduction, 40}, {M::HipAdduction, 20},
      {M::HipInternalRotation, 40}, {M::HipExternalRotation, 50}}},
    {NormSet::Kendall,
     {{M::HipFlexion, 125}, {M::HipExtension, 10}, {M::HipAbduction, 45}, {M::HipAdduction, 10},
      {M::HipInternalRotation, 45}, {M::HipExternalRotation, 45}}},
    {NormSet::BooneAzen,
     {{M::HipFlexion, 122}, {M::HipExtension, 10}, {M::HipAbduction, 46}, {M::HipAdduction, 27},
      {M::HipInternalRotation, 47}, {M::HipExternalRotation, 47}}},
    {NormSet::RoachMiles,
     {{M::HipFlexion, 121}, {M::HipExtension, 19}, {M::HipAbduction, 42}, {M::HipInternalRotation, 32},
      {M::HipExternalRotation, 32}}},
};

TEST(Norms, EveryValueMatchesTheFactsTableAndNamesItsSource)
{
    for (const auto& [set, values] : kExpected) {
        for (const auto& entry : vocabulary<Movement>()) {
            const auto value = norm(set, entry.value);
            const auto expected = values.find(entry.value);
            if (expected == values.end()) {
                EXPECT_FALSE(value.has_value()) << normSetId(set) << " " << entry.id;
                continue;
            }
            ASSERT_TRUE(value.has_value()) << normSetId(set) << " " << entry.id;
            EXPECT_EQ(value->degrees, expected->second) << normSetId(set) << " " << entry.id;
            EXPECT_EQ(value->set, set);
            EXPECT_EQ(value->movement, entry.value);
            EXPECT_FALSE(value->source.empty());
        }
    }
}

TEST(Norms, SixSetsWithTheDefaultFirstAndIdsThatRoundTrip)
{
    const auto sets = normSets();
    ASSERT_EQ(sets.size(), 6u);
    EXPECT_EQ(sets[0], kDefaultNormSet);
    EXPECT_EQ(kDefaultNormSet, NormSet::RoachMiles); // the one adult population sample with a spread
    for (NormSet set : sets) {
        EXPECT_FALSE(normSetLabel(set).empty());
        EXPECT_EQ(normSetFromId(normSetId(set)), set);
    }
    EXPECT_EQ(normSetId(NormSet::Kendall), "kendall");
    EXPECT_FALSE(normSetFromId("cdc").has_value());
}

TEST(Norms, MeasurementErrorFollowsPuaSems)
{
    EXPECT_EQ(measurementErrorDegrees(M::HipFlexion), 10);
    EXPECT_EQ(measurementErrorDegrees(M::HipExtension), 13);
    for (M m : {M::HipAbduction, M::HipAdduction, M::HipInternalRotation, M::HipExternalRotation})
        EXPECT_EQ(measurementErrorDegrees(m), 11);
}

TEST(Norms, AsymmetryNeedsTenDegreesAndMoreThanTheMdc)
{
    for (const auto& entry : vocabulary<Movement>()) {
        const int threshold = asymmetryThreshold(entry.value);
        EXPECT_GE(threshold, 10) << entry.id;
        EXPECT_GT(threshold, measurementErrorDegrees(entry.value)) << entry.id;
    }
    EXPECT_EQ(asymmetryThreshold(M::HipExtension), 14);
    EXPECT_EQ(asymmetryThreshold(M::HipFlexion), 11);
}

TEST(Norms, LimitedMeansTypicalValueMinusTwoPopulationSds)
{
    EXPECT_EQ(limitedBelow(NormSet::RoachMiles, M::HipExtension), 19 - 16);
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipExtension), 30 - 16);
    EXPECT_EQ(limitedBelow(NormSet::Kendall, M::HipExtension), 0); // 10 − 16, never negative
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipAbduction), 45 - 22);
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipFlexion), 120 - 26);
    EXPECT_EQ(limitedBelow(NormSet::Ama, M::HipFlexion), 100 - 26);
    EXPECT_NE(limitBasis(NormSet::Aaos, M::HipFlexion).find("2 SD"), std::string::npos);
}

TEST(Norms, RotationLimitsFollowTheTestPositionNotTheSet)
{
    for (NormSet set : normSets()) {
        EXPECT_EQ(limitedBelow(set, M::HipInternalRotation, RotationPosition::Supine), 30 - 16);
        EXPECT_EQ(limitedBelow(set, M::HipInternalRotation, RotationPosition::Prone), 35 - 16);
        EXPECT_EQ(limitedBelow(set, M::HipInternalRotation, RotationPosition::Sitting), 38 - 16);
        EXPECT_EQ(limitedBelow(set, M::HipExternalRotation, RotationPosition::Supine), 39 - 16);
        EXPECT_EQ(limitedBelow(set, M::HipExternalRotation, RotationPosition::Prone), 42 - 16);
        EXPECT_EQ(limitedBelow(set, M::HipExternalRotation, RotationPosition::Sitting), 32 - 16);
    }
    // No recorded position: the most lenient limit, and the evidence says so.
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipInternalRotation), 14);
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipExternalRotation), 16);
    EXPECT_NE(limitBasis(NormSet::Aaos, M::HipInternalRotation).find("not recorded"), std::string::npos);
}

TEST(Norms, MissingValueFallsBackToAaos)
{
    EXPECT_FALSE(norm(NormSet::RoachMiles, M::HipAdduction).has_value());
    EXPECT_EQ(limitedBelow(NormSet::RoachMiles, M::HipAdduction), limitedBelow(NormSet::Aaos, M::HipAdduction));
}

} // namespace
} // namespace hiprx::core
