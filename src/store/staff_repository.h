// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinic's staff list. People are added and retired, never deleted.
#pragma once

#include "core/staff.h"
#include "store/repositories.h"

#include <optional>
#include <vector>

namespace hiprx::store {

class StaffRepository {
public:
    explicit StaffRepository(Database& db) : m_db(db) {}

    /// Validates and adds a person; returns the new id. Throws InputError naming the field (also
    /// when the same name and credentials are already on the list).
    std::int64_t add(const core::StaffMember& member, const Actor& actor);
    /// Changes name and credentials of `member.id`. Throws InputError or StorageError when missing.
    void update(const core::StaffMember& member, const Actor& actor);
    /// Retires (false) or brings back (true) a person.
    void setActive(std::int64_t id, bool active, const Actor& actor);
    std::optional<core::StaffMember> find(std::int64_t id);
    /// By name order; retired people only when asked.
    std::vector<core::StaffMember> list(bool includeRetired = false);

private:
    Database& m_db;
};

} // namespace hiprx::store
