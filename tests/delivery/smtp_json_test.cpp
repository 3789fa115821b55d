// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/smtp_json.h"

#include "core/error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(SmtpJson, RoundTripsEverySetting)
{
    core::SmtpSettings s;
    s.host = "mail.clinic.example";
    s.port = 465;
    s.security = core::SmtpSecurity::ImplicitTls;
    s.user = "frontdesk";
    s.senderName = "Clínica Sol";
    s.senderAddress = "frontdesk@clinic.example";
    s.timeoutSeconds = 30;
    const auto json = exchange::writeSmtpSettings(s);
    EXPECT_THAT(json, HasSubstr("\"security\": \"tls\""));
    EXPECT_THAT(json, Not(HasSubstr("password")));
    EXPECT_EQ(exchange::readSmtpSettings(json), s);
}

TEST(SmtpJson, MissingKeysTakeDefaults)
{
    const auto s = exchange::readSmtpSettings(R"({"host": "127.0.0.1"})");
    EXPECT_EQ(s.host, "127.0.0.1");
    EXPECT_EQ(s.port, 587);
    EXPECT_EQ(s.security, core::SmtpSecurity::StartTls);
}

TEST(SmtpJson, ReportsEveryProblemWithItsPath)
{
    try {
        exchange::readSmtpSettings(
            R"({"port": 70000, "security": "ssl", "sender_address": "nobody", "password": "x"})");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems())
            paths.push_back(p.path);
        EXPECT_THAT(paths, ::testing::UnorderedElementsAre("smtp.port", "smtp.security", "smtp.sender_address",
                                                           "smtp.password"));
        EXPECT_THAT(e.what(), HasSubstr("1–65535"));
    }
}
