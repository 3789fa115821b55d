// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hiprx::render {

namespace {

std::string shortDate(const std::optional<core::Date>& date, std::size_t index)
{
    if (!date)
        return "visit " + std::to_string(index + 1);
    return date->iso();
}

std::vector<std::string> xLabels(const core::History& history)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < history.visits.size(); ++i)
        out.push_back(shortDate(history.visits[i].date, i));
    return out;
}

/// A grid step giving at most about six lines over the range.
double niceStep(double span)
{
    for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0})
        if (span / step <= 6.0)
            return step;
    return 200.0;
}

void fitAxis(ChartSpec& spec)
{
    double lo = spec.yMin;
    double hi = spec.yMax;
    for (const ChartLine& line : spec.lines)
        for (const auto& v : line.values)
            if (v) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
    if (spec.bandHigh)
        hi = std::max(hi, *spec.bandHigh);
    spec.yStep = niceStep(hi - lo);
    spec.yMin = std::floor(lo / spec.yStep) * spec.yStep;
    spec.yMax = std::ceil(hi / spec.yStep) * spec.yStep;
    if (spec.yMax <= spec.yMin)
        spec.yMax = spec.yMin + spec.yStep;
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string capitalised(std::string_view text)
{
    std::string s(text);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

} // namespace

std::optional<ChartSpec> romChart(const core::History& history, core::Movement movement)
{
    ChartSpec spec;
    spec.title = capitalised(core::label(movement)) + " (°)";
    spec.xLabels = xLabels(history);
    for (core::Side side : core::kSides) {
        const core::Series* s = history.find({core::MeasureKind::Rom, movement, side});
        if (!s)
            continue;
        spec.lines.push_back({std::string(core::label(side)), s->values,
                              side == core::Side::Left ? ChartColors::left() : ChartColors::right()});
        if (s->normLow)
            spec.bandLow = s->normLow;
        if (s->normHigh)
            spec.bandHigh = s->normHigh;
    }
    if (spec.lines.empty())
        return std::nullopt;
    spec.yMin = 0;
    spec.yMax = 10;
    fitAxis(spec);
    return spec;
}

std::optional<ChartSpec> painChart(const core::History& history)
{
    ChartSpec spec;
    spec.title = "Pain (NPRS 0–10, lower is better)";
    spec.xLabels = xLabels(history);
    const std::pair<core::MeasureKind, const char*> kinds[] = {
        {core::MeasureKind::NprsNow, "now"},
        {core::MeasureKind::NprsWorst24h, "worst 24 h"},
        {core::MeasureKind::NprsBest24h, "least 24 h"}};
    const Rgb colors[] = {ChartColors::left(), ChartColors::right(), ChartColors::third()};
    for (std::size_t i = 0; i < 3; ++i)
        if (const core::Series* s = history.find({kinds[i].first}))
            spec.lines.push_back({kinds[i].second, s->values, colors[i]});
    if (spec.lines.empty())
        return std::nullopt;
    spec.yMin = 0;
    spec.yMax = 10;
    spec.yStep = 2;
    return spec;
}

namespace {

std::optional<ChartSpec> scoreChart(const core::History& history, core::MeasureKind kind, std::string title,
                                    double max, double step)
{
    const core::Series* s = history.find({kind});
    if (!s)
        return std::nullopt;
    ChartSpec spec;
    spec.title = std::move(title);
    spec.xLabels = xLabels(history);
    spec.lines.push_back({"score", s->values, ChartColors::left()});
    spec.yMin = 0;
    spec.yMax = max;
    spec.yStep = step;
    return spec;
}

} // namespace

std::optional<ChartSpec> lefsChart(const core::History& history)
{
    return scoreChart(history, core::MeasureKind::Lefs, "LEFS (0–80, higher is better)", 80, 20);
}

std::optional<ChartSpec> psfsChart(const core::History& history)
{
    return scoreChart(history, core::MeasureKind::Psfs, "PSFS (0–10, higher is better)", 10, 2);
}

std::vector<ChartSpec> historyCharts(const core::History& history)
{
    std::vector<ChartSpec> out;
    for (const auto& m : core::vocabulary<core::Movement>())
        if (auto c = romChart(history, m.value))
            out.push_back(std::move(*c));
    for (auto c : {painChart(history), lefsChart(history), psfsChart(history)})
        if (c)
            out.push_back(std::move(*c));
    return out;
}

void drawChart(Canvas& canvas, ChartText& text, const Box& box, const ChartSpec& chart)
{
    const float titleSize = std::clamp(box.height * 0.07F, 7.0F, 11.0F);
    const float labelSize = titleSize * 0.8F;
    const Rgb ink = ChartColors::text();

    // Title on the left, legend on the right of the same line, or on a line of its own when the
    // two do not fit side by side.
    float legendWidth = 0;
    for (const ChartLine& line : chart.lines)
        legendWidth += text.width(line.label, labelSize) + labelSize * 2.0F;
    const bool ownLine = text.width(chart.title, titleSize) + legendWidth + labelSize > box.width;
    const float legendBase = ownLine ? box.y + titleSize + labelSize * 1.4F : box.y + titleSize;
    text.draw({box.x, box.y + titleSize}, chart.title, titleSize, ink);
    float lx = box.x + box.width;
    for (auto it = chart.lines.rbegin(); it != chart.lines.rend(); ++it) {
        const float w = text.width(it->label, labelSize);
        lx -= w;
        text.draw({lx, legendBase}, it->label, labelSize, ink);
        lx -= labelSize * 1.2F;
        canvas.setFillColor(it->color);
        canvas.circle({lx + labelSize * 0.45F, legendBase - labelSize * 0.35F}, labelSize * 0.35F);
        canvas.fill();
        lx -= labelSize * 0.8F;
    }
    const float headHeight = (legendBase - box.y) + titleSize * 0.8F;

    // Plot area: room for y labels on the left and x labels below.
    float yLabelWidth = 0;
    for (double v = chart.yMin; v <= chart.yMax + 1e-9; v += chart.yStep)
        yLabelWidth = std::max(yLabelWidth, text.width(number(v), labelSize));
    const Box plot{box.x + yLabelWidth + 4, box.y + headHeight, box.width - yLabelWidth - 8,
                   box.height - headHeight - labelSize * 2.0F};
    if (plot.width <= 10 || plot.height <= 10)
        return;
    const auto yOf = [&](double v) {
        const double t = (v - chart.yMin) / (chart.yMax - chart.yMin);
        return plot.y + plot.height - static_cast<float>(std::clamp(t, 0.0, 1.0)) * plot.height;
    };
    const std::size_t n = chart.xLabels.size();
    const auto xOf = [&](std::size_t i) {
        if (n <= 1)
            return plot.x + plot.width / 2;
        return plot.x + plot.width * static_cast<float>(i) / static_cast<float>(n - 1);
    };

    canvas.setRoundLines(false);
    if (chart.bandLow && chart.bandHigh) {
        canvas.setFillColor(ChartColors::band());
        const float top = yOf(*chart.bandHigh);
        canvas.rectangle({plot.x, top, plot.width, yOf(*chart.bandLow) - top});
        canvas.fill();
    }
    canvas.setStrokeColor(ChartColors::grid());
    canvas.setLineWidth(0.5F);
    for (double v = chart.yMin; v <= chart.yMax + 1e-9; v += chart.yStep) {
        canvas.moveTo({plot.x, yOf(v)});
        canvas.lineTo({plot.x + plot.width, yOf(v)});
    }
    canvas.stroke();
    // Labels only after the path is finished: PDF allows no text inside a path under construction.
    for (double v = chart.yMin; v <= chart.yMax + 1e-9; v += chart.yStep) {
        const std::string label = number(v);
        text.draw({plot.x - 4 - text.width(label, labelSize), yOf(v) + labelSize * 0.35F}, label, labelSize,
                  ink);
    }
    canvas.setStrokeColor(ink);
    canvas.setLineWidth(0.7F);
    canvas.moveTo({plot.x, plot.y});
    canvas.lineTo({plot.x, plot.y + plot.height});
    canvas.lineTo({plot.x + plot.width, plot.y + plot.height});
    canvas.stroke();

    // X labels: first and last always, others only where they do not overlap.
    float lastRight = -1e9F;
    const float baseline = plot.y + plot.height + labelSize * 1.4F;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& label = chart.xLabels[i];
        const float w = text.width(label, labelSize);
        float x = std::clamp(xOf(i) - w / 2, box.x, box.x + box.width - w);
        const bool last = i + 1 == n;
        if (x < lastRight + labelSize) {
            if (!last)
                continue;
            if (x < lastRight) // the last label wins only if it does not collide
                continue;
        }
        if (!last && n > 1) {
            const float lastW = text.width(chart.xLabels.back(), labelSize);
            if (x + w + labelSize > box.x + box.width - lastW)
                continue; // keep room for the last label
        }
        text.draw({x, baseline}, label, labelSize, ink);
        lastRight = x + w;
    }

    const float dot = std::clamp(plot.height * 0.025F, 1.5F, 3.0F);
    canvas.setRoundLines(true);
    for (const ChartLine& line : chart.lines) {
        canvas.setStrokeColor(line.color);
        canvas.setFillColor(line.color);
        canvas.setLineWidth(1.4F);
        std::optional<Point> previous;
        bool segments = false;
        for (std::size_t i = 0; i < line.values.size() && i < n; ++i) {
            if (!line.values[i])
                continue;
            const Point p{xOf(i), yOf(*line.values[i])};
            if (previous) {
                canvas.moveTo(*previous);
                canvas.lineTo(p);
                segments = true;
            }
            previous = p;
        }
        // A PDF stroke with no path is an error, so a single value gets only its dot.
        if (segments)
            canvas.stroke();
        if (!previous)
            continue;
        for (std::size_t i = 0; i < line.values.size() && i < n; ++i)
            if (line.values[i])
                canvas.circle({xOf(i), yOf(*line.values[i])}, dot);
        canvas.fill();
    }
}

void labelDates(std::vector<ChartSpec>& charts, const core::History& history, core::DateFormat format)
{
    for (ChartSpec& chart : charts)
        for (std::size_t i = 0; i < chart.xLabels.size() && i < history.visits.size(); ++i)
            if (const auto& date = history.visits[i].date)
                chart.xLabels[i] = core::formatDateShort(*date, format);
}

} // namespace hiprx::render
