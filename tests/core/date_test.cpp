// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

TEST(Date, ParsesIsoAndWritesItBack)
{
    auto d = Date::parse("1961-04-02");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 1961);
    EXPECT_EQ(d->month, 4);
    EXPECT_EQ(d->day, 2);
    EXPECT_EQ(d->iso(), "1961-04-02");
}

TEST(Date, RejectsWhatIsNotARealDay)
{
    for (const char* bad : {"", "1961-4-2", "1961-13-01", "1961-02-30", "2023-02-29", "19610402",
                            "1961-04-02T00", "abcd-ef-gh", "+961-04-02", "1961-04-0 "})
        EXPECT_FALSE(Date::parse(bad)) << bad;
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_TRUE(Date::parse("2000-02-29"));
    EXPECT_FALSE(Date::parse("1900-02-29"));
}

TEST(Date, AgeCountsOnlyBirthdaysReached)
{
    const Date birth{1961, 4, 2};
    EXPECT_EQ(Date::yearsBetween(birth, {2026, 4, 1}), 64);
    EXPECT_EQ(Date::yearsBetween(birth, {2026, 4, 2}), 65);
    EXPECT_EQ(Date::yearsBetween(birth, {2026, 11, 20}), 65);
}

TEST(Date, OrdersChronologically)
{
    EXPECT_LT((Date{2026, 1, 31}), (Date{2026, 2, 1}));
    EXPECT_LT((Date{2025, 12, 31}), (Date{2026, 1, 1}));
}

TEST(DateFormat, EachFormatWritesTheSameDayItsOwnWay)
{
    const Date d{2026, 12, 5};
    EXPECT_EQ(formatDate(d, DateFormat::Long), "5 December 2026");
    EXPECT_EQ(formatDate(d, DateFormat::DayMonthYear), "05/12/2026");
    EXPECT_EQ(formatDate(d, DateFormat::MonthDayYear), "12/05/2026");
    EXPECT_EQ(formatDate(d, DateFormat::Iso), "2026-12-05");
    EXPECT_EQ(formatDate({1961, 4, 22}, DateFormat::Long), "22 April 1961");
    EXPECT_EQ(formatDate({2024, 2, 29}, DateFormat::DayMonthYear), "29/02/2024");
    // Table cells: the month in three letters; the other formats are short already.
    EXPECT_EQ(formatDateShort(d, DateFormat::Long), "5 Dec 2026");
    EXPECT_EQ(formatDateShort({2026, 9, 28}, DateFormat::Long), "28 Sep 2026");
    EXPECT_EQ(formatDateShort(d, DateFormat::MonthDayYear), "12/05/2026");
}

TEST(DateFormat, TheDefaultCannotBeMisreadInAnyCountry)
{
    EXPECT_EQ(kDefaultDateFormat, DateFormat::Long);
}

TEST(DateFormat, IdsGoBothWaysAndLabelsShowAnExample)
{
    for (DateFormat f : dateFormats()) {
        EXPECT_EQ(dateFormatFromId(dateFormatId(f)), f);
        EXPECT_NE(dateFormatLabel(f).find(formatDate({2026, 12, 5}, f)), std::string::npos);
    }
    EXPECT_EQ(dateFormatId(DateFormat::DayMonthYear), "dmy");
    EXPECT_FALSE(dateFormatFromId("dd/mm/yyyy"));
    EXPECT_FALSE(dateFormatFromId(""));
    EXPECT_EQ(dateFormats().size(), 4U);
}

} // namespace
} // namespace hiprx::core
