// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/program_builder.h"
#include "app/assessment_words.h"
#include "app/figure_view.h"
#include "app/library_browser.h"
#include "app/wheel_guard.h"
#include "app/wx_text.h"

#include "core/dose_text.h"
#include "store/protocol_repository.h"

#include <algorithm>
#include <set>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/wrapsizer.h>

namespace hiprx::app {

namespace {

/// What the arrows of the hold and rest fields step by.
constexpr int kSecondsStep = 5;

std::string sideLabel(core::ExerciseSide side)
{
    return side == core::ExerciseSide::None ? std::string() : std::string(core::label(side));
}

/// The one question for a forbidden exercise, whether it is being added or is already in the
/// program (from a protocol, the last program, or findings that changed).
wxString forbiddenQuestion(const std::string& name, const std::vector<core::Exclusion>& exclusions, bool adding)
{
    return toWx(name + " is excluded for this patient: " + idsInWords(core::exclusionText(exclusions)) + ".\n\n" +
                (adding ? "Add it anyway?" : "Keep it in the program anyway?") +
                " Only do so if you have checked it is safe; the program will show a warning.");
}

} // namespace

ProgramBuilder::ProgramBuilder(wxWindow* parent, const core::ExerciseLibrary& library,
                               const render::FigureDrawer& figures, store::Database& db)
    : wxPanel(parent), m_library(library), m_db(db)
{
    const int gap = FromDIP(6);
    auto* outer = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);

    m_lock = new wxStaticText(this, wxID_ANY, "");
    m_lock->SetForegroundColour(wxColour(183, 28, 28));
    m_lock->SetFont(m_lock->GetFont().Bold());
    left->Add(m_lock, wxSizerFlags().Expand().Border(wxALL, gap));
    // Where the program came from can run to many lines (Next program… explains every step): it
    // scrolls within four lines, so the program list keeps its rows.
    m_origin = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, FromDIP(52)),
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP | wxBORDER_NONE);
    m_origin->SetName("program.origin");
    m_origin->SetForegroundColour(wxColour(21, 101, 192));
    m_origin->SetBackgroundColour(GetBackgroundColour());
    m_origin->SetMaxSize(wxSize(-1, FromDIP(52)));
    m_origin->Hide();
    left->Add(m_origin, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));

    m_items = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(200)),
                             wxLC_REPORT | wxLC_SINGLE_SEL);
    m_items->SetName("program.items");
    m_items->SetMinSize(wxSize(-1, FromDIP(200))); // six rows and the header, whatever else is shown
    m_items->AppendColumn("#", wxLIST_FORMAT_RIGHT, FromDIP(30));
    m_items->AppendColumn("Exercise", wxLIST_FORMAT_LEFT, FromDIP(210));
    m_items->AppendColumn("Side", wxLIST_FORMAT_LEFT, FromDIP(80));
    m_items->AppendColumn("Dose", wxLIST_FORMAT_LEFT, FromDIP(250));
    m_items->AppendColumn("Safety screen", wxLIST_FORMAT_LEFT, FromDIP(150));
    left->Add(m_items, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    // One row of compact buttons (the full words in their tooltips), so the list keeps its rows.
    auto* up = new wxButton(this, wxID_UP, "&Up", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    up->SetToolTip("Move the selected exercise up");
    auto* down = new wxButton(this, wxID_DOWN, "D&own", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    down->SetToolTip("Move the selected exercise down");
    auto* remove = new wxButton(this, wxID_REMOVE, "&Remove", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* reset = new wxButton(this, wxID_ANY, "Reset to &suggestion", wxDefaultPosition, wxDefaultSize,
                               wxBU_EXACTFIT);
    auto* saveProtocol =
        new wxButton(this, wxID_ANY, toWx("Save protocol…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    saveProtocol->SetToolTip("Save this program as a clinic protocol");
    auto* loadProtocol =
        new wxButton(this, wxID_ANY, toWx("From protocol…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    loadProtocol->SetToolTip("Start from a clinic protocol (replaces the exercises listed now)");
    for (auto* b : {up, down, remove, reset, saveProtocol, loadProtocol}) {
        buttons->Add(b, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(4)));
        m_editControls.push_back(b);
    }
    left->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));

    // The editor of the selected item: every dose field, side and the therapist's note.
    auto* editor = new wxFlexGridSizer(4, FromDIP(4), FromDIP(10));
    auto label = [&](const wxString& text) {
        editor->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    // The ranges are core's dose limits (core::DoseLimits, what validateProgram accepts), so the
    // arrows and typing never reach a dose that Issue would refuse.
    auto spin = [&](const wxString& text, const char* name, int min, int max) {
        label(text);
        auto* s = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(130), -1),
                                 wxSP_ARROW_KEYS, min, max, min);
        s->SetName(name);
        editor->Add(s);
        m_editControls.push_back(s);
        s->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { editorChanged(); });
        s->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { editorChanged(); });
        return s;
    };
    label("Side");
    m_side = new wxChoice(this, wxID_ANY);
    m_side->SetName("item.side");
    for (const auto& e : core::vocabulary<core::ExerciseSide>())
        m_side->Append(toWx(std::string(e.label)));
    editor->Add(m_side);
    m_editControls.push_back(m_side);
    m_side->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { editorChanged(); });
    m_sets = spin("Sets", "dose.sets", 1, core::DoseLimits::kMaxSets);
    m_reps = spin("Reps", "dose.reps", 1, core::DoseLimits::kMaxReps);
    m_hold = spin("Hold (s)", "dose.hold_s", 0, core::DoseLimits::kMaxHoldS);
    m_rest = spin("Rest (s)", "dose.rest_s", 0, core::DoseLimits::kMaxRestS);
    // Holds and rests are given in steps of 5 s (20 s, 30 s, 45 s); typing still takes any value.
    m_hold->SetIncrement(kSecondsStep);
    m_rest->SetIncrement(kSecondsStep);
    m_perDay = spin("Times a day", "dose.per_day", 1, core::DoseLimits::kMaxPerDay);
    m_days = spin("Days a week", "dose.days_per_week", 1, 7);
    label("Load");
    m_load = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(130), -1));
    m_load->SetName("dose.load");
    editor->Add(m_load, wxSizerFlags().Expand());
    m_editControls.push_back(m_load);
    left->Add(editor, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));

    auto* notesRow = new wxFlexGridSizer(2, FromDIP(4), FromDIP(8));
    notesRow->AddGrowableCol(1, 1);
    notesRow->Add(new wxStaticText(this, wxID_ANY, "Dose note for the patient"), wxSizerFlags().CenterVertical());
    m_doseNotes = new wxTextCtrl(this, wxID_ANY);
    m_doseNotes->SetName("dose.notes");
    notesRow->Add(m_doseNotes, wxSizerFlags().Expand());
    notesRow->Add(new wxStaticText(this, wxID_ANY, "Therapist's note"), wxSizerFlags().CenterVertical());
    m_notes = new wxTextCtrl(this, wxID_ANY);
    m_notes->SetName("item.notes");
    notesRow->Add(m_notes, wxSizerFlags().Expand());
    left->Add(notesRow, wxSizerFlags().Expand().Border(wxALL, gap));
    for (auto* t : {m_load, m_doseNotes, m_notes}) {
        m_editControls.push_back(t);
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { editorChanged(); });
    }

    // The selected item's figure (as printed) beside why it is in the program.
    auto* itemInfo = new wxBoxSizer(wxHORIZONTAL);
    // The figure and the "why" are one low row (the why scrolls), so the program list keeps six
    // rows at 1280×800 however long the reason; the library beside shows figures larger.
    m_figure = new FigurePanel(this, figures, wxID_ANY, FromDIP(wxSize(140, 64)));
    m_figure->SetMinSize(FromDIP(wxSize(140, 64)));
    itemInfo->Add(m_figure, wxSizerFlags().Border(wxRIGHT, gap));
    m_basis = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, FromDIP(64)),
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP | wxBORDER_NONE);
    m_basis->SetName("program.basis");
    m_basis->SetBackgroundColour(GetBackgroundColour());
    m_basis->SetMaxSize(wxSize(-1, FromDIP(64)));
    itemInfo->Add(m_basis, wxSizerFlags(1).Expand());
    left->Add(itemInfo, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    m_status = new wxStaticText(this, wxID_ANY, "");
    m_status->SetForegroundColour(wxColour(183, 28, 28));
    left->Add(m_status, wxSizerFlags().Expand().Border(wxALL, gap));

    outer->Add(left, wxSizerFlags(1).Expand());
    m_browser = new LibraryBrowser(this, library, figures);
    m_editControls.push_back(m_browser);
    m_browser->SetMinSize(FromDIP(wxSize(290, -1)));
    outer->Add(m_browser, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizer(outer);

    m_items->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        m_selected = static_cast<int>(e.GetIndex());
        refreshEditor();
    });
    up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveItem(m_selected, m_selected - 1); });
    down->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveItem(m_selected, m_selected + 1); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeItem(m_selected); });
    reset->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onReset)
            m_onReset();
    });
    saveProtocol->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSaveProtocol(); });
    loadProtocol->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onLoadProtocol(); });
    m_browser->setOnAdd([this](const std::string& id) { addExercise(id); });

    m_confirm = [this](const wxString& question) {
        return wxMessageBox(question, "HipRx", wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) == wxYES;
    };
    refreshList();
    guardMouseWheel(this); // the wheel never steps an unfocused side or dose field
}

core::ExerciseSide defaultSide(const core::Exercise& exercise, std::optional<core::AffectedSide> affected,
                               const core::Analysis& analysis)
{
    if (!exercise.sided)
        return core::ExerciseSide::None;
    if (affected) {
        switch (*affected) {
        case core::AffectedSide::Left: return core::ExerciseSide::Left;
        case core::AffectedSide::Right: return core::ExerciseSide::Right;
        case core::AffectedSide::Both: return core::ExerciseSide::Both;
        }
    }
    // No affected side recorded: the side of the findings this exercise addresses, when they are
    // all on one side.
    std::set<core::Side> sides;
    for (const core::Impairment& impairment : analysis.impairments)
        if (impairment.side && std::find(exercise.targets.begin(), exercise.targets.end(), impairment.muscle) !=
                                   exercise.targets.end())
            sides.insert(*impairment.side);
    if (sides.size() == 1)
        return *sides.begin() == core::Side::Left ? core::ExerciseSide::Left : core::ExerciseSide::Right;
    return core::ExerciseSide::Both;
}

void ProgramBuilder::setAffectedSide(std::optional<core::AffectedSide> side) { m_affectedSide = side; }

bool ProgramBuilder::locked() const { return m_analysis.referral.level == core::Urgency::Emergency; }

void ProgramBuilder::setAnalysis(const core::Analysis& analysis)
{
    if (m_analysisSet && analysis == m_analysis)
        return;
    m_analysisSet = true;
    m_analysis = analysis;
    const bool lock = locked();
    for (auto* w : m_editControls)
        w->Enable(!lock);
    m_items->Enable(!lock);
    m_lock->SetLabel(lock ? toWx("Emergency referral: the program is withheld and cannot be edited. "
                                 "Send the patient for emergency assessment today; the printout gives "
                                 "them the referral advice instead of exercises.")
                          : wxString());
    m_lock->Wrap(FromDIP(600));
    rescreen();
    refreshList();
    Layout();
}

void ProgramBuilder::setProgram(const core::Program& program, bool edited)
{
    if (program == m_program && edited == m_edited && m_items->GetItemCount() == static_cast<int>(program.items.size()))
        return; // nothing to redraw (the usual case while findings are typed)
    if (program.items != m_program.items)
        m_notices.clear();
    m_program = program;
    m_edited = edited;
    if (m_selected >= static_cast<int>(m_program.items.size()))
        m_selected = static_cast<int>(m_program.items.size()) - 1;
    refreshList();
}

bool ProgramBuilder::addExercise(const std::string& exerciseId)
{
    if (locked())
        return false;
    const auto* exercise = m_library.find(exerciseId);
    if (!exercise)
        return false;
    const auto exclusions = core::screenExercise(*exercise, m_analysis);
    if (!exclusions.empty() && !m_confirm(forbiddenQuestion(exercise->name, exclusions, true)))
        return false;
    auto item = core::makeItem(*exercise, defaultSide(*exercise, m_affectedSide, m_analysis), m_analysis);
    if (!exclusions.empty())
        item.basis.push_back(core::overrideBasis(true, exclusions));
    m_program.items.push_back(std::move(item));
    m_selected = static_cast<int>(m_program.items.size()) - 1;
    changed();
    return true;
}

void ProgramBuilder::removeItem(int index)
{
    if (locked() || index < 0 || index >= static_cast<int>(m_program.items.size()))
        return;
    m_program.items.erase(m_program.items.begin() + index);
    m_selected = std::min(index, static_cast<int>(m_program.items.size()) - 1);
    changed();
}

void ProgramBuilder::moveItem(int from, int to)
{
    const int n = static_cast<int>(m_program.items.size());
    if (locked() || from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    std::swap(m_program.items[static_cast<std::size_t>(from)], m_program.items[static_cast<std::size_t>(to)]);
    m_selected = to;
    changed();
}

void ProgramBuilder::selectItem(int index)
{
    if (index < 0 || index >= static_cast<int>(m_program.items.size()))
        return;
    m_selected = index;
    m_items->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    refreshEditor();
}

void ProgramBuilder::setSelectedSide(core::ExerciseSide side)
{
    int i = 0;
    for (const auto& e : core::vocabulary<core::ExerciseSide>()) {
        if (e.value == side)
            m_side->SetSelection(i);
        ++i;
    }
    editorChanged();
}

void ProgramBuilder::setSelectedDose(const core::Dose& dose)
{
    m_updating = true;
    m_sets->SetValue(dose.sets);
    m_reps->SetValue(dose.reps);
    m_hold->SetValue(dose.holdS);
    m_rest->SetValue(dose.restS);
    m_perDay->SetValue(dose.perDay);
    m_days->SetValue(dose.daysPerWeek);
    m_load->ChangeValue(toWx(dose.load));
    m_doseNotes->ChangeValue(toWx(dose.notes));
    m_updating = false;
    editorChanged();
}

void ProgramBuilder::setSelectedNotes(const std::string& notes)
{
    m_notes->ChangeValue(toWx(notes));
    editorChanged();
}

void ProgramBuilder::editorChanged()
{
    if (m_updating || m_selected < 0 || m_selected >= static_cast<int>(m_program.items.size()))
        return;
    auto& item = m_program.items[static_cast<std::size_t>(m_selected)];
    const int sideSel = m_side->GetSelection();
    if (sideSel >= 0)
        item.side = core::vocabulary<core::ExerciseSide>()[static_cast<std::size_t>(sideSel)].value;
    item.dose.sets = m_sets->GetValue();
    item.dose.reps = m_reps->GetValue();
    item.dose.holdS = m_hold->GetValue();
    item.dose.restS = m_rest->GetValue();
    item.dose.perDay = m_perDay->GetValue();
    item.dose.daysPerWeek = m_days->GetValue();
    item.dose.load = fromWx(m_load->GetValue());
    item.dose.notes = fromWx(m_doseNotes->GetValue());
    item.notes = fromWx(m_notes->GetValue());
    m_edited = true;
    // Only the row changes: rebuilding the list would steal focus from the field being typed in.
    m_items->SetItem(m_selected, 2, toWx(sideLabel(item.side)));
    m_items->SetItem(m_selected, 3, toWx(core::describeDose(item.dose)));
    // The picture follows the side, as on the printed card (left = mirror image).
    m_figure->setFigure(item.figureId.empty() ? item.exerciseId : item.figureId, item.side);
    refreshStatus();
    if (m_onChange)
        m_onChange();
}

void ProgramBuilder::changed()
{
    m_edited = true;
    refreshList();
    if (m_onChange)
        m_onChange();
}

void ProgramBuilder::rescreen()
{
    m_screen = core::screenProgram(m_program, m_analysis, m_library);
}

bool ProgramBuilder::confirmed(const core::ScreenFinding& finding) const
{
    return core::overridden(m_program, finding);
}

std::vector<std::size_t> ProgramBuilder::unconfirmedForbidden() const
{
    std::vector<std::size_t> indexes;
    for (const auto& finding : m_screen.forbidden)
        if (!confirmed(finding))
            indexes.push_back(finding.index);
    return indexes;
}

bool ProgramBuilder::confirmForbidden()
{
    rescreen();
    if (locked())
        return true;
    bool keptAll = true;
    std::vector<std::size_t> takeOut;
    for (const auto& finding : m_screen.forbidden) {
        if (confirmed(finding))
            continue;
        if (m_confirm(forbiddenQuestion(finding.name, finding.exclusions, false))) {
            m_program.items[finding.index].basis.push_back(core::overrideBasis(false, finding.exclusions));
        } else {
            takeOut.push_back(finding.index);
            m_notices.push_back(finding.name + " was taken out: " + idsInWords(core::exclusionText(finding.exclusions)) +
                                ".");
            keptAll = false;
        }
    }
    if (m_screen.forbidden.empty())
        return true;
    for (auto it = takeOut.rbegin(); it != takeOut.rend(); ++it)
        m_program.items.erase(m_program.items.begin() + static_cast<std::ptrdiff_t>(*it));
    if (m_selected >= static_cast<int>(m_program.items.size()))
        m_selected = static_cast<int>(m_program.items.size()) - 1;
    m_edited = true;
    refreshList();
    if (m_onChange)
        m_onChange();
    return keptAll;
}

wxString ProgramBuilder::screenColumn(int row) const
{
    return row >= 0 && row < m_items->GetItemCount() ? m_items->GetItemText(row, 4) : wxString();
}

void ProgramBuilder::refreshList()
{
    rescreen();
    m_items->Freeze();
    m_items->DeleteAllItems();
    long row = 0;
    for (const auto& item : m_program.items) {
        m_items->InsertItem(row, wxString::Format("%ld", row + 1));
        m_items->SetItem(row, 1, toWx(item.name));
        m_items->SetItem(row, 2, toWx(sideLabel(item.side)));
        m_items->SetItem(row, 3, toWx(core::describeDose(item.dose)));
        ++row;
    }
    // Each forbidden item says so in its row: red until the therapist confirms it.
    for (const auto& finding : m_screen.forbidden) {
        const long r = static_cast<long>(finding.index);
        const bool ok = confirmed(finding);
        m_items->SetItem(r, 4, ok ? toWx("kept: you confirmed") : toWx("forbidden: confirm or remove"));
        m_items->SetItemTextColour(r, ok ? wxColour(191, 54, 12) : wxColour(183, 28, 28));
    }
    for (std::size_t i : m_screen.unknown)
        m_items->SetItem(static_cast<long>(i), 4, "not in the library");
    m_items->Thaw();
    if (m_selected < 0 && !m_program.items.empty())
        m_selected = 0;
    if (m_selected >= 0 && m_selected < static_cast<int>(m_program.items.size()))
        m_items->SetItemState(m_selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    refreshEditor();
    refreshStatus();
}

void ProgramBuilder::refreshEditor()
{
    const bool has = m_selected >= 0 && m_selected < static_cast<int>(m_program.items.size());
    m_updating = true;
    if (has) {
        const auto& item = m_program.items[static_cast<std::size_t>(m_selected)];
        int i = 0;
        for (const auto& e : core::vocabulary<core::ExerciseSide>()) {
            if (e.value == item.side)
                m_side->SetSelection(i);
            ++i;
        }
        m_sets->SetValue(item.dose.sets);
        m_reps->SetValue(item.dose.reps);
        m_hold->SetValue(item.dose.holdS);
        m_rest->SetValue(item.dose.restS);
        m_perDay->SetValue(item.dose.perDay);
        m_days->SetValue(item.dose.daysPerWeek);
        m_load->ChangeValue(toWx(item.dose.load));
        m_doseNotes->ChangeValue(toWx(item.dose.notes));
        m_notes->ChangeValue(toWx(item.notes));
        std::string basis;
        for (const auto& b : item.basis)
            basis += (basis.empty() ? "Why: " : "; ") + idsInWords(b, m_library);
        m_figure->setFigure(item.figureId.empty() ? item.exerciseId : item.figureId, item.side);
        m_basis->ChangeValue(toWx(basis));
    } else {
        m_figure->setFigure("");
        m_basis->ChangeValue("");
    }
    m_updating = false;
}

void ProgramBuilder::setOrigin(const wxString& text)
{
    m_origin->ChangeValue(text);
    m_origin->ShowPosition(0);
    m_origin->Show(!text.empty());
    Layout();
}

wxString ProgramBuilder::originText() const
{
    return m_origin->GetValue();
}

int ProgramBuilder::visibleRows() const { return m_items->GetCountPerPage(); }

std::vector<FieldProblem> ProgramBuilder::problems() const { return core::validateProgram(m_program); }

void ProgramBuilder::refreshStatus()
{
    wxString text;
    for (const auto& p : problems())
        text << toWx(p.message) << "\n";
    // The safety screen in words; the review's own lines about the same items (with ids) are left out.
    for (const auto& finding : m_screen.forbidden)
        text << toWx((confirmed(finding) ? "Kept by you: " : "Forbidden: ") + finding.name + ": " +
                     idsInWords(core::exclusionText(finding.exclusions)) +
                     (confirmed(finding) ? "." : ". Remove it, or confirm it when you issue.")) << "\n";
    for (std::size_t i : m_screen.unknown)
        text << toWx(m_program.items[i].name + " is not in the exercise library, so HipRx cannot check it "
                     "against the precautions; check it by hand.") << "\n";
    for (const auto& n : m_notices)
        text << toWx(n) << "\n";
    for (const auto& w : core::reviewProgram(m_program, m_analysis, m_library))
        if (w.find(": forbidden by ") == std::string::npos && w.find(": not in the exercise library") == std::string::npos)
            text << toWx(idsInWords(w, m_library)) << "\n";
    text.Trim();
    m_status->SetLabel(text);
    m_status->Wrap(FromDIP(600));
    Layout();
}

wxString ProgramBuilder::warningText() const { return m_status->GetLabel(); }

wxString ProgramBuilder::basisText() const { return m_basis->GetValue(); }

std::int64_t ProgramBuilder::saveProtocol(const std::string& name)
{
    return store::ProtocolRepository(m_db).save(name, m_program, {});
}

void ProgramBuilder::startFromProtocol(std::int64_t id)
{
    const auto protocol = store::ProtocolRepository(m_db).find(id);
    if (!protocol || locked())
        return;
    // A protocol is a starting point: it passes the same screen as any program, and whatever this
    // patient's precautions or findings forbid is asked about, as adding it by hand would be.
    m_program.items = protocol->program.items;
    m_notices.clear();
    m_selected = m_program.items.empty() ? -1 : 0;
    changed();
    confirmForbidden();
}

void ProgramBuilder::onSaveProtocol()
{
    wxTextEntryDialog ask(this, "Name of the protocol (a protocol with the same name is replaced):",
                          "Save as clinic protocol");
    if (ask.ShowModal() != wxID_OK)
        return;
    try {
        saveProtocol(fromWx(ask.GetValue()));
    } catch (const InputError& e) {
        wxMessageBox(toWx("The protocol was not saved:\n" + formatProblems(e.problems())), "HipRx",
                     wxOK | wxICON_WARNING, this);
    }
}

void ProgramBuilder::onLoadProtocol()
{
    const auto protocols = store::ProtocolRepository(m_db).list();
    if (protocols.empty()) {
        wxMessageBox("No clinic protocols yet. Build a program and use \"Save as protocol\" to create one.",
                     "HipRx", wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxArrayString names;
    for (const auto& p : protocols)
        names.Add(toWx(p.name + "  (" + std::to_string(p.program.items.size()) + " exercises)"));
    wxSingleChoiceDialog pick(this, "Start from which protocol? It replaces the exercises listed now.",
                              "Clinic protocols", names);
    if (pick.ShowModal() == wxID_OK)
        startFromProtocol(protocols[static_cast<std::size_t>(pick.GetSelection())].id);
}

void ProgramBuilder::setFigures(const render::FigureDrawer& figures)
{
    m_figure->setDrawer(figures);
    m_browser->setFigures(figures);
}

} // namespace hiprx::app
