// SPDX-License-Identifier: GPL-3.0-or-later
//
// The referral letter of a visit whose red flags call for an urgent or emergency referral: what it
// says is decided here once, for the app and the command line.
#pragma once

#include "core/analysis.h"
#include "core/assessment.h"
#include "core/date.h"
#include "render/referral_letter.h"
#include "store/database.h"
#include "workflow/clinic.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hiprx::workflow {

/// True when a visit's analysis calls for a referral letter (urgent or emergency).
bool referralLetterDue(const core::Analysis& analysis);

/// The findings a doctor reading the letter needs besides the flags, one line each in words:
/// complaint, pain, irritability, pain areas, positive special tests, marked weakness, balance,
/// known precautions, the visit's notes. Nothing that was not recorded.
std::vector<std::string> referralFindings(const core::Assessment& assessment, const core::Analysis& analysis);

/// The letter's content for a saved visit: the patient, the flags behind the referral, the
/// findings, the clinician's acknowledgement and the program issued at the visit (the latest
/// version), signed by the visit's clinician. `recipient` empty = by urgency. Throws InputError
/// naming VISIT when there is no such visit or its referral is neither urgent nor emergency.
render::ReferralLetterInput referralLetterInput(store::Database& db, const Clinic& clinic, std::int64_t visitId,
                                                core::Date today, const std::string& recipient = {});

/// The letter PDF at the clinic's page size.
std::vector<std::uint8_t> renderReferralLetter(const render::ReferralLetterInput& input, render::PageSize size);

} // namespace hiprx::workflow
