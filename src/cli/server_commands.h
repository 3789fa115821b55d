// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode commands, registered under `clinic` and `staff` (see clinic_commands.cpp).
#pragma once

#include "cli/cli_context.h"

#include <string>

namespace CLI {
class App;
}

namespace hiprx::cli {

/// `clinic init`, and `staff logins|disable|enable|password`.
void addServerCommands(CLI::App& clinic, CLI::App& staff, CommonOptions& common);

/// `staff add NAME --login LOGIN --role ROLE` on a clinic server: the person and their login in one
/// transaction (password asked, or one line of standard input).
void addStaffWithLogin(const CommonOptions& common, const std::string& name, const std::string& credentials,
                       const std::string& login, const std::string& role);

} // namespace hiprx::cli
