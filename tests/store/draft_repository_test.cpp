// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/draft_repository.h"
#include "store/repositories.h"

#include "store_test_support.h"

#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::TempDir;

namespace {

class DraftRepositoryTest : public ::testing::Test {
protected:
    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    DraftRepository m_drafts{m_db};
    std::int64_t m_patient = PatientRepository(m_db).create(samplePatient(), {"J. Park, PT"});
};

TEST_F(DraftRepositoryTest, SavedDraftIsFoundWithItsText)
{
    EXPECT_FALSE(m_drafts.find(m_patient, 0));
    m_drafts.save(m_patient, 0, "rom.left.hip_flexion\t400\n");
    const auto draft = m_drafts.find(m_patient, 0);
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->formText, "rom.left.hip_flexion\t400\n");
    EXPECT_EQ(draft->patientId, m_patient);
    EXPECT_EQ(draft->visitId, 0);
    EXPECT_FALSE(draft->updatedAt.empty());
}

TEST_F(DraftRepositoryTest, SavingAgainReplacesTheDraftOfThatVisitOnly)
{
    m_drafts.save(m_patient, 0, "first");
    m_drafts.save(m_patient, 7, "other visit");
    m_drafts.save(m_patient, 0, "second");
    EXPECT_EQ(m_drafts.find(m_patient, 0)->formText, "second");
    EXPECT_EQ(m_drafts.find(m_patient, 7)->formText, "other visit");
    EXPECT_EQ(m_drafts.forPatient(m_patient).size(), 2u);
}

TEST_F(DraftRepositoryTest, DiscardRemovesOnlyThatDraft)
{
    m_drafts.save(m_patient, 0, "new visit");
    m_drafts.save(m_patient, 3, "edit");
    m_drafts.discard(m_patient, 0);
    EXPECT_FALSE(m_drafts.find(m_patient, 0));
    EXPECT_TRUE(m_drafts.find(m_patient, 3));
    EXPECT_NO_THROW(m_drafts.discard(m_patient, 0));
}

TEST_F(DraftRepositoryTest, DraftSurvivesReopeningTheDatabase)
{
    m_drafts.save(m_patient, 0, "pain.nprs_now\t6\n");
    Database reopened = m_where.open();
    const auto draft = DraftRepository(reopened).find(m_patient, 0);
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->formText, "pain.nprs_now\t6\n");
}

TEST_F(DraftRepositoryTest, DraftForUnknownPatientIsRefused)
{
    EXPECT_THROW(m_drafts.save(m_patient + 100, 0, "x"), StorageError);
}

} // namespace
