// SPDX-License-Identifier: GPL-3.0-or-later
//
// Filing an assessment read from a file (hiprx-cli import, the app's demo patient): the patient
// and the new visit land together or not at all.
#pragma once

#include "core/assessment.h"
#include "store/repositories.h"

#include <cstdint>

namespace hiprx::workflow {

struct ImportResult {
    std::int64_t patientId = 0;
    std::int64_t visitId = 0;
    bool newPatient = true;
};

/// The patient record after a file brings `incoming` for a patient already stored: what the file
/// gives wins, what it leaves blank (email, phone, birth date, sex) keeps the stored value — a file
/// exported without contact details must never wipe the ones the front desk entered.
core::Patient mergeImportedPatient(const core::Patient& stored, core::Patient incoming);

/// Stores `assessment` as a new visit in one transaction. A patient with the file's record number
/// (external id) is brought up to date (mergeImportedPatient) and gets the visit; otherwise a new
/// patient is created. The visit records the reference set it is read against: the file's, else
/// the clinic's.
ImportResult importAssessment(store::Database& db, core::Assessment assessment, const store::Actor& actor);

} // namespace hiprx::workflow
