// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/assessment_form.h"
#include "app/assessment_words.h"
#include "app/body_chart.h"
#include "app/type_to_choose.h"
#include "app/wheel_guard.h"
#include "app/wx_text.h"

#include "core/outcomes.h"
#include "core/referral_rules.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <tuple>

namespace hiprx::app {

namespace {

const wxColour kProblemColour(255, 205, 210);  // light red: cannot be saved
const wxColour kBelowNormColour(255, 224, 178); // light orange: limited range
const wxColour kAsymmetryText(183, 28, 28);

std::string sideId(core::Side side) { return std::string(core::toId(side)); }

/// Field paths of the questionnaires: the exchange-format paths core::validate reports
/// (`outcomes.lefs[3]`, `outcomes.psfs[0].score`), zero-based like them.
std::string lefsPath(std::size_t index)
{
    return "outcomes.lefs[" + std::to_string(index) + "]";
}
std::string psfsPath(std::size_t row, const char* field)
{
    return "outcomes.psfs[" + std::to_string(row) + "]." + field;
}

std::string trimmed(const std::string& text)
{
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// A one-decimal number without a trailing ".0" (4.5, 6).
std::string decimal(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string text = buf;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text;
}

/// Whole number, nothing for empty text, or a problem for anything else.
std::optional<int> parseInt(const std::string& path, const std::string& text, std::vector<FieldProblem>& problems)
{
    std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return std::nullopt;
    std::size_t last = text.find_last_not_of(" \t");
    const std::string trimmed = text.substr(first, last - first + 1);
    int value = 0;
    auto [ptr, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
    if (ec != std::errc{} || ptr != trimmed.data() + trimmed.size()) {
        problems.push_back({path, path + ": \"" + trimmed + "\" is not a whole number"});
        return std::nullopt;
    }
    return value;
}

std::string escape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

std::string unescape(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char n = text[++i];
            out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        } else {
            out += text[i];
        }
    }
    return out;
}

template <typename E>
std::vector<std::pair<std::string, wxString>> vocabularyOptions(const wxString& none)
{
    std::vector<std::pair<std::string, wxString>> options{{"", none}};
    for (const auto& entry : core::vocabulary<E>())
        options.emplace_back(std::string(entry.id), toWx(std::string(entry.label)));
    return options;
}

wxString headingCase(std::string_view label)
{
    wxString text = toWx(std::string(label));
    if (!text.empty())
        text[0] = wxToupper(text[0]);
    return text;
}

} // namespace

AssessmentForm::AssessmentForm(wxWindow* parent, core::NormSet norms)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      m_norms(norms)
{
    SetScrollRate(0, FromDIP(16));
    auto* page = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(6);

    m_problemList = new wxStaticText(this, wxID_ANY, "");
    m_problemList->SetForegroundColour(kAsymmetryText);
    page->Add(m_problemList, wxSizerFlags().Expand().Border(wxALL, gap));

    wxSizer* target = page; // where the next section goes: the page, or a row of two sections
    auto section = [&](const wxString& title) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
        target->Add(box, wxSizerFlags(target == page ? 0 : 1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
        return box;
    };
    auto label = [&](wxWindow* owner, wxSizer* sizer, const wxString& text) {
        sizer->Add(new wxStaticText(owner, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };

    // Visit
    {
        auto* box = section("Visit");
        auto* grid = new wxFlexGridSizer(4, gap, FromDIP(10));
        grid->AddGrowableCol(3, 1);
        auto* p = box->GetStaticBox();
        label(p, grid, "Date (YYYY-MM-DD)");
        addText(p, grid, "visit.date", 110);
        label(p, grid, "Clinician");
        addText(p, grid, "visit.clinician", 220);
        label(p, grid, "Affected side");
        addChoice(p, grid, "visit.affected_side", vocabularyOptions<core::AffectedSide>(toWx("—")));
        grid->AddSpacer(0);
        grid->AddSpacer(0);
        box->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));
        box->Add(new wxStaticText(p, wxID_ANY, "Main complaint"), wxSizerFlags().Border(wxLEFT, gap));
        addText(p, box, "visit.complaint", 400, wxTE_MULTILINE);
        m_fields["visit.complaint"]->SetMinSize(wxSize(-1, FromDIP(44)));
    }

    // Range of motion: one row per movement, left | right | norm.
    {
        auto* box = section(toWx("Range of motion (degrees)"));
        auto* p = box->GetStaticBox();
        auto* grid = new wxFlexGridSizer(4, gap, FromDIP(10));
        for (const wxString& h : {wxString("Movement"), wxString("Left"), wxString("Right"), wxString("Norm")}) {
            auto* t = new wxStaticText(p, wxID_ANY, h);
            t->SetFont(t->GetFont().Bold());
            grid->Add(t);
        }
        for (const auto& entry : core::vocabulary<core::Movement>()) {
            const std::string id(entry.id);
            label(p, grid, headingCase(entry.label));
            addText(p, grid, "rom.left." + id, 60);
            addText(p, grid, "rom.right." + id, 60);
            auto* normText = new wxStaticText(p, wxID_ANY, "");
            if (const auto n = core::norm(m_norms, entry.value))
                normText->SetLabel(toWx("≥ " + std::to_string(core::limitedBelow(m_norms, entry.value)) +
                                        "° (full " + std::to_string(n->degrees) + "°)"));
            m_normLabels[id] = normText;
            grid->Add(normText, wxSizerFlags().CenterVertical());
        }
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        label(p, row, "Rotation measured  ");
        addChoice(p, row, "rotation_position", vocabularyOptions<core::RotationPosition>(toWx("—")));
        box->Add(row, wxSizerFlags().Border(wxALL, gap));
    }

    // Pain
    {
        auto* box = section("Pain and irritability");
        auto* p = box->GetStaticBox();
        auto* row = new wxFlexGridSizer(8, gap, FromDIP(10));
        label(p, row, "NPRS now");
        addText(p, row, "pain.nprs_now", 40);
        fitText(m_fields["pain.nprs_now"], "(10)");
        label(p, row, "best 24 h");
        addText(p, row, "pain.nprs_best_24h", 40);
        fitText(m_fields["pain.nprs_best_24h"], "(10)");
        label(p, row, "worst 24 h");
        addText(p, row, "pain.nprs_worst_24h", 40);
        fitText(m_fields["pain.nprs_worst_24h"], "(10)");
        label(p, row, "Irritability");
        addChoice(p, row, "pain.irritability", vocabularyOptions<core::Irritability>(toWx("judge from pain")));
        box->Add(row, wxSizerFlags().Border(wxALL, gap));

        // Where it hurts: the body chart to click, and the same areas as a checklist for the
        // keyboard (the checklist is the field; the chart follows it).
        auto* chartRow = new wxBoxSizer(wxHORIZONTAL);
        m_bodyChart = new BodyChart(p);
        chartRow->Add(m_bodyChart, wxSizerFlags().Border(wxRIGHT, FromDIP(12)));
        auto* listColumn = new wxBoxSizer(wxVERTICAL);
        listColumn->Add(new wxStaticText(p, wxID_ANY, toWx("Pain areas: click the chart or tick here")),
                        wxSizerFlags().Border(wxBOTTOM, FromDIP(2)));
        m_areaList = new wxCheckListBox(p, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, 230)));
        m_areaList->SetName("pain.areas");
        for (const core::PainArea& area : BodyChart::offeredAreas()) {
            wxString text = toWx(painAreaText(area));
            text[0] = wxToupper(text[0]);
            m_areaList->Append(text);
            m_areaRows.push_back(painAreaId(area));
        }
        listColumn->Add(m_areaList, wxSizerFlags(1).Expand());
        chartRow->Add(listColumn, wxSizerFlags().Expand());
        box->Add(chartRow, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        m_areaSummary = new wxStaticText(p, wxID_ANY, "");
        m_areaSummary->SetName("pain.areas.summary");
        box->Add(m_areaSummary, wxSizerFlags().Expand().Border(wxALL, gap));
        m_fields["pain.areas"] = m_areaList;
        m_order.push_back(m_areaList);
        m_areaList->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
            const auto index = static_cast<unsigned>(e.GetInt());
            if (index >= m_areaRows.size())
                return;
            const std::string& id = m_areaRows[index];
            const auto it = std::find(m_areaOrder.begin(), m_areaOrder.end(), id);
            if (m_areaList->IsChecked(index) && it == m_areaOrder.end())
                m_areaOrder.push_back(id);
            else if (!m_areaList->IsChecked(index) && it != m_areaOrder.end())
                m_areaOrder.erase(it);
            syncAreas();
            changed();
        });
        m_bodyChart->setOnToggle([this](const core::PainArea& area) { toggleArea(area); });
        syncAreas();
    }

    // Outcome measures: LEFS item answers by number (no item wording: its licence for software use
    // is not verified, see db/SOURCES.md) and the patient's own PSFS activities.
    {
        auto* box = section("Outcome measures");
        auto* p = box->GetStaticBox();
        auto* lefsHeading = new wxStaticText(p, wxID_ANY, toWx("LEFS item answers (0–4)"));
        lefsHeading->SetFont(lefsHeading->GetFont().Bold());
        box->Add(lefsHeading, wxSizerFlags().Border(wxLEFT | wxTOP, gap));
        auto* lefsNote = new wxStaticText(
            p, wxID_ANY,
            toWx("Score the patient's completed LEFS on your clinic's licensed form and type each item's "
                 "answer by its number (0 = most difficulty … 4 = no difficulty). Leave unanswered "
                 "items blank: up to 4 blanks are prorated."));
        lefsNote->Wrap(FromDIP(620));
        box->Add(lefsNote, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        // Ten items a row, numbered across, so Tab and Enter walk 1, 2, 3 … 20 as on the paper form.
        auto* grid = new wxFlexGridSizer(20, FromDIP(4), FromDIP(4));
        for (std::size_t i = 0; i < core::kLefsItemCount; ++i) {
            auto* number = new wxStaticText(p, wxID_ANY, toWx(std::to_string(i + 1)));
            grid->Add(number, wxSizerFlags().CenterVertical().Right());
            const std::string path = lefsPath(i);
            addText(p, grid, path, 34);
            // Wide enough for last visit's answer shown grey in the empty box: "(4)", not "…".
            fitText(m_fields[path], "(4)");
            m_fields[path]->SetToolTip(
                toWx("LEFS item " + std::to_string(i + 1) + ": 0–4, blank when not answered"));
        }
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
        m_lefsTotal = new wxStaticText(p, wxID_ANY, "");
        m_lefsTotal->SetName("outcomes.lefs.total");
        box->Add(m_lefsTotal, wxSizerFlags().Border(wxLEFT | wxBOTTOM, gap));

        auto* psfsHeading = new wxStaticText(p, wxID_ANY, toWx("PSFS: activities the patient named (0–10)"));
        psfsHeading->SetFont(psfsHeading->GetFont().Bold());
        box->Add(psfsHeading, wxSizerFlags().Border(wxLEFT | wxTOP, gap));
        auto* psfsNote = new wxStaticText(
            p, wxID_ANY,
            toWx("Up to five activities in the patient's words; 0 = unable to do it, 10 = as well as "
                 "before the problem. An unrated activity is left out of the mean."));
        psfsNote->Wrap(FromDIP(620));
        box->Add(psfsNote, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        auto* psfs = new wxFlexGridSizer(4, gap, FromDIP(10));
        psfs->AddGrowableCol(1, 1);
        for (std::size_t i = 0; i < core::kPsfsMaxItems; ++i) {
            label(p, psfs, toWx("Activity " + std::to_string(i + 1)));
            addText(p, psfs, psfsPath(i, "activity"), 300);
            label(p, psfs, "score");
            addText(p, psfs, psfsPath(i, "score"), 60);
            if (auto* score = dynamic_cast<wxTextCtrl*>(m_fields[psfsPath(i, "score")]))
                score->SetHint(toWx("0–10"));
        }
        box->Add(psfs, wxSizerFlags().Expand().Border(wxALL, gap));
        m_psfsMean = new wxStaticText(p, wxID_ANY, "");
        m_psfsMean->SetName("outcomes.psfs.mean");
        box->Add(m_psfsMean, wxSizerFlags().Border(wxLEFT | wxBOTTOM, gap));
    }

    // Special tests and strength side by side: both are left/right grids, and a shorter form needs
    // less scrolling in the middle of an examination.
    auto* testsAndStrength = new wxBoxSizer(wxHORIZONTAL);
    page->Add(testsAndStrength, wxSizerFlags().Expand());
    target = testsAndStrength;
    // Special tests
    {
        auto* box = section("Special tests");
        auto* p = box->GetStaticBox();
        auto* grid = new wxFlexGridSizer(3, gap, FromDIP(10));
        for (const wxString& h : {wxString("Test"), wxString("Left"), wxString("Right")}) {
            auto* t = new wxStaticText(p, wxID_ANY, h);
            t->SetFont(t->GetFont().Bold());
            grid->Add(t);
        }
        for (const auto& entry : core::vocabulary<core::SpecialTest>()) {
            const std::string id(entry.id);
            const bool angle = core::isAngleTest(entry.value);
            label(p, grid, headingCase(entry.label) + (angle ? toWx(" (°)") : wxString()));
            for (core::Side side : core::kSides) {
                const std::string path = "tests." + sideId(side) + "." + id;
                if (angle && entry.value == core::SpecialTest::Slr) {
                    // The angle at which the test reproduced the patient's leg pain (radicular signs).
                    auto* cell = new wxBoxSizer(wxHORIZONTAL);
                    addText(p, cell, path, 60);
                    addCheck(p, cell, path + ".reproduces_leg_pain", "leg pain");
                    m_fields[path + ".reproduces_leg_pain"]->SetToolTip(
                        toWx("Ticked: the SLR reproduced the patient's leg pain at this angle"));
                    grid->Add(cell);
                } else if (angle) {
                    auto* cell = new wxBoxSizer(wxHORIZONTAL); // keeps its width beside the wider SLR cell
                    addText(p, cell, path, 60);
                    grid->Add(cell);
                } else {
                    addChoice(p, grid, path, {{"", toWx("—")}, {"positive", "positive"}, {"negative", "negative"}});
                }
            }
        }
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
    }

    // Strength
    {
        auto* box = section("Strength (manual muscle test)");
        auto* p = box->GetStaticBox();
        std::vector<std::pair<std::string, wxString>> grades{{"", toWx("—")}};
        for (int base = 5; base >= 0; --base)
            for (int modifier : {1, 0, -1}) {
                const core::StrengthGrade g{base, modifier};
                if (core::StrengthGrade::parse(g.text()))
                    grades.emplace_back(g.text(), toWx(g.text()));
            }
        auto* grid = new wxFlexGridSizer(3, gap, FromDIP(10));
        for (const wxString& h : {wxString("Muscle group"), wxString("Left"), wxString("Right")}) {
            auto* t = new wxStaticText(p, wxID_ANY, h);
            t->SetFont(t->GetFont().Bold());
            grid->Add(t);
        }
        for (const auto& entry : core::vocabulary<core::StrengthMuscle>()) {
            label(p, grid, headingCase(entry.label));
            for (core::Side side : core::kSides)
                addChoice(p, grid, "strength." + sideId(side) + "." + std::string(entry.id), grades);
        }
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
    }

    target = page;
    // Trunk endurance
    {
        auto* box = section("Trunk endurance (seconds held)");
        auto* p = box->GetStaticBox();
        auto* grid = new wxFlexGridSizer(6, gap, FromDIP(10));
        label(p, grid, "Plank");
        addText(p, grid, "endurance.plank_hold_s", 50);
        label(p, grid, "Side bridge left");
        addText(p, grid, "endurance.side_bridge_hold_s.left", 50);
        label(p, grid, "right");
        addText(p, grid, "endurance.side_bridge_hold_s.right", 50);
        label(p, grid, "Trunk flexors");
        addText(p, grid, "endurance.trunk_flexor_hold_s", 50);
        label(p, grid, "Trunk extensors");
        addText(p, grid, "endurance.trunk_extensor_hold_s", 50);
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
    }

    // Falls and balance: a fall in the past year or single-leg stance under 5 s adds the fall-risk
    // precaution (core::analyze).
    {
        auto* box = section("Falls and balance");
        auto* p = box->GetStaticBox();
        auto* grid = new wxFlexGridSizer(6, gap, FromDIP(10));
        label(p, grid, toWx("Falls in the past year"));
        addText(p, grid, "balance.falls_past_year", 50);
        label(p, grid, toWx("Single-leg stance, eyes open (s): left"));
        addText(p, grid, "balance.single_leg_stance_s.left", 50);
        label(p, grid, "right");
        addText(p, grid, "balance.single_leg_stance_s.right", 50);
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
        // Asked when there were falls: a fall with hip signs is checked for a fracture unless the pain
        // is older than the falls.
        addCheck(p, box, "balance.pain_before_falls", toWx("The pain began before the falls"));
    }

    // Red flags, most urgent group first.
    {
        auto* box = section("Red flags");
        auto* p = box->GetStaticBox();
        // A negative screen is a finding of its own: "none" is not the same as never asked.
        addCheck(p, box, "red_flags_screened", toWx("Red flags screened: none"));
        m_fields["red_flags_screened"]->SetToolTip(
            toWx("Tick once you have asked about every red flag below and none applies. A ticked flag "
                 "records the screen by itself."));
        for (core::Urgency level : {core::Urgency::Emergency, core::Urgency::Urgent, core::Urgency::Routine}) {
            auto* heading = new wxStaticText(p, wxID_ANY, headingCase(core::label(level)) + " referral");
            heading->SetFont(heading->GetFont().Bold());
            box->Add(heading, wxSizerFlags().Border(wxLEFT | wxTOP, gap));
            auto* grid = new wxGridSizer(2, FromDIP(2), FromDIP(10));
            for (const auto& entry : core::vocabulary<core::RedFlag>())
                if (const auto u = core::defaultUrgency(entry.value);
                    u == level || (level == core::Urgency::Routine && u < core::Urgency::Urgent))
                    addCheck(p, grid, "red_flags." + std::string(entry.id), headingCase(entry.label));
            box->Add(grid, wxSizerFlags().Border(wxLEFT, FromDIP(16)));
        }
    }

    // Precautions
    {
        auto* box = section("Precautions");
        auto* p = box->GetStaticBox();
        auto* grid = new wxGridSizer(3, FromDIP(2), FromDIP(10));
        m_carriedLabel = new wxStaticText(p, wxID_ANY, "");
        m_carriedLabel->SetName("precautions.carried_forward");
        m_carriedLabel->SetForegroundColour(wxColour(21, 101, 192));
        m_carriedLabel->Hide();
        box->Add(m_carriedLabel, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
        for (const auto& entry : core::vocabulary<core::Precaution>())
            addCheck(p, grid, "precautions." + std::string(entry.id), headingCase(entry.label));
        box->Add(grid, wxSizerFlags().Border(wxALL, gap));
    }

    // Notes
    {
        auto* box = section("Notes");
        addText(box->GetStaticBox(), box, "visit.notes", 400, wxTE_MULTILINE);
        m_fields["visit.notes"]->SetMinSize(wxSize(-1, FromDIP(60)));
    }

    // The clinician's own words for the visit note and the progress report.
    {
        auto* box = section("Impression, plan and goals (for the visit note and report)");
        auto* p = box->GetStaticBox();
        for (const auto& [path, caption] : {std::pair{"visit.impression", "Impression: what you make of the findings"},
                                            std::pair{"visit.plan", "Plan: what you will do next"},
                                            std::pair{"visit.goals", "Goals agreed with the patient"}}) {
            box->Add(new wxStaticText(p, wxID_ANY, caption), wxSizerFlags().Border(wxLEFT | wxTOP, gap));
            addText(p, box, path, 400, wxTE_MULTILINE);
            m_fields[path]->SetMinSize(wxSize(-1, FromDIP(44)));
        }
    }

    SetSizer(page);
    updateOutcomeScores();
    FitInside();
    Bind(wxEVT_CHAR_HOOK, &AssessmentForm::onCharHook, this);
    guardMouseWheel(this); // the wheel scrolls the form, never changes an unfocused finding
}

void AssessmentForm::fitText(wxWindow* field, const wxString& widest)
{
    auto* text = dynamic_cast<wxTextCtrl*>(field);
    if (!text)
        return;
    // Before the control is realised GTK reports too little padding for its frame and margins, so
    // the padding is at least that of a realised GTK 3 entry (about 26 px around the text).
    const int textWidth = text->GetTextExtent(widest).x;
    const int fit = std::max(text->GetSizeFromTextSize(textWidth).x, textWidth + text->FromDIP(30));
    if (fit > text->GetSize().x)
        text->SetMinSize(wxSize(fit, -1));
}

void AssessmentForm::addText(wxWindow* parent, wxSizer* sizer, const std::string& path, int widthDip, long style)
{
    const bool multiline = (style & wxTE_MULTILINE) != 0;
    auto* text = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(widthDip), -1),
                                multiline ? style : style | wxTE_PROCESS_ENTER);
    text->SetName(toWx(path));
    m_fields[path] = text;
    sizer->Add(text, wxSizerFlags(multiline ? 1 : 0).Expand());
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
    // Enter moves on to the next field, so a whole grid can be typed without the mouse.
    if (!multiline)
        text->Bind(wxEVT_TEXT_ENTER, [this, text](wxCommandEvent&) { focusNext(text); });
    m_order.push_back(text);
}

void AssessmentForm::addChoice(wxWindow* parent, wxSizer* sizer, const std::string& path,
                               std::vector<std::pair<std::string, wxString>> options)
{
    auto* choice = new wxChoice(parent, wxID_ANY);
    choice->SetName(toWx(path));
    std::vector<std::string> ids;
    for (auto& [id, text] : options) {
        choice->Append(text);
        ids.push_back(id);
    }
    choice->SetSelection(0);
    m_choiceIds[path] = std::move(ids);
    m_fields[path] = choice;
    sizer->Add(choice, wxSizerFlags().CenterVertical());
    choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { changed(); });
    enableTypeToChoose(choice); // "3+", "p" for positive: ~40 results without opening a list
    m_order.push_back(choice);
}

void AssessmentForm::addCheck(wxWindow* parent, wxSizer* sizer, const std::string& path, const wxString& label)
{
    auto* check = new wxCheckBox(parent, wxID_ANY, label);
    check->SetName(toWx(path));
    m_fields[path] = check;
    sizer->Add(check);
    check->Bind(wxEVT_CHECKBOX, [this, path](wxCommandEvent&) {
        if (m_carried.count(path) && value(path).empty() && !precautionUnticked(path))
            return;
        changed();
    });
    m_order.push_back(check);
}

void AssessmentForm::onCharHook(wxKeyEvent& event)
{
    // The fields sit inside static boxes, which wx's own Tab navigation does not step through (on
    // GTK the focus is simply lost). Tab and Shift+Tab walk the same order as Enter instead.
    if (event.GetKeyCode() != WXK_TAB || event.ControlDown() || event.AltDown()) {
        event.Skip();
        return;
    }
    wxWindow* focus = FindFocus();
    while (focus && focus != this && std::find(m_order.begin(), m_order.end(), focus) == m_order.end())
        focus = focus->GetParent();
    const auto it = std::find(m_order.begin(), m_order.end(), focus);
    const bool back = event.ShiftDown();
    if (it == m_order.end() || (back && it == m_order.begin()) || (!back && it + 1 == m_order.end())) {
        event.Skip(); // into or out of the form: the window's usual navigation
        return;
    }
    focusField(back ? *(it - 1) : *(it + 1));
}

void AssessmentForm::focusNext(wxWindow* from)
{
    const auto it = std::find(m_order.begin(), m_order.end(), from);
    if (it == m_order.end() || it + 1 == m_order.end())
        return;
    focusField(*(it + 1));
}

void AssessmentForm::focusField(wxWindow* next)
{
    next->SetFocus();
    if (auto* text = dynamic_cast<wxTextCtrl*>(next))
        text->SelectAll(); // typing replaces the old value, as in a spreadsheet
}

std::vector<std::string> AssessmentForm::fieldOrder() const
{
    std::vector<std::string> paths;
    paths.reserve(m_order.size());
    for (const wxWindow* w : m_order)
        paths.push_back(fromWx(w->GetName()));
    return paths;
}

wxWindow* AssessmentForm::field(const std::string& path) const
{
    const auto it = m_fields.find(path);
    return it == m_fields.end() ? nullptr : it->second;
}

std::string AssessmentForm::value(const std::string& path) const
{
    if (path == "pain.areas") {
        std::string ids;
        for (const std::string& id : m_areaOrder)
            ids += (ids.empty() ? "" : ",") + id;
        return ids;
    }
    wxWindow* w = field(path);
    if (auto* text = dynamic_cast<wxTextCtrl*>(w))
        return fromWx(text->GetValue());
    if (auto* choice = dynamic_cast<wxChoice*>(w)) {
        const int sel = choice->GetSelection();
        const auto& ids = m_choiceIds.at(path);
        return sel >= 0 && static_cast<std::size_t>(sel) < ids.size() ? ids[static_cast<std::size_t>(sel)] : "";
    }
    if (auto* check = dynamic_cast<wxCheckBox*>(w))
        return check->GetValue() ? "1" : "";
    return {};
}

void AssessmentForm::setRaw(const std::string& path, const std::string& value)
{
    if (path == "pain.areas") {
        setAreas(value);
        return;
    }
    wxWindow* w = field(path);
    if (auto* text = dynamic_cast<wxTextCtrl*>(w)) {
        text->ChangeValue(toWx(value));
    } else if (auto* choice = dynamic_cast<wxChoice*>(w)) {
        const auto& ids = m_choiceIds.at(path);
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == value)
                choice->SetSelection(static_cast<int>(i));
    } else if (auto* check = dynamic_cast<wxCheckBox*>(w)) {
        check->SetValue(!value.empty());
    }
}

void AssessmentForm::setValue(const std::string& path, const std::string& value)
{
    setRaw(path, value);
    if (m_carried.count(path) && value.empty() && !precautionUnticked(path))
        return;
    changed();
}

bool AssessmentForm::isMarked(const std::string& path) const
{
    const auto it = m_marked.find(path);
    return it != m_marked.end() && it->second;
}

void AssessmentForm::changed()
{
    if (m_loading)
        return;
    updateRomColours();
    updateOutcomeScores();
    updateScreenBox();
    if (m_onChange)
        m_onChange();
}

void AssessmentForm::updateRomColours()
{
    for (const auto& entry : core::vocabulary<core::Movement>()) {
        const std::string id(entry.id);
        std::optional<int> values[2];
        for (core::Side side : core::kSides) {
            const std::string path = "rom." + sideId(side) + "." + id;
            std::vector<FieldProblem> ignored;
            values[side == core::Side::Left ? 0 : 1] = parseInt(path, value(path), ignored);
            if (isMarked(path))
                continue; // the problem colour wins
            auto* w = field(path);
            const auto& v = values[side == core::Side::Left ? 0 : 1];
            const bool below = v && *v < core::limitedBelow(m_norms, entry.value);
            if (m_below[path] != below || m_painted.count(path) == 0) {
                m_below[path] = below;
                m_painted.insert(path);
                w->SetBackgroundColour(below ? kBelowNormColour : wxNullColour);
                w->SetToolTip(below ? "Below the norm" : "");
                w->Refresh();
            }
        }
        auto* normText = m_normLabels[id];
        std::string text;
        if (core::norm(m_norms, entry.value))
            text = "≥ " + std::to_string(core::limitedBelow(m_norms, entry.value)) + "° (full " +
                   std::to_string(core::norm(m_norms, entry.value)->degrees) + "°)";
        const core::Range range = core::romRange(entry.value);
        const bool asymmetric = values[0] && values[1] && range.contains(*values[0]) && range.contains(*values[1]) &&
                                std::abs(*values[0] - *values[1]) >= core::asymmetryThreshold(entry.value);
        if (asymmetric)
            text += "   left/right differ by " + std::to_string(std::abs(*values[0] - *values[1])) + "°";
        if (const wxString label = toWx(text); normText->GetLabel() != label) {
            normText->SetLabel(label);
            normText->SetForegroundColour(asymmetric ? kAsymmetryText : wxNullColour);
        }
    }
}

wxString AssessmentForm::lefsSummary() const
{
    return m_lefsTotal->GetLabel();
}
wxString AssessmentForm::psfsSummary() const
{
    return m_psfsMean->GetLabel();
}

void AssessmentForm::updateOutcomeScores()
{
    // Only what can be read is scored; a value out of range is named here and marked at its field
    // (with the allowed range) by showProblems.
    std::string lefs;
    bool lefsProblem = false;
    {
        std::vector<std::optional<int>> items(core::kLefsItemCount);
        int filled = 0;
        std::string invalid;
        for (std::size_t i = 0; i < core::kLefsItemCount; ++i) {
            const std::string text = value(lefsPath(i));
            if (trimmed(text).empty())
                continue;
            ++filled;
            std::vector<FieldProblem> ignored;
            const auto v = parseInt(lefsPath(i), text, ignored);
            if (v && core::kLefsItemRange.contains(*v))
                items[i] = v;
            else
                invalid += (invalid.empty() ? "" : ", ") + std::to_string(i + 1);
        }
        const int count = static_cast<int>(core::kLefsItemCount);
        if (filled == 0) {
            lefs = "LEFS: not given (all items blank)";
        } else if (!invalid.empty()) {
            lefsProblem = true;
            lefs = "LEFS: cannot score yet: item " + invalid + " must be a whole number " +
                   core::rangeText(core::kLefsItemRange);
        } else if (const auto score = core::scoreLefs(items); !score) {
            lefsProblem = true;
            lefs = "LEFS: cannot score: more than " + std::to_string(core::kLefsMaxMissing) + " missing (" +
                   std::to_string(count - filled) + " of " + std::to_string(count) + " items blank)";
        } else if (score->prorated) {
            lefs = "LEFS total: " + std::to_string(score->total) + "/" + std::to_string(core::kLefsMaxTotal) +
                   "  (prorated: " + std::to_string(count - score->answered) + " missing, " +
                   std::to_string(score->answered) + " of " + std::to_string(count) + " answered)";
        } else {
            lefs = "LEFS total: " + std::to_string(score->total) + "/" + std::to_string(core::kLefsMaxTotal);
        }
    }
    std::string psfs;
    bool psfsProblem = false;
    {
        std::vector<core::PsfsItem> rows;
        std::string invalid;
        for (std::size_t row = 0; row < core::kPsfsMaxItems; ++row) {
            const std::string activity = trimmed(value(psfsPath(row, "activity")));
            const std::string scoreText = value(psfsPath(row, "score"));
            if (activity.empty() && trimmed(scoreText).empty())
                continue;
            std::vector<FieldProblem> ignored;
            const auto v = parseInt(psfsPath(row, "score"), scoreText, ignored);
            if (!trimmed(scoreText).empty() && !(v && core::kPsfsScoreRange.contains(*v)))
                invalid += (invalid.empty() ? "" : ", ") + std::to_string(row + 1);
            else
                rows.push_back({activity, v});
        }
        if (!invalid.empty()) {
            psfsProblem = true;
            psfs = "PSFS: cannot score yet: the score of activity " + invalid + " must be a whole number " +
                   core::rangeText(core::kPsfsScoreRange);
        } else if (const auto score = core::scorePsfs(rows); score) {
            psfs = "PSFS mean: " + decimal(score->mean) + "/10  (" + std::to_string(score->rated) + " of " +
                   std::to_string(rows.size()) + (rows.size() == 1 ? " activity" : " activities") + " rated)";
        } else {
            psfs = rows.empty() ? "PSFS: no activities yet" : "PSFS: no activity rated yet";
        }
    }
    bool relayout = false;
    for (auto [text, label, problem] :
         {std::tuple{&lefs, m_lefsTotal, lefsProblem}, std::tuple{&psfs, m_psfsMean, psfsProblem}}) {
        const wxString wanted = toWx(*text);
        if (label->GetLabel() == wanted)
            continue;
        label->SetLabel(wanted);
        label->SetForegroundColour(problem ? kAsymmetryText : wxNullColour);
        relayout = true;
    }
    if (relayout)
        Layout();
}

FormReading AssessmentForm::read(const core::Patient& patient, const core::Date& today) const
{
    FormReading r;
    auto& a = r.assessment;
    auto& problems = r.problems;
    a.patient = patient;
    auto number = [&](const std::string& path) { return parseInt(path, value(path), problems); };

    if (const std::string date = value("visit.date"); !date.empty()) {
        a.visit.date = core::Date::parse(date);
        if (!a.visit.date)
            problems.push_back({"visit.date", "visit.date: \"" + date + "\" is not a date (YYYY-MM-DD)"});
    }
    a.visit.clinician = value("visit.clinician");
    a.visit.affectedSide = core::fromId<core::AffectedSide>(value("visit.affected_side"));
    a.visit.complaint = value("visit.complaint");
    a.visit.notes = value("visit.notes");
    a.visit.impression = value("visit.impression");
    a.visit.plan = value("visit.plan");
    a.visit.goals = value("visit.goals");

    for (core::Side side : core::kSides) {
        for (const auto& entry : core::vocabulary<core::Movement>())
            if (auto v = number("rom." + sideId(side) + "." + std::string(entry.id)))
                a.rom[side][entry.value] = *v;
        for (const auto& entry : core::vocabulary<core::SpecialTest>()) {
            const std::string path = "tests." + sideId(side) + "." + std::string(entry.id);
            if (core::isAngleTest(entry.value)) {
                const bool legPain = !value(path + ".reproduces_leg_pain").empty();
                if (auto v = number(path))
                    a.tests[side][entry.value] = core::TestResult::degrees(*v, legPain);
                else if (legPain && trimmed(value(path)).empty())
                    problems.push_back({path, path + ": leg pain reproduced needs the angle at which it came on "
                                                     "(" + core::rangeText(core::testAngleRange(entry.value)) + ")"});
            } else if (const std::string v = value(path); v == "positive") {
                a.tests[side][entry.value] = core::TestResult::positive();
            } else if (v == "negative") {
                a.tests[side][entry.value] = core::TestResult::negative();
            }
        }
        for (const auto& entry : core::vocabulary<core::StrengthMuscle>())
            if (auto g = core::StrengthGrade::parse(value("strength." + sideId(side) + "." + std::string(entry.id))))
                a.strength[side][entry.value] = *g;
        a.endurance.sideBridgeHoldS[side] = number("endurance.side_bridge_hold_s." + sideId(side));
        a.balance.singleLegStanceS[side] = number("balance.single_leg_stance_s." + sideId(side));
    }
    a.balance.fallsPastYear = number("balance.falls_past_year");
    a.balance.painBeforeFalls = !value("balance.pain_before_falls").empty();
    for (const std::string& id : m_areaOrder)
        if (const auto area = painAreaFromId(id))
            a.pain.areas.push_back(*area);
    a.rotationPosition = core::fromId<core::RotationPosition>(value("rotation_position"));
    a.pain.nprsNow = number("pain.nprs_now");
    a.pain.nprsBest24h = number("pain.nprs_best_24h");
    a.pain.nprsWorst24h = number("pain.nprs_worst_24h");
    a.pain.irritability = core::fromId<core::Irritability>(value("pain.irritability"));
    a.endurance.plankHoldS = number("endurance.plank_hold_s");
    a.endurance.trunkFlexorHoldS = number("endurance.trunk_flexor_hold_s");
    a.endurance.trunkExtensorHoldS = number("endurance.trunk_extensor_hold_s");
    for (const auto& entry : core::vocabulary<core::RedFlag>())
        if (!value("red_flags." + std::string(entry.id)).empty())
            a.redFlags.insert(entry.value);
    a.redFlagsScreened = !a.redFlags.empty() || !value("red_flags_screened").empty();
    for (const auto& entry : core::vocabulary<core::Precaution>())
        if (!value("precautions." + std::string(entry.id)).empty())
            a.precautions.insert(entry.value);

    // Outcome questionnaires. The LEFS counts as given as soon as one item is filled in (then it has
    // all 20 entries, blanks as nothing); PSFS rows left wholly empty are skipped.
    std::vector<std::size_t> psfsRows; // the screen row of each stored activity
    {
        std::vector<std::optional<int>> lefs(core::kLefsItemCount);
        bool given = false;
        for (std::size_t i = 0; i < core::kLefsItemCount; ++i) {
            given = given || !trimmed(value(lefsPath(i))).empty();
            lefs[i] = number(lefsPath(i));
        }
        if (given)
            a.outcomes.lefs = std::move(lefs);
        for (std::size_t row = 0; row < core::kPsfsMaxItems; ++row) {
            const std::string activity = trimmed(value(psfsPath(row, "activity")));
            const std::string scoreText = trimmed(value(psfsPath(row, "score")));
            if (activity.empty() && scoreText.empty())
                continue;
            a.outcomes.psfs.push_back({activity, number(psfsPath(row, "score"))});
            psfsRows.push_back(row);
        }
    }

    // Range checks only make sense for what could be read at all.
    for (auto& problem : core::validate(a, today)) {
        // core numbers the stored activities; the form shows them on the row they were typed in.
        const std::string prefix = "outcomes.psfs[";
        if (problem.path.rfind(prefix, 0) == 0) {
            const std::size_t close = problem.path.find(']');
            const std::size_t index = std::strtoul(problem.path.c_str() + prefix.size(), nullptr, 10);
            if (close != std::string::npos && index < psfsRows.size()) {
                const std::string from = problem.path.substr(0, close + 1);
                const std::string to = prefix + std::to_string(psfsRows[index]) + "]";
                problem.path = to + problem.path.substr(close + 1);
                if (problem.message.rfind(from, 0) == 0)
                    problem.message = to + problem.message.substr(from.size());
            }
        }
        problems.push_back(std::move(problem));
    }
    return r;
}

void AssessmentForm::load(const core::Assessment& a)
{
    m_loading = true;
    for (const auto& [path, w] : m_fields)
        setRaw(path, "");
    if (a.visit.date)
        setRaw("visit.date", a.visit.date->iso());
    setRaw("visit.clinician", a.visit.clinician);
    if (a.visit.affectedSide)
        setRaw("visit.affected_side", std::string(core::toId(*a.visit.affectedSide)));
    setRaw("visit.complaint", a.visit.complaint);
    setRaw("visit.notes", a.visit.notes);
    setRaw("visit.impression", a.visit.impression);
    setRaw("visit.plan", a.visit.plan);
    setRaw("visit.goals", a.visit.goals);
    auto setInt = [&](const std::string& path, const std::optional<int>& v) {
        if (v)
            setRaw(path, std::to_string(*v));
    };
    for (core::Side side : core::kSides) {
        for (const auto& [movement, degrees] : a.rom[side])
            setRaw("rom." + sideId(side) + "." + std::string(core::toId(movement)), std::to_string(degrees));
        for (const auto& [test, result] : a.tests[side]) {
            const std::string path = "tests." + sideId(side) + "." + std::string(core::toId(test));
            if (result.measured()) {
                setRaw(path, std::to_string(*result.measured()));
                if (result.reproducesLegPain)
                    setRaw(path + ".reproduces_leg_pain", "1");
            }
            else
                setRaw(path, result.isPositive() ? "positive" : "negative");
        }
        for (const auto& [muscle, grade] : a.strength[side])
            setRaw("strength." + sideId(side) + "." + std::string(core::toId(muscle)), grade.text());
        setInt("endurance.side_bridge_hold_s." + sideId(side), a.endurance.sideBridgeHoldS[side]);
        setInt("balance.single_leg_stance_s." + sideId(side), a.balance.singleLegStanceS[side]);
    }
    setInt("balance.falls_past_year", a.balance.fallsPastYear);
    setRaw("balance.pain_before_falls", a.balance.painBeforeFalls ? "1" : "");
    {
        std::string ids;
        for (const core::PainArea& area : a.pain.areas)
            ids += (ids.empty() ? "" : ",") + painAreaId(area);
        setRaw("pain.areas", ids);
    }
    if (a.rotationPosition)
        setRaw("rotation_position", std::string(core::toId(*a.rotationPosition)));
    setInt("pain.nprs_now", a.pain.nprsNow);
    setInt("pain.nprs_best_24h", a.pain.nprsBest24h);
    setInt("pain.nprs_worst_24h", a.pain.nprsWorst24h);
    if (a.pain.irritability)
        setRaw("pain.irritability", std::string(core::toId(*a.pain.irritability)));
    setInt("endurance.plank_hold_s", a.endurance.plankHoldS);
    setInt("endurance.trunk_flexor_hold_s", a.endurance.trunkFlexorHoldS);
    setInt("endurance.trunk_extensor_hold_s", a.endurance.trunkExtensorHoldS);
    for (core::RedFlag flag : a.redFlags)
        setRaw("red_flags." + std::string(core::toId(flag)), "1");
    setRaw("red_flags_screened", a.redFlagsScreened && a.redFlags.empty() ? "1" : "");
    for (core::Precaution p : a.precautions)
        setRaw("precautions." + std::string(core::toId(p)), "1");
    for (std::size_t i = 0; i < a.outcomes.lefs.size() && i < core::kLefsItemCount; ++i)
        setInt(lefsPath(i), a.outcomes.lefs[i]);
    for (std::size_t i = 0; i < a.outcomes.psfs.size() && i < core::kPsfsMaxItems; ++i) {
        setRaw(psfsPath(i, "activity"), a.outcomes.psfs[i].activity);
        setInt(psfsPath(i, "score"), a.outcomes.psfs[i].score);
    }
    m_loading = false;
    updateRomColours();
    updateOutcomeScores();
    updateScreenBox();
}

void AssessmentForm::showPrevious(const core::Assessment& previous)
{
    // The previous values, by field, through the same filling code as load(); then back to what
    // the form held (the draft format round-trips every field).
    const std::string typed = formText();
    load(previous);
    std::vector<std::pair<wxTextCtrl*, std::string>> hints;
    for (const auto& [path, w] : m_fields) {
        auto* text = dynamic_cast<wxTextCtrl*>(w);
        // Numbers only: dates, names and free text are not findings to compare.
        const bool number = path.starts_with("rom.") || path.starts_with("pain.") ||
                            path.starts_with("endurance.") || path.starts_with("balance.") ||
                            path.starts_with("outcomes.lefs[") ||
                            (path.starts_with("outcomes.psfs[") && path.ends_with(".score"));
        if (text && number && !text->GetValue().empty())
            hints.emplace_back(text, "(" + fromWx(text->GetValue()) + ")"); // fits the narrowest box
    }
    setFormText(typed);
    for (const auto& [text, hintText] : hints)
        text->SetHint(toWx(hintText));
}

std::string AssessmentForm::hint(const std::string& path) const
{
    if (const auto* text = dynamic_cast<const wxTextCtrl*>(field(path)))
        return fromWx(text->GetHint());
    return {};
}

std::string AssessmentForm::formText() const
{
    std::string out;
    for (const auto& [path, w] : m_fields)
        if (const std::string v = value(path); !v.empty())
            out += path + "\t" + escape(v) + "\n";
    return out;
}

void AssessmentForm::setFormText(const std::string& text)
{
    m_loading = true;
    for (const auto& [path, w] : m_fields)
        setRaw(path, "");
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos && m_fields.count(line.substr(0, tab)))
            setRaw(line.substr(0, tab), unescape(line.substr(tab + 1)));
    }
    m_loading = false;
    updateRomColours();
    updateOutcomeScores();
    updateScreenBox();
}

void AssessmentForm::setAreas(const std::string& ids)
{
    m_areaOrder.clear();
    std::stringstream in(ids);
    std::string id;
    while (std::getline(in, id, ',')) {
        id = trimmed(id);
        const auto area = painAreaFromId(id);
        if (!area || std::find(m_areaOrder.begin(), m_areaOrder.end(), id) != m_areaOrder.end())
            continue;
        // An area the chart does not draw (e.g. from an imported file) still gets its row.
        if (std::find(m_areaRows.begin(), m_areaRows.end(), id) == m_areaRows.end()) {
            wxString text = toWx(painAreaText(*area));
            text[0] = wxToupper(text[0]);
            m_areaList->Append(text);
            m_areaRows.push_back(id);
        }
        m_areaOrder.push_back(id);
    }
    syncAreas();
}

void AssessmentForm::toggleArea(const core::PainArea& area)
{
    const std::string id = painAreaId(area);
    const auto it = std::find(m_areaOrder.begin(), m_areaOrder.end(), id);
    std::string ids = value("pain.areas");
    if (it == m_areaOrder.end())
        ids += (ids.empty() ? "" : ",") + id;
    else {
        std::vector<std::string> rest(m_areaOrder);
        rest.erase(rest.begin() + (it - m_areaOrder.begin()));
        ids.clear();
        for (const auto& r : rest)
            ids += (ids.empty() ? "" : ",") + r;
    }
    setValue("pain.areas", ids);
}

void AssessmentForm::syncAreas()
{
    std::vector<core::PainArea> areas;
    for (const std::string& id : m_areaOrder)
        if (const auto area = painAreaFromId(id))
            areas.push_back(*area);
    for (unsigned row = 0; row < m_areaRows.size(); ++row) {
        const bool chosen = std::find(m_areaOrder.begin(), m_areaOrder.end(), m_areaRows[row]) != m_areaOrder.end();
        if (m_areaList->IsChecked(row) != chosen)
            m_areaList->Check(row, chosen);
    }
    m_bodyChart->setChosen(areas);
    const wxString summary =
        areas.empty() ? toWx("Pain areas: none marked") : toWx("Pain areas: " + painAreasText(areas));
    if (m_areaSummary->GetLabel() != summary) {
        m_areaSummary->SetLabel(summary);
        m_areaSummary->Wrap(FromDIP(620));
    }
}

wxString AssessmentForm::painAreasSummary() const
{
    return m_areaSummary->GetLabel();
}

void AssessmentForm::updateScreenBox()
{
    // A ticked flag records the screen itself; "none" cannot stand beside it.
    bool anyFlag = false;
    for (const auto& entry : core::vocabulary<core::RedFlag>())
        anyFlag = anyFlag || !value("red_flags." + std::string(entry.id)).empty();
    auto* none = dynamic_cast<wxCheckBox*>(field("red_flags_screened"));
    if (anyFlag && none->GetValue())
        none->SetValue(false);
    if (none->IsEnabled() == anyFlag)
        none->Enable(!anyFlag);
}

void AssessmentForm::carryForwardPrecautions(const std::set<core::Precaution>& precautions,
                                             const std::optional<core::Date>& from)
{
    m_carried.clear();
    m_carriedFrom = from ? from->iso() : std::string("the last visit");
    const bool loading = m_loading;
    m_loading = true;
    for (core::Precaution precaution : precautions) {
        // acute_high_irritability is judged afresh from today's pain, never carried.
        if (precaution == core::Precaution::AcuteHighIrritability)
            continue;
        const std::string path = "precautions." + std::string(core::toId(precaution));
        setRaw(path, "1");
        m_carried[path] = std::string(core::label(precaution));
        if (auto* check = dynamic_cast<wxCheckBox*>(field(path)))
            check->SetLabel(headingCase(core::label(precaution)) + toWx("  (carried forward)"));
    }
    m_loading = loading;
    updateCarriedLabel();
}

bool AssessmentForm::isCarriedForward(const std::string& path) const
{
    return m_carried.count(path) > 0 && !value(path).empty();
}

wxString AssessmentForm::carriedForwardText() const
{
    return m_carriedLabel->IsShown() ? m_carriedLabel->GetLabel() : wxString();
}

void AssessmentForm::updateCarriedLabel()
{
    std::string names;
    for (const auto& [path, name] : m_carried)
        names += (names.empty() ? "" : ", ") + name;
    m_carriedLabel->SetLabel(names.empty() ? wxString()
                                           : toWx("Carried forward from " + m_carriedFrom + ": " + names +
                                                  ". Untick one only with a reason (it goes into the notes)."));
    m_carriedLabel->Wrap(FromDIP(620));
    m_carriedLabel->Show(!names.empty());
    Layout();
    FitInside();
}

bool AssessmentForm::precautionUnticked(const std::string& path)
{
    const std::string name = m_carried.at(path);
    wxString reason;
    if (m_ask)
        reason = m_ask(headingCase(name) + toWx(" was carried forward from " + m_carriedFrom +
                                                 ". Why does it no longer apply?\n\nThe reason is kept in the "
                                                 "visit notes."),
                       wxString());
    reason.Trim().Trim(false);
    if (reason.empty()) {
        setRaw(path, "1"); // no reason, no change: a forgotten hip precaution is the costly mistake
        return false;
    }
    std::string notes = value("visit.notes");
    if (!notes.empty() && notes.back() != '\n')
        notes += "\n";
    notes += "Precaution no longer applies: " + name + " (carried forward from " + m_carriedFrom +
             "): " + fromWx(reason);
    setRaw("visit.notes", notes);
    m_carried.erase(path);
    if (auto* check = dynamic_cast<wxCheckBox*>(field(path)))
        if (const auto precaution = core::fromId<core::Precaution>(path.substr(std::string("precautions.").size())))
            check->SetLabel(headingCase(core::label(*precaution)));
    updateCarriedLabel();
    return true;
}

void AssessmentForm::showProblems(const std::vector<FieldProblem>& problems)
{
    if (problems == m_lastProblems)
        return; // the marks are already right
    m_lastProblems = problems;
    for (auto& [path, marked] : m_marked) {
        if (!marked)
            continue;
        marked = false;
        m_painted.erase(path); // its below-norm colour must be painted again
        if (auto* w = field(path)) {
            w->SetBackgroundColour(wxNullColour);
            w->SetToolTip("");
            w->Refresh();
        }
    }
    wxString list;
    for (const auto& problem : problems) {
        list << toWx(problem.message) << "\n";
        if (auto* w = field(problem.path)) {
            m_marked[problem.path] = true;
            w->SetBackgroundColour(kProblemColour);
            w->SetToolTip(toWx(problem.message));
            w->Refresh();
        }
    }
    updateRomColours();
    list.Trim();
    if (m_problemList->GetLabel() != list) {
        m_problemList->SetLabel(list.empty() ? wxString() : toWx("Cannot be saved yet:\n") + list);
        Layout();
        FitInside();
    }
}

} // namespace hiprx::app
