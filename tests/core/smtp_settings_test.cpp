// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp_settings.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

TEST(ClinicSender, EmptySenderFieldsComeFromTheBranding)
{
    Branding branding;
    branding.clinicName = "Riverside Physio";
    branding.email = "hello@riverside.example";

    const SmtpSettings filled = withClinicSender(SmtpSettings{}, branding);

    EXPECT_EQ(filled.senderName, "Riverside Physio");
    EXPECT_EQ(filled.senderAddress, "hello@riverside.example");
}

TEST(ClinicSender, TheSettingsOwnSenderIsKept)
{
    Branding branding;
    branding.clinicName = "Riverside Physio";
    branding.email = "hello@riverside.example";
    SmtpSettings smtp;
    smtp.senderName = "Front desk";
    smtp.senderAddress = "desk@riverside.example";

    const SmtpSettings filled = withClinicSender(smtp, branding);

    EXPECT_EQ(filled.senderName, "Front desk");
    EXPECT_EQ(filled.senderAddress, "desk@riverside.example");
}

} // namespace
} // namespace hiprx::core
