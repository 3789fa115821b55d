// SPDX-License-Identifier: GPL-3.0-or-later
//
// One workflow for the app and the command line: for the same stored visit on the same (fixed) day,
// the app's Issue and `hiprx-cli issue` store byte-identical handouts, and the app's File → Email
// and `hiprx-cli email` write the same message. Audit rows name the person working at the desk.
#include "app/main_frame.h"

#include "gui_test_support.h"

#include "../cli/cli_runner.h"

#include "core/staff.h"
#include "exchange/json_format.h"
#include "exchange/smtp_json.h"
#include "store/app_paths.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"
#include "store/staff_repository.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hiprx::app {
namespace {

using test_support::kTestToday;
using test_support::pump;
using test_support::ScriptedPrompts;

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class WorkflowParityTest : public testing::Test {
protected:
    void SetUp() override
    {
        // The CLI runs on the GUI tests' fixed day too.
        ::setenv("HIPRX_TODAY", kTestToday.iso().c_str(), 1);
        m_dbPath = m_scratch.file("clinic.sqlite");
        {
            auto db = store::Database::open(m_dbPath);
            core::Branding branding;
            branding.clinicName = "Riverside Physio";
            branding.phone = "555 0100";
            branding.therapistName = "Jane Park";
            branding.therapistCredentials = "PT";
            store::SettingsRepository(db).set("branding", exchange::writeBranding(branding), {});
            core::SmtpSettings smtp;
            smtp.host = "127.0.0.1";
            smtp.port = 9; // nothing listens: the message stays in the outbox, as written
            smtp.security = core::SmtpSecurity::None;
            smtp.senderAddress = "desk@riverside.example";
            store::SettingsRepository(db).set(std::string(exchange::kSmtpSettingsKey),
                                              exchange::writeSmtpSettings(smtp), {});
            m_staffId = store::StaffRepository(db).add({0, "Kofi Osei", "PT, DPT", true}, {});
        }
        m_frame = new MainFrame(store::Database::open(m_dbPath));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->Show();
        pump();
    }
    void TearDown() override
    {
        m_frame->Destroy();
        pump();
        ::unsetenv("HIPRX_TODAY");
    }

    test::ScratchDir m_scratch;
    std::filesystem::path m_dbPath;
    std::int64_t m_staffId = 0;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
};

TEST_F(WorkflowParityTest, AppAndCommandLineIssueTheSameHandoutAndWriteTheSameEmail)
{
    ASSERT_TRUE(m_frame->setWorkingClinician(m_staffId));
    EXPECT_EQ(m_frame->workingClinician(), "Kofi Osei, PT, DPT");

    // A stored visit, recorded by the person working here.
    const auto file = store::AppPaths().assetsDir() / "examples" / "desk_worker_tight_hip_flexors.json";
    core::Assessment assessment = exchange::readAssessment(readText(file), kTestToday);
    assessment.patient.email = "patient@example.org";
    assessment.visit.clinician = m_frame->workingClinician();
    store::Database& db = m_frame->database();
    const store::Actor actor{m_frame->workingClinician()};
    const auto patientId = store::PatientRepository(db).create(assessment.patient, actor);
    const auto visitId = store::VisitRepository(db).create(patientId, assessment, actor);

    // The app: open the visit and issue the suggestion as it stands.
    m_frame->openPatient(patientId);
    VisitPage* visit = m_frame->openVisit(visitId);
    ASSERT_NE(visit, nullptr);
    m_prompts.answers = {true}; // issue: yes
    const auto issued = visit->issue();
    ASSERT_TRUE(issued) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());

    // The command line, on the same database and day.
    const auto cli = test::runCli(m_scratch, {"--db", m_dbPath.string(), "--clinician", "Kofi Osei, PT, DPT",
                                             "issue", std::to_string(visitId)});
    ASSERT_EQ(cli.exitCode, 0) << cli.err;
    const auto programs = store::VisitRepository(db).programs(visitId);
    ASSERT_EQ(programs.size(), 2U);
    EXPECT_EQ(programs[0].program.items, programs[1].program.items);
    EXPECT_TRUE(programs[0].pdf == programs[1].pdf) << "the app's and the CLI's handouts differ";

    // The audit log names the person working, not the clinic's default therapist.
    for (const auto& row : store::AuditLog(db).recent(20)) {
        if (row.action == "program.issue" || row.action == "visit.create") {
            EXPECT_EQ(row.clinician, "Kofi Osei, PT, DPT") << row.action;
        }
    }

    // Email: the app's File → Email and `hiprx-cli email` write the same message.
    m_prompts.texts = {"patient@example.org"};
    m_frame->onEmail();
    store::OutboxRepository outbox(db);
    for (int i = 0; i < 200 && (outbox.forVisit(visitId).empty() || outbox.forVisit(visitId).front().attempts == 0);
         ++i)
        pump(25);
    const auto mail = test::runCli(m_scratch, {"--db", m_dbPath.string(), "email", std::to_string(visitId), "--to",
                                              "patient@example.org"});
    EXPECT_NE(mail.exitCode, 0); // nothing listens on the port: not sent, kept in the outbox
    const auto entries = outbox.forVisit(visitId);
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].recipient, entries[1].recipient);
    EXPECT_EQ(entries[0].subject, entries[1].subject);
    EXPECT_EQ(entries[0].body, entries[1].body);
    EXPECT_NE(entries[0].body.find("Kofi Osei, PT, DPT"), std::string::npos) << entries[0].body;
    EXPECT_EQ(entries[0].body.find("Jane Park"), std::string::npos) << "the clinic's default therapist named";
}

// Documents from the app: the referral letter is offered as soon as an urgent program is issued,
// and File → Visit note… / Referral letter… write the same documents as `hiprx-cli note` / `letter`.
TEST_F(WorkflowParityTest, AnUrgentIssueOffersTheLetterAndTheVisitNoteIsWritten)
{
    ASSERT_TRUE(m_frame->setWorkingClinician(m_staffId));
    const auto file = store::AppPaths().assetsDir() / "examples" / "desk_worker_tight_hip_flexors.json";
    core::Assessment assessment = exchange::readAssessment(readText(file), kTestToday);
    assessment.redFlags.insert(core::RedFlag::UnexplainedWeightLoss); // urgent
    assessment.visit.clinician = m_frame->workingClinician();
    store::Database& db = m_frame->database();
    const auto patientId = store::PatientRepository(db).create(assessment.patient, {});
    const auto visitId = store::VisitRepository(db).create(patientId, assessment, {});
    m_frame->openPatient(patientId);
    VisitPage* visit = m_frame->openVisit(visitId);
    ASSERT_NE(visit, nullptr);
    visit->setAcknowledgement("GP letter given; patient to book this week");
    m_prompts.answers = {true, false}; // issue: yes; write the letter now: not from the dialog
    ASSERT_TRUE(visit->issue()) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    ASSERT_FALSE(m_prompts.questions.empty());
    EXPECT_NE(m_prompts.questions.back().find("referral letter"), std::string::npos) << m_prompts.questions.back();

    const auto letter = m_scratch.file("letter.pdf");
    ASSERT_TRUE(m_frame->writeReferralLetter(letter)) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    const auto note = m_scratch.file("note.pdf");
    ASSERT_TRUE(m_frame->writeVisitNote(note)) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    // The app's documents are the command line's, byte for byte.
    const auto cliNote = m_scratch.file("cli-note.pdf");
    ASSERT_EQ(test::runCli(m_scratch, {"--db", m_dbPath.string(), "note", std::to_string(visitId), "--out",
                                       cliNote.string()})
                  .exitCode,
              0);
    EXPECT_EQ(readText(note), readText(cliNote));
    EXPECT_GT(std::filesystem::file_size(letter), 1000U);
}

} // namespace
} // namespace hiprx::app
