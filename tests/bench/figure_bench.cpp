// SPDX-License-Identifier: GPL-3.0-or-later
//
// Exercise figures: drawing one figure on the PDF canvas must take at most 0.2 ms, and the figures
// of an 8-exercise program must add at most 20 KB to its PDF (counter "added_KB").
//   ./tests/bench/figure_bench --benchmark_min_time=1
#include "exchange/figure_json.h"
#include "render/figure_drawer.h"
#include "render/home_program.h"
#include "render/pdf_canvas.h"
#include "render/pdf_document.h"
#include "render_fixtures.h"

#include <benchmark/benchmark.h>

namespace {

using namespace hiprx;
using namespace hiprx::render;

const FigureLibrary& library()
{
    static const FigureLibrary figures(exchange::readFigureDir(HIPRX_SOURCE_DIR "/assets/figures"), FigureStyle{});
    return figures;
}

/// Argument 1 draws the mirror image (a left-side exercise), through MirroredCanvas.
void drawOneFigure(benchmark::State& state)
{
    const bool mirrored = state.range(0) != 0;
    const auto& figures = library();
    std::vector<std::string> ids;
    for (const auto& [id, spec] : figures.figures())
        ids.push_back(id);
    PdfDocument doc;
    std::size_t i = 0;
    std::size_t onPage = 0;
    PdfPage page = doc.addPage(595, 842);
    for (auto _ : state) {
        // A fresh page now and then so one content stream does not grow without end.
        if (++onPage == 200) {
            state.PauseTiming();
            page = doc.addPage(595, 842);
            onPage = 0;
            state.ResumeTiming();
        }
        PdfCanvas canvas(page);
        figures.draw(ids[i++ % ids.size()], canvas, {40, 40, 110, 90}, mirrored);
    }
}
BENCHMARK(drawOneFigure)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

/// The same 8-exercise program with and without figures; "added_KB" is what the figures cost.
void programWithFigures(benchmark::State& state)
{
    HomeProgramInput in = fixtures::input("Ada Example", 8, core::Urgency::Routine);
    std::size_t n = 0;
    for (const auto& [id, spec] : library().figures()) {
        if (n == in.program.items.size())
            break;
        in.program.items[n++].figureId = id;
    }
    RenderResources plain = defaultResources(fixtures::templatesDir());
    RenderResources withFigures = plain;
    withFigures.figures = &library();
    const auto without = renderHomeProgram(in, PageSize::A4, plain).size();
    std::size_t with = 0;
    for (auto _ : state) {
        const auto pdf = renderHomeProgram(in, PageSize::A4, withFigures);
        with = pdf.size();
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["KB"] = static_cast<double>(with) / 1024.0;
    state.counters["added_KB"] = (static_cast<double>(with) - static_cast<double>(without)) / 1024.0;
}
BENCHMARK(programWithFigures)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
