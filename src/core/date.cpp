// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date.h"

#include <charconv>
#include <cstdio>

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

} // namespace hiprx::core
