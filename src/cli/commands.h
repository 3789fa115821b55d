// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hiprx-cli commands. Each `add…Commands` registers its subcommands on the app; the work is done
// in the callbacks, which throw InputError for bad input (exit 2) and other errors for failures
// (exit 1). See main.cpp for the mapping.
#pragma once

#include "cli/cli_context.h"

#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace hiprx::render {
class FigureLibrary;
}

namespace hiprx::cli {

/// init, import, patients, show, export
void addPatientCommands(CLI::App& app, CommonOptions& common);
/// plan, issue, pdf, library
void addProgramCommands(CLI::App& app, CommonOptions& common);
/// backup, restore
void addMaintenanceCommands(CLI::App& app, CommonOptions& common);
/// email, retry, outbox
void addDeliveryCommands(CLI::App& app, CommonOptions& common);
/// figures (contact sheet of every exercise figure)
void addFigureCommands(CLI::App& app, CommonOptions& common);
/// history (timeline with changes and alerts), report (progress report PDF)
void addHistoryCommands(CLI::App& app, CommonOptions& common);
/// next (the suggested next program at a follow-up visit)
void addNextCommand(CLI::App& app, CommonOptions& common);
/// clinic (shared settings), staff (list, add, retire)
void addClinicCommands(CLI::App& app, CommonOptions& common);
/// exercise (the clinic's own exercises: add, edit, list, export, import, retire)
void addExerciseCommands(CLI::App& app, CommonOptions& common);

/// The exercise figures of the data folder (assets/figures), drawn with `accent` (#RRGGBB; a bad
/// value keeps the default). Throws InputError naming each bad file (hence its exercise id).
std::unique_ptr<render::FigureLibrary> loadFigureLibrary(const std::string& accent);

} // namespace hiprx::cli
