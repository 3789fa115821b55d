// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/figure.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace hiprx;
using core::BodyPoint;
using core::FigureView;
using core::Joint;

TEST(FigureJointRange, HipAndKneeRangesAreAnatomical)
{
    const auto hip = core::jointRange(Joint::RightHip, FigureView::Side);
    ASSERT_TRUE(hip);
    EXPECT_EQ(hip->min, -30);
    EXPECT_EQ(hip->max, 140);
    const auto knee = core::jointRange(Joint::LeftKnee, FigureView::Side);
    ASSERT_TRUE(knee);
    EXPECT_EQ(knee->min, 0);
    EXPECT_EQ(knee->max, 160);
    EXPECT_FALSE(core::jointRange(Joint::Pelvis, FigureView::Side)) << "whole-body orientation has no range";
}

TEST(FigureCheckPose, ReportsJointOutsideRangeWithPathAndRange)
{
    core::Pose pose;
    pose[Joint::LeftHip] = 170;
    pose[Joint::RightKnee] = -5;
    const auto problems = core::checkPose(pose, FigureView::Side, "end.pose");
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_EQ(problems[0].path, "end.pose.left_hip");
    EXPECT_EQ(problems[0].message, "end.pose.left_hip: 170 is outside \u221230\u2013140");
    EXPECT_EQ(problems[1].message, "end.pose.right_knee: \u22125 is outside 0\u2013160");
}

TEST(FigureCheckPose, FrontViewHipIsAbductionWithItsOwnRange)
{
    core::Pose pose;
    pose[Joint::RightHip] = 90; // fine as flexion, impossible as abduction
    EXPECT_TRUE(core::checkPose(pose, FigureView::Side, "p").empty());
    EXPECT_EQ(core::checkPose(pose, FigureView::Front, "p").size(), 1U);
}

TEST(FigureBasePoses, AllKnownPosesAreWithinRange)
{
    ASSERT_GE(core::basePoseNames().size(), 10U);
    for (auto name : core::basePoseNames()) {
        const auto base = core::basePose(name);
        ASSERT_TRUE(base) << name;
        EXPECT_TRUE(core::checkPose(base->pose, base->view, std::string(name)).empty()) << name;
    }
    EXPECT_FALSE(core::basePose("handstand"));
}

TEST(FigureSolve, StandingPersonIsUprightAndAbout100UnitsTall)
{
    const auto base = core::basePose("standing");
    ASSERT_TRUE(base);
    const auto s = core::solve(base->pose, base->view);
    EXPECT_GT(s[BodyPoint::Head].y, s[BodyPoint::Chest].y);
    EXPECT_GT(s[BodyPoint::Chest].y, s[BodyPoint::Pelvis].y);
    EXPECT_LT(s[BodyPoint::RightAnkle].y, s[BodyPoint::RightKnee].y);
    const double height = s[BodyPoint::Head].y + core::BodyDims::kHeadRadius - s[BodyPoint::RightAnkle].y;
    EXPECT_NEAR(height, 95, 8);
    EXPECT_GT(s[BodyPoint::RightToe].x, s[BodyPoint::RightAnkle].x) << "the figure faces +x";
}

TEST(FigureSolve, KneeFlexionTakesTheFootBehindAndHipFlexionTheKneeForward)
{
    core::Pose pose;
    pose[Joint::RightKnee] = 90;
    auto s = core::solve(pose, FigureView::Side);
    EXPECT_NEAR(s[BodyPoint::RightAnkle].x, s[BodyPoint::RightKnee].x - core::BodyDims::kShin, 1e-9);
    pose[Joint::RightHip] = 90;
    s = core::solve(pose, FigureView::Side);
    EXPECT_NEAR(s[BodyPoint::RightKnee].x, core::BodyDims::kThigh, 1e-9);
    EXPECT_NEAR(s[BodyPoint::RightKnee].y, 0, 1e-9);
}

TEST(FigureSolve, SupineHasTheHeadBehindAndTheFeetInFront)
{
    const auto base = core::basePose("supine");
    ASSERT_TRUE(base);
    const auto s = core::solve(base->pose, base->view);
    EXPECT_LT(s[BodyPoint::Head].x, s[BodyPoint::Pelvis].x);
    EXPECT_GT(s[BodyPoint::RightAnkle].x, s[BodyPoint::Pelvis].x);
    EXPECT_NEAR(s[BodyPoint::Head].y, s[BodyPoint::Pelvis].y, 1e-6);
}

TEST(FigureSolve, FrontViewAbductionMovesEachLegOutwards)
{
    core::Pose pose;
    pose[Joint::RightHip] = 30;
    pose[Joint::LeftHip] = 30;
    const auto s = core::solve(pose, FigureView::Front);
    EXPECT_LT(s[BodyPoint::RightAnkle].x, s[BodyPoint::RightHip].x);
    EXPECT_GT(s[BodyPoint::LeftAnkle].x, s[BodyPoint::LeftHip].x);
}

TEST(FigureCheckFigure, RejectsUnknownSegmentsAndPropsWithoutTheirPoint)
{
    core::FigureSpec spec;
    spec.highlight = {"right_leg", "tail"};
    core::Prop roller;
    roller.kind = core::PropKind::Roller;
    spec.props.push_back(roller);
    const auto problems = core::checkFigure(spec);
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_EQ(problems[0].path, "highlight[1]");
    EXPECT_EQ(problems[1].path, "props[0].at");
}

TEST(FigureNames, JointAndPointNamesRoundTrip)
{
    for (std::size_t i = 0; i < core::kJointCount; ++i) {
        const auto j = static_cast<Joint>(i);
        EXPECT_EQ(core::parseJoint(core::jointName(j)), j);
    }
    for (std::size_t i = 0; i < core::kBodyPointCount; ++i) {
        const auto p = static_cast<BodyPoint>(i);
        EXPECT_EQ(core::parseBodyPoint(core::bodyPointName(p)), p);
    }
    EXPECT_FALSE(core::parseJoint("right_wing"));
}

TEST(FigureJointRange, FrontViewKneeAndElbowMayAppearToBendEitherWay)
{
    // Seen from the front a knee bends in a plane the viewer looks along: folded legs and
    // kneeling on the side show the shin turned either way, but never past the full bend.
    core::Pose pose;
    pose[Joint::LeftKnee] = -95;
    pose[Joint::RightElbow] = -75;
    EXPECT_TRUE(core::checkPose(pose, FigureView::Front, "p").empty());
    EXPECT_EQ(core::checkPose(pose, FigureView::Side, "p").size(), 2U) << "seen from the side a bend has one sign";
    pose[Joint::LeftKnee] = -170;
    pose[Joint::RightElbow] = 155;
    EXPECT_EQ(core::checkPose(pose, FigureView::Front, "p").size(), 2U);
}
