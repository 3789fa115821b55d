// SPDX-License-Identifier: GPL-3.0-or-later
//
// The exercise library, filtered by kind, target muscle and text, with each exercise's steps.
#pragma once

#include "core/exercise.h"
#include "render/figure_drawer.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxChoice;
class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {
class FigurePanel;
}

namespace hiprx::app {

class LibraryBrowser : public wxPanel {
public:
    /// Both libraries must outlive the browser.
    LibraryBrowser(wxWindow* parent, const core::ExerciseLibrary& library, const render::FigureDrawer& figures);
    /// The figure shown for the selected exercise (tests).
    const FigurePanel* figurePanel() const { return m_figure; }
    /// Draws with `figures` from now on and lists the library again (a clinic exercise was added
    /// or changed); `figures` must outlive the browser.
    void setFigures(const render::FigureDrawer& figures);

    /// Called with the exercise id when the therapist presses Add (or Enter / double-click).
    void setOnAdd(std::function<void(const std::string&)> onAdd) { m_onAdd = std::move(onAdd); }
    /// Filters as the controls would: kind and target ids ("" = any) and words of the name.
    void filter(const std::string& kindId, const std::string& targetId, const std::string& text);
    /// Ids shown, in order (tests).
    const std::vector<std::string>& shownIds() const { return m_shown; }
    /// Selects a shown exercise and shows its steps.
    void select(const std::string& id);
    /// The selected exercise id, or "".
    std::string selectedId() const;

private:
    void refresh();
    void showDetail();

    const core::ExerciseLibrary& m_library;
    wxChoice* m_kind = nullptr;
    wxChoice* m_target = nullptr;
    wxTextCtrl* m_search = nullptr;
    wxListBox* m_list = nullptr;
    wxTextCtrl* m_detail = nullptr;
    FigurePanel* m_figure = nullptr;
    std::vector<std::string> m_shown;
    std::function<void(const std::string&)> m_onAdd;
};

} // namespace hiprx::app
