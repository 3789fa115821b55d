// SPDX-License-Identifier: GPL-3.0-or-later
//
// A person who works at the clinic: who records visits, issues programs and appears on documents.
#pragma once

#include "core/error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hiprx::core {

struct StaffMember {
    std::int64_t id = 0;      ///< 0 until stored
    std::string name;         ///< "Jane Park"
    std::string credentials;  ///< "PT, DPT"; may be empty
    bool active = true;       ///< false once retired; kept so old records still name them

    friend bool operator==(const StaffMember&, const StaffMember&) = default;
};

/// "Jane Park, PT, DPT" (or just the name): how a person is named on documents and in the audit log.
std::string staffLabel(const StaffMember& member);

/// Problems with a staff record, each naming its field (`staff.name: …`); empty when valid.
std::vector<FieldProblem> validateStaff(const StaffMember& member);

} // namespace hiprx::core
