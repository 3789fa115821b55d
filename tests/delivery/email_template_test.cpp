// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/email_template.h"

#include "core/error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::delivery;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

EmailFields fields()
{
    return EmailFields{"Tomás", "Clínica Sol", "J. Park, PT", "2026-11-21"};
}

} // namespace

TEST(EmailTemplate, FillsEveryPlaceholder)
{
    EXPECT_EQ(fillPlaceholders("Hi {first_name}, {clinic} / {therapist} / {date}", fields()),
              "Hi Tomás, Clínica Sol / J. Park, PT / 2026-11-21");
}

TEST(EmailTemplate, UnknownPlaceholderStaysVisible)
{
    EXPECT_EQ(fillPlaceholders("Hi {firstname} {", fields()), "Hi {firstname} {");
}

TEST(EmailTemplate, FirstNameIsTheFirstWord)
{
    EXPECT_EQ(firstName("Ana María Ruiz"), "Ana");
    EXPECT_EQ(firstName("  Tomás"), "Tomás");
    EXPECT_EQ(firstName(""), "");
}

TEST(EmailTemplate, ShippedTemplatesUseOnlyKnownPlaceholders)
{
    const auto templates = loadEmailTemplates(std::filesystem::path(HIPRX_SOURCE_DIR) / "templates");
    EXPECT_THAT(templates.subject, Not(HasSubstr("\n")));
    const auto subject = fillPlaceholders(templates.subject, fields());
    const auto body = fillPlaceholders(templates.body, fields());
    EXPECT_THAT(subject + body, Not(HasSubstr("{")));
    EXPECT_THAT(body, HasSubstr("Tomás"));
    EXPECT_THAT(subject + body, HasSubstr("Clínica Sol"));
}

TEST(EmailTemplate, MissingTemplateNamesTheFile)
{
    try {
        loadEmailTemplates("/nonexistent-hiprx-templates");
        FAIL() << "expected Error";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("email-subject.txt"));
    }
}

TEST(EmailTemplate, ComposeFillsTheMessage)
{
    core::SmtpSettings settings;
    settings.senderName = "Clínica Sol";
    settings.senderAddress = "frontdesk@clinic.example";
    const auto message = composeEmail({"Program for {first_name}", "From {therapist}"}, fields(), settings,
                                      "t.alvarez@example.org", "Tomás Álvarez", {1, 2, 3}, "p.pdf");
    EXPECT_EQ(message.subject, "Program for Tomás");
    EXPECT_EQ(message.body, "From J. Park, PT");
    EXPECT_EQ(message.fromAddress, "frontdesk@clinic.example");
    EXPECT_EQ(message.attachment, (std::vector<std::uint8_t>{1, 2, 3}));
    EXPECT_THAT(message.messageId, ::testing::EndsWith("@clinic.example"));
}
