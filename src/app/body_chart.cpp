// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/body_chart.h"

#include "app/assessment_words.h"
#include "app/wx_text.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <algorithm>
#include <memory>

namespace hiprx::app {

namespace {

// Chart units: two figures 160 wide with a gap, 256 high (the labels below the feet).
constexpr double kFigureWidth = 160;
constexpr double kGap = 24;
constexpr double kChartWidth = 2 * kFigureWidth + kGap;
constexpr double kChartHeight = 256;
constexpr double kFrontCentre = kFigureWidth / 2;
constexpr double kBackCentre = kFigureWidth + kGap + kFigureWidth / 2;

using core::BodyRegion;
using core::BodySide;

/// A spot drawn on the viewer's left half of a figure, relative to its centre line.
struct HalfSpot {
    BodyRegion region;
    double x, y, w, h; ///< x relative to the centre line (negative = viewer's left)
};

// Viewer's left half of the front view (the patient's right side).
constexpr HalfSpot kFront[] = {
    {BodyRegion::LateralHip, -38, 110, 9, 20},    {BodyRegion::Groin, -17, 116, 15, 13},
    {BodyRegion::LateralThigh, -33, 133, 7, 36},  {BodyRegion::AnteriorThigh, -25, 133, 21, 38},
    {BodyRegion::Knee, -22, 174, 18, 14},         {BodyRegion::BelowKnee, -20, 191, 14, 30},
    {BodyRegion::Foot, -22, 225, 18, 10},
};
// Viewer's left half of the back view (the patient's left side).
constexpr HalfSpot kBack[] = {
    {BodyRegion::Lumbar, -25, 88, 16, 22},        {BodyRegion::Sacroiliac, -14, 111, 11, 10},
    {BodyRegion::LateralHip, -38, 110, 9, 20},    {BodyRegion::Buttock, -31, 123, 28, 21},
    {BodyRegion::PosteriorThigh, -26, 147, 22, 26}, {BodyRegion::Knee, -22, 176, 18, 12},
    {BodyRegion::BelowKnee, -20, 191, 14, 30},    {BodyRegion::Foot, -22, 225, 18, 10},
};

void addPolygon(wxGraphicsPath& path, double cx, std::initializer_list<std::pair<double, double>> points,
                bool mirrored)
{
    bool first = true;
    for (const auto& [x, y] : points) {
        const double px = cx + (mirrored ? -x : x);
        if (first)
            path.MoveToPoint(px, y);
        else
            path.AddLineToPoint(px, y);
        first = false;
    }
    path.CloseSubpath();
}

/// The outline of one figure, seen from the front or the back (the same shape), as closed shapes.
wxGraphicsPath figurePath(wxGraphicsContext& gc, double cx)
{
    wxGraphicsPath path = gc.CreatePath();
    path.AddEllipse(cx - 11, 2, 22, 26);
    path.AddRectangle(cx - 5, 25, 10, 12);
    addPolygon(path, cx, {{-34, 38}, {34, 38}, {30, 70}, {27, 98}, {34, 122}, {-34, 122}, {-27, 98}, {-30, 70}},
               false);
    for (bool mirrored : {false, true}) {
        addPolygon(path, cx, {{-34, 38}, {-42, 44}, {-48, 92}, {-51, 122}, {-43, 124}, {-39, 94}, {-31, 62}},
                   mirrored);
        path.AddEllipse(cx + (mirrored ? 42 : -52), 121, 10, 15);
        addPolygon(path, cx,
                   {{-34, 118}, {-1, 118}, {-2, 150}, {-4, 178}, {-7, 224}, {-17, 224}, {-22, 178}, {-31, 150}},
                   mirrored);
        path.AddEllipse(cx + (mirrored ? 3 : -21), 221, 18, 13);
    }
    return path;
}

} // namespace

BodyChart::BodyChart(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE)
{
    SetName("pain.body_chart");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(330, 250)));
    // Each half spot twice: the viewer's left half, then mirrored. The front view shows the patient's
    // right on the viewer's left; the back view their left.
    auto add = [this](const auto& halves, double cx, BodySide viewerLeft, BodySide viewerRight) {
        for (const HalfSpot& s : halves) {
            m_spots.push_back({{s.region, viewerLeft}, cx + s.x, s.y, s.w, s.h});
            m_spots.push_back({{s.region, viewerRight}, cx - s.x - s.w, s.y, s.w, s.h});
        }
    };
    add(kFront, kFrontCentre, BodySide::Right, BodySide::Left);
    add(kBack, kBackCentre, BodySide::Left, BodySide::Right);
    // The middle of the low back, between the two sides.
    m_spots.push_back({{BodyRegion::Lumbar, BodySide::Central}, kBackCentre - 9, 88, 18, 22});

    Bind(wxEVT_PAINT, &BodyChart::onPaint, this);
    Bind(wxEVT_LEFT_DOWN, &BodyChart::onClick, this);
    Bind(wxEVT_MOTION, &BodyChart::onMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent& e) {
        m_hover.reset();
        Refresh();
        e.Skip();
    });
}

std::vector<core::PainArea> BodyChart::offeredAreas()
{
    std::vector<core::PainArea> areas;
    for (const auto& entry : core::vocabulary<BodyRegion>()) {
        areas.push_back({entry.value, BodySide::Left});
        if (entry.value == BodyRegion::Lumbar)
            areas.push_back({entry.value, BodySide::Central});
        areas.push_back({entry.value, BodySide::Right});
    }
    return areas;
}

void BodyChart::setChosen(const std::vector<core::PainArea>& areas)
{
    if (areas == m_chosen)
        return;
    m_chosen = areas;
    Refresh();
}

BodyChart::Transform BodyChart::transform() const
{
    const wxSize size = GetClientSize();
    const double scale = std::max(0.1, std::min(size.x / kChartWidth, size.y / kChartHeight));
    return {scale, (size.x - kChartWidth * scale) / 2, (size.y - kChartHeight * scale) / 2};
}

std::optional<core::PainArea> BodyChart::areaAt(const wxPoint& point) const
{
    const Transform t = transform();
    const double x = (point.x - t.dx) / t.scale;
    const double y = (point.y - t.dy) / t.scale;
    // Later spots are drawn on top (the middle of the low back over its sides): search backwards.
    for (auto it = m_spots.rbegin(); it != m_spots.rend(); ++it)
        if (x >= it->x && x < it->x + it->w && y >= it->y && y < it->y + it->h)
            return it->area;
    return std::nullopt;
}

std::optional<wxPoint> BodyChart::pointOf(const core::PainArea& area) const
{
    const Transform t = transform();
    for (const Spot& s : m_spots)
        if (s.area == area)
            return wxPoint(static_cast<int>(t.dx + (s.x + s.w / 2) * t.scale),
                           static_cast<int>(t.dy + (s.y + s.h / 2) * t.scale));
    return std::nullopt;
}

void BodyChart::onClick(wxMouseEvent& event)
{
    if (const auto area = areaAt(event.GetPosition()); area && m_onToggle)
        m_onToggle(*area);
    event.Skip();
}

void BodyChart::onMotion(wxMouseEvent& event)
{
    const auto area = areaAt(event.GetPosition());
    if (area != m_hover) {
        m_hover = area;
        SetToolTip(area ? toWx(painAreaText(*area)) : wxString());
        SetCursor(area ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
        Refresh();
    }
    event.Skip();
}

void BodyChart::onPaint(wxPaintEvent& /*event*/)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    const Transform t = transform();
    gc->Translate(t.dx, t.dy);
    gc->Scale(t.scale, t.scale);

    // The outline: stroked then filled again without a pen, so only the outer edge of the
    // overlapping shapes shows.
    for (double cx : {kFrontCentre, kBackCentre}) {
        wxGraphicsPath body = figurePath(*gc, cx);
        gc->SetPen(wxPen(wxColour(120, 120, 120), 2));
        gc->SetBrush(wxBrush(wxColour(245, 240, 235)));
        gc->DrawPath(body, wxWINDING_RULE);
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->DrawPath(body, wxWINDING_RULE);
    }
    // Back view landmarks: the spine.
    gc->SetPen(wxPen(wxColour(190, 180, 170), 1));
    gc->StrokeLine(kBackCentre, 40, kBackCentre, 112);

    for (const Spot& s : m_spots) {
        const bool chosen = std::find(m_chosen.begin(), m_chosen.end(), s.area) != m_chosen.end();
        const bool hover = m_hover && *m_hover == s.area;
        if (chosen) {
            gc->SetPen(wxPen(wxColour(183, 28, 28), 1));
            gc->SetBrush(wxBrush(wxColour(229, 57, 53, hover ? 230 : 190)));
        } else {
            gc->SetPen(wxPen(wxColour(144, 164, 194), 1));
            gc->SetBrush(hover ? wxBrush(wxColour(187, 222, 251)) : *wxTRANSPARENT_BRUSH);
        }
        gc->DrawRoundedRectangle(s.x, s.y, s.w, s.h, 3);
    }

    wxFont font = GetFont();
    font.SetPointSize(9); // scaled with the chart
    gc->SetFont(font, wxColour(60, 60, 60));
    auto centred = [&](const wxString& text, double cx, double y) {
        double w = 0, h = 0;
        gc->GetTextExtent(text, &w, &h);
        gc->DrawText(text, cx - w / 2, y);
    };
    centred("Front", kFrontCentre, 240);
    centred("Back", kBackCentre, 240);
    gc->SetFont(font, wxColour(21, 101, 192));
    // The patient's sides at each figure's hands.
    centred("R", kFrontCentre - 64, 100);
    centred("L", kFrontCentre + 64, 100);
    centred("L", kBackCentre - 64, 100);
    centred("R", kBackCentre + 64, 100);
}

} // namespace hiprx::app
