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
#include "workflow/visit_note.h"

#include "core/error.h"
#include "core/file_name.h"
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
    EXPECT_EQ(input.date, "14 March 2025"); // the default date format
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
    // Named by patient, document and visit date, not "home-program.pdf" (issue 15, item 10).
    EXPECT_EQ(email.message.attachmentName,
              core::documentFileName(m_patient.name, "home program", *assessment.visit.date));

    const auto outboxId = workflow::queueEmail(m_db, email, m_actor);
    const auto again = workflow::outboxMessage(m_db, outboxId, smtp());
    EXPECT_EQ(again.subject, email.message.subject);
    EXPECT_EQ(again.body, email.message.body);
    EXPECT_EQ(again.attachment, issued.pdf);
    EXPECT_EQ(again.attachmentName, email.message.attachmentName);
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

TEST_F(WorkflowTest, TheClinicsDateFormatIsSharedAndEveryDocumentWritesDatesInIt)
{
    EXPECT_EQ(workflow::loadClinic(m_db).dateFormat, core::DateFormat::Long); // the default
    workflow::saveDateFormat(m_db, core::DateFormat::DayMonthYear, m_actor);
    m_clinic = workflow::loadClinic(m_db);
    EXPECT_EQ(m_clinic.dateFormat, core::DateFormat::DayMonthYear);
    EXPECT_TRUE(m_clinic.problems.empty());
    m_clinic.branding.clinicName = "Riverside Physio";

    core::Assessment assessment = sampleAssessment(); // 2025-03-14, born 1961-04-02
    const auto id = visit(assessment);
    const auto result = issue(id);
    const auto handout = workflow::handoutInput(assessment, result.analysis, result.issued.program,
                                                m_clinic.branding, kToday, {m_clinic.dateFormat, false});
    EXPECT_EQ(handout.date, "14/03/2025");

    const auto note = workflow::visitNoteInput(m_db, m_clinic, id, kToday);
    EXPECT_EQ(note.date, "14/03/2025");
    EXPECT_EQ(note.dateFormat, core::DateFormat::DayMonthYear); // for the birth date
    const auto report = workflow::progressReportInput(m_db, m_clinic, id, m_clinic.norms, kToday);
    EXPECT_EQ(report.date, "14/03/2025");
    EXPECT_EQ(report.dateFormat, core::DateFormat::DayMonthYear);
    const auto email = workflow::composeProgramEmail(m_db, m_clinic, smtp(), {id, 0, "", kToday});
    EXPECT_THAT(email.message.body, HasSubstr("on 14/03/2025"));

    m_clinic.dateFormat = core::DateFormat::MonthDayYear; // a US clinic
    EXPECT_EQ(workflow::visitNoteInput(m_db, m_clinic, id, kToday).date, "03/14/2025");
    EXPECT_THAT(workflow::composeProgramEmail(m_db, m_clinic, smtp(), {id, 0, "", kToday}).message.body,
                HasSubstr("on 03/14/2025"));

    // What the database keeps is the id; one HipRx does not know is reported, the default used.
    EXPECT_EQ(store::SettingsRepository(m_db).get(workflow::kDateFormatKey), "\"dmy\"");
    store::SettingsRepository(m_db).set(workflow::kDateFormatKey, "\"dd.mm.yy\"", m_actor);
    const auto clinic = workflow::loadClinic(m_db);
    EXPECT_EQ(clinic.dateFormat, core::kDefaultDateFormat);
    ASSERT_EQ(clinic.problems.size(), 1U);
    EXPECT_THAT(clinic.problems.front(), HasSubstr("date format"));
}

TEST(LargePrint, IsSuggestedFromTheSeventyFifthBirthday)
{
    core::Patient patient;
    EXPECT_FALSE(workflow::suggestLargePrint(patient, {2026, 11, 20})) << "no birth date, no suggestion";
    patient.birthDate = core::Date{1951, 11, 21};
    EXPECT_FALSE(workflow::suggestLargePrint(patient, {2026, 11, 20})); // 74 tomorrow… 75
    EXPECT_TRUE(workflow::suggestLargePrint(patient, {2026, 11, 21}));
    patient.birthDate = core::Date{1934, 5, 2};
    EXPECT_TRUE(workflow::suggestLargePrint(patient, {2026, 11, 20})); // 92
}

TEST_F(WorkflowTest, AnIssuedProgramCanBeIssuedAndPrintedAgainInLargePrint)
{
    const auto id = visit(sampleAssessment());
    const auto normal = issue(id).issued;
    const auto reprint =
        workflow::reprintHandout(m_db, m_clinic, m_materials.figures.get(), id, 1, {m_clinic.dateFormat, true}, kToday);
    EXPECT_NE(reprint, normal.pdf);
    EXPECT_GT(reprint.size(), normal.pdf.size() / 2);
    EXPECT_EQ(workflow::issuedProgram(m_db, id).pdf, normal.pdf) << "the stored handout is untouched";
    EXPECT_EQ(workflow::reprintHandout(m_db, m_clinic, m_materials.figures.get(), id, 1, {m_clinic.dateFormat, false},
                                       kToday),
              normal.pdf)
        << "printed again in the same way, the same bytes";

    workflow::IssueRequest request{id, std::nullopt, "", m_actor, kToday};
    request.largePrint = true;
    const auto large =
        workflow::issueProgram(m_db, m_clinic, m_materials.library, m_materials.figures.get(), request).issued;
    EXPECT_EQ(large.pdf, reprint);
    EXPECT_THROW(workflow::reprintHandout(m_db, m_clinic, nullptr, id + 99, 0, {}, kToday), InputError);
}

TEST_F(WorkflowTest, AClinicExercisesOwnFigureIsDrawnWithTheBuiltInFigures)
{
    core::ClinicExercise reach;
    reach.exercise = store::test_support::sampleExercise("clinic_overhead_reach", "Overhead reach");
    core::FigureSpec figure;
    figure.start = core::basePose("standing")->pose;
    figure.end = figure.start;
    figure.end[core::Joint::RightShoulder] = 150;
    reach.figure = figure;
    store::ExerciseRepository(m_db).saveClinicExercise(reach, m_actor);

    const workflow::Materials materials = workflow::loadMaterials(m_db, "#1F6F8B");
    EXPECT_TRUE(materials.problems.empty());
    ASSERT_NE(materials.figures->find("clinic_overhead_reach"), nullptr);
    EXPECT_EQ(materials.figures->find("clinic_overhead_reach")->end[core::Joint::RightShoulder], 150);
    EXPECT_TRUE(materials.drawer()->has(materials.library.find("clinic_overhead_reach")->figureId));
    EXPECT_GT(materials.figures->figures().size(), 40U) << "the built-in figures are there too";
}
