// SPDX-License-Identifier: GPL-3.0-or-later
//
// The assessment form of one visit: every finding as a keyboard-friendly field, each named by its
// exchange-format path (rom.left.hip_flexion), so problems from core::validate land on the field.
// The LEFS items are shown by number only: its licence for software use is not verified (clinical
// use is not confirmed, see db/SOURCES.md), so the clinician scores the patient's own licensed form and types the answers here.
#pragma once

#include "core/assessment.h"
#include "core/norms.h"

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

class wxCheckListBox;
class wxKeyEvent;
class wxStaticText;

namespace hiprx::app {

class BodyChart;

/// What the form holds, read into an Assessment, with every problem (unreadable text and
/// core::validate's range checks). The assessment may be used only when `problems` is empty.
struct FormReading {
    core::Assessment assessment;
    std::vector<FieldProblem> problems;
};

class AssessmentForm : public wxScrolledWindow {
public:
    AssessmentForm(wxWindow* parent, core::NormSet norms);

    /// Reads every field for `patient`; `today` bounds dates.
    FormReading read(const core::Patient& patient, const core::Date& today) const;
    /// Fills the fields from a stored assessment (no change notification).
    void load(const core::Assessment& assessment);
    /// For a follow-up visit: every number box shows the previous visit's value as a grey hint
    /// ("(105)") while staying empty, so findings are measured afresh but compared at a glance.
    void showPrevious(const core::Assessment& previous);
    /// The grey hint of a field ("" when none).
    std::string hint(const std::string& path) const;

    /// The raw text of every field ("path<TAB>value" lines), kept as a draft even when invalid.
    std::string formText() const;
    /// Restores fields from formText() (unknown paths are ignored).
    void setFormText(const std::string& text);

    /// Marks each problem at its field (colour, tooltip) and lists them at the top; clears old marks.
    void showProblems(const std::vector<FieldProblem>& problems);
    /// Called after every edit.
    void setOnChange(std::function<void()> onChange) { m_onChange = std::move(onChange); }

    /// The control of a path, or null (tests and focus).
    wxWindow* field(const std::string& path) const;
    /// Every field's path in the order Enter walks them (which is also the Tab order).
    std::vector<std::string> fieldOrder() const;
    /// The raw value of a field ("" when empty or unknown).
    std::string value(const std::string& path) const;
    /// Sets a field as if the user had entered it, then notifies.
    void setValue(const std::string& path, const std::string& value);
    /// True when the field is marked as a problem.
    bool isMarked(const std::string& path) const;

    /// The live LEFS line under the items ("LEFS total 52/80", prorated or "cannot score" notes).
    wxString lefsSummary() const;
    /// The live PSFS line under the activities ("PSFS mean 4.5/10 from 2 activities").
    wxString psfsSummary() const;

    /// The body chart (field `pain.areas`; its keyboard twin is the checklist beside it, which is
    /// the field's control). Clicking an area toggles it as toggleArea does.
    BodyChart* bodyChart() const { return m_bodyChart; }
    /// Toggles one pain area as a click on the chart or a tick in the checklist would, then notifies.
    void toggleArea(const core::PainArea& area);
    /// The line under the chart naming the chosen areas in words.
    wxString painAreasSummary() const;

    /// For a follow-up visit: ticks the previous visit's precautions and marks them as carried
    /// forward from `from` (no change notification). Unticking one of them asks why (setAsk); the
    /// answer is added to the visit notes, and without an answer the precaution stays ticked.
    void carryForwardPrecautions(const std::set<core::Precaution>& precautions, const std::optional<core::Date>& from);
    /// True when the precaution field (`precautions.<id>`) was carried forward and is still ticked.
    bool isCarriedForward(const std::string& path) const;
    /// The "Carried forward from …" line of the precautions ("" when none).
    wxString carriedForwardText() const;
    /// How the form asks for a line of text (question, suggestion); empty = cancelled.
    void setAsk(std::function<wxString(const wxString&, const wxString&)> ask) { m_ask = std::move(ask); }

private:
    void addText(wxWindow* parent, wxSizer* sizer, const std::string& path, int widthDip, long style = 0);
    /// Widens a text field, when needed, so that `widest` (e.g. last visit's "(10)" shown grey in
    /// the empty box) shows whole instead of as "…".
    static void fitText(wxWindow* field, const wxString& widest);
    void addChoice(wxWindow* parent, wxSizer* sizer, const std::string& path,
                   std::vector<std::pair<std::string, wxString>> options);
    void addCheck(wxWindow* parent, wxSizer* sizer, const std::string& path, const wxString& label);
    void setRaw(const std::string& path, const std::string& value);
    void changed();
    void focusNext(wxWindow* from);
    void focusField(wxWindow* field);
    void onCharHook(wxKeyEvent& event);
    void updateRomColours();
    void updateOutcomeScores();
    void setAreas(const std::string& ids);
    void syncAreas();
    void redFlagTicked(const std::string& path);
    /// A carried-forward precaution was unticked: asks why; false (and ticks it again) when no
    /// reason was given.
    bool precautionUnticked(const std::string& path);
    void updateCarriedLabel();
    void updateScreenBox();

    core::NormSet m_norms;
    std::map<std::string, wxWindow*> m_fields;
    std::vector<wxWindow*> m_order; ///< fields in tab order, for Enter
    std::map<std::string, std::vector<std::string>> m_choiceIds;
    std::map<std::string, wxStaticText*> m_normLabels; ///< by movement id
    std::map<std::string, bool> m_marked;
    std::map<std::string, bool> m_below;  ///< ROM fields painted as below the norm
    std::set<std::string> m_painted;      ///< ROM fields whose colour reflects m_below
    std::vector<FieldProblem> m_lastProblems;
    wxStaticText* m_problemList = nullptr;
    wxStaticText* m_lefsTotal = nullptr;
    wxStaticText* m_psfsMean = nullptr;
    std::function<void()> m_onChange;
    std::function<wxString(const wxString&, const wxString&)> m_ask;
    bool m_loading = false;

    BodyChart* m_bodyChart = nullptr;
    wxCheckListBox* m_areaList = nullptr;  ///< the field `pain.areas`
    wxStaticText* m_areaSummary = nullptr;
    std::vector<std::string> m_areaRows;  ///< the area id of each checklist row
    std::vector<std::string> m_areaOrder; ///< the chosen area ids, in the order marked

    std::map<std::string, std::string> m_carried; ///< precaution path → its label, while carried forward
    std::string m_carriedFrom;                    ///< the date they came from
    wxStaticText* m_carriedLabel = nullptr;
};

} // namespace hiprx::app
