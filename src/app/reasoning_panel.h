// SPDX-License-Identifier: GPL-3.0-or-later
//
// The reasoning beside the form, refreshed on every change: the referral banner, each impairment
// with its evidence and rule (and the rule's rationale), and the exercises a precaution excluded.
#pragma once

#include "core/analysis.h"
#include "core/program.h"

#include <wx/panel.h>

class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class ReasoningPanel : public wxPanel {
public:
    explicit ReasoningPanel(wxWindow* parent);

    /// Shows the analysis of the current findings and the exclusions of the suggested program.
    /// `problems` > 0 says the findings cannot be saved yet (the analysis then uses what is valid).
    void show(const core::Analysis& analysis, const core::Program& program, std::size_t problems);

    /// The banner's text ("" when hidden) and the whole reasoning text (tests).
    wxString bannerText() const;
    wxString reasoningText() const;

private:
    wxPanel* m_banner = nullptr;
    wxStaticText* m_bannerText = nullptr;
    wxTextCtrl* m_text = nullptr;
    bool m_shown = false;
    core::Analysis m_analysis;
    std::vector<core::Exclusion> m_excluded;
    std::size_t m_problems = 0;
};

} // namespace hiprx::app
