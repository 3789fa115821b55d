// SPDX-License-Identifier: GPL-3.0-or-later
//
// The app's one clock. Every date the app reads ("today": the bound for typed dates, the date of a
// new visit, the email's {date}) comes from todayLocal(), so a test can fix it and never depends on
// the wall clock.
#pragma once

#include "core/date.h"

#include <chrono>
#include <optional>

namespace hiprx::app {

/// Today's local calendar date: the system clock's, or the date fixed by fixToday().
core::Date todayLocal();

/// Fixes "today" for the whole app (GUI tests); nothing gives the system clock back.
void fixToday(std::optional<core::Date> date);

/// The moment now, for what compares with file times (is the daily backup due?): the system
/// clock's, or noon UTC of the day fixed by fixToday().
std::chrono::system_clock::time_point nowInstant();

} // namespace hiprx::app
