// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history_queries.h"

namespace hiprx::store {

std::vector<core::DatedAssessment> loadVisitHistory(Database& db, std::int64_t patientId)
{
    VisitRepository visits(db);
    std::vector<core::DatedAssessment> out;
    // One read transaction: a consistent picture even if another window saves meanwhile, and
    // SQLite takes its read lock once instead of once per visit.
    db.transaction([&] {
        for (const VisitSummary& summary : visits.listForPatient(patientId))
            if (auto record = visits.find(summary.id))
                out.push_back({record->id, std::move(record->assessment)});
    });
    return out;
}

std::vector<IssuedProgram> loadIssuedPrograms(Database& db, std::int64_t patientId)
{
    VisitRepository visits(db);
    std::vector<IssuedProgram> out;
    db.transaction([&] {
        auto list = visits.listForPatient(patientId);
        for (auto it = list.rbegin(); it != list.rend(); ++it) {
            if (it->issuedPrograms == 0)
                continue;
            for (auto& p : visits.programs(it->id))
                out.push_back(std::move(p));
        }
    });
    return out;
}

} // namespace hiprx::store
