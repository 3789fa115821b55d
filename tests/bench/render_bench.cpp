// SPDX-License-Identifier: GPL-3.0-or-later
//
// How long a home program takes to render and how big it is. Targets for an 8-exercise program:
// at most 20 ms and 150 KB (counters "bytes" and "pages").
#include "render/home_program.h"
#include "render_fixtures.h"

#include <benchmark/benchmark.h>

namespace {

using namespace hiprx;
using namespace hiprx::render;

void renderProgram(benchmark::State& state, std::size_t exercises, core::Urgency level, bool realBold)
{
    const HomeProgramInput in = fixtures::input("Łucja Ångström-Straße", exercises, level);
    RenderResources resources = defaultResources(fixtures::templatesDir());
    if (realBold)
        resources.fontBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto pdf = renderHomeProgram(in, PageSize::A4, resources);
        bytes = pdf.size();
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["bytes"] = static_cast<double>(bytes);
    state.counters["KB"] = static_cast<double>(bytes) / 1024.0;
}

void BM_Render8Exercises(benchmark::State& state)
{
    renderProgram(state, 8, core::Urgency::None, false);
}
void BM_Render8ExercisesUrgent(benchmark::State& state)
{
    renderProgram(state, 8, core::Urgency::Urgent, false);
}
void BM_Render25Exercises(benchmark::State& state)
{
    renderProgram(state, 25, core::Urgency::None, false);
}
void BM_RenderEmergency(benchmark::State& state)
{
    renderProgram(state, 8, core::Urgency::Emergency, false);
}
void BM_Render8ExercisesRealBold(benchmark::State& state)
{
    renderProgram(state, 8, core::Urgency::None, true);
}

BENCHMARK(BM_Render8Exercises)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render8ExercisesUrgent)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render25Exercises)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderEmergency)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render8ExercisesRealBold)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
