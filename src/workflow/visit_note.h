// SPDX-License-Identifier: GPL-3.0-or-later
//
// The visit note: the record of one saved visit in words (subjective, objective, assessment, plan),
// decided once for the app and the command line.
#pragma once

#include "core/date.h"
#include "render/visit_note.h"
#include "store/database.h"
#include "workflow/clinic.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace hiprx::workflow {

/// The note's content for a saved visit: the findings as recorded, with ROM against the lower
/// reference limit of the visit's reference set; the referral, impairments with their rationale,
/// precautions and notes; the program issued at the visit (latest version) or why there is none;
/// signed by the visit's clinician. Throws InputError naming VISIT when there is no such visit.
render::VisitNoteInput visitNoteInput(store::Database& db, const Clinic& clinic, std::int64_t visitId,
                                      core::Date today);

/// The note filed when the latest program of the visit was issued (its version and the PDF, byte
/// for byte); nothing when no program was issued or none was filed with it.
struct FiledNote {
    int version = 0;
    std::vector<std::uint8_t> pdf;
};
std::optional<FiledNote> filedVisitNote(store::Database& db, std::int64_t visitId);

/// The note PDF at the clinic's page size.
std::vector<std::uint8_t> renderVisitNote(const render::VisitNoteInput& input, render::PageSize size);

} // namespace hiprx::workflow
