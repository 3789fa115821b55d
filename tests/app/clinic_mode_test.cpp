// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode in the app (issue 20), on a real PostgreSQL server: ctest label "pg" runs these under
// a throw-away server (installer/with-test-server.sh); without one (PGHOST unset) they are skipped.
// The login dialog, two desks on one visit (the second save refused, its typing kept), a desk
// hearing another desk's new patient and outbox message, the front desk reprinting and emailing an
// issued program without the findings, the clinic's settings kept by the administrator, the lock.
#include "app/assessment_form.h"
#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "app/outbox_dialog.h"
#include "app/settings_dialog.h"
#include "app/visit_page.h"

#include "../delivery/smtp_test_server.h"
#include "../store/server_test_setup.h"
#include "gui_test_support.h"

#include "delivery/password_store.h"

#include "exchange/smtp_json.h"

#include "store/draft_repository.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"
#include "store/server_logins.h"
#include "store/sql_postgres.h"
#include "workflow/clinic.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <wx/button.h>

#include <unistd.h>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The button labelled `label` (mnemonic included) in `window` and its children.
wxButton* findButton(wxWindow* window, const wxString& label)
{
    if (auto* button = dynamic_cast<wxButton*>(window); button != nullptr && button->GetLabel() == label)
        return button;
    for (auto* child : window->GetChildren())
        if (auto* found = findButton(child, label))
            return found;
    return nullptr;
}

std::string readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr const char* kPassword = "desk password 1";

/// A database of its own on the test server, set up as `clinic init` does, with a therapist login.
class ClinicModeGui : public testing::Test {
protected:
    void SetUp() override
    {
        if (std::getenv("PGHOST") == nullptr)
            GTEST_SKIP() << "needs a PostgreSQL server: ctest -L pg under installer/with-test-server.sh";
        const std::string suffix = std::to_string(::getpid()) + "_" + std::to_string(++s_counter);
        m_name = "hiprx_gui_" + suffix;
        admin().execute("CREATE DATABASE " + m_name);
        m_url = "postgresql:///" + m_name;
        store::test_support::initServerOneAtATime(m_url);
        m_login = "alice_" + suffix;
        store::Database super = store::Database::openLocation(m_url);
        store::ServerLogins(super).create(m_login, kPassword, store::StaffRole::Therapist);
        // As clinic init does: the built-in exercises, which only an administrator may write.
        store::ExerciseRepository(super).syncBuiltins(workflow::loadBuiltinLibrary().all());
        m_desk = "postgresql://" + m_login + "@localhost/" + m_name;
    }
    void TearDown() override
    {
        if (m_frame != nullptr) {
            m_frame->Destroy();
            pump();
        }
        if (m_name.empty())
            return;
        try {
            admin().execute("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
            admin().execute("DROP ROLE IF EXISTS " + m_login);
            for (const std::string& other : m_otherLogins)
                admin().execute("DROP ROLE IF EXISTS " + other);
        } catch (const std::exception&) {
        }
    }
    static store::sql::Connection& admin()
    {
        static store::sql::PostgresConnection connection(store::sql::parseServerLocation("postgresql://"));
        return connection;
    }
    /// Logs in as the therapist through the dialog, as a person would type it.
    store::Database logIn()
    {
        // A keyring that keeps nothing: the desk's real keyring is never read or written by the tests.
        delivery::MemoryPasswordStore noKeyring;
        auto db = openWithLogin(
            nullptr, m_desk,
            [](LoginDialog& dialog) {
                dialog.setTyped(dialog.login(), kPassword);
                return true;
            },
            &noKeyring);
        EXPECT_TRUE(db.has_value());
        return std::move(*db);
    }
    /// A front-desk login on this database; the window opened next logs in with it (dropped in
    /// TearDown).
    std::string useFrontDeskLogin(const std::string& who = "desk")
    {
        const std::string desk = who + "_" + std::to_string(::getpid()) + "_" + std::to_string(++s_counter);
        store::Database super = store::Database::openLocation(m_url);
        store::ServerLogins(super).create(desk, kPassword, store::StaffRole::FrontDesk);
        m_otherLogins.push_back(desk);
        m_desk = "postgresql://" + desk + "@localhost/" + m_name;
        return desk;
    }
    void openWindow()
    {
        m_frame = new MainFrame(logIn());
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
    }

    static inline int s_counter = 0;
    std::string m_name;
    std::string m_url;
    std::string m_login;
    std::string m_desk;
    std::vector<std::string> m_otherLogins;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
};

TEST_F(ClinicModeGui, TheLoginDialogSaysWhyALoginFailedAndLetsThePersonTryAgain)
{
    int attempts = 0;
    std::vector<std::string> problems;
    delivery::MemoryPasswordStore noKeyring;
    auto db = openWithLogin(nullptr, m_desk, [&](LoginDialog& dialog) {
        problems.push_back(dialog.problem());
        if (++attempts == 1) {
            EXPECT_EQ(dialog.login(), m_login) << "the login named in the address is offered";
            dialog.setTyped(m_login, "wrong password");
        } else {
            EXPECT_TRUE(dialog.password().empty()) << "a failed password is not kept in the box";
            dialog.setTyped(m_login, kPassword);
        }
        return true;
    }, &noKeyring);
    ASSERT_TRUE(db.has_value());
    EXPECT_EQ(attempts, 2);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_TRUE(has(problems[1], "password authentication failed")) << problems[1];
    EXPECT_FALSE(has(problems[1], "wrong password"));
    EXPECT_EQ(db->login(), m_login);

    // Cancel: nothing is opened.
    EXPECT_FALSE(openWithLogin(nullptr, m_desk, [](LoginDialog&) { return false; }, &noKeyring).has_value());
}

/// A keyring that keeps passwords across restarts, in memory, for the test.
class TestKeyring final : public delivery::PasswordStore {
public:
    bool persistent() const override { return true; }
    std::string where() const override { return "the test keyring"; }
    std::optional<std::string> load(const std::string& host, const std::string& user) override
    {
        return m_memory.load(host, user);
    }
    bool save(const std::string& host, const std::string& user, const std::string& password,
              std::string& error) override
    {
        return m_memory.save(host, user, password, error);
    }
    void erase(const std::string& host, const std::string& user) override { m_memory.erase(host, user); }

private:
    delivery::MemoryPasswordStore m_memory;
};

TEST_F(ClinicModeGui, TheKeyringRemembersThePasswordOnlyWhenAskedAndForgetsOneThatNoLongerWorks)
{
    TestKeyring keyring;
    // Not ticked: logged in, nothing remembered.
    bool offered = false;
    auto first = openWithLogin(
        nullptr, m_desk,
        [&](LoginDialog& dialog) {
            offered = dialog.FindWindowByName("remember")->IsShown();
            EXPECT_FALSE(dialog.remember());
            dialog.setTyped(m_login, kPassword);
            return true;
        },
        &keyring);
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(offered) << "a keyring that keeps passwords is offered";
    EXPECT_FALSE(keyring.load(m_desk, m_login).has_value());

    // Ticked: remembered under the server's address and the login, and the next start needs no dialog.
    auto second = openWithLogin(
        nullptr, m_desk,
        [&](LoginDialog& dialog) {
            dialog.setTyped(m_login, kPassword);
            dialog.setRemember(true);
            return true;
        },
        &keyring);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(keyring.load(m_desk, m_login), std::optional<std::string>(kPassword));
    int asked = 0;
    auto third = openWithLogin(nullptr, m_desk, [&](LoginDialog&) { return ++asked, false; }, &keyring);
    ASSERT_TRUE(third.has_value());
    EXPECT_EQ(asked, 0);
    EXPECT_EQ(third->login(), m_login);

    // The password was changed elsewhere: the remembered one is forgotten and the dialog says why.
    std::string error;
    ASSERT_TRUE(keyring.save(m_desk, m_login, "an old password", error));
    std::string problem;
    EXPECT_FALSE(openWithLogin(nullptr, m_desk,
                               [&](LoginDialog& dialog) {
                                   problem = dialog.problem();
                                   return false;
                               },
                               &keyring)
                     .has_value());
    EXPECT_TRUE(has(problem, "no longer works")) << problem;
    EXPECT_FALSE(keyring.load(m_desk, m_login).has_value());

    // A server that cannot be reached says nothing about the password: it is kept.
    ASSERT_TRUE(keyring.save(m_desk, m_login, kPassword, error));
    const std::string unreachable = "postgresql://" + m_login + "@localhost:1/" + m_name;
    ASSERT_TRUE(keyring.save(unreachable, m_login, kPassword, error));
    EXPECT_FALSE(openWithLogin(nullptr, unreachable, [](LoginDialog&) { return false; }, &keyring).has_value());
    EXPECT_TRUE(keyring.load(unreachable, m_login).has_value());

    // A login that differs from the desktop account (the address names none) is found again.
    const std::string noUser = "postgresql://localhost/" + m_name;
    auto typed = openWithLogin(
        nullptr, noUser,
        [&](LoginDialog& dialog) {
            dialog.setTyped(m_login, kPassword);
            dialog.setRemember(true);
            return true;
        },
        &keyring);
    ASSERT_TRUE(typed.has_value());
    int askedAgain = 0;
    auto again = openWithLogin(nullptr, noUser, [&](LoginDialog&) { return ++askedAgain, false; }, &keyring);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(askedAgain, 0);
    EXPECT_EQ(again->login(), m_login);

    // A keyring that forgets at exit (no secret service) is not offered.
    delivery::MemoryPasswordStore memoryOnly;
    bool shown = true;
    openWithLogin(
        nullptr, m_desk,
        [&](LoginDialog& dialog) {
            shown = dialog.FindWindowByName("remember")->IsShown();
            return false;
        },
        &memoryOnly);
    EXPECT_FALSE(shown);
}

TEST_F(ClinicModeGui, TwoDesksOnOneVisitTheSecondSaveIsRefusedAndItsTypingKept)
{
    openWindow();
    EXPECT_TRUE(has(fromWx(m_frame->GetStatusBar()->GetStatusText()), "logged in as " + m_login));
    core::Patient p;
    p.name = "Kai Invented";
    ASSERT_TRUE(m_frame->createPatient(p));
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("visit.complaint", "Stiff hip");
    ASSERT_TRUE(visit->saveVisit());
    const std::int64_t visitId = visit->visitId();

    // Another desk opens the same visit and saves a change.
    store::Database otherDesk = logIn();
    store::VisitRepository there(otherDesk);
    store::VisitRecord record = *there.find(visitId);
    record.assessment.visit.complaint = "Stiff hip, worse on stairs";
    there.update(visitId, record.assessment, {"Other desk"}, record.rowVersion);

    // This desk heard of it, and its own save is refused with who and when; its typing stays.
    for (int i = 0; i < 40 && !visit->changedElsewhere(); ++i)
        pump(25);
    pump(200);
    EXPECT_TRUE(has(fromWx(m_frame->GetStatusBar()->GetStatusText()), "saved at another desk"));
    visit->form()->setValue("visit.complaint", "Stiff hip after sitting");
    EXPECT_FALSE(visit->saveVisit());
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_TRUE(has(m_prompts.errors.back(), "changed at another desk by Other desk")) << m_prompts.errors.back();
    EXPECT_EQ(there.find(visitId)->assessment.visit.complaint, "Stiff hip, worse on stairs");
    const auto draft = store::DraftRepository(otherDesk).find(m_frame->openPatientId(), visitId);
    ASSERT_TRUE(draft.has_value());
    EXPECT_TRUE(has(draft->formText, "Stiff hip after sitting"));
}

TEST_F(ClinicModeGui, ThePatientListShowsAnotherDesksNewPatientWithoutSearchingAgain)
{
    openWindow();
    EXPECT_EQ(m_frame->patientRows(), 0);
    store::Database otherDesk = logIn();
    core::Patient p;
    p.name = "Noor Invented";
    store::PatientRepository(otherDesk).create(p, {"Front desk"});
    for (int i = 0; i < 80 && m_frame->patientRows() == 0; ++i)
        pump(25);
    EXPECT_EQ(m_frame->patientRows(), 1);
}

TEST_F(ClinicModeGui, AnOpenOutboxShowsAMessageAnotherDeskCouldNotSend)
{
    openWindow();
    store::Database otherDesk = logIn();
    core::Patient p;
    p.name = "Noor Invented";
    const std::int64_t patient = store::PatientRepository(otherDesk).create(p, {"Front desk"});
    core::Assessment assessment;
    assessment.visit.date = core::Date{2026, 11, 20};
    const std::int64_t visit = store::VisitRepository(otherDesk).create(patient, assessment, {"Front desk"});
    core::Program program;
    store::VisitRepository(otherDesk).issueProgram(visit, program, {"Front desk"});

    OutboxDialog outbox(m_frame, m_frame->database(), "Alice");
    m_frame->setOpenOutbox(&outbox);
    outbox.Show();
    pump();
    const int before = outbox.rows();
    store::OutboxRepository messages(otherDesk);
    const std::int64_t id = messages.enqueue({visit, 1, "noor@example.org", "Your program", "Hello", "<m1@test>"},
                                             {"Front desk"});
    messages.recordAttempt(id, false, "the server refused the address", {"Front desk"});
    for (int i = 0; i < 80 && outbox.rows() == before; ++i)
        pump(25);
    EXPECT_EQ(outbox.rows(), before + 1);
    m_frame->setOpenOutbox(nullptr);
}

TEST_F(ClinicModeGui, TheFrontDeskReprintsTheIssuedProgramWithoutOpeningTheFindings)
{
    // A therapist's visit with a program issued as a PDF.
    std::int64_t patient = 0;
    std::int64_t visit = 0;
    const std::vector<std::uint8_t> pdf{'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 'x'};
    {
        store::Database therapist = logIn();
        core::Patient p;
        p.name = "Noor Invented";
        patient = store::PatientRepository(therapist).create(p, {"Alice"});
        core::Assessment assessment;
        assessment.visit.date = core::Date{2026, 11, 20};
        assessment.visit.complaint = "Groin pain when running";
        visit = store::VisitRepository(therapist).create(patient, assessment, {"Alice"});
        store::VisitRepository(therapist).issueProgram(visit, core::Program{}, {"Alice"}, "", pdf);
    }
    // The front desk logs in, opens the patient and saves the program as it was handed over.
    const std::string desk = useFrontDeskLogin("desk");
    openWindow();
    m_frame->openPatient(patient);
    pump();
    EXPECT_EQ(m_frame->visitRows(), 1);
    const auto file = std::filesystem::temp_directory_path() / ("hiprx-reprint-" + desk + ".pdf");
    ASSERT_TRUE(m_frame->saveIssuedProgram(visit, file)) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes, std::string(pdf.begin(), pdf.end()));
    std::filesystem::remove(file);
    EXPECT_TRUE(m_prompts.errors.empty()) << m_prompts.errors.front();
}

TEST_F(ClinicModeGui, TheFrontDeskEmailsTheIssuedProgramFromThePatientPageAndIsNotOfferedTheFindings)
{
    if (!delivery::test_support::aiosmtpdAvailable())
        GTEST_SKIP() << "/usr/bin/python3 cannot import aiosmtpd (install python3-aiosmtpd)";
    delivery::test_support::TempDir mail;
    delivery::test_support::SmtpTestServer server(mail.path());
    ASSERT_TRUE(server.start()) << server.error();

    // A therapist's visit with a program issued as a PDF; the clinic's mail relay set up.
    std::int64_t patient = 0;
    std::int64_t visit = 0;
    const std::vector<std::uint8_t> pdf{'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 'y'};
    {
        store::Database therapist = logIn();
        core::Patient p;
        p.name = "Noor Invented";
        p.email = "noor@example.org";
        patient = store::PatientRepository(therapist).create(p, {"Alice"});
        core::Assessment assessment;
        assessment.visit.date = core::Date{2026, 11, 20};
        assessment.visit.clinician = "Alice Ng, PT";
        assessment.visit.complaint = "Groin pain when running";
        visit = store::VisitRepository(therapist).create(patient, assessment, {"Alice"});
        store::VisitRepository(therapist).issueProgram(visit, core::Program{}, {"Alice"}, "", pdf);
    }
    {
        core::SmtpSettings smtp;
        smtp.host = "127.0.0.1";
        smtp.port = server.port();
        smtp.security = core::SmtpSecurity::None; // a relay on this computer, no login
        smtp.senderAddress = "frontdesk@clinic.example";
        smtp.timeoutSeconds = 10;
        store::Database super = store::Database::openLocation(m_url);
        store::SettingsRepository(super).set("smtp", exchange::writeSmtpSettings(smtp), {"test"});
    }
    useFrontDeskLogin("desk");
    openWindow();
    m_frame->openPatient(patient);
    pump();

    // The front desk's patient page offers the issued program, not the findings.
    EXPECT_FALSE(m_frame->offersFindings());
    for (const char* label : {"&Open visit", "&New visit", "&History\u2026"}) {
        const auto* button = findButton(m_frame, wxString::FromUTF8(label));
        ASSERT_NE(button, nullptr) << label;
        EXPECT_FALSE(button->IsShown()) << label << " is offered to the front desk";
    }
    for (const char* label : {"Issued &program as PDF\u2026", "E&mail issued program\u2026"}) {
        const auto* button = findButton(m_frame, wxString::FromUTF8(label));
        ASSERT_NE(button, nullptr) << label;
        EXPECT_TRUE(button->IsShown()) << label;
    }

    m_prompts.texts = {"noor@example.org"};
    m_frame->emailIssuedProgram(visit, "noor@example.org");
    store::Database reader = store::Database::openLocation(m_url);
    store::OutboxRepository outbox(reader);
    for (int i = 0; i < 600; ++i) {
        const auto entries = outbox.forVisit(visit);
        if (entries.size() == 1 && entries[0].status != store::OutboxStatus::Queued)
            break;
        pump(50);
    }
    const auto entries = outbox.forVisit(visit);
    ASSERT_EQ(entries.size(), 1u) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    EXPECT_EQ(entries[0].status, store::OutboxStatus::Sent) << entries[0].error;
    EXPECT_EQ(entries[0].recipient, "noor@example.org");
    EXPECT_TRUE(m_prompts.errors.empty()) << m_prompts.errors.front();
    EXPECT_EQ(server.received(), 1);
    EXPECT_EQ(readAll(mail.path() / "1.pdf"), std::string(pdf.begin(), pdf.end()));
    // The message names the visit's therapist, read without the findings.
    const std::string received = readAll(mail.path() / "1.json");
    EXPECT_TRUE(has(received, "Alice Ng")) << received;
    EXPECT_TRUE(has(received, "Noor Invented")) << received; // the attachment says whose and when
    EXPECT_FALSE(has(received, "Groin")) << "the message carries nothing of the findings";
    m_frame->Destroy();
    m_frame = nullptr;
    pump();
}

TEST_F(ClinicModeGui, OnlyAnAdministratorChangesTheClinicsSettingsAndTheDeskLockTime)
{
    openWindow(); // a therapist
    EXPECT_TRUE(m_frame->offersFindings());
    {
        SettingsDialog dialog(m_frame, m_frame->database(), "Alice");
        EXPECT_FALSE(dialog.clinicEditable());
        EXPECT_NE(wxWindow::FindWindowByName("settings.clinic_note", &dialog), nullptr);
        dialog.setField("clinic_name", "Renamed by a therapist");
        dialog.setLockAfter(5);
        // OK keeps this computer's choices and does not try what the server would refuse.
        EXPECT_TRUE(dialog.save()) << dialog.problems();
    }
    store::Database super = store::Database::openLocation(m_url);
    EXPECT_NE(workflow::loadClinic(super).branding.clinicName, "Renamed by a therapist");
    EXPECT_EQ(workflow::loadClinic(super).lockAfterMinutes, 0);

    const std::string carol = "carol_" + std::to_string(::getpid()) + "_" + std::to_string(++s_counter);
    store::ServerLogins(super).create(carol, kPassword, store::StaffRole::Admin);
    {
        store::Database administrator =
            store::Database::openLocation("postgresql://" + carol + "@localhost/" + m_name, {carol, kPassword});
        SettingsDialog dialog(m_frame, administrator, "Carol");
        EXPECT_TRUE(dialog.clinicEditable());
        EXPECT_EQ(wxWindow::FindWindowByName("settings.clinic_note", &dialog), nullptr);
        dialog.setField("clinic_name", "Clinica Sol");
        dialog.setLockAfter(15);
        EXPECT_TRUE(dialog.save()) << dialog.problems();
    }
    EXPECT_EQ(workflow::loadClinic(super).branding.clinicName, "Clinica Sol");
    EXPECT_EQ(workflow::loadClinic(super).lockAfterMinutes, 15);
    try {
        admin().execute("DROP ROLE IF EXISTS " + carol);
    } catch (const std::exception&) {
    }
}

TEST_F(ClinicModeGui, ALockedDeskIsHiddenUntilThePersonLoggedInGivesTheirPasswordAgain)
{
    openWindow();
    core::Patient p;
    p.name = "Kai Invented";
    ASSERT_TRUE(m_frame->createPatient(p));
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("visit.complaint", "Typed before the lock");

    int attempts = 0;
    bool hidden = false;
    std::string problem;
    EXPECT_TRUE(m_frame->lockNow([&](LoginDialog& dialog) {
        hidden = !m_frame->IsShown();
        problem = dialog.problem();
        dialog.setTyped(dialog.login(), ++attempts == 1 ? "not the password" : kPassword);
        return true;
    }));
    EXPECT_TRUE(hidden) << "the window shows nothing while locked";
    EXPECT_EQ(attempts, 2);
    EXPECT_TRUE(has(problem, "password authentication failed")) << problem;
    EXPECT_TRUE(m_frame->IsShown());
    // The typing was put in the draft when the desk locked.
    const auto draft = store::DraftRepository(m_frame->database()).find(m_frame->openPatientId(), 0);
    ASSERT_TRUE(draft.has_value());
    EXPECT_TRUE(has(draft->formText, "Typed before the lock"));
}

TEST_F(ClinicModeGui, Screenshot)
{
    const char* dir = std::getenv("HIPRX_SCREENSHOT_DIR");
    if (dir == nullptr)
        GTEST_SKIP() << "set HIPRX_SCREENSHOT_DIR to take screenshots";
    LoginDialog dialog(nullptr, "postgresql://alice@server.clinic.lan/hiprx", "alice");
    dialog.offerToRemember("the system keyring", false);
    dialog.showProblem("Could not connect to postgresql://alice@server.clinic.lan/hiprx: password authentication "
                       "failed for user \"alice\".");
    dialog.Show();
    pump(300);
    if (const char* hold = std::getenv("HIPRX_GUI_HOLD_MS"))
        pump(std::atoi(hold));
    {
        const wxRect r = dialog.GetScreenRect();
        const std::string crop = std::to_string(r.width + 2) + "x" + std::to_string(r.height + 2) + "+" +
                                 std::to_string(std::max(0, r.x - 1)) + "+" + std::to_string(std::max(0, r.y - 1));
        ASSERT_EQ(std::system(("import -window root -crop " + crop + " '" + std::string(dir) + "/app-20-login.png'")
                                  .c_str()),
                  0);
    }
    dialog.Hide();

    // The front desk's patient page and its read-only Settings (README: Clinic mode).
    std::int64_t patient = 0;
    {
        store::Database therapist = logIn();
        core::Patient p;
        p.name = "Noor Invented";
        p.email = "noor@example.org";
        p.phone = "+34 600 000 000";
        patient = store::PatientRepository(therapist).create(p, {"Alice"});
        for (int day : {6, 20}) {
            core::Assessment assessment;
            assessment.visit.date = core::Date{2026, 11, day};
            assessment.visit.clinician = "Alice Ng, PT";
            assessment.visit.complaint = "Groin pain when running";
            const auto visit = store::VisitRepository(therapist).create(patient, assessment, {"Alice"});
            store::VisitRepository(therapist).issueProgram(visit, core::Program{}, {"Alice"}, "", {'%', 'P'});
        }
    }
    useFrontDeskLogin("bob");
    openWindow();
    m_frame->SetSize(1100, 640);
    m_frame->Move(0, 0);
    m_frame->openPatient(patient);
    pump(400);
    ASSERT_EQ(std::system(("import -window root '" + std::string(dir) + "/app-20-front-desk.png'").c_str()), 0);
    {
        SettingsDialog settings(m_frame, m_frame->database(), "Bob");
        settings.Move(0, 0);
        settings.showPage(2);
        settings.Show();
        pump(400);
        ASSERT_EQ(std::system(("import -window root '" + std::string(dir) + "/app-20-settings-read-only.png'").c_str()),
                  0);
    }
}

} // namespace
} // namespace hiprx::app
