// SPDX-License-Identifier: GPL-3.0-or-later
//
// The visit note: the clinical record of one visit (subjective, objective, assessment, plan), with
// who the patient is on every page, the referral in a coloured box when there is one, and the
// clinician's signature block. The content is decided by the workflow layer (in words); this draws
// it: page style from templates/page-*.ini, fixed words from templates/note.ini.
#pragma once

#include "core/assessment.h"
#include "core/branding.h"
#include "core/vocabulary.h"
#include "render/home_program.h"
#include "render/page_template.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::render {

/// One SOAP section: `key` is subjective, objective, assessment or plan (its heading comes from
/// note.ini); each line is drawn as a bullet; a line ending in ":" is a sub-heading.
struct NoteSection {
    std::string key;
    std::vector<std::string> lines;
};

struct VisitNoteInput {
    core::Patient patient;
    std::optional<int> ageYears;
    std::string date;         ///< the visit's date, as printed (the clinic's date format)
    core::DateFormat dateFormat = core::kDefaultDateFormat; ///< for the other dates (birth date)
    core::Branding branding;  ///< the clinic; therapistName signs
    core::Urgency referral = core::Urgency::None;
    std::string referralLine; ///< shown in a box coloured by `referral` when not none
    std::vector<NoteSection> sections;
    std::string madeOn;       ///< the day the note was made, for the footer
};

/// The note as PDF bytes, as many pages as it needs. Throws RenderError when a template or font
/// cannot be used or a section key is unknown.
std::vector<std::uint8_t> renderVisitNote(const VisitNoteInput& input, PageSize size, const RenderResources& resources);

} // namespace hiprx::render
