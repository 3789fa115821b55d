// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/figure.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hiprx::core {
namespace {

constexpr std::array<std::string_view, kJointCount> kJointNames = {
    "pelvis",     "spine",         "neck",       "left_hip",   "left_knee",
    "left_ankle", "left_shoulder", "left_elbow", "right_hip",  "right_knee",
    "right_ankle", "right_shoulder", "right_elbow",
};

constexpr std::array<std::string_view, kBodyPointCount> kPointNames = {
    "pelvis",     "chest",         "head",       "left_hip",   "left_knee",  "left_ankle",
    "left_toe",   "left_shoulder", "left_elbow", "left_hand",  "right_hip",  "right_knee",
    "right_ankle", "right_toe",    "right_shoulder", "right_elbow", "right_hand",
};

constexpr std::array<std::string_view, 12> kPropNames = {
    "mat", "chair", "bench", "step", "roller", "ball", "small_ball", "wall", "towel", "strap", "band", "pillow",
};

/// Unit vector at `deg` measured from straight up, clockwise (towards +x).
Vec2 dir(double deg)
{
    const double r = deg * std::numbers::pi / 180.0;
    return {std::sin(r), std::cos(r)};
}

Vec2 add(Vec2 a, Vec2 b, double scale = 1.0)
{
    return {a.x + b.x * scale, a.y + b.y * scale};
}

/// A number the way messages show it: whole numbers without decimals, a true minus sign.
std::string number(double v)
{
    const auto tenths = std::llround(std::abs(v) * 10);
    std::string s = std::to_string(tenths / 10);
    if (tenths % 10 != 0)
        s += "." + std::to_string(tenths % 10);
    return (tenths != 0 && v < 0 ? "\u2212" : "") + s;
}

struct Side {
    Joint hip, knee, ankle, shoulder, elbow;
    BodyPoint hipP, kneeP, ankleP, toeP, shoulderP, elbowP, handP;
    double sign; // +1 left, −1 right: which way "outward" turns in the front view
};

constexpr Side kLeft{Joint::LeftHip,       Joint::LeftKnee,       Joint::LeftAnkle,  Joint::LeftShoulder,
                     Joint::LeftElbow,     BodyPoint::LeftHip,    BodyPoint::LeftKnee, BodyPoint::LeftAnkle,
                     BodyPoint::LeftToe,   BodyPoint::LeftShoulder, BodyPoint::LeftElbow, BodyPoint::LeftHand,
                     1.0};
constexpr Side kRight{Joint::RightHip,     Joint::RightKnee,       Joint::RightAnkle,  Joint::RightShoulder,
                      Joint::RightElbow,   BodyPoint::RightHip,    BodyPoint::RightKnee, BodyPoint::RightAnkle,
                      BodyPoint::RightToe, BodyPoint::RightShoulder, BodyPoint::RightElbow, BodyPoint::RightHand,
                      -1.0};

Pose makePose(std::initializer_list<std::pair<Joint, double>> values)
{
    Pose p;
    for (const auto& [j, v] : values)
        p[j] = v;
    return p;
}

struct NamedPose {
    std::string_view name;
    BasePose base;
};

std::vector<NamedPose> makeBasePoses()
{
    using J = Joint;
    const auto both = [](Pose p, J left, J right, double v) {
        p[left] = v;
        p[right] = v;
        return p;
    };
    std::vector<NamedPose> out;
    const Pose standing = makePose({{J::LeftElbow, 10}, {J::RightElbow, 10}});
    out.push_back({"standing", {standing, FigureView::Side}});

    Pose supine = makePose({{J::Pelvis, -90}, {J::LeftElbow, 5}, {J::RightElbow, 5}});
    out.push_back({"supine", {supine, FigureView::Side}});
    Pose hook = supine;
    hook = both(hook, J::LeftHip, J::RightHip, 50);
    hook = both(hook, J::LeftKnee, J::RightKnee, 100);
    hook = both(hook, J::LeftAnkle, J::RightAnkle, 10);
    out.push_back({"hook_lying", {hook, FigureView::Side}});

    Pose prone = makePose({{J::Pelvis, 90}, {J::LeftAnkle, -45}, {J::RightAnkle, -45}, {J::Neck, -10}});
    prone = both(prone, J::LeftShoulder, J::RightShoulder, 160);
    prone = both(prone, J::LeftElbow, J::RightElbow, 140);
    out.push_back({"prone", {prone, FigureView::Side}});

    Pose quad = makePose({{J::Pelvis, 90}, {J::Neck, -20}});
    quad = both(quad, J::LeftHip, J::RightHip, 90);
    quad = both(quad, J::LeftKnee, J::RightKnee, 90);
    quad = both(quad, J::LeftAnkle, J::RightAnkle, -45);
    quad = both(quad, J::LeftShoulder, J::RightShoulder, 90);
    out.push_back({"quadruped", {quad, FigureView::Side}});

    Pose kneel = makePose({});
    kneel = both(kneel, J::LeftKnee, J::RightKnee, 90);
    kneel = both(kneel, J::LeftAnkle, J::RightAnkle, -45);
    kneel = both(kneel, J::LeftElbow, J::RightElbow, 10);
    out.push_back({"kneeling", {kneel, FigureView::Side}});

    Pose half = kneel;
    half[J::RightHip] = -5;
    half[J::LeftHip] = 90;
    half[J::LeftKnee] = 90;
    half[J::LeftAnkle] = 0;
    out.push_back({"half_kneeling", {half, FigureView::Side}});

    Pose chair = makePose({});
    chair = both(chair, J::LeftHip, J::RightHip, 90);
    chair = both(chair, J::LeftKnee, J::RightKnee, 90);
    chair = both(chair, J::LeftShoulder, J::RightShoulder, 25);
    chair = both(chair, J::LeftElbow, J::RightElbow, 60);
    out.push_back({"sitting_chair", {chair, FigureView::Side}});

    Pose floorSit = makePose({{J::Pelvis, -10}});
    floorSit = both(floorSit, J::LeftHip, J::RightHip, 100);
    floorSit = both(floorSit, J::LeftKnee, J::RightKnee, 110);
    floorSit = both(floorSit, J::LeftShoulder, J::RightShoulder, 40);
    floorSit = both(floorSit, J::LeftElbow, J::RightElbow, 40);
    out.push_back({"sitting_floor", {floorSit, FigureView::Side}});

    Pose longSit = makePose({{J::Pelvis, -5}});
    longSit = both(longSit, J::LeftHip, J::RightHip, 95);
    longSit = both(longSit, J::LeftShoulder, J::RightShoulder, 30);
    longSit = both(longSit, J::LeftElbow, J::RightElbow, 10);
    out.push_back({"long_sitting", {longSit, FigureView::Side}});

    Pose front = makePose({});
    front = both(front, J::LeftShoulder, J::RightShoulder, 8);
    out.push_back({"standing_front", {front, FigureView::Front}});

    // Sitting on a chair seen from the front: the thighs point at the viewer, so little of them
    // shows; the shins hang to the floor a little apart, hands rest on the thighs.
    Pose chairFront = makePose({{J::LeftHip, 14}, {J::RightHip, 14}, {J::LeftKnee, 12}, {J::RightKnee, 12}});
    chairFront.thighSeen = {0.35, 0.35};
    chairFront = both(chairFront, J::LeftShoulder, J::RightShoulder, 14);
    chairFront = both(chairFront, J::LeftElbow, J::RightElbow, -40);
    out.push_back({"sitting_chair_front", {chairFront, FigureView::Front}});

    // Sitting on the floor seen from the front, soles together, knees bent and open to the sides
    // (butterfly): the thighs point out and towards the viewer, the shins come back in so the feet
    // meet in front of the pelvis at floor level (the bottom and the feet both on the floor), the
    // hands hold the ankles.
    Pose floorFront = makePose({});
    floorFront.thighSeen = {0.63, 0.63};
    floorFront.shinSeen = {0.76, 0.76};
    floorFront = both(floorFront, J::LeftHip, J::RightHip, 113);
    floorFront = both(floorFront, J::LeftKnee, J::RightKnee, -170);
    floorFront = both(floorFront, J::LeftAnkle, J::RightAnkle, -30);
    floorFront = both(floorFront, J::LeftShoulder, J::RightShoulder, -5);
    floorFront = both(floorFront, J::LeftElbow, J::RightElbow, -9);
    out.push_back({"sitting_floor_front", {floorFront, FigureView::Front}});

    // Lying on the left side seen from the front: head to the right, right side on top.
    Pose sideLying = makePose({{J::Pelvis, 90}, {J::LeftShoulder, 170}, {J::LeftElbow, 120}});
    sideLying[J::RightShoulder] = 10;
    out.push_back({"side_lying", {sideLying, FigureView::Front}});

    Pose supineFront = makePose({{J::Pelvis, 90}});
    supineFront = both(supineFront, J::LeftShoulder, J::RightShoulder, 10);
    out.push_back({"supine_front", {supineFront, FigureView::Front}});

    // Standing seen from above, facing up the picture: feet a little apart under the hips, elbows
    // at the sides and the forearms level in front (the hands at chest height, as when holding
    // something).
    Pose above = makePose({});
    above = both(above, J::LeftHip, J::RightHip, 5);
    above = both(above, J::LeftElbow, J::RightElbow, 90);
    out.push_back({"standing_above", {above, FigureView::Above}});
    return out;
}

const std::vector<NamedPose>& basePoses()
{
    static const std::vector<NamedPose> poses = makeBasePoses();
    return poses;
}

template <std::size_t N>
std::optional<std::size_t> indexOf(const std::array<std::string_view, N>& names, std::string_view name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - names.begin());
}

} // namespace

std::string_view jointName(Joint joint)
{
    return kJointNames[static_cast<std::size_t>(joint)];
}

std::optional<Joint> parseJoint(std::string_view name)
{
    if (auto i = indexOf(kJointNames, name))
        return static_cast<Joint>(*i);
    return std::nullopt;
}

std::string_view bodyPointName(BodyPoint point)
{
    return kPointNames[static_cast<std::size_t>(point)];
}

std::optional<BodyPoint> parseBodyPoint(std::string_view name)
{
    if (auto i = indexOf(kPointNames, name))
        return static_cast<BodyPoint>(*i);
    return std::nullopt;
}

std::string_view propKindName(PropKind kind)
{
    return kPropNames[static_cast<std::size_t>(kind)];
}

std::optional<PropKind> parsePropKind(std::string_view name)
{
    if (auto i = indexOf(kPropNames, name))
        return static_cast<PropKind>(*i);
    return std::nullopt;
}

namespace {

/// Seen from above (a standing person): turning, not bending, shows.
std::optional<AngleRange> rangeFromAbove(Joint joint)
{
    switch (joint) {
    case Joint::Pelvis:
        return std::nullopt;
    case Joint::Spine:
        return AngleRange{-45, 45}; // the trunk turned on the hips
    case Joint::Neck:
        return AngleRange{-70, 70}; // the head turned
    case Joint::LeftHip:
    case Joint::RightHip:
        return AngleRange{-30, 70}; // the leg out to the side, as from the front
    case Joint::LeftKnee:
    case Joint::RightKnee:
        return AngleRange{0, 160};
    case Joint::LeftAnkle:
    case Joint::RightAnkle:
        return AngleRange{-30, 45}; // the foot turned out
    case Joint::LeftShoulder:
    case Joint::RightShoulder:
        return AngleRange{-60, 120}; // across the chest … out to the side and a little back
    case Joint::LeftElbow:
    case Joint::RightElbow:
        return AngleRange{0, 150};
    }
    return std::nullopt;
}

} // namespace

std::optional<AngleRange> jointRange(Joint joint, FigureView view)
{
    if (view == FigureView::Above)
        return rangeFromAbove(joint);
    const bool side = view == FigureView::Side;
    switch (joint) {
    case Joint::Pelvis:
        return std::nullopt;
    case Joint::Spine:
        return side ? AngleRange{-30, 90} : AngleRange{-40, 40};
    case Joint::Neck:
        return side ? AngleRange{-50, 70} : AngleRange{-40, 40};
    case Joint::LeftHip:
    case Joint::RightHip:
        return side ? AngleRange{-30, 140} : AngleRange{-30, 70};
    case Joint::LeftKnee:
    case Joint::RightKnee:
        // Seen from the front a knee bends in a plane the viewer looks along, so which way the
        // shin appears to turn depends on how the hip is turned (kneeling on the side, legs
        // folded): either way up to the full bend.
        return side ? AngleRange{0, 160} : AngleRange{-160, 160};
    case Joint::LeftAnkle:
    case Joint::RightAnkle:
        return side ? AngleRange{-50, 30} : AngleRange{-30, 30};
    case Joint::LeftShoulder:
    case Joint::RightShoulder:
        return side ? AngleRange{-60, 180} : AngleRange{-30, 180};
    case Joint::LeftElbow:
    case Joint::RightElbow:
        // As the knee: seen from the front the bend may appear either way.
        return side ? AngleRange{0, 150} : AngleRange{-150, 150};
    }
    return std::nullopt;
}

std::vector<FieldProblem> checkPose(const Pose& pose, FigureView view, const std::string& prefix)
{
    std::vector<FieldProblem> problems;
    for (std::size_t i = 0; i < kJointCount; ++i) {
        const auto joint = static_cast<Joint>(i);
        const double v = pose[joint];
        const std::string path = prefix + "." + std::string(jointName(joint));
        if (!std::isfinite(v)) {
            problems.push_back({path, path + ": is not a number"});
            continue;
        }
        auto range = jointRange(joint, view);
        // Front view: a thigh pointing at the viewer shows a bent hip end-on, and a thigh or shin
        // sloping towards the viewer shows the knee's bend foreshortened: any direction. Side
        // view: a thigh or shin sloping towards the viewer (a knee fallen out, an ankle crossed
        // over the other knee) shows the knee's bend foreshortened too.
        if (view == FigureView::Side) {
            const bool knee = joint == Joint::LeftKnee || joint == Joint::RightKnee;
            const std::size_t k = joint == Joint::LeftKnee ? 0 : 1;
            if (knee && (pose.thighSeen[k] < 1.0 || pose.shinSeen[k] < 1.0))
                range = frontRangeSeenEndOn;
        }
        if (view == FigureView::Front) {
            const bool left = joint == Joint::LeftHip || joint == Joint::LeftKnee;
            const std::size_t k = left ? 0 : 1;
            const bool hip = joint == Joint::LeftHip || joint == Joint::RightHip;
            const bool knee = joint == Joint::LeftKnee || joint == Joint::RightKnee;
            if ((hip && pose.thighSeen[k] < 1.0) || (knee && (pose.thighSeen[k] < 1.0 || pose.shinSeen[k] < 1.0)))
                range = frontRangeSeenEndOn;
        }
        if (range && (v < range->min || v > range->max))
            problems.push_back({path, path + ": " + number(v) + " is outside " + number(range->min) + "\u2013" +
                                          number(range->max)});
    }
    return problems;
}

std::optional<BasePose> basePose(std::string_view name)
{
    for (const auto& p : basePoses())
        if (p.name == name)
            return p.base;
    return std::nullopt;
}

std::vector<std::string_view> basePoseNames()
{
    std::vector<std::string_view> names;
    for (const auto& p : basePoses())
        names.push_back(p.name);
    return names;
}

namespace {

/// A standing person seen from above: y is forward when the body faces up the picture (pelvis 0),
/// x the person's right. The trunk is seen end-on, so the chest is over the pelvis; the head is a
/// little in front of the shoulders. The hands work at chest height: a straight arm shows its full
/// length, a bent elbow hangs below the shoulder (at 90° only the forearm shows).
constexpr double kFootFromAbove = BodyDims::kFoot * 1.1;

Skeleton solveFromAbove(const Pose& pose)
{
    using D = BodyDims;
    Skeleton s;
    const double heading = pose[Joint::Pelvis];
    const double trunk = heading + pose[Joint::Spine];
    const Vec2 root{pose.shiftX, 0};
    const double toRad = std::numbers::pi / 180.0;
    s[BodyPoint::Pelvis] = root;
    s[BodyPoint::Chest] = root;
    s[BodyPoint::Head] = add(root, dir(trunk + pose[Joint::Neck]), 1.5);
    for (const Side& side : {kLeft, kRight}) {
        const double out = -side.sign; // +1 right (towards +x facing up), −1 left
        const Vec2 hip = add(root, dir(heading + 90), out * D::kHalfHipWidth);
        const Vec2 across = dir(heading + 90 * out);
        const Vec2 forward = dir(heading);
        const double abduction = std::sin(pose[side.hip] * toRad);
        const double kneeForward = std::sin(pose[side.knee] / 2 * toRad);
        s[side.hipP] = hip;
        s[side.kneeP] = add(add(hip, across, D::kThigh * abduction), forward, D::kThigh * kneeForward);
        s[side.ankleP] = add(add(hip, across, (D::kThigh + D::kShin) * abduction), forward,
                             (D::kThigh - D::kShin) * kneeForward);
        // From above the foot shows heel to toe; only its front peeps out under the shoulders.
        s[side.toeP] = add(s[side.ankleP], dir(heading + out * pose[side.ankle]), kFootFromAbove);
        const Vec2 shoulder = add(root, dir(trunk + 90), out * D::kHalfShoulderWidth);
        const Vec2 arm = dir(trunk + out * pose[side.shoulder]);
        s[side.shoulderP] = shoulder;
        s[side.elbowP] = add(shoulder, arm, D::kUpperArm * std::cos(pose[side.elbow] * toRad));
        s[side.handP] = add(s[side.elbowP], arm, D::kForearm);
    }
    return s;
}

} // namespace

Skeleton solve(const Pose& pose, FigureView view)
{
    if (view == FigureView::Above)
        return solveFromAbove(pose);
    using D = BodyDims;
    Skeleton s;
    const double p = pose[Joint::Pelvis];
    const Vec2 root{pose.shiftX, 0};
    const double trunkA = p + pose[Joint::Spine];
    s[BodyPoint::Pelvis] = root;
    // A bent spine is an even arc; its chord is a little shorter than the trunk.
    const double half = pose[Joint::Spine] * std::numbers::pi / 360.0;
    const double chord = std::abs(half) < 1e-6 ? D::kTrunk : D::kTrunk * std::sin(half) / half;
    s[BodyPoint::Chest] = add(root, dir(p + pose[Joint::Spine] / 2), chord);
    s[BodyPoint::Head] = add(s[BodyPoint::Chest], dir(trunkA + pose[Joint::Neck]), D::kNeck + D::kHeadRadius);

    for (const Side& side : {kLeft, kRight}) {
        Vec2 hip = root;
        Vec2 shoulder = s[BodyPoint::Chest];
        double thighA = 0, shinA = 0, footA = 0, armA = 0, foreA = 0;
        double footLen = D::kFoot;
        if (view == FigureView::Side) {
            thighA = p + 180 - pose[side.hip];
            shinA = thighA + pose[side.knee];
            footA = shinA - 90 - pose[side.ankle];
            armA = trunkA + 180 - pose[side.shoulder];
            foreA = armA - pose[side.elbow];
        } else {
            // Outward is towards +x for the left side of a person facing the viewer.
            hip = add(root, dir(p + 90), side.sign * D::kHalfHipWidth);
            shoulder = add(shoulder, dir(trunkA + 90), side.sign * D::kHalfShoulderWidth);
            thighA = p + 180 - side.sign * pose[side.hip];
            shinA = thighA + side.sign * pose[side.knee];
            footA = shinA - side.sign * (90 + pose[side.ankle]);
            footLen = D::kFoot * 0.45;
            armA = trunkA + 180 - side.sign * pose[side.shoulder];
            foreA = armA - side.sign * pose[side.elbow];
        }
        s[side.hipP] = hip;
        // A thigh or shin that points towards or away from the viewer shows less of its length
        // (sitting seen from the front; a knee fallen out to the side seen from the side).
        const double seen = pose.thighSeen[side.sign > 0 ? 0 : 1];
        const double thigh = D::kThigh * std::clamp(seen, 0.1, 1.0);
        s[side.kneeP] = add(hip, dir(thighA), thigh);
        const double shinSeen = pose.shinSeen[side.sign > 0 ? 0 : 1];
        const double shin = D::kShin * std::clamp(shinSeen, 0.1, 1.0);
        s[side.ankleP] = add(s[side.kneeP], dir(shinA), shin);
        s[side.toeP] = add(s[side.ankleP], dir(footA), footLen);
        s[side.shoulderP] = shoulder;
        s[side.elbowP] = add(shoulder, dir(armA), D::kUpperArm);
        s[side.handP] = add(s[side.elbowP], dir(foreA), D::kForearm);
    }
    return s;
}

bool isSegmentName(std::string_view name)
{
    if (name == "head" || name == "trunk")
        return true;
    for (std::string_view prefix : {"left_", "right_"}) {
        if (name.substr(0, prefix.size()) != prefix)
            continue;
        const auto rest = name.substr(prefix.size());
        for (std::string_view seg : {"upper_arm", "forearm", "thigh", "shin", "foot", "arm", "leg"})
            if (rest == seg)
                return true;
    }
    return false;
}

std::vector<FieldProblem> checkFigure(const FigureSpec& spec)
{
    auto problems = checkPose(spec.start, spec.view, "start.pose");
    // The end frame starts as a copy of the start: report a joint there only when it was changed.
    for (auto& p : checkPose(spec.end, spec.view, "end.pose")) {
        const auto joint = parseJoint(std::string_view(p.path).substr(std::string_view("end.pose.").size()));
        if (joint && spec.end[*joint] == spec.start[*joint])
            continue;
        problems.push_back(std::move(p));
    }
    for (std::size_t i = 0; i < spec.highlight.size(); ++i)
        if (!isSegmentName(spec.highlight[i])) {
            const std::string path = "highlight[" + std::to_string(i) + "]";
            problems.push_back({path, path + ": \"" + spec.highlight[i] + "\" is not a body segment"});
        }
    for (std::size_t i = 0; i < spec.props.size(); ++i) {
        const Prop& prop = spec.props[i];
        const std::string path = "props[" + std::to_string(i) + "]";
        const bool joins = prop.kind == PropKind::Strap || prop.kind == PropKind::Band;
        const bool rests = prop.kind != PropKind::Mat && prop.kind != PropKind::Wall;
        // A pillow fills the space under its point, so it needs one too (checked by `rests`).
        if (rests && !prop.at)
            problems.push_back({path + ".at", path + ".at: a " + std::string(propKindName(prop.kind)) +
                                                  " needs the body point it sits under"});
        if (joins && !prop.to && !prop.anchor)
            problems.push_back({path + ".to", path + ".to: a " + std::string(propKindName(prop.kind)) +
                                                  " needs a second body point or an anchor"});
        if (prop.height < 0 || prop.height > 80)
            problems.push_back({path + ".height", path + ".height: " + number(prop.height) + " is outside 0\u201380"});
    }
    return problems;
}

} // namespace hiprx::core
