// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/local_time.h"

#include <wx/datetime.h>

#include <cstdio>

namespace hiprx::app {

std::string localTimeText(const std::string& isoUtc)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(isoUtc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 5 || mo < 1 ||
        mo > 12 || d < 1 || d > 31)
        return isoUtc;
    wxDateTime utc(static_cast<wxDateTime::wxDateTime_t>(d), static_cast<wxDateTime::Month>(mo - 1), y,
                   static_cast<wxDateTime::wxDateTime_t>(h), static_cast<wxDateTime::wxDateTime_t>(mi),
                   static_cast<wxDateTime::wxDateTime_t>(s));
    if (!utc.IsValid())
        return isoUtc;
    // Built as if local; the fields were UTC's, so move it from UTC to here.
    const wxDateTime local = utc.FromTimezone(wxDateTime::UTC);
    return local.Format("%e %b %Y, %H:%M").Trim(false).ToStdString(wxConvUTF8);
}

} // namespace hiprx::app

namespace hiprx::app {

std::string dateText(const std::string& isoDate)
{
    int y = 0, mo = 0, d = 0;
    if (isoDate.size() != 10 || std::sscanf(isoDate.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12 ||
        d < 1 || d > 31)
        return isoDate;
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::to_string(d) + " " + kMonths[mo - 1] + " " + std::to_string(y);
}

} // namespace hiprx::app
