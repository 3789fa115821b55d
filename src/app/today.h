// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/date.h"

#include <wx/datetime.h>

namespace hiprx::app {

/// Today's local calendar date: the bound for dates typed in the app and the date of a visit.
inline core::Date todayLocal()
{
    const wxDateTime now = wxDateTime::Today();
    return {now.GetYear(), static_cast<int>(now.GetMonth()) + 1, now.GetDay()};
}

} // namespace hiprx::app
