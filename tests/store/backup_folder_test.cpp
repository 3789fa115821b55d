// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup_folder.h"
#include "store/repositories.h"

#include "store_test_support.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hiprx::store {
namespace {

using test_support::TempDir;
using namespace std::chrono_literals;

/// 2026-11-21 10:00:00 UTC.
BackupFolder::Clock::time_point at(std::chrono::seconds offset = 0s)
{
    return BackupFolder::Clock::from_time_t(1795255200) + offset;
}

TEST(BackupFolder, WritesAReadableCopyNamedAfterTheMomentInUtc)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    PatientRepository(db).create(test_support::samplePatient(), {});

    const auto path = BackupFolder(dir / "backups").write(db, at());

    EXPECT_EQ(path.filename().string(), "hiprx-20261121-100000.sqlite");
    EXPECT_EQ(test_support::permissions(path), 0600u);
    Database copy = Database::openExisting(path);
    EXPECT_EQ(PatientRepository(copy).count(), 1);
}

TEST(BackupFolder, TwoBackupsInOneSecondBothSurviveAndTheLaterIsListedFirst)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    const BackupFolder folder(dir / "backups");

    const auto first = folder.write(db, at());
    const auto second = folder.write(db, at());

    EXPECT_NE(first, second);
    EXPECT_EQ(second.filename().string(), "hiprx-20261121-100000-2.sqlite");
    const auto entries = folder.list();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].path, second);
    EXPECT_EQ(entries[1].path, first);
}

TEST(BackupFolder, KeepsOnlyTheNewestAndNeverTouchesOtherFiles)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    const BackupFolder folder(dir / "backups", 3);
    std::filesystem::create_directories(dir / "backups");
    test_support::writeBytes(dir / "backups" / "before-the-move.sqlite", "kept by hand");
    test_support::writeBytes(dir / "backups" / "hiprx-notes.txt", "not a backup");

    for (int day = 0; day < 5; ++day)
        folder.write(db, at(std::chrono::hours(24 * day)));

    const auto entries = folder.list();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].path.filename().string(), "hiprx-20261125-100000.sqlite");
    EXPECT_EQ(entries[2].path.filename().string(), "hiprx-20261123-100000.sqlite");
    EXPECT_TRUE(std::filesystem::exists(dir / "backups" / "before-the-move.sqlite"));
    EXPECT_TRUE(std::filesystem::exists(dir / "backups" / "hiprx-notes.txt"));
}

TEST(BackupFolder, IsDueWhenEmptyOrWhenTheNewestIsOldEnough)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    const BackupFolder folder(dir / "backups");
    EXPECT_TRUE(folder.due(at(), 24h));

    folder.write(db, at());

    EXPECT_FALSE(folder.due(at(23h), 24h));
    EXPECT_TRUE(folder.due(at(24h), 24h));
}

TEST(BackupFolder, AFolderThatCannotBeWrittenIsAStorageErrorAndRemovesNothing)
{
    TempDir dir;
    Database db = Database::open(dir / "hiprx.sqlite");
    test_support::writeBytes(dir / "not-a-folder", "a file where the folder should be");

    EXPECT_THROW(BackupFolder(dir / "not-a-folder" / "backups").write(db, at()), StorageError);
    EXPECT_EQ(test_support::readBytes(dir / "not-a-folder"), "a file where the folder should be");
}

TEST(BackupFolder, RefusesToKeepNoBackups)
{
    EXPECT_THROW(BackupFolder("/tmp/unused", 0), std::invalid_argument);
}

} // namespace
} // namespace hiprx::store
