// SPDX-License-Identifier: GPL-3.0-or-later
//
// FigurePanel: a small window that shows one exercise figure, drawn by the same code as the PDF.
#pragma once

#include "render/figure_drawer.h"

#include <wx/window.h>

#include <string>

namespace hiprx::app {

/// Draws the figure of one exercise id into its whole client area (white background, figure
/// centred, aspect kept). An id the library has no figure for shows a short message naming the id,
/// never an empty box. The library must outlive the panel.
class FigurePanel final : public wxWindow {
public:
    FigurePanel(wxWindow* parent, const render::FigureDrawer& figures, wxWindowID id = wxID_ANY,
                const wxSize& size = wxSize(220, 180));

    /// Shows this exercise's figure (its "figure" id); empty shows nothing but the background.
    /// The figure is drawn as the data has it (the working side is the person's right).
    void setFigure(const std::string& figureId);
    /// Shows the figure for an exercise done on `side`: mirrored for the left side, as drawn
    /// otherwise (render::mirrorFor), as on the PDF card.
    void setFigure(const std::string& figureId, core::ExerciseSide side);
    const std::string& figure() const { return m_figureId; }
    /// Draws with `figures` from now on (the clinic's exercises or colour changed); it must
    /// outlive the panel.
    void setDrawer(const render::FigureDrawer& figures);
    /// What draws the figure (tests compare what it draws).
    const render::FigureDrawer& drawer() const { return *m_figures; }
    /// True when the figure is drawn mirrored (a left-side exercise).
    bool mirrored() const { return m_mirrored; }
    /// True when the current id has a figure (false for an empty or unknown id).
    bool hasFigure() const;
    /// The text shown instead of a figure (empty when a figure is drawn).
    std::string message() const;

private:
    void onPaint(wxPaintEvent& event);

    const render::FigureDrawer* m_figures;
    std::string m_figureId;
    bool m_mirrored = false;
};

} // namespace hiprx::app
