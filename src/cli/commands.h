// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hiprx-cli commands. Each `add…Commands` registers its subcommands on the app; the work is done
// in the callbacks, which throw InputError for bad input (exit 2) and other errors for failures
// (exit 1). See main.cpp for the mapping.
#pragma once

#include "cli/cli_context.h"

namespace CLI {
class App;
}

namespace hiprx::cli {

/// init, import, patients, show, export
void addPatientCommands(CLI::App& app, CommonOptions& common);
/// plan, issue, pdf, library
void addProgramCommands(CLI::App& app, CommonOptions& common);
/// backup, restore
void addMaintenanceCommands(CLI::App& app, CommonOptions& common);

} // namespace hiprx::cli
