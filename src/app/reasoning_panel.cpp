// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/reasoning_panel.h"
#include "app/assessment_words.h"
#include "app/wx_text.h"

#include "core/screen.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/settings.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace hiprx::app {

namespace {

std::string sideText(const std::optional<core::Side>& side)
{
    return side ? " " + std::string(core::label(*side)) : std::string();
}

} // namespace

ReasoningPanel::ReasoningPanel(wxWindow* parent) : wxPanel(parent)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, "Reasoning");
    heading->SetFont(heading->GetFont().Scaled(1.2f).Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(6)));

    m_banner = new wxPanel(this);
    auto* bannerSizer = new wxBoxSizer(wxVERTICAL);
    m_bannerText = new wxStaticText(m_banner, wxID_ANY, "");
    m_bannerText->SetFont(m_bannerText->GetFont().Bold());
    bannerSizer->Add(m_bannerText, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    m_banner->SetSizer(bannerSizer);
    m_banner->Hide();
    sizer->Add(m_banner, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));

    m_text = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(340), -1),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP);
    m_text->SetName("reasoning.text");
    sizer->Add(m_text, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    SetSizer(sizer);
}

void ReasoningPanel::show(const core::Analysis& analysis, const core::Program& program, std::size_t problems)
{
    // Most keystrokes change nothing here; redrawing rich text is the costly part of a refresh.
    if (m_shown && m_analysis == analysis && m_excluded == program.excluded && m_problems == problems)
        return;
    m_shown = true;
    m_analysis = analysis;
    m_excluded = program.excluded;
    m_problems = problems;
    // Banner: the highest referral level with what the clinician should do.
    const auto level = analysis.referral.level;
    if (level == core::Urgency::None) {
        m_banner->Hide();
        m_bannerText->SetLabel("");
    } else {
        wxString text;
        if (level == core::Urgency::Emergency)
            text = "EMERGENCY REFERRAL: exercises are withheld.\n";
        else if (level == core::Urgency::Urgent)
            text = "URGENT REFERRAL: issuing needs your acknowledgement.\n";
        else
            text = "Routine referral suggested.\n";
        for (const auto& w : analysis.referral.warnings)
            text << toWx("• " + w.clinicianText) << "\n";
        text.Trim();
        const wxColour bg = level == core::Urgency::Emergency ? wxColour(183, 28, 28)
                            : level == core::Urgency::Urgent  ? wxColour(230, 81, 0)
                                                              : wxColour(255, 236, 179);
        m_banner->SetBackgroundColour(bg);
        m_bannerText->SetForegroundColour(level == core::Urgency::Routine ? *wxBLACK : *wxWHITE);
        m_bannerText->SetLabel(text);
        m_bannerText->Wrap(GetClientSize().x > FromDIP(100) ? GetClientSize().x - FromDIP(28) : FromDIP(320));
        m_banner->Show();
    }

    m_text->Freeze();
    m_text->Clear();
    // Every style names its colour: an attribute without one keeps the previous text's colour.
    wxTextAttr normal(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    normal.SetFontWeight(wxFONTWEIGHT_NORMAL);
    wxTextAttr heading(normal);
    heading.SetFontWeight(wxFONTWEIGHT_BOLD);
    wxTextAttr muted(normal);
    muted.SetTextColour(wxColour(90, 90, 90));
    wxTextAttr warn(normal);
    warn.SetTextColour(wxColour(183, 28, 28));
    auto write = [&](const wxTextAttr& style, const wxString& text) {
        m_text->SetDefaultStyle(style);
        m_text->AppendText(text);
    };

    if (problems > 0)
        write(warn, wxString::Format("%zu field(s) need correcting; the reasoning uses the rest.\n\n", problems));

    // The red-flag screen: a negative screen is shown as such, and a screen never done is not "none".
    if (analysis.referral.warnings.empty())
        write(analysis.referral.screened ? normal : warn,
              analysis.referral.screened ? toWx("Red flags screened: none.\n\n")
                                         : toWx("Red flags not screened yet: ask about them, then tick "
                                                "\"Red flags screened: none\" or the flags found.\n\n"));

    write(heading, "Impairments\n");
    if (analysis.impairments.empty())
        write(muted, "None found from the findings so far.\n");
    for (const auto& imp : analysis.impairments) {
        write(heading, toWx(std::string(core::label(imp.kind)) + " " + std::string(core::label(imp.muscle)) +
                            sideText(imp.side)) + "\n");
        for (const auto& e : imp.evidence)
            write(normal, toWx("   • " + idsInWords(e)) + "\n");
        if (!imp.rules.empty()) {
            // The rule's reasoning in words; its id is in the plan JSON and `hiprx-cli rules`.
            std::string why;
            if (const auto* info = core::findRule(imp.rules.front()))
                why = std::string(info->rationale);
            else
                why = imp.rationale;
            if (!why.empty())
                write(muted, toWx("   why: " + idsInWords(why)) + "\n");
        }
    }

    write(heading, toWx("\nIrritability: " + std::string(core::label(analysis.irritability))) + "\n");
    for (const auto& b : analysis.irritabilityBasis)
        write(muted, toWx("   • " + idsInWords(b)) + "\n");

    if (!analysis.precautions.empty()) {
        write(heading, "\nPrecautions\n");
        for (core::Precaution p : analysis.precautions)
            write(normal, toWx("   • " + std::string(core::label(p))) + "\n");
    }
    if (!analysis.notes.empty()) {
        write(heading, "\nNotes\n");
        for (const auto& n : analysis.notes) {
            write(normal, toWx("   • " + idsInWords(n.text)) + "\n");
        }
    }
    if (!analysis.cautions.empty()) {
        write(heading, "\nCautions from findings\n");
        for (const auto& c : analysis.cautions) {
            // What the finding rules out, in words: "avoid hip flexion past 90° and …".
            std::string avoid;
            std::size_t n = 0;
            for (core::MovementDemand d : c.avoid)
                avoid += (n++ == 0 ? "" : n == c.avoid.size() ? " and " : ", ") + std::string(core::label(d));
            write(normal, toWx("   • " + idsInWords(c.reason) + (avoid.empty() ? std::string() : ": avoid " + avoid)) +
                              "\n");
        }
    }

    write(heading, "\nExcluded exercises\n");
    if (program.excluded.empty())
        write(muted, "None.\n");
    // One line per exercise, every cause in words ("risk of falling forbids kneeling; …").
    std::vector<std::pair<std::string, std::vector<core::Exclusion>>> byExercise;
    for (const auto& ex : program.excluded) {
        auto it = std::find_if(byExercise.begin(), byExercise.end(),
                               [&](const auto& e) { return e.second.front().exerciseId == ex.exerciseId; });
        if (it == byExercise.end())
            byExercise.push_back({ex.name, {ex}});
        else
            it->second.push_back(ex);
    }
    for (const auto& [name, exclusions] : byExercise)
        write(normal, toWx("   • " + name + ": " + idsInWords(core::exclusionText(exclusions))) + "\n");
    m_text->SetDefaultStyle(normal);
    m_text->ShowPosition(0);
    m_text->Thaw();
    Layout();
}

wxString ReasoningPanel::bannerText() const { return m_banner->IsShown() ? m_bannerText->GetLabel() : wxString(); }
wxString ReasoningPanel::reasoningText() const { return m_text->GetValue(); }

} // namespace hiprx::app
