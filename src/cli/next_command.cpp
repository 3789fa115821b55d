// SPDX-License-Identifier: GPL-3.0-or-later
//
// `next VISIT [--json OUT] [--norms SET]`: the suggested next program at a stored visit — the last
// program issued at or before it, stepped by the history up to it and screened with its findings —
// computed by core::nextProgramAtVisit, exactly as the app's Next program… computes it.
#include "cli/clinic_context.h"
#include "cli/commands.h"
#include "cli/text_table.h"

#include "core/dose_text.h"
#include "core/error.h"
#include "core/progression.h"
#include "exchange/json_format.h"
#include "store/history_queries.h"
#include "store/repositories.h"
#include "workflow/follow_up.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace hiprx::cli {

namespace {

void printNext(std::int64_t visitId, const core::NextProgram& next)
{
    std::cout << "Next program at visit " << visitId << ": " << core::progressionStepId(next.step) << '\n';
    for (const std::string& reason : next.reasons)
        std::cout << "  – " << reason << '\n';
    for (const std::string& warning : next.warnings)
        std::cout << "Warning: " << warning << '\n';
    std::cout << '\n';

    TextTable table({"last program", "next", "side", "dose", "why"});
    for (const core::ItemSuggestion& s : next.items) {
        if (s.dropped) {
            table.addRow({s.current.name, "(left out)", "", "", s.reason});
            continue;
        }
        table.addRow({s.current.name, s.suggested.name, std::string(core::label(s.suggested.side)),
                      core::describeDose(s.suggested.dose), s.reason});
    }
    if (table.empty())
        std::cout << "The last program has no exercises.\n";
    else
        table.print(std::cout);

    const auto excluded = next.excluded();
    if (!excluded.empty()) {
        std::cout << "\nLeft out\n";
        for (const core::LeftOut& l : excluded)
            std::cout << "  " << l.reason << '\n';
    }
}

void runNext(const CommonOptions& common, std::int64_t visitId, const std::string& jsonOut, const std::string& norms)
{
    auto db = openDatabase(common);
    const workflow::Clinic clinic = loadClinic(db);
    const core::NormSet set = normsOption(norms, clinic);
    const auto next =
        std::optional<core::NextProgram>(workflow::nextProgram(db, loadMaterials(db, clinic).library, visitId, set, today()));

    if (!jsonOut.empty()) {
        writeTextFile(jsonOut, exchange::writeNext(*next));
        if (jsonOut == "-")
            return;
    } else if (common.json) {
        std::cout << exchange::writeNext(*next);
        return;
    }
    printNext(visitId, *next);
}

} // namespace

void addNextCommand(CLI::App& app, CommonOptions& common)
{
    auto* next = app.add_subcommand(
        "next", "The suggested next program at a visit: the last issued program progressed, held, regressed "
                "or referred, screened with the visit's precautions");
    auto visit = std::make_shared<std::int64_t>(0);
    auto jsonOut = std::make_shared<std::string>();
    auto norms = std::make_shared<std::string>();
    next->add_option("VISIT", *visit, "visit record number (the follow-up visit)")->required();
    next->add_option("--json", *jsonOut, "write the hiprx-next/1 result to this file (- for standard output)");
    next->add_option("--norms", *norms,
                     "reference set of normal ROM values for visits that record none (default: the clinic's)");
    next->callback([&common, visit, jsonOut, norms] { runNext(common, *visit, *jsonOut, *norms); });
}

} // namespace hiprx::cli
