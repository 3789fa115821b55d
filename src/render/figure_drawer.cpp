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
#include <optional>

namespace hiprx::render {
namespace {

using core::BodyDims;
using core::BodyPoint;
using core::PropKind;
using core::Vec2;

// Stroke widths in frame units (kFigureFrameWidth × kFigureFrameHeight), independent of how much a
// figure is scaled to fill the frame, so every figure has the same line weight on a card.
constexpr float kLimbWidth = 5.0F;
constexpr float kTrunkWidth = 8.5F;
constexpr float kNeckWidth = 4.0F;
constexpr float kPropWidth = 1.4F;
constexpr float kStrapWidth = 1.6F;
constexpr float kArrowWidth = 2.0F;
constexpr float kMargin = 4.0F;     // frame units kept free around the drawing
constexpr double kMaxScale = 1.9;  // lying figures may grow this much to use the frame
constexpr double kMatThickness = 2.0;
constexpr double kFreeBallRadius = 4.5; // a massage ball held against a wall or between the knees
constexpr double kTopMatPad = 4.0;         // views from above: mat margin around the body
constexpr double kTopRollerHalfLength = 16.0; // views from above: a foam roller seen lengthwise
constexpr double kTopRollerHalfWidth = 4.5;

double pointRadius(BodyPoint p)
{
    switch (p) {
    case BodyPoint::Head:
        return BodyDims::kHeadRadius;
    case BodyPoint::Pelvis:
    case BodyPoint::Chest:
        return BodyDims::kTrunkRadius;
    default:
        return BodyDims::kLimbRadius;
    }
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
    Painter(const core::FigureSpec& spec, Canvas& canvas, const Box& box, const FigureStyle& style)
        : m_spec(spec), m_canvas(canvas), m_style(style)
    {
        m_hasMat = std::any_of(spec.props.begin(), spec.props.end(),
                               [](const core::Prop& p) { return p.kind == PropKind::Mat; });
        m_start.sk = core::solve(spec.start, spec.view);
        m_start.pose = &spec.start;
        m_end.sk = core::solve(spec.end, spec.view);
        m_end.pose = &spec.end;
        m_same = spec.start.angles == spec.end.angles && spec.start.shiftX == spec.end.shiftX;
        placeSupports();
        rest(m_start, true);
        rest(m_end, false);
        if (spec.planted) {
            const double dx = m_start.sk[*spec.planted].x - m_end.sk[*spec.planted].x;
            for (auto& pt : m_end.sk.points)
                pt.x += dx;
        }
        fit(box);
    }

    void paint()
    {
        m_canvas.setRoundLines(true);
        drawStaticProps();
        if (!m_same)
            drawBody(m_start, true);
        drawBody(m_end, false);
        drawFreeBalls();
        if (!m_same)
            drawArrow();
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

    /// Moves the frame up so its lowest surface touches the floor (or the mat) and every support
    /// it lies on carries its point.
    void rest(PlacedFrame& frame, bool isStart)
    {
        if (!m_spec.floor)
            return; // seen from above: nothing to rest on
        double lowest = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < core::kBodyPointCount; ++i) {
            const auto p = static_cast<BodyPoint>(i);
            lowest = std::min(lowest, frame.sk[p].y - pointRadius(p));
        }
        double lift = (m_hasMat ? kMatThickness : 0.0) - lowest;
        for (const auto& prop : m_spec.props) {
            if (!isSupport(prop.kind) || !prop.at || isFreeBall(prop) || (prop.startOnly && !isStart))
                continue;
            const double need = supportTop(prop) + pointRadius(*prop.at) - frame.sk[*prop.at].y;
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
        if (m_spec.floor)
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
            const auto ext = propExtent(prop, m_propX[i], m_propY[i]);
            if (ext) {
                b.add(ext->minX, ext->minY);
                b.add(ext->maxX, ext->maxY);
            }
        }
        return b;
    }

    /// The box a static prop covers, in figure units.
    std::optional<Bounds> propExtent(const core::Prop& prop, double x, double y) const
    {
        Bounds b;
        const double top = supportTop(prop);
        if (!m_spec.floor && prop.kind == PropKind::Roller) {
            b.add(x - kTopRollerHalfLength, y - kTopRollerHalfWidth);
            b.add(x + kTopRollerHalfLength, y + kTopRollerHalfWidth);
            return b;
        }
        switch (prop.kind) {
        case PropKind::Chair:
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
        case PropKind::Wall: {
            const double wx = wallX(prop);
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

    void fit(const Box& box)
    {
        Bounds b = contentBounds();
        const double w = std::max(1.0, b.maxX - b.minX);
        const double h = std::max(1.0, b.maxY - b.minY);
        const double availW = kFigureFrameWidth - 2 * kMargin;
        const double availH = kFigureFrameHeight - 2 * kMargin;
        m_k = std::min({kMaxScale, availW / w, availH / h});
        m_cx = (b.minX + b.maxX) / 2;
        m_cy = (b.minY + b.maxY) / 2;
        m_s = std::min(box.width / kFigureFrameWidth, box.height / kFigureFrameHeight);
        m_ox = box.x + box.width / 2;
        m_oy = box.y + box.height / 2;
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

    Rgb segmentColor(std::string_view segment, bool ghost, bool far) const
    {
        const bool accent = highlighted(segment);
        if (ghost)
            return accent ? m_style.accent.mix(Rgb{1, 1, 1}, 0.62F) : m_style.ghost;
        if (accent)
            return far ? m_style.accent.mix(Rgb{1, 1, 1}, 0.35F) : m_style.accent;
        return far ? m_style.farInk : m_style.ink;
    }

    /// Draws a chain of segments as few paths as possible (one per run of one colour).
    void chain(const core::Skeleton& sk, std::initializer_list<BodyPoint> points,
               std::initializer_list<std::string_view> segments, bool ghost, bool far, float lineWidth)
    {
        const std::vector<BodyPoint> pts(points);
        const std::vector<std::string_view> segs(segments);
        m_canvas.setLineWidth(width(lineWidth));
        std::size_t i = 0;
        while (i < segs.size()) {
            const Rgb c = segmentColor(segs[i], ghost, far);
            std::size_t j = i;
            while (j + 1 < segs.size() && segmentColor(segs[j + 1], ghost, far) == c)
                ++j;
            m_canvas.setStrokeColor(c);
            m_canvas.moveTo(map(sk[pts[i]]));
            for (std::size_t k = i; k <= j; ++k)
                m_canvas.lineTo(map(sk[pts[k + 1]]));
            m_canvas.stroke();
            i = j + 1;
        }
    }

    void limbs(const core::Skeleton& sk, bool left, bool ghost, bool far)
    {
        if (left) {
            chain(sk, {BodyPoint::LeftHip, BodyPoint::LeftKnee, BodyPoint::LeftAnkle, BodyPoint::LeftToe},
                  {"left_thigh", "left_shin", "left_foot"}, ghost, far, kLimbWidth);
            chain(sk, {BodyPoint::LeftShoulder, BodyPoint::LeftElbow, BodyPoint::LeftHand},
                  {"left_upper_arm", "left_forearm"}, ghost, far, kLimbWidth * 0.9F);
        } else {
            chain(sk, {BodyPoint::RightHip, BodyPoint::RightKnee, BodyPoint::RightAnkle, BodyPoint::RightToe},
                  {"right_thigh", "right_shin", "right_foot"}, ghost, far, kLimbWidth);
            chain(sk, {BodyPoint::RightShoulder, BodyPoint::RightElbow, BodyPoint::RightHand},
                  {"right_upper_arm", "right_forearm"}, ghost, far, kLimbWidth * 0.9F);
        }
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
        // In the front view the angles turn the other way round only for drawing tangents when
        // the spine bends sideways; the same formula holds because solve() uses the same angles.
        const Vec2 t0 = dirOf(p);
        const Vec2 t1 = dirOf(p + spine);
        m_canvas.moveTo(map(a));
        if (std::abs(spine) < 1) {
            m_canvas.lineTo(map(b));
        } else {
            m_canvas.curveTo(map(a.x + t0.x * reach, a.y + t0.y * reach), map(b.x - t1.x * reach, b.y - t1.y * reach),
                             map(b));
        }
        m_canvas.stroke();
    }

    void drawBody(const PlacedFrame& f, bool ghost)
    {
        const auto& sk = f.sk;
        const bool side = m_spec.view == core::FigureView::Side;
        // Side view: the left side is the far one, drawn behind in a lighter tone.
        limbs(sk, true, ghost, side);
        if (!side) {
            // Front view: a short pelvis bar joins the hips under the trunk.
            m_canvas.setStrokeColor(segmentColor("trunk", ghost, false));
            m_canvas.setLineWidth(width(kLimbWidth));
            m_canvas.moveTo(map(sk[BodyPoint::LeftHip]));
            m_canvas.lineTo(map(sk[BodyPoint::RightHip]));
            m_canvas.stroke();
        }
        const Rgb trunk = segmentColor("trunk", ghost, false);
        m_canvas.setStrokeColor(trunk);
        m_canvas.setLineWidth(width(kTrunkWidth));
        trunkCurve(sk, *f.pose);
        if (!side) {
            m_canvas.setLineWidth(width(kLimbWidth));
            m_canvas.moveTo(map(sk[BodyPoint::LeftShoulder]));
            m_canvas.lineTo(map(sk[BodyPoint::RightShoulder]));
            m_canvas.stroke();
        }
        const Rgb head = segmentColor("head", ghost, false);
        m_canvas.setStrokeColor(head);
        m_canvas.setLineWidth(width(kNeckWidth));
        m_canvas.moveTo(map(sk[BodyPoint::Chest]));
        const Vec2 c = sk[BodyPoint::Head];
        const Vec2 ch = sk[BodyPoint::Chest];
        m_canvas.lineTo(map(ch.x + (c.x - ch.x) * 0.5, ch.y + (c.y - ch.y) * 0.5));
        m_canvas.stroke();
        m_canvas.setFillColor(head);
        m_canvas.circle(map(c), len(BodyDims::kHeadRadius));
        m_canvas.fill();
        limbs(sk, false, ghost, false);
        drawLines(f, ghost);
    }

    /// Straps and bands: drawn with each frame, between two body points (or a point and an anchor).
    void drawLines(const PlacedFrame& f, bool ghost)
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
            Rgb c = prop.kind == PropKind::Band ? band : m_style.propLine.mix(m_style.ink, 0.3F);
            if (ghost)
                c = c.mix(Rgb{1, 1, 1}, 0.6F);
            m_canvas.setStrokeColor(c);
            m_canvas.setLineWidth(width(prop.kind == PropKind::Band ? kStrapWidth * 1.3F : kStrapWidth));
            m_canvas.moveTo(map(a));
            m_canvas.lineTo(map(b));
            m_canvas.stroke();
        }
    }

    void propBox(double x0, double y0, double x1, double y1)
    {
        const Point a = map(x0, y1);
        const Point b = map(x1, y0);
        m_canvas.rectangle({a.x, a.y, b.x - a.x, b.y - a.y});
        m_canvas.fillAndStroke();
    }

    void drawStaticProps()
    {
        const Bounds b = contentBounds();
        m_canvas.setLineWidth(width(kPropWidth));
        m_canvas.setStrokeColor(m_style.propLine);
        m_canvas.setFillColor(m_style.propFill);
        // The floor under everything.
        if (m_spec.floor) {
            m_canvas.moveTo(map(b.minX, 0));
            m_canvas.lineTo(map(b.maxX, 0));
            m_canvas.stroke();
        }
        for (std::size_t i = 0; i < m_spec.props.size(); ++i) {
            const auto& prop = m_spec.props[i];
            const double x = m_propX[i];
            const double top = supportTop(prop);
            switch (prop.kind) {
            case PropKind::Mat:
                if (m_spec.floor)
                    propBox(b.minX + 2, 0, b.maxX - 2, kMatThickness);
                else
                    propBox(b.minX + 1, b.minY + 1, b.maxX - 1, b.maxY - 1);
                break;
            case PropKind::Chair: {
                propBox(x - 10, top - 3, x + 10, top);
                m_canvas.moveTo(map(x - 9, top - 3));
                m_canvas.lineTo(map(x - 9, 0));
                m_canvas.moveTo(map(x + 9, top - 3));
                m_canvas.lineTo(map(x + 9, 0));
                m_canvas.stroke();
                if (!prop.behind)
                    break; // "side": "front" = a stool, no back rest
                m_canvas.setLineWidth(width(kPropWidth * 1.6F));
                m_canvas.moveTo(map(x - 10, top));
                m_canvas.lineTo(map(x - 11, top + 25));
                m_canvas.stroke();
                m_canvas.setLineWidth(width(kPropWidth));
                break;
            }
            case PropKind::Bench:
                propBox(x - 40, top - 5, x + 5, top);
                m_canvas.moveTo(map(x - 37, top - 5));
                m_canvas.lineTo(map(x - 37, 0));
                m_canvas.moveTo(map(x + 2, top - 5));
                m_canvas.lineTo(map(x + 2, 0));
                m_canvas.stroke();
                break;
            case PropKind::Step:
                propBox(x - 12, 0, x + 10, top);
                break;
            case PropKind::Towel:
                propBox(x - 6, 0, x + 6, top);
                break;
            case PropKind::Roller:
            case PropKind::Ball:
            case PropKind::SmallBall: {
                if (!m_spec.floor && prop.kind == PropKind::Roller) {
                    // From above a roller is a long band under the body part, along the body.
                    const double y = m_propY[i];
                    propBox(x - kTopRollerHalfLength, y - kTopRollerHalfWidth, x + kTopRollerHalfLength,
                            y + kTopRollerHalfWidth);
                    break;
                }
                if (isFreeBall(prop))
                    break; // drawn over the body: it is pressed between body and wall or knees
                m_canvas.circle(map(x, top / 2), len(top / 2));
                m_canvas.fillAndStroke();
                break;
            }
            case PropKind::Wall: {
                const double wx = wallX(prop);
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
            m_canvas.setLineWidth(width(kPropWidth));
            m_canvas.setStrokeColor(m_style.propLine.mix(m_style.ink, 0.4F));
            m_canvas.setFillColor(m_style.accent.mix(Rgb{1, 1, 1}, 0.55F));
            m_canvas.circle(map(m_propX[i], prop.height), len(kFreeBallRadius));
            m_canvas.fillAndStroke();
        }
    }

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
        const double gap = std::min(4.0, d * 0.2);
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
        m_canvas.setStrokeColor(m_style.accent);
        m_canvas.setFillColor(m_style.accent);
        m_canvas.setLineWidth(width(kArrowWidth));
        // Arrowhead along the arc's last tangent.
        float tx = pe.x - c2.x;
        float ty = pe.y - c2.y;
        const float tl = std::hypot(tx, ty);
        if (tl <= 0)
            return;
        tx /= tl;
        ty /= tl;
        const float head = width(7.0F);
        const float half = width(3.6F);
        const Point base{pe.x - tx * head * 0.6F, pe.y - ty * head * 0.6F};
        m_canvas.moveTo(ps);
        m_canvas.curveTo(c1, c2, base);
        m_canvas.stroke();
        m_canvas.moveTo({pe.x + tx * head * 0.4F, pe.y + ty * head * 0.4F});
        m_canvas.lineTo({pe.x - tx * head * 0.6F - ty * half, pe.y - ty * head * 0.6F + tx * half});
        m_canvas.lineTo({pe.x - tx * head * 0.6F + ty * half, pe.y - ty * head * 0.6F - tx * half});
        m_canvas.closePath();
        m_canvas.fill();
    }

    const core::FigureSpec& m_spec;
    Canvas& m_canvas;
    const FigureStyle& m_style;
    PlacedFrame m_start;
    PlacedFrame m_end;
    std::vector<double> m_propX;
    std::vector<double> m_propY; ///< views from above: the y of the prop's body point
    bool m_hasMat = false;
    bool m_same = false;
    double m_k = 1, m_cx = 0, m_cy = 0, m_s = 1, m_ox = 0, m_oy = 0;
};

} // namespace

void drawFigure(const core::FigureSpec& spec, Canvas& canvas, const Box& box, const FigureStyle& style,
                bool mirrored)
{
    if (mirrored) {
        MirroredCanvas flipped(canvas, box);
        Painter(spec, flipped, box, style).paint();
        return;
    }
    Painter(spec, canvas, box, style).paint();
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

} // namespace hiprx::render
