// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/app_paths.h"
#include "store/database.h"

#include "store_test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

namespace fs = std::filesystem;
using namespace hiprx::store;
using hiprx::store::test_support::TempDir;

namespace {

/// Sets (or unsets) an environment variable for one test and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

} // namespace

TEST(AppPaths, DataDirFromEnvironment)
{
    TempDir dir;
    ScopedEnv data("HIPRX_DATA_DIR", dir.path().string());
    const AppPaths paths;
    EXPECT_EQ(paths.dataDir(), dir.path());
    EXPECT_EQ(paths.templatesDir(), dir.path() / "templates");
    EXPECT_EQ(paths.dbDataDir(), dir.path() / "db");
    EXPECT_EQ(paths.assetsDir(), dir.path() / "assets");
    EXPECT_EQ(paths.exerciseLibraryFile(), dir.path() / "db" / "exercises.json");
}

TEST(AppPaths, DataDirThatIsNotAFolderIsAClearError)
{
    TempDir dir;
    ScopedEnv data("HIPRX_DATA_DIR", (dir / "missing").string());
    const AppPaths paths;
    try {
        (void)paths.dataDir();
        FAIL() << "a missing data folder was accepted";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("HIPRX_DATA_DIR"), std::string::npos);
    }
}

TEST(AppPaths, BuildFallsBackToTheSourceTree)
{
    // The test binary is not installed, so without HIPRX_DATA_DIR the source tree is found.
    ScopedEnv data("HIPRX_DATA_DIR", std::nullopt);
    const AppPaths paths;
    EXPECT_EQ(fs::canonical(paths.dataDir()), fs::canonical(HIPRX_SOURCE_DIR));
    EXPECT_TRUE(fs::is_directory(paths.dbDataDir() / "migrations"));
}

TEST(AppPaths, DatabaseFollowsXdgThenHome)
{
    ScopedEnv db("HIPRX_DB", std::nullopt);
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/srv/people/ana/.data");
        const AppPaths paths;
        EXPECT_EQ(paths.databasePath(), fs::path("/srv/people/ana/.data/hiprx/hiprx.sqlite"));
        EXPECT_EQ(paths.backupsDir(), fs::path("/srv/people/ana/.data/hiprx/backups"));
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", std::nullopt);
        ScopedEnv home("HOME", "/home/ana");
        EXPECT_EQ(AppPaths().databasePath(), fs::path("/home/ana/.local/share/hiprx/hiprx.sqlite"));
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", "relative/path"); // invalid per XDG: ignored
        ScopedEnv home("HOME", "/home/ana");
        EXPECT_EQ(AppPaths().databasePath(), fs::path("/home/ana/.local/share/hiprx/hiprx.sqlite"));
    }
}

TEST(AppPaths, HipRxDbOverridesEverything)
{
    ScopedEnv db("HIPRX_DB", "/tmp/clinic/shared.sqlite");
    ScopedEnv xdg("XDG_DATA_HOME", "/srv/people/ana/.data");
    const AppPaths paths;
    EXPECT_EQ(paths.databasePath(), fs::path("/tmp/clinic/shared.sqlite"));
    EXPECT_EQ(paths.backupsDir(), fs::path("/tmp/clinic/backups"));
}
