// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Outbox closes every way a window closes — its Close button, Esc, the title-bar × and Alt+F4
// (both a close event) — shown modally as File → Outbox… shows it, and shown modeless; while a
// retry is being sent it waits for the result, then closes (issue 15). With HIPRX_SCREENSHOT_DIR
// set, the empty outbox is photographed as outbox-empty.png.
#include "app/outbox_dialog.h"
#include "app/local_time.h"

#include "../render/render_fixtures.h"
#include "gui_test_support.h"
#include "silent_server.h"

#include "exchange/smtp_json.h"
#include "render/home_program.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <cstdlib>
#include <functional>
#include <memory>

namespace hiprx::app {
namespace {

using ::testing::HasSubstr;
using test_support::pump;
using test_support::SilentServer;
using test_support::TempFolder;

/// What ShowModal() returns when the test had to end the dialog itself: nothing closed it.
constexpr int kStuck = wxID_ABORT;

class OutboxDialogClose : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = std::make_unique<store::Database>(store::Database::open(m_folder.path() / "clinic.sqlite"));
        m_frame = new wxFrame(nullptr, wxID_ANY, "Outbox close test", wxPoint(0, 0), wxSize(1000, 700));
        m_frame->Show();
        pump();
    }
    void TearDown() override
    {
        m_frame->Destroy();
        pump();
    }

    /// Shows `dialog` modally, does `action` once it is up, and returns ShowModal()'s result, or
    /// kStuck when the dialog was still open 5 s later (the test then ends it, so it never hangs).
    static int showModalAnd(wxDialog& dialog, const std::function<void()>& action)
    {
        wxTimer act;
        act.Bind(wxEVT_TIMER, [&](wxTimerEvent&) { action(); });
        wxTimer giveUp;
        giveUp.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            if (dialog.IsModal())
                dialog.EndModal(kStuck);
        });
        act.StartOnce(300);
        giveUp.StartOnce(5000);
        return dialog.ShowModal();
    }

    /// A click on the dialog's Close button, as wx delivers it.
    static void clickClose(wxDialog& dialog)
    {
        auto* close = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_CLOSE));
        ASSERT_NE(close, nullptr);
        wxCommandEvent click(wxEVT_BUTTON, wxID_CLOSE);
        click.SetEventObject(close);
        close->ProcessWindowEvent(click);
    }

    /// Esc as wxGTK delivers a key press: wxEVT_CHAR_HOOK at the focused window (here the list),
    /// from where it goes up to the dialog.
    static void pressEscape(wxDialog& dialog)
    {
        wxWindow* target = wxWindow::FindFocus();
        if (!target || wxGetTopLevelParent(target) != &dialog)
            target = wxWindow::FindWindowByName("listCtrl", &dialog);
        if (!target)
            target = &dialog;
        wxKeyEvent escape(wxEVT_CHAR_HOOK);
        escape.m_keyCode = WXK_ESCAPE;
        escape.SetEventObject(target);
        target->ProcessWindowEvent(escape);
    }

    /// The title-bar × and Alt+F4: the window manager asks to close, wx sends wxEVT_CLOSE_WINDOW
    /// (which may be vetoed), exactly as Close() does.
    static void closeFromTitleBar(wxDialog& dialog) { dialog.Close(); }

    TempFolder m_folder;
    std::unique_ptr<store::Database> m_db;
    wxFrame* m_frame = nullptr;
};

/// With HIPRX_SCREENSHOT_DIR set, saves the screen as outbox-<name>.png there.
void shoot(const std::string& name)
{
    const char* dir = std::getenv("HIPRX_SCREENSHOT_DIR");
    if (!dir)
        return;
    pump(400);
    const std::string command = "import -window root '" + std::string(dir) + "/outbox-" + name + ".png'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

TEST_F(OutboxDialogClose, CloseButtonEndsTheModalOutbox)
{
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    ASSERT_EQ(dialog.rows(), 0);
    EXPECT_EQ(showModalAnd(dialog,
                           [&] {
                               shoot("empty");
                               clickClose(dialog);
                           }),
              wxID_CLOSE);
    EXPECT_FALSE(dialog.IsShown());
}

TEST_F(OutboxDialogClose, EscapeEndsTheModalOutbox)
{
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    EXPECT_EQ(showModalAnd(dialog, [&] { pressEscape(dialog); }), wxID_CLOSE);
    EXPECT_FALSE(dialog.IsShown());
}

// Esc once more as a real key press through X (Xvfb) and GTK, when the dialog has the focus.
TEST_F(OutboxDialogClose, EscapeKeyPressEndsTheModalOutbox)
{
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    bool focused = false;
    const int result = showModalAnd(dialog, [&] {
        dialog.Raise();
        dialog.FindWindow(wxID_CLOSE)->SetFocus();
        pump(100);
        focused = wxWindow::FindFocus() && wxGetTopLevelParent(wxWindow::FindFocus()) == &dialog;
        if (focused)
            wxUIActionSimulator().Char(WXK_ESCAPE);
    });
    if (!focused)
        GTEST_SKIP() << "the X server gave the dialog no keyboard focus";
    EXPECT_EQ(result, wxID_CLOSE);
}

TEST_F(OutboxDialogClose, TitleBarCloseAndAltF4EndTheModalOutbox)
{
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    EXPECT_EQ(showModalAnd(dialog, [&] { closeFromTitleBar(dialog); }), wxID_CLOSE);
    EXPECT_FALSE(dialog.IsShown());
}

TEST_F(OutboxDialogClose, EveryWayClosesTheModelessOutboxToo)
{
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    const std::pair<const char*, std::function<void()>> ways[] = {
        {"Close button", [&] { clickClose(dialog); }},
        {"Esc", [&] { pressEscape(dialog); }},
        {"title-bar close / Alt+F4", [&] { closeFromTitleBar(dialog); }},
    };
    for (const auto& [way, close] : ways) {
        dialog.Show();
        pump();
        ASSERT_TRUE(dialog.IsShown()) << way;
        close();
        pump();
        EXPECT_FALSE(dialog.IsShown()) << way;
    }
}

// A forced close (the app quitting) never waits and never asks.
TEST_F(OutboxDialogClose, AForcedCloseEndsTheModalOutbox)
{
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    EXPECT_EQ(showModalAnd(dialog, [&] { dialog.Close(/*force=*/true); }), wxID_CLOSE);
}

/// One patient, one visit and its issued program with the real PDF, and an outbox message for it.
std::int64_t queueOneMessage(store::Database& db)
{
    core::Patient patient;
    patient.name = "Rosa Imbert";
    patient.email = "rosa@example.org";
    const auto patientId = store::PatientRepository(db).create(patient, {"J. Park, PT"});
    core::Assessment a;
    a.patient = patient;
    a.visit.date = core::Date{2026, 11, 20};
    a.visit.clinician = "J. Park, PT";
    store::VisitRepository visits(db);
    const auto visitId = visits.create(patientId, a, {"J. Park, PT"});
    const auto input = render::fixtures::input("Rosa Imbert", 3, core::Urgency::None);
    const auto pdf = render::renderHomeProgram(input, render::PageSize::A4,
                                               render::defaultResources(render::fixtures::templatesDir()));
    const auto issued = visits.issueProgram(visitId, input.program, {"J. Park, PT"}, {}, pdf);
    return store::OutboxRepository(db).enqueue({visitId, issued.version, "rosa@example.org", "Your home exercises",
                                                "Hello Rosa,\n", "close-test@clinic.example"},
                                               {"J. Park, PT"});
}

// The "when" column is the computer's local time in words, as every other screen shows times
// (issue 15, item 6): never the stored UTC text.
TEST_F(OutboxDialogClose, TheWhenColumnShowsLocalTimeNotUtc)
{
    const auto id = queueOneMessage(*m_db);
    const auto entry = store::OutboxRepository(*m_db).find(id);
    ASSERT_TRUE(entry);
    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    ASSERT_EQ(dialog.rows(), 1);
    const std::string when = dialog.cell(0, 2);
    EXPECT_EQ(when, localTimeText(entry->createdAt));
    EXPECT_THAT(when, ::testing::Not(HasSubstr("UTC")));
    EXPECT_THAT(when, ::testing::Not(HasSubstr("T")));
}

// Closing during a retry cancels it, keeps the window until the result is recorded (so the
// message is never left marked as being sent), then closes by itself.
TEST_F(OutboxDialogClose, ClosingWhileSendingWaitsForTheResultThenCloses)
{
    SilentServer silent; // accepts the connection and never answers
    core::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = silent.port();
    smtp.security = core::SmtpSecurity::None;
    smtp.senderAddress = "frontdesk@clinic.example";
    smtp.timeoutSeconds = 60;
    store::SettingsRepository(*m_db).set("smtp", exchange::writeSmtpSettings(smtp), {"test"});
    const auto id = queueOneMessage(*m_db);

    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    bool stayedWhileSending = false;
    std::string statusWhileSending;
    const int result = showModalAnd(dialog, [&] {
        dialog.select(0);
        if (!dialog.retrySelected())
            return;
        closeFromTitleBar(dialog);
        stayedWhileSending = dialog.IsModal() && dialog.IsShown();
        statusWhileSending = dialog.statusText();
    });
    EXPECT_TRUE(stayedWhileSending);
    EXPECT_THAT(statusWhileSending, HasSubstr("Cancelling the send"));
    EXPECT_EQ(result, wxID_CLOSE) << dialog.statusText();
    EXPECT_FALSE(dialog.sending());
    const auto entry = store::OutboxRepository(*m_db).find(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->status, store::OutboxStatus::Failed); // recorded, still waiting to be sent
    EXPECT_THAT(entry->error, HasSubstr("cancelled"));
}

} // namespace
} // namespace hiprx::app
