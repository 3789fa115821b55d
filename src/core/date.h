// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace hiprx::core {

/// A calendar date (no time, no zone), as written in ISO form `YYYY-MM-DD`.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    /// Parses strict `YYYY-MM-DD`; nothing when the text is not a real calendar date.
    static std::optional<Date> parse(std::string_view text);

    /// `YYYY-MM-DD`.
    std::string iso() const;

    /// Whole years from `birth` to `on` (the usual age rule: the birthday must have been reached).
    static int yearsBetween(const Date& birth, const Date& on);

    friend auto operator<=>(const Date&, const Date&) = default;
};

/// True when `year-month-day` names a day of the Gregorian calendar.
bool isValidDate(int year, int month, int day);

} // namespace hiprx::core
