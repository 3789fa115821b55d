// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/wx_canvas.h"

#include "render/picture.h"

#include <wx/bitmap.h>
#include <wx/brush.h>
#include <wx/pen.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

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

wxImage toWxImage(const core::ExercisePicture& picture, int atLeastSide)
{
    render::Pixels pixels;
    try {
        pixels = render::decodePicture(picture.bytes, picture.type, "picture", atLeastSide);
    } catch (const std::exception&) {
        return {};
    }
    const std::size_t count = static_cast<std::size_t>(pixels.width) * static_cast<std::size_t>(pixels.height);
    // wxImage takes ownership of malloc'ed buffers: RGB in one, alpha in another.
    auto* rgb = static_cast<unsigned char*>(std::malloc(count * 3));
    const bool hasAlpha = pixels.channels == 2 || pixels.channels == 4;
    auto* alpha = hasAlpha ? static_cast<unsigned char*>(std::malloc(count)) : nullptr;
    if (!rgb || (hasAlpha && !alpha)) {
        std::free(rgb);
        std::free(alpha);
        return {};
    }
    const int c = pixels.channels;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* px = pixels.data.data() + i * static_cast<std::size_t>(c);
        const bool grey = c <= 2;
        rgb[i * 3] = px[0];
        rgb[i * 3 + 1] = grey ? px[0] : px[1];
        rgb[i * 3 + 2] = grey ? px[0] : px[2];
        if (alpha)
            alpha[i] = px[c - 1];
    }
    wxImage image(pixels.width, pixels.height, rgb);
    if (alpha)
        image.SetAlpha(alpha);
    return image;
}

bool WxCanvas::picture(const core::ExercisePicture& picture, const render::Box& box)
{
    if (box.width < 1 || box.height < 1)
        return false;
    wxImage image = toWxImage(picture, static_cast<int>(std::max(box.width, box.height)));
    if (!image.IsOk())
        return false;
    image.Rescale(std::max(1, static_cast<int>(std::lround(box.width))),
                  std::max(1, static_cast<int>(std::lround(box.height))), wxIMAGE_QUALITY_HIGH);
    m_gc.DrawBitmap(wxBitmap(image), box.x, box.y, box.width, box.height);
    return true;
}

} // namespace hiprx::app
