// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repositories.h"

#include "store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(SettingsRepository, SetGetAndOverwrite)
{
    TempDir dir;
    test_support::TestLocation where{dir};
    Database db = where.open();
    SettingsRepository settings(db);
    EXPECT_FALSE(settings.get("branding"));
    settings.set("branding", R"({"clinic":"Harbour Physio"})", {"J. Park, PT"});
    EXPECT_EQ(settings.get("branding"), R"({"clinic":"Harbour Physio"})");
    settings.set("branding", R"({"clinic":"Harbour Physio & Rehab"})", {});
    EXPECT_EQ(settings.get("branding"), R"({"clinic":"Harbour Physio & Rehab"})");
    settings.set("branding", R"({"clinic":"Harbour Physio & Rehab"})", {}); // unchanged: no audit row

    const auto audit = AuditLog(db).recent();
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "setting.set");
    EXPECT_EQ(audit[0].detail, "key: branding");
    EXPECT_THAT(audit[1].detail, Not(HasSubstr("Harbour")));
    EXPECT_EQ(audit[1].clinician, "J. Park, PT");

    EXPECT_THROW(settings.set("", "x", {}), InputError);
}

TEST(AuditLog, RecentIsNewestFirstAndLimited)
{
    TempDir dir;
    test_support::TestLocation where{dir};
    Database db = where.open();
    SettingsRepository settings(db);
    for (int i = 0; i < 5; ++i)
        settings.set("key_" + std::to_string(i), "1", {});
    const auto entries = AuditLog(db).recent(3);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].detail, "key: key_4");
    EXPECT_EQ(entries[2].detail, "key: key_2");
    EXPECT_GT(entries[0].id, entries[1].id);
    EXPECT_THAT(entries[0].at,
                ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z"));
}
