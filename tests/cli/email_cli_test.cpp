// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hiprx-cli email` refusals that must not leak: a password typed where the name of an environment
// variable belongs is never repeated in the message.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hiprx::test {
namespace {

TEST(EmailCli, APasswordTypedInPlaceOfAVariableNameIsNeverRepeated)
{
    ScratchDir scratch;
    const std::string db = scratch.file("clinic.sqlite").string();
    const nlohmann::json visit = {{"format", "hiprx-assessment/1"},
                                  {"patient", {{"name", "Ana Invented"}, {"email", "ana@example.org"}}},
                                  {"visit", {{"date", "2026-11-20"}}},
                                  {"rom", {{"left", {{"hip_extension", 0}}}}}};
    ASSERT_EQ(runCli(scratch, {"--db", db, "import", scratch.write("v.json", visit.dump()).string()}).exitCode, 0);
    ASSERT_EQ(runCli(scratch, {"--db", db, "issue", "1"}).exitCode, 0);
    for (const std::string secret : {"s3cret pass!", "Hunter2"}) {
        const auto r = runCli(scratch, {"--db", db, "email", "1", "--smtp", "smtp://127.0.0.1:9", "--from",
                                        "desk@clinic.example", "--user", "desk", "--password-env", secret});
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("--password-env"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find(secret), std::string::npos) << "the password was echoed: " << r.err;
        EXPECT_EQ(r.out.find(secret), std::string::npos);
    }
}

} // namespace
} // namespace hiprx::test
