// SPDX-License-Identifier: GPL-3.0-or-later
//
// Opening a patient's history: 30 visits read from a real SQLite file, the history built, and every
// chart drawn (target: 50 ms in all). The charts are drawn on a counting Canvas so the figure is the
// cost of our code, not of a window system; the progress report PDF is timed separately.
#include "core/progress.h"
#include "render/chart.h"
#include "render/progress_report.h"
#include "render_fixtures.h"
#include "store/history_queries.h"
#include "store/repositories.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

namespace {

using namespace hiprx;

class CountingCanvas final : public render::Canvas {
public:
    void setStrokeColor(const render::Rgb&) override {}
    void setFillColor(const render::Rgb&) override {}
    void setLineWidth(float) override {}
    void setRoundLines(bool) override {}
    void moveTo(render::Point) override { ++ops; }
    void lineTo(render::Point) override { ++ops; }
    void curveTo(render::Point, render::Point, render::Point) override { ++ops; }
    void closePath() override {}
    void rectangle(const render::Box&) override { ++ops; }
    void circle(render::Point, float) override { ++ops; }
    void stroke() override {}
    void fill() override {}
    void fillAndStroke() override {}
    long ops = 0;
};

class CountingText final : public render::ChartText {
public:
    float width(std::string_view text, float size) const override
    {
        return 0.55F * size * static_cast<float>(text.size());
    }
    void draw(render::Point, std::string_view, float, const render::Rgb&) override { ++labels; }
    long labels = 0;
};

/// A database in a temporary folder holding one patient with `count` visits.
struct HistoryDb {
    explicit HistoryDb(int count)
        : folder(std::filesystem::temp_directory_path() /
                 ("hiprx-bench-" + std::to_string(std::random_device{}())))
    {
        std::filesystem::create_directories(folder);
        db = std::make_unique<store::Database>(store::Database::open(folder / "bench.sqlite"));
        core::Patient p;
        p.name = "Bench Invented";
        patient = store::PatientRepository(*db).create(p, {});
        store::VisitRepository visits(*db);
        for (int i = 0; i < count; ++i) {
            core::Assessment a;
            a.patient.name = p.name;
            a.visit.date = core::Date{2024 + i / 12, 1 + i % 12, 1 + i % 28};
            a.visit.clinician = "J. Park, PT";
            for (core::Side side : core::kSides)
                for (const auto& m : core::vocabulary<core::Movement>())
                    a.rom[side][m.value] = 15 + (i * 3 + static_cast<int>(m.value) * 7) % 40;
            a.pain.nprsNow = 7 - i % 6;
            a.pain.nprsWorst24h = 8 - i % 5;
            a.pain.nprsBest24h = 1 + i % 3;
            a.outcomes.lefs.assign(core::kLefsItemCount, 1 + i % 4);
            a.outcomes.psfs = {{"stairs", i % 11}, {"walking", 5}, {"lifting", 3}};
            visits.create(patient, a, {});
        }
    }
    ~HistoryDb()
    {
        db.reset();
        std::filesystem::remove_all(folder);
    }
    std::filesystem::path folder;
    std::unique_ptr<store::Database> db;
    std::int64_t patient = 0;
};

void BM_OpenHistory30VisitsChartsDrawn(benchmark::State& state)
{
    HistoryDb data(30);
    for (auto _ : state) {
        const core::History h = core::buildHistory(store::loadVisitHistory(*data.db, data.patient));
        const auto programs = store::loadIssuedPrograms(*data.db, data.patient);
        CountingCanvas canvas;
        CountingText text;
        for (const render::ChartSpec& chart : render::historyCharts(h))
            render::drawChart(canvas, text, {0, 0, 300, 190}, chart);
        benchmark::DoNotOptimize(canvas.ops);
        benchmark::DoNotOptimize(programs.size());
    }
}

void BM_BuildHistory30Visits(benchmark::State& state)
{
    HistoryDb data(30);
    const auto visits = store::loadVisitHistory(*data.db, data.patient);
    for (auto _ : state) {
        const core::History h = core::buildHistory(visits);
        benchmark::DoNotOptimize(h.series.size());
    }
}

void BM_ProgressReport30Visits(benchmark::State& state)
{
    HistoryDb data(30);
    render::ProgressReportInput in;
    in.patient.name = "Bench Invented";
    in.date = "2026-11-20";
    in.branding = render::fixtures::clinic();
    in.history = core::buildHistory(store::loadVisitHistory(*data.db, data.patient));
    in.program = render::fixtures::program(6);
    const auto resources = render::defaultResources(render::fixtures::templatesDir());
    for (auto _ : state) {
        const auto pdf = render::renderProgressReport(in, render::PageSize::A4, resources);
        benchmark::DoNotOptimize(pdf.size());
    }
}

} // namespace

BENCHMARK(BM_OpenHistory30VisitsChartsDrawn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildHistory30Visits)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProgressReport30Visits)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
