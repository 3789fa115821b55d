// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target: an exercise figure file (hiprx-figure/1, assets/figures). Bad input must end in
// InputError; a figure that passes the reader's checks is drawn, plain and mirrored, on a canvas
// that only checks every coordinate is a finite number inside the box it was given.
#include "core/error.h"
#include "exchange/figure_json.h"
#include "render/canvas.h"
#include "render/figure_drawer.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

class CheckingCanvas final : public hiprx::render::Canvas {
public:
    void setStrokeColor(const hiprx::render::Rgb&) override {}
    void setFillColor(const hiprx::render::Rgb&) override {}
    void setLineWidth(float width) override { finite(width); }
    void setRoundLines(bool) override {}
    void moveTo(hiprx::render::Point p) override { point(p); }
    void lineTo(hiprx::render::Point p) override { point(p); }
    void curveTo(hiprx::render::Point c1, hiprx::render::Point c2, hiprx::render::Point end) override
    {
        point(c1);
        point(c2);
        point(end);
    }
    void closePath() override {}
    void rectangle(const hiprx::render::Box& box) override
    {
        point({box.x, box.y});
        finite(box.width);
        finite(box.height);
    }
    void circle(hiprx::render::Point centre, float radius) override
    {
        point(centre);
        finite(radius);
    }
    void stroke() override {}
    void fill() override {}
    void fillAndStroke() override {}

private:
    static void finite(float value)
    {
        if (!std::isfinite(value))
            std::abort(); // a NaN or infinity would reach the PDF
    }
    static void point(hiprx::render::Point p)
    {
        finite(p.x);
        finite(p.y);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const hiprx::core::FigureSpec spec = hiprx::exchange::readFigure(text, "fuzz.json");
        CheckingCanvas canvas;
        const hiprx::render::Box box{10, 10, hiprx::render::kFigureFrameWidth, hiprx::render::kFigureFrameHeight};
        hiprx::render::drawFigure(spec, canvas, box, {});
        hiprx::render::drawFigure(spec, canvas, box, {}, true);
        (void)hiprx::render::startTrunkGap(spec);
    } catch (const hiprx::InputError&) {
    }
    return 0;
}
