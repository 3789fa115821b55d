// SPDX-License-Identifier: GPL-3.0-or-later
//
// Draws exercise figures (core::FigureSpec) onto any Canvas: the PDF card and the app's window use
// this same code. The start pose is drawn faded and the end pose solid, overlaid; the working
// segments take the accent colour; an arrow follows the chosen body point from start to end.
// Every figure is laid out in a fixed logical frame of kFigureFrameWidth × kFigureFrameHeight
// figure units (a standing adult is about 100 units tall), scaled uniformly into the box, so people
// keep one size across cards.
#pragma once

#include "core/figure.h"
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

/// Draws `spec` centred in `box`, never outside it (stroke widths included).
void drawFigure(const core::FigureSpec& spec, Canvas& canvas, const Box& box, const FigureStyle& style);

/// The exercise figures of a library, by exercise id (the id an exercise's "figure" field names).
class FigureLibrary final : public FigureDrawer {
public:
    FigureLibrary(std::map<std::string, core::FigureSpec> figures, const FigureStyle& style);

    bool has(std::string_view figureId) const override;
    bool draw(std::string_view figureId, Canvas& canvas, const Box& box) const override;

    /// The spec of one figure, or null.
    const core::FigureSpec* find(std::string_view figureId) const;
    const std::map<std::string, core::FigureSpec, std::less<>>& figures() const { return m_figures; }
    const FigureStyle& style() const { return m_style; }

private:
    std::map<std::string, core::FigureSpec, std::less<>> m_figures;
    FigureStyle m_style;
};


/// A contact sheet: every listed figure (id, caption) at card size (`cellWidth` × `cellHeight`
/// points, as on the home program) in a grid on A4 pages, each in a thin frame with its caption, so
/// a person can check them all at once. Throws Error naming the exercise id when a listed figure is
/// missing, and RenderError when libharu fails (e.g. the font cannot be read).
std::vector<std::uint8_t> renderFigureSheet(const FigureLibrary& figures,
                                            const std::vector<std::pair<std::string, std::string>>& items,
                                            const std::filesystem::path& fontFile, float cellWidth = 110,
                                            float cellHeight = 90);

} // namespace hiprx::render
