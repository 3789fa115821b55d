// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/visit_page.h"
#include "app/assessment_form.h"
#include "app/assessment_words.h"
#include "app/pdf_preview.h"
#include "app/program_builder.h"
#include "app/reasoning_panel.h"
#include "app/local_time.h"
#include "app/today.h"
#include "app/visit_draft.h"
#include "app/visit_number.h"
#include "app/wx_text.h"

#include "core/file_name.h"
#include "core/issue_rules.h"
#include "render/home_program.h"
#include "store/app_paths.h"
#include "store/draft_repository.h"
#include "workflow/documents.h"
#include "workflow/issue.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filedlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <sstream>

namespace hiprx::app {

namespace {

std::vector<std::string> split(const std::string& path)
{
    std::vector<std::string> parts;
    std::stringstream in(path);
    std::string part;
    while (std::getline(in, part, '.'))
        parts.push_back(part);
    return parts;
}

/// The assessment with every value that has a problem left out, so the reasoning can run on the
/// rest while the therapist is still correcting a field.
core::Assessment withoutInvalid(core::Assessment a, const std::vector<FieldProblem>& problems)
{
    for (const auto& problem : problems) {
        const auto parts = split(problem.path);
        if (parts.empty())
            continue;
        core::Side side = core::Side::Left;
        const bool sided = parts.size() == 3 && (parts[1] == "left" || parts[1] == "right");
        if (sided && parts[1] == "right")
            side = core::Side::Right;
        if (parts[0] == "rom" && sided) {
            if (auto m = core::fromId<core::Movement>(parts[2]))
                a.rom[side].erase(*m);
        } else if (parts[0] == "tests" && sided) {
            if (auto t = core::fromId<core::SpecialTest>(parts[2]))
                a.tests[side].erase(*t);
        } else if (parts[0] == "strength" && sided) {
            if (auto m = core::fromId<core::StrengthMuscle>(parts[2]))
                a.strength[side].erase(*m);
        } else if (problem.path == "pain.nprs_now") {
            a.pain.nprsNow.reset();
        } else if (problem.path == "pain.nprs_best_24h") {
            a.pain.nprsBest24h.reset();
        } else if (problem.path == "pain.nprs_worst_24h") {
            a.pain.nprsWorst24h.reset();
        } else if (parts[0] == "endurance") {
            a.endurance = {};
        } else if (parts[0] == "balance") {
            a.balance = {};
        } else if (problem.path == "visit.date") {
            a.visit.date.reset();
        }
    }
    return a;
}

} // namespace

VisitPage::VisitPage(wxWindow* parent, store::Database& db, const core::ExerciseLibrary& library,
                     core::Patient patient, std::int64_t visitId, VisitContext context, Prompts prompts)
    : wxPanel(parent), m_db(db), m_library(library), m_patient(std::move(patient)), m_visitId(visitId),
      m_context(std::move(context)), m_prompts(std::move(prompts)), m_draftTimer(this)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_heading = new wxStaticText(this, wxID_ANY, "");
    m_heading->SetName("visit.heading");
    m_heading->SetFont(m_heading->GetFont().Scaled(1.3f).Bold());
    updateHeading();
    sizer->Add(m_heading, wxSizerFlags().Border(wxALL, FromDIP(8)));

    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    splitter->SetMinimumPaneSize(FromDIP(220));
    m_notebook = new wxNotebook(splitter, wxID_ANY);
    m_reasoning = new ReasoningPanel(splitter);

    m_form = new AssessmentForm(m_notebook, m_context.norms);
    m_notebook->AddPage(m_form, "1  Assessment");
    m_builder = new ProgramBuilder(m_notebook, m_library, m_context.figures ? *m_context.figures : static_cast<const render::FigureDrawer&>(m_noFigures), m_db);
    m_notebook->AddPage(m_builder, "2  Program");

    auto* previewPage = new wxPanel(m_notebook);
    auto* previewSizer = new wxBoxSizer(wxVERTICAL);
    auto* issueBar = new wxBoxSizer(wxHORIZONTAL);
    auto* savePdf = new wxButton(previewPage, wxID_ANY, toWx("Save &PDF…"));
    auto* issueButton = new wxButton(previewPage, wxID_ANY, "&Issue program");
    issueButton->SetName("issue");
    m_ackLabel = new wxStaticText(previewPage, wxID_ANY, "Acknowledgement of the urgent referral:");
    m_ack = new wxTextCtrl(previewPage, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(280), -1));
    m_ack->SetName("acknowledgement");
    m_ack->SetHint("e.g. Discussed with patient; GP letter given");
    // Large print for older eyes, ticked from the 75th birthday; the clinician decides per handout.
    m_largePrint = new wxCheckBox(previewPage, wxID_ANY, "&Large print (14 pt)");
    m_largePrint->SetName("handout.large_print");
    m_largePrint->SetToolTip("Bigger text and pictures for patients who read small print with difficulty; "
                             "ticked for patients aged 75 or more");
    m_largePrint->SetValue(workflow::suggestLargePrint(m_patient, todayLocal()));
    issueBar->Add(savePdf, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    issueBar->Add(issueButton, wxSizerFlags().Border(wxRIGHT, FromDIP(12)));
    issueBar->Add(m_largePrint, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
    previewSizer->Add(issueBar, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    auto* ackRow = new wxBoxSizer(wxHORIZONTAL);
    ackRow->Add(m_ackLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    ackRow->Add(m_ack, wxSizerFlags(1));
    previewSizer->Add(ackRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    m_issueInfo = new wxStaticText(previewPage, wxID_ANY, "");
    previewSizer->Add(m_issueInfo, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    m_preview = new PdfPreview(previewPage);
    previewSizer->Add(m_preview, wxSizerFlags(1).Expand());
    previewPage->SetSizer(previewSizer);
    m_notebook->AddPage(previewPage, "3  Preview and issue");

    splitter->SplitVertically(m_notebook, m_reasoning, -FromDIP(380));
    splitter->SetSashGravity(1.0);
    sizer->Add(splitter, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    // Fill the form: a stored visit, or a new one dated today.
    m_normSet = m_context.norms;
    if (m_visitId != 0) {
        if (const auto record = store::VisitRepository(m_db).find(m_visitId)) {
            m_rowVersion = record->rowVersion;
            m_normSet = record->assessment.visit.normSet.value_or(m_context.norms);
            m_form->load(record->assessment);
            if (const auto latest = store::VisitRepository(m_db).latestProgram(m_visitId))
                m_builder->setProgram(latest->program, true);
        }
    } else {
        core::Assessment fresh;
        fresh.visit.date = todayLocal();
        fresh.visit.clinician = m_context.clinician;
        // A follow-up: the patient rates again the PSFS activities named last time (the scale
        // compares the same activities), and each number box shows last time's value as a hint.
        std::optional<store::VisitRecord> previous;
        store::VisitRepository visits(m_db);
        if (const auto list = visits.listForPatient(m_patient.id); !list.empty())
            previous = visits.find(list.front().id);
        if (previous)
            for (const core::PsfsItem& item : previous->assessment.outcomes.psfs)
                fresh.outcomes.psfs.push_back({item.activity, std::nullopt});
        m_form->load(fresh);
        if (previous) {
            m_form->showPrevious(previous->assessment);
            // A follow-up starts from the last visit's precautions: forgetting a hip precaution is
            // the costly mistake, so each is ticked and unticking one asks why.
            m_form->carryForwardPrecautions(previous->assessment.precautions, previous->assessment.visit.date);
        }
    }
    m_form->setAsk(m_prompts.ask);

    m_form->setOnChange([this] { onFormChanged(); });
    m_builder->setOnChange([this] { onProgramChanged(); });
    m_builder->setOnReset([this] {
        if (m_fromLast) {
            // Back to the stepped-on last program, with what the current findings exclude.
            core::Program p = *m_fromLast;
            p.excluded = m_suggested.excluded;
            p.referralLevel = m_suggested.referralLevel;
            p.withheld = m_suggested.withheld;
            p.warnings = m_suggested.warnings;
            m_builder->setProgram(p, true);
        } else {
            m_builder->setProgram(m_suggested, false);
        }
        onProgramChanged();
        m_programUnissued = m_fromLast.has_value(); // the suggestion itself is no edit to keep
    });
    m_builder->setConfirm(m_prompts.confirm);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { flushDraft(); }, m_draftTimer.GetId());
    m_notebook->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        if (e.GetSelection() == kPreviewTab)
            refreshPreview();
        e.Skip();
    });
    savePdf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { savePdfAs(); });
    issueButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { issue(); });
    m_largePrint->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refreshPreview(); });

    refreshReasoning();
    m_dirty = false;
}

VisitPage::~VisitPage()
{
    // Closing the page never loses typing: whatever is pending goes to the draft.
    m_draftTimer.Stop();
    if (m_draftPending) {
        try {
            flushDraft();
        } catch (const std::exception&) {
            // Nothing can be shown from a destructor; the last saved draft remains.
        }
    }
}

bool VisitPage::offerDraft()
{
    const auto stored = store::DraftRepository(m_db).find(m_patient.id, m_visitId);
    if (!stored)
        return false;
    std::string problem;
    VisitDraft draft = decodeVisitDraft(stored->formText, &problem);
    const std::string when = localTimeText(stored->updatedAt);
    if (!problem.empty())
        m_prompts.error(toWx("The program changes kept for this visit could not be read back, so the builder "
                             "shows the program as it was.\n\n" + problem));
    const bool savedProgramOnly = !draft.formText && draft.program && draft.programSaved && m_visitId != 0;
    bool restore = savedProgramOnly;
    if (!savedProgramOnly && !draft.empty()) {
        const std::string what = draft.formText && draft.program ? "an unfinished assessment and program changes"
                                 : draft.formText                ? "an unfinished assessment"
                                                                 : "program changes not issued yet";
        restore = m_prompts.confirm(toWx("HipRx found " + what + " for this " +
                                         (m_visitId == 0 ? "patient" : "visit") + " (last changed " + when +
                                         ").\n\nRestore them?"));
    }
    if (!restore) {
        // A program saved with the visit stays; the unsaved rest is discarded.
        if (draft.program && draft.programSaved && m_visitId != 0) {
            draft.formText.reset();
            store::DraftRepository(m_db).save(m_patient.id, m_visitId, encodeVisitDraft(draft));
            restoreProgram(*draft.program, draft.origin, when);
            m_programUnissued = true;
            refreshReasoning();
            return true;
        }
        store::DraftRepository(m_db).discard(m_patient.id, m_visitId);
        return false;
    }
    if (draft.formText) {
        m_form->setFormText(*draft.formText);
        m_dirty = true;
    }
    if (draft.program) {
        restoreProgram(*draft.program, draft.origin, when);
        m_programUnissued = true;
        m_programUnsaved = !draft.programSaved || m_visitId == 0;
    }
    refreshReasoning();
    return true;
}

void VisitPage::restoreProgram(const core::Program& program, const std::string& origin, const std::string& when)
{
    m_origin = origin;
    m_builder->setProgram(program, true);
    m_builder->setOrigin(toWx("Not issued yet: the program as changed on " + when + " is back." +
                              (origin.empty() ? std::string() : "\n" + origin)));
    if (m_prompts.status)
        m_prompts.status(toWx("The program changes of " + when + " are back in the builder (not issued yet)."));
}

void VisitPage::flushDraft()
{
    m_draftTimer.Stop();
    if (!m_draftPending)
        return;
    VisitDraft draft;
    if (m_dirty)
        draft.formText = m_form->formText();
    if (m_programUnissued) {
        draft.program = m_builder->program();
        draft.programSaved = !m_programUnsaved && m_visitId != 0;
        draft.origin = m_origin;
    }
    if (draft.empty())
        store::DraftRepository(m_db).discard(m_patient.id, m_visitId);
    else
        store::DraftRepository(m_db).save(m_patient.id, m_visitId, encodeVisitDraft(draft));
    m_draftPending = false;
}

void VisitPage::onFormChanged()
{
    m_dirty = true;
    m_draftPending = true;
    m_draftTimer.StartOnce(500); // debounced: one write per pause in typing
    refreshReasoning();
}

void VisitPage::onProgramChanged()
{
    m_programUnissued = true;
    m_programUnsaved = true;
    m_draftPending = true;
    m_draftTimer.StartOnce(500);
    updateIssueArea();
}

void VisitPage::refreshReasoning()
{
    const FormReading reading = m_form->read(m_patient, todayLocal());
    m_form->showProblems(reading.problems);
    core::AnalyzeOptions options;
    options.norms = m_normSet;
    options.today = todayLocal();
    m_analysis = core::analyze(withoutInvalid(reading.assessment, reading.problems), options);
    m_suggested = core::plan(m_analysis, m_library);
    m_builder->setAnalysis(m_analysis);
    m_builder->setAffectedSide(reading.assessment.visit.affectedSide);
    if (!m_builder->edited()) {
        m_builder->setProgram(m_suggested, false);
    } else {
        // The therapist's items stay; what depends on the findings follows them.
        core::Program kept = m_builder->program();
        kept.excluded = m_suggested.excluded;
        kept.referralLevel = m_suggested.referralLevel;
        kept.withheld = m_suggested.withheld;
        kept.warnings = m_suggested.warnings;
        m_builder->setProgram(kept, true);
    }
    m_reasoning->show(m_analysis, m_suggested, reading.problems.size());
    updateIssueArea();
}

void VisitPage::startFromNextProgram(const core::NextProgram& next)
{
    m_fromLast = next.programWithBasis();
    // Marked as the therapist's own, so typing findings does not swap it for the planner's choice;
    // it is screened against this visit's findings like any program in the builder.
    m_builder->setProgram(*m_fromLast, true);
    refreshReasoning();
    std::string why;
    for (const std::string& r : next.reasons)
        why += (why.empty() ? "" : "; ") + r;
    std::string leftOut;
    for (const core::LeftOut& l : next.excluded())
        leftOut += "\n  • " + l.reason;
    std::string warnings;
    for (const std::string& w : next.warnings)
        warnings += "\n  • " + w;
    m_origin = "Started from the last program issued, step: " + progressionStepText(next.step) +
               (why.empty() ? std::string() : ". Why: " + why) +
               ". Select an exercise to see what changed; change anything before issuing." +
               (leftOut.empty() ? std::string() : "\nLeft out by the safety screen:" + leftOut) +
               (warnings.empty() ? std::string() : "\nWarnings:" + warnings);
    m_origin = idsInWords(m_origin, m_library);
    m_builder->setOrigin(toWx(m_origin));
    onProgramChanged(); // a program to keep: drafted, saved with the visit, asked about on leaving
    m_notebook->SetSelection(kProgramTab);
}

void VisitPage::updateIssueArea()
{
    const bool urgent = m_analysis.referral.level == core::Urgency::Urgent;
    m_ackLabel->Show(urgent);
    m_ack->Show(urgent);
    m_ack->GetParent()->Layout();
    Layout();
}

void VisitPage::setContext(VisitContext context)
{
    m_context = std::move(context);
    if (m_context.figures)
        m_builder->setFigures(*m_context.figures); // the clinic's exercises or colour may have changed
    if (m_visitId == 0 && m_normSet != m_context.norms) {
        m_normSet = m_context.norms; // nothing recorded yet: the clinic's new set applies
        refreshReasoning();
    }
    if (m_notebook->GetSelection() == kPreviewTab)
        refreshPreview();
}

void VisitPage::updateHeading()
{
    std::string title = m_patient.name;
    if (m_patient.birthDate)
        title += "   born " + dateText(m_patient.birthDate->iso());
    if (m_visitId == 0) {
        title += "   new visit (not saved yet)";
    } else {
        const auto visits = store::VisitRepository(m_db).listForPatient(m_patient.id);
        const int number = visitNumber(visits, m_visitId);
        title += "   visit " + std::to_string(number);
        for (const auto& v : visits)
            if (v.id == m_visitId && !v.date.empty())
                title += " of " + dateText(v.date);
    }
    m_heading->SetLabel(toWx(title));
}

void VisitPage::setAcknowledgement(const wxString& text) { m_ack->SetValue(text); }

bool VisitPage::saveVisit()
{
    flushDraft();
    FormReading reading = m_form->read(m_patient, todayLocal());
    reading.assessment.visit.normSet = m_normSet; // not a form field: kept with the visit
    m_form->showProblems(reading.problems);
    if (!reading.problems.empty()) {
        m_notebook->SetSelection(kAssessmentTab);
        if (auto* w = m_form->field(reading.problems.front().path))
            w->SetFocus();
        m_prompts.error(toWx("The visit was not saved: " + std::to_string(reading.problems.size()) +
                             " field(s) need correcting (marked in red):\n\n" + formatProblems(reading.problems)));
        return false;
    }
    try {
        store::VisitRepository visits(m_db);
        const store::Actor actor{m_context.clinician};
        store::DraftRepository drafts(m_db);
        if (m_visitId == 0) {
            m_visitId = visits.create(m_patient.id, reading.assessment, actor);
            m_rowVersion = visits.rowVersion(m_visitId);
            drafts.discard(m_patient.id, 0);
        } else {
            // Refused (ConflictError) when another desk saved this visit after it was opened here.
            m_rowVersion = visits.update(m_visitId, reading.assessment, actor, m_rowVersion);
        }
        m_dirty = false;
        m_programUnsaved = false;
        // A program changed and not issued is saved with the visit as its draft program: reopening
        // the visit puts it back in the builder.
        m_draftPending = true;
        flushDraft();
        updateHeading();
        if (m_prompts.status)
            m_prompts.status("Visit saved.");
        return true;
    } catch (const InputError& e) {
        m_form->showProblems(e.problems());
        m_prompts.error(toWx("The visit was not saved:\n\n" + formatProblems(e.problems())));
    } catch (const store::ConflictError& e) {
        m_prompts.error(toWx(std::string("The visit was not saved.\n\n") + e.what() +
                             "\n\nYour typing is kept as this visit's draft: it is offered back when you open "
                             "the visit again."));
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The visit could not be saved.\n\n") + e.what() +
                             "\n\nYour typing is kept as a draft. Check the database location in Settings "
                             "and try again."));
    }
    return false;
}

bool VisitPage::changedElsewhere()
{
    if (m_visitId == 0)
        return false;
    try {
        return store::VisitRepository(m_db).rowVersion(m_visitId) != m_rowVersion;
    } catch (const std::exception&) {
        return false;
    }
}

core::Program VisitPage::programForIssue() const
{
    return core::prepareForIssue(m_builder->program(), m_analysis, m_library);
}

bool VisitPage::largePrint() const { return m_largePrint->GetValue(); }

void VisitPage::setLargePrint(bool large)
{
    m_largePrint->SetValue(large);
    refreshPreview();
}

workflow::Clinic VisitPage::clinic() const
{
    workflow::Clinic clinic;
    clinic.branding = m_context.branding;
    clinic.norms = m_normSet;
    clinic.pageSize = m_context.pageSize;
    clinic.dateFormat = m_context.dateFormat;
    return clinic;
}

std::vector<std::uint8_t> VisitPage::renderPdf() const
{
    // The handout as the findings and program stand now, built as Issue builds it.
    const FormReading reading = m_form->read(m_patient, todayLocal());
    const auto input = workflow::handoutInput(withoutInvalid(reading.assessment, reading.problems), m_analysis,
                                              programForIssue(), m_context.branding, todayLocal(),
                                              workflow::HandoutOptions{m_context.dateFormat, largePrint()});
    return workflow::renderHandout(input, m_context.pageSize, m_context.figures);
}

bool VisitPage::refreshPreview()
{
    try {
        return m_preview->setPdf(renderPdf());
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The preview could not be made.\n\n") + e.what() +
                             "\n\nCheck the logo and the templates folder in Settings."));
        return false;
    }
}

std::string VisitPage::documentFileName(std::string_view document) const
{
    const FormReading reading = m_form->read(m_patient, todayLocal());
    return core::documentFileName(m_patient.name, document, reading.assessment.visit.date.value_or(todayLocal()));
}

void VisitPage::savePdfAs()
{
    wxFileDialog ask(this, "Save the home program as PDF", "", toWx(documentFileName("home program")),
                     "PDF files (*.pdf)|*.pdf", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK)
        return;
    try {
        render::writeFile(renderPdf(), fromWx(ask.GetPath()).c_str());
        if (m_prompts.status)
            m_prompts.status("PDF saved.");
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The PDF was not saved.\n\n") + e.what() +
                             "\n\nChoose another folder, or check there is space on the disk."));
    }
}

std::optional<store::IssuedProgram> VisitPage::issue()
{
    if (!saveVisit())
        return std::nullopt;
    // Issuing screens the program once more against the saved findings: a forbidden item goes out
    // only when the therapist confirms it, as when adding it by hand.
    const std::size_t before = m_builder->program().items.size();
    if (!m_builder->confirmForbidden()) {
        m_notebook->SetSelection(kProgramTab);
        m_prompts.error(toWx("The program was not issued: " +
                             std::to_string(before - m_builder->program().items.size()) +
                             " forbidden exercise(s) were taken out (see the program). Check the program and "
                             "issue again."));
        return std::nullopt;
    }
    const std::string acknowledgement = fromWx(m_ack->GetValue().Strip(wxString::both));
    // What would stop it is said before the question, so the therapist is never asked in vain.
    if (const auto problems = core::issueProblems(programForIssue(), acknowledgement); !problems.empty()) {
        showIssueProblems(problems);
        return std::nullopt;
    }
    const auto latest = store::VisitRepository(m_db).latestProgram(m_visitId);
    try {
        // Issuing twice by accident (Enter on the Issue button again) must not make a second,
        // identical version: the same handout and acknowledgement are not issued again.
        const auto sameAsIssued = [&] {
            const core::Program now = programForIssue();
            const bool sameProgram = now.items == latest->program.items &&
                                     now.referralLevel == latest->program.referralLevel &&
                                     now.withheld == latest->program.withheld;
            // Issued from this page and nothing typed since, or the very same handout.
            return sameProgram && ((latest->id == m_issuedId && m_form->formText() == m_formAtIssue) ||
                                   (!latest->pdf.empty() && renderPdf() == latest->pdf));
        };
        if (latest && latest->acknowledgement == acknowledgement && sameAsIssued()) {
            m_programUnissued = false;
            m_prompts.error(toWx("Nothing changed since version " + std::to_string(latest->version) +
                                 " was issued (" + localTimeText(latest->issuedAt) +
                                 "), so it was not issued again. To give the patient another copy, use "
                                 "File → Print or File → Email."));
            return std::nullopt;
        }
    } catch (const std::exception&) {
        // The handout could not be made for comparison; issuing below says why.
    }
    const int version = latest ? latest->version + 1 : 1;
    if (!m_prompts.confirm(toWx("Issue this program as version " + std::to_string(version) +
                                "?\n\nThe program and its PDF are stored with the visit for good and cannot be "
                                "changed or deleted; a later change issues a new version.")))
        return std::nullopt;
    try {
        const auto result = workflow::issueProgram(
            m_db, clinic(), m_library, m_context.figures,
            {m_visitId, m_builder->program(), acknowledgement, {m_context.clinician}, todayLocal(), largePrint()});
        const store::IssuedProgram& issued = result.issued;
        if (!result.noteProblem.empty())
            m_prompts.error(toWx(result.noteProblem + "\n\nThe program is issued. File → Visit note… writes the note "
                                                      "from the findings."));
        m_preview->setPdf(issued.pdf);
        m_builder->setProgram(issued.program, true);
        m_issuedId = issued.id;
        m_formAtIssue = m_form->formText();
        m_programUnissued = false;
        m_programUnsaved = false;
        m_draftPending = true;
        flushDraft(); // the issued program needs no draft
        m_issueInfo->SetLabel(toWx("Issued as version " + std::to_string(issued.version) + " on " +
                                   localTimeText(issued.issuedAt) +
                                   ". A later change issues a new version; this one stays as given."));
        Layout();
        if (m_prompts.status)
            m_prompts.status(wxString::Format("Program issued (version %d).", issued.version));
        if (m_onIssued)
            m_onIssued(result.analysis);
        return issued;
    } catch (const InputError& e) {
        showIssueProblems(e.problems());
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The program was not issued.\n\n") + e.what() +
                             "\n\nNothing was stored; try again. If it keeps failing, check Settings."));
    }
    return std::nullopt;
}

void VisitPage::showIssueProblems(const std::vector<FieldProblem>& problems)
{
    // Show the place to put it right: the acknowledgement box, or the program.
    const bool ack = std::any_of(problems.begin(), problems.end(),
                                 [](const FieldProblem& p) { return p.path == "acknowledgement"; });
    if (ack && problems.size() == 1) {
        m_notebook->SetSelection(kPreviewTab);
        m_ack->SetFocus();
        m_prompts.error("This patient needs an urgent referral. Type how you have acted on it (for "
                        "example \"GP letter given, patient advised to book this week\") in the "
                        "acknowledgement box, then issue again.");
    } else {
        m_notebook->SetSelection(ack ? kPreviewTab : kProgramTab);
        m_prompts.error(toWx("The program was not issued:\n\n" + plainProblems(problems)));
    }
}

} // namespace hiprx::app
