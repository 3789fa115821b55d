// SPDX-License-Identifier: GPL-3.0-or-later
//
// The figure Canvas on a wxGraphicsContext (anti-aliased, like the PDF), so the app draws exercise
// figures with exactly the code that draws them on paper (render/figure_drawer.h).
#pragma once

#include "render/canvas.h"

#include <wx/graphics.h>

namespace hiprx::app {

/// Draws Canvas paths onto a graphics context the caller owns (and keeps alive while drawing).
/// Coordinates are the context's: device-independent pixels, y down.
class WxCanvas final : public render::Canvas {
public:
    explicit WxCanvas(wxGraphicsContext& gc);

    void setStrokeColor(const render::Rgb& color) override;
    void setFillColor(const render::Rgb& color) override;
    void setLineWidth(float width) override;
    void setRoundLines(bool round) override;
    void moveTo(render::Point p) override;
    void lineTo(render::Point p) override;
    void curveTo(render::Point c1, render::Point c2, render::Point end) override;
    void closePath() override;
    void rectangle(const render::Box& box) override;
    void circle(render::Point centre, float radius) override;
    void stroke() override;
    void fill() override;
    void fillAndStroke() override;

private:
    wxGraphicsPen pen() const;
    void resetPath();

    wxGraphicsContext& m_gc;
    wxGraphicsPath m_path;
    wxColour m_stroke{*wxBLACK};
    wxColour m_fill{*wxBLACK};
    double m_width = 1.0;
    bool m_round = false;
};

/// The wx colour of an Rgb.
wxColour toWxColour(const render::Rgb& color);

} // namespace hiprx::app
