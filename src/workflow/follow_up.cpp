// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/follow_up.h"

#include "core/error.h"
#include "core/finding_changes.h"
#include "core/progress.h"
#include "store/app_paths.h"
#include "store/history_queries.h"
#include "store/repositories.h"
#include "workflow/documents.h"

#include <algorithm>

namespace hiprx::workflow {

core::NextProgram nextProgram(store::Database& db, const core::ExerciseLibrary& library, std::int64_t visitId,
                              core::NormSet norms, core::Date today)
{
    const auto visit = store::VisitRepository(db).find(visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));
    core::FollowUp followUp;
    followUp.visits = store::loadVisitHistory(db, visit->patientId);
    for (const store::IssuedProgram& p : store::loadIssuedPrograms(db, visit->patientId))
        followUp.issued.push_back({p.visitId, p.program});
    followUp.visitId = visitId;
    followUp.options = {norms, today};
    auto next = core::nextProgramAtVisit(followUp, library);
    if (!next)
        throw InputError("VISIT", "VISIT: no program was issued at or before visit " + std::to_string(visitId) +
                                      "; issue one first (hiprx-cli issue VISIT)");
    return std::move(*next);
}

render::ProgressReportInput progressReportInput(store::Database& db, const Clinic& clinic, std::int64_t visitId,
                                                core::NormSet norms, core::Date today)
{
    store::VisitRepository visits(db);
    const auto visit = visits.find(visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));

    // The report shows the history as it stood at this visit: later visits are left out.
    auto all = store::loadVisitHistory(db, visit->patientId);
    const core::History full = core::buildHistory(all, norms);
    std::vector<std::int64_t> upTo;
    for (const auto& v : full.visits) {
        upTo.push_back(v.visitId);
        if (v.visitId == visitId)
            break;
    }
    std::erase_if(all, [&](const core::DatedAssessment& d) {
        return std::find(upTo.begin(), upTo.end(), d.visitId) == upTo.end();
    });

    render::ProgressReportInput input;
    input.patient = visit->assessment.patient;
    input.date = documentDateText(visit->assessment, today, clinic.dateFormat);
    input.dateFormat = clinic.dateFormat;
    input.branding = documentBranding(clinic.branding, visit->assessment.visit.clinician);
    input.history = core::buildHistory(all, norms);
    // Strength, tests, endurance and balance then and now, over the same visits in history's order
    // (by date), as the app's History lists them.
    std::vector<core::Assessment> ordered;
    for (const core::VisitProgress& v : input.history.visits)
        for (const core::DatedAssessment& d : all)
            if (d.visitId == v.visitId)
                ordered.push_back(d.assessment);
    if (!ordered.empty())
        input.findings = core::findingRows(ordered, ordered.size() - 1);
    input.impression = visit->assessment.visit.impression;
    input.plan = visit->assessment.visit.plan;
    input.goals = visit->assessment.visit.goals;
    // The program in force: the latest issued at this visit or, failing that, at an earlier one.
    for (auto it = upTo.rbegin(); it != upTo.rend() && !input.program; ++it)
        if (auto p = visits.latestProgram(*it))
            input.program = p->program;
    return input;
}

std::vector<std::uint8_t> renderProgressReport(const render::ProgressReportInput& input, render::PageSize size)
{
    return render::renderProgressReport(input, size, render::defaultResources(store::AppPaths().templatesDir()));
}

} // namespace hiprx::workflow
