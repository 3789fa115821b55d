// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outcomes.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

std::vector<std::optional<int>> lefsAll(int value)
{
    return std::vector<std::optional<int>>(kLefsItemCount, value);
}

TEST(Lefs, NotGivenHasNoScore)
{
    EXPECT_FALSE(scoreLefs({}).has_value());
}

TEST(Lefs, CompleteQuestionnaireIsTheSum)
{
    auto items = lefsAll(3);
    items[0] = 0;
    items[19] = 4;
    const auto s = scoreLefs(items);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->total, 3 * 18 + 0 + 4);
    EXPECT_EQ(s->answered, 20);
    EXPECT_FALSE(s->prorated);
}

TEST(Lefs, RangeEndsAreZeroAndEighty)
{
    EXPECT_EQ(scoreLefs(lefsAll(0))->total, 0);
    EXPECT_EQ(scoreLefs(lefsAll(4))->total, kLefsMaxTotal);
}

TEST(Lefs, OneMissingItemIsProrated)
{
    auto items = lefsAll(2);
    items[5] = std::nullopt;
    const auto s = scoreLefs(items);
    ASSERT_TRUE(s);
    // 19 answers of 2 = 38, prorated to 20 items = 40.
    EXPECT_EQ(s->total, 40);
    EXPECT_EQ(s->answered, 19);
    EXPECT_TRUE(s->prorated);
}

TEST(Lefs, ProrationRoundsHalfUp)
{
    // 16 answered: 15 × 3 + 1 × 2 = 47 → 47 × 20 / 16 = 58.75 → 59.
    auto items = lefsAll(3);
    for (int i : {0, 1, 2, 3})
        items[static_cast<std::size_t>(i)] = std::nullopt;
    items[4] = 2;
    EXPECT_EQ(scoreLefs(items)->total, 59);
    // 18 answered, sum 45 → 50.0 exactly; 19 answered, sum 21 → 22.1 → 22.
    auto exact = lefsAll(0);
    exact[0] = exact[1] = std::nullopt;
    for (std::size_t i = 2; i < 17; ++i)
        exact[i] = 3;
    EXPECT_EQ(scoreLefs(exact)->total, 50);
    auto down = lefsAll(1);
    down[0] = std::nullopt;
    down[1] = 3;
    EXPECT_EQ(scoreLefs(down)->total, 22);
}

TEST(Lefs, FourMissingItemsStillScore)
{
    auto items = lefsAll(4);
    for (std::size_t i = 0; i < 4; ++i)
        items[i] = std::nullopt;
    const auto s = scoreLefs(items);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->total, 80);
    EXPECT_EQ(s->answered, 16);
}

TEST(Lefs, FiveMissingItemsCannotBeScored)
{
    auto items = lefsAll(4);
    for (std::size_t i = 0; i < 5; ++i)
        items[i] = std::nullopt;
    EXPECT_FALSE(scoreLefs(items).has_value());
}

TEST(Lefs, ItemOutsideRangeNamesItsPath)
{
    auto items = lefsAll(2);
    items[7] = 5;
    try {
        scoreLefs(items);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1U);
        EXPECT_EQ(e.problems()[0].message, "outcomes.lefs[7]: 5 is outside 0–4");
    }
}

TEST(Lefs, WrongItemCountIsRejected)
{
    EXPECT_THROW(scoreLefs(std::vector<std::optional<int>>(19, 2)), InputError);
}

TEST(Psfs, MeanOfRatedActivities)
{
    const auto s = scorePsfs({{"climbing stairs", 4}, {"walking the dog", 7}, {"gardening", 6}});
    ASSERT_TRUE(s);
    EXPECT_DOUBLE_EQ(s->mean, 17.0 / 3.0);
    EXPECT_EQ(s->rated, 3);
}

TEST(Psfs, UnratedActivityIsLeftOut)
{
    const auto s = scorePsfs({{"climbing stairs", 4}, {"running", std::nullopt}, {"gardening", 8}});
    ASSERT_TRUE(s);
    EXPECT_DOUBLE_EQ(s->mean, 6.0);
    EXPECT_EQ(s->rated, 2);
}

TEST(Psfs, NothingRatedHasNoScore)
{
    EXPECT_FALSE(scorePsfs({}).has_value());
    EXPECT_FALSE(scorePsfs({{"running", std::nullopt}}).has_value());
}

TEST(Psfs, ScoreOutsideRangeAndTooManyActivitiesAreRejected)
{
    EXPECT_THROW(scorePsfs({{"running", 11}}), InputError);
    EXPECT_THROW(scorePsfs({{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}}), InputError);
}

} // namespace
} // namespace hiprx::core
