// SPDX-License-Identifier: GPL-3.0-or-later
//
// The posable exercise figure: a jointed stick person posed by joint angles, plus the props and
// marks (arrow, highlighted segments) of one exercise figure. Pure geometry: no I/O, no drawing.
//
// Coordinates are figure units (a standing adult is about 100 units tall), y UP, floor at y = 0.
// The person faces +x in the side view and faces the viewer in the front view; seen from above
// (FigureView::Above) y is the person's forward and x their right. Angles are degrees.
#pragma once

#include "core/error.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

/// Which plane the figure is seen in. Side: sagittal (flexion/extension visible). Front: frontal
/// (abduction, side bends visible; also used for side-lying seen from the front, and for lying
/// seen from above). Above: a standing person seen from above (transverse plane: turning, arms
/// reaching forward or out, what stands beside the person), facing up the picture, no floor.
enum class FigureView { Side, Front, Above };

/// The posable angles. Pelvis is the whole body's orientation in the picture (0 upright, positive
/// pitches forward in the side view / tilts clockwise in the front view) and has no anatomical
/// range; the rest are joint angles with ranges (jointRange).
/// Side view meaning: spine/neck flexion, hip flexion, knee flexion, ankle dorsiflexion, shoulder
/// flexion, elbow flexion. Front view meaning: spine/neck side bend, hip/shoulder abduction, knee
/// and elbow the bend as it appears in that plane.
enum class Joint {
    Pelvis,
    Spine,
    Neck,
    LeftHip,
    LeftKnee,
    LeftAnkle,
    LeftShoulder,
    LeftElbow,
    RightHip,
    RightKnee,
    RightAnkle,
    RightShoulder,
    RightElbow,
};
inline constexpr std::size_t kJointCount = 13;

/// The points the kinematics produces (joint centres and segment ends).
enum class BodyPoint {
    Pelvis, ///< centre of the pelvis (the root)
    Chest,  ///< between the shoulders, top of the trunk
    Head,   ///< centre of the head circle
    LeftHip,
    LeftKnee,
    LeftAnkle,
    LeftToe,
    LeftShoulder,
    LeftElbow,
    LeftHand,
    RightHip,
    RightKnee,
    RightAnkle,
    RightToe,
    RightShoulder,
    RightElbow,
    RightHand,
};
inline constexpr std::size_t kBodyPointCount = 17;

/// A figure-space point (y up).
struct Vec2 {
    double x = 0;
    double y = 0;

    friend bool operator==(const Vec2&, const Vec2&) = default;
};

/// Segment sizes in figure units; also the thickness the drawer gives limbs (used for resting on
/// the floor and on props).
struct BodyDims {
    static constexpr double kHeadRadius = 6.5;
    static constexpr double kNeck = 3.5;
    static constexpr double kTrunk = 30;
    static constexpr double kUpperArm = 16;
    static constexpr double kForearm = 16;
    static constexpr double kThigh = 24;
    static constexpr double kShin = 23;
    static constexpr double kFoot = 8;
    static constexpr double kHalfHipWidth = 6;      ///< front view only
    static constexpr double kHalfShoulderWidth = 9; ///< front view only
    static constexpr double kLimbRadius = 2.5;      ///< half a limb stroke
    static constexpr double kTrunkRadius = 4;       ///< half the trunk stroke
};

/// Joint angles plus an x offset of the root (for figures that step sideways or forward).
struct Pose {
    std::array<double, kJointCount> angles{};
    double shiftX = 0;
    /// Front and side view: how much of each thigh's length shows, left then right (1 = all of
    /// it; about 0.35 when a thigh points at the viewer, as when sitting on a chair seen from the
    /// front, or a knee fallen out to the side seen from the side). Not used seen from above.
    std::array<double, 2> thighSeen{1.0, 1.0};
    /// Front and side view: how much of each shin's length shows, left then right, as thighSeen
    /// (a shin that slopes towards the viewer, as when sitting on the floor with the knees up, or
    /// across the other knee seen from the side).
    std::array<double, 2> shinSeen{1.0, 1.0};

    double operator[](Joint j) const { return angles[static_cast<std::size_t>(j)]; }
    double& operator[](Joint j) { return angles[static_cast<std::size_t>(j)]; }

    friend bool operator==(const Pose&, const Pose&) = default;
};

/// The positions of every BodyPoint for one pose, root (pelvis) at (shiftX, 0).
struct Skeleton {
    std::array<Vec2, kBodyPointCount> points{};
    const Vec2& operator[](BodyPoint p) const { return points[static_cast<std::size_t>(p)]; }
    Vec2& operator[](BodyPoint p) { return points[static_cast<std::size_t>(p)]; }
};

/// The data name of a joint (`right_hip`, `pelvis`).
std::string_view jointName(Joint joint);
/// The joint with this data name, if any.
std::optional<Joint> parseJoint(std::string_view name);
/// The data name of a body point (`right_knee`, `head`, `right_hand`).
std::string_view bodyPointName(BodyPoint point);
/// The body point with this data name, if any.
std::optional<BodyPoint> parseBodyPoint(std::string_view name);

/// The anatomically possible range of a joint in a view, in degrees; nothing for Pelvis (a whole-
/// body orientation, any angle). Side: hip −30…140, knee 0…160, ankle −50…30, shoulder −60…180,
/// elbow 0…150, spine −30…90, neck −50…70. Front: hip −30…70, knee −160…160 (the bend is seen
/// edge-on, so it may appear to turn either way), ankle −30…30,
/// shoulder −30…180, elbow −150…150 (as the knee), spine −40…40, neck −40…40. Above: spine
/// −45…45, neck −70…70, hip −30…70, knee 0…160, ankle −30…45, shoulder −60…120, elbow 0…150.
/// A front-view thigh
/// that points at the viewer (thighSeen below 1: a bent hip, sitting on the floor) is no longer
/// abduction, and a knee whose thigh or shin slopes towards the viewer (thighSeen or shinSeen
/// below 1, front or side view) is seen foreshortened: checkPose allows them any direction
/// (frontRangeSeenEndOn).
struct AngleRange {
    double min = 0;
    double max = 0;
};
std::optional<AngleRange> jointRange(Joint joint, FigureView view);
/// The front-view range of a hip or knee seen end-on (see above): −180…180.
inline constexpr AngleRange frontRangeSeenEndOn{-180, 180};

/// Every joint of `pose` outside its range, as problems `<prefix>.<joint>: 170 is outside −30–140`.
std::vector<FieldProblem> checkPose(const Pose& pose, FigureView view, const std::string& prefix);

/// A named starting pose (`standing`, `supine`, `prone`, `side_lying`, `quadruped`, `kneeling`,
/// `half_kneeling`, `sitting_chair`, `sitting_floor`, `long_sitting`, `standing_front`,
/// `sitting_chair_front`, `sitting_floor_front`, `supine_front`, `standing_above`) and the view it
/// is drawn in.
struct BasePose {
    Pose pose;
    FigureView view = FigureView::Side;
};
std::optional<BasePose> basePose(std::string_view name);
/// The names basePose() knows, for messages.
std::vector<std::string_view> basePoseNames();

/// Forward kinematics: every body point for `pose` in `view`, pelvis at (pose.shiftX, 0). The trunk
/// bends evenly along its length: Chest lies on the chord at pelvis angle + spine / 2 (the drawer
/// draws the curve whose end tangents are pelvis and pelvis + spine). Seen from above the trunk is
/// seen end-on: Chest is the pelvis point, Head a little in front of it, the shoulders and hips
/// across the body, the feet under the hips pointing forward.
Skeleton solve(const Pose& pose, FigureView view);

/// A prop drawn with the figure. Supports (mat excepted) rest under a body point of the start pose;
/// strap and band join two body points in each frame; wall stands behind or in front of the figure.
/// Pillow: a soft cushion that fills the space under its body point (head, hips, between the knees).
enum class PropKind { Mat, Chair, Bench, Step, Roller, Ball, SmallBall, Wall, Towel, Strap, Band, Pillow };
std::string_view propKindName(PropKind kind);
std::optional<PropKind> parsePropKind(std::string_view name);

struct Prop {
    PropKind kind = PropKind::Mat;
    std::optional<BodyPoint> at;   ///< supports and towel: the point resting on it; wall: unused
    std::optional<BodyPoint> to;   ///< strap and band: the second end (the first is `at`)
    bool behind = true;            ///< wall: behind the figure (smaller x) or in front
    double height = 0;             ///< bench/step/chair: seat or top height; 0 = the kind's default
    double offsetX = 0;            ///< shift the prop along x from its body point
    std::optional<Vec2> anchor;    ///< band: a fixed end (wall anchor) instead of `to`
    bool startOnly = false;        ///< support: holds only the start frame (the person gets up)
    bool armrests = false;         ///< chair (side view): draw its armrests (hands push on them)

    friend bool operator==(const Prop&, const Prop&) = default;
};

/// One exercise figure: two frames (start and end, drawn as two panels side by side), the props, the body
/// segments to colour with the accent (the working side), and the body point whose start→end move
/// becomes the motion arrow.
struct FigureSpec {
    std::string id;
    FigureView view = FigureView::Side;
    Pose start;
    Pose end;
    std::vector<Prop> props;
    std::vector<std::string> highlight; ///< segment names, see isSegmentName
    std::optional<BodyPoint> arrow;
    double arrowBend = 0.25; ///< arc of the arrow: 0 straight, + bulges left of its direction
    /// A body point that stays put: the end frame is moved along x so this point is where it was
    /// in the start frame (feet during a squat). Nothing = the pelvis stays.
    std::optional<BodyPoint> planted;
    /// False for views from above (side-lying seen from above): no floor line, nothing rests on it.
    /// FigureView::Above never has a floor, whatever this says.
    bool floor = true;

    friend bool operator==(const FigureSpec&, const FigureSpec&) = default;
};

/// Segments that can be highlighted: head, trunk, and `<left|right>_` + upper_arm, forearm, thigh,
/// shin, foot, arm (both arm segments), leg (thigh, shin, foot).
bool isSegmentName(std::string_view name);

/// Validation of a whole spec: both poses in range and segments/points that make sense. Paths are
/// relative (`start.pose.left_hip`); the reader prefixes the file.
std::vector<FieldProblem> checkFigure(const FigureSpec& spec);

} // namespace hiprx::core
