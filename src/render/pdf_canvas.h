// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/canvas.h"
#include "render/pdf_document.h"

namespace hiprx::render {

/// A Canvas that draws onto one PDF page (canvas coordinates are the page's, y down).
class PdfCanvas final : public Canvas {
public:
    explicit PdfCanvas(PdfPage page) : m_page(page) {}

    void setStrokeColor(const Rgb& color) override;
    void setFillColor(const Rgb& color) override;
    void setLineWidth(float width) override;
    void setRoundLines(bool round) override;
    void moveTo(Point p) override;
    void lineTo(Point p) override;
    void curveTo(Point c1, Point c2, Point end) override;
    void closePath() override;
    void rectangle(const Box& box) override;
    void circle(Point centre, float radius) override;
    void stroke() override;
    void fill() override;
    void fillAndStroke() override;
    /// Embeds the picture at print resolution (render/picture.h embedPicture); false when it does
    /// not decode. Throws RenderError when libharu fails.
    bool picture(const core::ExercisePicture& picture, const Box& box) override;

private:
    void check(const char* what);
    PdfPage m_page;
};

} // namespace hiprx::render
