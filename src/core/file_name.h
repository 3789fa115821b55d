// SPDX-License-Identifier: GPL-3.0-or-later
//
// The name a saved or sent document gets: who, what and when ("Lena Fischer - home program -
// 2026-12-05.pdf"), so a folder of PDFs or an email attachment says whose it is without opening
// it. The ISO date sorts a patient's documents in order. Pure.
#pragma once

#include "core/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace hiprx::core {

/// "<patient> - <document> - <YYYY-MM-DD>.pdf". Characters no file system accepts (/ \ : * ? " < >
/// | and control characters) become spaces; an empty patient name or a missing date is left out;
/// the patient's name is cut (on a character boundary) so the whole name stays under 120 bytes.
std::string documentFileName(std::string_view patientName, std::string_view document, std::optional<Date> date);

} // namespace hiprx::core
