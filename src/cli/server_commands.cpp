// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode on the command line: `clinic init URL` (set up or upgrade the clinic server) and the
// logins of `staff` (add with --login, logins, disable, enable, password).
#include "cli/clinic_context.h"
#include "cli/commands.h"
#include "cli/server_commands.h"
#include "cli/text_table.h"

#include "core/error.h"
#include "core/staff.h"
#include "store/clinic_migration.h"
#include "store/repositories.h"
#include "store/server_logins.h"
#include "store/staff_repository.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace hiprx::cli {

namespace {

/// A new password: typed twice without echo at a terminal, or one line of standard input (scripts).
std::string readNewPassword(const std::string& login)
{
    if (::isatty(STDIN_FILENO) == 0) {
        std::string line;
        if (!std::getline(std::cin, line))
            throw InputError("password", "password: give the new password of " + login + " on standard input");
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return line;
    }
    const auto ask = [](const std::string& prompt) {
        std::cerr << prompt << std::flush;
        termios saved{};
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        std::string line;
        std::getline(std::cin, line);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << '\n';
        return line;
    };
    const std::string first = ask("New password for " + login + ": ");
    if (ask("Again: ") != first)
        throw InputError("password", "password: the two passwords differ; nothing was changed");
    return first;
}

store::StaffRole parseRole(const std::string& id)
{
    if (const auto role = store::staffRoleFromId(id))
        return *role;
    throw InputError("--role", "--role: \"" + id + "\" is not a role (expected therapist, frontdesk or admin)");
}

store::Database openServer(const CommonOptions& common, const char* what)
{
    store::Database db = openDatabase(common);
    if (!db.isServer())
        throw InputError("--db", std::string("--db: ") + what +
                                     " needs a clinic server (--db postgresql://LOGIN@HOST/DATABASE or HIPRX_DB); " +
                                     db.location() + " is a database file");
    return db;
}

void runInit(const CommonOptions& common, const std::string& url, const std::string& admin)
{
    if (!store::Database::isServerLocation(url))
        throw InputError("URL", "URL: \"" + url + "\" is not a server address (postgresql://USER@HOST/DATABASE)");
    store::Database::initServer(url);
    CommonOptions here = common;
    here.dbPath = url;
    store::Database db = openDatabase(here); // also brings the built-in exercises up to date
    std::cout << "The clinic database on " << db.location() << " is ready at schema " << db.schemaVersion()
              << ": tables, logins' groups, audit and notifications.\n";
    if (!admin.empty()) {
        store::ServerLogins(db).create(admin, readNewPassword(admin), store::StaffRole::Admin);
        std::cout << "Created the administrator login " << admin << ". Add the clinic's people with:\n"
                  << "  hiprx-cli --db postgresql://" << admin << "@HOST/DATABASE staff add \"NAME\" --login LOGIN "
                  << "--role therapist|frontdesk|admin\n";
    }
}

void runMigrate(const std::string& file, const std::string& url)
{
    if (!store::Database::isServerLocation(url))
        throw InputError("URL", "URL: \"" + url + "\" is not a server address (postgresql://USER@HOST/DATABASE)");
    if (!std::filesystem::exists(file))
        throw InputError("FILE", "FILE: there is no database file at " + file);
    const auto copied = store::copyFileToServer(file, url);
    TextTable table({"TABLE", "ROWS", "CHECKSUM"});
    std::int64_t total = 0;
    for (const auto& t : copied) {
        table.addRow({t.table, std::to_string(t.rows), t.checksum});
        total += t.rows;
    }
    table.print(std::cout);
    std::cout << "Moved " << total << " rows from " << file
              << " into the clinic server; every table's rows and checksum match. The file was not changed; "
                 "keep it as the last copy of the solo practice.\n";
}

void runLogins(const CommonOptions& common)
{
    store::Database db = openServer(common, "staff logins");
    const auto logins = store::ServerLogins(db).list();
    if (common.json) {
        auto list = nlohmann::json::array();
        for (const auto& l : logins)
            list.push_back({{"login", l.login}, {"role", store::staffRoleId(l.role)}, {"can_log_in", l.canLogIn}});
        std::cout << list.dump(2) << '\n';
        return;
    }
    TextTable table({"LOGIN", "ROLE", "STATUS"});
    for (const auto& l : logins)
        table.addRow({l.login, std::string(store::staffRoleLabel(l.role)), l.canLogIn ? "can log in" : "disabled"});
    table.print(std::cout);
    std::cout << logins.size() << (logins.size() == 1 ? " login.\n" : " logins.\n");
}

void runDisable(const CommonOptions& common, const std::string& login)
{
    store::Database db = openServer(common, "staff disable");
    const int ended = store::ServerLogins(db).disable(login);
    std::cout << login << " can no longer log in";
    if (ended > 0)
        std::cout << "; " << ended << (ended == 1 ? " open session was" : " open sessions were") << " ended";
    std::cout << ". Their records keep their name.\n";
}

void runEnable(const CommonOptions& common, const std::string& login)
{
    store::Database db = openServer(common, "staff enable");
    store::ServerLogins(db).enable(login);
    std::cout << login << " can log in again.\n";
}

void runPassword(const CommonOptions& common, const std::string& login)
{
    store::Database db = openServer(common, "staff password");
    store::ServerLogins(db).setPassword(login, readNewPassword(login));
    std::cout << "The password of " << login << " is changed.\n";
}

} // namespace

void addStaffWithLogin(const CommonOptions& common, const std::string& name, const std::string& credentials,
                       const std::string& login, const std::string& role)
{
    store::Database db = openServer(common, "--login");
    const store::StaffRole parsed = parseRole(role.empty() ? "therapist" : role);
    const std::string password = readNewPassword(login);
    std::int64_t id = 0;
    // One transaction: the person and their login are made together or not at all.
    db.transaction([&] {
        id = store::StaffRepository(db).add({0, name, credentials, true}, actorOf(common));
        store::ServerLogins(db).create(login, password, parsed);
    });
    std::cout << "Added " << core::staffLabel({id, name, credentials, true}) << " as staff member " << id
              << " with the login " << login << " (" << store::staffRoleLabel(parsed) << ").\n";
}

void addServerCommands(CLI::App& clinic, CLI::App& staff, CommonOptions& common)
{
    auto url = std::make_shared<std::string>();
    auto admin = std::make_shared<std::string>();
    auto* init = clinic.add_subcommand(
        "init", "Set up (or upgrade) the clinic server: schema, groups, audit, notifications; run as its superuser");
    init->add_option("URL", *url, "postgresql://SUPERUSER@HOST/DATABASE (the database must exist)")->required();
    init->add_option("--admin", *admin, "also create this administrator login (password asked, or read from stdin)");
    init->callback([&common, url, admin] { runInit(common, *url, *admin); });

    auto file = std::make_shared<std::string>();
    auto* migrate = clinic.add_subcommand(
        "migrate", "Move a solo practice's database file into a new clinic server (one transaction, checked)");
    migrate->add_option("FILE", *file, "the HipRx database file (left untouched)")->required();
    migrate->add_option("URL", *url, "postgresql://SUPERUSER@HOST/DATABASE, set up by clinic init")->required();
    migrate->callback([file, url] { runMigrate(*file, *url); });

    auto login = std::make_shared<std::string>();
    auto* logins = staff.add_subcommand("logins", "List the logins of the clinic server, with role and status");
    logins->callback([&common] { runLogins(common); });
    auto* disable = staff.add_subcommand("disable", "Stop a login (clinic server): it can no longer log in");
    disable->add_option("LOGIN", *login, "the login")->required();
    disable->callback([&common, login] { runDisable(common, *login); });
    auto* enable = staff.add_subcommand("enable", "Let a disabled login log in again (clinic server)");
    enable->add_option("LOGIN", *login, "the login")->required();
    enable->callback([&common, login] { runEnable(common, *login); });
    auto* password = staff.add_subcommand("password", "Set a new password for a login (clinic server)");
    password->add_option("LOGIN", *login, "the login")->required();
    password->callback([&common, login] { runPassword(common, *login); });
}

} // namespace hiprx::cli
