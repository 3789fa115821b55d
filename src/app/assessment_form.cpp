// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/assessment_form.h"
#include "app/wx_text.h"

#include "core/referral_rules.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sstream>

namespace hiprx::app {

namespace {

const wxColour kProblemColour(255, 205, 210);  // light red: cannot be saved
const wxColour kBelowNormColour(255, 224, 178); // light orange: limited range
const wxColour kAsymmetryText(183, 28, 28);

std::string sideId(core::Side side) { return std::string(core::toId(side)); }

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
        label(p, row, "best 24 h");
        addText(p, row, "pain.nprs_best_24h", 40);
        label(p, row, "worst 24 h");
        addText(p, row, "pain.nprs_worst_24h", 40);
        label(p, row, "Irritability");
        addChoice(p, row, "pain.irritability", vocabularyOptions<core::Irritability>(toWx("judge from pain")));
        box->Add(row, wxSizerFlags().Border(wxALL, gap));
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
                if (angle)
                    addText(p, grid, path, 60);
                else
                    addChoice(p, grid, path, {{"", toWx("—")}, {"positive", "positive"}, {"negative", "negative"}});
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

    // Red flags, most urgent group first.
    {
        auto* box = section("Red flags");
        auto* p = box->GetStaticBox();
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

    SetSizer(page);
    FitInside();
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
    m_order.push_back(choice);
}

void AssessmentForm::addCheck(wxWindow* parent, wxSizer* sizer, const std::string& path, const wxString& label)
{
    auto* check = new wxCheckBox(parent, wxID_ANY, label);
    check->SetName(toWx(path));
    m_fields[path] = check;
    sizer->Add(check);
    check->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { changed(); });
    m_order.push_back(check);
}

void AssessmentForm::focusNext(wxWindow* from)
{
    const auto it = std::find(m_order.begin(), m_order.end(), from);
    if (it == m_order.end() || it + 1 == m_order.end())
        return;
    wxWindow* next = *(it + 1);
    next->SetFocus();
    if (auto* text = dynamic_cast<wxTextCtrl*>(next))
        text->SelectAll(); // typing replaces the old value, as in a spreadsheet
}

wxWindow* AssessmentForm::field(const std::string& path) const
{
    const auto it = m_fields.find(path);
    return it == m_fields.end() ? nullptr : it->second;
}

std::string AssessmentForm::value(const std::string& path) const
{
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

    for (core::Side side : core::kSides) {
        for (const auto& entry : core::vocabulary<core::Movement>())
            if (auto v = number("rom." + sideId(side) + "." + std::string(entry.id)))
                a.rom[side][entry.value] = *v;
        for (const auto& entry : core::vocabulary<core::SpecialTest>()) {
            const std::string path = "tests." + sideId(side) + "." + std::string(entry.id);
            if (core::isAngleTest(entry.value)) {
                if (auto v = number(path))
                    a.tests[side][entry.value] = core::TestResult::degrees(*v);
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
    }
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
    for (const auto& entry : core::vocabulary<core::Precaution>())
        if (!value("precautions." + std::string(entry.id)).empty())
            a.precautions.insert(entry.value);

    // Range checks only make sense for what could be read at all.
    for (auto& problem : core::validate(a, today))
        problems.push_back(std::move(problem));
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
    auto setInt = [&](const std::string& path, const std::optional<int>& v) {
        if (v)
            setRaw(path, std::to_string(*v));
    };
    for (core::Side side : core::kSides) {
        for (const auto& [movement, degrees] : a.rom[side])
            setRaw("rom." + sideId(side) + "." + std::string(core::toId(movement)), std::to_string(degrees));
        for (const auto& [test, result] : a.tests[side]) {
            const std::string path = "tests." + sideId(side) + "." + std::string(core::toId(test));
            if (result.measured())
                setRaw(path, std::to_string(*result.measured()));
            else
                setRaw(path, result.isPositive() ? "positive" : "negative");
        }
        for (const auto& [muscle, grade] : a.strength[side])
            setRaw("strength." + sideId(side) + "." + std::string(core::toId(muscle)), grade.text());
        setInt("endurance.side_bridge_hold_s." + sideId(side), a.endurance.sideBridgeHoldS[side]);
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
    for (core::Precaution p : a.precautions)
        setRaw("precautions." + std::string(core::toId(p)), "1");
    m_loading = false;
    updateRomColours();
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
