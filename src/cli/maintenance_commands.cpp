// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"

#include "store/app_paths.h"
#include "store/backup_folder.h"

#include <CLI/CLI.hpp>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hiprx::cli {

namespace {

std::filesystem::path databasePath(const CommonOptions& common)
{
    return common.dbPath.empty() ? store::AppPaths().databasePath() : std::filesystem::path(common.dbPath);
}

/// A clinic server is backed up by the server's own tool: pg_dump, in its custom format (restored
/// with pg_restore), to a file only its owner may read. Roles are the whole server's and are not in
/// it: the server's administrator keeps them with pg_dumpall --roles-only.
void backupServer(const std::string& url, const std::string& target)
{
    if (target.empty())
        throw InputError("FILE", "FILE: name the file to write; a clinic server's backup is a pg_dump file "
                                 "(e.g. clinic-2026-12-06.dump)");
    std::vector<std::string> args{"pg_dump", "--format=custom", "--schema=hiprx", "--no-password",
                                  "--file=" + target, "--dbname=" + url};
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const mode_t previous = ::umask(077); // the dump holds patient data
    pid_t child = 0;
    const int spawned = ::posix_spawnp(&child, "pg_dump", nullptr, nullptr, argv.data(), environ);
    ::umask(previous);
    if (spawned != 0)
        throw store::StorageError("Could not run pg_dump (" + std::string(std::strerror(spawned)) +
                           "). Install the PostgreSQL client: apt install postgresql-client-15.");
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::error_code ignored;
        std::filesystem::remove(target, ignored); // never leave a partial dump that looks like a backup
        throw store::StorageError("pg_dump could not back up the clinic server (its message is above); no backup "
                                  "was written. A backup reads the server's audit too, so it runs as the "
                                  "server's superuser (or a login in pg_read_all_data), not a staff login.");
    }
}

/// To FILE when given; otherwise into the backups folder beside the database, where the app's
/// own backups go (the oldest beyond BackupFolder::kDefaultKeep are removed).
void runBackup(const CommonOptions& common, const std::string& target)
{
    if (store::Database::isServerLocation(common.dbPath.empty() ? store::AppPaths().databasePath().string()
                                                                : common.dbPath)) {
        const std::string url = common.dbPath.empty() ? store::AppPaths().databasePath().string() : common.dbPath;
        backupServer(url, target);
        std::cout << "Backed up the clinic server to " << target << " (pg_dump custom format; restore with "
                  << "pg_restore).\n";
        return;
    }
    auto db = openDatabase(common);
    std::string written = target;
    if (target.empty())
        written = store::BackupFolder(db.path().parent_path() / "backups").write(db).string();
    else
        db.backupTo(target);
    std::cout << "Backed up " << db.path().string() << " to " << written << ".\n";
}

void runRestore(const CommonOptions& common, const std::string& backup)
{
    if (store::Database::isServerLocation(databasePath(common).string()))
        throw InputError("--db", "--db: a clinic server is restored by its administrator with pg_restore "
                                 "(see the README, Clinic mode), never from a desk");
    if (!std::filesystem::exists(backup))
        throw InputError("FILE", "FILE: no backup at " + backup);
    const auto path = databasePath(common);
    const bool replacing = std::filesystem::exists(path);
    store::Database::restore(backup, path);
    std::cout << "Restored " << path.string() << " from " << backup << ".\n";
    if (replacing)
        std::cout << "The previous database was kept as " << path.string() << ".before-restore\n";
}

} // namespace

void addMaintenanceCommands(CLI::App& app, CommonOptions& common)
{
    auto* backup = app.add_subcommand("backup", "Copy the database to a backup file while it is in use");
    auto target = std::make_shared<std::string>();
    backup->add_option("FILE", *target,
                       "backup file to write (default: a new dated file in the backups folder beside the "
                       "database, keeping the newest " +
                           std::to_string(store::BackupFolder::kDefaultKeep) + ")");
    backup->callback([&common, target] { runBackup(common, *target); });

    auto* restore = app.add_subcommand("restore", "Replace the database with a backup (the old one is kept)");
    auto source = std::make_shared<std::string>();
    restore->add_option("FILE", *source, "backup file to restore")->required();
    restore->callback([&common, source] { runRestore(common, *source); });
}

} // namespace hiprx::cli
