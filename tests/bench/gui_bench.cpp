// SPDX-License-Identifier: GPL-3.0-or-later
//
// The work behind the app's speed targets, on a large database made by generate_db:
//   search as you type p95 ≤ 5 ms, opening a patient ≤ 10 ms, reasoning refresh ≤ 5 ms.
//   ./tests/bench/generate_db /tmp/big.sqlite && HIPRX_BENCH_DB=/tmp/big.sqlite ./tests/bench/gui_bench
#include "core/analysis.h"
#include "core/program.h"
#include "exchange/json_format.h"
#include "store/app_paths.h"
#include "store/repositories.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

namespace {

using namespace hiprx;

store::Database* benchDatabase()
{
    static std::unique_ptr<store::Database> db;
    if (!db) {
        const char* path = std::getenv("HIPRX_BENCH_DB");
        if (!path)
            return nullptr;
        db = std::make_unique<store::Database>(store::Database::open(path));
    }
    return db.get();
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// Every keystroke of typing each query, timed one by one; reports the 95th percentile.
void BM_SearchAsYouType(benchmark::State& state)
{
    auto* db = benchDatabase();
    if (!db) {
        state.SkipWithError("set HIPRX_BENCH_DB (see generate_db)");
        return;
    }
    store::PatientRepository patients(*db);
    const std::vector<std::string> queries = {"carter", "alvarez ana", "1961-04", "MRN-0421", "okafor g", "zoe"};
    // Wall time is what the user waits; this thread's CPU time is the same work without the waits
    // for a core, which on a 2-core machine shared with compilers can dominate the wall time.
    std::vector<double> ms;
    std::vector<double> cpuMs;
    for (auto _ : state) {
        for (const auto& q : queries)
            for (std::size_t n = 1; n <= q.size(); ++n) {
                const double cpuStart = threadCpuMs();
                const auto start = std::chrono::steady_clock::now();
                benchmark::DoNotOptimize(patients.search(q.substr(0, n))); // the app's list size
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
                cpuMs.push_back(threadCpuMs() - cpuStart);
            }
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpuMs.begin(), cpuMs.end());
    state.counters["p95_ms"] = ms[ms.size() * 95 / 100];
    state.counters["max_ms"] = ms.back();
    state.counters["cpu_p95_ms"] = cpuMs[cpuMs.size() * 95 / 100];
}
BENCHMARK(BM_SearchAsYouType)->Unit(benchmark::kMillisecond)->Iterations(3);

/// What opening a patient reads: the record, the visit list and the newest visit.
void BM_OpenPatient(benchmark::State& state)
{
    auto* db = benchDatabase();
    if (!db) {
        state.SkipWithError("set HIPRX_BENCH_DB (see generate_db)");
        return;
    }
    store::PatientRepository patients(*db);
    store::VisitRepository visits(*db);
    const std::int64_t count = patients.count();
    std::int64_t id = 1;
    for (auto _ : state) {
        id = id * 7919 % count + 1;
        benchmark::DoNotOptimize(patients.find(id));
        const auto list = visits.listForPatient(id);
        if (!list.empty())
            benchmark::DoNotOptimize(visits.find(list.front().id));
    }
}
BENCHMARK(BM_OpenPatient)->Unit(benchmark::kMillisecond);

/// What the app does after each field change: validate, analyse, plan, review.
void BM_ReasoningRefresh(benchmark::State& state)
{
    std::ifstream in(store::AppPaths().assetsDir() / "examples" / "runner_lateral_hip_weak_glute_med.json");
    std::stringstream text;
    text << in.rdbuf();
    const core::Date today{2026, 11, 21};
    const auto assessment = exchange::readAssessment(text.str(), today);
    std::ifstream lib(store::AppPaths().exerciseLibraryFile());
    std::stringstream libText;
    libText << lib.rdbuf();
    const core::ExerciseLibrary library(exchange::readExercises(libText.str(), true));
    for (auto _ : state) {
        benchmark::DoNotOptimize(core::validate(assessment, today));
        const auto analysis = core::analyze(assessment, {core::NormSet::Aaos, today});
        const auto program = core::plan(analysis, library);
        benchmark::DoNotOptimize(core::reviewProgram(program, analysis, library));
    }
}
BENCHMARK(BM_ReasoningRefresh)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
