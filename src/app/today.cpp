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

} // namespace hiprx::app
