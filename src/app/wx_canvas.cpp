// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/wx_canvas.h"

#include <wx/brush.h>
#include <wx/pen.h>

#include <algorithm>
#include <cmath>

namespace hiprx::app {

wxColour toWxColour(const render::Rgb& color)
{
    const auto channel = [](float v) {
        return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0F, 1.0F) * 255.0F));
    };
    return {channel(color.r), channel(color.g), channel(color.b)};
}

WxCanvas::WxCanvas(wxGraphicsContext& gc) : m_gc(gc), m_path(gc.CreatePath())
{
    m_gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
}

void WxCanvas::setStrokeColor(const render::Rgb& color)
{
    m_stroke = toWxColour(color);
}

void WxCanvas::setFillColor(const render::Rgb& color)
{
    m_fill = toWxColour(color);
}

void WxCanvas::setLineWidth(float width)
{
    m_width = width;
}

void WxCanvas::setRoundLines(bool round)
{
    m_round = round;
}

void WxCanvas::moveTo(render::Point p)
{
    m_path.MoveToPoint(p.x, p.y);
}

void WxCanvas::lineTo(render::Point p)
{
    m_path.AddLineToPoint(p.x, p.y);
}

void WxCanvas::curveTo(render::Point c1, render::Point c2, render::Point end)
{
    m_path.AddCurveToPoint(c1.x, c1.y, c2.x, c2.y, end.x, end.y);
}

void WxCanvas::closePath()
{
    m_path.CloseSubpath();
}

void WxCanvas::rectangle(const render::Box& box)
{
    m_path.AddRectangle(box.x, box.y, box.width, box.height);
}

void WxCanvas::circle(render::Point centre, float radius)
{
    m_path.AddCircle(centre.x, centre.y, radius);
}

wxGraphicsPen WxCanvas::pen() const
{
    wxGraphicsPenInfo info(m_stroke, m_width);
    info.Cap(m_round ? wxCAP_ROUND : wxCAP_BUTT).Join(m_round ? wxJOIN_ROUND : wxJOIN_MITER);
    return m_gc.CreatePen(info);
}

void WxCanvas::resetPath()
{
    m_path = m_gc.CreatePath();
}

void WxCanvas::stroke()
{
    m_gc.SetPen(pen());
    m_gc.StrokePath(m_path);
    resetPath();
}

void WxCanvas::fill()
{
    m_gc.SetBrush(m_gc.CreateBrush(wxBrush(m_fill)));
    m_gc.FillPath(m_path, wxWINDING_RULE);
    resetPath();
}

void WxCanvas::fillAndStroke()
{
    m_gc.SetPen(pen());
    m_gc.SetBrush(m_gc.CreateBrush(wxBrush(m_fill)));
    m_gc.DrawPath(m_path, wxWINDING_RULE);
    resetPath();
}

} // namespace hiprx::app
