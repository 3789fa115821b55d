// SPDX-License-Identifier: GPL-3.0-or-later
//
// File → Back up now, the daily backup when the window closes, and changing the database file in
// Settings without restarting.
#include "app/main_frame.h"
#include "app/settings.h"

#include "gui_test_support.h"

#include "store/backup_folder.h"
#include "store/repositories.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <wx/statusbr.h>

#include <fstream>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

store::Database databaseWith(const std::filesystem::path& file, std::initializer_list<const char*> names)
{
    auto db = store::Database::open(file);
    store::PatientRepository patients(db);
    for (const char* name : names) {
        core::Patient p;
        p.name = name;
        patients.create(p, {"test"});
    }
    return db;
}

class BackupAndDatabaseTest : public testing::Test {
protected:
    void SetUp() override { Settings().setBackupDir((m_dir.path() / "backups").string()); }
    void TearDown() override
    {
        Settings settings;
        settings.setBackupDir("");
        settings.setDatabasePath("");
    }

    std::vector<store::BackupFolder::Entry> backups() const
    {
        return store::BackupFolder(m_dir.path() / "backups").list();
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
};

TEST_F(BackupAndDatabaseTest, BackUpNowWritesAReadableCopyIntoTheChosenFolder)
{
    auto* frame = new MainFrame(databaseWith(m_dir.path() / "clinic.sqlite", {"Ana Ruiz", "Sam Carter"}));
    frame->setPrompts(m_prompts.prompts());
    frame->Show();
    pump();

    ASSERT_TRUE(frame->backUpNow());

    const auto written = backups();
    ASSERT_EQ(written.size(), 1u);
    auto copy = store::Database::openExisting(written[0].path);
    EXPECT_EQ(store::PatientRepository(copy).count(), 2);
    EXPECT_NE(fromWx(frame->GetStatusBar()->GetStatusText()).find(written[0].path.string()), std::string::npos);
    frame->Destroy();
    pump();
}

TEST_F(BackupAndDatabaseTest, ABackupFolderThatCannotBeWrittenIsReportedNotIgnored)
{
    std::ofstream(m_dir.path() / "a-file") << "not a folder";
    Settings().setBackupDir((m_dir.path() / "a-file" / "backups").string());
    auto* frame = new MainFrame(databaseWith(m_dir.path() / "clinic.sqlite", {"Ana Ruiz"}));
    frame->setPrompts(m_prompts.prompts());

    EXPECT_FALSE(frame->backUpNow());

    ASSERT_EQ(m_prompts.errors.size(), 1u);
    EXPECT_NE(m_prompts.errors[0].find("backup was not written"), std::string::npos);
    frame->Destroy();
    pump();
}

TEST_F(BackupAndDatabaseTest, ClosingWritesTheDailyBackupOnlyWhenNoneIsRecent)
{
    const auto file = m_dir.path() / "clinic.sqlite";
    {
        auto* frame = new MainFrame(databaseWith(file, {"Ana Ruiz"}));
        frame->setPrompts(m_prompts.prompts());
        frame->Show();
        pump();
        frame->Close();
        pump();
    }
    ASSERT_EQ(backups().size(), 1u);
    {
        auto* frame = new MainFrame(store::Database::open(file));
        frame->setPrompts(m_prompts.prompts());
        frame->Show();
        pump();
        frame->Close();
        pump();
    }
    EXPECT_EQ(backups().size(), 1u) << "a backup younger than a day is enough";
    EXPECT_TRUE(m_prompts.errors.empty());
}

// Whether the daily backup is due is read from the app's clock, like every date the app reads:
// this test's "today" is fixed (test_support::kTestToday), and a backup written ten hours before its
// noon is recent, whatever the wall clock says.
TEST_F(BackupAndDatabaseTest, TheDailyBackupIsDueByTheAppsClockNotTheWallClock)
{
    std::filesystem::create_directories(m_dir.path() / "backups");
    const core::Date today = test_support::kTestToday;
    char name[64];
    std::snprintf(name, sizeof name, "hiprx-%04d%02d%02d-020000.sqlite", today.year, today.month, today.day);
    std::ofstream(m_dir.path() / "backups" / name) << "";
    auto* frame = new MainFrame(databaseWith(m_dir.path() / "clinic.sqlite", {"Ana Ruiz"}));
    frame->setPrompts(m_prompts.prompts());
    frame->Show();
    pump();
    frame->Close();
    pump();
    EXPECT_EQ(backups().size(), 1u) << "ten hours old at the app's noon: no second backup";
}

TEST_F(BackupAndDatabaseTest, ChangingTheDatabaseFileTakesEffectWithoutARestart)
{
    auto* frame = new MainFrame(databaseWith(m_dir.path() / "first.sqlite", {"Ana Ruiz", "Sam Carter"}));
    frame->setPrompts(m_prompts.prompts());
    frame->Show();
    pump();
    { auto other = databaseWith(m_dir.path() / "second.sqlite", {"Grace Okafor"}); }
    frame->openPatient(1);

    ASSERT_TRUE(frame->switchDatabase(m_dir.path() / "second.sqlite"));

    EXPECT_EQ(frame->database().path(), m_dir.path() / "second.sqlite");
    EXPECT_EQ(frame->openPatientId(), 0) << "the patient of the other database is closed";
    EXPECT_EQ(frame->patientRows(), 1);
    EXPECT_EQ(Settings().recentPatients(m_dir.path() / "first.sqlite"), std::vector<std::int64_t>{1});
    EXPECT_TRUE(Settings().recentPatients(m_dir.path() / "second.sqlite").empty())
        << "patient 1 of the first database is someone else in the second";
    frame->search("okafor");
    EXPECT_EQ(frame->patientRows(), 1);
    frame->Destroy();
    pump();
}

TEST_F(BackupAndDatabaseTest, ADatabaseThatCannotBeOpenedLeavesTheCurrentOneInUse)
{
    auto* frame = new MainFrame(databaseWith(m_dir.path() / "first.sqlite", {"Ana Ruiz", "Sam Carter"}));
    frame->setPrompts(m_prompts.prompts());
    std::ofstream(m_dir.path() / "notes.sqlite") << "these are notes, not a database";

    EXPECT_FALSE(frame->switchDatabase(m_dir.path() / "notes.sqlite"));

    EXPECT_EQ(frame->database().path(), m_dir.path() / "first.sqlite");
    EXPECT_EQ(frame->patientRows(), 2);
    ASSERT_EQ(m_prompts.errors.size(), 1u);
    EXPECT_NE(m_prompts.errors[0].find("stays on"), std::string::npos);
    EXPECT_EQ(Settings().databasePath(), (m_dir.path() / "first.sqlite").string())
        << "the next start must not fail on the same file";
    frame->Destroy();
    pump();
}

} // namespace
} // namespace hiprx::app
