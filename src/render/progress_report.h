// SPDX-License-Identifier: GPL-3.0-or-later
//
// A one-page progress summary for the patient or the referring physician: who the patient is (full
// name, birth date, record number), baseline against now for every measure and for strength,
// special tests, endurance and balance with the change and its verdict, the alerts, the charts (the
// same chart code the app draws), the current program, the clinician's impression, plan and goals,
// and a signature. It uses the home program's page style (templates/page-*.ini), fonts and branding
// so the documents look like one clinic's.
#pragma once

#include "core/assessment.h"
#include "core/branding.h"
#include "core/finding_changes.h"
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
    /// The clinic; therapistName (with its credentials) signs, else the latest visit's clinician.
    core::Branding branding;
    /// The visits up to and including the one reported on; the last visit is "now".
    core::History history;
    /// The latest visit's strength, special tests, endurance and balance, each against its first
    /// record: core::findingRows over the visits of `history`, in the same order.
    std::vector<core::FindingRow> findings;
    /// The clinician's own words at the latest visit (its impression, plan and goals); an empty one
    /// is left out.
    std::string impression;
    std::string plan;
    std::string goals;
    /// The program the patient is doing now; nothing when none was issued yet.
    std::optional<core::Program> program;
};

/// Charts the report has room for (three across, two down); the rest are left to the app.
constexpr std::size_t kProgressReportMaxCharts = 6;

/// The progress report as PDF bytes (always one page: the charts give way first, then rows and
/// program items that do not fit are summarised as "…and n more"). Throws RenderError when a
/// template or font cannot be used; a logo that cannot be used is left out with a warning through
/// `resources.warn`.
std::vector<std::uint8_t> renderProgressReport(const ProgressReportInput& input, PageSize size,
                                               const RenderResources& resources);

} // namespace hiprx::render
