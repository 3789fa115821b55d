// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pdf_canvas.h"

#include "render/picture.h"

namespace hiprx::render {

void PdfCanvas::check(const char* what)
{
    m_page.document().check(what);
}

void PdfCanvas::setStrokeColor(const Rgb& color)
{
    HPDF_Page_SetRGBStroke(m_page.handle(), color.r, color.g, color.b);
    check("setting a stroke colour");
}

void PdfCanvas::setFillColor(const Rgb& color)
{
    HPDF_Page_SetRGBFill(m_page.handle(), color.r, color.g, color.b);
    check("setting a fill colour");
}

void PdfCanvas::setLineWidth(float width)
{
    HPDF_Page_SetLineWidth(m_page.handle(), width);
    check("setting a line width");
}

void PdfCanvas::setRoundLines(bool round)
{
    HPDF_Page_SetLineCap(m_page.handle(), round ? HPDF_ROUND_END : HPDF_BUTT_END);
    HPDF_Page_SetLineJoin(m_page.handle(), round ? HPDF_ROUND_JOIN : HPDF_MITER_JOIN);
    check("setting line ends");
}

void PdfCanvas::moveTo(Point p)
{
    HPDF_Page_MoveTo(m_page.handle(), p.x, m_page.pdfY(p.y));
    check("drawing a path");
}

void PdfCanvas::lineTo(Point p)
{
    HPDF_Page_LineTo(m_page.handle(), p.x, m_page.pdfY(p.y));
    check("drawing a path");
}

void PdfCanvas::curveTo(Point c1, Point c2, Point end)
{
    HPDF_Page_CurveTo(m_page.handle(), c1.x, m_page.pdfY(c1.y), c2.x, m_page.pdfY(c2.y), end.x,
                      m_page.pdfY(end.y));
    check("drawing a curve");
}

void PdfCanvas::closePath()
{
    HPDF_Page_ClosePath(m_page.handle());
    check("closing a path");
}

void PdfCanvas::rectangle(const Box& box)
{
    HPDF_Page_Rectangle(m_page.handle(), box.x, m_page.pdfY(box.y + box.height), box.width, box.height);
    check("drawing a rectangle");
}

void PdfCanvas::circle(Point centre, float radius)
{
    HPDF_Page_Circle(m_page.handle(), centre.x, m_page.pdfY(centre.y), radius);
    check("drawing a circle");
}

void PdfCanvas::stroke()
{
    HPDF_Page_Stroke(m_page.handle());
    check("stroking a path");
}

void PdfCanvas::fill()
{
    HPDF_Page_Fill(m_page.handle());
    check("filling a path");
}

void PdfCanvas::fillAndStroke()
{
    HPDF_Page_FillStroke(m_page.handle());
    check("filling a path");
}

bool PdfCanvas::picture(const core::ExercisePicture& picture, const Box& box)
{
    try {
        m_page.image(embedPicture(m_page.document(), picture, box.width, box.height), box);
        return true;
    } catch (const InputError&) {
        return false; // a damaged picture is left out; the caller may draw the figure instead
    }
}

} // namespace hiprx::render
