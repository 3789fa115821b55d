// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issuing a visit's program and reprinting it: the one place that analyses the stored visit,
// screens and checks the program, renders the handout and stores both for good.
#pragma once

#include "core/analysis.h"
#include "core/date.h"
#include "core/exercise.h"
#include "core/program.h"
#include "render/figure_drawer.h"
#include "store/repositories.h"
#include "workflow/clinic.h"
#include "workflow/documents.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::workflow {

/// The stored visit analysed as every job reads it: against the reference set recorded with the
/// visit, else the clinic's. Throws InputError naming VISIT when there is no such visit.
struct VisitReading {
    store::VisitRecord visit;
    core::Analysis analysis;
};
VisitReading readVisit(store::Database& db, std::int64_t visitId, core::NormSet clinicNorms, core::Date today);

struct IssueRequest {
    std::int64_t visitId = 0;
    /// The program the clinician built; nothing = the suggestion for the saved findings.
    std::optional<core::Program> program;
    /// What the clinician did about an urgent referral (required then).
    std::string acknowledgement;
    store::Actor actor;
    core::Date today;
    /// The handout in large print (suggestLargePrint says when to offer it); the date is written in
    /// the clinic's format (Clinic::dateFormat).
    bool largePrint = false;
};

struct IssueResult {
    store::IssuedProgram issued;
    core::Analysis analysis;
    /// Why the visit note could not be filed with the program (the program is issued all the same;
    /// the note can still be made from the findings); empty when it was filed.
    std::string noteProblem;
};

/// Issues the program of a saved visit: analyses the saved findings, prepares the program
/// (referral level, emergency withholding, review warnings), refuses a forbidden item no clinician
/// decision covers, an urgent referral without acknowledgement and invalid doses (InputError, every
/// problem named), renders the handout and stores program and PDF as the next version. The handout
/// is the one `handoutInput` describes, at the clinic's page size, its cards drawn by `figures`
/// (Materials::drawer(): clinic exercises with their pictures).
IssueResult issueProgram(store::Database& db, const Clinic& clinic, const core::ExerciseLibrary& library,
                         const render::FigureDrawer* figures, const IssueRequest& request);

/// A program issued at a visit: `version`, or the latest when 0. Throws InputError naming VISIT,
/// with the command that issues one, when there is none.
store::IssuedProgram issuedProgram(store::Database& db, std::int64_t visitId, int version = 0);

/// A program issued at a visit (`version`, or the latest when 0) printed again in another way —
/// large print, another date format — from what was stored: the issued program (its own copy of
/// every exercise's instructions) with the visit's findings, at the clinic's page size and with its
/// branding of today. For the very bytes the patient was given, use issuedProgram(…).pdf. Throws
/// InputError naming VISIT as issuedProgram does.
std::vector<std::uint8_t> reprintHandout(store::Database& db, const Clinic& clinic,
                                         const render::FigureDrawer* figures, std::int64_t visitId, int version,
                                         const HandoutOptions& options, core::Date today);

} // namespace hiprx::workflow
