// SPDX-License-Identifier: GPL-3.0-or-later
//
// The small drawing surface exercise figures are drawn on. Coordinates are points with the origin
// at the top left and y growing downwards (as on screen), so the same figure code can draw into
// the PDF (PdfCanvas) and, later, into a wx window.
#pragma once

#include "core/clinic_exercise.h"
#include "render/color.h"

#include <string_view>

namespace hiprx::render {

/// A point on a canvas, in points (1/72 inch), y downwards.
struct Point {
    float x = 0.0F;
    float y = 0.0F;
};

/// An axis-aligned box on a canvas: top-left corner and size, in points.
struct Box {
    float x = 0.0F;
    float y = 0.0F;
    float width = 0.0F;
    float height = 0.0F;
};

/// Vector drawing primitives. A path is built with moveTo/lineTo/curveTo and ended by stroke(),
/// fill() or fillAndStroke().
class Canvas {
public:
    virtual ~Canvas() = default;

    virtual void setStrokeColor(const Rgb& color) = 0;
    virtual void setFillColor(const Rgb& color) = 0;
    virtual void setLineWidth(float width) = 0;
    /// Round caps and joins suit stick figures; butt caps suit tables and boxes.
    virtual void setRoundLines(bool round) = 0;

    virtual void moveTo(Point p) = 0;
    virtual void lineTo(Point p) = 0;
    /// A cubic Bézier from the current point through control points c1, c2 to `end`.
    virtual void curveTo(Point c1, Point c2, Point end) = 0;
    virtual void closePath() = 0;
    virtual void rectangle(const Box& box) = 0;
    virtual void circle(Point centre, float radius) = 0;

    virtual void stroke() = 0;
    virtual void fill() = 0;
    virtual void fillAndStroke() = 0;

    /// Draws an encoded picture (a clinic exercise's photo or drawing) stretched to `box`; the
    /// caller keeps its proportions (render/picture.h fitPicture). False when this canvas cannot
    /// show pictures (the default) or the picture does not decode; nothing is drawn then.
    virtual bool picture(const core::ExercisePicture& picture, const Box& box)
    {
        (void)picture;
        (void)box;
        return false;
    }
};

/// Draws exercise figures by id. The home program asks has() while laying out a card (a card
/// whose figure is missing gets no empty frame) and draw() once the card is placed.
class FigureDrawer {
public:
    virtual ~FigureDrawer() = default;

    /// True when a figure exists for this id.
    virtual bool has(std::string_view figureId) const = 0;

    /// Draws the figure to fit inside `box`; false when it could not be drawn.
    virtual bool draw(std::string_view figureId, Canvas& canvas, const Box& box) const = 0;

    /// As draw(); `mirrored` asks for the exercise done on the left side (the data shows the
    /// right). A drawer that cannot mirror draws as is.
    virtual bool drawForSide(std::string_view figureId, Canvas& canvas, const Box& box, bool mirrored) const
    {
        (void)mirrored;
        return draw(figureId, canvas, box);
    }
};

} // namespace hiprx::render
