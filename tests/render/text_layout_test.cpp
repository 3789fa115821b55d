// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/text_layout.h"

#include <gtest/gtest.h>

namespace hiprx::render {
namespace {

// Every character (not byte) is 1 point wide: a stand-in font that makes widths countable.
float charCount(std::string_view s)
{
    float n = 0;
    for (std::size_t i = 0; i < s.size(); i += utf8SequenceLength(static_cast<unsigned char>(s[i])))
        n += 1;
    return n;
}

TEST(WrapText, BreaksAtSpacesWithinTheWidth)
{
    const auto lines = wrapText("lie on your back with knees bent", 12, charCount);
    ASSERT_EQ(lines, (std::vector<std::string>{"lie on your", "back with", "knees bent"}));
    for (const auto& l : lines)
        EXPECT_LE(charCount(l), 12);
}

TEST(WrapText, KeepsMultiByteLettersWhole)
{
    // 21 characters, 27 bytes: a byte-counting wrapper would cut "Ł" or "Å" in half.
    const auto lines = wrapText("Łucja Ångström-Straße Дмитрий", 14, charCount);
    ASSERT_EQ(lines, (std::vector<std::string>{"Łucja", "Ångström-", "Straße Дмитрий"}));
}

TEST(WrapText, BreaksAnOverlongWordBetweenCharacters)
{
    const auto lines = wrapText("ΑλέξηςΑλέξηςΑλέξης", 7, charCount);
    ASSERT_EQ(lines, (std::vector<std::string>{"ΑλέξηςΑ", "λέξηςΑλ", "έξης"}));
}

TEST(WrapText, HonoursNewlinesAndCollapsesSpaces)
{
    EXPECT_EQ(wrapText("one   two\nthree", 40, charCount), (std::vector<std::string>{"one two", "three"}));
    EXPECT_TRUE(wrapText("", 40, charCount).empty());
    EXPECT_TRUE(wrapText("   ", 40, charCount).empty());
}

TEST(WrapText, FirstIndentNarrowsOnlyTheFirstLine)
{
    const auto lines = wrapText("aaa bbb ccc ddd", 8, charCount, 4);
    ASSERT_EQ(lines, (std::vector<std::string>{"aaa", "bbb ccc", "ddd"}));
}

TEST(WrapText, AWordTooWideForTheIndentedFirstLineStartsOnTheNext)
{
    const auto lines = wrapText("abcdefg", 8, charCount, 4);
    ASSERT_EQ(lines, (std::vector<std::string>{"", "abcdefg"}));
}

} // namespace
} // namespace hiprx::render
