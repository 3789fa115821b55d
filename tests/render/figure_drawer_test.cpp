// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/figure_drawer.h"
#include "recording_canvas.h"

#include <gtest/gtest.h>

using namespace hiprx;
using render::Box;
using render::testing::RecordingCanvas;

namespace {

core::FigureSpec legRaise()
{
    core::FigureSpec spec;
    spec.id = "straight_leg_raise";
    spec.start = core::basePose("supine")->pose;
    spec.end = spec.start;
    spec.end[core::Joint::RightHip] = 45;
    spec.highlight = {"right_leg"};
    spec.arrow = core::BodyPoint::RightAnkle;
    core::Prop mat;
    mat.kind = core::PropKind::Mat;
    spec.props.push_back(mat);
    return spec;
}

} // namespace

TEST(FigureDrawer, StaysInsideBoxesOfAnyShape)
{
    const render::FigureStyle style;
    for (const Box& box : {Box{10, 20, 110, 90}, Box{0, 0, 300, 60}, Box{5, 5, 40, 200}}) {
        RecordingCanvas canvas;
        render::drawFigure(legRaise(), canvas, box, style);
        EXPECT_TRUE(canvas.inside(box)) << box.width << "x" << box.height << ": " << canvas.minX << ","
                                        << canvas.minY << " – " << canvas.maxX << "," << canvas.maxY;
        EXPECT_TRUE(canvas.roundLines);
    }
}

TEST(FigureDrawer, UsesFullWidthOfACardBoxForALyingFigure)
{
    RecordingCanvas canvas;
    const Box box{0, 0, 110, 90};
    render::drawFigure(legRaise(), canvas, box, render::FigureStyle{});
    EXPECT_GT(canvas.maxX - canvas.minX, 0.75F * box.width);
}

TEST(FigureDrawer, WorkingSideTakesTheAccentAndStartPoseIsFaded)
{
    render::FigureStyle style;
    style.accent = {0.8F, 0.1F, 0.1F};
    RecordingCanvas canvas;
    render::drawFigure(legRaise(), canvas, {0, 0, 110, 90}, style);
    EXPECT_TRUE(canvas.usedStroke(style.accent));
    EXPECT_TRUE(canvas.usedStroke(style.ghost)) << "start frame drawn faded";
    EXPECT_TRUE(canvas.usedStroke(style.ink));
}

TEST(FigureDrawer, AHeldPoseIsDrawnOnceWithoutGhostOrArrow)
{
    auto spec = legRaise();
    spec.end = spec.start;
    render::FigureStyle style;
    RecordingCanvas canvas;
    render::drawFigure(spec, canvas, {0, 0, 110, 90}, style);
    EXPECT_FALSE(canvas.usedStroke(style.ghost));
    RecordingCanvas moving;
    render::drawFigure(legRaise(), moving, {0, 0, 110, 90}, style);
    EXPECT_GT(moving.paints, canvas.paints + 4) << "a second frame and an arrow";
}

TEST(FigureDrawer, StrokeWeightIsTheSameForLyingAndStandingFigures)
{
    auto standing = legRaise();
    standing.start = core::basePose("standing")->pose;
    standing.end = standing.start;
    standing.end[core::Joint::RightHip] = 60;
    RecordingCanvas a;
    RecordingCanvas b;
    render::drawFigure(legRaise(), a, {0, 0, 110, 90}, render::FigureStyle{});
    render::drawFigure(standing, b, {0, 0, 110, 90}, render::FigureStyle{});
    ASSERT_FALSE(a.lineWidths.empty());
    EXPECT_FLOAT_EQ(*std::max_element(a.lineWidths.begin(), a.lineWidths.end()),
                    *std::max_element(b.lineWidths.begin(), b.lineWidths.end()));
}

TEST(FigureLibrary, HasAndDrawOnlyKnownIds)
{
    std::map<std::string, core::FigureSpec> figures;
    figures.emplace("straight_leg_raise", legRaise());
    const render::FigureLibrary library(std::move(figures), render::FigureStyle{});
    EXPECT_TRUE(library.has("straight_leg_raise"));
    EXPECT_FALSE(library.has("clamshell"));
    RecordingCanvas canvas;
    EXPECT_FALSE(library.draw("clamshell", canvas, {0, 0, 110, 90}));
    EXPECT_EQ(canvas.paints, 0);
    EXPECT_TRUE(library.draw("straight_leg_raise", canvas, {0, 0, 110, 90}));
    EXPECT_GT(canvas.paints, 0);
}

TEST(FigureSheet, NamesAMissingFigureByExerciseId)
{
    const render::FigureLibrary library({}, render::FigureStyle{});
    try {
        (void)render::renderFigureSheet(library, {{"clamshell", "Clamshell"}},
                                        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("clamshell"), std::string::npos);
    }
}

TEST(FigureSheet, MakesAPdf)
{
    std::map<std::string, core::FigureSpec> figures;
    figures.emplace("straight_leg_raise", legRaise());
    const render::FigureLibrary library(std::move(figures), render::FigureStyle{});
    const auto pdf = render::renderFigureSheet(library, {{"straight_leg_raise", "Straight leg raise"}},
                                               "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    ASSERT_GT(pdf.size(), 100U);
    EXPECT_EQ(std::string(pdf.begin(), pdf.begin() + 5), "%PDF-");
}
