// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/issue.h"
#include "workflow/visit_note.h"
#include "store/visit_note_repository.h"

#include "core/error.h"
#include "core/issue_rules.h"
#include "core/program.h"
#include "core/screen.h"
#include "workflow/documents.h"

namespace hiprx::workflow {

VisitReading readVisit(store::Database& db, std::int64_t visitId, core::NormSet clinicNorms, core::Date today)
{
    auto visit = store::VisitRepository(db).find(visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));
    core::Analysis analysis = core::analyze(visit->assessment, {clinicNorms, today});
    return {std::move(*visit), std::move(analysis)};
}

IssueResult issueProgram(store::Database& db, const Clinic& clinic, const core::ExerciseLibrary& library,
                         const render::FigureDrawer* figures, const IssueRequest& request)
{
    const VisitReading reading = readVisit(db, request.visitId, clinic.norms, request.today);
    const core::Analysis& analysis = reading.analysis;
    core::Program program = core::prepareForIssue(
        request.program ? *request.program : core::plan(analysis, library), analysis, library);

    std::vector<FieldProblem> problems;
    const core::ScreenResult screen = core::screenProgram(program, analysis, library);
    for (const core::ScreenFinding& f : core::unconfirmedForbidden(program, screen))
        problems.push_back({"program[" + std::to_string(f.index) + "]",
                            "program[" + std::to_string(f.index) + "]: " + f.text +
                                " (take it out, or confirm it as a clinical decision before issuing)"});
    for (FieldProblem& p : core::issueProblems(program, request.acknowledgement))
        problems.push_back(std::move(p));
    if (!problems.empty())
        throw InputError(std::move(problems));

    const auto input = handoutInput(reading.visit.assessment, analysis, program, clinic.branding, request.today,
                                    {clinic.dateFormat, request.largePrint});
    const auto pdf = renderHandout(input, clinic.pageSize, figures);
    auto issued = store::VisitRepository(db).issueProgram(request.visitId, program, request.actor,
                                                          request.acknowledgement, pdf);
    IssueResult result{std::move(issued), analysis, {}};
    // The visit note as it stands now is filed with the program: the record of the visit, reprinted
    // byte for byte whatever changes later. A failure here must not undo the issue.
    try {
        const auto note = renderVisitNote(visitNoteInput(db, clinic, request.visitId, request.today), clinic.pageSize);
        store::VisitNoteRepository(db).file(result.issued.id, note, request.actor);
    } catch (const std::exception& e) {
        result.noteProblem = std::string("The visit note was not filed with the program: ") + e.what();
    }
    return result;
}

std::vector<std::uint8_t> reprintHandout(store::Database& db, const Clinic& clinic,
                                         const render::FigureDrawer* figures, std::int64_t visitId, int version,
                                         const HandoutOptions& options, core::Date today)
{
    const store::IssuedProgram issued = issuedProgram(db, visitId, version);
    const VisitReading reading = readVisit(db, visitId, clinic.norms, today);
    const auto input =
        handoutInput(reading.visit.assessment, reading.analysis, issued.program, clinic.branding, today, options);
    return renderHandout(input, clinic.pageSize, figures);
}

store::IssuedProgram issuedProgram(store::Database& db, std::int64_t visitId, int version)
{
    store::VisitRepository visits(db);
    if (!visits.header(visitId)) // not the findings: the front desk hands over issued programs too
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));
    auto programs = visits.programs(visitId);
    for (auto it = programs.rbegin(); it != programs.rend(); ++it)
        if (version == 0 || it->version == version)
            return std::move(*it);
    throw InputError("VISIT", "VISIT: visit " + std::to_string(visitId) + " has no issued program" +
                                  (version > 0 ? " version " + std::to_string(version) : std::string()) +
                                  ". Only an issued program is handed over, so the patient gets exactly what was "
                                  "issued. Issue the program first (hiprx-cli issue " + std::to_string(visitId) +
                                  ", or Preview and issue → Issue in the app).");
}

} // namespace hiprx::workflow
