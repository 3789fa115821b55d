// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reads what a patient's history needs in one call: every visit's findings (for core::buildHistory)
// and every program issued to the patient. Shared by the CLI, the app's history window and the
// benchmark so they all read the same way.
#pragma once

#include "core/progress.h"
#include "store/repositories.h"

#include <cstdint>
#include <vector>

namespace hiprx::store {

/// Every visit of the patient with its assessment, in no particular order (buildHistory sorts).
/// Throws StorageError.
std::vector<core::DatedAssessment> loadVisitHistory(Database& db, std::int64_t patientId);

/// Every program issued at any of the patient's visits, oldest visit first, versions in order.
/// Throws StorageError.
std::vector<IssuedProgram> loadIssuedPrograms(Database& db, std::int64_t patientId);

} // namespace hiprx::store
