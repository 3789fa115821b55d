// SPDX-License-Identifier: GPL-3.0-or-later
//
// Draws exercise figures (core::FigureSpec) onto any Canvas: the PDF card and the app's window use
// this same code. Start and end are two panels side by side with a plain arrow between them (a
// held position is one panel); the body has limb width, a torso and a head, the working segments
// take the accent colour, and in the end panel an arrow follows the chosen body point from where
// it was at the start. Each panel is a fixed logical frame of kFigureFrameWidth ×
// kFigureFrameHeight figure units (a standing adult is about 100 units tall), scaled uniformly
// into its half of the box, so people keep one size across cards and across the two panels.
//
// Left and right: figure data always shows the working side as the person's RIGHT (the near side
// in the side view). An exercise done on the left is drawn as the horizontal mirror image of that
// drawing, flipped within its box: a mirror image of a person working the right leg is a person
// working the left leg, in every view (side, front, from above), and the figures carry no text
// that a flip would reverse. The program item's side decides: left = mirrored; right, both or
// none = as drawn (see mirrorFor).
#pragma once

#include "core/figure.h"
#include "core/vocabulary.h"
#include "render/canvas.h"
#include "render/color.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hiprx::render {

inline constexpr float kFigureFrameWidth = 200;
inline constexpr float kFigureFrameHeight = 120;

/// Colours of a figure; everything but the accent is a fixed neutral so figures look alike.
struct FigureStyle {
    Rgb accent{0.12F, 0.435F, 0.545F};
    Rgb ink{0.22F, 0.24F, 0.27F};       ///< near-side limbs, trunk, head
    Rgb farInk{0.60F, 0.63F, 0.67F};    ///< far-side limbs in the side view
    Rgb ghost{0.84F, 0.86F, 0.88F};     ///< the start pose
    Rgb propLine{0.55F, 0.58F, 0.62F};
    Rgb propFill{0.93F, 0.94F, 0.95F};
};

/// Draws `spec` centred in `box`, never outside it (stroke widths included). `mirrored` draws each
/// panel as its horizontal mirror image within its own box (the exercise done on the left side),
/// so the start panel stays on the left.
void drawFigure(const core::FigureSpec& spec, Canvas& canvas, const Box& box, const FigureStyle& style,
                bool mirrored = false);

/// The panel boxes drawFigure uses inside `box`: start and end, or one for a held position.
std::vector<Box> figurePanels(const core::FigureSpec& spec, const Box& box);

/// How far, in figure units, the start frame's trunk hovers above what is under it as drawn: the
/// lowest of pelvis, chest and head (seen from the front also the hips and shoulders) against the
/// floor (or mat), or the top of a support or pillow under one of them. 0 when the trunk rests; 0 for views from above. A person whose start text
/// says they lie or sit on the floor must not float (tests/library/figure_coverage_test.cpp).
double startTrunkGap(const core::FigureSpec& spec);

/// True when a figure for an exercise done on `side` must be mirrored (only the left side: the
/// data shows the right).
bool mirrorFor(core::ExerciseSide side);

/// A Canvas that passes everything on to another canvas with x flipped about the vertical centre
/// line of `box` (x → 2·box.x + box.width − x), so any drawing inside the box stays inside it.
/// Used to mirror figures drawn through the FigureDrawer interface.
class MirroredCanvas final : public Canvas {
public:
    MirroredCanvas(Canvas& target, const Box& box) : m_target(target), m_axis2(2 * box.x + box.width) {}

    void setStrokeColor(const Rgb& color) override { m_target.setStrokeColor(color); }
    void setFillColor(const Rgb& color) override { m_target.setFillColor(color); }
    void setLineWidth(float width) override { m_target.setLineWidth(width); }
    void setRoundLines(bool round) override { m_target.setRoundLines(round); }
    void moveTo(Point p) override { m_target.moveTo(flip(p)); }
    void lineTo(Point p) override { m_target.lineTo(flip(p)); }
    void curveTo(Point c1, Point c2, Point end) override { m_target.curveTo(flip(c1), flip(c2), flip(end)); }
    void closePath() override { m_target.closePath(); }
    void rectangle(const Box& box) override
    {
        m_target.rectangle({m_axis2 - box.x - box.width, box.y, box.width, box.height});
    }
    void circle(Point centre, float radius) override { m_target.circle(flip(centre), radius); }
    void stroke() override { m_target.stroke(); }
    void fill() override { m_target.fill(); }
    void fillAndStroke() override { m_target.fillAndStroke(); }

private:
    Point flip(Point p) const { return {m_axis2 - p.x, p.y}; }

    Canvas& m_target;
    float m_axis2; ///< twice the x of the mirror line
};

/// The exercise figures of a library, by exercise id (the id an exercise's "figure" field names).
class FigureLibrary final : public FigureDrawer {
public:
    FigureLibrary(std::map<std::string, core::FigureSpec> figures, const FigureStyle& style);

    bool has(std::string_view figureId) const override;
    bool draw(std::string_view figureId, Canvas& canvas, const Box& box) const override;
    /// As draw(), mirrored when `mirrored` (the exercise done on the left side).
    bool draw(std::string_view figureId, Canvas& canvas, const Box& box, bool mirrored) const;
    bool drawForSide(std::string_view figureId, Canvas& canvas, const Box& box, bool mirrored) const override
    {
        return draw(figureId, canvas, box, mirrored);
    }

    /// The spec of one figure, or null.
    const core::FigureSpec* find(std::string_view figureId) const;
    const std::map<std::string, core::FigureSpec, std::less<>>& figures() const { return m_figures; }
    const FigureStyle& style() const { return m_style; }

private:
    std::map<std::string, core::FigureSpec, std::less<>> m_figures;
    FigureStyle m_style;
};


/// A contact sheet: every listed figure (id, caption) at card size (`cellWidth` × `cellHeight`
/// points, both panels, as on the home program) in a grid on A4 pages, each in a thin frame with its caption, so
/// a person can check them all at once. Throws Error naming the exercise id when a listed figure is
/// missing, and RenderError when libharu fails (e.g. the font cannot be read).
std::vector<std::uint8_t> renderFigureSheet(const FigureLibrary& figures,
                                            const std::vector<std::pair<std::string, std::string>>& items,
                                            const std::filesystem::path& fontFile, float cellWidth = 470,
                                            float cellHeight = 130);

/// One page per listed figure id, each page just the figure (both panels) at card size on white,
/// for turning into pictures (`hiprx-cli figures --png-dir`). Throws Error naming a missing id.
std::vector<std::uint8_t> renderFigurePages(const FigureLibrary& figures, const std::vector<std::string>& ids,
                                            float width = 500, float height = 136);

} // namespace hiprx::render
