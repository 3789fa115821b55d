// SPDX-License-Identifier: GPL-3.0-or-later
//
// `history PATIENT [--json]`: the patient's visits oldest first with every measure, its change since
// the previous visit and since the first, the verdict, and the alerts. `report VISIT --out F.pdf`:
// the one-page progress report as it stood at that visit.
#include "cli/commands.h"

#include "core/error.h"
#include "core/progress.h"
#include "core/progression.h"
#include "exchange/history_json.h"
#include "exchange/json_format.h"
#include "render/home_program.h"
#include "render/progress_report.h"
#include "store/app_paths.h"
#include "store/history_queries.h"
#include "store/repositories.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace hiprx::cli {

namespace {

std::string number(double v)
{
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string changeText(const core::Change& c)
{
    const std::string sign = c.delta > 0 ? "+" : "";
    return sign + number(c.delta) + " " + std::string(core::verdictText(c.verdict));
}

std::string pad(const std::string& text, std::size_t width)
{
    std::size_t chars = 0;
    for (unsigned char ch : text)
        if ((ch & 0xC0) != 0x80)
            ++chars;
    return chars >= width ? text + " " : text + std::string(width - chars, ' ');
}

void printHistory(const core::Patient& patient, const core::History& history,
                  const std::vector<store::IssuedProgram>& programs)
{
    std::cout << patient.name << "  (record " << patient.id << ")  " << history.visits.size()
              << (history.visits.size() == 1 ? " visit" : " visits") << '\n';
    if (history.visits.empty()) {
        std::cout << "No visits yet.\n";
        return;
    }
    std::cout << "Suggested next step for the program: "
              << core::progressionStepId(core::suggestStep(history)) << "\n";
    for (std::size_t i = 0; i < history.visits.size(); ++i) {
        const core::VisitProgress& v = history.visits[i];
        std::cout << '\n' << (v.date ? v.date->iso() : std::string("(no date)")) << "  visit " << v.visitId;
        if (!v.clinician.empty())
            std::cout << "  " << v.clinician;
        std::cout << (i == 0 ? "  [baseline]" : "") << '\n';
        for (const store::IssuedProgram& p : programs)
            if (p.visitId == v.visitId)
                std::cout << "  program version " << p.version << " issued " << p.issuedAt << ", "
                          << p.program.items.size() << " exercises\n";
        if (const auto areas = core::painAreasText(v.painAreas); !areas.empty())
            std::cout << "  pain felt at: " << areas << '\n';
        if (const auto balance = core::balanceText(v.balance); !balance.empty())
            std::cout << "  balance: " << balance << '\n';
        std::cout << "  red flags: " << (v.redFlagsScreened ? "screened" : "screen not recorded") << '\n';
        if (v.values.empty())
            std::cout << "  (no measures recorded)\n";
        for (const core::MeasureValue& mv : v.values) {
            std::string line = "  " + pad(mv.measure.label(), 30) +
                               pad(number(mv.value) + std::string(mv.measure.unit()), 7);
            if (mv.sincePrevious)
                line += "  vs previous " + pad(changeText(*mv.sincePrevious), 30);
            if (mv.sinceBaseline &&
                (!mv.sincePrevious || mv.sinceBaseline->fromVisit != mv.sincePrevious->fromVisit))
                line += "  vs first " + changeText(*mv.sinceBaseline);
            if (!mv.sincePrevious && !mv.sinceBaseline)
                line += "  first recorded";
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            std::cout << line << '\n';
        }
        for (const core::Alert& a : v.alerts)
            std::cout << "  ALERT " << core::alertId(a.kind) << ": " << a.message << '\n';
    }
}

void runHistory(const CommonOptions& common, const std::string& key, const std::string& norms)
{
    const core::NormSet set = parseNorms(norms);
    auto db = openDatabase(common);
    const auto patient = findPatient(db, key);
    const core::History history = core::buildHistory(store::loadVisitHistory(db, patient.id), set);
    const auto programs = store::loadIssuedPrograms(db, patient.id);
    if (common.json) {
        std::vector<exchange::IssuedProgramSummary> summaries;
        for (const auto& p : programs) {
            exchange::IssuedProgramSummary s{p.visitId, p.id, p.version, p.issuedAt, {}};
            for (const auto& item : p.program.items)
                s.exercises.push_back(item.exerciseId);
            summaries.push_back(std::move(s));
        }
        std::cout << exchange::writeHistory(patient, history, summaries);
        return;
    }
    printHistory(patient, history, programs);
}

render::PageSize parsePageSize(const std::string& page)
{
    if (page == "a4")
        return render::PageSize::A4;
    if (page == "letter")
        return render::PageSize::Letter;
    throw InputError("--page", "--page: \"" + page + "\" is not a page size (expected a4 or letter)");
}

void runReport(const CommonOptions& common, std::int64_t visitId, const std::string& out,
               const std::string& page, const std::string& norms)
{
    const auto size = parsePageSize(page);
    const core::NormSet set = parseNorms(norms);
    auto db = openDatabase(common);
    store::VisitRepository visits(db);
    const auto visit = visits.find(visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));
    const auto patient = store::PatientRepository(db).find(visit->patientId);
    if (!patient)
        throw InputError("VISIT", "VISIT: visit " + std::to_string(visitId) + " has no patient");

    // The report shows the history as it stood at this visit: later visits are left out.
    auto all = store::loadVisitHistory(db, patient->id);
    const core::History full = core::buildHistory(all, set);
    std::vector<std::int64_t> upTo;
    for (const auto& v : full.visits) {
        upTo.push_back(v.visitId);
        if (v.visitId == visitId)
            break;
    }
    std::erase_if(all, [&](const core::DatedAssessment& d) {
        return std::find(upTo.begin(), upTo.end(), d.visitId) == upTo.end();
    });

    render::ProgressReportInput input;
    input.patient = *patient;
    input.date = (visit->assessment.visit.date ? *visit->assessment.visit.date : today()).iso();
    if (auto stored = store::SettingsRepository(db).get("branding"))
        input.branding = exchange::readBranding(*stored);
    input.history = core::buildHistory(std::move(all), set);
    // The program in force: the latest issued at this visit or, failing that, at an earlier one.
    for (auto it = upTo.rbegin(); it != upTo.rend() && !input.program; ++it)
        if (auto p = visits.latestProgram(*it))
            input.program = p->program;
    const auto pdf =
        render::renderProgressReport(input, size, render::defaultResources(store::AppPaths().templatesDir()));
    render::writeFile(pdf, out);
    if (!common.json)
        std::cout << "Wrote " << out << " (progress report at visit " << visitId << ", "
                  << input.history.visits.size() << " visits)\n";
}

} // namespace

void addHistoryCommands(CLI::App& app, CommonOptions& common)
{
    auto* history =
        app.add_subcommand("history", "A patient's visits with changes since baseline and alerts");
    auto key = std::make_shared<std::string>();
    auto norms = std::make_shared<std::string>(defaultNormsId());
    history->add_option("PATIENT", *key, "record number or external id")->required();
    history->add_option("--norms", *norms, "reference set of normal ROM values")->capture_default_str();
    history->callback([&common, key, norms] { runHistory(common, *key, *norms); });

    auto* report = app.add_subcommand("report", "Write the one-page progress report of a visit (PDF)");
    auto visit = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>();
    auto page = std::make_shared<std::string>("a4");
    auto reportNorms = std::make_shared<std::string>(defaultNormsId());
    report->add_option("VISIT", *visit, "visit record number")->required();
    report->add_option("--out", *out, "output PDF file")->required();
    report->add_option("--page", *page, "page size: a4 or letter")->capture_default_str();
    report->add_option("--norms", *reportNorms, "reference set of normal ROM values")->capture_default_str();
    report->callback(
        [&common, visit, out, page, reportNorms] { runReport(common, *visit, *out, *page, *reportNorms); });
}

} // namespace hiprx::cli
