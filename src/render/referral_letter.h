// SPDX-License-Identifier: GPL-3.0-or-later
//
// The referral letter: one page to the emergency department or the patient's GP when a visit's red
// flags call for an urgent or emergency referral. Who the patient is (name, birth date, record
// number, contact), the flags and why they matter, the other relevant findings, what the patient
// was told, what physiotherapy was given, and the clinician who signs it. Page style from
// templates/page-*.ini, every fixed sentence from templates/letter.ini.
#pragma once

#include "core/analysis.h"
#include "core/assessment.h"
#include "core/branding.h"
#include "render/home_program.h"
#include "render/page_template.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::render {

struct ReferralLetterInput {
    core::Patient patient;
    std::optional<int> ageYears;   ///< at the visit
    std::string date;              ///< the visit's date, as printed (the clinic's date format)
    core::DateFormat dateFormat = core::kDefaultDateFormat; ///< for the other dates (birth date)
    core::Branding branding;       ///< the clinic; therapistName is the clinician who signs
    std::string recipient;         ///< empty = by urgency (emergency department / GP)
    core::Urgency level = core::Urgency::Urgent; ///< Urgent or Emergency
    std::vector<core::RedFlagWarning> warnings;  ///< the flags behind the referral, highest first
    std::vector<std::string> findings;           ///< other relevant findings, one line each, in words
    std::string clinicianNote;     ///< what the clinician recorded doing about it (may be empty)
    /// Exercises in the program issued at the visit; nothing when none was issued (0 with an
    /// emergency: withheld).
    std::optional<std::size_t> programExercises;
};

/// The letter as PDF bytes (one page; findings that do not fit are cut with "…"). Throws
/// RenderError when a template or font cannot be used, or the level is not urgent or emergency.
std::vector<std::uint8_t> renderReferralLetter(const ReferralLetterInput& input, PageSize size,
                                               const RenderResources& resources);

} // namespace hiprx::render
