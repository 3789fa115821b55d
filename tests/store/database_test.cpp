// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "store/database_impl.h"
#include "store/migrations.h"
#include "store/repositories.h"

#include "store_test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::permissions;
using hiprx::store::test_support::readBytes;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::TempDir;
using hiprx::store::test_support::writeBytes;
using ::testing::HasSubstr;

namespace {

int rawUserVersion(const fs::path& path)
{
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

const std::vector<std::string> kTables{"patients",  "visits",   "programs",
                                       "exercises", "settings", "audit_log"};

} // namespace

TEST(Migrations, EmbeddedFilesAreNumberedInOrder)
{
    const auto list = migrations();
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(Database::latestSchemaVersion(), static_cast<int>(list.size()));
    EXPECT_EQ(list[0].name, "001_initial.sql");
    EXPECT_THAT(std::string(list[0].content), HasSubstr("CREATE TABLE patients"));
}

TEST(Database, NewFileIsMigratedToTheLatestSchema)
{
    TempDir dir;
    const fs::path file = dir / "nested/folder/hiprx.sqlite";
    {
        Database db = Database::open(file);
        EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
        EXPECT_EQ(db.path(), file);
    }
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    for (const auto& table : kTables)
        EXPECT_TRUE(raw.tableExists(table)) << table;
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latestSchemaVersion());
}

TEST(Database, NewFileAndFolderArePrivate)
{
    TempDir dir;
    const fs::path file = dir / "made/hiprx.sqlite";
    const mode_t old = ::umask(0); // the most permissive umask must not widen the file
    Database db = Database::open(file);
    ::umask(old);
    EXPECT_EQ(permissions(file), 0600u);
    EXPECT_EQ(permissions(dir / "made"), 0700u);

    PatientRepository(db).create(samplePatient(), {});
    // SQLite gives -wal and -shm the main file's mode.
    ASSERT_TRUE(fs::exists(fs::path(file.string() + "-wal")));
    EXPECT_EQ(permissions(fs::path(file.string() + "-wal")), 0600u);
    EXPECT_EQ(permissions(fs::path(file.string() + "-shm")), 0600u);
}

TEST(Database, UsesWriteAheadLogAndEnforcesForeignKeys)
{
    TempDir dir;
    Database db = Database::open(dir / "db.sqlite");
    {
        SQLite::Database raw(dir / "db.sqlite", SQLite::OPEN_READONLY);
        EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
    }
    // A visit for a patient that does not exist violates the foreign key.
    const Actor actor{"J. Park, PT"};
    VisitRepository visits(db);
    EXPECT_THROW(visits.create(4242, test_support::sampleAssessment(), actor), StorageError);
    PatientRepository patients(db);
    const auto id = patients.create(samplePatient(), actor);
    // Through the connection itself: only foreign_keys=ON rejects this.
    EXPECT_THROW(db.transaction([&] {
        SQLite::Statement bad(db.impl().file(), "INSERT INTO visits (patient_id, assessment_json, created_at, "
                                            "updated_at) VALUES (?, '{}', 'x', 'x')");
        bad.bind(1, static_cast<std::int64_t>(id + 100));
        bad.exec();
    }),
                 SQLite::Exception);
}

TEST(Database, MigratesFromEveryEarlierVersion)
{
    const int latest = Database::latestSchemaVersion();
    for (int start = 0; start < latest; ++start) {
        TempDir dir;
        const fs::path file = dir / "old.sqlite";
        applyMigrations(file, migrations(), start);
        ASSERT_EQ(rawUserVersion(file), start);
        Database db = Database::open(file);
        EXPECT_EQ(db.schemaVersion(), latest) << "from schema " << start;
        PatientRepository patients(db);
        EXPECT_GT(patients.create(samplePatient(), {}), 0) << "from schema " << start;
    }
}

TEST(Database, DataSurvivesReopening)
{
    TempDir dir;
    const fs::path file = dir / "db.sqlite";
    std::int64_t id = 0;
    {
        Database db = Database::open(file);
        id = PatientRepository(db).create(samplePatient(), {});
    }
    Database again = Database::open(file);
    const auto found = PatientRepository(again).find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Tomás Álvarez");
}

TEST(Database, EachMigrationIsItsOwnTransaction)
{
    // A second migration that fails half way: the first stays applied, nothing of the second does.
    static constexpr EmbeddedFile kList[] = {
        {"001_first.sql", "CREATE TABLE first (x INTEGER);"},
        {"002_broken.sql", "CREATE TABLE second (y INTEGER); INSERT INTO no_such_table VALUES (1);"},
    };
    TempDir dir;
    const fs::path file = dir / "db.sqlite";
    try {
        applyMigrations(file, kList, 2);
        FAIL() << "the broken migration was accepted";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("002_broken.sql"));
        EXPECT_THAT(e.what(), HasSubstr("left at schema 1"));
    }
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 1);
    EXPECT_TRUE(raw.tableExists("first"));
    EXPECT_FALSE(raw.tableExists("second"));
}

TEST(Database, MigrationsOutOfOrderAreRefused)
{
    static constexpr EmbeddedFile kList[] = {
        {"001_a.sql", "CREATE TABLE a (x);"},
        {"003_c.sql", "CREATE TABLE c (x);"},
    };
    TempDir dir;
    EXPECT_THROW(applyMigrations(dir / "db.sqlite", kList, 2), StorageError);
}

TEST(Database, NewerSchemaIsRefusedAndNeverWritten)
{
    TempDir dir;
    const fs::path file = dir / "newer.sqlite";
    const int newer = Database::latestSchemaVersion() + 4;
    {
        Database db = Database::open(file);
        PatientRepository(db).create(samplePatient(), {});
    }
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(newer));
    } // closing the last connection checkpoints and removes the -wal
    ASSERT_FALSE(fs::exists(file.string() + "-wal"));
    const std::string before = readBytes(file);
    const auto modified = fs::last_write_time(file);

    try {
        Database::open(file);
        FAIL() << "a newer schema was opened";
    } catch (const SchemaTooNewError& e) {
        EXPECT_EQ(e.fileVersion(), newer);
        EXPECT_EQ(std::string(e.what()), "This database was written by a newer HipRx (schema " +
                                             std::to_string(newer) + "; this version knows " +
                                             std::to_string(Database::latestSchemaVersion()) +
                                             "). Install the newer HipRx or open another database.");
    }
    EXPECT_THROW(Database::openExisting(file), SchemaTooNewError);
    EXPECT_EQ(readBytes(file), before);
    EXPECT_EQ(fs::last_write_time(file), modified);
    EXPECT_FALSE(fs::exists(file.string() + "-wal"));
    EXPECT_FALSE(fs::exists(file.string() + "-shm"));
}

TEST(Database, NewerSchemaStillOnlyInTheWalIsRefused)
{
    TempDir dir;
    const fs::path file = dir / "newer.sqlite";
    {
        Database db = Database::open(file);
    }
    const int newer = Database::latestSchemaVersion() + 1;
    // Another connection stays open, so the new version lives only in the -wal.
    SQLite::Database writer(file, SQLite::OPEN_READWRITE);
    writer.exec("PRAGMA user_version = " + std::to_string(newer));
    ASSERT_GT(fs::file_size(file.string() + "-wal"), 0u);
    EXPECT_THROW(Database::open(file), SchemaTooNewError);
    EXPECT_EQ(writer.execAndGet("PRAGMA user_version").getInt(), newer);
}

TEST(Database, NonDatabaseFileIsRefusedWithAClearMessage)
{
    TempDir dir;
    const fs::path file = dir / "notes.sqlite";
    const std::string text = "These are not the tables you are looking for.\n" + std::string(200, 'x');
    writeBytes(file, text);
    try {
        Database::open(file);
        FAIL() << "a text file was opened";
    } catch (const SchemaTooNewError&) {
        FAIL() << "wrong error";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("not a HipRx database"));
        EXPECT_THAT(e.what(), HasSubstr("not an SQLite file"));
    }
    EXPECT_EQ(readBytes(file), text);

    writeBytes(dir / "short.sqlite", "tiny");
    EXPECT_THROW(Database::open(dir / "short.sqlite"), StorageError);
}

TEST(Database, AnotherProgramsSqliteFileIsRefusedUntouched)
{
    TempDir dir;
    const fs::path file = dir / "other.sqlite";
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE recipes (name TEXT)");
    }
    const std::string before = readBytes(file);
    try {
        Database::open(file);
        FAIL() << "another program's database was opened";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("another program"));
    }
    EXPECT_EQ(readBytes(file), before);
}

TEST(Database, EmptyExistingFileBecomesAPrivateDatabase)
{
    TempDir dir;
    const fs::path file = dir / "empty.sqlite";
    writeBytes(file, "");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    Database db = Database::open(file);
    EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(permissions(file), 0600u);
}

TEST(Database, TransactionRollsBackEverythingWhenWorkThrows)
{
    TempDir dir;
    Database db = Database::open(dir / "db.sqlite");
    PatientRepository patients(db);
    AuditLog audit(db);
    patients.create(samplePatient("Ana Ruiz", ""), {});
    const auto before = patients.count();
    const auto auditBefore = audit.recent(1000).size();

    EXPECT_THROW(db.transaction([&] {
        patients.create(samplePatient("Lena Fischer", ""), {}); // its own (nested) transaction commits…
        throw std::runtime_error("power cut");                  // …but the outer one does not
    }),
                 std::runtime_error);
    EXPECT_EQ(patients.count(), before);
    EXPECT_EQ(audit.recent(1000).size(), auditBefore);
    EXPECT_TRUE(patients.search("fischer").empty());

    // And the connection is usable afterwards, committing when the work returns.
    db.transaction([&] { patients.create(samplePatient("Lena Fischer", ""), {}); });
    EXPECT_EQ(patients.count(), before + 1);
}

TEST(Database, NestedFailureRollsBackOnlyTheInnerPart)
{
    TempDir dir;
    Database db = Database::open(dir / "db.sqlite");
    PatientRepository patients(db);
    db.transaction([&] {
        core::Patient first = samplePatient("Ana Ruiz", "");
        first.externalId = "A-1";
        patients.create(first, {});
        core::Patient duplicate = samplePatient("Ana Ruiz Two", "");
        duplicate.externalId = "A-1";
        EXPECT_THROW(patients.create(duplicate, {}), InputError);
    });
    EXPECT_EQ(patients.count(), 1);
}

TEST(Database, BackupAndRestoreRoundTrip)
{
    TempDir dir;
    const fs::path file = dir / "data/hiprx.sqlite";
    const fs::path backup = dir / "data/backups/2026-11-21.sqlite";
    std::int64_t kept = 0;
    {
        Database db = Database::open(file);
        PatientRepository patients(db);
        kept = patients.create(samplePatient("Ana Ruiz", ""), {"J. Park, PT"});
        SettingsRepository(db).set("page_size", "\"A4\"", {});
        db.backupTo(backup);
        patients.create(samplePatient("Lena Fischer", ""), {}); // after the backup: not restored
    }
    EXPECT_EQ(permissions(backup), 0600u);
    EXPECT_FALSE(fs::exists(backup.string() + "-wal")) << "a backup is one self-contained file";
    for (const auto& entry : fs::directory_iterator(backup.parent_path()))
        EXPECT_EQ(entry.path(), backup) << "temporary file left behind";

    {
        // The database as a crash leaves it: the newest patient only in its -wal.
        Database db = Database::open(file);
        PatientRepository(db).create(samplePatient("Omar Haddad", ""), {});
        ASSERT_GT(fs::file_size(file.string() + "-wal"), 0u);
        fs::copy_file(file, dir / "crashed.sqlite");
        fs::copy_file(file.string() + "-wal", dir / "crashed.sqlite-wal");
    }
    const fs::path crashed = dir / "crashed.sqlite";
    Database::restore(backup, crashed);
    Database::restore(backup, file);

    for (const fs::path& target : {file, crashed}) {
        Database restored = Database::open(target);
        PatientRepository patients(restored);
        EXPECT_EQ(patients.count(), 1);
        ASSERT_TRUE(patients.find(kept));
        EXPECT_EQ(patients.find(kept)->name, "Ana Ruiz");
        EXPECT_EQ(SettingsRepository(restored).get("page_size"), "\"A4\"");
        EXPECT_EQ(permissions(target), 0600u);
    }

    // The replaced database is kept, complete with the changes that were only in its -wal.
    for (const fs::path& target : {file, crashed}) {
        const fs::path aside = target.string() + ".before-restore";
        ASSERT_TRUE(fs::exists(aside));
        Database previous = Database::openExisting(aside);
        PatientRepository old(previous);
        EXPECT_EQ(old.count(), 3) << aside;
        EXPECT_EQ(old.search("haddad").size(), 1u) << aside;
    }
}

TEST(Database, RestoreRefusesAFileThatIsNotAHipRxDatabase)
{
    TempDir dir;
    const fs::path file = dir / "hiprx.sqlite";
    {
        Database db = Database::open(file);
        PatientRepository(db).create(samplePatient(), {});
    }
    const std::string before = readBytes(file);

    writeBytes(dir / "junk.sqlite", std::string(4096, 'j'));
    EXPECT_THROW(Database::restore(dir / "junk.sqlite", file), StorageError);
    {
        SQLite::Database other(dir / "other.sqlite", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE recipes (name TEXT); PRAGMA user_version = 1;");
    }
    EXPECT_THROW(Database::restore(dir / "other.sqlite", file), StorageError);

    {
        Database db = Database::open(dir / "newer.sqlite");
        db.backupTo(dir / "newer-backup.sqlite");
    }
    {
        SQLite::Database raw(dir / "newer-backup.sqlite", SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(Database::latestSchemaVersion() + 1));
    }
    EXPECT_THROW(Database::restore(dir / "newer-backup.sqlite", file), SchemaTooNewError);

    EXPECT_EQ(readBytes(file), before);
    EXPECT_FALSE(fs::exists(dir / "hiprx.sqlite.before-restore"));
}

TEST(Database, OpenExistingIsReadOnlyAndNeverCreates)
{
    TempDir dir;
    EXPECT_THROW(Database::openExisting(dir / "missing.sqlite"), StorageError);
    EXPECT_FALSE(fs::exists(dir / "missing.sqlite"));
    {
        Database db = Database::open(dir / "db.sqlite");
    }
    Database readOnly = Database::openExisting(dir / "db.sqlite");
    EXPECT_EQ(readOnly.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_THROW(PatientRepository(readOnly).create(samplePatient(), {}), StorageError);
}

TEST(Database, PatientsStoredBeforeTheSearchIndexAreFoundAfterUpgrading)
{
    TempDir dir;
    const fs::path file = dir / "v4.sqlite";
    applyMigrations(file, migrations(), 4); // the schema before patient_search_tokens
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO patients (external_id, name, name_key, birth_date, sex, email, phone, created_at, "
                 "updated_at) VALUES ('MRN-77', 'Tomás Álvarez-Ruiz', 'tomas alvarez ruiz', '1961-04-02', "
                 "'male', '', '', 'x', 'x')");
    }
    Database db = Database::open(file);
    PatientRepository patients(db);
    for (const char* query : {"alvarez", "ÁLV", "ruiz tom", "1961-04", "mrn-7", "Alvarez-Ruiz"})
        EXPECT_EQ(patients.search(query).size(), 1u) << query;
    EXPECT_TRUE(patients.search("perez").empty());
}

TEST(Database, RebuildingTheSearchIndexFindsBulkLoadedPatients)
{
    TempDir dir;
    Database db = Database::open(dir / "bulk.sqlite");
    db.impl().file().exec("INSERT INTO patients (name, name_key, sex, email, phone, created_at, updated_at) "
                      "VALUES ('Ana Ruiz', 'ana ruiz', 'female', '', '', 'x', 'x')");
    PatientRepository patients(db);
    EXPECT_TRUE(patients.search("ruiz").empty()) << "rows written around the repository have no tokens yet";
    patients.rebuildSearchIndex();
    EXPECT_EQ(patients.search("ruiz").size(), 1u);
}
