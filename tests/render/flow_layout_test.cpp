// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/flow_layout.h"

#include <gtest/gtest.h>

namespace hiprx::render {
namespace {

BlockMetrics block(std::vector<float> rows, float gap = 0)
{
    BlockMetrics b;
    b.rows = std::move(rows);
    b.gapAfter = gap;
    return b;
}

const PageArea kFirst{100, 500}; // 400 points on page 1
const PageArea kNext{50, 500};   // 450 on the others

TEST(Paginate, StacksBlocksThatFitWithTheirGaps)
{
    const std::vector<BlockMetrics> blocks = {block({100}, 10), block({50, 50}, 10), block({30})};
    const auto f = paginate(blocks, kFirst, kNext);
    ASSERT_EQ(f.size(), 3U);
    EXPECT_FLOAT_EQ(f[0].top, 100);
    EXPECT_FLOAT_EQ(f[1].top, 210);
    EXPECT_FLOAT_EQ(f[2].top, 320);
    for (const auto& x : f)
        EXPECT_EQ(x.page, 0U);
}

TEST(Paginate, NeverSplitsABlockThatFitsOnAPage)
{
    // The second card would fit only in pieces at the foot of page 1: it moves whole to page 2.
    const std::vector<BlockMetrics> blocks = {block({300}, 10), block({40, 40, 40})};
    const auto f = paginate(blocks, kFirst, kNext);
    ASSERT_EQ(f.size(), 2U);
    EXPECT_EQ(f[1].page, 1U);
    EXPECT_FLOAT_EQ(f[1].top, 50);
    EXPECT_EQ(f[1].firstRow, 0U);
    EXPECT_EQ(f[1].endRow, 3U);
    EXPECT_FALSE(f[1].continued);
}

TEST(Paginate, KeepsAHeadingWithWhatFollows)
{
    BlockMetrics heading = block({20}, 5);
    heading.keepWithNext = true;
    const std::vector<BlockMetrics> blocks = {block({340}, 10), heading, block({100})};
    const auto f = paginate(blocks, kFirst, kNext);
    ASSERT_EQ(f.size(), 3U);
    EXPECT_EQ(f[1].page, 1U) << "heading left alone at the foot of page 1";
    EXPECT_EQ(f[2].page, 1U);
}

TEST(Paginate, SplitsABlockTallerThanAPageOnlyBetweenRowsAndRepeatsItsHeader)
{
    BlockMetrics table = block(std::vector<float>(40, 20)); // 800 points of 20-point rows
    table.headerRows = 2;
    table.padTop = 5;
    table.padBottom = 5;
    const std::vector<BlockMetrics> blocks = {block({50}, 10), table};
    const auto f = paginate(blocks, kFirst, kNext);
    ASSERT_GE(f.size(), 3U);
    EXPECT_EQ(f[1].page, 1U) << "a block taller than a page starts on a fresh page";
    std::size_t next = 0;
    for (std::size_t i = 1; i < f.size(); ++i) {
        EXPECT_EQ(f[i].firstRow, next) << "rows lost or repeated";
        next = f[i].endRow;
        EXPECT_LE(f[i].top + f[i].height, kNext.bottom + 0.01F);
        EXPECT_EQ(f[i].continued, i > 1);
        if (f[i].continued) { // two header rows redrawn plus its own rows, within the fragment height
            EXPECT_FLOAT_EQ(f[i].height, 10 + 40 + 20.0F * static_cast<float>(f[i].endRow - f[i].firstRow));
        }
    }
    EXPECT_EQ(next, 40U);
    EXPECT_FALSE(f.back().continues);
}

BlockMetrics card(float height, float compact)
{
    BlockMetrics b = block({height});
    b.compactHeight = compact;
    return b;
}

TEST(Paginate, ACompactLayoutFillsAPageMoreThanAQuarterEmpty)
{
    // 150 of page 1's 400 points are left (37 %): the next card fits there compact, not whole.
    const std::vector<BlockMetrics> blocks = {block({250}), card(200, 140)};
    const auto f = paginate(blocks, kFirst, kNext);
    ASSERT_EQ(f.size(), 2U);
    EXPECT_EQ(f[1].page, 0U);
    EXPECT_TRUE(f[1].compact);
    EXPECT_FLOAT_EQ(f[1].height, 140);
}

TEST(Paginate, ALittleRoomLeftStaysEmptyRatherThanShrinkACard)
{
    // 80 points left (20 % of the page): the card moves whole to page 2 (which the last block
    // needs anyway, so compacting it would save no page).
    const std::vector<BlockMetrics> blocks = {block({320}), card(200, 70), block({200})};
    const auto f = paginate(blocks, kFirst, kNext);
    EXPECT_EQ(f[1].page, 1U);
    EXPECT_FALSE(f[1].compact);
}

TEST(Paginate, CompactCardsLetTheLastSectionJoinTheirPage)
{
    // Whole, the two cards leave 50 points: the log's heading and table (130) would be alone on
    // page 2. One compact card is not enough; both are, and the handout is one page.
    BlockMetrics heading = block({30}, 0);
    heading.keepWithNext = true;
    const std::vector<BlockMetrics> blocks = {card(200, 150), card(200, 150), heading, block({100})};
    const PageArea page{0, 450};
    const auto f = paginate(blocks, page, page);
    ASSERT_EQ(f.size(), 4U);
    EXPECT_EQ(f.back().page, 0U);
    EXPECT_TRUE(f[0].compact);
    EXPECT_TRUE(f[1].compact);
}

TEST(Paginate, CardsStayWholeWhenCompactingSavesNothing)
{
    BlockMetrics heading = block({30}, 0);
    heading.keepWithNext = true;
    const std::vector<BlockMetrics> blocks = {card(200, 190), card(200, 190), heading, block({100})};
    const PageArea page{0, 450};
    const auto f = paginate(blocks, page, page);
    EXPECT_EQ(f.back().page, 1U);
    EXPECT_FALSE(f[0].compact);
    EXPECT_FALSE(f[1].compact);
}

TEST(Paginate, TwoCompactCardsShareAPageRatherThanOneCardEach)
{
    // 250 + 250 do not fit in 400; 180 + 180 do, and the page left below the first card (150) is
    // more than a quarter of it.
    const std::vector<BlockMetrics> blocks = {card(250, 180), card(250, 180), block({400})};
    const auto f = paginate(blocks, kFirst, kNext);
    ASSERT_EQ(f.size(), 3U);
    EXPECT_EQ(f[1].page, 0U);
    EXPECT_TRUE(f[0].compact);
    EXPECT_TRUE(f[1].compact);
    EXPECT_FLOAT_EQ(f[1].top, 100 + 180);
}

} // namespace
} // namespace hiprx::render
