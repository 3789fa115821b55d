// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one place that decides where HipRx finds its data (templates/, db/, assets/) and keeps the
// user's files (database, backups). Everything else receives plain paths from here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hiprx::store {

class AppPaths {
public:
    /// Reads the environment once (HIPRX_DATA_DIR, HIPRX_DB, XDG_DATA_HOME, HOME); nothing is
    /// resolved or checked until a path is asked for.
    AppPaths();

    /// The folder holding templates/, db/ and assets/: $HIPRX_DATA_DIR when set; else
    /// `<exe dir>/../share/hiprx` when it exists (an installed HipRx, wherever it was moved); else the
    /// source tree this binary was built from. Throws StorageError when none exists.
    std::filesystem::path dataDir() const;
    std::filesystem::path templatesDir() const; ///< dataDir()/templates; throws like dataDir()
    std::filesystem::path dbDataDir() const;    ///< dataDir()/db; throws like dataDir()
    std::filesystem::path assetsDir() const;    ///< dataDir()/assets; throws like dataDir()
    /// The built-in exercise library, dbDataDir()/exercises.json; throws like dataDir().
    std::filesystem::path exerciseLibraryFile() const;

    /// The user's database: $HIPRX_DB when set, else $XDG_DATA_HOME/hiprx/hiprx.sqlite (default
    /// ~/.local/share/hiprx/hiprx.sqlite). Throws StorageError when no home folder is known.
    std::filesystem::path databasePath() const;
    /// backups/ beside the database.
    std::filesystem::path backupsDir() const;

private:
    std::optional<std::string> m_dataDirOverride;
    std::optional<std::string> m_databaseOverride;
    std::optional<std::string> m_xdgDataHome;
    std::optional<std::string> m_home;
};

} // namespace hiprx::store
