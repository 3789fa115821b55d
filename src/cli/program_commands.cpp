// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clinic_context.h"
#include "cli/commands.h"
#include "cli/text_table.h"

#include "core/analysis.h"
#include "core/dose_text.h"
#include "core/error.h"
#include "core/program.h"
#include "core/screen.h"
#include "core/words.h"
#include "exchange/json_format.h"
#include "render/figure_drawer.h"
#include "render/home_program.h"
#include "store/app_paths.h"
#include "store/repositories.h"
#include "workflow/documents.h"
#include "workflow/issue.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace hiprx::cli {

namespace {

struct PlanArgs {
    std::string file;
    std::string jsonOut;
    std::string pdfOut;
    std::string brandingFile;
    std::string page;  ///< empty = the clinic's page size
    std::string norms; ///< empty = the clinic's reference set
    std::string dateFormat; ///< empty = the clinic's
    bool largePrint = false;
};

/// The clinic's settings with the branding of --branding (a file that cannot be read is an error).
workflow::Clinic clinicFor(const std::string& brandingFile, store::Database* db)
{
    workflow::Clinic clinic = db ? loadClinic(*db) : workflow::Clinic{};
    if (!brandingFile.empty())
        clinic.branding = exchange::readBranding(readTextFile(brandingFile, "--branding"));
    return clinic;
}

/// ", left" for a one-sided impairment; nothing for a midline one (core, balance).
std::string sideText(const std::optional<core::Side>& side)
{
    return side ? ", " + std::string(core::label(*side)) : std::string();
}

/// The reasoning and the program in words a clinician reads: labels, not ids (the JSON output has
/// the ids, `hiprx-cli rules` the rule table).
void printPlan(const core::Analysis& analysis, const core::Program& program, const core::ExerciseLibrary& library)
{
    std::cout << "Referral: " << core::label(analysis.referral.level) << '\n';
    for (const auto& w : analysis.referral.warnings)
        std::cout << "  " << core::label(w.level) << ": " << core::idsInWords(w.clinicianText) << '\n';
    std::cout << "Irritability: " << core::label(analysis.irritability);
    for (const auto& b : analysis.irritabilityBasis)
        std::cout << " — " << core::idsInWords(b);
    std::cout << "\n\nImpairments\n";
    if (analysis.impairments.empty())
        std::cout << "  none found in the recorded findings\n";
    for (const auto& imp : analysis.impairments) {
        std::cout << "  " << core::label(imp.kind) << ' ' << core::label(imp.muscle) << sideText(imp.side) << '\n';
        for (const auto& e : imp.evidence)
            std::cout << "      " << core::idsInWords(e) << '\n';
        std::string why = imp.rationale;
        if (!imp.rules.empty())
            if (const auto* info = core::findRule(imp.rules.front()))
                why = std::string(info->rationale);
        if (!why.empty())
            std::cout << "      why: " << core::idsInWords(why) << '\n';
    }
    for (const auto& note : analysis.notes)
        std::cout << "  note: " << core::idsInWords(note.text) << '\n';

    std::cout << "\nProgram\n";
    if (program.withheld)
        std::cout << "  withheld: emergency referral\n";
    else if (program.items.empty())
        std::cout << "  none\n";
    int n = 0;
    for (const auto& item : program.items) {
        // A midline exercise (no side) says only its kind.
        std::cout << "  " << ++n << ". " << item.name << " (" << core::label(item.kind);
        if (item.side != core::ExerciseSide::None)
            std::cout << ", " << core::label(item.side);
        std::cout << ") — " << core::describeDose(item.dose) << '\n';
        // Why it is there: the finding it serves (or the clinician's choice), in words.
        std::string why;
        for (const auto& basis : item.basis)
            why += (why.empty() ? "" : "; ") + core::idsInWords(basis, library);
        if (!why.empty())
            std::cout << "      for: " << why << '\n';
    }
    if (!program.excluded.empty()) {
        // One line per exercise, every cause said once.
        std::cout << "\nLeft out\n";
        std::vector<std::string> order;
        std::map<std::string, std::vector<core::Exclusion>> byExercise;
        for (const auto& ex : program.excluded) {
            if (!byExercise.count(ex.exerciseId))
                order.push_back(ex.exerciseId);
            byExercise[ex.exerciseId].push_back(ex);
        }
        for (const auto& id : order) {
            const auto& exclusions = byExercise.at(id);
            const std::string& name = exclusions.front().name.empty() ? id : exclusions.front().name;
            std::cout << "  " << name << " — " << core::idsInWords(core::exclusionText(exclusions), library) << '\n';
        }
    }
    for (const auto& w : program.warnings)
        std::cout << "\nWarning: " << core::idsInWords(w, library) << '\n';
}

void runPlan(const CommonOptions& common, const PlanArgs& args)
{
    if (!args.page.empty())
        parsePage(args.page); // reject a bad option before any work
    if (!args.dateFormat.empty())
        parseDateFormat(args.dateFormat);
    const auto assessment = exchange::readAssessment(readTextFile(args.file, "FILE"), today());
    std::optional<store::Database> db;
    if (!common.dbPath.empty())
        db.emplace(openDatabase(common));
    const workflow::Clinic clinic = clinicFor(args.brandingFile, db ? &*db : nullptr);
    // With a database: its library and the clinic exercises' pictures; without: the built-ins.
    std::optional<workflow::Materials> materials;
    if (db)
        materials.emplace(loadMaterials(*db, clinic));
    const auto library = materials ? materials->library : loadBuiltinLibrary();

    const auto analysis = core::analyze(assessment, {normsOption(args.norms, clinic), today()});
    const auto program = core::plan(analysis, library);

    if (!args.jsonOut.empty())
        writeTextFile(args.jsonOut, exchange::writePlan(analysis, program));
    if (!args.pdfOut.empty()) {
        std::vector<std::string> problems;
        std::unique_ptr<render::FigureLibrary> figures;
        if (!materials) {
            figures = workflow::loadFigures(clinic.branding.accentColor, problems);
            warn(problems);
        }
        const auto input = workflow::handoutInput(assessment, analysis, program, clinic.branding, today(),
                                                  {dateFormatOption(args.dateFormat, clinic), args.largePrint});
        render::writeFile(workflow::renderHandout(input, pageOption(args.page, clinic),
                                                  materials ? materials->drawer() : figures.get()),
                          args.pdfOut);
        if (materials)
            warn(*materials->pictureProblems);
    }
    if (args.jsonOut != "-" && (args.jsonOut.empty() || common.json)) {
        if (common.json)
            std::cout << exchange::writePlan(analysis, program);
        else
            printPlan(analysis, program, library);
    }
}

struct IssueArgs {
    std::int64_t visit = 0;
    std::string acknowledgement;
    std::string page;  ///< empty = the clinic's
    std::string norms; ///< empty = the clinic's (a set recorded with the visit wins)
    std::string dateFormat; ///< empty = the clinic's
    bool largePrint = false;
};

/// A line pointing to large print when the patient is of the age it is suggested for and it was not
/// chosen; nothing otherwise.
void suggestLargePrint(const core::Patient& patient, bool chosen, const std::string& reprint)
{
    if (chosen || !workflow::suggestLargePrint(patient, today()))
        return;
    std::cout << "Large print is suggested from age " << workflow::kLargePrintSuggestedFromAge
              << "; to print this handout in large type: " << reprint << '\n';
}

void runIssue(const CommonOptions& common, const IssueArgs& args)
{
    if (!args.page.empty())
        parsePage(args.page);
    if (!args.dateFormat.empty())
        parseDateFormat(args.dateFormat);
    auto db = openDatabase(common);
    workflow::Clinic clinic = loadClinic(db);
    clinic.pageSize = pageOption(args.page, clinic);
    clinic.norms = normsOption(args.norms, clinic);
    clinic.dateFormat = dateFormatOption(args.dateFormat, clinic);
    const auto materials = loadMaterials(db, clinic);
    workflow::IssueResult result;
    try {
        result = workflow::issueProgram(db, clinic, materials.library, materials.drawer(),
                                        {args.visit, std::nullopt, args.acknowledgement, actorOf(common), today(),
                                         args.largePrint});
    } catch (const InputError& e) {
        // Say it in the command line's words: the acknowledgement is given with --acknowledge.
        std::vector<FieldProblem> problems = e.problems();
        for (FieldProblem& p : problems)
            if (p.path == "acknowledgement") {
                p.path = "--acknowledge";
                p.message = "--acknowledge: this visit has an urgent referral; confirm you have told the patient "
                            "to see a doctor before starting, e.g. --acknowledge \"advised GP review this week\"";
            }
        throw InputError(std::move(problems));
    }
    warn(*materials.pictureProblems);
    if (!result.noteProblem.empty()) {
        // The problem is a sentence of its own; the remedy follows as another.
        std::string problem = result.noteProblem;
        while (!problem.empty() && (problem.back() == '.' || problem.back() == ' '))
            problem.pop_back();
        warn({problem + ". Write it with: hiprx-cli note " + std::to_string(args.visit) + " --out FILE.pdf"});
    }
    const auto& issued = result.issued;
    std::cout << "Issued program version " << issued.version << " for visit " << args.visit << " ("
              << issued.program.items.size() << " exercises)";
    if (issued.program.withheld)
        std::cout << ": no exercises, because of an emergency referral; the handout tells the patient to get "
                     "help today";
    std::cout << ".\n";
    if (!issued.program.withheld && !issued.program.items.empty())
        if (const auto visit = store::VisitRepository(db).find(args.visit))
            suggestLargePrint(visit->assessment.patient, args.largePrint,
                              "hiprx-cli pdf " + std::to_string(args.visit) + " --large-print --out FILE.pdf");
}

struct PdfArgs {
    std::int64_t visit = 0;
    int version = 0;
    std::string out;
    std::string dateFormat; ///< given: printed again from the issued program in this format
    bool largePrint = false; ///< printed again from the issued program in large print
};

void runPdf(const CommonOptions& common, const PdfArgs& args)
{
    const std::int64_t visitId = args.visit;
    const std::string& out = args.out;
    if (!args.dateFormat.empty())
        parseDateFormat(args.dateFormat);
    auto db = openDatabase(common);
    if (args.largePrint || !args.dateFormat.empty()) {
        // Another look of the same program: rendered again from what was issued.
        workflow::Clinic clinic = loadClinic(db);
        clinic.dateFormat = dateFormatOption(args.dateFormat, clinic);
        const auto materials = loadMaterials(db, clinic); // the figures and the clinic exercises' pictures
        const auto issued = workflow::issuedProgram(db, visitId, args.version);
        render::writeFile(workflow::reprintHandout(db, clinic, materials.drawer(), visitId, issued.version,
                                                   {clinic.dateFormat, args.largePrint}, today()),
                          out);
        warn(*materials.pictureProblems);
        std::cout << "Wrote " << out << " (program version " << issued.version << ", issued " << issued.issuedAt
                  << ", printed again" << (args.largePrint ? " in large print" : "") << ").\n";
        return;
    }
    const auto issued = workflow::issuedProgram(db, visitId, args.version);
    if (issued.pdf.empty())
        throw InputError("VISIT", "VISIT: program version " + std::to_string(issued.version) + " of visit " +
                                      std::to_string(visitId) + " was issued without a stored PDF");
    render::writeFile(issued.pdf, out);
    std::cout << "Wrote " << out << " (program version " << issued.version << ", issued " << issued.issuedAt
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
    const auto library = db ? loadMaterials(*db, loadClinic(*db)).library : loadBuiltinLibrary();

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
    plan->add_option("--page", args->page, "page size of the PDF: a4 or letter (default: the clinic's, else a4)");
    plan->add_option("--norms", args->norms,
                     "reference set of normal ROM values (default: the clinic's, else " + defaultNormsId() + ")");
    plan->add_option("--date-format", args->dateFormat, dateFormatHelp());
    plan->add_flag("--large-print", args->largePrint,
                   "the PDF in large print: body text 14 pt, larger headings and pictures (suggested from age " +
                       std::to_string(workflow::kLargePrintSuggestedFromAge) + ")");
    plan->callback([&common, args] { runPlan(common, *args); });

    auto* issue = app.add_subcommand("issue", "Plan a stored visit and issue the program (stored for good)");
    auto issueArgs = std::make_shared<IssueArgs>();
    issue->add_option("VISIT", issueArgs->visit, "visit record number")->required();
    issue->add_option("--acknowledge", issueArgs->acknowledgement,
                      "required with an urgent referral: what the patient was told");
    issue->add_option("--page", issueArgs->page, "page size of the PDF: a4 or letter (default: the clinic's)");
    issue->add_option("--norms", issueArgs->norms,
                      "reference set of normal ROM values when the visit records none (default: the clinic's)");
    issue->add_option("--date-format", issueArgs->dateFormat, dateFormatHelp());
    issue->add_flag("--large-print", issueArgs->largePrint,
                    "the handout in large print: body text 14 pt, larger headings and pictures (suggested from age " +
                        std::to_string(workflow::kLargePrintSuggestedFromAge) + ")");
    issue->callback([&common, issueArgs] { runIssue(common, *issueArgs); });

    auto* pdf = app.add_subcommand("pdf", "Reprint the program issued for a visit, exactly as issued");
    auto pdfArgs = std::make_shared<PdfArgs>();
    pdf->add_option("VISIT", pdfArgs->visit, "visit record number")->required();
    pdf->add_option("--out", pdfArgs->out, "output PDF file")->required();
    pdf->add_option("--version", pdfArgs->version, "program version (default: the latest)");
    pdf->add_option("--date-format", pdfArgs->dateFormat,
                    "print the issued program again with dates written " + dateFormatHelp(false) +
                        " (without it or --large-print: the stored PDF, byte for byte)");
    pdf->add_flag("--large-print", pdfArgs->largePrint,
                  "print the issued program again in large print (body text 14 pt, larger headings and pictures)");
    pdf->callback([&common, pdfArgs] { runPdf(common, *pdfArgs); });

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
