// SPDX-License-Identifier: GPL-3.0-or-later
//
// Patient → History…: the timeline of visits with each measure's change and verdict, the alerts,
// a chart per movement (both sides against the norm band), pain, LEFS and PSFS, and every program
// issued, reprintable exactly as it was given (the stored PDF bytes). From here the therapist writes
// the progress report and asks for the next program, stepped from the last one.
#pragma once

#include "core/branding.h"
#include "core/exercise.h"
#include "core/progress.h"
#include "core/progression.h"
#include "render/page_template.h"
#include "store/repositories.h"

#include <wx/panel.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

class wxListCtrl;
class wxListEvent;
class wxScrolledWindow;
class wxStaticText;

namespace hiprx::app {

class ChartView;

/// What the history needs besides the database; defaults suit a test.
struct HistoryOptions {
    core::NormSet norms = core::kDefaultNormSet;
    render::PageSize pageSize = render::PageSize::A4;
    core::Branding branding;
    core::DateFormat dateFormat = core::kDefaultDateFormat; ///< of the progress report
    /// The library the next program's harder/easier exercises come from; null disables the button.
    const core::ExerciseLibrary* library = nullptr;
    /// Called with the suggested next program when the therapist accepts it, and the visit it
    /// belongs to: the latest visit when no program was issued at it yet (the follow-up just
    /// recorded), else 0 for a new visit. Null hides the button.
    std::function<void(const core::NextProgram&, std::int64_t visitId)> startNextVisit;
};

class HistoryPanel : public wxPanel {
public:
    /// Reads the patient's visits and programs. Throws StorageError when they cannot be read.
    HistoryPanel(wxWindow* parent, store::Database& db, std::int64_t patientId, HistoryOptions options = {});

    const core::History& history() const noexcept { return m_history; }
    const std::vector<store::IssuedProgram>& programs() const noexcept { return m_programs; }
    /// Rows of the visit timeline and of the programs list.
    int visitRows() const;
    int programRows() const;
    /// The chart windows (one per chart with data).
    const std::vector<ChartView*>& charts() const noexcept { return m_charts; }

    /// Shows the measures and alerts of one visit (index into history().visits).
    void selectVisit(std::size_t index);
    /// Rows in the selected visit's measure list.
    int measureRows() const;
    /// The selected visit's findings that are not measures, in words: pain areas, balance and the
    /// red-flag screen.
    wxString findingsText() const;
    /// The measure list itself (tests: column widths).
    const wxListCtrl* measureList() const { return m_measures; }

    /// File names offered when saving: "<patient> - home program - <visit date>.pdf" (with the
    /// version from the second), "<patient> - progress report - <latest visit date>.pdf".
    std::string reprintFileName(std::size_t index) const;
    std::string reportFileName() const;
    /// Writes the stored PDF of programs()[index] to `file`, byte for byte. Throws on write errors.
    void reprint(std::size_t index, const std::filesystem::path& file) const;
    /// Renders the one-page progress report at the latest visit to `file`. Throws RenderError.
    void writeProgressReport(const std::filesystem::path& file) const;
    /// The next program from the last one issued, stepped as core::suggestStep says; nothing when no
    /// program was issued or no library was given.
    std::optional<core::NextProgram> suggestNextProgram() const;
    /// The visit the next program belongs to: the latest visit when it has no program issued yet
    /// (the follow-up just recorded), else 0 (a new visit).
    std::int64_t nextProgramVisit() const;
    /// Hands the suggested next program to HistoryOptions::startNextVisit and closes the history
    /// dialog around the panel, if any (the new visit opens in the main window). False when there is
    /// no suggestion or no callback.
    bool startNextVisit();

private:
    void fillTimeline();
    void fillPrograms();
    void buildCharts();
    void onReprint();
    void onReport();
    void onNextProgram();

    store::Database& m_db;
    std::int64_t m_patientId;
    HistoryOptions m_options;
    core::Patient m_patient;
    core::History m_history;
    std::vector<store::IssuedProgram> m_programs;

    wxListCtrl* m_visits = nullptr;
    wxListCtrl* m_measures = nullptr;
    wxStaticText* m_alerts = nullptr;
    wxStaticText* m_findings = nullptr;
    std::map<std::int64_t, core::Assessment> m_assessments; ///< by visit id
    wxListCtrl* m_programList = nullptr;
    wxScrolledWindow* m_chartArea = nullptr;
    std::vector<ChartView*> m_charts;
};

/// What Next program… shows before a visit starts from it: the step and why, each exercise's
/// change, what was dropped or left out by the safety screen and why, and the warnings.
/// Ids are said in words (exercise ids by their names when `library` is given).
std::string nextProgramText(const core::NextProgram& next, const core::ExerciseLibrary* library = nullptr);

/// A resizable dialog around a HistoryPanel (what Patient → History… opens); modal.
void showHistoryDialog(wxWindow* parent, store::Database& db, std::int64_t patientId,
                       HistoryOptions options = {});

} // namespace hiprx::app
