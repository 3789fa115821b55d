// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_frame.h"

#include "core/assessment.h"
#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/menu.h>
#include <wx/statusbr.h>

#include <random>

namespace hiprx::app {
namespace {

class MainFrameTest : public testing::Test {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() / ("hiprx-gui-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    store::Database database()
    {
        auto db = store::Database::open(m_dir / "gui.sqlite");
        store::PatientRepository patients(db);
        for (const char* name : {"Tomás Álvarez", "Ana Ruiz", "Sam Carter"}) {
            core::Patient p;
            p.name = name;
            patients.create(p, {"test"});
        }
        return db;
    }

    std::filesystem::path m_dir;
};

void pump()
{
    for (int i = 0; i < 10; ++i)
        wxTheApp->Yield(true);
}

TEST_F(MainFrameTest, OpensTitledHipRxWithItsMenus)
{
    auto* frame = new MainFrame(database());
    frame->Show();
    pump();
    EXPECT_EQ(frame->GetTitle(), "HipRx");
    const auto* bar = frame->GetMenuBar();
    ASSERT_NE(bar, nullptr);
    EXPECT_NE(bar->FindMenu("File"), wxNOT_FOUND);
    EXPECT_NE(bar->FindMenu("Patient"), wxNOT_FOUND);
    EXPECT_NE(bar->FindMenu("Help"), wxNOT_FOUND);
    EXPECT_NE(bar->FindItem(wxID_ABOUT), nullptr);
    EXPECT_EQ(frame->patientRows(), 3);
    frame->Destroy();
    pump();
}

TEST_F(MainFrameTest, SearchIgnoresCaseAndAccents)
{
    auto* frame = new MainFrame(database());
    frame->Show();
    frame->search("ALVAREZ");
    EXPECT_EQ(frame->patientRows(), 1);
    frame->search("");
    EXPECT_EQ(frame->patientRows(), 3);
    frame->Destroy();
    pump();
}

} // namespace
} // namespace hiprx::app

namespace hiprx::app {
namespace {

TEST_F(MainFrameTest, ALongMatchListIsCutAtTheLimitAndSaysHowToNarrowIt)
{
    auto db = database();
    store::PatientRepository patients(db);
    for (int i = 0; i < store::PatientRepository::kListLimit + 5; ++i) {
        core::Patient p;
        p.name = "Ana Invented" + std::to_string(i);
        patients.create(p, {"test"});
    }
    auto* frame = new MainFrame(std::move(db));
    frame->Show();
    frame->search("ana");
    EXPECT_EQ(frame->patientRows(), store::PatientRepository::kListLimit);
    EXPECT_TRUE(frame->GetStatusBar()->GetStatusText().Contains("type more"));
    frame->search("invented104");
    EXPECT_EQ(frame->patientRows(), 1);
    EXPECT_FALSE(frame->GetStatusBar()->GetStatusText().Contains("type more"));
    frame->Destroy();
    pump();
}

} // namespace
} // namespace hiprx::app
