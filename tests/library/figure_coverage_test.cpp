// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every exercise of the built-in library (db/exercises.json) has a figure file under
// assets/figures/ that loads (joints inside their anatomical ranges), and its drawing stays inside
// its box at card size and in a wide and a tall box.
#include "core/exercise.h"
#include "exchange/figure_json.h"
#include "exchange/json_format.h"
#include "recording_canvas.h"
#include "render/figure_drawer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace hiprx;

namespace {

std::vector<core::Exercise> builtinExercises()
{
    std::ifstream in(HIPRX_SOURCE_DIR "/db/exercises.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return exchange::readExercises(text.str(), true);
}

const std::map<std::string, core::FigureSpec>& figures()
{
    static const auto all = exchange::readFigureDir(HIPRX_SOURCE_DIR "/assets/figures");
    return all;
}

} // namespace

TEST(FigureCoverage, EveryExerciseHasAFigureFile)
{
    const auto exercises = builtinExercises();
    ASSERT_GE(exercises.size(), 90U);
    for (const auto& e : exercises) {
        EXPECT_FALSE(e.figureId.empty()) << e.id << " names no figure";
        EXPECT_TRUE(figures().count(e.figureId)) << e.id << ": no assets/figures/" << e.figureId << ".json";
    }
}

TEST(FigureCoverage, EveryFigureFileBelongsToAnExercise)
{
    std::set<std::string> used;
    for (const auto& e : builtinExercises())
        used.insert(e.figureId);
    for (const auto& [id, spec] : figures())
        EXPECT_TRUE(used.count(id)) << "assets/figures/" << id << ".json is used by no exercise";
}

TEST(FigureCoverage, EveryPoseIsAnatomicallyPossible)
{
    for (const auto& [id, spec] : figures()) {
        EXPECT_TRUE(core::checkPose(spec.start, spec.view, "start").empty()) << id;
        EXPECT_TRUE(core::checkPose(spec.end, spec.view, "end").empty()) << id;
    }
}

TEST(FigureCoverage, EveryFigureDrawsInsideItsBox)
{
    const render::FigureStyle style;
    for (const auto& [id, spec] : figures())
        for (const render::Box& box : {render::Box{30, 40, 110, 90}, render::Box{0, 0, 400, 80},
                                       render::Box{0, 0, 60, 160}}) {
            for (const bool mirrored : {false, true}) {
                render::testing::RecordingCanvas canvas;
                render::drawFigure(spec, canvas, box, style, mirrored);
                EXPECT_TRUE(canvas.inside(box)) << id << (mirrored ? " (mirrored)" : "") << " leaves its "
                                                << box.width << "x" << box.height << " box";
            }
        }
}

TEST(FigureCoverage, MovingFiguresShowAnArrowPoint)
{
    // A figure whose two frames differ must say which body point the arrow follows, so the
    // patient sees the direction of the movement.
    for (const auto& [id, spec] : figures()) {
        if (spec.start.angles != spec.end.angles || spec.start.shiftX != spec.end.shiftX) {
            EXPECT_TRUE(spec.arrow) << id << " moves but has no arrow";
        }
    }
}
