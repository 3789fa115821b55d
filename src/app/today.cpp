// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/today.h"

#include <wx/datetime.h>

namespace hiprx::app {

namespace {

std::optional<core::Date>& fixedToday()
{
    static std::optional<core::Date> date;
    return date;
}

} // namespace

core::Date todayLocal()
{
    if (const auto& fixed = fixedToday())
        return *fixed;
    const wxDateTime now = wxDateTime::Today();
    return {now.GetYear(), static_cast<int>(now.GetMonth()) + 1, now.GetDay()};
}

void fixToday(std::optional<core::Date> date) { fixedToday() = date; }

std::chrono::system_clock::time_point nowInstant()
{
    const auto& fixed = fixedToday();
    if (!fixed)
        return std::chrono::system_clock::now();
    const std::chrono::year_month_day day{std::chrono::year{fixed->year}, std::chrono::month{static_cast<unsigned>(fixed->month)},
                                          std::chrono::day{static_cast<unsigned>(fixed->day)}};
    return std::chrono::sys_days{day} + std::chrono::hours(12);
}

} // namespace hiprx::app
