// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database_impl.h"
#include "store/outbox_repository.h"
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

class OutboxRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_patientId = PatientRepository(m_db).create(samplePatient(), m_actor);
        m_visitId = VisitRepository(m_db).create(m_patientId, sampleAssessment(), m_actor);
        VisitRepository(m_db).issueProgram(m_visitId, sampleProgram(), m_actor, {}, {'%', 'P', 'D', 'F'});
    }

    OutboxDraft draft(std::string to = "t.alvarez@example.org")
    {
        return OutboxDraft{m_visitId, 1, std::move(to), "Your home exercises", "Hello Tomás", "hiprx.1.abc@clinic.example"};
    }

    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    OutboxRepository m_outbox{m_db};
    Actor m_actor{"J. Park, PT"};
    std::int64_t m_patientId = 0;
    std::int64_t m_visitId = 0;
};

} // namespace

TEST_F(OutboxRepositoryTest, EnqueuedMessageIsPendingWithNoAttempt)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    const auto entry = m_outbox.find(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->status, OutboxStatus::Queued);
    EXPECT_EQ(entry->attempts, 0);
    EXPECT_EQ(entry->recipient, "t.alvarez@example.org");
    EXPECT_EQ(entry->body, "Hello Tomás");
    EXPECT_EQ(entry->programVersion, 1);
    EXPECT_EQ(entry->messageId, "hiprx.1.abc@clinic.example");
    EXPECT_FALSE(entry->createdAt.empty());
    EXPECT_TRUE(entry->sentAt.empty());
    ASSERT_EQ(m_outbox.pending().size(), 1u);
}

TEST_F(OutboxRepositoryTest, FailedAttemptKeepsTheReasonAndStaysPending)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.recordAttempt(id, false, "Could not connect to the mail server at 127.0.0.1:1.", m_actor);
    const auto entry = m_outbox.find(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->status, OutboxStatus::Failed);
    EXPECT_EQ(entry->attempts, 1);
    EXPECT_THAT(entry->error, HasSubstr("Could not connect"));
    EXPECT_FALSE(entry->lastAttemptAt.empty());
    EXPECT_TRUE(entry->sentAt.empty());
    ASSERT_EQ(m_outbox.pending().size(), 1u);
    EXPECT_EQ(m_outbox.pending().front().id, id);
}

TEST_F(OutboxRepositoryTest, RetryThatSucceedsIsSentAndLeavesTheOutbox)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.recordAttempt(id, false, "timeout", m_actor);
    m_outbox.recordAttempt(id, true, {}, m_actor);
    const auto entry = m_outbox.find(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->status, OutboxStatus::Sent);
    EXPECT_EQ(entry->attempts, 2);
    EXPECT_TRUE(entry->error.empty());
    EXPECT_FALSE(entry->sentAt.empty());
    EXPECT_TRUE(m_outbox.pending().empty());
}

TEST_F(OutboxRepositoryTest, SentMessageIsFinal)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.recordAttempt(id, true, {}, m_actor);
    EXPECT_THROW(m_outbox.recordAttempt(id, false, "late failure", m_actor), StorageError);
    EXPECT_THROW(test_support::rawExec(m_db, "UPDATE outbox SET status = 'failed'"), sql::Error);
    EXPECT_THROW(test_support::rawExec(m_db, "DELETE FROM outbox"), sql::Error);
    EXPECT_EQ(m_outbox.find(id)->status, OutboxStatus::Sent);
}

TEST_F(OutboxRepositoryTest, RefusesAVersionThatWasNeverIssued)
{
    auto bad = draft();
    bad.programVersion = 2;
    EXPECT_THROW(m_outbox.enqueue(bad, m_actor), InputError);
    EXPECT_THROW(m_outbox.enqueue(draft(""), m_actor), InputError);
    EXPECT_TRUE(m_outbox.pending().empty());
}

TEST_F(OutboxRepositoryTest, HistoryIsPerPatientNewestFirst)
{
    const auto first = m_outbox.enqueue(draft(), m_actor);
    const auto second = m_outbox.enqueue(draft("other@example.org"), m_actor);
    const auto otherPatient = PatientRepository(m_db).create(samplePatient("Ana Ruiz", "MRN-2"), m_actor);
    const auto otherVisit = VisitRepository(m_db).create(otherPatient, sampleAssessment(), m_actor);
    VisitRepository(m_db).issueProgram(otherVisit, sampleProgram(), m_actor);
    m_outbox.enqueue(OutboxDraft{otherVisit, 1, "ana@example.org", "s", "b", "id@x.example"}, m_actor);

    const auto history = m_outbox.forPatient(m_patientId);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].id, second);
    EXPECT_EQ(history[1].id, first);
    EXPECT_EQ(m_outbox.forVisit(otherVisit).size(), 1u);
}

TEST_F(OutboxRepositoryTest, AuditNamesTheMessageButNeverTheAddress)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.recordAttempt(id, false, "refused", m_actor);
    const auto entries = AuditLog(m_db).forEntity("visit", m_visitId);
    std::vector<std::string> actions;
    for (const auto& e : entries) {
        actions.push_back(e.action);
        EXPECT_THAT(e.detail, Not(HasSubstr("example.org")));
    }
    EXPECT_THAT(actions, ::testing::IsSupersetOf({"email.queue", "email.failed"}));
}

TEST_F(OutboxRepositoryTest, ADiscardedMessageLeavesTheOutboxButStaysInTheHistory)
{
    const auto id = m_outbox.enqueue(draft("wrong@example.org"), m_actor);
    m_outbox.recordAttempt(id, false, "The mail server refused the address.", m_actor);

    m_outbox.discard(id, m_actor);

    EXPECT_TRUE(m_outbox.pending().empty());
    const auto history = m_outbox.forPatient(m_patientId);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].status, OutboxStatus::Discarded);
    EXPECT_EQ(toId(history[0].status), "discarded");
    EXPECT_FALSE(history[0].discardedAt.empty());
    EXPECT_EQ(history[0].error, "The mail server refused the address.") << "why it failed is kept";
}

TEST_F(OutboxRepositoryTest, ADiscardedMessageIsNeverSentAndCannotBeDiscardedTwice)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.discard(id, m_actor);

    EXPECT_THROW(m_outbox.recordAttempt(id, true, "", m_actor), StorageError);
    EXPECT_THROW(m_outbox.discard(id, m_actor), StorageError);
    EXPECT_EQ(m_outbox.find(id)->status, OutboxStatus::Discarded);
}

TEST_F(OutboxRepositoryTest, ASentMessageCannotBeDiscarded)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.recordAttempt(id, true, "", m_actor);

    EXPECT_THROW(m_outbox.discard(id, m_actor), StorageError);
    EXPECT_EQ(m_outbox.find(id)->status, OutboxStatus::Sent);
}

TEST_F(OutboxRepositoryTest, TheDatabaseRefusesToSendOrForgetADiscardedMessage)
{
    const auto id = m_outbox.enqueue(draft(), m_actor);
    m_outbox.discard(id, m_actor);
    EXPECT_THROW(test_support::rawExec(m_db, "UPDATE outbox SET status = 'sent' WHERE id = " + std::to_string(id)),
                 sql::Error);
    EXPECT_THROW(test_support::rawExec(m_db, "DELETE FROM outbox_discarded"), sql::Error);
}
