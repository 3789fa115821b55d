// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date.h"

#include <charconv>
#include <cstdio>
#include <utility>

namespace hiprx::core {

namespace {

bool parseDigits(std::string_view text, int& out)
{
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

} // namespace

bool isValidDate(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = month == 2 && leap ? 29 : kDays[month - 1];
    return day <= max;
}

std::optional<Date> Date::parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    Date d;
    if (!parseDigits(text.substr(0, 4), d.year) || !parseDigits(text.substr(5, 2), d.month) ||
        !parseDigits(text.substr(8, 2), d.day))
        return std::nullopt;
    if (!isValidDate(d.year, d.month, d.day))
        return std::nullopt;
    return d;
}

std::string Date::iso() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

int Date::yearsBetween(const Date& birth, const Date& on)
{
    int years = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
        --years;
    return years;
}

namespace {

constexpr std::pair<DateFormat, std::string_view> kFormatIds[] = {
    {DateFormat::Long, "long"},
    {DateFormat::DayMonthYear, "dmy"},
    {DateFormat::MonthDayYear, "mdy"},
    {DateFormat::Iso, "iso"},
};

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

} // namespace

std::string formatDate(const Date& date, DateFormat format)
{
    char buf[32];
    switch (format) {
    case DateFormat::Long:
        if (date.month >= 1 && date.month <= 12) {
            std::snprintf(buf, sizeof buf, "%d %s %04d", date.day, kMonths[date.month - 1], date.year);
            return buf;
        }
        break; // not a real month: written as ISO rather than guessed
    case DateFormat::DayMonthYear:
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", date.day, date.month, date.year);
        return buf;
    case DateFormat::MonthDayYear:
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", date.month, date.day, date.year);
        return buf;
    case DateFormat::Iso:
        break;
    }
    return date.iso();
}

std::string formatDateShort(const Date& date, DateFormat format)
{
    if (format != DateFormat::Long || date.month < 1 || date.month > 12)
        return formatDate(date, format);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d %.3s %04d", date.day, kMonths[date.month - 1], date.year);
    return buf;
}

const std::vector<DateFormat>& dateFormats()
{
    static const std::vector<DateFormat> all = {DateFormat::Long, DateFormat::DayMonthYear,
                                                DateFormat::MonthDayYear, DateFormat::Iso};
    return all;
}

std::string_view dateFormatId(DateFormat format)
{
    for (const auto& [f, id] : kFormatIds)
        if (f == format)
            return id;
    return "long";
}

std::optional<DateFormat> dateFormatFromId(std::string_view id)
{
    for (const auto& [f, known] : kFormatIds)
        if (known == id)
            return f;
    return std::nullopt;
}

std::string dateFormatLabel(DateFormat format)
{
    const Date example{2026, 12, 5};
    const char* how = "";
    switch (format) {
    case DateFormat::Long:
        how = "day, month in words, year";
        break;
    case DateFormat::DayMonthYear:
        how = "day/month/year";
        break;
    case DateFormat::MonthDayYear:
        how = "month/day/year";
        break;
    case DateFormat::Iso:
        how = "year-month-day, ISO 8601";
        break;
    }
    return formatDate(example, format) + " (" + how + ")";
}

} // namespace hiprx::core
