// SPDX-License-Identifier: GPL-3.0-or-later
//
// The workflow layer: each job once, for every front end. These tests call it as the CLI and the
// app do and check the rules it owns (who the therapist is, which date, what may be issued and
// emailed, what is reported when the clinic's settings cannot be read).
#include "workflow/clinic.h"
#include "workflow/documents.h"
#include "workflow/email.h"
#include "workflow/follow_up.h"
#include "workflow/issue.h"

#include "core/error.h"
#include "core/screen.h"
#include "store/repositories.h"

#include "../store/store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using hiprx::store::test_support::sampleAssessment;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

constexpr core::Date kToday{2025, 3, 20};

class WorkflowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_patient = samplePatient();
        m_patient.email = "patient@example.org";
        m_patient.id = store::PatientRepository(m_db).create(m_patient, m_actor);
        m_materials = workflow::loadMaterials(m_db, "#1F6F8B");
        ASSERT_TRUE(m_materials.problems.empty()) << m_materials.problems.front();
    }

    std::int64_t visit(const core::Assessment& assessment)
    {
        return store::VisitRepository(m_db).create(m_patient.id, assessment, m_actor);
    }

    workflow::IssueResult issue(std::int64_t visitId, std::string acknowledgement = {},
                                std::optional<core::Program> program = std::nullopt)
    {
        return workflow::issueProgram(m_db, m_clinic, m_materials.library, m_materials.figures.get(),
                                      {visitId, std::move(program), std::move(acknowledgement), m_actor, kToday});
    }

    TempDir m_dir;
    store::Database m_db = store::Database::open(m_dir / "hiprx.sqlite");
    store::Actor m_actor{"Kofi Osei, PT"};
    core::Patient m_patient;
    workflow::Clinic m_clinic;
    workflow::Materials m_materials;
};

core::SmtpSettings smtp()
{
    core::SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = 2525;
    s.security = core::SmtpSecurity::None;
    s.senderAddress = "clinic@example.org";
    s.senderName = "Riverside Physio";
    return s;
}

} // namespace

TEST(DocumentBranding, TheVisitsClinicianIsTheTherapistAndOnlyTheDefaultKeepsItsCredentials)
{
    core::Branding clinic;
    clinic.clinicName = "Riverside Physio";
    clinic.therapistName = "Jane Park";
    clinic.therapistCredentials = "PT, DPT";

    const auto other = workflow::documentBranding(clinic, "Kofi Osei, PT");
    EXPECT_EQ(other.therapistName, "Kofi Osei, PT");
    EXPECT_EQ(other.therapistCredentials, ""); // Jane's credentials are not Kofi's
    EXPECT_EQ(other.clinicName, "Riverside Physio");

    EXPECT_EQ(workflow::documentBranding(clinic, "").therapistName, "Jane Park");
    EXPECT_EQ(workflow::documentBranding(clinic, "Jane Park, PT, DPT").therapistCredentials, "PT, DPT");
}

TEST_F(WorkflowTest, ClinicSettingsAreSharedThroughTheDatabaseAndUnreadableOnesAreReported)
{
    workflow::saveNormSet(m_db, core::NormSet::Aaos, m_actor);
    workflow::savePageSize(m_db, render::PageSize::Letter, m_actor);
    auto clinic = workflow::loadClinic(m_db);
    EXPECT_EQ(clinic.norms, core::NormSet::Aaos);
    EXPECT_EQ(clinic.pageSize, render::PageSize::Letter);
    EXPECT_TRUE(clinic.problems.empty());

    store::SettingsRepository(m_db).set(workflow::kBrandingKey, "{not json", m_actor);
    clinic = workflow::loadClinic(m_db);
    ASSERT_EQ(clinic.problems.size(), 1U);
    EXPECT_THAT(clinic.problems.front(), HasSubstr("branding could not be read"));
    EXPECT_EQ(clinic.branding, core::Branding{});
}

TEST_F(WorkflowTest, IssuingStoresTheHandoutOfTheSavedFindingsWithTheVisitsDateAndClinician)
{
    core::Assessment assessment = sampleAssessment(); // dated 2025-03-14, clinician J. Park, PT
    const auto id = visit(assessment);
    const auto result = issue(id);
    EXPECT_EQ(result.issued.version, 1);
    EXPECT_EQ(result.issued.clinician, "Kofi Osei, PT"); // who issued it, in the record
    EXPECT_FALSE(result.issued.program.items.empty());
    ASSERT_FALSE(result.issued.pdf.empty());

    const auto input =
        workflow::handoutInput(assessment, result.analysis, result.issued.program, m_clinic.branding, kToday);
    EXPECT_EQ(input.date, "2025-03-14");
    EXPECT_EQ(input.branding.therapistName, "J. Park, PT"); // the visit's clinician on the handout

    // The same job twice gives the same bytes: nothing in the handout depends on the moment.
    EXPECT_EQ(issue(id).issued.pdf, result.issued.pdf);
    EXPECT_EQ(workflow::issuedProgram(m_db, id).version, 2);
    EXPECT_EQ(workflow::issuedProgram(m_db, id, 1).pdf, result.issued.pdf);
    EXPECT_THROW(workflow::issuedProgram(m_db, id, 7), InputError);
}

TEST_F(WorkflowTest, AnUrgentReferralNeedsTheAcknowledgementAndAnEmergencyIsIssuedWithoutExercises)
{
    core::Assessment urgent = sampleAssessment();
    urgent.redFlags.insert(core::RedFlag::UnexplainedWeightLoss);
    const auto urgentId = visit(urgent);
    try {
        issue(urgentId);
        FAIL() << "issued without acknowledgement";
    } catch (const InputError& e) {
        EXPECT_EQ(e.problems().front().path, "acknowledgement");
    }
    EXPECT_EQ(issue(urgentId, "GP letter given").issued.acknowledgement, "GP letter given");

    core::Assessment emergency = sampleAssessment();
    emergency.redFlags.insert(core::RedFlag::SaddleAnaesthesia);
    const auto emergencyId = visit(emergency);
    core::Program handMade;
    handMade.items = issue(urgentId, "again").issued.program.items; // a therapist's program with exercises
    const auto result = issue(emergencyId, {}, handMade);
    EXPECT_TRUE(result.issued.program.withheld);
    EXPECT_TRUE(result.issued.program.items.empty());
    EXPECT_FALSE(result.issued.pdf.empty()); // the patient still gets the sheet that says: get help today

    try {
        workflow::composeProgramEmail(m_db, m_clinic, smtp(), {emergencyId, 0, "", kToday});
        FAIL() << "an emergency program was emailed";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("in person or by phone"));
    }
}

TEST_F(WorkflowTest, AForbiddenExerciseIsIssuedOnlyAsTheCliniciansRecordedDecision)
{
    core::Assessment assessment = sampleAssessment();
    assessment.precautions.insert(core::Precaution::ThaPosterior);
    const auto id = visit(assessment);
    const auto analysis = workflow::readVisit(m_db, id, m_clinic.norms, kToday).analysis;
    // A deep squat demands hip flexion past 90°, which a posterior hip replacement forbids.
    const core::Exercise* squat = nullptr;
    for (const auto& e : m_materials.library.all())
        if (!core::screenExercise(e, analysis).empty()) {
            squat = &e;
            break;
        }
    ASSERT_NE(squat, nullptr);
    core::Program program;
    core::ProgramItem item;
    item.exerciseId = squat->id;
    item.name = squat->name;
    item.kind = squat->kind;
    item.targets = squat->targets;
    item.dose = squat->defaultDose;
    program.items.push_back(item);
    try {
        issue(id, {}, program);
        FAIL() << "a forbidden exercise was issued";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr(squat->name));
    }
    EXPECT_THROW(workflow::issuedProgram(m_db, id), InputError); // nothing stored

    program.items[0].basis.push_back(core::overrideBasis(true, core::screenExercise(*squat, analysis)));
    EXPECT_EQ(issue(id, {}, program).issued.program.items.size(), 1U);
}

TEST_F(WorkflowTest, TheEmailNamesTheVisitsClinicianAndDateAndCarriesTheIssuedPdf)
{
    m_clinic.branding.clinicName = "Riverside Physio";
    m_clinic.branding.therapistName = "Jane Park";
    core::Assessment assessment = sampleAssessment();
    assessment.visit.clinician = "Kofi Osei, PT";
    const auto id = visit(assessment);
    const auto issued = issue(id).issued;

    const auto email = workflow::composeProgramEmail(m_db, m_clinic, smtp(), {id, 0, "", kToday});
    EXPECT_EQ(email.message.toAddress, "patient@example.org");
    EXPECT_EQ(email.message.attachment, issued.pdf);
    EXPECT_THAT(email.message.body, HasSubstr("Kofi Osei, PT"));
    EXPECT_THAT(email.message.body, Not(HasSubstr("Jane Park")));
    EXPECT_EQ(email.draft.programVersion, 1);

    const auto outboxId = workflow::queueEmail(m_db, email, m_actor);
    const auto again = workflow::outboxMessage(m_db, outboxId, smtp());
    EXPECT_EQ(again.subject, email.message.subject);
    EXPECT_EQ(again.body, email.message.body);
    EXPECT_EQ(again.attachment, issued.pdf);
    EXPECT_EQ(again.messageId, email.message.messageId);
}

TEST_F(WorkflowTest, NextProgramAndReportNameTheVisitThatHasNone)
{
    const auto id = visit(sampleAssessment());
    try {
        workflow::nextProgram(m_db, m_materials.library, id, m_clinic.norms, kToday);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problems().front().path, "VISIT");
    }
    issue(id);
    EXPECT_FALSE(workflow::nextProgram(m_db, m_materials.library, id, m_clinic.norms, kToday).items.empty());
    const auto report = workflow::progressReportInput(m_db, m_clinic, id, m_clinic.norms, kToday);
    EXPECT_EQ(report.branding.therapistName, "J. Park, PT");
    EXPECT_TRUE(report.program.has_value());
    EXPECT_THROW(workflow::progressReportInput(m_db, m_clinic, id + 99, m_clinic.norms, kToday), InputError);
}
