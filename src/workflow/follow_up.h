// SPDX-License-Identifier: GPL-3.0-or-later
//
// Follow-up jobs: the suggested next program at a visit and the progress report of a visit, each
// computed once for the app and the command line.
#pragma once

#include "core/date.h"
#include "core/exercise.h"
#include "core/progression.h"
#include "render/progress_report.h"
#include "store/database.h"
#include "workflow/clinic.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace hiprx::workflow {

/// The next program at a saved visit: the last program issued at or before it, stepped by the
/// history up to it and screened with its findings (core::nextProgramAtVisit). `norms` is the set
/// for visits that did not record theirs. Throws InputError naming VISIT when there is no such
/// visit or no program was issued at or before it.
core::NextProgram nextProgram(store::Database& db, const core::ExerciseLibrary& library, std::int64_t visitId,
                              core::NormSet norms, core::Date today);

/// The progress report's content at a saved visit: the patient's visits up to it (later ones left
/// out) with its strength, tests, endurance and balance against their first record, the program in
/// force then, the visit's clinician, date, impression, plan and goals. Throws InputError naming VISIT.
render::ProgressReportInput progressReportInput(store::Database& db, const Clinic& clinic, std::int64_t visitId,
                                                core::NormSet norms, core::Date today);

/// The progress report PDF for `input` at the clinic's page size.
std::vector<std::uint8_t> renderProgressReport(const render::ProgressReportInput& input, render::PageSize size);

} // namespace hiprx::workflow
