// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"

#include "store/app_paths.h"
#include "store/backup_folder.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace hiprx::cli {

namespace {

std::filesystem::path databasePath(const CommonOptions& common)
{
    return common.dbPath.empty() ? store::AppPaths().databasePath() : std::filesystem::path(common.dbPath);
}

/// To FILE when given; otherwise into the backups folder beside the database, where the app's
/// own backups go (the oldest beyond BackupFolder::kDefaultKeep are removed).
void runBackup(const CommonOptions& common, const std::string& target)
{
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
