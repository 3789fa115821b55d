// SPDX-License-Identifier: GPL-3.0-or-later
//
// The program builder: the suggested program, edited by the therapist (add from the library,
// remove, reorder, side, every dose field, notes), with warnings from core::reviewProgram and dose
// problems from core::validateProgram. Locked while an emergency referral withholds exercises.
#pragma once

#include "core/analysis.h"
#include "core/exercise.h"
#include "core/program.h"
#include "core/screen.h"
#include "render/figure_drawer.h"
#include "store/database.h"

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class FigurePanel;
class LibraryBrowser;

/// The side an exercise added by hand is for: none when it is not done per leg; the visit's
/// affected side when recorded; otherwise the one side of the findings among its target muscles,
/// or both sides.
core::ExerciseSide defaultSide(const core::Exercise& exercise, std::optional<core::AffectedSide> affected,
                               const core::Analysis& analysis);

class ProgramBuilder : public wxPanel {
public:
    /// The libraries and the database must outlive the builder.
    ProgramBuilder(wxWindow* parent, const core::ExerciseLibrary& library, const render::FigureDrawer& figures,
                   store::Database& db);
    LibraryBrowser* browser() const { return m_browser; }

    /// The analysis the program is for: precautions for adding, emergency lock, review warnings.
    void setAnalysis(const core::Analysis& analysis);
    /// The visit's affected side: an exercise added by hand is for that side (see defaultSide).
    void setAffectedSide(std::optional<core::AffectedSide> side);
    /// Replaces the program shown; `edited` says whether it counts as the therapist's own.
    void setProgram(const core::Program& program, bool edited);
    const core::Program& program() const { return m_program; }
    /// True once the therapist changed the suggestion.
    bool edited() const { return m_edited; }
    /// True while an emergency referral withholds exercises.
    bool locked() const;

    /// Adds an exercise as the therapist would; a precaution that forbids it asks for confirmation
    /// (see setConfirm). Returns false when refused or locked.
    bool addExercise(const std::string& exerciseId);
    void removeItem(int index);
    void moveItem(int from, int to);
    void selectItem(int index);
    int selectedItem() const { return m_selected; }
    /// Sets the selected item's fields as if typed in the editor.
    void setSelectedSide(core::ExerciseSide side);
    void setSelectedDose(const core::Dose& dose);
    void setSelectedNotes(const std::string& notes);

    /// The safety screen of the program as it stands (core::screenProgram against the analysis),
    /// redone whenever the program or the analysis changes, however the program was made.
    const core::ScreenResult& screen() const { return m_screen; }
    /// Indexes of the items the screen forbids that the therapist has not confirmed yet.
    std::vector<std::size_t> unconfirmedForbidden() const;
    /// For each forbidden item not yet confirmed, asks the question adding it by hand asks; yes
    /// records the confirmation in the item's basis, no takes the item out (said in the status).
    /// True when nothing was taken out. Nothing is asked while the builder is locked.
    bool confirmForbidden();
    /// The safety-screen column of a row ("" when the item is allowed; tests).
    wxString screenColumn(int row) const;

    /// Dose and side problems of the program as it stands (core::validateProgram).
    std::vector<FieldProblem> problems() const;
    /// Text of the warnings line (tests).
    wxString warningText() const;
    /// Why the selected item is in the program, as shown under its figure (tests).
    wxString basisText() const;
    /// The figure of the selected item (tests).
    const FigurePanel* figurePanel() const { return m_figure; }
    /// Draws with `figures` from now on, in the editor and the library beside it (the clinic's
    /// exercises changed); `figures` must outlive the builder.
    void setFigures(const render::FigureDrawer& figures);

    /// Asks the therapist a yes/no question; the default is a message box (tests replace it).
    void setConfirm(std::function<bool(const wxString&)> confirm) { m_confirm = std::move(confirm); }
    void setOnChange(std::function<void()> onChange) { m_onChange = std::move(onChange); }
    /// Called by "Reset to suggestion".
    void setOnReset(std::function<void()> onReset) { m_onReset = std::move(onReset); }
    /// Text above the list saying where the program came from (e.g. the last program, stepped on,
    /// and why), scrolling within a few lines; empty hides it.
    void setOrigin(const wxString& text);
    wxString originText() const;
    /// Rows of the program list visible without scrolling (tests: the origin never squeezes it).
    int visibleRows() const;

    /// Saves the current items as a clinic protocol; returns its id. Throws InputError/StorageError.
    std::int64_t saveProtocol(const std::string& name);
    /// Replaces the items with a protocol's (each re-checked against the precautions).
    void startFromProtocol(std::int64_t id);

private:
    void refreshList();
    void refreshEditor();
    void refreshStatus();
    void rescreen();
    /// True when the therapist confirmed this forbidden item for exactly these reasons.
    bool confirmed(const core::ScreenFinding& finding) const;
    void editorChanged();
    void changed();
    void onSaveProtocol();
    void onLoadProtocol();

    const core::ExerciseLibrary& m_library;
    store::Database& m_db;
    core::Analysis m_analysis;
    std::optional<core::AffectedSide> m_affectedSide;
    core::Program m_program;
    core::ScreenResult m_screen;
    std::vector<std::string> m_notices; ///< items taken out after a "no", until the program is replaced
    bool m_edited = false;
    bool m_analysisSet = false;
    int m_selected = -1;
    bool m_updating = false;

    wxStaticText* m_lock = nullptr;
    wxTextCtrl* m_origin = nullptr;
    wxListCtrl* m_items = nullptr;
    wxChoice* m_side = nullptr;
    wxSpinCtrl* m_sets = nullptr;
    wxSpinCtrl* m_reps = nullptr;
    wxSpinCtrl* m_hold = nullptr;
    wxSpinCtrl* m_rest = nullptr;
    wxSpinCtrl* m_perDay = nullptr;
    wxSpinCtrl* m_days = nullptr;
    wxTextCtrl* m_load = nullptr;
    wxTextCtrl* m_doseNotes = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxStaticText* m_status = nullptr;
    wxTextCtrl* m_basis = nullptr; ///< why the selected item is in the program; scrolls
    FigurePanel* m_figure = nullptr;
    LibraryBrowser* m_browser = nullptr;
    std::vector<wxWindow*> m_editControls;

    std::function<bool(const wxString&)> m_confirm;
    std::function<void()> m_onChange;
    std::function<void()> m_onReset;
};

} // namespace hiprx::app
