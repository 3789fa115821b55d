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

} // namespace
} // namespace hiprx::render
