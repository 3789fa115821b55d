// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/figure_drawer.h"

#include "core/error.h"
#include "render/pdf_canvas.h"
#include "render/pdf_document.h"
#include "render/text_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace hiprx::render {
namespace {

using core::BodyDims;
using core::BodyPoint;
using core::PropKind;
using core::Vec2;

// Body widths in figure units (a standing adult is ~100 tall), so a body keeps its build at any
// scale: limbs with flesh, a torso, a head. Props, straps and arrows keep a fixed weight in frame
// units (kFigureFrameWidth × kFigureFrameHeight) so every card has the same line weight.
constexpr double kThighW = 7.5;
constexpr double kShinW = 6.0;
constexpr double kFootW = 4.0;
constexpr double kUpperArmW = 5.2;
constexpr double kForearmW = 4.4;
constexpr double kTrunkW = 13.0;
constexpr double kNeckW = 5.0;
constexpr double kFrontTrunkShare = 0.6; // seen from the front the trunk line is this share of kTrunkW
constexpr double kHalo = 1.1; // white outline that separates a near limb from what lies behind it
constexpr float kPropWidth = 1.4F;
constexpr float kStrapWidth = 1.8F;
constexpr float kBandWidth = 4.2F; // an elastic band: a broad strip, not a string
constexpr float kArrowWidth = 2.4F;
constexpr float kMargin = 4.0F;     // frame units kept free around the drawing
constexpr double kMaxScale = 1.9;  // lying figures may grow this much to use the frame
constexpr double kMaxScaleFromAbove = 2.4; // a standing person seen from above is only shoulders and head
constexpr double kMatThickness = 2.0;
constexpr double kFreeBallRadius = 4.5; // a massage ball held against a wall or between the knees
constexpr double kTopMatPad = 4.0;         // views from above: mat margin around the body
constexpr double kTopRollerHalfLength = 16.0; // views from above: a foam roller seen lengthwise
constexpr double kTopRollerHalfWidth = 4.5;
constexpr double kPillowHalfWidth = 10.0;
constexpr double kArmrestHeight = 9.0; // a chair's armrest above its seat (side view)
constexpr double kPillowMinHeight = 4.0;
constexpr float kPanelGapShare = 0.08F; // the start → end arrow between the panels takes this much width
constexpr double kNoseRadius = 1.9;         // seen from above: the nose shows which way the head faces
constexpr double kWallAboveThickness = 3.0; // seen from above: a wall or door is a strip this thick
constexpr double kAnchorRadius = 2.0;       // a band's fixed end (door anchor) seen from above

/// Half the drawn width of the body at a point (what touches the floor or a support).
double bodyRadius(BodyPoint p)
{
    switch (p) {
    case BodyPoint::Head:
        return BodyDims::kHeadRadius;
    case BodyPoint::Pelvis:
    case BodyPoint::Chest:
        return kTrunkW / 2;
    case BodyPoint::LeftHip:
    case BodyPoint::RightHip:
    case BodyPoint::LeftKnee:
    case BodyPoint::RightKnee:
        return kThighW / 2;
    case BodyPoint::LeftAnkle:
    case BodyPoint::RightAnkle:
        return kShinW / 2;
    case BodyPoint::LeftShoulder:
    case BodyPoint::RightShoulder:
    case BodyPoint::LeftElbow:
    case BodyPoint::RightElbow:
        return kUpperArmW / 2;
    default:
        return kFootW / 2; // toes and hands
    }
}

/// How far the drawing reaches around a point (body plus its white outline).
double pointRadius(BodyPoint p)
{
    return bodyRadius(p) + kHalo;
}

bool isSupport(PropKind k)
{
    switch (k) {
    case PropKind::Chair:
    case PropKind::Bench:
    case PropKind::Step:
    case PropKind::Roller:
    case PropKind::Ball:
    case PropKind::SmallBall:
    case PropKind::Towel:
        return true;
    default:
        return false;
    }
}

/// Height of the top of a support, in figure units above the floor.
double supportTop(const core::Prop& prop)
{
    if (prop.height > 0)
        return prop.height;
    switch (prop.kind) {
    case PropKind::Chair:
        return 21.0;
    case PropKind::Bench:
        return 28.0;
    case PropKind::Step:
        return 9.0;
    case PropKind::Roller:
        return 11.0;
    case PropKind::Ball:
        return 26.0;
    case PropKind::SmallBall:
        return 6.0;
    case PropKind::Towel:
        return 3.0;
    default:
        return 0.0;
    }
}

/// A free-standing small ball (height given) sits beside the body instead of under it.
bool isFreeBall(const core::Prop& prop)
{
    return prop.kind == PropKind::SmallBall && prop.height > 0;
}

struct Bounds {
    double minX = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double minY = std::numeric_limits<double>::max();
    double maxY = std::numeric_limits<double>::lowest();

    void add(double x, double y, double r = 0)
    {
        minX = std::min(minX, x - r);
        maxX = std::max(maxX, x + r);
        minY = std::min(minY, y - r);
        maxY = std::max(maxY, y + r);
    }
};

/// One frame placed on the floor: the skeleton moved up so it rests on the floor or its supports.
struct PlacedFrame {
    core::Skeleton sk;
    const core::Pose* pose = nullptr;
};

class Painter {
public:
    Painter(const core::FigureSpec& spec, Canvas& canvas, const Box& box, const FigureStyle& style, bool mirrored)
        : m_spec(spec), m_base(canvas), m_canvas(&canvas), m_style(style), m_mirrored(mirrored)
    {
        m_hasMat = std::any_of(spec.props.begin(), spec.props.end(),
                               [](const core::Prop& p) { return p.kind == PropKind::Mat; });
        m_start.sk = core::solve(spec.start, spec.view);
        m_start.pose = &spec.start;
        m_end.sk = core::solve(spec.end, spec.view);
        m_end.pose = &spec.end;
        m_same = spec.start.angles == spec.end.angles && spec.start.shiftX == spec.end.shiftX &&
                 spec.start.thighSeen == spec.end.thighSeen && spec.start.shinSeen == spec.end.shinSeen;
        placeSupports();
        rest(m_start, true);
        rest(m_end, false);
        if (spec.planted) {
            const double dx = m_start.sk[*spec.planted].x - m_end.sk[*spec.planted].x;
            for (auto& pt : m_end.sk.points)
                pt.x += dx;
        }
        placePillows();
        fit(box);
    }

    /// Start and end as two panels side by side with an arrow between them; a held position (both
    /// frames equal) as one panel of the same size in the middle.
    void paint()
    {
        if (m_same) {
            beginPanel(0);
            drawPanel(m_end, false);
            return;
        }
        beginPanel(0);
        drawPanel(m_start, false);
        beginPanel(1);
        drawPanel(m_end, true);
        m_canvas = &m_base;
        drawPanelArrow();
    }

    /// See render::startTrunkGap.
    double startTrunkGap() const
    {
        if (!hasFloor())
            return 0.0;
        using B = BodyPoint;
        // The trunk's lowest edge: from the side the pelvis, chest and head; from the front (lying
        // on the side) also the torso's corners at the hips and shoulders.
        const auto trunk = front() ? std::vector<B>{B::Pelvis, B::Chest, B::LeftHip, B::RightHip, B::LeftShoulder,
                                                    B::RightShoulder, B::Head}
                                   : std::vector<B>{B::Pelvis, B::Chest, B::Head};
        double bottom = std::numeric_limits<double>::max();
        for (const B p : trunk)
            bottom = std::min(bottom, m_start.sk[p].y - restRadius(p));
        double gap = bottom - (m_hasMat ? kMatThickness : 0.0);
        for (const auto& prop : m_spec.props) {
            const bool underTrunk = prop.at && (*prop.at == B::Pelvis || *prop.at == B::Chest || *prop.at == B::Head ||
                                                std::find(trunk.begin(), trunk.end(), *prop.at) != trunk.end());
            if (!underTrunk)
                continue;
            if (prop.kind == PropKind::Pillow)
                return 0.0; // a pillow fills the space under its point
            if (isSupport(prop.kind) && !isFreeBall(prop))
                gap = std::min(gap, m_start.sk[*prop.at].y - restRadius(*prop.at) - supportTop(prop));
        }
        return std::max(0.0, gap);
    }

    /// The panel boxes, in drawing order (one for a held position, else start then end).
    std::vector<Box> panels() const
    {
        if (m_same)
            return {m_panel[0]};
        return {m_panel[0], m_panel[1]};
    }

private:
    // --- layout -------------------------------------------------------------------------------

    void placeSupports()
    {
        m_propX.assign(m_spec.props.size(), 0.0);
        m_propY.assign(m_spec.props.size(), 0.0);
        for (std::size_t i = 0; i < m_spec.props.size(); ++i) {
            const auto& prop = m_spec.props[i];
            if (prop.at) {
                m_propX[i] = m_start.sk[*prop.at].x + prop.offsetX;
                m_propY[i] = m_start.sk[*prop.at].y;
            }
        }
    }

    /// A pillow fills the space under its point once the body rests (it never lifts the body).
    void placePillows()
    {
        m_pillowTop.assign(m_spec.props.size(), 0.0);
        for (std::size_t i = 0; i < m_spec.props.size(); ++i) {
            const auto& prop = m_spec.props[i];
            if (prop.kind != PropKind::Pillow || !prop.at)
                continue;
            const double base = m_hasMat ? kMatThickness : 0.0;
            const double under = m_start.sk[*prop.at].y - restRadius(*prop.at);
            m_propX[i] = m_start.sk[*prop.at].x + prop.offsetX;
            m_propY[i] = m_start.sk[*prop.at].y;
            m_pillowTop[i] = std::max(base + kPillowMinHeight, under + 1.0);
        }
    }

    /// Moves the frame up so its lowest surface touches the floor (or the mat) and every support
    /// it lies on carries its point.
    void rest(PlacedFrame& frame, bool isStart)
    {
        if (!hasFloor())
            return; // seen from above: nothing to rest on
        double lowest = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < core::kBodyPointCount; ++i) {
            const auto p = static_cast<BodyPoint>(i);
            lowest = std::min(lowest, frame.sk[p].y - restRadius(p));
        }
        double lift = (m_hasMat ? kMatThickness : 0.0) - lowest;
        for (const auto& prop : m_spec.props) {
            if (!isSupport(prop.kind) || !prop.at || isFreeBall(prop) || (prop.startOnly && !isStart))
                continue;
            const double need = supportTop(prop) + restRadius(*prop.at) - frame.sk[*prop.at].y;
            lift = std::max(lift, need);
        }
        for (auto& pt : frame.sk.points)
            pt.y += lift;
    }

    Bounds contentBounds() const
    {
        Bounds b;
        for (const PlacedFrame* f : {&m_start, &m_end})
            for (std::size_t i = 0; i < core::kBodyPointCount; ++i) {
                const auto p = static_cast<BodyPoint>(i);
                b.add(f->sk[p].x, f->sk[p].y, pointRadius(p));
            }
        if (above())
            // Seen from above the shoulders are the trunk's ends and the head carries a nose.
            for (const PlacedFrame* f : {&m_start, &m_end}) {
                for (const BodyPoint p : {BodyPoint::LeftShoulder, BodyPoint::RightShoulder})
                    b.add(f->sk[p].x, f->sk[p].y, kTrunkW / 2 + kHalo);
                b.add(f->sk[BodyPoint::Head].x, f->sk[BodyPoint::Head].y, BodyDims::kHeadRadius + 2 * kNoseRadius);
            }
        if (hasFloor())
            b.add(b.minX, 0);
        else if (m_hasMat) {
            // Seen from above the mat is a sheet under the whole body.
            b.add(b.minX - kTopMatPad, b.minY - kTopMatPad);
            b.add(b.maxX + kTopMatPad, b.maxY + kTopMatPad);
        }
        if (m_spec.arrow && !m_same) {
            // The arc never leaves the triangle start–control–end; keep its control point inside.
            const Vec2 a = m_start.sk[*m_spec.arrow];
            const Vec2 e = m_end.sk[*m_spec.arrow];
            const double bend = m_spec.arrowBend * std::hypot(e.x - a.x, e.y - a.y);
            const double d = std::max(1e-9, std::hypot(e.x - a.x, e.y - a.y));
            b.add((a.x + e.x) / 2 - (e.y - a.y) / d * bend / 2, (a.y + e.y) / 2 + (e.x - a.x) / d * bend / 2, 3);
        }
        for (std::size_t i = 0; i < m_spec.props.size(); ++i) {
            const auto& prop = m_spec.props[i];
            const auto ext = propExtent(prop, m_propX[i], m_propY[i], i);
            if (ext) {
                b.add(ext->minX, ext->minY);
                b.add(ext->maxX, ext->maxY);
            }
        }
        return b;
    }

    bool front() const { return m_spec.view == core::FigureView::Front; }
    /// A standing person seen from above (FigureView::Above).
    bool above() const { return m_spec.view == core::FigureView::Above; }
    /// A floor line to rest on: not in views from above.
    bool hasFloor() const { return m_spec.floor && !above(); }

    /// bodyRadius as drawn in this view: seen from the front the trunk is a thinner stroke (the
    /// torso between hips and shoulders carries the width), so a pelvis resting on the floor is
    /// that stroke's half width above it, not the side view's.
    double restRadius(BodyPoint p) const
    {
        if (front() && (p == BodyPoint::Pelvis || p == BodyPoint::Chest))
            return kTrunkW * kFrontTrunkShare / 2;
        return bodyRadius(p);
    }

    /// The box a static prop covers, in figure units.
    std::optional<Bounds> propExtent(const core::Prop& prop, double x, double y, std::size_t index) const
    {
        Bounds b;
        const double top = supportTop(prop);
        if (!hasFloor() && prop.kind == PropKind::Roller) {
            b.add(x - kTopRollerHalfLength, y - kTopRollerHalfWidth);
            b.add(x + kTopRollerHalfLength, y + kTopRollerHalfWidth);
            return b;
        }
        switch (prop.kind) {
        case PropKind::Chair:
            if (front()) {
                b.add(x - 15, 0);
                b.add(x + 15, top + 28);
                return b;
            }
            b.add(x - 11, 0);
            b.add(x + 10, top + 26);
            return b;
        case PropKind::Bench:
            b.add(x - 40, 0);
            b.add(x + 5, top);
            return b;
        case PropKind::Step:
            b.add(x - 12, 0);
            b.add(x + 10, top);
            return b;
        case PropKind::Roller:
        case PropKind::Ball:
        case PropKind::SmallBall:
            if (isFreeBall(prop)) {
                b.add(x, prop.height, kFreeBallRadius);
                return b;
            }
            b.add(x, top / 2, top / 2);
            return b;
        case PropKind::Towel:
            b.add(x - 6, 0);
            b.add(x + 6, top);
            return b;
        case PropKind::Pillow:
            if (!hasFloor()) {
                b.add(x - kPillowHalfWidth, y - kPillowHalfWidth * 0.7);
                b.add(x + kPillowHalfWidth, y + kPillowHalfWidth * 0.7);
                return b;
            }
            b.add(x - kPillowHalfWidth, m_hasMat ? kMatThickness : 0.0);
            b.add(x + kPillowHalfWidth, m_pillowTop[index]);
            return b;
        case PropKind::Wall: {
            const double wx = wallX(prop);
            if (above()) {
                const auto [y0, y1] = wallSpanAbove();
                b.add(wx - kWallAboveThickness, y0);
                b.add(wx + kWallAboveThickness, y1);
                return b;
            }
            b.add(wx - 2, 0);
            b.add(wx + 2, 95);
            return b;
        }
        case PropKind::Band:
            if (prop.anchor) {
                b.add(m_start.sk[BodyPoint::Pelvis].x + prop.anchor->x, prop.anchor->y, 2);
                return b;
            }
            return std::nullopt;
        default:
            return std::nullopt;
        }
    }

    double wallX(const core::Prop& prop) const
    {
        double lo = std::numeric_limits<double>::max();
        double hi = std::numeric_limits<double>::lowest();
        for (const PlacedFrame* f : {&m_start, &m_end})
            for (std::size_t i = 0; i < core::kBodyPointCount; ++i) {
                const auto p = static_cast<BodyPoint>(i);
                lo = std::min(lo, f->sk[p].x - pointRadius(p));
                hi = std::max(hi, f->sk[p].x + pointRadius(p));
            }
        return (prop.behind ? lo - 1.5 : hi + 1.5) + prop.offsetX;
    }

    /// Seen from above a wall beside the person is a strip along the body's length, a little
    /// longer than the body and its reach in both frames.
    std::pair<double, double> wallSpanAbove() const
    {
        double lo = std::numeric_limits<double>::max();
        double hi = std::numeric_limits<double>::lowest();
        for (const PlacedFrame* f : {&m_start, &m_end})
            for (const auto& pt : f->sk.points) {
                lo = std::min(lo, pt.y);
                hi = std::max(hi, pt.y);
            }
        return {lo - 8, hi + 6};
    }

    /// Both panels use one scale and one placement of the content (the union of both frames), so
    /// the person stands on the same spot in each and only what moves changes.
    void fit(const Box& box)
    {
        m_bounds = contentBounds();
        const Bounds& b = m_bounds;
        const double w = std::max(1.0, b.maxX - b.minX);
        const double h = std::max(1.0, b.maxY - b.minY);
        const double availW = kFigureFrameWidth - 2 * kMargin;
        const double availH = kFigureFrameHeight - 2 * kMargin;
        // Seen from above a standing person is small (shoulders and head): it may grow further.
        m_k = std::min({above() ? kMaxScaleFromAbove : kMaxScale, availW / w, availH / h});
        m_cx = (b.minX + b.maxX) / 2;
        m_cy = (b.minY + b.maxY) / 2;
        m_gap = box.width * kPanelGapShare;
        const float panelW = (box.width - m_gap) / 2;
        m_s = std::min(panelW / kFigureFrameWidth, box.height / kFigureFrameHeight);
        const float pw = kFigureFrameWidth * static_cast<float>(m_s);
        const float ph = kFigureFrameHeight * static_cast<float>(m_s);
        const float top = box.y + (box.height - ph) / 2;
        if (m_same) {
            m_panel[0] = {box.x + (box.width - pw) / 2, top, pw, ph};
            return;
        }
        const float left = box.x + (box.width - 2 * pw - m_gap) / 2;
        m_panel[0] = {left, top, pw, ph};
        m_panel[1] = {left + pw + m_gap, top, pw, ph};
    }

    /// Draws into panel `i` from now on; a mirrored figure flips each panel about its own centre
    /// line, so start stays left of end.
    void beginPanel(int i)
    {
        const Box& p = m_panel[static_cast<std::size_t>(i)];
        m_ox = p.x + p.width / 2;
        m_oy = p.y + p.height / 2;
        m_flip.reset();
        if (m_mirrored) {
            m_flip = std::make_unique<MirroredCanvas>(m_base, p);
            m_canvas = m_flip.get();
        } else {
            m_canvas = &m_base;
        }
        m_canvas->setRoundLines(true);
    }

    void drawPanel(const PlacedFrame& f, bool withArrow)
    {
        drawStaticProps(f);
        drawBody(f);
        drawFreeBalls();
        if (withArrow)
            drawArrow();
    }

    Point map(Vec2 v) const { return map(v.x, v.y); }
    Point map(double x, double y) const
    {
        return {static_cast<float>(m_ox + m_s * m_k * (x - m_cx)),
                static_cast<float>(m_oy - m_s * m_k * (y - m_cy))};
    }
    float width(float frameUnits) const { return static_cast<float>(frameUnits * m_s); }
    float len(double figureUnits) const { return static_cast<float>(figureUnits * m_k * m_s); }

    // --- drawing ------------------------------------------------------------------------------

    bool highlighted(std::string_view segment) const
    {
        for (const auto& h : m_spec.highlight) {
            if (h == segment)
                return true;
            // "right_leg" covers right_thigh, right_shin, right_foot; "right_arm" both arm segments
            const auto cut = h.rfind('_');
            if (cut == std::string::npos)
                continue;
            const std::string_view side = std::string_view(h).substr(0, cut + 1);
            const std::string_view group = std::string_view(h).substr(cut + 1);
            if (segment.substr(0, side.size()) != side)
                continue;
            const auto part = segment.substr(side.size());
            if (group == "leg" && (part == "thigh" || part == "shin" || part == "foot"))
                return true;
            if (group == "arm" && (part == "upper_arm" || part == "forearm"))
                return true;
        }
        return false;
    }

    Rgb segmentColor(std::string_view segment, bool far) const
    {
        if (highlighted(segment))
            return far ? m_style.accent.mix(Rgb{1, 1, 1}, 0.35F) : m_style.accent;
        return far ? m_style.farInk : m_style.ink;
    }

    struct Segment {
        BodyPoint from;
        BodyPoint to;
        std::string_view name;
        double width;
    };

    /// One limb: a white outline first (so a near limb stands out from the trunk and the far
    /// side), then each segment in its colour and width; round caps make the joints.
    void limb(const core::Skeleton& sk, std::initializer_list<Segment> segments, bool far, bool halo)
    {
        if (halo) {
            m_canvas->setStrokeColor(Rgb{1, 1, 1});
            for (const auto& s : segments) {
                m_canvas->setLineWidth(len(s.width + 2 * kHalo));
                m_canvas->moveTo(map(sk[s.from]));
                m_canvas->lineTo(map(sk[s.to]));
                m_canvas->stroke();
            }
        }
        for (const auto& s : segments) {
            m_canvas->setStrokeColor(segmentColor(s.name, far));
            m_canvas->setLineWidth(len(s.width));
            m_canvas->moveTo(map(sk[s.from]));
            m_canvas->lineTo(map(sk[s.to]));
            m_canvas->stroke();
        }
    }

    void leg(const core::Skeleton& sk, bool left, bool far, bool halo)
    {
        using B = BodyPoint;
        if (left)
            limb(sk, {{B::LeftHip, B::LeftKnee, "left_thigh", kThighW}, {B::LeftKnee, B::LeftAnkle, "left_shin", kShinW},
                      {B::LeftAnkle, B::LeftToe, "left_foot", kFootW}},
                 far, halo);
        else
            limb(sk, {{B::RightHip, B::RightKnee, "right_thigh", kThighW},
                      {B::RightKnee, B::RightAnkle, "right_shin", kShinW},
                      {B::RightAnkle, B::RightToe, "right_foot", kFootW}},
                 far, halo);
    }

    void arm(const core::Skeleton& sk, bool left, bool far, bool halo)
    {
        using B = BodyPoint;
        if (left)
            limb(sk, {{B::LeftShoulder, B::LeftElbow, "left_upper_arm", kUpperArmW},
                      {B::LeftElbow, B::LeftHand, "left_forearm", kForearmW}},
                 far, halo);
        else
            limb(sk, {{B::RightShoulder, B::RightElbow, "right_upper_arm", kUpperArmW},
                      {B::RightElbow, B::RightHand, "right_forearm", kForearmW}},
                 far, halo);
    }

    /// The trunk as a curve leaving the pelvis at the pelvis angle and reaching the chest at
    /// pelvis + spine, so a flexed or arched back reads as round, not broken.
    void trunkCurve(const core::Skeleton& sk, const core::Pose& pose)
    {
        const Vec2 a = sk[BodyPoint::Pelvis];
        const Vec2 b = sk[BodyPoint::Chest];
        const double p = pose[core::Joint::Pelvis];
        const double spine = pose[core::Joint::Spine];
        const double reach = std::hypot(b.x - a.x, b.y - a.y) / 3;
        const auto dirOf = [](double deg) {
            const double r = deg * 3.14159265358979 / 180.0;
            return Vec2{std::sin(r), std::cos(r)};
        };
        const Vec2 t0 = dirOf(p);
        const Vec2 t1 = dirOf(p + spine);
        m_canvas->moveTo(map(a));
        if (std::abs(spine) < 1) {
            m_canvas->lineTo(map(b));
        } else {
            m_canvas->curveTo(map(a.x + t0.x * reach, a.y + t0.y * reach), map(b.x - t1.x * reach, b.y - t1.y * reach),
                              map(b));
        }
        m_canvas->stroke();
    }

    /// Front view: the torso as a filled shape from the hips to the shoulders.
    void frontTorso(const core::Skeleton& sk, const Rgb& color)
    {
        m_canvas->setStrokeColor(color);
        m_canvas->setFillColor(color);
        m_canvas->setLineWidth(len(kUpperArmW));
        m_canvas->moveTo(map(sk[BodyPoint::LeftHip]));
        m_canvas->lineTo(map(sk[BodyPoint::RightHip]));
        m_canvas->lineTo(map(sk[BodyPoint::RightShoulder]));
        m_canvas->lineTo(map(sk[BodyPoint::LeftShoulder]));
        m_canvas->closePath();
        m_canvas->fillAndStroke();
    }

    /// A standing person seen from above: the feet peeping out under the body, the shoulders as
    /// one broad rounded bar, the arms over them, and the head on top with a nose that shows
    /// which way the person faces.
    void drawBodyFromAbove(const PlacedFrame& f)
    {
        const auto& sk = f.sk;
        // The legs are far below, on the floor: lighter, as the far side in the side view.
        leg(sk, true, true, false);
        leg(sk, false, true, false);
        m_canvas->setStrokeColor(Rgb{1, 1, 1});
        m_canvas->setLineWidth(len(kTrunkW + 2 * kHalo));
        m_canvas->moveTo(map(sk[BodyPoint::LeftShoulder]));
        m_canvas->lineTo(map(sk[BodyPoint::RightShoulder]));
        m_canvas->stroke();
        m_canvas->setStrokeColor(segmentColor("trunk", false));
        m_canvas->setLineWidth(len(kTrunkW));
        m_canvas->moveTo(map(sk[BodyPoint::LeftShoulder]));
        m_canvas->lineTo(map(sk[BodyPoint::RightShoulder]));
        m_canvas->stroke();
        arm(sk, true, false, true);
        arm(sk, false, false, true);
        const Rgb head = segmentColor("head", false);
        const Vec2 c = sk[BodyPoint::Head];
        const Vec2 ch = sk[BodyPoint::Chest];
        double fx = c.x - ch.x;
        double fy = c.y - ch.y;
        const double d = std::hypot(fx, fy);
        fx = d > 1e-9 ? fx / d : 0.0;
        fy = d > 1e-9 ? fy / d : 1.0;
        const Vec2 nose{c.x + fx * BodyDims::kHeadRadius, c.y + fy * BodyDims::kHeadRadius};
        m_canvas->setFillColor(Rgb{1, 1, 1});
        m_canvas->circle(map(c), len(BodyDims::kHeadRadius + kHalo));
        m_canvas->fill();
        m_canvas->circle(map(nose), len(kNoseRadius + kHalo));
        m_canvas->fill();
        m_canvas->setFillColor(head);
        m_canvas->circle(map(nose), len(kNoseRadius));
        m_canvas->fill();
        m_canvas->circle(map(c), len(BodyDims::kHeadRadius));
        m_canvas->fill();
        drawLines(f);
    }

    void drawBody(const PlacedFrame& f)
    {
        if (above()) {
            drawBodyFromAbove(f);
            return;
        }
        const auto& sk = f.sk;
        const bool side = m_spec.view == core::FigureView::Side;
        // Side view: the left side is the far one, drawn behind in a lighter tone.
        leg(sk, true, side, false);
        arm(sk, true, side, false);
        const Rgb trunk = segmentColor("trunk", false);
        if (side) {
            m_canvas->setStrokeColor(trunk);
            m_canvas->setLineWidth(len(kTrunkW));
            trunkCurve(sk, *f.pose);
        } else {
            m_canvas->setLineWidth(len(kTrunkW * kFrontTrunkShare));
            m_canvas->setStrokeColor(trunk);
            trunkCurve(sk, *f.pose);
            frontTorso(sk, trunk);
        }
        const Rgb head = segmentColor("head", false);
        const Vec2 c = sk[BodyPoint::Head];
        const Vec2 ch = sk[BodyPoint::Chest];
        m_canvas->setStrokeColor(head);
        m_canvas->setLineWidth(len(kNeckW));
        m_canvas->moveTo(map(ch));
        m_canvas->lineTo(map(ch.x + (c.x - ch.x) * 0.6, ch.y + (c.y - ch.y) * 0.6));
        m_canvas->stroke();
        m_canvas->setFillColor(Rgb{1, 1, 1});
        m_canvas->circle(map(c), len(BodyDims::kHeadRadius + kHalo));
        m_canvas->fill();
        m_canvas->setFillColor(head);
        m_canvas->circle(map(c), len(BodyDims::kHeadRadius));
        m_canvas->fill();
        leg(sk, false, false, true);
        arm(sk, false, false, true);
        drawLines(f);
    }

    /// Straps and bands: drawn with each frame, between two body points (or a point and an anchor).
    void drawLines(const PlacedFrame& f)
    {
        for (const auto& prop : m_spec.props) {
            if ((prop.kind != PropKind::Strap && prop.kind != PropKind::Band) || !prop.at)
                continue;
            Vec2 a = f.sk[*prop.at];
            Vec2 b;
            if (prop.to)
                b = f.sk[*prop.to];
            else if (prop.anchor)
                b = {m_start.sk[BodyPoint::Pelvis].x + prop.anchor->x, prop.anchor->y};
            else
                continue;
            const Rgb band = m_style.accent.mix(m_style.ink, 0.45F);
            const bool isBand = prop.kind == PropKind::Band;
            const Rgb c = isBand ? band : m_style.propLine.mix(m_style.ink, 0.3F);
            const float w = width(isBand ? kBandWidth : kStrapWidth);
            if (isBand) {
                // A band is what tells the band exercise from the plain one (clamshell): a broad
                // strip with a white edge, so it reads over the limbs it loops around.
                m_canvas->setStrokeColor(Rgb{1, 1, 1});
                m_canvas->setLineWidth(w + width(1.6F));
                m_canvas->moveTo(map(a));
                m_canvas->lineTo(map(b));
                m_canvas->stroke();
            }
            m_canvas->setStrokeColor(c);
            m_canvas->setLineWidth(w);
            m_canvas->moveTo(map(a));
            m_canvas->lineTo(map(b));
            m_canvas->stroke();
            if (above() && !prop.to) {
                // Seen from above the anchor is where the band is tied to the door.
                m_canvas->setFillColor(c);
                m_canvas->circle(map(b), len(kAnchorRadius));
                m_canvas->fill();
            }
        }
    }

    void propBox(double x0, double y0, double x1, double y1)
    {
        const Point a = map(x0, y1);
        const Point b = map(x1, y0);
        m_canvas->rectangle({a.x, a.y, b.x - a.x, b.y - a.y});
        m_canvas->fillAndStroke();
    }

    /// A soft cushion: a box with well rounded corners.
    void softBox(double x0, double y0, double x1, double y1)
    {
        const double r = std::min({3.0, (y1 - y0) / 2, (x1 - x0) / 2});
        const double k = r * 0.55;
        m_canvas->moveTo(map(x0 + r, y0));
        m_canvas->lineTo(map(x1 - r, y0));
        m_canvas->curveTo(map(x1 - r + k, y0), map(x1, y0 + r - k), map(x1, y0 + r));
        m_canvas->lineTo(map(x1, y1 - r));
        m_canvas->curveTo(map(x1, y1 - r + k), map(x1 - r + k, y1), map(x1 - r, y1));
        m_canvas->lineTo(map(x0 + r, y1));
        m_canvas->curveTo(map(x0 + r - k, y1), map(x0, y1 - r + k), map(x0, y1 - r));
        m_canvas->lineTo(map(x0, y0 + r));
        m_canvas->curveTo(map(x0, y0 + r - k), map(x0 + r - k, y0), map(x0 + r, y0));
        m_canvas->closePath();
        m_canvas->fillAndStroke();
    }

    void drawStaticProps(const PlacedFrame& frame)
    {
        (void)frame;
        const Bounds& b = m_bounds;
        m_canvas->setLineWidth(width(kPropWidth));
        m_canvas->setStrokeColor(m_style.propLine);
        m_canvas->setFillColor(m_style.propFill);
        // The floor under everything.
        if (hasFloor()) {
            m_canvas->setLineWidth(width(kPropWidth * 1.4F));
            m_canvas->moveTo(map(b.minX, 0));
            m_canvas->lineTo(map(b.maxX, 0));
            m_canvas->stroke();
            m_canvas->setLineWidth(width(kPropWidth));
        }
        for (std::size_t i = 0; i < m_spec.props.size(); ++i) {
            const auto& prop = m_spec.props[i];
            const double x = m_propX[i];
            const double top = supportTop(prop);
            switch (prop.kind) {
            case PropKind::Mat:
                if (hasFloor())
                    propBox(b.minX + 2, 0, b.maxX - 2, kMatThickness);
                else
                    propBox(b.minX + 1, b.minY + 1, b.maxX - 1, b.maxY - 1);
                break;
            case PropKind::Chair: {
                if (front()) {
                    // Seen from the front: back rest behind the person, seat, two legs.
                    if (prop.behind)
                        propBox(x - 12, top, x + 12, top + 28);
                    propBox(x - 15, top - 3, x + 15, top);
                    m_canvas->moveTo(map(x - 13, top - 3));
                    m_canvas->lineTo(map(x - 13, 0));
                    m_canvas->moveTo(map(x + 13, top - 3));
                    m_canvas->lineTo(map(x + 13, 0));
                    m_canvas->stroke();
                    break;
                }
                propBox(x - 10, top - 3, x + 10, top);
                m_canvas->moveTo(map(x - 9, top - 3));
                m_canvas->lineTo(map(x - 9, 0));
                m_canvas->moveTo(map(x + 9, top - 3));
                m_canvas->lineTo(map(x + 9, 0));
                m_canvas->stroke();
                if (prop.armrests) {
                    // An armrest beside the seat, on a post at its front: what the hands push on.
                    propBox(x - 10, top + kArmrestHeight - 1.5, x + 7, top + kArmrestHeight);
                    m_canvas->moveTo(map(x + 5, top + kArmrestHeight - 1.5));
                    m_canvas->lineTo(map(x + 5, top));
                    m_canvas->stroke();
                }
                if (!prop.behind)
                    break; // "side": "front" = a stool, no back rest
                m_canvas->setLineWidth(width(kPropWidth * 1.6F));
                m_canvas->moveTo(map(x - 10, top));
                m_canvas->lineTo(map(x - 11, top + 25));
                m_canvas->stroke();
                m_canvas->setLineWidth(width(kPropWidth));
                break;
            }
            case PropKind::Bench:
                propBox(x - 40, top - 5, x + 5, top);
                m_canvas->moveTo(map(x - 37, top - 5));
                m_canvas->lineTo(map(x - 37, 0));
                m_canvas->moveTo(map(x + 2, top - 5));
                m_canvas->lineTo(map(x + 2, 0));
                m_canvas->stroke();
                break;
            case PropKind::Step:
                propBox(x - 12, 0, x + 10, top);
                break;
            case PropKind::Towel:
                propBox(x - 6, 0, x + 6, top);
                break;
            case PropKind::Pillow:
                m_canvas->setFillColor(m_style.accent.mix(Rgb{1, 1, 1}, 0.8F));
                if (hasFloor())
                    softBox(x - kPillowHalfWidth, m_hasMat ? kMatThickness : 0.0, x + kPillowHalfWidth,
                            m_pillowTop[i]);
                else
                    softBox(x - kPillowHalfWidth, m_propY[i] - kPillowHalfWidth * 0.7, x + kPillowHalfWidth,
                            m_propY[i] + kPillowHalfWidth * 0.7);
                m_canvas->setFillColor(m_style.propFill);
                break;
            case PropKind::Roller:
            case PropKind::Ball:
            case PropKind::SmallBall: {
                if (!hasFloor() && prop.kind == PropKind::Roller) {
                    // From above a roller is a long band under the body part, along the body.
                    const double y = m_propY[i];
                    propBox(x - kTopRollerHalfLength, y - kTopRollerHalfWidth, x + kTopRollerHalfLength,
                            y + kTopRollerHalfWidth);
                    break;
                }
                if (isFreeBall(prop))
                    break; // drawn over the body: it is pressed between body and wall or knees
                m_canvas->circle(map(x, top / 2), len(top / 2));
                m_canvas->fillAndStroke();
                break;
            }
            case PropKind::Wall: {
                const double wx = wallX(prop);
                if (above()) {
                    // The wall (or door) seen from above: a thick strip beside the person.
                    const auto [y0, y1] = wallSpanAbove();
                    m_canvas->setFillColor(m_style.propLine.mix(Rgb{1, 1, 1}, 0.45F));
                    propBox(prop.behind ? wx - kWallAboveThickness : wx, y0,
                            prop.behind ? wx : wx + kWallAboveThickness, y1);
                    m_canvas->setFillColor(m_style.propFill);
                    break;
                }
                propBox(prop.behind ? wx - 2 : wx, 0, prop.behind ? wx : wx + 2, 95);
                break;
            }
            case PropKind::Strap:
            case PropKind::Band:
                break; // drawn with each frame
            }
        }
    }

    void drawFreeBalls()
    {
        for (std::size_t i = 0; i < m_spec.props.size(); ++i) {
            const auto& prop = m_spec.props[i];
            if (!isFreeBall(prop))
                continue;
            m_canvas->setLineWidth(width(kPropWidth));
            m_canvas->setStrokeColor(m_style.propLine.mix(m_style.ink, 0.4F));
            m_canvas->setFillColor(m_style.accent.mix(Rgb{1, 1, 1}, 0.55F));
            m_canvas->circle(map(m_propX[i], prop.height), len(kFreeBallRadius));
            m_canvas->fillAndStroke();
        }
    }

    /// The motion arrow in the end panel: from where the chosen point was at the start to where
    /// it is now.
    void drawArrow()
    {
        if (!m_spec.arrow)
            return;
        const Vec2 a = m_start.sk[*m_spec.arrow];
        const Vec2 b = m_end.sk[*m_spec.arrow];
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        const double d = std::hypot(dx, dy);
        if (d < 6)
            return;
        // Start and stop a little away from the joints so the arrow never hides a limb end.
        const double ux = dx / d;
        const double uy = dy / d;
        const double gap = std::min(5.0, d * 0.2);
        const Vec2 s{a.x + ux * gap, a.y + uy * gap};
        const Vec2 e{b.x - ux * gap, b.y - uy * gap};
        const double bend = m_spec.arrowBend * (d - 2 * gap);
        const Vec2 ctrl{(s.x + e.x) / 2 - uy * bend, (s.y + e.y) / 2 + ux * bend};
        const Point ps = map(s);
        const Point pe = map(e);
        const Point pc = map(ctrl);
        // Quadratic arc written as a cubic.
        const Point c1{ps.x + (pc.x - ps.x) * 2 / 3, ps.y + (pc.y - ps.y) * 2 / 3};
        const Point c2{pe.x + (pc.x - pe.x) * 2 / 3, pe.y + (pc.y - pe.y) * 2 / 3};
        arrowPath(ps, c1, c2, pe, m_style.accent, width(kArrowWidth), width(8.0F), width(4.2F));
    }

    /// A stroked arc ps → pe (cubic through c1, c2) ending in a filled head.
    void arrowPath(Point ps, Point c1, Point c2, Point pe, const Rgb& color, float lineWidth, float head, float half)
    {
        float tx = pe.x - c2.x;
        float ty = pe.y - c2.y;
        const float tl = std::hypot(tx, ty);
        if (tl <= 0)
            return;
        tx /= tl;
        ty /= tl;
        m_canvas->setStrokeColor(color);
        m_canvas->setFillColor(color);
        m_canvas->setLineWidth(lineWidth);
        const Point base{pe.x - tx * head * 0.6F, pe.y - ty * head * 0.6F};
        m_canvas->moveTo(ps);
        m_canvas->curveTo(c1, c2, base);
        m_canvas->stroke();
        m_canvas->moveTo({pe.x + tx * head * 0.4F, pe.y + ty * head * 0.4F});
        m_canvas->lineTo({pe.x - tx * head * 0.6F - ty * half, pe.y - ty * head * 0.6F + tx * half});
        m_canvas->lineTo({pe.x - tx * head * 0.6F + ty * half, pe.y - ty * head * 0.6F - tx * half});
        m_canvas->closePath();
        m_canvas->fill();
    }

    /// "Then": a plain arrow from the start panel to the end panel, never mirrored.
    void drawPanelArrow()
    {
        const Box& l = m_panel[0];
        const float y = l.y + l.height / 2;
        const float x0 = l.x + l.width + m_gap * 0.2F;
        const float x1 = l.x + l.width + m_gap * 0.8F;
        const Rgb c = m_style.propLine;
        const float lw = std::min(width(kArrowWidth), m_gap * 0.12F);
        const float head = std::min(width(9.0F), (x1 - x0) * 0.6F);
        arrowPath({x0, y}, {x0 + (x1 - x0) / 3, y}, {x0 + (x1 - x0) * 2 / 3, y}, {x1 - head * 0.4F, y}, c, lw, head,
                  head * 0.5F);
    }

    const core::FigureSpec& m_spec;
    Canvas& m_base;
    Canvas* m_canvas;
    std::unique_ptr<MirroredCanvas> m_flip;
    const FigureStyle& m_style;
    bool m_mirrored = false;
    PlacedFrame m_start;
    PlacedFrame m_end;
    std::vector<double> m_propX;
    std::vector<double> m_propY; ///< views from above: the y of the prop's body point
    std::vector<double> m_pillowTop;
    Bounds m_bounds;
    std::array<Box, 2> m_panel{};
    float m_gap = 0;
    bool m_hasMat = false;
    bool m_same = false;
    double m_k = 1, m_cx = 0, m_cy = 0, m_s = 1, m_ox = 0, m_oy = 0;
};

} // namespace

void drawFigure(const core::FigureSpec& spec, Canvas& canvas, const Box& box, const FigureStyle& style,
                bool mirrored)
{
    Painter(spec, canvas, box, style, mirrored).paint();
}

namespace {

/// A canvas that draws nothing, for layout questions.
Canvas& nullCanvas()
{
    struct Null final : Canvas {
        void setStrokeColor(const Rgb&) override {}
        void setFillColor(const Rgb&) override {}
        void setLineWidth(float) override {}
        void setRoundLines(bool) override {}
        void moveTo(Point) override {}
        void lineTo(Point) override {}
        void curveTo(Point, Point, Point) override {}
        void closePath() override {}
        void rectangle(const Box&) override {}
        void circle(Point, float) override {}
        void stroke() override {}
        void fill() override {}
        void fillAndStroke() override {}
    };
    static Null null;
    return null;
}

} // namespace

std::vector<Box> figurePanels(const core::FigureSpec& spec, const Box& box)
{
    return Painter(spec, nullCanvas(), box, FigureStyle{}, false).panels();
}

double startTrunkGap(const core::FigureSpec& spec)
{
    return Painter(spec, nullCanvas(), Box{0, 0, kFigureFrameWidth, kFigureFrameHeight}, FigureStyle{}, false)
        .startTrunkGap();
}

bool mirrorFor(core::ExerciseSide side)
{
    return side == core::ExerciseSide::Left;
}

FigureLibrary::FigureLibrary(std::map<std::string, core::FigureSpec> figures, const FigureStyle& style)
    : m_style(style)
{
    for (auto& [id, spec] : figures)
        m_figures.emplace(id, std::move(spec));
}

const core::FigureSpec* FigureLibrary::find(std::string_view figureId) const
{
    const auto it = m_figures.find(figureId);
    return it == m_figures.end() ? nullptr : &it->second;
}

bool FigureLibrary::has(std::string_view figureId) const
{
    return find(figureId) != nullptr;
}

bool FigureLibrary::draw(std::string_view figureId, Canvas& canvas, const Box& box) const
{
    return draw(figureId, canvas, box, false);
}

bool FigureLibrary::draw(std::string_view figureId, Canvas& canvas, const Box& box, bool mirrored) const
{
    const auto* spec = find(figureId);
    if (spec == nullptr)
        return false;
    drawFigure(*spec, canvas, box, m_style, mirrored);
    return true;
}

std::vector<std::uint8_t> renderFigureSheet(const FigureLibrary& figures,
                                            const std::vector<std::pair<std::string, std::string>>& items,
                                            const std::filesystem::path& fontFile, float cellWidth,
                                            float cellHeight)
{
    for (const auto& [id, caption] : items)
        if (!figures.has(id))
            throw Error("exercise " + id + ": no figure (expected assets/figures/" + id + ".json)");
    constexpr float kPageW = 595.0F;
    constexpr float kPageH = 842.0F;
    constexpr float kMarginPt = 28.0F;
    constexpr float kCaption = 20.0F;
    PdfDocument doc;
    doc.setInfo("HipRx exercise figures", "HipRx", "Contact sheet of every exercise figure");
    const FontFace font = doc.loadTrueType(fontFile);
    const TextStyle text{font, 6.5F, Rgb{0.2F, 0.2F, 0.2F}};
    const TextStyle small{font, 5.5F, Rgb{0.45F, 0.45F, 0.45F}};
    const int cols = std::max(1, static_cast<int>((kPageW - 2 * kMarginPt) / (cellWidth + 14)));
    const int rows = std::max(1, static_cast<int>((kPageH - 2 * kMarginPt) / (cellHeight + kCaption + 6)));
    const float colW = (kPageW - 2 * kMarginPt) / static_cast<float>(cols);
    const float rowH = (kPageH - 2 * kMarginPt) / static_cast<float>(rows);
    const Rgb frame{0.85F, 0.85F, 0.85F};
    std::optional<PdfPage> page;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto perPage = static_cast<std::size_t>(cols * rows);
        if (i % perPage == 0)
            page = doc.addPage(kPageW, kPageH);
        const auto slot = static_cast<int>(i % perPage);
        const float x = kMarginPt + static_cast<float>(slot % cols) * colW + (colW - cellWidth) / 2;
        const float y = kMarginPt + static_cast<float>(slot / cols) * rowH;
        const Box box{x, y, cellWidth, cellHeight};
        page->strokeRect(box, frame, 0.4F);
        PdfCanvas canvas(*page);
        figures.draw(items[i].first, canvas, box);
        // A long name wraps onto a second line instead of running into the next cell.
        const float captionW = colW - 6;
        auto lines = wrapText(items[i].second, captionW,
                              [&](std::string_view s) { return doc.textWidth(font, text.size, s); });
        if (lines.size() > 2)
            lines.resize(2);
        float lineY = y + cellHeight + 9;
        for (const auto& line : lines) {
            page->text(x, lineY, line, text);
            lineY += 7.5F;
        }
        page->text(x, lineY, items[i].first, small);
    }
    if (!page)
        doc.addPage(kPageW, kPageH);
    return doc.save();
}

std::vector<std::uint8_t> renderFigurePages(const FigureLibrary& figures, const std::vector<std::string>& ids,
                                            float width, float height)
{
    constexpr float kPad = 6.0F;
    PdfDocument doc;
    doc.setInfo("HipRx exercise figures", "HipRx", "One exercise figure per page");
    for (const auto& id : ids) {
        if (!figures.has(id))
            throw Error("exercise " + id + ": no figure (expected assets/figures/" + id + ".json)");
        PdfPage page = doc.addPage(width + 2 * kPad, height + 2 * kPad);
        PdfCanvas canvas(page);
        figures.draw(id, canvas, {kPad, kPad, width, height});
    }
    if (ids.empty())
        doc.addPage(width + 2 * kPad, height + 2 * kPad);
    return doc.save();
}

} // namespace hiprx::render
