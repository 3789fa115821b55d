// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart_view.h"

#include "app/wx_canvas.h"
#include "app/wx_text.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <memory>

namespace hiprx::app {

namespace {

// Chart labels in the window's font. Sizes are in points of the chart box, which on screen is one
// pixel per point.
class GraphicsText final : public render::ChartText {
public:
    explicit GraphicsText(wxGraphicsContext& gc) : m_gc(gc) {}
    float width(std::string_view text, float size) const override
    {
        use(size, *wxBLACK);
        double w = 0;
        double h = 0;
        m_gc.GetTextExtent(toWx(std::string(text)), &w, &h);
        return static_cast<float>(w);
    }
    void draw(render::Point baselineLeft, std::string_view text, float size,
              const render::Rgb& color) override
    {
        use(size, toWxColour(color));
        double w = 0;
        double h = 0;
        double descent = 0;
        const wxString s = toWx(std::string(text));
        m_gc.GetTextExtent(s, &w, &h, &descent);
        m_gc.DrawText(s, baselineLeft.x, baselineLeft.y - (h - descent));
    }

private:
    void use(float size, const wxColour& colour) const
    {
        wxFont font(wxFontInfo(static_cast<double>(size) * 0.75).Family(wxFONTFAMILY_SWISS));
        m_gc.SetFont(font, colour);
    }
    wxGraphicsContext& m_gc;
};

} // namespace

ChartView::ChartView(wxWindow* parent, render::ChartSpec chart)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(300, 190), wxFULL_REPAINT_ON_RESIZE),
      m_chart(std::move(chart))
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(240, 160));
    SetToolTip(toWx(m_chart.title));
    Bind(wxEVT_PAINT, &ChartView::onPaint, this);
}

void ChartView::setChart(render::ChartSpec chart)
{
    m_chart = std::move(chart);
    SetToolTip(toWx(m_chart.title));
    Refresh();
}

void ChartView::drawTo(wxGraphicsContext& gc, const render::ChartSpec& chart, wxSize size)
{
    gc.SetBrush(*wxWHITE_BRUSH);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.DrawRectangle(0, 0, size.x, size.y);
    WxCanvas canvas(gc);
    GraphicsText text(gc);
    const float pad = 8;
    render::drawChart(canvas, text,
                      {pad, pad, static_cast<float>(size.x) - 2 * pad, static_cast<float>(size.y) - 2 * pad},
                      chart);
}

void ChartView::onPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    drawTo(*gc, m_chart, GetClientSize());
    ++m_paints;
}

} // namespace hiprx::app
