// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic protocols: programs saved under a name so a therapist can start from them.
#pragma once

#include "core/program.h"
#include "store/database.h"
#include "store/repositories.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::store {

/// A named program template.
struct Protocol {
    std::int64_t id = 0;
    std::string name;
    core::Program program;
    std::string updatedAt; ///< ISO 8601 UTC
};

class ProtocolRepository {
public:
    explicit ProtocolRepository(Database& db) : m_db(db) {}

    /// Saves `program` under `name`, replacing a protocol of the same name (case ignored); returns its
    /// id. Only the items are kept (exclusions and warnings belong to one patient). Throws InputError
    /// for an empty or over-long name or an invalid program (core::validateProgram).
    std::int64_t save(const std::string& name, const core::Program& program, const Actor& actor);
    /// Every protocol, by name.
    std::vector<Protocol> list();
    std::optional<Protocol> find(std::int64_t id);
    /// Deletes a protocol; throws StorageError when there is none with this id.
    void remove(std::int64_t id, const Actor& actor);

private:
    Database& m_db;
};

} // namespace hiprx::store
