// SPDX-License-Identifier: GPL-3.0-or-later
//
// A window that shows one history chart. The chart is drawn by the render layer's drawChart() on a
// Canvas backed by wxGraphicsContext, so the screen shows the same chart as the progress report.
#pragma once

#include "render/chart.h"

#include <wx/window.h>

class wxGraphicsContext;

namespace hiprx::app {

class ChartView : public wxWindow {
public:
    ChartView(wxWindow* parent, render::ChartSpec chart);

    void setChart(render::ChartSpec chart);
    const render::ChartSpec& chart() const noexcept { return m_chart; }
    /// Times the chart has been painted (GUI tests check it was drawn).
    int paintCount() const noexcept { return m_paints; }

    /// Draws the chart into `gc` in a box of `size` (used by onPaint and to render off screen).
    static void drawTo(wxGraphicsContext& gc, const render::ChartSpec& chart, wxSize size);

private:
    void onPaint(wxPaintEvent& event);

    render::ChartSpec m_chart;
    int m_paints = 0;
};

} // namespace hiprx::app
