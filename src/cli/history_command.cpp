// SPDX-License-Identifier: GPL-3.0-or-later
//
// `history PATIENT [--json]`: the patient's visits oldest first with every measure, its change since
// the previous visit and since the first, the verdict, and the alerts. `report VISIT --out F.pdf`:
// the one-page progress report as it stood at that visit.
#include "cli/clinic_context.h"
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
#include "workflow/follow_up.h"
#include "workflow/referral.h"
#include "workflow/visit_note.h"

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
    if (!norms.empty())
        parseNorms(norms); // reject a bad option before any work
    auto db = openDatabase(common);
    const core::NormSet set = normsOption(norms, loadClinic(db));
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

void runReport(const CommonOptions& common, std::int64_t visitId, const std::string& out,
               const std::string& page, const std::string& norms, const std::string& brandingFile,
               const std::string& dateFormat)
{
    if (!page.empty())
        parsePage(page);
    if (!dateFormat.empty())
        parseDateFormat(dateFormat);
    std::optional<core::Branding> branding;
    if (!brandingFile.empty())
        branding = exchange::readBranding(readTextFile(brandingFile, "--branding"));
    auto db = openDatabase(common);
    workflow::Clinic clinic = loadClinic(db);
    if (branding)
        clinic.branding = *branding;
    clinic.dateFormat = dateFormatOption(dateFormat, clinic);
    const auto input = workflow::progressReportInput(db, clinic, visitId, normsOption(norms, clinic), today());
    render::writeFile(workflow::renderProgressReport(input, pageOption(page, clinic)), out);
    if (!common.json)
        std::cout << "Wrote " << out << " (progress report at visit " << visitId << ", "
                  << input.history.visits.size() << " visits)\n";
}

void runLetter(const CommonOptions& common, std::int64_t visitId, const std::string& out, const std::string& page,
               const std::string& to, const std::string& dateFormat)
{
    if (!page.empty())
        parsePage(page);
    if (!dateFormat.empty())
        parseDateFormat(dateFormat);
    auto db = openDatabase(common);
    workflow::Clinic clinic = loadClinic(db);
    clinic.dateFormat = dateFormatOption(dateFormat, clinic);
    const auto input = workflow::referralLetterInput(db, clinic, visitId, today(), to);
    render::writeFile(workflow::renderReferralLetter(input, pageOption(page, clinic)), out);
    if (!input.programExercises)
        warn({"no program has been issued at this visit yet, so the letter cannot say what the patient was told; "
              "issue it first (hiprx-cli issue " + std::to_string(visitId) + " --acknowledge …)"});
    if (!common.json)
        std::cout << "Wrote " << out << " (" << (input.level == core::Urgency::Emergency ? "emergency" : "urgent")
                  << " referral letter for visit " << visitId << ")\n";
}

void runNote(const CommonOptions& common, std::int64_t visitId, const std::string& out, const std::string& page,
             const std::string& dateFormat, bool current)
{
    if (!page.empty())
        parsePage(page);
    if (!dateFormat.empty())
        parseDateFormat(dateFormat);
    auto db = openDatabase(common);
    // The note filed when the program was issued is the record: given byte for byte, unless a new
    // note from the findings as they are now is asked for.
    if (!current && page.empty() && dateFormat.empty()) {
        if (const auto filed = workflow::filedVisitNote(db, visitId)) {
            render::writeFile(filed->pdf, out);
            if (!common.json)
                std::cout << "Wrote " << out << " (visit note of visit " << visitId
                          << " as filed with program version " << filed->version << ")\n";
            return;
        }
    }
    workflow::Clinic clinic = loadClinic(db);
    clinic.dateFormat = dateFormatOption(dateFormat, clinic);
    const auto input = workflow::visitNoteInput(db, clinic, visitId, today());
    render::writeFile(workflow::renderVisitNote(input, pageOption(page, clinic)), out);
    if (!common.json)
        std::cout << "Wrote " << out << " (visit note of visit " << visitId << ", " << input.date << ")\n";
}

} // namespace

void addHistoryCommands(CLI::App& app, CommonOptions& common)
{
    auto* history =
        app.add_subcommand("history", "A patient's visits with changes since baseline and alerts");
    auto key = std::make_shared<std::string>();
    auto norms = std::make_shared<std::string>();
    history->add_option("PATIENT", *key, "record number or external id")->required();
    history->add_option("--norms", *norms,
                        "reference set of normal ROM values for visits that record none (default: the clinic's)");
    history->callback([&common, key, norms] { runHistory(common, *key, *norms); });

    auto* report = app.add_subcommand("report", "Write the one-page progress report of a visit (PDF)");
    auto visit = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>();
    auto page = std::make_shared<std::string>();
    auto reportNorms = std::make_shared<std::string>();
    report->add_option("VISIT", *visit, "visit record number")->required();
    report->add_option("--out", *out, "output PDF file")->required();
    report->add_option("--page", *page, "page size: a4 or letter (default: the clinic's)");
    report->add_option("--norms", *reportNorms,
                       "reference set of normal ROM values for visits that record none (default: the clinic's)");
    auto reportBranding = std::make_shared<std::string>();
    report->add_option("--branding", *reportBranding, "clinic branding JSON (default: the clinic's settings)");
    auto reportDates = std::make_shared<std::string>();
    report->add_option("--date-format", *reportDates, dateFormatHelp());
    report->callback([&common, visit, out, page, reportNorms, reportBranding, reportDates] {
        runReport(common, *visit, *out, *page, *reportNorms, *reportBranding, *reportDates);
    });

    auto* note = app.add_subcommand("note", "Write the visit note of a visit: subjective, objective, assessment, "
                                            "plan, signed by the visit's clinician (PDF)");
    auto noteVisit = std::make_shared<std::int64_t>(0);
    auto noteOut = std::make_shared<std::string>();
    auto notePage = std::make_shared<std::string>();
    note->add_option("VISIT", *noteVisit, "visit record number")->required();
    note->add_option("--out", *noteOut, "output PDF file")->required();
    note->add_option("--page", *notePage, "page size: a4 or letter (default: the clinic's)");
    auto noteDates = std::make_shared<std::string>();
    note->add_option("--date-format", *noteDates, dateFormatHelp());
    auto noteCurrent = std::make_shared<bool>(false);
    note->add_flag("--current", *noteCurrent,
                   "write the note from the findings as they are now, not the note filed when the program was "
                   "issued (--page and --date-format also write a new one)");
    note->callback([&common, noteVisit, noteOut, notePage, noteDates, noteCurrent] {
        runNote(common, *noteVisit, *noteOut, *notePage, *noteDates, *noteCurrent);
    });

    auto* letter = app.add_subcommand(
        "letter", "Write the referral letter of a visit with an urgent or emergency referral (PDF, one page)");
    auto letterVisit = std::make_shared<std::int64_t>(0);
    auto letterOut = std::make_shared<std::string>();
    auto letterPage = std::make_shared<std::string>();
    auto letterTo = std::make_shared<std::string>();
    letter->add_option("VISIT", *letterVisit, "visit record number")->required();
    letter->add_option("--out", *letterOut, "output PDF file")->required();
    letter->add_option("--to", *letterTo,
                       "the addressee, e.g. \"Dr A. Rossi, Riverside Medical Centre\" (default: the emergency "
                       "department or the patient's GP, by urgency)");
    letter->add_option("--page", *letterPage, "page size: a4 or letter (default: the clinic's)");
    auto letterDates = std::make_shared<std::string>();
    letter->add_option("--date-format", *letterDates, dateFormatHelp());
    letter->callback([&common, letterVisit, letterOut, letterPage, letterTo, letterDates] {
        runLetter(common, *letterVisit, *letterOut, *letterPage, *letterTo, *letterDates);
    });
}

} // namespace hiprx::cli
