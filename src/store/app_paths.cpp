// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/app_paths.h"

#include "store/database.h"

#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hiprx::store {

namespace {

std::optional<std::string> environment(const char* name)
{
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        return std::nullopt;
    return std::string(value);
}

/// The folder of the running executable, from /proc/self/exe (symlinks resolved), so a moved
/// installation still finds its data.
std::optional<fs::path> executableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty())
        return std::nullopt;
    return exe.parent_path();
}

bool isDir(const fs::path& path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

} // namespace

AppPaths::AppPaths()
    : m_dataDirOverride(environment("HIPRX_DATA_DIR")), m_databaseOverride(environment("HIPRX_DB")),
      m_xdgDataHome(environment("XDG_DATA_HOME")), m_home(environment("HOME"))
{
}

fs::path AppPaths::dataDir() const
{
    if (m_dataDirOverride) {
        if (!isDir(*m_dataDirOverride))
            throw StorageError("HIPRX_DATA_DIR is set to " + *m_dataDirOverride +
                               ", which is not a folder. Point it at the folder holding db/ and templates/, "
                               "or unset it.");
        return fs::path(*m_dataDirOverride);
    }
    if (const auto exeDir = executableDir()) {
        const fs::path installed = (*exeDir / ".." / "share" / "hiprx").lexically_normal();
        if (isDir(installed))
            return installed;
    }
#ifdef HIPRX_SOURCE_DIR
    if (const fs::path source(HIPRX_SOURCE_DIR); isDir(source / "db"))
        return source;
#endif
    throw StorageError("HipRx cannot find its data folder (templates/, db/, assets/). Reinstall HipRx, or "
                       "set HIPRX_DATA_DIR to the folder that holds them.");
}

fs::path AppPaths::templatesDir() const
{
    return dataDir() / "templates";
}

fs::path AppPaths::dbDataDir() const
{
    return dataDir() / "db";
}

fs::path AppPaths::assetsDir() const
{
    return dataDir() / "assets";
}

fs::path AppPaths::exerciseLibraryFile() const
{
    return dbDataDir() / "exercises.json";
}

fs::path AppPaths::databasePath() const
{
    if (m_databaseOverride)
        return fs::path(*m_databaseOverride);
    // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (m_xdgDataHome && fs::path(*m_xdgDataHome).is_absolute())
        return fs::path(*m_xdgDataHome) / "hiprx" / "hiprx.sqlite";
    std::optional<std::string> home = m_home;
    if (!home) {
        if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir != nullptr)
            home = std::string(entry->pw_dir);
    }
    if (!home)
        throw StorageError("HipRx cannot find your home folder to keep its database in. Set HIPRX_DB to "
                           "the database file to use.");
    return fs::path(*home) / ".local" / "share" / "hiprx" / "hiprx.sqlite";
}

fs::path AppPaths::backupsDir() const
{
    return databasePath().parent_path() / "backups";
}

} // namespace hiprx::store
