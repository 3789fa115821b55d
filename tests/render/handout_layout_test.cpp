// SPDX-License-Identifier: GPL-3.0-or-later
//
// How the handout uses its pages (issue 16): page 1 not left more than a quarter empty when a
// compact card fits, the log never alone on a last page, six exercises in three pages; and large
// print: body text of at least 13 pt, every word and figure inside the margins.
#include "render/home_program.h"

#include "core/program.h"

#include "pdf_tools.h"
#include "render_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace hiprx::render {
namespace {

using render::pdfcheck::pageCount;
using render::pdfcheck::pdfText;
using render::pdfcheck::squeezed;
using render::pdfcheck::TempDir;
using ::testing::HasSubstr;

/// A figure for every exercise, drawn as a frame around its box (the boxes are recorded), so the
/// layout is that of a real handout, whose every exercise has a figure.
class FramedFigures : public FigureDrawer {
public:
    bool has(std::string_view) const override { return true; }
    bool draw(std::string_view id, Canvas& canvas, const Box& box) const override
    {
        return drawForSide(id, canvas, box, false);
    }
    bool drawForSide(std::string_view, Canvas& canvas, const Box& box, bool) const override
    {
        boxes.push_back(box);
        canvas.setStrokeColor({0.5F, 0.5F, 0.5F});
        canvas.setLineWidth(1);
        canvas.rectangle(box);
        canvas.stroke();
        return true;
    }
    mutable std::vector<Box> boxes;
};

/// The posterior-hip sample of render_samples: six exercises, a posterior hip replacement and a
/// fall risk (two precaution items), every exercise with a figure.
HomeProgramInput posteriorHip(std::size_t exercises)
{
    HomeProgramInput in = fixtures::input("Ana Ruiz", exercises, core::Urgency::None);
    for (auto& item : in.program.items)
        item.figureId = "figure";
    core::Analysis analysis;
    analysis.precautions = {core::Precaution::ThaPosterior, core::Precaution::FallRisk};
    in.takeCare = core::patientCareLines(analysis);
    return in;
}

std::string describe(const std::vector<HandoutPage>& pages)
{
    std::ostringstream out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        out << "page " << i + 1 << " (" << static_cast<int>(100 * pages[i].used / pages[i].usable) << " % used):";
        for (const auto& part : pages[i].parts)
            out << " [" << part << "]";
        out << '\n';
    }
    return out.str();
}

bool hasCard(const HandoutPage& page)
{
    return std::any_of(page.parts.begin(), page.parts.end(),
                       [](const std::string& p) { return p.rfind("card ", 0) == 0; });
}

class HandoutLayout : public ::testing::TestWithParam<PageSize> {
protected:
    std::vector<HandoutPage> layout(const HomeProgramInput& in)
    {
        std::vector<HandoutPage> pages;
        renderHomeProgram(in, GetParam(), m_resources, &pages);
        return pages;
    }

    FramedFigures m_figures;
    RenderResources m_resources = [this] {
        RenderResources r = defaultResources(fixtures::templatesDir());
        r.figures = &m_figures;
        return r;
    }();
};

TEST_P(HandoutLayout, TheLogIsAloneOnlyWhenItCannotJoinThePreviousPageEvenWithCompactCards)
{
    for (std::size_t n = 1; n <= 12; ++n)
        for (bool large : {false, true}) {
            HomeProgramInput in = posteriorHip(n);
            in.largePrint = large;
            const auto pages = layout(in);
            ASSERT_EQ(pages.back().parts.back(), "log");
            if (hasCard(pages.back()) || pages.size() == 1)
                continue;
            // Alone: even with every card of the page before made compact (its figure band 30 %
            // lower), the log and its heading would not fit there.
            const HandoutPage& before = pages[pages.size() - 2];
            const float saving = 0.3F * (large ? 150.0F : 136.0F);
            float room = before.usable - before.used;
            for (const auto& part : before.parts)
                if (part.rfind("card ", 0) == 0 && part.find("(compact)") == std::string::npos)
                    room += saving;
            EXPECT_LT(room, pages.back().used + 16)
                << n << " exercises" << (large ? ", large print" : "") << "\n" << describe(pages);
        }
}

TEST_P(HandoutLayout, CompactCardsSaveAPageInLargePrintAndKeepTheirFigures)
{
    // Seven exercises on A4, six on Letter: one card a page, and the last two or the last card and
    // the log share a page only when their cards are compact.
    const std::size_t n = GetParam() == PageSize::A4 ? 7 : 6;
    HomeProgramInput in = posteriorHip(n);
    in.largePrint = true;
    const auto pages = layout(in);
    std::size_t compact = 0;
    for (const auto& page : pages)
        for (const auto& part : page.parts)
            compact += part.find("(compact)") != std::string::npos ? 1 : 0;
    EXPECT_GE(compact, 1U) << describe(pages);
    // Without compact cards: page 1, the how-to page, one page per card, the log alone.
    EXPECT_LE(pages.size(), n + 2) << describe(pages);
    EXPECT_TRUE(hasCard(pages.back())) << describe(pages);
    ASSERT_EQ(m_figures.boxes.size(), n) << "every card still has its figure";
    for (const Box& b : m_figures.boxes)
        EXPECT_GE(b.height, 0.7F * 150.0F - 0.01F) << "a compact card's figure is 70 % as high";
}

/// Every part of the handout, in the order printed.
std::vector<std::string> partsInOrder(const std::vector<HandoutPage>& pages)
{
    std::vector<std::string> order;
    for (const auto& page : pages)
        order.insert(order.end(), page.parts.begin(), page.parts.end());
    return order;
}

TEST_P(HandoutLayout, PageOneOfTheHipReplacementSampleIsAtMostAQuarterEmpty)
{
    // Issue 16: below the precautions box and "How to do your program" the first card did not fit,
    // even compact, and page 1 of the sample went to the patient a third empty. The general advice
    // now follows the cards there, so the first exercise starts on page 1; the precautions stay
    // first, and nothing is left out.
    const HomeProgramInput in = fixtures::posteriorHipReplacementSample();
    const auto pages = layout(in);
    ASSERT_GE(pages.size(), 2U);
    EXPECT_GE(pages[0].used, 0.75F * pages[0].usable) << describe(pages);
    EXPECT_TRUE(hasCard(pages[0])) << describe(pages);
    EXPECT_EQ(pages[0].parts.at(1), "precautions") << describe(pages);
    const auto order = partsInOrder(pages);
    EXPECT_EQ(std::count(order.begin(), order.end(), "how_to"), 1) << describe(pages);
    const auto howTo = std::find(order.begin(), order.end(), "how_to");
    ASSERT_TRUE(howTo != order.end() && howTo != order.begin() && howTo + 1 != order.end()) << describe(pages);
    EXPECT_EQ(howTo[-1].rfind("card " + std::to_string(in.program.items.size()), 0), 0U)
        << "after the last card\n" << describe(pages);
    EXPECT_EQ(howTo[1], "log heading") << describe(pages);
    EXPECT_LE(pages.size(), 3U) << "no page more than before\n" << describe(pages);
}

TEST_P(HandoutLayout, TheAdviceStaysBeforeTheCardsWhenTheFirstCardFitsBelowIt)
{
    // Without the precautions box the first card fits below "How to do your program": nothing moves.
    HomeProgramInput in = fixtures::posteriorHipReplacementSample();
    in.takeCare.clear();
    const auto pages = layout(in);
    ASSERT_GE(pages[0].parts.size(), 4U) << describe(pages);
    EXPECT_EQ(pages[0].parts[1], "how_to") << describe(pages);
    EXPECT_EQ(pages[0].parts[2], "exercises heading") << describe(pages);
    EXPECT_TRUE(hasCard(pages[0])) << describe(pages);
}

TEST_P(HandoutLayout, PageOneIsNeverAThirdEmptyWhileACardCouldStartThere)
{
    // With or without precautions, one to twelve exercises: page 1 is filled to two thirds at
    // least, or holds a card (a card that fits nowhere else whole), or is the whole handout.
    for (std::size_t n = 1; n <= 12; ++n)
        for (bool care : {false, true}) {
            HomeProgramInput in = care ? posteriorHip(n) : fixtures::input("Ana Ruiz", n, core::Urgency::None);
            for (auto& item : in.program.items)
                item.figureId = "figure";
            const auto pages = layout(in);
            if (pages.size() == 1 || hasCard(pages[0]))
                continue;
            EXPECT_GE(pages[0].used, 2.0F / 3.0F * pages[0].usable) << n << " exercises\n" << describe(pages);
        }
}

TEST_P(HandoutLayout, NoPageBeforeTheLastIsMoreThanHalfEmptyInNormalPrint)
{
    for (std::size_t n = 1; n <= 12; ++n) {
        const auto pages = layout(posteriorHip(n));
        for (std::size_t p = 0; p + 1 < pages.size(); ++p)
            EXPECT_GE(pages[p].used, 0.5F * pages[p].usable) << n << " exercises\n" << describe(pages);
    }
}

INSTANTIATE_TEST_SUITE_P(BothPaperSizes, HandoutLayout, ::testing::Values(PageSize::A4, PageSize::Letter),
                         [](const auto& info) { return info.param == PageSize::A4 ? "A4" : "Letter"; });

/// Font sizes of the words of a page, from their height in pdftotext's boxes (DejaVu Sans boxes
/// are 1.164 × the size).
std::vector<std::pair<std::string, float>> wordSizes(const std::filesystem::path& pdf, int page)
{
    const std::string boxes = pdfcheck::run("pdftotext -q -bbox -f " + std::to_string(page) + " -l " +
                                            std::to_string(page) + " '" + pdf.string() + "' -");
    const std::regex word("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)<");
    std::vector<std::pair<std::string, float>> out;
    for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it)
        out.emplace_back((*it)[3].str(), (std::stof((*it)[2].str()) - std::stof((*it)[1].str())) / 1.164F);
    return out;
}

float sizeOf(const std::vector<std::pair<std::string, float>>& words, const std::string& word)
{
    for (const auto& [w, size] : words)
        if (w == word)
            return size;
    ADD_FAILURE() << "no word " << word;
    return 0;
}

class LargePrint : public ::testing::TestWithParam<PageSize> {
protected:
    std::filesystem::path render(const HomeProgramInput& in, const std::string& name)
    {
        const auto file = m_dir.path() / name;
        writeFile(renderHomeProgram(in, GetParam(), m_resources), file);
        return file;
    }

    TempDir m_dir;
    FramedFigures m_figures;
    RenderResources m_resources = [this] {
        RenderResources r = defaultResources(fixtures::templatesDir());
        r.figures = &m_figures;
        return r;
    }();
};

TEST_P(LargePrint, BodyTextIsAtLeastThirteenPointsAndHeadingsGrowWithIt)
{
    HomeProgramInput in = posteriorHip(3);
    const auto normal = render(in, "normal.pdf");
    in.largePrint = true;
    const auto large = render(in, "large.pdf");

    // "tailbone" is in the first card's steps, "Squeeze" in the second card's; "Tuck" too.
    int normalPage = 0, largePage = 0;
    for (int p = 1; p <= pageCount(normal) && normalPage == 0; ++p)
        normalPage = pdfText(normal, p).find("tailbone") != std::string::npos ? p : 0;
    for (int p = 1; p <= pageCount(large) && largePage == 0; ++p)
        largePage = pdfText(large, p).find("tailbone") != std::string::npos ? p : 0;
    ASSERT_GT(normalPage, 0);
    ASSERT_GT(largePage, 0);
    const float normalBody = sizeOf(wordSizes(normal, normalPage), "tailbone");
    const float largeBody = sizeOf(wordSizes(large, largePage), "tailbone");
    EXPECT_NEAR(normalBody, 9.5F, 0.3F);
    EXPECT_GE(largeBody, 13.0F);
    EXPECT_NEAR(largeBody, 14.0F, 0.3F);

    // The precautions and the stop rules, which a patient must read, are as large.
    const auto page1 = wordSizes(large, 1);
    EXPECT_GE(sizeOf(page1, "cross"), 13.0F) << "a precaution line";
    EXPECT_GE(sizeOf(page1, "exercise"), 13.0F);
    EXPECT_GT(sizeOf(page1, "precautions"), largeBody) << "the box's heading is larger than the body";
}

TEST_P(LargePrint, EveryWordAndFigureStaysInsideTheMargins)
{
    HomeProgramInput in = posteriorHip(8);
    in.largePrint = true;
    in.program.items[2].steps.push_back("A long step that has to wrap several times in large print, with "
                                        "Ångström-Straße-Ångström-Straße words that keep going past one line.");
    in.date = "28 September 2026";
    const auto pdf = render(in, "large.pdf");
    const float pageW = GetParam() == PageSize::A4 ? 595.28F : 612.0F;
    const float margin = GetParam() == PageSize::A4 ? 42.0F : 45.0F;
    const std::string boxes = pdfcheck::run("pdftotext -q -bbox '" + pdf.string() + "' -");
    const std::regex xs("xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"");
    int words = 0;
    for (std::sregex_iterator it(boxes.begin(), boxes.end(), xs), end; it != end; ++it) {
        ++words;
        EXPECT_GE(std::stof((*it)[1].str()), margin - 0.5F);
        EXPECT_LE(std::stof((*it)[2].str()), pageW - margin + 0.5F);
    }
    EXPECT_GT(words, 500);
    ASSERT_EQ(m_figures.boxes.size(), 8U);
    for (const Box& b : m_figures.boxes) {
        EXPECT_GE(b.x, margin);
        EXPECT_LE(b.x + b.width, pageW - margin);
        EXPECT_GE(b.height, 100.0F) << "figures stay large enough to copy";
    }
    const std::string text = squeezed(pdfText(pdf));
    EXPECT_THAT(text, HasSubstr("words that keep going past one line."));
    EXPECT_THAT(text, HasSubstr("28 September 2026")) << "the date on one line";
    for (const auto& item : in.program.items)
        EXPECT_THAT(text, HasSubstr(item.name));
}

INSTANTIATE_TEST_SUITE_P(BothPaperSizes, LargePrint, ::testing::Values(PageSize::A4, PageSize::Letter),
                         [](const auto& info) { return info.param == PageSize::A4 ? "A4" : "Letter"; });

} // namespace
} // namespace hiprx::render
