// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/page_template.h"

#include "render/render_error.h"
#include "render_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace hiprx::render {
namespace {

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The message of the RenderError `parse` throws, or "" when it does not throw.
template <typename F> std::string errorOf(F parse)
{
    try {
        parse();
    } catch (const RenderError& e) {
        return e.what();
    }
    return {};
}

TEST(PageTemplate, ShippedTemplatesLoadForBothPaperSizes)
{
    const PageTemplate a4 = loadPageTemplate(fixtures::templatesDir(), PageSize::A4);
    EXPECT_NEAR(a4.style.width, 595.3, 0.1);
    EXPECT_NEAR(a4.style.height, 841.9, 0.1);
    const PageTemplate letter = loadPageTemplate(fixtures::templatesDir(), PageSize::Letter);
    EXPECT_EQ(letter.style.width, 612);
    EXPECT_EQ(letter.style.height, 792);
    EXPECT_EQ(a4.style.sections.front(), Section::Patient);
    EXPECT_GE(a4.words.howToPoints.size(), 3U);
    EXPECT_GE(a4.words.stopPoints.size(), 3U);
    // A continued line joins its value with one space.
    EXPECT_NE(a4.words.emergency.action.find("things are getting worse"), std::string::npos);
}

TEST(PageTemplate, UnknownKeyNamesFileAndLine)
{
    const std::string text = "[page]\nwidth = 595\n\n# a comment\nwidht = 600\n";
    const std::string message = errorOf([&] { parsePageStyle(text, "page-a4.ini"); });
    EXPECT_NE(message.find("page-a4.ini:5:"), std::string::npos) << message;
    EXPECT_NE(message.find("widht"), std::string::npos) << message;
}

TEST(PageTemplate, UnknownSectionNamesFileAndLine)
{
    const std::string message =
        errorOf([] { parseWording("[document]\ntitle = x\n[dokument]\n", "wording.ini"); });
    EXPECT_NE(message.find("wording.ini:3:"), std::string::npos) << message;
}

TEST(PageTemplate, BadNumberAndColourNameTheLine)
{
    std::string a4 = readFile(fixtures::templatesDir() / "page-a4.ini");
    const std::string good = "body = 9.5";
    const auto at = a4.find(good);
    ASSERT_NE(at, std::string::npos);
    std::string badNumber = a4;
    badNumber.replace(at, good.size(), "body = nine");
    const int line = 1 + static_cast<int>(std::count(a4.begin(), a4.begin() + static_cast<long>(at), '\n'));
    const std::string message = errorOf([&] { parsePageStyle(badNumber, "page-a4.ini"); });
    EXPECT_NE(message.find("page-a4.ini:" + std::to_string(line) + ":"), std::string::npos) << message;

    std::string badColour = a4;
    const auto c = badColour.find("#B3261E");
    badColour.replace(c, 7, "crimson");
    EXPECT_NE(errorOf([&] { parsePageStyle(badColour, "page-a4.ini"); }).find("crimson"), std::string::npos);
}

TEST(PageTemplate, MissingKeyAndRepeatedKeyAreErrors)
{
    std::string a4 = readFile(fixtures::templatesDir() / "page-a4.ini");
    std::string missing = a4;
    missing.replace(missing.find("qr_size"), 7, "# r_size");
    EXPECT_NE(errorOf([&] { parsePageStyle(missing, "page-a4.ini"); }).find("missing 'qr_size'"),
              std::string::npos);

    const std::string repeated = a4 + "\n[fonts]\nbody = 10\n";
    EXPECT_NE(errorOf([&] { parsePageStyle(repeated, "page-a4.ini"); }).find("already set"),
              std::string::npos);
}

TEST(PageTemplate, ReferralMustComeBeforeExercises)
{
    std::string a4 = readFile(fixtures::templatesDir() / "page-a4.ini");
    const std::string order = "sections = patient, referral, how_to, exercises, adherence_log";
    const auto at = a4.find(order);
    ASSERT_NE(at, std::string::npos);
    a4.replace(at, order.size(), "sections = patient, exercises, referral");
    EXPECT_NE(errorOf([&] { parsePageStyle(a4, "page-a4.ini"); }).find("referral must come before"),
              std::string::npos);
}

TEST(PageTemplate, MissingTemplateFileIsNamed)
{
    const std::string message = errorOf([] { loadPageTemplate("/nonexistent/templates", PageSize::Letter); });
    EXPECT_NE(message.find("page-letter.ini"), std::string::npos) << message;
}

TEST(FillPlaceholders, ReplacesKnownKeysAndKeepsUnknownOnes)
{
    EXPECT_EQ(fillPlaceholders("Page {page} of {pages}", {{"page", "2"}, {"pages", "3"}}), "Page 2 of 3");
    EXPECT_EQ(fillPlaceholders("{sets} × {reps} {x}", {{"sets", "2"}, {"reps", "10"}}), "2 × 10 {x}");
    EXPECT_EQ(fillPlaceholders("{", {}), "{");
}

} // namespace
} // namespace hiprx::render
