// SPDX-License-Identifier: GPL-3.0-or-later
//
// The visit note filed with each issued program: the PDF of the visit's record as it stood at
// issue, stored once and reprinted byte for byte. Notes are never changed or deleted (triggers).
#pragma once

#include "store/repositories.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace hiprx::store {

class VisitNoteRepository {
public:
    explicit VisitNoteRepository(Database& db) : m_db(db) {}

    /// Files `pdf` as the visit note of issued program `programId`. Throws InputError when the
    /// program does not exist or the PDF is empty, StorageError when a note is already filed for it.
    void file(std::int64_t programId, const std::vector<std::uint8_t>& pdf, const Actor& actor);
    /// The note filed with program `programId`; nothing when none was (programs issued before notes
    /// were filed, or a note that could not be written after the issue).
    std::optional<std::vector<std::uint8_t>> find(std::int64_t programId);

private:
    Database& m_db;
};

} // namespace hiprx::store
