// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/protocol_repository.h"
#include "store/repositories.h"

#include "store_test_support.h"

#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::sampleProgram;
using hiprx::store::test_support::TempDir;

namespace {

class ProtocolRepositoryTest : public ::testing::Test {
protected:
    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    ProtocolRepository m_protocols{m_db};
    Actor m_actor{"J. Park, PT"};
};

TEST_F(ProtocolRepositoryTest, SavedProtocolKeepsItsItemsOnly)
{
    core::Program program = sampleProgram(4);
    program.warnings.push_back("urgent referral needs acknowledgement");
    program.referralLevel = core::Urgency::Urgent;
    const auto id = m_protocols.save("Desk worker week 1", program, m_actor);
    const auto found = m_protocols.find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Desk worker week 1");
    EXPECT_EQ(found->program.items, program.items);
    EXPECT_TRUE(found->program.warnings.empty());
    EXPECT_EQ(found->program.referralLevel, core::Urgency::None);
}

TEST_F(ProtocolRepositoryTest, SameNameIgnoringCaseReplaces)
{
    const auto first = m_protocols.save("Runner", sampleProgram(3), m_actor);
    const auto second = m_protocols.save("RUNNER", sampleProgram(9), m_actor);
    EXPECT_EQ(first, second);
    const auto all = m_protocols.list();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].program.items.at(0).dose.reps, 9);

    // Letters beyond A–Z keep their case on both backends (SQLite's NOCASE folds A–Z only): the
    // second save replaces the first, and is found again, whatever the server's locale.
    const auto ecole = m_protocols.save("École week 2", sampleProgram(3), m_actor);
    EXPECT_EQ(m_protocols.save("ÉCOLE WEEK 2", sampleProgram(5), m_actor), ecole);
    EXPECT_EQ(m_protocols.list().size(), 2u);
}

TEST_F(ProtocolRepositoryTest, ListIsByName)
{
    m_protocols.save("Zeta", sampleProgram(), m_actor);
    m_protocols.save("Alpha", sampleProgram(), m_actor);
    const auto all = m_protocols.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "Alpha");
    EXPECT_EQ(all[1].name, "Zeta");
}

TEST_F(ProtocolRepositoryTest, EmptyNameAndBadDoseAreRefusedWithPaths)
{
    core::Program bad = sampleProgram();
    bad.items.at(0).dose.sets = 0;
    try {
        m_protocols.save("", bad, m_actor);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        ASSERT_GE(e.problems().size(), 2u);
        EXPECT_EQ(e.problems()[0].path, "protocol.name");
        EXPECT_NE(e.problems()[1].path.find("dose.sets"), std::string::npos);
    }
    EXPECT_TRUE(m_protocols.list().empty());
}

TEST_F(ProtocolRepositoryTest, RemoveDeletesAndWritesAudit)
{
    const auto id = m_protocols.save("Post-op", sampleProgram(), m_actor);
    m_protocols.remove(id, m_actor);
    EXPECT_FALSE(m_protocols.find(id));
    EXPECT_THROW(m_protocols.remove(id, m_actor), StorageError);
    const auto audit = AuditLog(m_db).forEntity("protocol", id);
    ASSERT_EQ(audit.size(), 2u);
}

} // namespace
