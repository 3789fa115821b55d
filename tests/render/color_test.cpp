// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/color.h"

#include <gtest/gtest.h>

namespace hiprx::render {
namespace {

TEST(Rgb, ParsesHexInEitherCase)
{
    const auto c = Rgb::parse("#1f6F8B");
    ASSERT_TRUE(c);
    EXPECT_FLOAT_EQ(c->r, 0x1F / 255.0F);
    EXPECT_FLOAT_EQ(c->g, 0x6F / 255.0F);
    EXPECT_FLOAT_EQ(c->b, 0x8B / 255.0F);
}

TEST(Rgb, RejectsAnythingButHashAndSixHexDigits)
{
    for (const char* bad : {"", "1F6F8B", "#1F6F8", "#1F6F8BB", "#GG0000", "red", "#1F 6F8"})
        EXPECT_FALSE(Rgb::parse(bad)) << bad;
}

TEST(Rgb, PicksDarkTextOnPaleAccentsAndWhiteOnDarkOnes)
{
    const Rgb white{1, 1, 1};
    EXPECT_EQ(Rgb::parse("#1F6F8B")->readableTextOn(), white);
    EXPECT_EQ(Rgb::parse("#0B1F3A")->readableTextOn(), white);
    EXPECT_NE(Rgb::parse("#F4D35E")->readableTextOn(), white); // pale yellow
    EXPECT_NE(Rgb::parse("#FFFFFF")->readableTextOn(), white);
}

TEST(Rgb, MixMovesTowardsTheOtherColour)
{
    const Rgb black{0, 0, 0};
    const Rgb white{1, 1, 1};
    EXPECT_EQ(black.mix(white, 0.0F), black);
    EXPECT_EQ(black.mix(white, 1.0F), white);
    EXPECT_FLOAT_EQ(black.mix(white, 0.25F).g, 0.25F);
}

} // namespace
} // namespace hiprx::render
