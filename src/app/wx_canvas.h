// SPDX-License-Identifier: GPL-3.0-or-later
//
// The figure Canvas on a wxGraphicsContext (anti-aliased, like the PDF), so the app draws exercise
// figures with exactly the code that draws them on paper (render/figure_drawer.h).
#pragma once

#include "render/canvas.h"

#include <wx/graphics.h>
#include <wx/image.h>

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
    /// Draws a clinic exercise's photo or drawing (decoded by render/picture, as for the PDF).
    bool picture(const core::ExercisePicture& picture, const render::Box& box) override;

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

/// A clinic exercise's picture as a wxImage (with alpha when it has one), decoded by
/// render/picture (never by wx's own handlers); a JPEG may come back reduced while it keeps at
/// least `atLeastSide` pixels on its longer side. An invalid image when it does not decode.
wxImage toWxImage(const core::ExercisePicture& picture, int atLeastSide = 0);

} // namespace hiprx::app
