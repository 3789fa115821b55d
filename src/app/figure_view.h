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
    FigurePanel(wxWindow* parent, const render::FigureLibrary& figures, wxWindowID id = wxID_ANY,
                const wxSize& size = wxSize(220, 180));

    /// Shows this exercise's figure (its "figure" id); empty shows nothing but the background.
    void setFigure(const std::string& figureId);
    const std::string& figure() const { return m_figureId; }
    /// True when the current id has a figure (false for an empty or unknown id).
    bool hasFigure() const;
    /// The text shown instead of a figure (empty when a figure is drawn).
    std::string message() const;

private:
    void onPaint(wxPaintEvent& event);

    const render::FigureLibrary& m_figures;
    std::string m_figureId;
};

} // namespace hiprx::app
