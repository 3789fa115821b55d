// SPDX-License-Identifier: GPL-3.0-or-later
//
// A Canvas for tests: records every colour used and the box everything painted covers (stroke
// half-widths, circle radii and Bézier control points included, so it never under-reports).
#pragma once

#include "render/canvas.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace hiprx::render::testing {

class RecordingCanvas final : public Canvas {
public:
    void setStrokeColor(const Rgb& color) override { m_stroke = color; }
    void setFillColor(const Rgb& color) override { m_fill = color; }
    void setLineWidth(float width) override { m_width = width; }
    void setRoundLines(bool round) override { roundLines = round; }
    void moveTo(Point p) override { m_path.push_back({p, 0}); }
    void lineTo(Point p) override { m_path.push_back({p, 0}); }
    void curveTo(Point c1, Point c2, Point end) override
    {
        m_path.push_back({c1, 0});
        m_path.push_back({c2, 0});
        m_path.push_back({end, 0});
    }
    void closePath() override {}
    void rectangle(const Box& box) override
    {
        m_path.push_back({{box.x, box.y}, 0});
        m_path.push_back({{box.x + box.width, box.y + box.height}, 0});
    }
    void circle(Point centre, float radius) override { m_path.push_back({centre, radius}); }
    void stroke() override { paint(m_width / 2, m_stroke, true); }
    void fill() override { paint(0, m_fill, false); }
    void fillAndStroke() override
    {
        strokeColors.push_back(m_stroke);
        paint(m_width / 2, m_fill, false);
    }

    /// The box covered by everything painted so far.
    float minX = std::numeric_limits<float>::max();
    float minY = std::numeric_limits<float>::max();
    float maxX = std::numeric_limits<float>::lowest();
    float maxY = std::numeric_limits<float>::lowest();
    std::vector<Rgb> strokeColors;
    std::vector<Rgb> fillColors;
    std::vector<float> lineWidths;
    int paints = 0;
    bool roundLines = false;

    bool inside(const Box& box, float tolerance = 0.01F) const
    {
        return paints > 0 && minX >= box.x - tolerance && minY >= box.y - tolerance &&
               maxX <= box.x + box.width + tolerance && maxY <= box.y + box.height + tolerance;
    }
    bool usedStroke(const Rgb& c) const
    {
        return std::find(strokeColors.begin(), strokeColors.end(), c) != strokeColors.end();
    }

private:
    struct Item {
        Point p;
        float radius;
    };
    void paint(float half, const Rgb& color, bool stroked)
    {
        for (const auto& item : m_path) {
            const float r = item.radius + half;
            minX = std::min(minX, item.p.x - r);
            minY = std::min(minY, item.p.y - r);
            maxX = std::max(maxX, item.p.x + r);
            maxY = std::max(maxY, item.p.y + r);
        }
        (stroked ? strokeColors : fillColors).push_back(color);
        if (stroked)
            lineWidths.push_back(m_width);
        m_path.clear();
        ++paints;
    }

    std::vector<Item> m_path;
    Rgb m_stroke;
    Rgb m_fill;
    float m_width = 1;
};

} // namespace hiprx::render::testing
