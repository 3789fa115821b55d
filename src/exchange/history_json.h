// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-history/1: a patient's progress as JSON for `hiprx-cli history PATIENT --json` — every
// visit oldest first with each measured value, its change since the baseline and since the previous
// visit and the verdict, the alerts, and the programs issued at that visit. Write-only: history is
// always computed from the stored visits, never read back.
#pragma once

#include "core/assessment.h"
#include "core/progress.h"
#include "core/progression.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::exchange {

inline constexpr std::string_view kHistoryFormat = "hiprx-history/1";

/// One issued program as the history lists it.
struct IssuedProgramSummary {
    std::int64_t visitId = 0;
    std::int64_t programId = 0;
    int version = 0;
    std::string issuedAt;               ///< ISO 8601 UTC
    std::vector<std::string> exercises; ///< exercise ids in program order
};

/// The history document: {"format", "patient": {id, name}, "suggested_step", "latest_alerts",
/// "visits": [{visit_id, date, clinician, measures: [{measure, label, unit, value, since_baseline,
/// since_previous}], alerts: [{kind, measure, message}], programs: [...]}]}. A change is
/// {from, to, change, threshold, verdict} with verdict "improved", "within_error" or "worse".
/// Throws Error when a text is not valid UTF-8.
std::string writeHistory(const core::Patient& patient, const core::History& history,
                         const std::vector<IssuedProgramSummary>& programs = {});

} // namespace hiprx::exchange
