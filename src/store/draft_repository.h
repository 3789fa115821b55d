// SPDX-License-Identifier: GPL-3.0-or-later
//
// Assessment drafts: what was typed into a form and not yet saved as a visit. The text is the
// form's own record of its fields (it may hold values that do not validate yet); the store only
// keeps it safe, one draft per patient and visit.
#pragma once

#include "store/database.h"
#include "store/repositories.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::store {

/// One unfinished form.
struct AssessmentDraft {
    std::int64_t patientId = 0;
    std::int64_t visitId = 0; ///< 0 = a visit not stored yet
    std::string formText;
    std::string updatedAt;    ///< ISO 8601 UTC
};

class DraftRepository {
public:
    explicit DraftRepository(Database& db) : m_db(db) {}

    /// Inserts or replaces the draft of (patient, visit). Called often (every pause in typing), so it
    /// writes no audit row. Throws StorageError (e.g. for an unknown patient).
    void save(std::int64_t patientId, std::int64_t visitId, const std::string& formText);
    /// The draft of (patient, visit), if any.
    std::optional<AssessmentDraft> find(std::int64_t patientId, std::int64_t visitId);
    /// Every draft of a patient, newest first.
    std::vector<AssessmentDraft> forPatient(std::int64_t patientId);
    /// Deletes the draft (after the visit was saved, or when the therapist discards it). Missing is fine.
    void discard(std::int64_t patientId, std::int64_t visitId);

private:
    Database& m_db;
};

} // namespace hiprx::store
