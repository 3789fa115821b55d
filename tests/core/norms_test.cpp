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

TEST(Norms, SixSetsWithAaosFirstAndIdsThatRoundTrip)
{
    const auto sets = normSets();
    ASSERT_EQ(sets.size(), 6u);
    EXPECT_EQ(sets[0], NormSet::Aaos);
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

TEST(Norms, HipExtensionIsLimitedBelowTenDegreesInEverySet)
{
    for (NormSet set : normSets())
        EXPECT_EQ(limitedBelow(set, M::HipExtension), 10) << normSetId(set);
}

TEST(Norms, OtherMovementsAreLimitedBelowNormMinusMdc)
{
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipAbduction), 45 - 11);
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipInternalRotation), 45 - 11);
    EXPECT_EQ(limitedBelow(NormSet::Aaos, M::HipFlexion), 120 - 10);
    EXPECT_EQ(limitedBelow(NormSet::Aaos1994, M::HipInternalRotation), 35 - 11);
    EXPECT_EQ(limitedBelow(NormSet::Ama, M::HipFlexion), 100 - 10);
    EXPECT_EQ(limitedBelow(NormSet::Kendall, M::HipAdduction), 0); // 10 − 11, never negative
}

TEST(Norms, MissingValueFallsBackToAaos)
{
    EXPECT_FALSE(norm(NormSet::RoachMiles, M::HipAdduction).has_value());
    EXPECT_EQ(limitedBelow(NormSet::RoachMiles, M::HipAdduction), limitedBelow(NormSet::Aaos, M::HipAdduction));
}

} // namespace
} // namespace hiprx::core
