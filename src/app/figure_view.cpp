// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figure_view.h"

#include "app/wx_canvas.h"
#include "app/wx_text.h"

#include <wx/brush.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <memory>

namespace hiprx::app {

FigurePanel::FigurePanel(wxWindow* parent, const render::FigureDrawer& figures, wxWindowID id, const wxSize& size)
    : wxWindow(parent, id, wxDefaultPosition, size, wxFULL_REPAINT_ON_RESIZE), m_figures(&figures)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(110, 90)));
    Bind(wxEVT_PAINT, &FigurePanel::onPaint, this);
}

void FigurePanel::setFigure(const std::string& figureId)
{
    setFigure(figureId, core::ExerciseSide::None);
}

void FigurePanel::setFigure(const std::string& figureId, core::ExerciseSide side)
{
    m_figureId = figureId;
    m_mirrored = render::mirrorFor(side);
    Refresh();
}

void FigurePanel::setDrawer(const render::FigureDrawer& figures)
{
    m_figures = &figures;
    Refresh();
}

bool FigurePanel::hasFigure() const
{
    return !m_figureId.empty() && m_figures->has(m_figureId);
}

std::string FigurePanel::message() const
{
    if (m_figureId.empty() || hasFigure())
        return {};
    return "No figure for exercise " + m_figureId;
}

void FigurePanel::onPaint(wxPaintEvent& /*event*/)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    const wxSize size = GetClientSize();
    if (!hasFigure()) {
        const std::string text = message();
        if (!text.empty()) {
            dc.SetTextForeground(wxColour(150, 40, 40));
            dc.DrawLabel(toWx(text), wxRect(size), wxALIGN_CENTER);
        }
        return;
    }
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    WxCanvas canvas(*gc);
    const float pad = 4.0F;
    m_figures->drawForSide(m_figureId, canvas,
                   {pad, pad, static_cast<float>(size.x) - 2 * pad, static_cast<float>(size.y) - 2 * pad},
                   m_mirrored);
}

} // namespace hiprx::app
