// SPDX-License-Identifier: GPL-3.0-or-later
//
// One visit, start to finish: the assessment form, the live reasoning beside it, the program
// builder, and the preview of the PDF with Save and Issue. Thin: each action gathers input, calls
// one function of core/store/render and shows the result.
#pragma once

#include "core/analysis.h"
#include "core/branding.h"
#include "core/exercise.h"
#include "core/program.h"
#include "core/progression.h"
#include "render/figure_drawer.h"
#include "render/page_template.h"
#include "store/database.h"
#include "store/repositories.h"
#include "workflow/clinic.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <optional>

class wxCheckBox;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class AssessmentForm;
class PdfPreview;
class ProgramBuilder;
class ReasoningPanel;

/// How the app asks and tells; the defaults are message boxes, GUI tests answer without dialogs.
struct Prompts {
    std::function<bool(const wxString&)> confirm; ///< a yes/no question; true = yes
    std::function<void(const wxString&)> error;   ///< what failed and what to do
    std::function<void(const wxString&)> status;  ///< one line for the status bar
    /// A line of text (question, suggested answer); empty when cancelled.
    std::function<wxString(const wxString&, const wxString&)> ask;
    /// A password (question); empty when cancelled. Never echoed or stored by the prompt.
    std::function<wxString(const wxString&)> askSecret;
};

/// Everything a visit needs besides the database.
struct VisitContext {
    core::NormSet norms = core::kDefaultNormSet;
    core::DateFormat dateFormat = core::kDefaultDateFormat; ///< how documents write dates (the clinic's)
    render::PageSize pageSize = render::PageSize::A4;
    core::Branding branding;
    std::string clinician;
    /// What draws each exercise's picture in the builder and on the PDF (the figures, with the
    /// clinic exercises' own photos in front: workflow::Materials::drawer()); must outlive the page.
    /// Null = no figures.
    const render::FigureDrawer* figures = nullptr;
};

class VisitPage : public wxPanel {
public:
    /// `visitId` 0 = a new visit. Reads the stored visit (and its latest issued program) otherwise.
    VisitPage(wxWindow* parent, store::Database& db, const core::ExerciseLibrary& library, core::Patient patient,
              std::int64_t visitId, VisitContext context, Prompts prompts);
    ~VisitPage() override;

    /// When an unfinished draft exists for this visit, asks whether to restore it (restores on yes,
    /// discards on no). A program saved with the visit but not issued comes back without asking.
    /// Returns true when a draft was restored.
    /// The name a document of this visit is saved under: "<patient> - <document> - <visit date>.pdf".
    std::string documentFileName(std::string_view document) const;
    bool offerDraft();
    /// The handout in large print (body 14 pt); ticked for patients aged 75 or more.
    bool largePrint() const;
    void setLargePrint(bool large);
    /// Writes the draft now (also done 500 ms after each change, and when the page closes): the
    /// form's unsaved typing and the builder's program while it is not issued.
    void flushDraft();

    /// Saves the findings as a visit when every field is valid; marks the fields otherwise. A program
    /// changed and not issued is kept as the visit's draft program and comes back when it reopens.
    bool saveVisit();
    /// Saves the visit, asks for confirmation (issuing is permanent), renders the PDF and stores it
    /// with the program as the next issued version. A handout identical to the latest version is
    /// not issued again (said so). Returns the issued record, or nothing (and says why).
    std::optional<store::IssuedProgram> issue();
    /// The PDF of the program as it stands (what Issue would store). Throws render errors.
    std::vector<std::uint8_t> renderPdf() const;
    /// Re-renders the preview; false (and says why) when rendering failed.
    bool refreshPreview();
    /// Asks for a file and writes the PDF there.
    void savePdfAs();

    /// Re-reads the form, re-analyses and refreshes reasoning and builder (done on every change).
    void refreshReasoning();
    /// Puts the next program suggested from the last one issued (History → Next program) in the
    /// builder as the therapist's starting point, each item saying what changed and why; "Reset to
    /// suggestion" then returns to it. Issued only when the therapist issues the visit.
    void startFromNextProgram(const core::NextProgram& next);

    /// Called after a program is issued, with the analysis it was issued under (the main window
    /// offers the referral letter for an urgent or emergency referral).
    void setOnIssued(std::function<void(const core::Analysis&)> onIssued) { m_onIssued = std::move(onIssued); }

    /// The clinic's settings changed (Settings…): branding, page size and the person working apply
    /// to this visit from now on (its reference set stays the one recorded with it).
    void setContext(VisitContext context);

    std::int64_t visitId() const { return m_visitId; }
    /// Clinic mode: the stored visit was saved elsewhere since this page read it (a save from here
    /// would be refused).
    bool changedElsewhere();
    /// The clinic's settings as this visit uses them (its reference set, the context's branding).
    workflow::Clinic clinic() const;
    const core::Patient& patient() const { return m_patient; }
    const core::Analysis& analysis() const { return m_analysis; }
    /// True when typed findings or program changes are not yet saved with the visit.
    bool hasUnsavedChanges() const { return m_dirty || m_programUnsaved; }
    /// True when the builder holds a program changed since the last issue (or suggestion).
    bool hasUnissuedProgram() const { return m_programUnissued; }

    AssessmentForm* form() const { return m_form; }
    ReasoningPanel* reasoning() const { return m_reasoning; }
    ProgramBuilder* builder() const { return m_builder; }
    PdfPreview* preview() const { return m_preview; }
    wxNotebook* notebook() const { return m_notebook; }
    /// The acknowledgement of an urgent referral typed on the preview tab.
    void setAcknowledgement(const wxString& text);

    enum Tab { kAssessmentTab = 0, kProgramTab = 1, kPreviewTab = 2 };

private:
    void onFormChanged();
    void onProgramChanged();
    /// Puts a drafted program back in the builder, saying where it came from.
    void restoreProgram(const core::Program& program, const std::string& origin, const std::string& when);
    void updateHeading();
    core::Program programForIssue() const;

    void updateIssueArea();
    void showIssueProblems(const std::vector<FieldProblem>& problems);

    store::Database& m_db;
    const core::ExerciseLibrary& m_library;
    core::Patient m_patient;
    std::int64_t m_visitId;
    std::int64_t m_rowVersion = 0; ///< the stored visit's version this page read or last saved
    VisitContext m_context;
    Prompts m_prompts;
    std::function<void(const core::Analysis&)> m_onIssued;
    core::Analysis m_analysis;
    /// The reference set this visit is read against: the one stored with it, or the clinic's for a
    /// new visit; saved with the visit so every desk and every later reading uses the same.
    core::NormSet m_normSet = core::kDefaultNormSet;
    core::Program m_suggested;
    std::optional<core::Program> m_fromLast; ///< the next program from the last one, when started so
    render::FigureLibrary m_noFigures{{}, {}};
    bool m_dirty = false;
    bool m_draftPending = false;
    bool m_programUnissued = false; ///< the builder's program is the therapist's and not issued
    bool m_programUnsaved = false;  ///< …and changed since the visit was last saved
    std::string m_origin;           ///< where the builder's program came from (Next program…)
    std::int64_t m_issuedId = 0;    ///< the program issued from this page, and the form as it was then
    std::string m_formAtIssue;

    wxTimer m_draftTimer;
    wxStaticText* m_heading = nullptr;
    wxNotebook* m_notebook = nullptr;
    AssessmentForm* m_form = nullptr;
    ReasoningPanel* m_reasoning = nullptr;
    ProgramBuilder* m_builder = nullptr;
    PdfPreview* m_preview = nullptr;
    wxTextCtrl* m_ack = nullptr;
    wxStaticText* m_ackLabel = nullptr;
    wxStaticText* m_issueInfo = nullptr;
    wxCheckBox* m_largePrint = nullptr;
};

} // namespace hiprx::app
