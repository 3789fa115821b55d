// SPDX-License-Identifier: GPL-3.0-or-later
//
// The embedded font: the small DejaVu Sans subset when every text fits it, the full font otherwise,
// so a name in any script still prints.
#include "render/font_coverage.h"
#include "render/home_program.h"
#include "render/render_error.h"

#include "pdf_tools.h"
#include "render_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hiprx::render {
namespace {

using pdfcheck::pdfText;
using pdfcheck::TempDir;
using ::testing::HasSubstr;

std::filesystem::path coverageFile() { return fixtures::templatesDir() / ".." / "assets" / "fonts" / "subset-unicodes.txt"; }

TEST(FontCoverage, CoversLatinGreekAndCyrillicButNotArmenian)
{
    const auto coverage = FontCoverage::read(coverageFile());
    EXPECT_TRUE(coverage.covers("Łucja Ångström-Straße · 3 × 30 s → °"));
    EXPECT_TRUE(coverage.covers("Αλέξης Παπαδόπουλος, Дмитрий Соколов"));
    EXPECT_FALSE(coverage.covers("Արամ Պետրոսյան"));
    EXPECT_FALSE(coverage.covers("李雷"));
}

TEST(FontCoverage, BadLineIsAnErrorNamingFileAndLine)
{
    TempDir dir;
    const auto file = dir.path() / "ranges.txt";
    std::ofstream(file) << "# comment\nU+0020-007E\nU+ZZZZ\n";
    try {
        FontCoverage::read(file);
        FAIL() << "a bad range was accepted";
    } catch (const RenderError& e) {
        EXPECT_THAT(e.what(), HasSubstr("ranges.txt:3"));
    }
}

TEST(FontCoverage, EveryFixedSentenceOfTheTemplatesFitsTheSubset)
{
    const auto coverage = FontCoverage::read(coverageFile());
    for (const auto& entry : std::filesystem::directory_iterator(fixtures::templatesDir())) {
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            EXPECT_TRUE(coverage.covers(line)) << entry.path().filename() << ":" << number << ": " << line;
        }
    }
}

TEST(FontCoverage, DocumentsInsideTheSubsetEmbedItAndOthersFallBackToTheFullFont)
{
    TempDir dir;
    const auto resources = defaultResources(fixtures::templatesDir());
    ASSERT_FALSE(resources.fontFallback.empty()) << "the subset in assets/fonts was not found";

    const auto latin = dir.path() / "latin.pdf";
    writeFile(renderHomeProgram(fixtures::input("Łucja Ångström-Straße", 3, core::Urgency::None), PageSize::A4,
                                resources),
              latin);
    const auto armenian = dir.path() / "armenian.pdf";
    writeFile(renderHomeProgram(fixtures::input("Արամ Պետրոսյան", 3, core::Urgency::None), PageSize::A4, resources),
              armenian);

    EXPECT_THAT(pdfText(latin), HasSubstr("Łucja Ångström-Straße"));
    EXPECT_THAT(pdfText(armenian), HasSubstr("Արամ Պետրոսյան"));
    // The full font is about 2.5 times the subset; its document is clearly larger.
    EXPECT_GT(std::filesystem::file_size(armenian), std::filesystem::file_size(latin) + 30'000);
}

} // namespace
} // namespace hiprx::render
