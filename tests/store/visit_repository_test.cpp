// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database_impl.h"
#include "store/repositories.h"

#include "store_test_support.h"


#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::sampleAssessment;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::sampleProgram;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

class VisitRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_patient = samplePatient();
        m_patient.id = PatientRepository(m_db).create(m_patient, m_actor);
    }

    /// Runs SQL straight on the connection, bypassing the repositories.
    void raw(const std::string& sqlText) { test_support::rawExec(m_db, sqlText); }

    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    VisitRepository m_visits{m_db};
    Actor m_actor{"J. Park, PT"};
    core::Patient m_patient;
};

} // namespace

TEST_F(VisitRepositoryTest, AssessmentRoundTripsWithThePatientRow)
{
    const core::Assessment assessment = sampleAssessment();
    const auto id = m_visits.create(m_patient.id, assessment, m_actor);
    const auto record = m_visits.find(id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->id, id);
    EXPECT_EQ(record->patientId, m_patient.id);
    EXPECT_FALSE(record->updatedAt.empty());

    core::Assessment expected = assessment;
    expected.patient = m_patient; // the stored patient, not what the assessment carried
    EXPECT_EQ(record->assessment, expected);
    EXPECT_FALSE(m_visits.find(id + 1));
}

TEST_F(VisitRepositoryTest, StoredFindingsHoldNoPersonalDetails)
{
    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    sql::Statement query(*m_db.impl().connection, "SELECT assessment_json FROM visits WHERE id = ?");
    query.bind(1, id);
    ASSERT_TRUE(query.executeStep());
    const std::string json = query.getColumn(0).getString();
    EXPECT_THAT(json, HasSubstr("hip_flexion"));
    for (const std::string value : {"Álvarez", "1961-04-02", "example.org", "MRN-1042"})
        EXPECT_THAT(json, Not(HasSubstr(value)));

    // A corrected patient record shows up in every visit.
    core::Patient corrected = m_patient;
    corrected.name = "Tomás Álvarez Gil";
    PatientRepository(m_db).update(corrected, m_actor);
    EXPECT_EQ(m_visits.find(id)->assessment.patient.name, "Tomás Álvarez Gil");
}

TEST_F(VisitRepositoryTest, TwoDesksEditingOneVisitTheSecondSaveIsRefusedAndTheFirstStands)
{
    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    Database otherDesk = m_where.open();
    VisitRepository there(otherDesk);
    const VisitRecord openedHere = *m_visits.find(id);
    const VisitRecord openedThere = *there.find(id);
    ASSERT_EQ(openedHere.rowVersion, openedThere.rowVersion);

    core::Assessment theirs = openedThere.assessment;
    theirs.pain.nprsNow = 7;
    EXPECT_EQ(there.update(id, theirs, {"A. Moreau, PT"}, openedThere.rowVersion), openedThere.rowVersion + 1);
    // Saving again with the version the save returned goes through (the same desk, a second save).
    theirs.pain.nprsNow = 6;
    EXPECT_EQ(there.update(id, theirs, {"A. Moreau, PT"}, openedThere.rowVersion + 1), openedThere.rowVersion + 2);
    theirs.pain.nprsNow = 7;
    EXPECT_EQ(there.update(id, theirs, {"A. Moreau, PT"}, openedThere.rowVersion + 2), openedThere.rowVersion + 3);

    core::Assessment mine = openedHere.assessment;
    mine.pain.nprsNow = 2;
    EXPECT_THROW(m_visits.update(id, mine, m_actor, openedHere.rowVersion), ConflictError);
    EXPECT_EQ(m_visits.find(id)->assessment.pain.nprsNow, 7);
    EXPECT_EQ(m_visits.find(id)->rowVersion, openedHere.rowVersion + 3);
}

TEST_F(VisitRepositoryTest, UpdateReplacesFindingsAndKeepsIssuedPrograms)
{
    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    const IssuedProgram issued = m_visits.issueProgram(id, sampleProgram(), m_actor);

    core::Assessment changed = sampleAssessment();
    changed.pain.nprsNow = 2;
    changed.rom.left[core::Movement::HipExtension] = 5;
    m_visits.update(id, changed, m_actor);

    changed.patient = m_patient;
    EXPECT_EQ(m_visits.find(id)->assessment, changed);
    ASSERT_EQ(m_visits.programs(id).size(), 1u);
    EXPECT_EQ(m_visits.programs(id)[0].program, issued.program);

    const auto audit = AuditLog(m_db).forEntity("visit", id);
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[1].action, "visit.update");
    EXPECT_EQ(audit[1].detail, "changed: rom, pain");
}

TEST_F(VisitRepositoryTest, InvalidFindingsAreRefusedAndNothingIsWritten)
{
    core::Assessment bad = sampleAssessment();
    bad.rom.left[core::Movement::HipFlexion] = 400;
    try {
        m_visits.create(m_patient.id, bad, m_actor);
        FAIL() << "an out-of-range finding was saved";
    } catch (const InputError& e) {
        ASSERT_FALSE(e.problems().empty());
        EXPECT_EQ(e.problems()[0].path, "rom.left.hip_flexion");
    }
    EXPECT_TRUE(m_visits.listForPatient(m_patient.id).empty());

    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    EXPECT_THROW(m_visits.update(id, bad, m_actor), InputError);
    EXPECT_EQ(m_visits.find(id)->assessment.rom.left.at(core::Movement::HipFlexion), 105);
    EXPECT_THROW(m_visits.create(m_patient.id + 50, sampleAssessment(), m_actor), StorageError);
    EXPECT_THROW(m_visits.update(id + 50, sampleAssessment(), m_actor), StorageError);
}

TEST_F(VisitRepositoryTest, ListsNewestFirstWithProgramCounts)
{
    core::Assessment older = sampleAssessment();
    older.visit.date = core::Date{2024, 1, 10};
    older.visit.complaint = "First visit";
    core::Assessment newer = sampleAssessment();
    newer.visit.date = core::Date{2025, 6, 1};
    newer.visit.complaint = "Follow-up";
    const auto olderId = m_visits.create(m_patient.id, older, m_actor);
    const auto newerId = m_visits.create(m_patient.id, newer, m_actor);
    m_visits.issueProgram(olderId, sampleProgram(), m_actor);
    m_visits.issueProgram(olderId, sampleProgram(5), m_actor);

    const auto list = m_visits.listForPatient(m_patient.id);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, newerId);
    EXPECT_EQ(list[0].date, "2025-06-01");
    EXPECT_EQ(list[0].complaint, "Follow-up");
    EXPECT_EQ(list[0].clinician, "J. Park, PT");
    EXPECT_EQ(list[0].issuedPrograms, 0);
    EXPECT_EQ(list[1].id, olderId);
    EXPECT_EQ(list[1].issuedPrograms, 2);
    EXPECT_TRUE(m_visits.listForPatient(m_patient.id + 1).empty());
}

TEST_F(VisitRepositoryTest, ProgramsAreVersionedPerVisit)
{
    const auto first = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    const auto second = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    EXPECT_FALSE(m_visits.latestProgram(first));

    const IssuedProgram v1 = m_visits.issueProgram(first, sampleProgram(3), m_actor);
    const IssuedProgram v2 =
        m_visits.issueProgram(first, sampleProgram(5), {"K. Osei, PT"}, "Referral letter given");
    const IssuedProgram other = m_visits.issueProgram(second, sampleProgram(8), m_actor);
    EXPECT_EQ(v1.version, 1);
    EXPECT_EQ(v2.version, 2);
    EXPECT_EQ(other.version, 1);

    const auto all = m_visits.programs(first);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, v1.id);
    EXPECT_EQ(all[0].program, sampleProgram(3));
    EXPECT_EQ(all[1].program, sampleProgram(5));
    EXPECT_EQ(all[1].clinician, "K. Osei, PT");
    EXPECT_EQ(all[1].acknowledgement, "Referral letter given");
    EXPECT_EQ(all[1].issuedAt, v2.issuedAt);
    const auto latest = m_visits.latestProgram(first);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->version, 2);
    EXPECT_EQ(latest->program.items[0].dose.reps, 5);

    EXPECT_THROW(m_visits.issueProgram(first + 100, sampleProgram(), m_actor), StorageError);
    EXPECT_EQ(AuditLog(m_db).forEntity("program", v2.id).at(0).action, "program.issue");
}

TEST_F(VisitRepositoryTest, InvalidProgramIsNotIssued)
{
    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    core::Program bad = sampleProgram();
    bad.items[0].dose.sets = 0;
    EXPECT_THROW(m_visits.issueProgram(id, bad, m_actor), InputError);
    EXPECT_TRUE(m_visits.programs(id).empty());
}

TEST_F(VisitRepositoryTest, IssuedProgramsCannotBeChangedOrDeleted)
{
    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    const IssuedProgram issued = m_visits.issueProgram(id, sampleProgram(), m_actor);
    const std::string programId = std::to_string(issued.id);

    try {
        raw("UPDATE programs SET program_json = '{}' WHERE id = " + programId);
        FAIL() << "an issued program was changed";
    } catch (const sql::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("cannot be changed"));
    }
    EXPECT_THROW(raw("DELETE FROM programs WHERE id = " + programId), sql::Error);
    EXPECT_THROW(raw("DELETE FROM visits WHERE id = " + std::to_string(id)), sql::Error);
    EXPECT_THROW(raw("DELETE FROM patients WHERE id = " + std::to_string(m_patient.id)), sql::Error);
    EXPECT_THROW(raw("INSERT INTO programs (visit_id, version, issued_at, program_json) VALUES (" +
                     std::to_string(id) + ", 1, 'x', '{}')"),
                 sql::Error); // version 1 is taken
    EXPECT_THROW(raw("DELETE FROM audit_log"), sql::Error);

    ASSERT_EQ(m_visits.programs(id).size(), 1u);
    EXPECT_EQ(m_visits.programs(id)[0].program, sampleProgram());
}

TEST_F(VisitRepositoryTest, IssuedProgramKeepsTheExactPdf)
{
    const auto id = m_visits.create(m_patient.id, sampleAssessment(), m_actor);
    std::vector<std::uint8_t> pdf = {'%', 'P', 'D', 'F', '-', 0x00, 0xFF, 0x7F, '\n'};
    m_visits.issueProgram(id, sampleProgram(), m_actor, {}, pdf);
    m_visits.issueProgram(id, sampleProgram(4), m_actor); // no PDF rendered
    const auto all = m_visits.programs(id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].pdf, pdf);
    EXPECT_TRUE(all[1].pdf.empty());
}

// Defence in depth: whoever calls the store, an emergency found in the saved findings is never
// issued as an exercise program, and an urgent one never without the clinician's acknowledgement.
TEST_F(VisitRepositoryTest, AnEmergencyProgramWithExercisesIsRefusedByADirectCall)
{
    core::Assessment assessment = sampleAssessment();
    assessment.redFlags.insert(core::RedFlag::SaddleAnaesthesia);
    const auto id = m_visits.create(m_patient.id, assessment, m_actor);

    core::Program program = sampleProgram(); // a caller that forgot to analyse: level none
    EXPECT_THROW(m_visits.issueProgram(id, program, m_actor), InputError);
    program.referralLevel = core::Urgency::Emergency; // analysed, but exercises kept
    try {
        m_visits.issueProgram(id, program, m_actor);
        FAIL() << "an emergency program with exercises was stored";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("emergency"));
    }
    EXPECT_TRUE(m_visits.programs(id).empty());

    program.items.clear();
    program.withheld = true;
    const IssuedProgram issued = m_visits.issueProgram(id, program, m_actor);
    EXPECT_TRUE(issued.program.withheld);
    EXPECT_TRUE(issued.program.items.empty());
}

TEST_F(VisitRepositoryTest, AnUrgentProgramNeedsTheAcknowledgementEvenFromADirectCall)
{
    core::Assessment assessment = sampleAssessment();
    assessment.redFlags.insert(core::RedFlag::UnexplainedWeightLoss);
    const auto id = m_visits.create(m_patient.id, assessment, m_actor);
    core::Program program = sampleProgram();
    program.referralLevel = core::Urgency::Urgent;
    try {
        m_visits.issueProgram(id, program, m_actor, "   ");
        FAIL() << "an urgent program was stored without acknowledgement";
    } catch (const InputError& e) {
        ASSERT_FALSE(e.problems().empty());
        EXPECT_EQ(e.problems().front().path, "acknowledgement");
    }
    EXPECT_EQ(m_visits.issueProgram(id, program, m_actor, "GP letter given").version, 1);
}
