// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-cli: HipRx without the window. Exit status: 0 done, 2 bad input (the message on standard
// error names the field), 1 internal error.
#include "cli/commands.h"

#include "core/error.h"
#include "store/database.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInternal = 1;
constexpr int kExitBadInput = 2;

} // namespace

int main(int argc, char** argv)
{
    using namespace hiprx;
    CLI::App app{"HipRx: hip and lower-back assessment and home programs, from the command line.\n"
                 "Exit status: 0 done, 2 bad input, 1 internal error."};
    app.name("hiprx-cli");
    app.require_subcommand(1);
    app.fallthrough(); // --db and --json may follow the command
    app.set_version_flag("--version", "hiprx-cli " HIPRX_VERSION);

    cli::CommonOptions common;
    app.add_option("--db", common.dbPath,
                   "database file, or a clinic server: postgresql://LOGIN@HOST/DATABASE (default: HIPRX_DB, "
                   "else the user's HipRx database file)");
    app.add_flag("--json", common.json, "machine-readable output");
    app.add_option("--clinician", common.clinician, "clinician name for the audit log");

    cli::addPatientCommands(app, common);
    cli::addProgramCommands(app, common);
    cli::addMaintenanceCommands(app, common);
    cli::addDeliveryCommands(app, common);
    cli::addFigureCommands(app, common);
    cli::addHistoryCommands(app, common);
    cli::addNextCommand(app, common);
    cli::addClinicCommands(app, common);
    cli::addExerciseCommands(app, common);

    try {
        app.parse(argc, argv);
        return kExitOk;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "hiprx-cli: " << e.what() << "\nRun with --help for usage.\n";
        return kExitBadInput;
    } catch (const InputError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const store::SchemaTooNewError& e) {
        std::cerr << e.what() << '\n';
        return kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "hiprx-cli: " << e.what() << '\n';
        return kExitInternal;
    }
}
