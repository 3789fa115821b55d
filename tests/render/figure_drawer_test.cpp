// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/figure_drawer.h"
#include "recording_canvas.h"
#include "render/home_program.h"
#include "render_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

TEST(FigureDrawer, StartAndEndAreTwoSolidPanelsSideBySide)
{
    render::FigureStyle style;
    style.accent = {0.8F, 0.1F, 0.1F};
    RecordingCanvas canvas;
    const Box band{0, 0, 500, 136};
    render::drawFigure(legRaise(), canvas, band, style);
    EXPECT_TRUE(canvas.usedStroke(style.accent));
    EXPECT_TRUE(canvas.usedStroke(style.ink));
    EXPECT_FALSE(canvas.usedStroke(style.ghost)) << "no faded frame laid over the other";
    const auto panels = render::figurePanels(legRaise(), band);
    ASSERT_EQ(panels.size(), 2U);
    EXPECT_LE(panels[0].x + panels[0].width, panels[1].x) << "start left of end, apart";
    for (const Box& p : panels) {
        // The old card drew both frames overlaid in 110 × 66 points; each panel is twice that.
        EXPECT_GE(p.width, 2 * 110.0F);
        EXPECT_GE(p.height, 2 * 66.0F);
        EXPECT_GE(p.x, band.x);
        EXPECT_LE(p.x + p.width, band.x + band.width);
    }
}

TEST(FigureDrawer, ABodyHasLimbWidthAndATorso)
{
    RecordingCanvas canvas;
    auto standing = legRaise();
    standing.start = core::basePose("standing")->pose;
    standing.end = standing.start;
    standing.end[core::Joint::RightHip] = 60;
    render::drawFigure(standing, canvas, {0, 0, 500, 136}, render::FigureStyle{});
    ASSERT_FALSE(canvas.lineWidths.empty());
    const float widest = *std::max_element(canvas.lineWidths.begin(), canvas.lineWidths.end());
    EXPECT_GE(widest, 12.0F) << "a torso, not a line";
    const auto limbs = std::count_if(canvas.lineWidths.begin(), canvas.lineWidths.end(),
                                     [](float w) { return w >= 5.0F && w < 12.0F; });
    EXPECT_GE(limbs, 8) << "limbs with some width";
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

namespace {

/// Records every canvas call with its numbers, so two drawings can be compared op by op.
class OpLog final : public render::Canvas {
public:
    struct Op {
        char kind;                  ///< s/f colour, w width, r round, m move, l line, c curve, z close,
                                    ///< b rectangle, o circle, S stroke, F fill, B fill and stroke
        std::vector<float> values;  ///< x, y pairs for geometry; colours, widths, radii as they are
    };
    std::vector<Op> ops;

    void setStrokeColor(const render::Rgb& c) override { ops.push_back({'s', {c.r, c.g, c.b}}); }
    void setFillColor(const render::Rgb& c) override { ops.push_back({'f', {c.r, c.g, c.b}}); }
    void setLineWidth(float w) override { ops.push_back({'w', {w}}); }
    void setRoundLines(bool round) override { ops.push_back({'r', {round ? 1.0F : 0.0F}}); }
    void moveTo(render::Point p) override { ops.push_back({'m', {p.x, p.y}}); }
    void lineTo(render::Point p) override { ops.push_back({'l', {p.x, p.y}}); }
    void curveTo(render::Point a, render::Point b, render::Point e) override
    {
        ops.push_back({'c', {a.x, a.y, b.x, b.y, e.x, e.y}});
    }
    void closePath() override { ops.push_back({'z', {}}); }
    void rectangle(const Box& b) override { ops.push_back({'b', {b.x, b.y, b.width, b.height}}); }
    void circle(render::Point p, float r) override { ops.push_back({'o', {p.x, p.y, r}}); }
    void stroke() override { ops.push_back({'S', {}}); }
    void fill() override { ops.push_back({'F', {}}); }
    void fillAndStroke() override { ops.push_back({'B', {}}); }
};

/// `op` with every x flipped about the vertical centre line of the panel it lies in (ops between
/// the panels, the plain start → end arrow, and ops without coordinates stay as they are).
OpLog::Op flipped(OpLog::Op op, const std::vector<Box>& panels)
{
    if (op.values.empty() || std::string("mlcob").find(op.kind) == std::string::npos)
        return op;
    const Box* panel = nullptr;
    for (const Box& p : panels)
        if (op.values[0] >= p.x - 0.5F && op.values[0] <= p.x + p.width + 0.5F)
            panel = &p;
    if (op.kind == 'b' && panel == nullptr)
        for (const Box& p : panels)
            if (op.values[0] + op.values[2] / 2 >= p.x && op.values[0] + op.values[2] / 2 <= p.x + p.width)
                panel = &p;
    if (panel == nullptr)
        return op;
    const Box& box = *panel;
    const float axis2 = 2 * box.x + box.width;
    switch (op.kind) {
    case 'm':
    case 'l':
    case 'c':
    case 'o':
        for (std::size_t i = 0; i + 1 < op.values.size(); i += 2)
            if (op.kind != 'o' || i == 0)
                op.values[i] = axis2 - op.values[i];
        break;
    case 'b':
        op.values[0] = axis2 - op.values[0] - op.values[2];
        break;
    default:
        break;
    }
    return op;
}

core::FigureSpec sideLyingLift()
{
    core::FigureSpec spec;
    spec.id = "side_lying_hip_abduction";
    spec.view = core::FigureView::Front;
    spec.start = core::basePose("side_lying")->pose;
    spec.end = spec.start;
    spec.end[core::Joint::RightHip] = 35;
    spec.highlight = {"right_leg"};
    spec.arrow = core::BodyPoint::RightAnkle;
    core::Prop mat;
    mat.kind = core::PropKind::Mat;
    spec.props.push_back(mat);
    return spec;
}

} // namespace

TEST(FigureMirror, IsTheHorizontalMirrorOfTheDrawingOpByOp)
{
    const render::FigureStyle style;
    for (const auto& spec : {legRaise(), sideLyingLift()})
        for (const Box& box : {Box{10, 20, 110, 90}, Box{0, 0, 300, 60}}) {
            OpLog plain;
            OpLog mirrored;
            render::drawFigure(spec, plain, box, style, false);
            render::drawFigure(spec, mirrored, box, style, true);
            ASSERT_EQ(plain.ops.size(), mirrored.ops.size()) << spec.id;
            ASSERT_GT(plain.ops.size(), 20U);
            const auto panels = render::figurePanels(spec, box);
            std::size_t moved = 0;
            for (std::size_t i = 0; i < plain.ops.size(); ++i) {
                const auto want = flipped(plain.ops[i], panels);
                const auto& got = mirrored.ops[i];
                ASSERT_EQ(want.kind, got.kind) << spec.id << " op " << i;
                ASSERT_EQ(want.values.size(), got.values.size());
                for (std::size_t k = 0; k < want.values.size(); ++k)
                    EXPECT_NEAR(want.values[k], got.values[k], 1e-3F) << spec.id << " op " << i << "." << k;
                if (plain.ops[i].kind == 'l' && std::abs(plain.ops[i].values[0] - got.values[0]) > 1.0F)
                    ++moved;
            }
            EXPECT_GT(moved, 5U) << "a mirrored figure really moves its lines";
        }
}

TEST(FigureMirror, StaysInsideItsBoxAndKeepsItsColours)
{
    render::FigureStyle style;
    style.accent = {0.8F, 0.1F, 0.1F};
    for (const Box& box : {Box{10, 20, 110, 90}, Box{0, 0, 300, 60}, Box{5, 5, 40, 200}}) {
        RecordingCanvas plain;
        RecordingCanvas mirrored;
        render::drawFigure(legRaise(), plain, box, style);
        render::drawFigure(legRaise(), mirrored, box, style, true);
        EXPECT_TRUE(mirrored.inside(box)) << box.width << "x" << box.height;
        EXPECT_FLOAT_EQ(mirrored.minY, plain.minY);
        EXPECT_TRUE(mirrored.usedStroke(style.accent));
        EXPECT_EQ(mirrored.strokeColors, plain.strokeColors);
    }
}

TEST(FigureMirror, OnlyTheLeftSideIsMirrored)
{
    EXPECT_TRUE(render::mirrorFor(core::ExerciseSide::Left));
    EXPECT_FALSE(render::mirrorFor(core::ExerciseSide::Right));
    EXPECT_FALSE(render::mirrorFor(core::ExerciseSide::Both));
    EXPECT_FALSE(render::mirrorFor(core::ExerciseSide::None));
}

TEST(FigureMirror, LibraryDrawsMirroredLikeDrawFigure)
{
    std::map<std::string, core::FigureSpec> figures;
    figures.emplace("straight_leg_raise", legRaise());
    const render::FigureLibrary library(std::move(figures), render::FigureStyle{});
    const Box box{0, 0, 300, 90};
    OpLog viaLibrary;
    OpLog direct;
    const render::FigureDrawer& drawer = library;
    ASSERT_TRUE(drawer.drawForSide("straight_leg_raise", viaLibrary, box, true));
    render::drawFigure(legRaise(), direct, box, render::FigureStyle{}, true);
    ASSERT_EQ(direct.ops.size(), viaLibrary.ops.size());
    for (std::size_t i = 0; i < direct.ops.size(); ++i)
        EXPECT_EQ(direct.ops[i].values, viaLibrary.ops[i].values) << "op " << i;
}

namespace {

/// A drawer that notes, per figure drawn, whether the home program asked for the mirror image.
class SideRecordingFigures final : public render::FigureDrawer {
public:
    bool has(std::string_view) const override { return true; }
    bool draw(std::string_view id, render::Canvas& canvas, const Box& box) const override
    {
        return drawForSide(id, canvas, box, false);
    }
    bool drawForSide(std::string_view, render::Canvas& canvas, const Box& box, bool mirror) const override
    {
        mirrored.push_back(mirror);
        canvas.setStrokeColor({0, 0, 0});
        canvas.setLineWidth(1);
        canvas.moveTo({box.x, box.y});
        canvas.lineTo({box.x + 5, box.y + 5});
        canvas.stroke();
        return true;
    }
    mutable std::vector<bool> mirrored;
};

} // namespace

TEST(FigureMirror, HomeProgramCardMirrorsOnlyLeftSideItems)
{
    render::HomeProgramInput in = render::fixtures::input("Ada Example", 4, core::Urgency::None);
    const core::ExerciseSide sides[] = {core::ExerciseSide::Left, core::ExerciseSide::Right,
                                        core::ExerciseSide::Both, core::ExerciseSide::None};
    for (std::size_t i = 0; i < 4; ++i) {
        in.program.items[i].figureId = "figure_" + std::to_string(i);
        in.program.items[i].side = sides[i];
    }
    SideRecordingFigures figures;
    render::RenderResources resources = render::defaultResources(render::fixtures::templatesDir());
    resources.figures = &figures;
    const auto pdf = render::renderHomeProgram(in, render::PageSize::A4, resources);
    ASSERT_GT(pdf.size(), 100U);
    EXPECT_EQ(figures.mirrored, (std::vector<bool>{true, false, false, false}));
}

TEST(FigureModel, AShinOrThighSeenEndOnIsShorterAndMayAppearInAnyDirection)
{
    // Sitting on the floor seen from the front the thighs and shins slope towards the viewer: they
    // show shorter, and the hip and knee angles are what the picture shows, not abduction.
    auto pose = core::basePose("standing_front")->pose;
    const auto full = core::solve(pose, core::FigureView::Front);
    pose.shinSeen = {0.5, 1.0};
    const auto half = core::solve(pose, core::FigureView::Front);
    const auto shin = [](const core::Skeleton& s) {
        return std::hypot(s[core::BodyPoint::LeftAnkle].x - s[core::BodyPoint::LeftKnee].x,
                          s[core::BodyPoint::LeftAnkle].y - s[core::BodyPoint::LeftKnee].y);
    };
    EXPECT_NEAR(shin(half), shin(full) / 2, 1e-9);
    EXPECT_NEAR(half[core::BodyPoint::RightAnkle].y, full[core::BodyPoint::RightAnkle].y, 1e-9);

    pose.shinSeen = {1.0, 1.0};
    pose[core::Joint::LeftHip] = 150; // a knee pointing up: impossible as abduction…
    pose[core::Joint::LeftKnee] = 175;
    EXPECT_EQ(core::checkPose(pose, core::FigureView::Front, "p").size(), 2U);
    pose.thighSeen = {0.6, 1.0}; // …fine for a thigh pointing at the viewer
    EXPECT_TRUE(core::checkPose(pose, core::FigureView::Front, "p").empty());
    pose[core::Joint::RightHip] = 150; // the other, fully seen thigh is still abduction
    EXPECT_EQ(core::checkPose(pose, core::FigureView::Front, "p").size(), 1U);
}

TEST(FigureDrawer, TheTrunkGapTellsARestingBodyFromAFloatingOne)
{
    auto spec = legRaise();
    EXPECT_NEAR(render::startTrunkGap(spec), 0.0, 1e-9) << "lying on the mat";
    core::Prop stool; // a high support under the ankle lifts the whole body off the mat
    stool.kind = core::PropKind::Step;
    stool.at = core::BodyPoint::RightAnkle;
    stool.height = 30;
    spec.props.push_back(stool);
    EXPECT_GT(render::startTrunkGap(spec), 20.0);
    core::Prop pillow; // a pillow under the hips fills the gap
    pillow.kind = core::PropKind::Pillow;
    pillow.at = core::BodyPoint::Pelvis;
    spec.props.push_back(pillow);
    EXPECT_NEAR(render::startTrunkGap(spec), 0.0, 1e-9);
}

TEST(FigureDrawer, AChairWithArmrestsAndABandAreDrawnVisibly)
{
    core::FigureSpec spec;
    spec.start = core::basePose("sitting_chair")->pose;
    spec.end = spec.start;
    core::Prop chair;
    chair.kind = core::PropKind::Chair;
    chair.at = core::BodyPoint::Pelvis;
    spec.props.push_back(chair);
    RecordingCanvas plain;
    render::drawFigure(spec, plain, Box{0, 0, 220, 90}, render::FigureStyle{});
    spec.props[0].armrests = true;
    RecordingCanvas withArms;
    render::drawFigure(spec, withArms, Box{0, 0, 220, 90}, render::FigureStyle{});
    EXPECT_GT(withArms.paints, plain.paints) << "the armrest and its post are drawn";

    core::Prop band; // a band is a broad strip, wider than a strap
    band.kind = core::PropKind::Band;
    band.at = core::BodyPoint::RightKnee;
    band.to = core::BodyPoint::LeftKnee;
    spec.props.push_back(band);
    core::Prop strap = band;
    strap.kind = core::PropKind::Strap;
    RecordingCanvas banded;
    render::drawFigure(spec, banded, Box{0, 0, 220, 90}, render::FigureStyle{});
    spec.props.back() = strap;
    RecordingCanvas strapped;
    render::drawFigure(spec, strapped, Box{0, 0, 220, 90}, render::FigureStyle{});
    EXPECT_GT(banded.paints, strapped.paints) << "a band has a white edge under it";
}

namespace {

/// A band press seen from above: the door beside the person on the right, both hands pressed
/// forward from the chest.
core::FigureSpec pressSeenFromAbove()
{
    core::FigureSpec spec;
    spec.id = "pallof_press";
    spec.view = core::FigureView::Above;
    spec.start = core::basePose("standing_above")->pose;
    for (const auto j : {core::Joint::RightShoulder, core::Joint::LeftShoulder})
        spec.start[j] = -40;
    spec.end = spec.start;
    for (const auto j : {core::Joint::RightShoulder, core::Joint::LeftShoulder})
        spec.end[j] = -15;
    for (const auto j : {core::Joint::RightElbow, core::Joint::LeftElbow})
        spec.end[j] = 0;
    core::Prop band;
    band.kind = core::PropKind::Band;
    band.at = core::BodyPoint::RightHand;
    band.anchor = core::Vec2{40, 9};
    spec.props.push_back(band);
    core::Prop door;
    door.kind = core::PropKind::Wall;
    door.behind = false;
    door.offsetX = 20;
    spec.props.push_back(door);
    spec.highlight = {"trunk"};
    spec.arrow = core::BodyPoint::RightHand;
    spec.arrowBend = 0;
    return spec;
}

bool finite(const RecordingCanvas& c)
{
    return std::isfinite(c.minX) && std::isfinite(c.minY) && std::isfinite(c.maxX) && std::isfinite(c.maxY);
}

} // namespace

TEST(FigureFromAbove, DrawsBothPanelsInsideTheirBoxesWithFiniteCoordinates)
{
    const auto spec = pressSeenFromAbove();
    for (const Box& box : {Box{10, 20, 240, 70}, Box{0, 0, 470, 130}, Box{5, 5, 60, 200}})
        for (const bool mirrored : {false, true}) {
            RecordingCanvas canvas;
            render::drawFigure(spec, canvas, box, render::FigureStyle{}, mirrored);
            EXPECT_TRUE(finite(canvas));
            EXPECT_TRUE(canvas.inside(box)) << box.width << "x" << box.height << (mirrored ? " mirrored" : "");
            const auto panels = render::figurePanels(spec, box);
            ASSERT_EQ(panels.size(), 2U) << "the press moves: start and end";
            for (const Box& panel : panels) {
                EXPECT_GE(panel.x, box.x - 0.01F);
                EXPECT_LE(panel.x + panel.width, box.x + box.width + 0.01F);
            }
        }
}

TEST(FigureFromAbove, EachPanelStaysInsideItselfAndNothingRestsOnAFloor)
{
    // Each panel drawn on its own (start alone: a held spec of the start frame) stays in its box:
    // the door strip and the band's anchor are part of the drawing, not left outside.
    auto spec = pressSeenFromAbove();
    spec.end = spec.start;
    const Box box{0, 0, 200, 120};
    RecordingCanvas canvas;
    render::drawFigure(spec, canvas, box, render::FigureStyle{});
    EXPECT_TRUE(canvas.inside(render::figurePanels(spec, box).front()));
    EXPECT_TRUE(canvas.usedStroke(render::FigureStyle{}.accent.mix(render::FigureStyle{}.ink, 0.45F)))
        << "the band is drawn";
    spec.floor = true; // seen from above there is no floor, whatever the file says
    EXPECT_EQ(render::startTrunkGap(spec), 0.0);
}
