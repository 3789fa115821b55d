// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repositories.h"
#include "store/staff_repository.h"

#include "store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;

namespace {

class StaffRepositoryTest : public ::testing::Test {
protected:
    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    StaffRepository m_staff{m_db};
    Actor m_admin{"Front desk"};
};

} // namespace

TEST_F(StaffRepositoryTest, PeopleAreAddedListedByNameAndRetiredNotDeleted)
{
    const auto park = m_staff.add({0, "  Jane Park ", "PT, DPT", true}, m_admin);
    const auto osei = m_staff.add({0, "Kofi Osei", "", true}, m_admin);
    auto list = m_staff.list();
    ASSERT_EQ(list.size(), 2U);
    EXPECT_EQ(list[0].name, "Jane Park"); // trimmed
    EXPECT_EQ(core::staffLabel(list[0]), "Jane Park, PT, DPT");
    EXPECT_EQ(core::staffLabel(list[1]), "Kofi Osei");

    m_staff.setActive(osei, false, m_admin);
    EXPECT_EQ(m_staff.list().size(), 1U);
    ASSERT_EQ(m_staff.list(true).size(), 2U);
    EXPECT_FALSE(m_staff.find(osei)->active);
    EXPECT_EQ(m_staff.find(park)->credentials, "PT, DPT");

    const auto audit = AuditLog(m_db).forEntity("staff", park);
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.front().clinician, "Front desk");
    EXPECT_EQ(audit.front().action, "staff.add");
}

TEST_F(StaffRepositoryTest, BadRecordsAreRefusedNamingTheField)
{
    try {
        m_staff.add({0, "  ", "PT", true}, m_admin);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.problems().front().path, "staff.name");
    }
    try {
        m_staff.add({0, "Jane\nPark", std::string(61, 'x'), true}, m_admin);
        FAIL();
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 2U);
        EXPECT_EQ(e.problems()[1].path, "staff.credentials");
    }
    m_staff.add({0, "Jane Park", "PT", true}, m_admin);
    try {
        m_staff.add({0, "Jane Park", "PT", true}, m_admin);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("already on the staff list"));
    }
    EXPECT_EQ(m_staff.list().size(), 1U);
}
