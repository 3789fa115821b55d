// SPDX-License-Identifier: GPL-3.0-or-later
//
// A one-page progress summary for the patient or the referring physician: baseline against now for
// every measure with the change and its verdict, the alerts, the charts (the same chart code the app
// draws), and the current program. It uses the home program's page style (templates/page-*.ini) and
// fonts so the two documents look like one clinic's.
#pragma once

#include "core/assessment.h"
#include "core/branding.h"
#include "core/program.h"
#include "core/progress.h"
#include "render/home_program.h"
#include "render/page_template.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::render {

struct ProgressReportInput {
    core::Patient patient;
    std::string date; ///< the day of the report, as printed (the clinic's date format)
    core::DateFormat dateFormat = core::kDefaultDateFormat; ///< for the other dates (visits, birth date)
    core::Branding branding;
    /// The visits up to and including the one reported on; the last visit is "now".
    core::History history;
    /// The program the patient is doing now; nothing when none was issued yet.
    std::optional<core::Program> program;
};

/// Charts the report has room for (three across, two down); the rest are left to the app.
constexpr std::size_t kProgressReportMaxCharts = 6;

/// The progress report as PDF bytes (always one page: rows and program items that do not fit are
/// summarised as "…and n more"). Throws RenderError when a template or font cannot be used.
std::vector<std::uint8_t> renderProgressReport(const ProgressReportInput& input, PageSize size,
                                               const RenderResources& resources);

} // namespace hiprx::render
