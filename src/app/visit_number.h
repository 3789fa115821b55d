// SPDX-License-Identifier: GPL-3.0-or-later
//
// A visit as a person counts it: the patient's first, second, … visit, never the database's id.
#pragma once

#include "store/repositories.h"

#include <cstdint>
#include <vector>

namespace hiprx::app {

/// The visit's number among the patient's visits (1 = the first), given their list newest first
/// (store::VisitRepository::listForPatient); 0 when it is not in the list.
inline int visitNumber(const std::vector<store::VisitSummary>& newestFirst, std::int64_t visitId)
{
    for (std::size_t i = 0; i < newestFirst.size(); ++i)
        if (newestFirst[i].id == visitId)
            return static_cast<int>(newestFirst.size() - i);
    return 0;
}

} // namespace hiprx::app
