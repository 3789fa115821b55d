// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using hiprx::exchange::readBranding;
using hiprx::exchange::writeBranding;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

std::vector<std::string> pathsOf(std::string_view json)
{
    std::vector<std::string> out;
    try {
        readBranding(json);
        ADD_FAILURE() << "accepted: " << json;
    } catch (const InputError& e) {
        for (const auto& p : e.problems())
            out.push_back(p.path);
    }
    return out;
}

} // namespace

TEST(BrandingJson, RoundTripsEveryField)
{
    core::Branding b;
    b.clinicName = "Praxis f\xC3\xBCr Physiotherapie \xC3\x96sterreich";
    b.address = "Hauptstra\xC3\x9F" "e 1\n1010 Wien";
    b.phone = "+43 1 555 0100";
    b.email = "praxis@example.at";
    b.website = "https://example.at";
    b.logoPath = "/home/clinic/logo.png";
    b.accentColor = "#aa3300";
    b.therapistName = "Mag. J\xC3\xBCrgen Koval";
    b.therapistCredentials = "PT, MSc";
    EXPECT_EQ(readBranding(writeBranding(b)), b);
}

TEST(BrandingJson, MissingKeysKeepDefaults)
{
    const core::Branding b = readBranding(R"({"clinic_name": "Hillside Physio"})");
    EXPECT_EQ(b.clinicName, "Hillside Physio");
    EXPECT_EQ(b.accentColor, core::Branding{}.accentColor);
    EXPECT_TRUE(b.logoPath.empty());
}

TEST(BrandingJson, RejectsBadValuesTogether)
{
    EXPECT_THAT(pathsOf(R"({"accent_color": "blue", "email": "front desk", "logo_file": "x.png", "phone": 5})"),
                ElementsAre("logo_file", "phone", "email", "accent_color"));
    for (const char* colour : {"#12345", "#1234567", "123456", "#GG0000", ""})
        EXPECT_THAT(pathsOf(std::string(R"({"accent_color": ")") + colour + "\"}"), ElementsAre("accent_color"))
            << colour;
    EXPECT_NO_THROW(readBranding(R"({"accent_color": "#A0b1C2"})"));
}

TEST(BrandingJson, ColourMessageNamesTheFormat)
{
    try {
        readBranding(R"({"accent_color": "teal"})");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_THAT(std::string(e.what()), HasSubstr("accent_color: \"teal\" is not a colour (expected #RRGGBB"));
    }
}

TEST(BrandingJson, LengthLimits)
{
    EXPECT_THAT(pathsOf("{\"clinic_name\": \"" + std::string(201, 'c') + "\"}"), ElementsAre("clinic_name"));
    EXPECT_NO_THROW(readBranding("{\"address\": \"" + std::string(4000, 'a') + "\"}"));
}
