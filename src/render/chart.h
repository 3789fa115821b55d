// SPDX-License-Identifier: GPL-3.0-or-later
//
// Line charts of a patient's history (one range-of-motion movement per side against its norm band,
// pain, LEFS, PSFS), drawn on a Canvas so the progress report PDF and the app's history window draw
// the same picture. Canvas has no text, so labels go through the small ChartText interface each
// host implements with its own fonts.
#pragma once

#include "core/date.h"
#include "core/progress.h"
#include "render/canvas.h"
#include "render/color.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::render {

/// Text for charts: a host measures and draws it in its own font.
class ChartText {
public:
    virtual ~ChartText() = default;
    /// Width in points of `text` at `size`.
    virtual float width(std::string_view text, float size) const = 0;
    /// Draws `text` with its baseline starting at `baselineLeft`.
    virtual void draw(Point baselineLeft, std::string_view text, float size, const Rgb& color) = 0;
};

/// One line of a chart: one value (or a gap) per visit.
struct ChartLine {
    std::string label; ///< legend text: "left", "right", "now"
    std::vector<std::optional<double>> values;
    Rgb color;
};

/// Everything one chart shows.
struct ChartSpec {
    std::string title;                ///< "Hip flexion (°)"
    std::vector<std::string> xLabels; ///< one per visit: its date, or "visit n"
    std::vector<ChartLine> lines;
    std::optional<double> bandLow; ///< the norm band, shaded
    std::optional<double> bandHigh;
    double yMin = 0;
    double yMax = 10;
    double yStep = 2; ///< grid step
};

/// The colours charts use, so the app's legend and the PDF agree.
struct ChartColors {
    static Rgb left() { return {0.12F, 0.44F, 0.55F}; }  ///< teal: left side, first line
    static Rgb right() { return {0.85F, 0.45F, 0.10F}; } ///< orange: right side, second line
    static Rgb third() { return {0.45F, 0.30F, 0.60F}; } ///< purple: a third line
    static Rgb band() { return {0.86F, 0.94F, 0.86F}; }  ///< the norm band
    static Rgb grid() { return {0.85F, 0.85F, 0.85F}; }
    static Rgb text() { return {0.25F, 0.25F, 0.25F}; }
};

/// A chart per recorded hip movement (left and right together, norm band shaded), then pain
/// (NPRS now, worst and least in 24 h), LEFS and PSFS; only charts with at least one value.
std::vector<ChartSpec> historyCharts(const core::History& history);

/// Writes the x labels of `charts` (one per visit of `history`, as the functions above make them)
/// as dates in the clinic's `format`, short ("1 Oct 2026", "01/10/2026"); a visit without a date
/// stays "visit n".
void labelDates(std::vector<ChartSpec>& charts, const core::History& history, core::DateFormat format);

/// The chart of one movement, or nothing when neither side was ever measured.
std::optional<ChartSpec> romChart(const core::History& history, core::Movement movement);
std::optional<ChartSpec> painChart(const core::History& history);
std::optional<ChartSpec> lefsChart(const core::History& history);
std::optional<ChartSpec> psfsChart(const core::History& history);

/// Draws `chart` inside `box`: title, legend, y grid with labels, the shaded norm band, x labels
/// that fit, and each line with a dot at every value (a visit without a value is bridged).
void drawChart(Canvas& canvas, ChartText& text, const Box& box, const ChartSpec& chart);

} // namespace hiprx::render
