// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Email settings page (checked field by field, saved whole or not at all, the password only in
// the password store) and the outbox window (a failed send is listed with its reason, and Retry
// delivers it to a real aiosmtpd server). With HIPRX_SCREENSHOT_DIR set, both windows are also
// photographed as delivery-*.png.
#include "app/email_job.h"
#include "app/main_frame.h"
#include "app/outbox_dialog.h"
#include "app/settings_dialog.h"

#include "../delivery/smtp_test_server.h"
#include "../render/render_fixtures.h"
#include "gui_test_support.h"

#include "exchange/smtp_json.h"
#include "render/home_program.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"

#include "silent_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <wx/fileconf.h>
#include <wx/frame.h>
#include <wx/menu.h>

#include <wx/button.h>
#include <wx/stattext.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hiprx::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using test_support::pump;
using test_support::TempFolder;
namespace smtp_test = delivery::test_support;

std::string readAll(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// With HIPRX_SCREENSHOT_DIR set, saves the screen as delivery-<name>.png there.
void shoot(const std::string& name)
{
    const char* dir = std::getenv("HIPRX_SCREENSHOT_DIR");
    if (!dir)
        return;
    pump(400);
    const std::string command = "import -window root '" + std::string(dir) + "/delivery-" + name + ".png'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

/// wxConfig goes to a file of the test's own for one test, so it can be searched afterwards.
class ScopedConfigFile {
public:
    explicit ScopedConfigFile(std::filesystem::path path) : m_path(std::move(path))
    {
        m_config = new wxFileConfig("hiprx-test", "", m_path.string(), "", wxCONFIG_USE_LOCAL_FILE);
        m_previous = wxConfigBase::Set(m_config);
    }
    ~ScopedConfigFile()
    {
        wxConfigBase::Set(m_previous);
        delete m_config;
    }
    ScopedConfigFile(const ScopedConfigFile&) = delete;
    ScopedConfigFile& operator=(const ScopedConfigFile&) = delete;
    std::string text()
    {
        m_config->Flush();
        return readAll(m_path);
    }

private:
    std::filesystem::path m_path;
    wxFileConfig* m_config = nullptr;
    wxConfigBase* m_previous = nullptr;
};

class EmailSettingsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = std::make_unique<store::Database>(store::Database::open(m_folder.path() / "clinic.sqlite"));
        m_frame = new wxFrame(nullptr, wxID_ANY, "Email settings test", wxPoint(0, 0), wxSize(1000, 700));
        m_frame->Show();
        pump();
    }
    void TearDown() override
    {
        m_frame->Destroy();
        pump();
    }

    std::optional<std::string> storedSmtp() { return store::SettingsRepository(*m_db).get("smtp"); }

    /// Fills the Email page with a valid setup for `host`.
    static void fillValid(SettingsDialog& d, const std::string& host)
    {
        d.setSmtpField("host", host);
        d.setSmtpField("port", "587");
        d.setSmtpSecurity(core::SmtpSecurity::StartTls);
        d.setSmtpField("user", "frontdesk");
        d.setSmtpField("sender_name", "Clínica Sol");
        d.setSmtpField("sender_address", "frontdesk@clinic.example");
    }

    TempFolder m_folder;
    std::unique_ptr<store::Database> m_db;
    wxFrame* m_frame = nullptr;
};

TEST_F(EmailSettingsTest, EachWrongFieldIsNamedWithItsAllowedRangeAndNothingIsSaved)
{
    SettingsDialog dialog(m_frame, *m_db);
    dialog.setField("clinic_name", "Clínica Sol"); // valid branding, which must not be saved either
    fillValid(dialog, "mail.clinic.example");
    dialog.setSmtpField("port", "70000");
    dialog.setSmtpField("sender_address", "frontdesk.clinic.example");
    dialog.Show();
    dialog.showPage(1);
    EXPECT_FALSE(dialog.save());
    shoot("email-settings-problems");
    EXPECT_THAT(dialog.problems(), HasSubstr("smtp.port: 70000 is outside 1\xE2\x80\x93" "65535"));
    EXPECT_THAT(dialog.problems(), HasSubstr("smtp.sender_address: \"frontdesk.clinic.example\" is not an email"));
    EXPECT_EQ(storedSmtp(), std::nullopt);
    EXPECT_EQ(store::SettingsRepository(*m_db).get("branding"), std::nullopt);

    dialog.setSmtpField("sender_address", "frontdesk@clinic.example");
    dialog.setSmtpField("port", "5x7");
    EXPECT_FALSE(dialog.save());
    EXPECT_THAT(dialog.problems(), HasSubstr("smtp.port: \"5x7\" is not a port number; allowed 1\xE2\x80\x93" "65535"));
    dialog.setSmtpField("port", "0");
    EXPECT_FALSE(dialog.save());
    EXPECT_THAT(dialog.problems(), HasSubstr("smtp.port: 0 is outside 1\xE2\x80\x93" "65535"));
    dialog.setSmtpField("port", "587");
    dialog.setSmtpField("host", "smtp://mail.clinic.example");
    EXPECT_FALSE(dialog.save());
    EXPECT_THAT(dialog.problems(), HasSubstr("smtp.host:"));
    EXPECT_EQ(storedSmtp(), std::nullopt);
}

TEST_F(EmailSettingsTest, ALoginIsNeverSentUnencryptedToAnotherComputer)
{
    SettingsDialog dialog(m_frame, *m_db);
    fillValid(dialog, "mail.clinic.example");
    dialog.setSmtpSecurity(core::SmtpSecurity::None);
    EXPECT_FALSE(dialog.save());
    EXPECT_THAT(dialog.problems(), HasSubstr("smtp.security:"));
    EXPECT_EQ(storedSmtp(), std::nullopt);
    // A relay on this computer may go without encryption.
    fillValid(dialog, "127.0.0.1");
    dialog.setSmtpSecurity(core::SmtpSecurity::None);
    EXPECT_TRUE(dialog.save()) << dialog.problems();
}

TEST_F(EmailSettingsTest, AnEmptyPageMeansEmailIsNotSetUp)
{
    SettingsDialog dialog(m_frame, *m_db);
    EXPECT_EQ(dialog.smtpSettings(), std::nullopt);
    EXPECT_TRUE(dialog.save()) << dialog.problems();
    EXPECT_EQ(storedSmtp(), std::nullopt);
}

TEST_F(EmailSettingsTest, SettingsRoundTripAndThePasswordStaysOutOfTheDatabaseAndConfig)
{
    ScopedConfigFile config(m_folder.path() / "hiprx.conf");
    const std::string password = "Pw-7c1b-not-on-disk";
    const std::string host = "mail-" + std::to_string(std::rand()) + ".clinic.example";
    {
        SettingsDialog dialog(m_frame, *m_db);
        fillValid(dialog, host);
        dialog.setSmtpField("port", "465");
        dialog.setSmtpSecurity(core::SmtpSecurity::ImplicitTls);
        dialog.setSmtpField("password", password);
        dialog.Show();
        dialog.showPage(1);
        shoot("email-settings");
        ASSERT_TRUE(dialog.save()) << dialog.problems();
    }
    const auto json = storedSmtp();
    ASSERT_TRUE(json);
    const auto stored = exchange::readSmtpSettings(*json);
    EXPECT_EQ(stored.host, host);
    EXPECT_EQ(stored.port, 465);
    EXPECT_EQ(stored.security, core::SmtpSecurity::ImplicitTls);
    EXPECT_EQ(stored.user, "frontdesk");
    EXPECT_EQ(stored.senderName, "Clínica Sol");
    EXPECT_EQ(stored.senderAddress, "frontdesk@clinic.example");
    EXPECT_EQ(SmtpPasswordStore::load(stored), password);

    // Opened again, the page shows what was saved, and an empty password field keeps the password.
    {
        SettingsDialog again(m_frame, *m_db);
        EXPECT_EQ(again.smtpSettings(), stored);
        ASSERT_TRUE(again.save()) << again.problems();
    }
    EXPECT_EQ(SmtpPasswordStore::load(stored), password);

    // The password is nowhere on disk that HipRx writes: not the database (nor its WAL), not wxConfig.
    const std::filesystem::path dbFile = m_db->path();
    m_db.reset(); // checkpoints and closes
    std::string onDisk = readAll(dbFile);
    if (std::filesystem::exists(dbFile.string() + "-wal"))
        onDisk += readAll(dbFile.string() + "-wal");
    EXPECT_THAT(onDisk, HasSubstr(host)); // the search itself works: the host is there
    EXPECT_THAT(onDisk, Not(HasSubstr(password)));
    EXPECT_THAT(config.text(), Not(HasSubstr(password)));
    SmtpPasswordStore::forget(stored);
    EXPECT_EQ(SmtpPasswordStore::load(stored), std::nullopt);
}

/// A database with one patient, one visit and its issued program (with the real PDF).
struct IssuedVisit {
    std::int64_t visitId = 0;
    int version = 0;
};

IssuedVisit issueVisit(store::Database& db)
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
    return {visitId, issued.version};
}

/// Pumps events until `done()` or about 30 s.
template <typename Done>
bool waitFor(Done done)
{
    for (int i = 0; i < 600 && !done(); ++i)
        pump(50);
    return done();
}

TEST_F(EmailSettingsTest, OutboxListsAFailedSendAndRetryDeliversIt)
{
    if (!smtp_test::aiosmtpdAvailable())
        GTEST_SKIP() << "/usr/bin/python3 cannot import aiosmtpd (install python3-aiosmtpd)";
    smtp_test::TempDir mail;
    smtp_test::SmtpTestServer server(mail.path(), {"--user", "therapist", "--password", "s3cret"});
    ASSERT_TRUE(server.start()) << server.error();
    server.stop(); // the first attempt finds no server

    core::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = server.port();
    smtp.security = core::SmtpSecurity::None;
    smtp.user = "therapist";
    smtp.senderName = "Clínica Sol";
    smtp.senderAddress = "frontdesk@clinic.example";
    smtp.timeoutSeconds = 10;
    store::SettingsRepository(*m_db).set("smtp", exchange::writeSmtpSettings(smtp), {"test"});
    std::string error;
    ASSERT_TRUE(SmtpPasswordStore::save(smtp, "s3cret", error)) << error;

    const auto visit = issueVisit(*m_db);
    store::OutboxRepository outbox(*m_db);
    const auto id = outbox.enqueue({visit.visitId, visit.version, "rosa@example.org", "Your home exercises",
                                    "Hello Rosa,\n\nyour program is attached.\n", "retry-test@clinic.example"},
                                   {"J. Park, PT"});

    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    dialog.Show();
    pump();
    ASSERT_EQ(dialog.rows(), 1);
    EXPECT_EQ(dialog.entryAt(0), id);
    EXPECT_EQ(dialog.cell(0, 0), "Rosa Imbert");
    EXPECT_EQ(dialog.cell(0, 1), "rosa@example.org");
    EXPECT_EQ(dialog.cell(0, 3), "version " + std::to_string(visit.version));
    EXPECT_EQ(dialog.cell(0, 4), "not tried yet");

    // First try: no server. The row stays, with the reason in plain words; nothing claims "sent".
    dialog.select(0);
    ASSERT_TRUE(dialog.retrySelected()) << dialog.statusText();
    EXPECT_NE(wxWindow::FindWindowByName("hiprx-send-progress"), nullptr); // progress with Cancel
    EXPECT_FALSE(dialog.retrySelected()); // no second send of the same message meanwhile
    ASSERT_TRUE(waitFor([&] { return !dialog.sending(); }));
    EXPECT_THAT(dialog.statusText(), HasSubstr("Not sent"));
    EXPECT_THAT(dialog.statusText(), Not(HasSubstr("Sent to")));
    ASSERT_EQ(dialog.rows(), 1);
    EXPECT_EQ(dialog.cell(0, 4), "not sent (1 try)");
    EXPECT_THAT(dialog.cell(0, 5), HasSubstr("Could not connect"));
    EXPECT_EQ(outbox.find(id)->status, store::OutboxStatus::Failed);
    EXPECT_EQ(server.received(), 0);
    shoot("outbox");

    // The server is back: Retry delivers it, and only then does the list say so.
    ASSERT_TRUE(server.restart()) << server.error();
    dialog.select(0);
    ASSERT_TRUE(dialog.retrySelected()) << dialog.statusText();
    ASSERT_TRUE(waitFor([&] { return !dialog.sending(); }));
    EXPECT_THAT(dialog.statusText(), HasSubstr("Sent to rosa@example.org"));
    EXPECT_EQ(dialog.rows(), 0);
    EXPECT_EQ(server.received(), 1);
    const auto entry = outbox.find(id);
    EXPECT_EQ(entry->status, store::OutboxStatus::Sent);
    EXPECT_EQ(entry->attempts, 2);
    const auto pdf = store::VisitRepository(*m_db).latestProgram(visit.visitId)->pdf;
    EXPECT_EQ(readAll(mail.path() / "1.pdf"), std::string(pdf.begin(), pdf.end())); // byte for byte
    SmtpPasswordStore::forget(smtp);
}

using test_support::SilentServer;

TEST_F(EmailSettingsTest, CancelInTheProgressWindowStopsTheSendAndKeepsTheMessage)
{
    SilentServer silent;
    core::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = silent.port();
    smtp.security = core::SmtpSecurity::None;
    smtp.senderAddress = "frontdesk@clinic.example";
    smtp.timeoutSeconds = 60;
    store::SettingsRepository(*m_db).set("smtp", exchange::writeSmtpSettings(smtp), {"test"});
    const auto visit = issueVisit(*m_db);
    store::OutboxRepository outbox(*m_db);
    const auto id = outbox.enqueue({visit.visitId, visit.version, "rosa@example.org", "Your home exercises",
                                    "Hello Rosa,\n", "cancel-test@clinic.example"},
                                   {"J. Park, PT"});

    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    dialog.Show();
    dialog.select(0);
    ASSERT_TRUE(dialog.retrySelected()) << dialog.statusText();
    pump(300);
    auto* progress = wxWindow::FindWindowByName("hiprx-send-progress");
    ASSERT_NE(progress, nullptr);
    EXPECT_TRUE(dialog.sending());
    EXPECT_EQ(dialog.cell(0, 4), "sending now");
    shoot("sending");
    auto* cancel = dynamic_cast<wxButton*>(progress->FindWindow(wxID_CANCEL));
    ASSERT_NE(cancel, nullptr);
    wxCommandEvent click(wxEVT_BUTTON, wxID_CANCEL);
    click.SetEventObject(cancel);
    cancel->ProcessWindowEvent(click);
    ASSERT_TRUE(waitFor([&] { return !dialog.sending(); }));
    EXPECT_THAT(dialog.statusText(), HasSubstr("Not sent"));
    EXPECT_THAT(dialog.cell(0, 5), HasSubstr("cancelled"));
    EXPECT_EQ(outbox.find(id)->status, store::OutboxStatus::Failed);
    EXPECT_EQ(dialog.rows(), 1);
    pump(100);
    EXPECT_EQ(wxWindow::FindWindowByName("hiprx-send-progress"), nullptr); // the window went away
}

// File → Email in the main window, end to end: the address asked, the issued PDF sent with the
// clinic as sender, the outbox entry marked sent only after the server took it.
TEST_F(EmailSettingsTest, FileEmailSendsTheIssuedProgramAndRecordsItSent)
{
    if (!smtp_test::aiosmtpdAvailable())
        GTEST_SKIP() << "/usr/bin/python3 cannot import aiosmtpd (install python3-aiosmtpd)";
    smtp_test::TempDir mail;
    smtp_test::SmtpTestServer server(mail.path(), {});
    ASSERT_TRUE(server.start()) << server.error();
    core::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = server.port();
    smtp.security = core::SmtpSecurity::None; // a relay on this computer, no login
    smtp.senderAddress = "frontdesk@clinic.example";
    smtp.timeoutSeconds = 10;
    store::SettingsRepository(*m_db).set("smtp", exchange::writeSmtpSettings(smtp), {"test"});
    const auto visit = issueVisit(*m_db);

    auto* frame = new MainFrame(store::Database::open(m_folder.path() / "clinic.sqlite"));
    test_support::ScriptedPrompts prompts;
    prompts.texts = {"rosa.imbert@example.org"};
    frame->setPrompts(prompts.prompts());
    frame->Show();
    frame->openPatient(1);
    ASSERT_NE(frame->openVisit(visit.visitId), nullptr);
    pump();

    frame->onEmail();

    store::OutboxRepository outbox(*m_db);
    ASSERT_TRUE(waitFor([&] {
        const auto entries = outbox.forVisit(visit.visitId);
        return entries.size() == 1 && entries[0].status != store::OutboxStatus::Queued;
    }));
    const auto entry = outbox.forVisit(visit.visitId).at(0);
    EXPECT_EQ(entry.status, store::OutboxStatus::Sent) << entry.error;
    EXPECT_EQ(entry.recipient, "rosa.imbert@example.org");
    ASSERT_FALSE(prompts.questions.empty());
    EXPECT_THAT(prompts.questions.back(), HasSubstr("address"));
    EXPECT_TRUE(prompts.errors.empty()) << prompts.errors.front();
    EXPECT_EQ(server.received(), 1);
    const auto pdf = store::VisitRepository(*m_db).latestProgram(visit.visitId)->pdf;
    EXPECT_EQ(readAll(mail.path() / "1.pdf"), std::string(pdf.begin(), pdf.end()));
    frame->Destroy();
    pump();
}

TEST_F(EmailSettingsTest, FileEmailCancelledAtTheAddressSendsNothing)
{
    core::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = 2525;
    smtp.security = core::SmtpSecurity::None;
    smtp.senderAddress = "frontdesk@clinic.example";
    store::SettingsRepository(*m_db).set("smtp", exchange::writeSmtpSettings(smtp), {"test"});
    const auto visit = issueVisit(*m_db);
    auto* frame = new MainFrame(store::Database::open(m_folder.path() / "clinic.sqlite"));
    test_support::ScriptedPrompts prompts; // no text: the address question is cancelled
    frame->setPrompts(prompts.prompts());
    frame->openPatient(1);
    ASSERT_NE(frame->openVisit(visit.visitId), nullptr);

    frame->onEmail();

    EXPECT_TRUE(store::OutboxRepository(*m_db).forVisit(visit.visitId).empty());
    EXPECT_TRUE(prompts.errors.empty());
    frame->Destroy();
    pump();
}

TEST_F(EmailSettingsTest, DiscardTakesAMessageOutOfTheOutboxOnlyAfterConfirmation)
{
    const auto visit = issueVisit(*m_db);
    store::OutboxRepository outbox(*m_db);
    const auto id = outbox.enqueue({visit.visitId, visit.version, "rosa@exmaple.org", "Your home exercises",
                                    "Hello Rosa,\n", "discard-test@clinic.example"},
                                   {"J. Park, PT"});
    outbox.recordAttempt(id, false, "The mail server refused the address rosa@exmaple.org.", {"J. Park, PT"});

    OutboxDialog dialog(m_frame, *m_db, "J. Park, PT");
    std::vector<std::string> questions;
    bool answer = false;
    dialog.setConfirm([&](const wxString& q) {
        questions.push_back(fromWx(q));
        return answer;
    });
    dialog.Show();
    dialog.select(0);

    EXPECT_FALSE(dialog.discardSelected()) << "No keeps it";
    EXPECT_EQ(dialog.rows(), 1);
    ASSERT_EQ(questions.size(), 1u);
    EXPECT_THAT(questions[0], HasSubstr("rosa@exmaple.org"));

    answer = true;
    EXPECT_TRUE(dialog.discardSelected());
    EXPECT_EQ(dialog.rows(), 0);
    EXPECT_EQ(outbox.find(id)->status, store::OutboxStatus::Discarded);
    EXPECT_THAT(dialog.statusText(), HasSubstr("email history"));
}

// "Send test message" logs in with the typed password and sends a plain message to the sender,
// saving nothing; a wrong password says so.
TEST_F(EmailSettingsTest, TestMessageUsesTheTypedSettingsAndSavesNothing)
{
    if (!smtp_test::aiosmtpdAvailable())
        GTEST_SKIP() << "/usr/bin/python3 cannot import aiosmtpd (install python3-aiosmtpd)";
    smtp_test::TempDir mail;
    smtp_test::SmtpTestServer server(mail.path(), {"--user", "therapist", "--password", "s3cret"});
    ASSERT_TRUE(server.start()) << server.error();
    SettingsDialog dialog(m_frame, *m_db);
    dialog.Show();
    dialog.showPage(1);
    fillValid(dialog, "127.0.0.1");
    dialog.setSmtpSecurity(core::SmtpSecurity::None);
    dialog.setSmtpField("port", std::to_string(server.port()));
    dialog.setSmtpField("user", "therapist");
    dialog.setSmtpField("password", "wrong");
    ASSERT_TRUE(dialog.sendTestMessage()) << dialog.testResult();
    ASSERT_TRUE(waitFor([&] { return !dialog.testSending(); }));
    EXPECT_THAT(dialog.testResult(), HasSubstr("Not sent"));
    EXPECT_THAT(dialog.testResult(), HasSubstr("refused the login"));
    EXPECT_EQ(server.received(), 0);

    dialog.setSmtpField("password", "s3cret");
    ASSERT_TRUE(dialog.sendTestMessage()) << dialog.testResult();
    ASSERT_TRUE(waitFor([&] { return !dialog.testSending(); }));
    EXPECT_THAT(dialog.testResult(), HasSubstr("accepted the test message for frontdesk@clinic.example"));
    ASSERT_EQ(server.received(), 1);
    const auto got = readAll(mail.path() / "1.json");
    EXPECT_THAT(got, HasSubstr("\"subject\": \"HipRx test message\""));
    EXPECT_THAT(got, HasSubstr("\"rcpt_tos\": [\"frontdesk@clinic.example\"]"));
    EXPECT_THAT(got, HasSubstr("\"login\": \"therapist\""));
    EXPECT_THAT(got, HasSubstr("\"defects\": []"));
    shoot("email-test-message");
    EXPECT_EQ(storedSmtp(), std::nullopt); // testing saves nothing

    dialog.setSmtpField("port", "99999");
    EXPECT_FALSE(dialog.sendTestMessage());
    EXPECT_THAT(dialog.testResult(), HasSubstr("smtp.port: 99999 is outside 1\xE2\x80\x93" "65535"));
}

TEST(OutboxMenu, FileMenuOffersTheOutbox)
{
    TempFolder folder;
    auto* frame = new MainFrame(store::Database::open(folder.path() / "menu.sqlite"));
    const int id = frame->GetMenuBar()->FindMenuItem("File", toWx("Outbox…"));
    EXPECT_NE(id, wxNOT_FOUND);
    frame->Destroy();
    pump();
}

// Where the password goes is said on the page itself. Under with_keyring.sh (CTest's
// app.email_keyring) that is the system keyring; elsewhere the page says it is kept for this run.
TEST_F(EmailSettingsTest, ThePageSaysWhereThePasswordIsKept)
{
    SettingsDialog dialog(m_frame, *m_db);
    auto* note = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("smtp.password_note", &dialog));
    ASSERT_NE(note, nullptr);
    const std::string text = fromWx(note->GetLabel());
    if (std::getenv("HIPRX_EXPECT_SECRET_SERVICE")) {
        EXPECT_TRUE(SmtpPasswordStore::persistent());
        EXPECT_THAT(text, HasSubstr("system keyring"));
        EXPECT_THAT(SmtpPasswordStore::where(), HasSubstr("keyring"));
    } else if (!SmtpPasswordStore::persistent()) {
        EXPECT_THAT(text, HasSubstr("only until it closes"));
        EXPECT_THAT(SmtpPasswordStore::where(), HasSubstr("memory"));
    }
    EXPECT_THAT(text, HasSubstr("never"));
}

} // namespace
} // namespace hiprx::app
