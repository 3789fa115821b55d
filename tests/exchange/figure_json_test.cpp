// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/figure_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace hiprx;
using core::Joint;

namespace {

constexpr const char* kBridge = R"({
  "format": "hiprx-figure/1",
  "exercise": "glute_bridge",
  "start": {"base": "hook_lying"},
  "end": {"pose": {"pelvis": -112, "right_hip": 5}},
  "props": [{"type": "mat"}, {"type": "strap", "at": "right_hand", "to": "right_toe"}],
  "highlight": ["right_thigh", "trunk"],
  "arrow": "pelvis",
  "arrow_bend": 0.1,
  "planted": "right_toe"
})";

std::vector<std::string> messages(const std::string& json, std::string_view id = {})
{
    try {
        (void)exchange::readFigure(json, "assets/figures/x.json", id);
    } catch (const InputError& e) {
        std::vector<std::string> out;
        for (const auto& p : e.problems())
            out.push_back(p.message);
        return out;
    }
    return {};
}

} // namespace

TEST(FigureJson, EndFrameStartsFromTheStartPoseAndOverridesJoints)
{
    const auto spec = exchange::readFigure(kBridge, "glute_bridge.json", "glute_bridge");
    const auto hook = core::basePose("hook_lying");
    ASSERT_TRUE(hook);
    EXPECT_EQ(spec.id, "glute_bridge");
    EXPECT_EQ(spec.start[Joint::RightHip], hook->pose[Joint::RightHip]);
    EXPECT_EQ(spec.end[Joint::RightHip], 5);
    EXPECT_EQ(spec.end[Joint::Pelvis], -112);
    EXPECT_EQ(spec.end[Joint::RightKnee], hook->pose[Joint::RightKnee]) << "not overridden: kept from start";
    ASSERT_EQ(spec.props.size(), 2U);
    EXPECT_EQ(spec.props[1].kind, core::PropKind::Strap);
    EXPECT_EQ(spec.props[1].to, core::BodyPoint::RightToe);
    EXPECT_EQ(spec.arrow, core::BodyPoint::Pelvis);
    EXPECT_EQ(spec.planted, core::BodyPoint::RightToe);
    EXPECT_DOUBLE_EQ(spec.arrowBend, 0.1);
}

TEST(FigureJson, JointOutsideItsRangeIsNamedWithFileAndPath)
{
    const auto m = messages(R"({"exercise": "x", "start": {"base": "standing"}, "end": {"pose": {"left_hip": 170}}})");
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0], "assets/figures/x.json: end.pose.left_hip: 170 is outside \u221230\u2013140");
}

TEST(FigureJson, ReportsEveryProblemAtOnce)
{
    const auto m = messages(R"({"exercise": "y", "start": {"base": "handstand"}, "props": [{"type": "trampoline"}],
                               "highlight": ["wing"], "arrow": "elbow", "colour": 1})",
                            "x");
    ASSERT_GE(m.size(), 5U);
    const auto has = [&m](std::string_view part) {
        for (const auto& s : m)
            if (s.find(part) != std::string::npos)
                return true;
        return false;
    };
    EXPECT_TRUE(has("start.base: unknown base pose \"handstand\""));
    EXPECT_TRUE(has("props[0].type: unknown prop \"trampoline\""));
    EXPECT_TRUE(has("arrow: unknown body point \"elbow\""));
    EXPECT_TRUE(has("colour: unknown field"));
    EXPECT_TRUE(has("exercise: \"y\" does not match the file name (x)"));
    for (const auto& s : m)
        EXPECT_EQ(s.rfind("assets/figures/x.json: ", 0), 0U) << s;
}

TEST(FigureJson, MalformedJsonNamesTheFile)
{
    const auto m = messages("{\"exercise\": ");
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m[0].rfind("assets/figures/x.json: ", 0), 0U);
}

TEST(FigureJson, ReadDirKeysByFileNameAndNamesBadFiles)
{
    const auto dir = std::filesystem::temp_directory_path() / "hiprx_figure_json_test" / "figures";
    std::filesystem::remove_all(dir.parent_path());
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "glute_bridge.json") << kBridge;
    std::ofstream(dir / "README.md") << "not a figure";
    auto ok = exchange::readFigureDir(dir);
    ASSERT_EQ(ok.size(), 1U);
    EXPECT_TRUE(ok.count("glute_bridge"));

    std::ofstream(dir / "clamshell.json") << R"({"exercise": "clamshell", "start": {"base": "standing", "pose": {"right_knee": 200}}})";
    try {
        (void)exchange::readFigureDir(dir);
        FAIL() << "a bad figure file must throw";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1U);
        EXPECT_EQ(e.problems()[0].message,
                  "hiprx_figure_json_test/figures/clamshell.json: start.pose.right_knee: 200 is outside 0\u2013160");
    }
    std::filesystem::remove_all(dir.parent_path());
}

TEST(FigureJson, WriteThenReadGivesTheSameFigure)
{
    const core::FigureSpec bridge = exchange::readFigure(kBridge, "bridge.json");
    const std::string written = exchange::writeFigure(bridge);
    EXPECT_EQ(exchange::readFigure(written, "written.json", "glute_bridge"), bridge) << written;
    EXPECT_NE(written.find("\"base\": \"hook_lying\""), std::string::npos) << "the nearest posture is named: "
                                                                            << written;

    // A front-view figure with shifts, fractions, a front wall, an anchored band and every flag.
    core::FigureSpec spec;
    spec.id = "clinic_band_reach";
    spec.view = core::FigureView::Front;
    spec.start = core::basePose("sitting_floor_front")->pose;
    spec.start[Joint::RightShoulder] = 12.5;
    spec.start.shiftX = -3.25;
    spec.end = spec.start;
    spec.end[Joint::RightShoulder] = 95;
    spec.end.shinSeen = {0.5, 0.75};
    spec.props.push_back({core::PropKind::Wall, std::nullopt, std::nullopt, false, 0, 4, std::nullopt, false, false});
    spec.props.push_back({core::PropKind::Band, core::BodyPoint::RightHand, std::nullopt, true, 0, 0,
                          core::Vec2{40, 30.5}, false, false});
    spec.props.push_back({core::PropKind::Chair, core::BodyPoint::Pelvis, std::nullopt, true, 27, 0, std::nullopt,
                          true, true});
    spec.highlight = {"right_arm"};
    spec.arrow = core::BodyPoint::RightHand;
    spec.arrowBend = -0.4;
    spec.planted = core::BodyPoint::LeftToe;
    spec.floor = false;
    ASSERT_TRUE(core::checkFigure(spec).empty());
    const std::string text = exchange::writeFigure(spec);
    EXPECT_EQ(exchange::readFigure(text, "written.json"), spec) << text;
}

TEST(FigureJson, EveryBuiltInFigureIsWrittenSoThatItReadsBackTheSame)
{
    const auto figures = exchange::readFigureDir(std::filesystem::path(HIPRX_SOURCE_DIR) / "assets" / "figures");
    ASSERT_GT(figures.size(), 40U);
    for (const auto& [id, spec] : figures)
        EXPECT_EQ(exchange::readFigure(exchange::writeFigure(spec), id + ".json", id), spec) << id;
}
