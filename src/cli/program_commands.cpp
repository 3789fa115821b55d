// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"
#include "cli/text_table.h"

#include "core/analysis.h"
#include "core/dose_text.h"
#include "core/error.h"
#include "core/program.h"
#include "exchange/json_format.h"
#include "render/figure_drawer.h"
#include "render/home_program.h"
#include "store/app_paths.h"
#include "store/repositories.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace hiprx::cli {

namespace {

struct PlanArgs {
    std::string file;
    std::string jsonOut;
    std::string pdfOut;
    std::string brandingFile;
    std::string page = "a4";
    std::string norms{core::normSetId(core::kDefaultNormSet)};
};

render::PageSize parsePage(const std::string& page)
{
    if (page == "a4")
        return render::PageSize::A4;
    if (page == "letter")
        return render::PageSize::Letter;
    throw InputError("--page", "--page: \"" + page + "\" is not a page size (expected a4 or letter)");
}

/// Branding from --branding, else the clinic settings of the database, else none.
core::Branding loadBranding(const std::string& file, store::Database* db)
{
    if (!file.empty())
        return exchange::readBranding(readTextFile(file, "--branding"));
    if (db) {
        if (auto stored = store::SettingsRepository(*db).get("branding"))
            return exchange::readBranding(*stored);
    }
    return {};
}

std::string sideText(const std::optional<core::Side>& side)
{
    return side ? std::string(core::toId(*side)) : "midline";
}

void printPlan(const core::Analysis& analysis, const core::Program& program)
{
    std::cout << "Referral: " << core::toId(analysis.referral.level) << '\n';
    for (const auto& w : analysis.referral.warnings)
        std::cout << "  [" << core::toId(w.level) << "] " << w.id << ": " << w.clinicianText << '\n';
    std::cout << "Irritability: " << core::toId(analysis.irritability);
    for (const auto& b : analysis.irritabilityBasis)
        std::cout << " — " << b;
    std::cout << "\n\nImpairments\n";
    if (analysis.impairments.empty())
        std::cout << "  none found in the recorded findings\n";
    for (const auto& imp : analysis.impairments) {
        std::cout << "  " << core::toId(imp.kind) << ' ' << core::label(imp.muscle) << ", " << sideText(imp.side)
                  << "  [" << imp.rules.front() << "]\n";
        for (const auto& e : imp.evidence)
            std::cout << "      " << e << '\n';
    }
    for (const auto& note : analysis.notes)
        std::cout << "  note [" << note.rule << "]: " << note.text << '\n';

    std::cout << "\nProgram\n";
    if (program.withheld)
        std::cout << "  withheld: emergency referral\n";
    int n = 0;
    for (const auto& item : program.items)
        std::cout << "  " << ++n << ". " << item.name << " (" << core::toId(item.kind) << ", "
                  << core::label(item.side) << ") — " << core::describeDose(item.dose) << '\n';
    if (!program.excluded.empty()) {
        std::cout << "\nExcluded\n";
        for (const auto& ex : program.excluded)
            std::cout << "  " << ex.exerciseId << " — " << ex.reason << '\n';
    }
    for (const auto& w : program.warnings)
        std::cout << "\nWarning: " << w << '\n';
}

render::HomeProgramInput homeProgramInput(const core::Assessment& assessment, const core::Analysis& analysis,
                                          const core::Program& program, const core::Branding& branding)
{
    render::HomeProgramInput input;
    input.patient = assessment.patient;
    input.date = (assessment.visit.date ? *assessment.visit.date : today()).iso();
    input.branding = branding;
    if (input.branding.therapistName.empty())
        input.branding.therapistName = assessment.visit.clinician;
    input.referral = analysis.referral;
    input.program = program;
    input.takeCare = core::patientCareLines(analysis);
    return input;
}

std::vector<std::uint8_t> renderPdf(const render::HomeProgramInput& input, const std::string& page)
{
    auto resources = render::defaultResources(store::AppPaths().templatesDir());
    const auto figures = loadFigureLibrary(input.branding.accentColor);
    resources.figures = figures.get();
    return render::renderHomeProgram(input, parsePage(page), resources);
}

void runPlan(const CommonOptions& common, const PlanArgs& args)
{
    const auto page = parsePage(args.page); // reject a bad option before any work
    (void)page;
    const auto assessment = exchange::readAssessment(readTextFile(args.file, "FILE"), today());
    std::optional<store::Database> db;
    if (!common.dbPath.empty())
        db.emplace(openDatabase(common));
    const auto library = db ? store::ExerciseRepository(*db).load() : loadBuiltinLibrary();
    const auto branding = loadBranding(args.brandingFile, db ? &*db : nullptr);

    const auto analysis = core::analyze(assessment, {parseNorms(args.norms), today()});
    const auto program = core::plan(analysis, library);

    if (!args.jsonOut.empty())
        writeTextFile(args.jsonOut, exchange::writePlan(analysis, program));
    if (!args.pdfOut.empty())
        render::writeFile(renderPdf(homeProgramInput(assessment, analysis, program, branding), args.page),
                          args.pdfOut);
    if (args.jsonOut != "-" && (args.jsonOut.empty() || common.json)) {
        if (common.json)
            std::cout << exchange::writePlan(analysis, program);
        else
            printPlan(analysis, program);
    }
}

void runIssue(const CommonOptions& common, std::int64_t visitId, const std::string& acknowledgement,
              const std::string& page)
{
    auto db = openDatabase(common);
    store::VisitRepository visits(db);
    const auto visit = visits.find(visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));
    const auto analysis = core::analyze(visit->assessment, {core::kDefaultNormSet, today()});
    const auto program = core::plan(analysis, store::ExerciseRepository(db).load());
    if (analysis.referral.level == core::Urgency::Urgent && acknowledgement.empty())
        throw InputError("--acknowledge",
                         "--acknowledge: this visit has an urgent referral; confirm you have told the patient to "
                         "see a doctor before starting, e.g. --acknowledge \"advised GP review this week\"");
    const auto branding = loadBranding({}, &db);
    const auto pdf = renderPdf(homeProgramInput(visit->assessment, analysis, program, branding), page);
    const auto issued = visits.issueProgram(visitId, program, store::Actor{common.clinician}, acknowledgement, pdf);
    std::cout << "Issued program version " << issued.version << " for visit " << visitId << " ("
              << program.items.size() << " exercises).\n";
}

void runPdf(const CommonOptions& common, std::int64_t visitId, int version, const std::string& out)
{
    auto db = openDatabase(common);
    store::VisitRepository visits(db);
    std::optional<store::IssuedProgram> issued;
    if (version > 0) {
        for (auto& p : visits.programs(visitId))
            if (p.version == version)
                issued = std::move(p);
    } else {
        issued = visits.latestProgram(visitId);
    }
    if (!issued)
        throw InputError("VISIT", "VISIT: visit " + std::to_string(visitId) + " has no issued program" +
                                      (version > 0 ? " version " + std::to_string(version) : std::string()) +
                                      "; issue one with: hiprx-cli issue " + std::to_string(visitId));
    render::writeFile(issued->pdf, out);
    std::cout << "Wrote " << out << " (program version " << issued->version << ", issued " << issued->issuedAt
              << ").\n";
}

void runLibrary(const CommonOptions& common, const std::string& kind, const std::string& target)
{
    std::optional<core::ExerciseKind> kindFilter;
    if (!kind.empty() && !(kindFilter = core::fromId<core::ExerciseKind>(kind)))
        throw InputError("--kind", "--kind: unknown kind \"" + kind +
                                       "\" (expected stretch, strengthen, mobility or self_release)");
    std::optional<core::MuscleGroup> targetFilter;
    if (!target.empty() && !(targetFilter = core::fromId<core::MuscleGroup>(target)))
        throw InputError("--target", "--target: unknown muscle group \"" + target + "\"");

    std::optional<store::Database> db;
    if (!common.dbPath.empty())
        db.emplace(openDatabase(common));
    const auto library = db ? store::ExerciseRepository(*db).load() : loadBuiltinLibrary();

    std::vector<core::Exercise> shown;
    for (const auto& ex : library.all()) {
        if (kindFilter && ex.kind != *kindFilter)
            continue;
        if (targetFilter && std::find(ex.targets.begin(), ex.targets.end(), *targetFilter) == ex.targets.end())
            continue;
        shown.push_back(ex);
    }
    if (common.json) {
        std::cout << exchange::writeExercises(shown);
        return;
    }
    TextTable table({"ID", "NAME", "KIND", "TARGETS"});
    for (const auto& ex : shown) {
        std::string targets;
        for (auto t : ex.targets)
            targets += (targets.empty() ? "" : ", ") + std::string(core::toId(t));
        table.addRow({ex.id, ex.name, std::string(core::toId(ex.kind)), targets});
    }
    table.print(std::cout);
    std::cout << shown.size() << " exercises.\n";
}

void runRules(const CommonOptions& common)
{
    if (common.json) {
        auto list = nlohmann::json::array();
        for (const auto& rule : core::ruleTable())
            list.push_back({{"id", rule.id},
                            {"condition", rule.condition},
                            {"conclusion", rule.conclusion},
                            {"rationale", rule.rationale},
                            {"source", rule.source}});
        std::cout << list.dump(2) << '\n';
        return;
    }
    for (const auto& rule : core::ruleTable()) {
        std::cout << rule.id << "\n  if:   " << rule.condition << "\n  then: " << rule.conclusion
                  << "\n  why:  " << rule.rationale << "\n  source: " << rule.source << "\n\n";
    }
}

} // namespace

void addProgramCommands(CLI::App& app, CommonOptions& common)
{
    auto args = std::make_shared<PlanArgs>();
    auto* plan = app.add_subcommand("plan", "Analyse an assessment file and suggest a dosed home program");
    plan->add_option("FILE", args->file, "hiprx-assessment/1 file")->required();
    plan->add_option("--json", args->jsonOut, "write the hiprx-plan/1 result to this file (- for standard output)");
    plan->add_option("--pdf", args->pdfOut, "write the home program PDF to this file");
    plan->add_option("--branding", args->brandingFile, "clinic branding JSON for the PDF");
    plan->add_option("--page", args->page, "page size of the PDF: a4 or letter")->capture_default_str();
    plan->add_option("--norms", args->norms, "reference set of normal ROM values")->capture_default_str();
    plan->callback([&common, args] { runPlan(common, *args); });

    auto* issue = app.add_subcommand("issue", "Plan a stored visit and issue the program (stored for good)");
    auto visit = std::make_shared<std::int64_t>(0);
    auto ack = std::make_shared<std::string>();
    auto page = std::make_shared<std::string>("a4");
    issue->add_option("VISIT", *visit, "visit record number")->required();
    issue->add_option("--acknowledge", *ack, "required with an urgent referral: what the patient was told");
    issue->add_option("--page", *page, "page size of the PDF: a4 or letter")->capture_default_str();
    issue->callback([&common, visit, ack, page] { runIssue(common, *visit, *ack, *page); });

    auto* pdf = app.add_subcommand("pdf", "Reprint the program issued for a visit, exactly as issued");
    auto pdfVisit = std::make_shared<std::int64_t>(0);
    auto version = std::make_shared<int>(0);
    auto out = std::make_shared<std::string>();
    pdf->add_option("VISIT", *pdfVisit, "visit record number")->required();
    pdf->add_option("--out", *out, "output PDF file")->required();
    pdf->add_option("--version", *version, "program version (default: the latest)");
    pdf->callback([&common, pdfVisit, version, out] { runPdf(common, *pdfVisit, *version, *out); });

    auto* rules = app.add_subcommand("rules", "Print every clinical rule: condition, conclusion, rationale, source");
    rules->callback([&common] { runRules(common); });

    auto* library = app.add_subcommand("library", "List the exercise library");
    auto kind = std::make_shared<std::string>();
    auto target = std::make_shared<std::string>();
    library->add_option("--kind", *kind, "stretch, strengthen, mobility or self_release");
    library->add_option("--target", *target, "muscle group id, e.g. hip_flexors");
    library->callback([&common, kind, target] { runLibrary(common, *kind, *target); });
}

} // namespace hiprx::cli
