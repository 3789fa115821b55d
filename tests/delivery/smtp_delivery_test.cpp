// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sending for real: a local aiosmtpd server (smtp_server.py) receives each message and parses it
// with Python's email package, so headers and the attachment are checked by an independent reader.
#include "delivery/email_template.h"
#include "delivery/smtp_client.h"
#include "render/home_program.h"
#include "store/database.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"

#include "../cli/cli_runner.h"
#include "../render/render_fixtures.h"
#include "smtp_test_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace hiprx;
using namespace hiprx::delivery;
using namespace hiprx::delivery::test_support;
using ::testing::HasSubstr;
using ::testing::Not;
using json = nlohmann::json;

namespace {

std::string readAll(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// One real home program PDF, rendered once for all tests.
const std::vector<std::uint8_t>& samplePdf()
{
    static const auto pdf = render::renderHomeProgram(render::fixtures::input("Tomás Álvarez", 3, core::Urgency::None),
                                                      render::PageSize::A4,
                                                      render::defaultResources(render::fixtures::templatesDir()));
    return pdf;
}

class SmtpDeliveryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!aiosmtpdAvailable())
            GTEST_SKIP() << "/usr/bin/python3 cannot import aiosmtpd (install python3-aiosmtpd)";
    }

    /// Starts a server with `options`; fails the test when it does not come up.
    SmtpTestServer& server(std::vector<std::string> options = {})
    {
        m_server = std::make_unique<SmtpTestServer>(m_dir.path(), std::move(options));
        EXPECT_TRUE(m_server->start()) << m_server->error();
        return *m_server;
    }

    core::SmtpSettings settings(int port) const
    {
        core::SmtpSettings s;
        s.host = "127.0.0.1";
        s.port = port;
        s.security = core::SmtpSecurity::None;
        s.senderName = "Clínica Sol";
        s.senderAddress = "frontdesk@clinic.example";
        s.timeoutSeconds = 10;
        return s;
    }

    EmailMessage message(std::string to = "t.alvarez@example.org") const
    {
        EmailMessage m;
        m.fromName = "Clínica Sol";
        m.fromAddress = "frontdesk@clinic.example";
        m.toName = "Tomás Álvarez";
        m.toAddress = std::move(to);
        m.subject = "Tu programa de ejercicios — Clínica Sol";
        // A lone "." line would end the SMTP DATA early unless the client dot-stuffs it.
        m.body = "Hola Tomás,\n\nel programa va adjunto.\n.\n.also this\n";
        m.attachmentName = "home-program.pdf";
        m.attachment = samplePdf();
        m.messageId = newMessageId(m.fromAddress);
        return m;
    }

    json received(int n) const { return json::parse(readAll(m_dir.path() / (std::to_string(n) + ".json"))); }
    std::string receivedPdf(int n) const { return readAll(m_dir.path() / (std::to_string(n) + ".pdf")); }

    TempDir m_dir;
    std::unique_ptr<SmtpTestServer> m_server;
};

std::string asText(const std::vector<std::uint8_t>& bytes)
{
    return std::string(bytes.begin(), bytes.end());
}

} // namespace

TEST_F(SmtpDeliveryTest, MessageArrivesWithHeadersAndTheIdenticalPdf)
{
    auto& smtp = server();
    const auto m = message();
    std::uint64_t lastProgress = 0;
    const auto result = SmtpClient(settings(smtp.port())).send(m, {}, nullptr, [&](std::uint64_t sent, std::uint64_t) {
        lastProgress = sent;
    });
    ASSERT_TRUE(result.sent()) << result.message;
    ASSERT_EQ(smtp.received(), 1);
    const auto got = received(1);
    EXPECT_EQ(got["mail_from"], "frontdesk@clinic.example");
    EXPECT_EQ(got["rcpt_tos"], json::array({"t.alvarez@example.org"}));
    EXPECT_EQ(got["subject"], "Tu programa de ejercicios — Clínica Sol");
    EXPECT_EQ(got["from"], "Clínica Sol <frontdesk@clinic.example>");
    EXPECT_EQ(got["to"], "Tomás Álvarez <t.alvarez@example.org>");
    EXPECT_EQ(got["message_id"], "<" + m.messageId + ">");
    EXPECT_FALSE(got["date"].get<std::string>().empty());
    EXPECT_EQ(got["defects"], json::array());
    std::string body = got["body"];
    body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
    EXPECT_EQ(body, m.body);
    EXPECT_EQ(got["attachment_type"], "application/pdf");
    EXPECT_EQ(got["attachment_name"], "home-program.pdf");
    EXPECT_EQ(receivedPdf(1), asText(samplePdf())); // byte for byte
    EXPECT_GT(lastProgress, samplePdf().size());    // the whole message went out
}

TEST_F(SmtpDeliveryTest, LoginWithTheRightPasswordIsAccepted)
{
    auto& smtp = server({"--user", "therapist", "--password", "s3cret"});
    auto s = settings(smtp.port());
    s.user = "therapist";
    const auto result = SmtpClient(s).send(message(), "s3cret");
    ASSERT_TRUE(result.sent()) << result.message;
    EXPECT_EQ(received(1)["login"], "therapist");
}

TEST_F(SmtpDeliveryTest, RefusedLoginSaysSo)
{
    auto& smtp = server({"--user", "therapist", "--password", "s3cret"});
    auto s = settings(smtp.port());
    s.user = "therapist";
    const auto result = SmtpClient(s).send(message(), "wrong");
    EXPECT_EQ(result.failure, SendFailure::LoginDenied);
    EXPECT_THAT(result.message, HasSubstr("refused the login"));
    EXPECT_THAT(result.message, ::testing::Not(HasSubstr("wrong"))); // never echoes the password
    EXPECT_EQ(smtp.received(), 0);
}

TEST_F(SmtpDeliveryTest, StoppedServerCannotBeReached)
{
    const auto result = SmtpClient(settings(freePort())).send(message(), {});
    EXPECT_EQ(result.failure, SendFailure::CouldNotConnect);
    EXPECT_THAT(result.message, HasSubstr("Could not connect to the mail server at 127.0.0.1:"));
}

TEST_F(SmtpDeliveryTest, InvalidAddressIsCaughtBeforeTheServer)
{
    auto& smtp = server();
    const auto result = SmtpClient(settings(smtp.port())).send(message("tomas.example.org"), {});
    EXPECT_EQ(result.failure, SendFailure::BadInput);
    EXPECT_THAT(result.message, HasSubstr("not a valid email address"));
    EXPECT_THAT(result.message, ::testing::Not(HasSubstr("tomas.example.org"))); // no patient data
    EXPECT_EQ(smtp.received(), 0);
}

TEST_F(SmtpDeliveryTest, RecipientRefusedByTheServer)
{
    auto& smtp = server({"--refuse-domain", "nowhere.example"});
    const auto result = SmtpClient(settings(smtp.port())).send(message("tomas@nowhere.example"), {});
    EXPECT_EQ(result.failure, SendFailure::RecipientRefused);
    EXPECT_THAT(result.message, HasSubstr("refused the recipient address (server reply 550)"));
    EXPECT_EQ(smtp.received(), 0);
}

TEST_F(SmtpDeliveryTest, SilentServerTimesOut)
{
    auto& smtp = server({"--delay", "3"});
    auto s = settings(smtp.port());
    s.timeoutSeconds = 1;
    const auto result = SmtpClient(s).send(message(), {});
    EXPECT_EQ(result.failure, SendFailure::Timeout);
    EXPECT_THAT(result.message, HasSubstr("stopped answering"));
}

TEST_F(SmtpDeliveryTest, CancelStopsTheSend)
{
    auto& smtp = server({"--delay", "3"});
    std::atomic<bool> cancel{false};
    const auto result = SmtpClient(settings(smtp.port())).send(message(), {}, &cancel, [&](std::uint64_t, std::uint64_t) {
        cancel = true; // the user presses Cancel as soon as the upload starts
    });
    EXPECT_EQ(result.failure, SendFailure::Cancelled);
    EXPECT_THAT(result.message, HasSubstr("not sent"));
}

// The rule lives where every sender passes (app, CLI, outbox retry): without encryption only a relay
// on this computer. Before, `hiprx-cli email --smtp smtp://OTHER-HOST` sent the login and the PDF openly.
TEST_F(SmtpDeliveryTest, NoEncryptionIsRefusedForAnotherMachineBeforeConnecting)
{
    core::SmtpSettings s = settings(25);
    s.host = "mail.example.org";
    s.user = "frontdesk";
    const auto result = SmtpClient(s).send(message(), "s3cret-pw");
    EXPECT_EQ(result.failure, SendFailure::BadInput); // refused before any connection was tried
    EXPECT_THAT(result.message, HasSubstr("smtp.security"));
    EXPECT_THAT(result.message, HasSubstr("Nothing was sent"));
    EXPECT_THAT(result.message, Not(HasSubstr("s3cret-pw")));
    s.user.clear(); // no login: the patient's program would still travel openly
    EXPECT_EQ(SmtpClient(s).send(message(), {}).failure, SendFailure::BadInput);
    for (const char* local : {"localhost", "127.0.0.1", "::1"})
        EXPECT_TRUE(core::isLoopbackHost(local)) << local;
    EXPECT_FALSE(core::isLoopbackHost("128.0.0.1"));
}

TEST(SmtpUrl, OverridesHostPortAndSecurity)
{
    SmtpClient client(core::SmtpSettings{});
    ASSERT_TRUE(client.useUrl("smtps://mail.example.org"));
    EXPECT_EQ(client.settings().port, 465);
    EXPECT_EQ(client.settings().security, core::SmtpSecurity::ImplicitTls);
    ASSERT_TRUE(client.useUrl("smtp+starttls://mail.example.org:2525"));
    EXPECT_EQ(client.settings().port, 2525);
    EXPECT_EQ(client.settings().security, core::SmtpSecurity::StartTls);
    ASSERT_TRUE(client.useUrl("smtp://127.0.0.1:8025"));
    EXPECT_EQ(client.settings().host, "127.0.0.1");
    EXPECT_EQ(client.settings().security, core::SmtpSecurity::None);
    EXPECT_EQ(smtpUrl(client.settings()), "smtp://127.0.0.1:8025");
    EXPECT_FALSE(client.useUrl("http://mail.example.org"));
    EXPECT_FALSE(client.useUrl("smtp://mail.example.org:99999"));
    EXPECT_FALSE(client.useUrl("smtp://user@mail.example.org"));
}

// The whole hand-over through the store: each failure is recorded with its reason and stays in the
// outbox; a retry of the same entry delivers it, with the same Message-ID and the stored PDF.
TEST_F(SmtpDeliveryTest, FailuresStayInTheOutboxAndARetryDelivers)
{
    store::Database db = store::Database::open(m_dir.path() / "clinic.sqlite");
    const store::Actor actor{"J. Park, PT"};
    core::Patient patient;
    patient.name = "Tomás Álvarez";
    const auto patientId = store::PatientRepository(db).create(patient, actor);
    core::Assessment assessment;
    assessment.visit.clinician = "J. Park, PT";
    const auto visitId = store::VisitRepository(db).create(patientId, assessment, actor);
    const auto issued = store::VisitRepository(db).issueProgram(
        visitId, render::fixtures::program(2), actor, {}, samplePdf());
    store::OutboxRepository outbox(db);

    const auto attempt = [&](std::int64_t id, const core::SmtpSettings& s, const std::string& password) {
        const auto entry = *outbox.find(id);
        auto m = message(entry.recipient);
        m.messageId = entry.messageId;
        m.attachment = store::VisitRepository(db).latestProgram(visitId)->pdf;
        const auto result = SmtpClient(s).send(m, password);
        outbox.recordAttempt(id, result.sent(), result.message, actor);
        return result;
    };
    const auto enqueue = [&](const std::string& to) {
        return outbox.enqueue({visitId, issued.version, to, "s", "b", newMessageId("frontdesk@clinic.example")}, actor);
    };

    // 1. Server stopped.
    const int port = freePort();
    const auto down = enqueue("t.alvarez@example.org");
    EXPECT_EQ(attempt(down, settings(port), {}).failure, SendFailure::CouldNotConnect);
    // 2. Login refused.
    SmtpTestServer authServer(m_dir.path(), {"--user", "therapist", "--password", "s3cret"});
    ASSERT_TRUE(authServer.start()) << authServer.error();
    auto authSettings = settings(authServer.port());
    authSettings.user = "therapist";
    const auto refused = enqueue("t.alvarez@example.org");
    EXPECT_EQ(attempt(refused, authSettings, "wrong").failure, SendFailure::LoginDenied);
    authServer.stop();
    // 3. Invalid address.
    const auto invalid = enqueue("t.alvarez@example");
    EXPECT_EQ(attempt(invalid, settings(port), {}).failure, SendFailure::BadInput);

    const auto pending = outbox.pending();
    ASSERT_EQ(pending.size(), 3u);
    EXPECT_THAT(outbox.find(down)->error, HasSubstr("Could not connect"));
    EXPECT_THAT(outbox.find(refused)->error, HasSubstr("refused the login"));
    EXPECT_THAT(outbox.find(invalid)->error, HasSubstr("not a valid email address"));
    for (const auto& entry : pending) {
        EXPECT_EQ(entry.status, store::OutboxStatus::Failed);
        EXPECT_EQ(entry.attempts, 1);
    }

    // The server comes back on the same port: the retry goes out.
    SmtpTestServer back(m_dir.path() / "back");
    std::filesystem::create_directories(m_dir.path() / "back");
    ASSERT_TRUE(back.start()) << back.error();
    const auto retried = attempt(down, settings(back.port()), {});
    ASSERT_TRUE(retried.sent()) << retried.message;
    const auto entry = *outbox.find(down);
    EXPECT_EQ(entry.status, store::OutboxStatus::Sent);
    EXPECT_EQ(entry.attempts, 2);
    EXPECT_TRUE(entry.error.empty());
    const auto got = json::parse(readAll(m_dir.path() / "back" / "1.json"));
    EXPECT_EQ(got["message_id"], "<" + entry.messageId + ">");
    EXPECT_EQ(readAll(m_dir.path() / "back" / "1.pdf"), asText(samplePdf()));
    EXPECT_EQ(outbox.pending().size(), 2u);
    EXPECT_EQ(outbox.forPatient(patientId).size(), 3u);
}

// hiprx-cli email and retry against the server, with the password from an environment variable.
TEST_F(SmtpDeliveryTest, CliEmailsRecordsAFailureAndRetries)
{
    test::ScratchDir scratch;
    const std::string db = scratch.file("clinic.sqlite").string();
    const auto cli = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db});
        return test::runCli(scratch, args);
    };
    const auto file = scratch.write("visit.json", R"({
  "format": "hiprx-assessment/1",
  "patient": {"name": "Lena Ortiz", "birth_date": "1970-05-06", "sex": "female", "email": "lena@example.org"},
  "visit": {"date": "2026-11-20", "clinician": "J. Park, PT", "affected_side": "left"},
  "rom": {"left": {"hip_flexion": 105, "hip_extension": 0}, "right": {"hip_flexion": 120, "hip_extension": 15}},
  "tests": {"left": {"thomas_iliopsoas": "positive"}, "right": {"thomas_iliopsoas": "negative"}}
})");
    auto r = cli({"import", file.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto visit = std::to_string(json::parse(r.out).at("visit_id").get<int>());
    r = cli({"issue", visit});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"pdf", visit, "--out", scratch.file("issued.pdf").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    auto& smtp = server({"--user", "therapist", "--password", "s3cret"});
    const std::string url = "smtp://127.0.0.1:" + std::to_string(smtp.port());
    ::setenv("HIPRX_TEST_SMTP_PASSWORD", "wrong", 1);
    r = cli({"email", visit, "--to", "patient@example.org", "--smtp", url, "--user", "therapist", "--from",
             "frontdesk@clinic.example", "--password-env", "HIPRX_TEST_SMTP_PASSWORD"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("refused the login"));
    EXPECT_THAT(r.err, HasSubstr("retry with: hiprx-cli retry 1"));
    EXPECT_EQ(smtp.received(), 0);

    r = cli({"outbox", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto pending = json::parse(r.out);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0]["status"], "failed");

    ::setenv("HIPRX_TEST_SMTP_PASSWORD", "s3cret", 1);
    r = cli({"retry", "1", "--smtp", url, "--user", "therapist", "--from", "frontdesk@clinic.example",
             "--password-env", "HIPRX_TEST_SMTP_PASSWORD"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    ::unsetenv("HIPRX_TEST_SMTP_PASSWORD");
    ASSERT_EQ(smtp.received(), 1);
    EXPECT_EQ(receivedPdf(1), readAll(scratch.file("issued.pdf")));
    const auto got = received(1);
    EXPECT_EQ(got["rcpt_tos"], json::array({"patient@example.org"}));
    EXPECT_THAT(got["subject"].get<std::string>(), ::testing::Not(HasSubstr("{")));
    EXPECT_EQ(json::parse(cli({"outbox", "--json"}).out).size(), 0u);

    // A password is never accepted on the command line.
    r = cli({"email", visit, "--smtp", url, "--password", "s3cret"});
    EXPECT_EQ(r.exitCode, 2);

    // A message to a mistyped address is discarded: out of the outbox, never sent, still in the history.
    ::setenv("HIPRX_TEST_SMTP_PASSWORD", "s3cret", 1);
    smtp.stop();
    r = cli({"email", visit, "--to", "patient@exmaple.org", "--smtp", url, "--user", "therapist", "--from",
             "frontdesk@clinic.example", "--password-env", "HIPRX_TEST_SMTP_PASSWORD"});
    ::unsetenv("HIPRX_TEST_SMTP_PASSWORD");
    EXPECT_EQ(r.exitCode, 1);
    ASSERT_EQ(json::parse(cli({"outbox", "--json"}).out).size(), 1u);
    r = cli({"discard", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(cli({"outbox", "--json"}).out).size(), 0u);
    const auto history = json::parse(cli({"outbox", "--json", "--patient", "1"}).out);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0]["status"], "discarded");
    EXPECT_EQ(history[1]["status"], "sent");
    EXPECT_NE(cli({"retry", "2", "--smtp", url}).exitCode, 0) << "a discarded message is never sent";
}
