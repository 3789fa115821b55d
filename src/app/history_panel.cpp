// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/history_panel.h"

#include "app/assessment_words.h"
#include "app/chart_view.h"
#include "app/local_time.h"
#include "app/today.h"
#include "app/wx_text.h"

#include "core/dose_text.h"
#include "core/file_name.h"
#include "core/finding_changes.h"
#include "render/chart.h"
#include "render/home_program.h"
#include "render/progress_report.h"
#include "store/app_paths.h"
#include "store/history_queries.h"
#include "workflow/follow_up.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace hiprx::app {

namespace {

std::string number(double v)
{
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string changeText(const std::optional<core::Change>& c)
{
    if (!c)
        return "—";
    return (c->delta > 0 ? "+" : "") + number(c->delta) + "  " + std::string(core::verdictText(c->verdict));
}

std::string dateText(const std::optional<core::Date>& d)
{
    return d ? app::dateText(d->iso()) : "(no date)";
}

wxListCtrl* makeList(wxWindow* parent, std::initializer_list<std::pair<const char*, int>> columns)
{
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    int i = 0;
    for (const auto& [title, width] : columns)
        list->InsertColumn(i++, toWx(title), wxLIST_FORMAT_LEFT, width);
    return list;
}

} // namespace

HistoryPanel::HistoryPanel(wxWindow* parent, store::Database& db, std::int64_t patientId,
                           HistoryOptions options)
    : wxPanel(parent), m_db(db), m_patientId(patientId), m_options(std::move(options))
{
    if (auto p = store::PatientRepository(db).find(patientId))
        m_patient = *p;
    auto visits = store::loadVisitHistory(db, patientId);
    for (const core::DatedAssessment& v : visits)
        m_assessments[v.visitId] = v.assessment;
    m_history = core::buildHistory(std::move(visits), m_options.norms);
    m_programs = store::loadIssuedPrograms(db, patientId);

    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(
        this, wxID_ANY,
        toWx("History — " + m_patient.name + "  (" + std::to_string(m_history.visits.size()) + " visits)"));
    title->SetFont(title->GetFont().Bold().Scaled(1.2F));
    top->Add(title, 0, wxALL, 8);
    auto* step =
        new wxStaticText(this, wxID_ANY,
                         toWx("Suggested next step for the program: " +
                              progressionStepText(core::suggestStep(m_history)) +
                              ". Changes count only when larger than the measurement error of the measure."));
    top->Add(step, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, "Visits"), 0, wxBOTTOM, 2);
    m_visits =
        makeList(this, {{"Date", 95}, {"Visit", 50}, {"Clinician", 110}, {"Alerts", 50}, {"Programs", 65}});
    left->Add(m_visits, 2, wxEXPAND | wxBOTTOM, 6);
    left->Add(new wxStaticText(this, wxID_ANY, "Measures at the selected visit"), 0, wxBOTTOM, 2);
    m_measures =
        makeList(this, {{"Measure", 170}, {"Value", 55}, {"Since previous", 190}, {"Since first", 190}});
    left->Add(m_measures, 3, wxEXPAND | wxBOTTOM, 4);
    m_findings = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_findings->SetName("history.findings");
    left->Add(m_findings, 0, wxEXPAND | wxBOTTOM, 4);
    m_alerts = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_alerts->SetForegroundColour(wxColour(160, 20, 20));
    left->Add(m_alerts, 0, wxEXPAND | wxBOTTOM, 4);
    body->Add(left, 5, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_chartArea = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxSize(640, 420), wxVSCROLL);
    m_chartArea->SetScrollRate(0, 20);
    m_chartArea->SetBackgroundColour(*wxWHITE);
    body->Add(m_chartArea, 6, wxEXPAND | wxRIGHT, 8);
    top->Add(body, 1, wxEXPAND);

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    m_programList =
        makeList(this, {{"Visit date", 95}, {"Version", 60}, {"Issued", 170}, {"Exercises", 260}});
    m_programList->SetMinSize(wxSize(-1, 110));
    bottom->Add(m_programList, 1, wxEXPAND | wxRIGHT, 8);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    auto* reprintButton = new wxButton(this, wxID_ANY, toWx("&Reprint as issued…"));
    auto* reportButton = new wxButton(this, wxID_ANY, toWx("Progress &report…"));
    auto* nextButton = new wxButton(this, wxID_ANY, toWx("&Next program…"));
    buttons->Add(reprintButton, 0, wxEXPAND | wxBOTTOM, 4);
    buttons->Add(reportButton, 0, wxEXPAND | wxBOTTOM, 4);
    buttons->Add(nextButton, 0, wxEXPAND);
    bottom->Add(buttons, 0);
    top->Add(bottom, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    fillTimeline();
    fillPrograms();
    buildCharts();

    reprintButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onReprint(); });
    reprintButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Enable(m_programList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) >= 0);
    });
    reportButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onReport(); });
    reportButton->Enable(!m_history.visits.empty());
    nextButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onNextProgram(); });
    nextButton->Enable(m_options.library != nullptr && !m_programs.empty());
    m_visits->Bind(wxEVT_LIST_ITEM_SELECTED,
                   [this](wxListEvent& e) { selectVisit(static_cast<std::size_t>(e.GetIndex())); });
    m_programList->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { onReprint(); });
}

int HistoryPanel::visitRows() const
{
    return m_visits->GetItemCount();
}
int HistoryPanel::programRows() const
{
    return m_programList->GetItemCount();
}
int HistoryPanel::measureRows() const
{
    return m_measures->GetItemCount();
}
wxString HistoryPanel::findingsText() const
{
    return m_findings->GetLabel();
}

void HistoryPanel::fillTimeline()
{
    m_visits->DeleteAllItems();
    for (std::size_t i = 0; i < m_history.visits.size(); ++i) {
        const core::VisitProgress& v = m_history.visits[i];
        int programs = 0;
        for (const auto& p : m_programs)
            programs += p.visitId == v.visitId ? 1 : 0;
        const long row = m_visits->InsertItem(static_cast<long>(i), toWx(dateText(v.date)));
        m_visits->SetItem(row, 1, toWx(std::to_string(i + 1))); // the patient's own count, not an id
        m_visits->SetItem(row, 2, toWx(v.clinician));
        m_visits->SetItem(row, 3, v.alerts.empty() ? wxString() : toWx(std::to_string(v.alerts.size())));
        m_visits->SetItem(row, 4, programs == 0 ? wxString() : toWx(std::to_string(programs)));
        if (!v.alerts.empty())
            m_visits->SetItemTextColour(row, wxColour(160, 20, 20));
    }
    if (!m_history.visits.empty()) {
        const long last = static_cast<long>(m_history.visits.size() - 1);
        m_visits->SetItemState(last, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        m_visits->EnsureVisible(last);
        selectVisit(m_history.visits.size() - 1);
    }
}

void HistoryPanel::selectVisit(std::size_t index)
{
    m_measures->DeleteAllItems();
    if (index >= m_history.visits.size())
        return;
    const core::VisitProgress& v = m_history.visits[index];
    long row = 0;
    for (const core::MeasureValue& mv : v.values) {
        const long r = m_measures->InsertItem(row++, toWx(mv.measure.label()));
        m_measures->SetItem(r, 1, toWx(number(mv.value) + std::string(mv.measure.unit())));
        m_measures->SetItem(r, 2, toWx(changeText(mv.sincePrevious)));
        m_measures->SetItem(r, 3, toWx(changeText(mv.sinceBaseline)));
        const auto& c = mv.sincePrevious ? mv.sincePrevious : mv.sinceBaseline;
        if (c && c->verdict == core::Verdict::Improved)
            m_measures->SetItemTextColour(r, wxColour(20, 110, 40));
        else if (c && c->verdict == core::Verdict::Worse)
            m_measures->SetItemTextColour(r, wxColour(170, 20, 20));
    }
    // Strength, special tests, endurance and balance: not charted, but a gluteus medius going
    // 3+ → 4 or an Ober going positive → negative must be seen (core::findingRows).
    std::vector<core::Assessment> ordered;
    for (const core::VisitProgress& visit : m_history.visits) {
        const auto it = m_assessments.find(visit.visitId);
        ordered.push_back(it != m_assessments.end() ? it->second : core::Assessment{});
    }
    for (const core::FindingRow& f : core::findingRows(ordered, index)) {
        const long r = m_measures->InsertItem(row++, toWx(f.label));
        m_measures->SetItem(r, 1, toWx(f.value));
        m_measures->SetItem(r, 2, toWx(f.sincePrevious ? f.sincePrevious->text : std::string()));
        m_measures->SetItem(r, 3, toWx(f.sinceBaseline ? f.sinceBaseline->text : std::string()));
        const auto& c = f.sincePrevious ? f.sincePrevious : f.sinceBaseline;
        if (c && c->direction == core::FindingDirection::Better)
            m_measures->SetItemTextColour(r, wxColour(20, 110, 40));
        else if (c && c->direction == core::FindingDirection::Worse)
            m_measures->SetItemTextColour(r, wxColour(170, 20, 20));
    }
    // Widen a column to its longest text ("+4  within measurement error"), never below its default
    // width; the list scrolls sideways when the pane is narrower.
    for (int col = 0; col < m_measures->GetColumnCount(); ++col) {
        const int before = m_measures->GetColumnWidth(col);
        m_measures->SetColumnWidth(col, wxLIST_AUTOSIZE);
        if (m_measures->GetColumnWidth(col) < before)
            m_measures->SetColumnWidth(col, before);
    }
    std::string findings;
    if (const auto it = m_assessments.find(v.visitId); it != m_assessments.end()) {
        const core::Assessment& a = it->second;
        const std::string areas = painAreasText(a.pain.areas);
        const std::string balance = balanceText(a.balance);
        findings = "Pain areas: " + (areas.empty() ? std::string("none marked") : areas) + "\n" +
                   "Balance: " + (balance.empty() ? std::string("not recorded") : balance) + "\n";
        std::string screen = redFlagScreenText(a);
        screen[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(screen[0])));
        findings += screen;
    }
    m_findings->SetLabel(toWx(findings));
    m_findings->Wrap(560);
    std::string alerts;
    for (const core::Alert& a : v.alerts)
        alerts += (alerts.empty() ? "" : "\n") + ("⚠ " + a.message);
    m_alerts->SetLabel(toWx(alerts));
    m_alerts->Wrap(560);
    Layout();
}

void HistoryPanel::fillPrograms()
{
    m_programList->DeleteAllItems();
    long row = 0;
    for (const store::IssuedProgram& p : m_programs) {
        std::string date;
        for (const auto& v : m_history.visits)
            if (v.visitId == p.visitId)
                date = dateText(v.date);
        std::string names;
        for (const auto& item : p.program.items)
            names += (names.empty() ? "" : ", ") + item.name;
        const long r = m_programList->InsertItem(row++, toWx(date));
        m_programList->SetItem(r, 1, toWx(std::to_string(p.version)));
        m_programList->SetItem(r, 2, toWx(localTimeText(p.issuedAt)));
        m_programList->SetItem(r, 3, toWx(names));
    }
}

void HistoryPanel::buildCharts()
{
    auto* grid = new wxGridSizer(2, 6, 6);
    auto charts = render::historyCharts(m_history);
    render::labelDates(charts, m_history, m_options.dateFormat);
    for (render::ChartSpec& spec : charts) {
        auto* view = new ChartView(m_chartArea, std::move(spec));
        m_charts.push_back(view);
        grid->Add(view, 1, wxEXPAND);
    }
    if (m_charts.empty())
        grid->Add(new wxStaticText(m_chartArea, wxID_ANY, "No measurements recorded yet."), 0, wxALL, 12);
    m_chartArea->SetSizer(grid);
    m_chartArea->FitInside();
}

void HistoryPanel::reprint(std::size_t index, const std::filesystem::path& file) const
{
    const store::IssuedProgram& p = m_programs.at(index);
    if (p.pdf.empty())
        throw Error("program version " + std::to_string(p.version) + " was issued without a stored PDF");
    render::writeFile(p.pdf, file);
}

void HistoryPanel::writeProgressReport(const std::filesystem::path& file) const
{
    // The report at the latest visit, as `hiprx-cli report` writes it.
    workflow::Clinic clinic;
    clinic.branding = m_options.branding;
    clinic.norms = m_options.norms;
    clinic.pageSize = m_options.pageSize;
    clinic.dateFormat = m_options.dateFormat;
    const auto input =
        workflow::progressReportInput(m_db, clinic, m_history.visits.back().visitId, m_options.norms, todayLocal());
    render::writeFile(workflow::renderProgressReport(input, m_options.pageSize), file);
}

std::optional<core::NextProgram> HistoryPanel::suggestNextProgram() const
{
    if (!m_options.library || m_programs.empty() || m_history.visits.empty())
        return std::nullopt;
    // One computation with `hiprx-cli next`: the program in force, stepped by the history and
    // screened with the latest visit's precautions, cautions and referral.
    try {
        return workflow::nextProgram(m_db, *m_options.library, m_history.visits.back().visitId, m_options.norms,
                                     todayLocal());
    } catch (const InputError&) {
        return std::nullopt; // no program issued at or before the latest visit
    }
}

std::int64_t HistoryPanel::nextProgramVisit() const
{
    if (m_history.visits.empty())
        return 0;
    const std::int64_t latest = m_history.visits.back().visitId;
    const bool issued = std::any_of(m_programs.begin(), m_programs.end(),
                                    [latest](const store::IssuedProgram& p) { return p.visitId == latest; });
    return issued ? 0 : latest;
}

bool HistoryPanel::startNextVisit()
{
    const auto next = suggestNextProgram();
    if (!next || !m_options.startNextVisit)
        return false;
    m_options.startNextVisit(*next, nextProgramVisit());
    // The visit opens in the main window, behind a modal dialog: close it so it can be worked on.
    if (auto* dialog = dynamic_cast<wxDialog*>(wxGetTopLevelParent(this)); dialog && dialog->IsModal())
        dialog->EndModal(wxID_OK);
    return true;
}

std::string HistoryPanel::reprintFileName(std::size_t index) const
{
    const store::IssuedProgram& p = m_programs.at(index);
    std::optional<core::Date> date;
    for (const core::VisitProgress& v : m_history.visits)
        if (v.visitId == p.visitId)
            date = v.date;
    const std::string document = p.version > 1 ? "home program version " + std::to_string(p.version) : "home program";
    return core::documentFileName(m_patient.name, document, date);
}

std::string HistoryPanel::reportFileName() const
{
    std::optional<core::Date> date;
    if (!m_history.visits.empty())
        date = m_history.visits.back().date;
    return core::documentFileName(m_patient.name, "progress report", date.value_or(todayLocal()));
}

void HistoryPanel::onReprint()
{
    const long row = m_programList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0)
        return;
    wxFileDialog dialog(
        this, "Save the program as issued", wxEmptyString,
        toWx(reprintFileName(static_cast<std::size_t>(row))),
        "PDF files (*.pdf)|*.pdf", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    try {
        reprint(static_cast<std::size_t>(row), fromWx(dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(toWx(std::string("The program could not be saved: ") + e.what()), "HipRx",
                     wxOK | wxICON_ERROR, this);
    }
}

void HistoryPanel::onReport()
{
    wxFileDialog dialog(this, "Save the progress report", wxEmptyString, toWx(reportFileName()),
                        "PDF files (*.pdf)|*.pdf", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    try {
        writeProgressReport(fromWx(dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(toWx(std::string("The progress report could not be written: ") + e.what()), "HipRx",
                     wxOK | wxICON_ERROR, this);
    }
}

void HistoryPanel::onNextProgram()
{
    const auto next = suggestNextProgram();
    if (!next)
        return;
    const std::string text = nextProgramText(*next, m_options.library);
    if (!m_options.startNextVisit) {
        wxMessageBox(toWx(text), "Next program", wxOK | wxICON_INFORMATION, this);
        return;
    }
    const std::int64_t visit = nextProgramVisit();
    std::string where = "Start a new visit with this program?";
    for (const auto& v : m_history.visits)
        if (visit != 0 && v.visitId == visit)
            where = "Use this program for the visit of " + dateText(v.date) + "?";
    if (wxMessageBox(toWx(text + "\n" + where + " You can change every exercise and dose in the program builder "
                                 "before issuing it."),
                     "Next program", wxYES_NO | wxICON_QUESTION, this) == wxYES)
        startNextVisit();
}

std::string nextProgramText(const core::NextProgram& next, const core::ExerciseLibrary* library)
{
    std::string text = "Suggested step: " + progressionStepText(next.step) + "\n";
    for (const std::string& reason : next.reasons)
        text += "  – " + reason + "\n";
    text += "\n";
    std::string dropped;
    for (const core::ItemSuggestion& s : next.items) {
        if (s.dropped) {
            dropped += "• " + s.current.name + ": " + s.reason + "\n";
            continue;
        }
        text += "• " + s.current.name + " → " + s.suggested.name + " (" + core::describeDose(s.suggested.dose) +
                "): " + s.reason + "\n";
    }
    if (next.withheld)
        text += "\nNo exercises: the referral is an emergency and the program is withheld.\n";
    if (!dropped.empty())
        text += "\nDropped from the program:\n" + dropped;
    if (const auto leftOut = next.excluded(); !leftOut.empty()) {
        text += "\nLeft out by the safety screen:\n";
        for (const core::LeftOut& l : leftOut)
            text += "• " + l.reason + "\n";
    }
    if (!next.warnings.empty()) {
        text += "\nWarnings:\n";
        for (const std::string& w : next.warnings)
            text += "• " + w + "\n";
    }
    return library ? idsInWords(text, *library) : idsInWords(text);
}

void showHistoryDialog(wxWindow* parent, store::Database& db, std::int64_t patientId, HistoryOptions options)
{
    wxDialog dialog(parent, wxID_ANY, "History", wxDefaultPosition, wxSize(1200, 760),
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new HistoryPanel(&dialog, db, patientId, std::move(options)), 1, wxEXPAND);
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, 8);
    dialog.SetSizer(sizer);
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.ShowModal();
}

} // namespace hiprx::app
