// SPDX-License-Identifier: GPL-3.0-or-later
//
// Stored times are ISO 8601 UTC ("2026-12-05T17:08:17.712Z"); a person reads them as local time in
// words. One conversion for every screen.
#pragma once

#include <string>

namespace hiprx::app {

/// "5 Dec 2026, 18:08" in the computer's time zone; the text unchanged when it is not an ISO time.
std::string localTimeText(const std::string& isoUtc);

} // namespace hiprx::app

namespace hiprx::app {

/// "21 Nov 2026" for a stored date "2026-11-21"; the text unchanged when it is not one.
std::string dateText(const std::string& isoDate);

} // namespace hiprx::app
