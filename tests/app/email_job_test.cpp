// SPDX-License-Identifier: GPL-3.0-or-later
//
// The email job sends off the GUI thread and reports back on it; cancel stops a send that hangs.
#include "app/email_job.h"

#include "silent_server.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/thread.h>

#include <chrono>
#include <optional>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hiprx::app {
namespace {

using test_support::SilentServer;

core::SmtpSettings settings(int port)
{
    core::SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = port;
    s.security = core::SmtpSecurity::None;
    s.senderAddress = "frontdesk@clinic.example";
    s.timeoutSeconds = 30;
    return s;
}

delivery::EmailMessage message()
{
    delivery::EmailMessage m;
    m.fromAddress = "frontdesk@clinic.example";
    m.toAddress = "patient@example.org";
    m.subject = "Program";
    m.body = "Attached.";
    m.attachment = {'%', 'P', 'D', 'F'};
    return m;
}

/// Runs the event loop until `done` or `limit` passes.
template <typename Done> bool pumpUntil(Done done, std::chrono::seconds limit)
{
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < until) {
        wxTheApp->Yield(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

} // namespace

TEST(EmailJob, ReportsTheFailureOnTheGuiThread)
{
    auto* frame = new wxFrame(nullptr, wxID_ANY, "owner");
    std::optional<delivery::SendResult> result;
    bool onMainThread = false;
    {
        EmailJob job(*frame);
        // A port that was just closed: nothing listens there.
        const int freePort = [] {
            SilentServer probe;
            return probe.port();
        }();
        ASSERT_TRUE(job.start(settings(freePort), message(), {}, {{}, [&](const delivery::SendResult& r) {
                                  onMainThread = wxIsMainThread();
                                  result = r;
                              }}));
        ASSERT_TRUE(pumpUntil([&] { return result.has_value(); }, std::chrono::seconds(20)));
        EXPECT_FALSE(job.running());
    }
    EXPECT_TRUE(onMainThread);
    EXPECT_EQ(result->failure, delivery::SendFailure::CouldNotConnect);
    EXPECT_FALSE(result->sent());
    frame->Destroy();
}

TEST(EmailJob, CancelStopsASendThatHangs)
{
    auto* frame = new wxFrame(nullptr, wxID_ANY, "owner");
    SilentServer silent;
    std::optional<delivery::SendResult> result;
    {
        EmailJob job(*frame);
        ASSERT_TRUE(job.start(settings(silent.port()), message(), {}, {{}, [&](const delivery::SendResult& r) {
                                  result = r;
                              }}));
        EXPECT_FALSE(job.start(settings(silent.port()), message(), {}, {})) << "one send at a time";
        pumpUntil([] { return false; }, std::chrono::seconds(1));
        EXPECT_TRUE(job.running());
        const auto cancelledAt = std::chrono::steady_clock::now();
        job.cancel();
        ASSERT_TRUE(pumpUntil([&] { return result.has_value(); }, std::chrono::seconds(10)));
        EXPECT_LT(std::chrono::steady_clock::now() - cancelledAt, std::chrono::seconds(5));
    }
    EXPECT_EQ(result->failure, delivery::SendFailure::Cancelled);
    frame->Destroy();
}

TEST(SmtpPasswordStore, KeepsThePasswordOutOfFilesAndForgetsIt)
{
    auto s = settings(25);
    s.user = "frontdesk";
    std::string error;
    ASSERT_TRUE(SmtpPasswordStore::save(s, "s3cret", error)) << error;
    EXPECT_EQ(SmtpPasswordStore::load(s), std::optional<std::string>("s3cret"));
    auto other = s;
    other.user = "someone-else";
    EXPECT_FALSE(SmtpPasswordStore::load(other));
    SmtpPasswordStore::forget(s);
    EXPECT_FALSE(SmtpPasswordStore::load(s));
}

} // namespace hiprx::app
