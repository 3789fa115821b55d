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

TEST(FigureFromAbove, StandingSeenFromAboveFacesUpThePictureWithTheRightSideToTheRight)
{
    const auto base = core::basePose("standing_above");
    ASSERT_TRUE(base);
    EXPECT_EQ(base->view, FigureView::Above);
    EXPECT_TRUE(core::checkPose(base->pose, base->view, "standing_above").empty());
    const auto s = core::solve(base->pose, base->view);
    EXPECT_GT(s[BodyPoint::RightShoulder].x, s[BodyPoint::Pelvis].x) << "the person's right is to the right";
    EXPECT_LT(s[BodyPoint::LeftShoulder].x, s[BodyPoint::Pelvis].x);
    EXPECT_GT(s[BodyPoint::Head].y, s[BodyPoint::Chest].y) << "the head is a little in front of the shoulders";
    EXPECT_GT(s[BodyPoint::RightToe].y, s[BodyPoint::RightAnkle].y) << "the feet point forward (up the picture)";
    // Elbows bent 90° at the sides: the elbow hangs under the shoulder, the forearm reaches forward.
    EXPECT_NEAR(s[BodyPoint::RightElbow].x, s[BodyPoint::RightShoulder].x, 1e-9);
    EXPECT_NEAR(s[BodyPoint::RightElbow].y, s[BodyPoint::RightShoulder].y, 1e-9);
    EXPECT_NEAR(s[BodyPoint::RightHand].y - s[BodyPoint::RightShoulder].y, core::BodyDims::kForearm, 1e-9);
}

TEST(FigureFromAbove, AStraightArmShowsItsFullLengthAndTheShoulderAngleTurnsItOutward)
{
    core::Pose pose;
    const auto straight = core::solve(pose, FigureView::Above);
    EXPECT_NEAR(straight[BodyPoint::RightHand].y - straight[BodyPoint::RightShoulder].y,
                core::BodyDims::kUpperArm + core::BodyDims::kForearm, 1e-9);
    pose[Joint::RightShoulder] = 90; // out to the side
    pose[Joint::LeftShoulder] = -30; // across the chest
    const auto s = core::solve(pose, FigureView::Above);
    EXPECT_GT(s[BodyPoint::RightHand].x, s[BodyPoint::RightShoulder].x + 30);
    EXPECT_NEAR(s[BodyPoint::RightHand].y, s[BodyPoint::RightShoulder].y, 1e-9);
    EXPECT_GT(s[BodyPoint::LeftHand].x, s[BodyPoint::LeftShoulder].x) << "across the chest is towards the midline";
    // Turning the whole body a quarter turn clockwise makes it face +x.
    core::Pose turned;
    turned[Joint::Pelvis] = 90;
    const auto t = core::solve(turned, FigureView::Above);
    EXPECT_GT(t[BodyPoint::RightHand].x, t[BodyPoint::RightShoulder].x + 30);
    EXPECT_LT(t[BodyPoint::RightShoulder].y, t[BodyPoint::Pelvis].y) << "facing +x the right side is below";
}

TEST(FigureFromAbove, HasItsOwnRanges)
{
    core::Pose pose;
    pose[Joint::RightShoulder] = 150; // fine as flexion from the side, impossible as a direction from above
    pose[Joint::LeftElbow] = -10;
    EXPECT_EQ(core::checkPose(pose, FigureView::Above, "p").size(), 2U);
    EXPECT_TRUE(core::checkPose(pose, FigureView::Front, "p").empty());
    const auto shoulder = core::jointRange(Joint::RightShoulder, FigureView::Above);
    ASSERT_TRUE(shoulder);
    EXPECT_EQ(shoulder->min, -60);
    EXPECT_EQ(shoulder->max, 120);
    EXPECT_FALSE(core::jointRange(Joint::Pelvis, FigureView::Above)) << "which way the body faces: any";
}

TEST(FigureSolve, SideViewThighAndShinSeenForeshortenedAreShorterAndTheKneeMayAppearEitherWay)
{
    // A knee fallen out to the side (an ankle crossed over the other knee) seen from the side.
    core::Pose pose;
    const auto full = core::solve(pose, FigureView::Side);
    pose.thighSeen[1] = 0.5;
    pose.shinSeen[1] = 0.6;
    const auto part = core::solve(pose, FigureView::Side);
    EXPECT_NEAR(part[BodyPoint::RightKnee].y - full[BodyPoint::RightKnee].y, core::BodyDims::kThigh * 0.5, 1e-9);
    EXPECT_NEAR(part[BodyPoint::RightKnee].y - part[BodyPoint::RightAnkle].y, core::BodyDims::kShin * 0.6, 1e-9);
    EXPECT_EQ(full[BodyPoint::LeftKnee], part[BodyPoint::LeftKnee]) << "only the right leg is foreshortened";
    pose[Joint::RightKnee] = -40;
    EXPECT_TRUE(core::checkPose(pose, FigureView::Side, "p").empty());
    pose.thighSeen[1] = 1;
    pose.shinSeen[1] = 1;
    EXPECT_EQ(core::checkPose(pose, FigureView::Side, "p").size(), 1U) << "a knee seen whole bends one way";
}
