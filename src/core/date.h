// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// How a clinic writes dates on its documents (a clinic setting; files and the database keep ISO).
/// `Long` is the default: "5 December 2026" cannot be misread in any country, where 05/12/2026 is
/// 5 December in Europe and 12 May in the United States.
enum class DateFormat {
    Long,          ///< 5 December 2026
    DayMonthYear,  ///< 05/12/2026
    MonthDayYear,  ///< 12/05/2026
    Iso,           ///< 2026-12-05
};

inline constexpr DateFormat kDefaultDateFormat = DateFormat::Long;

/// `date` written in `format` (English month names).
std::string formatDate(const Date& date, DateFormat format);

/// As formatDate, with the month cut to three letters in the long format ("5 Dec 2026"), for
/// narrow table cells; the other formats are already short.
std::string formatDateShort(const Date& date, DateFormat format);

/// Every format, in the order a settings list offers them.
const std::vector<DateFormat>& dateFormats();

/// The setting's id: "long", "dmy", "mdy", "iso".
std::string_view dateFormatId(DateFormat format);
/// The format of an id, nothing for an unknown one.
std::optional<DateFormat> dateFormatFromId(std::string_view id);
/// What a person picks from: "5 December 2026 (day, month in words, year)".
std::string dateFormatLabel(DateFormat format);

} // namespace hiprx::core
