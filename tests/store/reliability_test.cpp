// SPDX-License-Identifier: GPL-3.0-or-later
//
// Regression tests for the defects found by the reliability campaign (issue 19): concurrent
// migrations, restore, backup names, read-only databases and special files as the database.
#include "store/backup_folder.h"
#include "store/database.h"
#include "store/database_impl.h"
#include "store/migrations.h"
#include "store/repositories.h"

#include "store_test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::TempDir;
using ::testing::AllOf;
using ::testing::HasSubstr;

namespace {

/// Opens `file` from `count` threads at once, each with its own connection (SQLite locks between
/// connections of one process exactly as between processes); returns every error message.
std::vector<std::string> openConcurrently(const fs::path& file, int count)
{
    std::vector<std::string> errors;
    std::mutex guard;
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([&] {
            ++ready;
            while (ready.load() < count) {
                // start together: the race is in the first milliseconds
            }
            try {
                Database db = Database::open(file);
                if (db.schemaVersion() != Database::latestSchemaVersion())
                    throw StorageError("left at schema " + std::to_string(db.schemaVersion()));
            } catch (const std::exception& e) {
                const std::lock_guard lock(guard);
                errors.emplace_back(e.what());
            }
        });
    }
    for (auto& t : threads)
        t.join();
    return errors;
}

} // namespace

TEST(Reliability, ConcurrentFirstOpensOfANewDatabaseAllSucceed)
{
    for (int trial = 0; trial < 10; ++trial) {
        TempDir dir;
        const fs::path file = dir / "hiprx.sqlite";
        const auto errors = openConcurrently(file, 6);
        EXPECT_THAT(errors, ::testing::IsEmpty()) << "trial " << trial;
        Database db = Database::open(file);
        EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
    }
}

TEST(Reliability, ConcurrentUpgradesOfAnOldDatabaseAllSucceed)
{
    for (int trial = 0; trial < 10; ++trial) {
        TempDir dir;
        const fs::path file = dir / "old.sqlite";
        applyMigrations(file, migrations(), 1);
        const auto errors = openConcurrently(file, 6);
        EXPECT_THAT(errors, ::testing::IsEmpty()) << "trial " << trial;
    }
}

TEST(Reliability, ConcurrentUpgradesFromSeparateProcessesAllSucceed)
{
    for (int trial = 0; trial < 5; ++trial) {
        TempDir dir;
        const fs::path file = dir / "old.sqlite";
        applyMigrations(file, migrations(), 2);
        std::vector<pid_t> children;
        for (int i = 0; i < 4; ++i) {
            const pid_t pid = ::fork();
            ASSERT_GE(pid, 0);
            if (pid == 0) {
                int status = 0;
                try {
                    Database db = Database::open(file);
                    status = db.schemaVersion() == Database::latestSchemaVersion() ? 0 : 2;
                } catch (...) {
                    status = 1;
                }
                ::_exit(status);
            }
            children.push_back(pid);
        }
        for (const pid_t pid : children) {
            int status = -1;
            ::waitpid(pid, &status, 0);
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "trial " << trial;
        }
    }
}

TEST(Reliability, ParallelBackupsInOneSecondEachGetTheirOwnFile)
{
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    {
        Database db = Database::open(file);
        PatientRepository(db).create(samplePatient(), {});
    }
    const auto moment = BackupFolder::Clock::from_time_t(1795255200); // 2026-11-21 10:00:00 UTC
    const BackupFolder folder(dir / "backups");
    std::vector<std::string> written(10);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < written.size(); ++i) {
        threads.emplace_back([&, i] {
            try {
                Database db = Database::open(file); // each its own connection, as separate processes
                written[i] = folder.write(db, moment).filename().string();
            } catch (const std::exception& e) {
                written[i] = std::string("error: ") + e.what();
            }
        });
    }
    for (auto& t : threads)
        t.join();
    const std::set<std::string> distinct(written.begin(), written.end());
    EXPECT_EQ(distinct.size(), written.size()) << "two backups reported the same file";
    for (const auto& name : written)
        EXPECT_THAT(name, ::testing::StartsWith("hiprx-20261121-100000"));
    EXPECT_EQ(folder.list().size(), written.size()) << "a backup replaced another";
    for (const auto& entry : fs::directory_iterator(dir / "backups"))
        EXPECT_TRUE(distinct.count(entry.path().filename().string())) << "left behind: " << entry.path();
}

TEST(Reliability, ABackupNeverReplacesAFileThatAppearedUnderItsName)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    fs::create_directories(dir / "taken");
    test_support::writeBytes(dir / "taken" / "a.sqlite", "someone else's file");
    const fs::path used = db.backupToNewFile([&](int attempt) {
        return dir / "taken" / (attempt == 0 ? std::string("a.sqlite") : "a-" + std::to_string(attempt) + ".sqlite");
    });
    EXPECT_EQ(used.filename(), "a-1.sqlite");
    EXPECT_EQ(test_support::readBytes(dir / "taken" / "a.sqlite"), "someone else's file");
}

TEST(Reliability, AReadOnlyDatabaseOpensAndIsNeverWritten)
{
    TempDir dir;
    const fs::path folder = dir / "share";
    const fs::path file = folder / "hiprx.sqlite";
    const std::vector<core::Exercise> builtins{test_support::sampleExercise("kneeling_hip_flexor_stretch")};
    {
        Database db = Database::open(file);
        ExerciseRepository(db).syncBuiltins(builtins);
        PatientRepository(db).create(samplePatient(), {});
    }
    const std::string before = test_support::readBytes(file);
    // Root may write any file: the reader then runs as "nobody", owner of a 0400 file.
    const bool asRoot = ::geteuid() == 0;
    if (asRoot) {
        ASSERT_EQ(::chown(folder.c_str(), 65534, 65534), 0);
        ASSERT_EQ(::chown(file.c_str(), 65534, 65534), 0);
    }
    fs::permissions(file, fs::perms::owner_read);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        int status = 0;
        if (asRoot && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(3);
        try {
            Database db = Database::open(file);
            ExerciseRepository(db).syncBuiltins(builtins); // as every start does
            status = PatientRepository(db).count() == 1 && ExerciseRepository(db).load().size() == 1 ? 0 : 2;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", e.what());
            status = 1;
        }
        ::_exit(status);
    }
    int status = -1;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: refused (see the message above), 2: wrong content, 3: setuid";
    EXPECT_EQ(test_support::readBytes(file), before);
}

TEST(Reliability, AnUnchangedSyncTakesNoWriteLock)
{
    // Another connection holds the write lock (as a long import would): a sync that has nothing
    // to change must not wait for it, let alone fail after the busy timeout.
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    const std::vector<core::Exercise> builtins{test_support::sampleExercise("kneeling_hip_flexor_stretch")};
    Database db = Database::open(file);
    ExerciseRepository(db).syncBuiltins(builtins);
    SQLite::Database writer(file, SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    const auto start = std::chrono::steady_clock::now();
    EXPECT_NO_THROW(ExerciseRepository(db).syncBuiltins(builtins));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
    writer.exec("ROLLBACK");
}

TEST(Reliability, AFifoOrDeviceAsTheDatabaseIsRefusedAtOnceAndNeverChanged)
{
    TempDir dir;
    const fs::path fifo = dir / "pipe.sqlite";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    // In a child with an alarm: before the fix, opening the FIFO waited for a writer for ever.
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::alarm(10);
        int status = 3;
        try {
            Database::open(fifo);
            status = 1;
        } catch (const StorageError& e) {
            status = std::string(e.what()).find("FIFO") != std::string::npos ? 0 : 2;
        } catch (...) {
            status = 4;
        }
        ::_exit(status);
    }
    int status = -1;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "the open hung (killed by the alarm) or crashed";
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(test_support::permissions(fifo), 0644U) << "never chmodded";

    // A device node of our own (never /dev/null: code without the fix would chmod or replace it).
    const fs::path device = dir / "null-device";
    if (::mknod(device.c_str(), S_IFCHR | 0644, ::makedev(1, 3)) != 0)
        GTEST_SKIP() << "cannot make a device node here (not root)";
    EXPECT_THROW(Database::open(device), StorageError);
    EXPECT_THROW(Database::openExisting(device), StorageError);
    struct stat after {};
    ASSERT_EQ(::stat(device.c_str(), &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(after.st_mode & 07777U, 0644U);
}

TEST(Reliability, ADamagedHeaderIsCalledDamagedNotNewer)
{
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    {
        Database db = Database::open(file);
    }
    std::string bytes = test_support::readBytes(file);
    // A user_version no HipRx ever wrote (the campaign saw "schema 1506123170").
    bytes[60] = '\x59';
    bytes[61] = '\xC5';
    bytes[62] = '\x3A';
    bytes[63] = '\x62';
    test_support::writeBytes(file, bytes);
    try {
        Database::open(file);
        FAIL() << "a damaged file was opened";
    } catch (const SchemaTooNewError& e) {
        FAIL() << "called newer: " << e.what();
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("damaged"));
        EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("newer HipRx")));
    }

    bytes = test_support::readBytes(file);
    bytes[60] = bytes[61] = bytes[62] = bytes[63] = '\0';
    bytes[21] = '\x07'; // a payload fraction that is always 64
    test_support::writeBytes(file, bytes);
    try {
        Database::open(file);
        FAIL() << "a damaged file was opened";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("damaged"));
    }
}

TEST(Reliability, RestoreWhileTheDatabaseIsOpenKeepsLaterSavesInTheDatabase)
{
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    const fs::path backup = dir / "backup.sqlite";
    Database app = Database::open(file); // the app, open all along
    PatientRepository(app).create(samplePatient("Ana Ruiz", ""), {});
    app.backupTo(backup);
    PatientRepository(app).create(samplePatient("Lena Fischer", ""), {});

    Database::restore(backup, file);

    // The app saves after the restore: it must land in the database, not in a file renamed away.
    EXPECT_EQ(PatientRepository(app).count(), 1) << "the app sees the restored data";
    PatientRepository(app).create(samplePatient("Omar Haddad", ""), {});
    {
        Database reopened = Database::open(file);
        PatientRepository patients(reopened);
        EXPECT_EQ(patients.count(), 2);
        EXPECT_EQ(patients.search("haddad").size(), 1U) << "a save after the restore was lost";
    }
    Database previous = Database::openExisting(dir / "hiprx.sqlite.before-restore");
    EXPECT_EQ(PatientRepository(previous).count(), 2) << "the replaced database is kept whole";
    EXPECT_EQ(test_support::permissions(dir / "hiprx.sqlite.before-restore"), 0600U);
}

TEST(Reliability, AnInterruptedRestoreNeverLeadsToANewEmptyDatabase)
{
    // What a crash between the old restore's two renames left: no database, the data aside.
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    {
        Database db = Database::open(file);
        PatientRepository(db).create(samplePatient(), {});
    }
    fs::rename(file, dir / "hiprx.sqlite.before-restore");
    try {
        Database::open(file);
        FAIL() << "an empty database was created beside the data";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("before-restore"));
        EXPECT_THAT(e.what(), HasSubstr("restore did not finish"));
    }
    EXPECT_FALSE(fs::exists(file));
}

TEST(Reliability, RestoreOverADamagedDatabaseReplacesItInOneStep)
{
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    const fs::path backup = dir / "backup.sqlite";
    {
        Database db = Database::open(file);
        PatientRepository(db).create(samplePatient(), {});
        db.backupTo(backup);
    }
    test_support::writeBytes(file, std::string(8192, 'x'));
    Database::restore(backup, file);
    Database db = Database::open(file);
    EXPECT_EQ(PatientRepository(db).count(), 1);
    EXPECT_EQ(test_support::readBytes(dir / "hiprx.sqlite.before-restore"), std::string(8192, 'x'));
}

TEST(Reliability, ABackupNeverReplacesADeviceOrFifo)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    const fs::path fifo = dir / "backup.fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    EXPECT_THROW(db.backupTo(fifo), StorageError);
    EXPECT_TRUE(fs::is_fifo(fifo));
    const fs::path device = dir / "null-device"; // never /dev/null: see above
    if (::mknod(device.c_str(), S_IFCHR | 0644, ::makedev(1, 3)) != 0)
        GTEST_SKIP() << "cannot make a device node here (not root)";
    EXPECT_THROW(db.backupTo(device), StorageError);
    struct stat st {};
    ASSERT_EQ(::stat(device.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
}

namespace {

/// A process id that has just ended (a forked child, reaped).
pid_t endedProcessId()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

} // namespace

TEST(Reliability, CopiesLeftByAKilledBackupOrRestoreAreRemovedLaterButNotThoseOfARunningOne)
{
    // A SIGKILL or power cut mid-backup leaves ".NAME.tmp-PID-…" with the patients' data in it.
    TempDir dir;
    fs::create_directories(dir / "backups");
    const std::string dead = std::to_string(endedProcessId());
    const std::string alive = std::to_string(::getppid()); // runs for as long as this test
    const std::vector<fs::path> abandoned{dir / "backups" / (".hiprx-20261120-100000.sqlite.tmp-" + dead + "-0-123"),
                                          dir / "backups" / (".hiprx-20261120-100000.sqlite.tmp-" + dead + "-0-123-journal"),
                                          dir / (".hiprx.sqlite.tmp-" + dead + "-3-4567")};
    const std::vector<fs::path> kept{dir / "backups" / (".hiprx-20261206-100000.sqlite.tmp-" + alive + "-0-99"),
                                     dir / "backups" / ".notes.tmp-x-1-2", dir / "backups" / ("hiprx.sqlite.tmp-" + dead)};
    for (const auto& path : abandoned)
        test_support::writeBytes(path, "patient data");
    for (const auto& path : kept)
        test_support::writeBytes(path, "someone else's");

    const fs::path file = dir / "hiprx.sqlite";
    {
        Database db = Database::open(file); // sweeps the database's folder
        EXPECT_FALSE(fs::exists(abandoned[2]));
        EXPECT_TRUE(fs::exists(abandoned[0])) << "another folder is not swept on open";
        BackupFolder(dir / "backups").write(db, BackupFolder::Clock::from_time_t(1795255200));
    }
    for (const auto& path : abandoned)
        EXPECT_FALSE(fs::exists(path)) << "left behind: " << path;
    for (const auto& path : kept)
        EXPECT_TRUE(fs::exists(path)) << "removed: " << path;
}

TEST(Reliability, ErrorsOfTheDiskAndTheFileAreSaidInWordsWithSQLitesTextAfter)
{
    using detail::describe;
    EXPECT_THAT(describe(SQLite::Exception("disk I/O error", SQLITE_IOERR)),
                AllOf(HasSubstr("the disk reported a read or write error"), HasSubstr("(SQLite: disk I/O error)")));
    EXPECT_THAT(describe(SQLite::Exception("database or disk is full", SQLITE_FULL)), HasSubstr("the disk is full"));
    // What SQLite says when it fell back to read-only because opening for writing failed.
    EXPECT_THAT(describe(SQLite::Exception("attempt to write a readonly database", SQLITE_READONLY)),
                HasSubstr("could not be opened for writing"));
    EXPECT_THAT(describe(SQLite::Exception("file is not a database", SQLITE_NOTADB)), HasSubstr("restore a backup"));
    // Anything else (constraints name tables and columns, never values) stays as SQLite says it.
    EXPECT_EQ(describe(SQLite::Exception("UNIQUE constraint failed: staff.name", SQLITE_CONSTRAINT)),
              "UNIQUE constraint failed: staff.name");
}
