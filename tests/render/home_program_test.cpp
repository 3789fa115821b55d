// SPDX-License-Identifier: GPL-3.0-or-later
//
// The home program read back as a patient's PDF viewer reads it: text with pdftotext, fonts with
// pdffonts, paper size and pages with pdfinfo, word positions with pdftotext -bbox.
#include "render/home_program.h"

#include "core/dose_text.h"
#include "core/program.h"

#include "pdf_tools.h"
#include "render/render_error.h"
#include "render_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace hiprx::render {
namespace {

using render::pdfcheck::pageCount;
using render::pdfcheck::pdfFonts;
using render::pdfcheck::pdfInfo;
using render::pdfcheck::pdfText;
using render::pdfcheck::squeezed;
using render::pdfcheck::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

const char* const kLucja = "Łucja Ångström-Straße";
const char* const kAlexis = "Αλέξης Παπαδόπουλος";
const char* const kDmitry = "Дмитрий Соколов";

class HomeProgram : public ::testing::Test {
protected:
    std::filesystem::path render(const HomeProgramInput& in, PageSize size = PageSize::A4,
                                 const std::string& name = "program.pdf")
    {
        const auto file = m_dir.path() / name;
        writeFile(renderHomeProgram(in, size, m_resources), file);
        return file;
    }

    TempDir m_dir;
    RenderResources m_resources = defaultResources(fixtures::templatesDir());
};

// Where `needle` first occurs in `hay` at or after `from`; npos if absent.
std::size_t findFrom(const std::string& hay, const std::string& needle, std::size_t from)
{
    return from == std::string::npos ? std::string::npos : hay.find(needle, from);
}

std::size_t countOf(const std::string& hay, const std::string& needle)
{
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size()))
        ++n;
    return n;
}

TEST_F(HomeProgram, PrintsNonLatinNamesExactly)
{
    for (const char* name : {kLucja, kAlexis, kDmitry}) {
        const auto pdf = render(fixtures::input(name, 2, core::Urgency::None));
        EXPECT_THAT(pdfText(pdf), HasSubstr(name));
    }
}

TEST_F(HomeProgram, EveryCardHoldsItsNameStepsCueStopLineAndDose)
{
    const HomeProgramInput in = fixtures::input(kLucja, 8, core::Urgency::None);
    // pdftotext guesses spaces from gaps ("1 × 3" can come back as "1×3"), so compare without any.
    const auto compact = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
                s.end());
        return s;
    };
    const std::string text = compact(pdfText(render(in)));
    // The dose row of each card, as a patient reads it across the table.
    const std::vector<std::string> doses = {
        "1 × 3 30 seconds Once a day, every day",
        "2 × 10 on each side 3 seconds 1 minute Once a day, 5 days a week",
        "3 × 12 45 seconds Once a day, 5 days a week light ankle weight (0.5 kg)",
        "2 × 15 30 seconds Once a day, 5 days a week yellow band",
        "1 × 3 on each side 30 seconds Twice a day, every day",
        "1 × 10 Twice a day, every day",
        "2 × 8 1 minute Once a day, 4 days a week",
        "1 × 3 45 seconds Once a day, every day",
    };
    ASSERT_EQ(in.program.items.size(), doses.size());
    std::size_t at = 0;
    for (std::size_t i = 0; i < doses.size(); ++i) {
        const core::ProgramItem& item = in.program.items[i];
        // In card order: name, every step, key cue, stop line, dose; all before the next card.
        at = findFrom(text, compact(item.name), at);
        ASSERT_NE(at, std::string::npos) << item.name;
        for (const auto& step : item.steps) {
            at = findFrom(text, compact(step), at);
            ASSERT_NE(at, std::string::npos) << item.name << ": " << step;
        }
        at = findFrom(text, compact("Key point: " + item.keyCue), at);
        ASSERT_NE(at, std::string::npos) << item.name << " key cue";
        at = findFrom(text, compact("Stop if: " + item.stopIf), at);
        ASSERT_NE(at, std::string::npos) << item.name << " stop line";
        at = findFrom(text, compact(doses[i]), at);
        ASSERT_NE(at, std::string::npos) << item.name << " dose: " << doses[i];
        if (!item.dose.notes.empty()) {
            // As whole sentences: "each leg" prints as "Each leg."
            EXPECT_NE(findFrom(text, compact(core::noteText(item.dose.notes)), at), std::string::npos) << item.name;
        }
    }
    EXPECT_THAT(text, HasSubstr(compact(in.program.items[0].notes)));
}

TEST_F(HomeProgram, SideIsPrintedOnlyWhenTheExerciseHasOne)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None); // left-sided stretch
    std::string text = pdfText(render(in, PageSize::A4, "left.pdf"));
    EXPECT_THAT(text, HasSubstr("Left leg"));
    EXPECT_THAT(text, Not(HasSubstr("Right leg")));
    EXPECT_THAT(text, Not(HasSubstr("Both sides")));

    in.program.items[0].side = core::ExerciseSide::None;
    text = pdfText(render(in, PageSize::A4, "midline.pdf"));
    EXPECT_THAT(text, Not(HasSubstr("Left leg")));
    EXPECT_THAT(text, Not(HasSubstr("Both sides")));
}

TEST_F(HomeProgram, ABothSidesDoseSaysEachSideAndItsNotesAreWholeSentences)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None); // left-sided stretch, 1 × 3
    in.program.items[0].dose.notes = "about 4 to 6 slow breaths each hold; work in a comfortable range";
    const auto compact = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
                s.end());
        return s;
    };
    std::string text = compact(pdfText(render(in, PageSize::A4, "left-dose.pdf")));
    EXPECT_THAT(text, HasSubstr(compact("1 × 3 30 seconds")));
    EXPECT_THAT(text, Not(HasSubstr(compact("on each side"))));
    EXPECT_THAT(text, HasSubstr(compact("About 4 to 6 slow breaths each hold. Work in a comfortable range.")));

    in.program.items[0].side = core::ExerciseSide::Both;
    in.program.items[0].dose.restS = 60; // one set: nothing to rest between
    text = compact(pdfText(render(in, PageSize::A4, "both-dose.pdf")));
    EXPECT_THAT(text, HasSubstr(compact("1 × 3 on each side 30 seconds")));
    EXPECT_THAT(text, Not(HasSubstr(compact("Rest between sets"))));
}

TEST_F(HomeProgram, ThePatientsPrecautionsArePrintedUnderTakeCare)
{
    // A posterior hip replacement who has fallen: the handout says what to avoid, in plain words.
    core::Analysis analysis;
    analysis.precautions = {core::Precaution::ThaPosterior, core::Precaution::FallRisk};
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::None);
    in.takeCare = core::patientCareLines(analysis);
    ASSERT_EQ(in.takeCare.size(), 2u);
    const std::string text = squeezed(pdfText(render(in, PageSize::A4, "take-care.pdf")));
    EXPECT_THAT(text, HasSubstr("Take care"));
    EXPECT_THAT(text, HasSubstr("do not cross your legs"));
    EXPECT_THAT(text, HasSubstr("counter or a sturdy chair within reach"));
    // Nothing to take care of prints no heading.
    in.takeCare.clear();
    EXPECT_THAT(squeezed(pdfText(render(in, PageSize::A4, "no-care.pdf"))), Not(HasSubstr("Take care")));
}

TEST_F(HomeProgram, FontIsEmbeddedUnicode)
{
    const std::string fonts = pdfFonts(render(fixtures::input(kDmitry, 3, core::Urgency::None)));
    std::istringstream lines(fonts);
    std::string header;
    std::string dashes;
    std::getline(lines, header);
    std::getline(lines, dashes);
    // Column positions come from the dashes under the header: "---- ---- ---- --- --- ---".
    const auto embStart = header.find("emb");
    ASSERT_NE(embStart, std::string::npos) << fonts;
    int rows = 0;
    for (std::string row; std::getline(lines, row);) {
        if (row.empty())
            continue;
        ++rows;
        EXPECT_EQ(row.substr(embStart, 3), "yes") << row;
        EXPECT_THAT(row, HasSubstr("DejaVuSans"));
        EXPECT_THAT(row, HasSubstr("Identity-H"));
    }
    EXPECT_GE(rows, 1);
}

TEST_F(HomeProgram, PaperSizeFollowsTheTemplate)
{
    const auto in = fixtures::input(kLucja, 2, core::Urgency::None);
    EXPECT_THAT(squeezed(pdfInfo(render(in, PageSize::A4, "a4.pdf"))),
                HasSubstr("Page size: 595.28 x 841.89 pts (A4)"));
    EXPECT_THAT(squeezed(pdfInfo(render(in, PageSize::Letter, "letter.pdf"))),
                HasSubstr("Page size: 612 x 792 pts (letter)"));
}

TEST_F(HomeProgram, FootersCountThePagesOnEveryPage)
{
    for (std::size_t count : {1U, 8U, 25U}) {
        const auto pdf = render(fixtures::input(kAlexis, count, core::Urgency::None));
        const int pages = pageCount(pdf);
        EXPECT_GE(pages, count == 25 ? 5 : 1);
        for (int p = 1; p <= pages; ++p) {
            const std::string text = pdfText(pdf, p);
            EXPECT_THAT(text, HasSubstr("Page " + std::to_string(p) + " of " + std::to_string(pages)));
            EXPECT_THAT(text, HasSubstr("hello@harbourside-physio.example"));
        }
    }
}

TEST_F(HomeProgram, EmergencyPrintsOnlyWhatToDoNow)
{
    const HomeProgramInput in = fixtures::input(kDmitry, 8, core::Urgency::Emergency);
    ASSERT_FALSE(in.program.items.empty()) << "the renderer itself must hold the exercises back";
    const std::string text = squeezed(pdfText(render(in)));
    EXPECT_THAT(text, HasSubstr("Get medical help today"));
    EXPECT_THAT(text, HasSubstr("emergency department today"));
    EXPECT_THAT(text, HasSubstr("call emergency services now"));
    for (const auto& w : in.referral.warnings)
        EXPECT_THAT(text, HasSubstr(w.patientText));
    for (const auto& item : in.program.items)
        EXPECT_THAT(text, Not(HasSubstr(item.name)));
    EXPECT_THAT(text, Not(HasSubstr("Your exercises")));
    EXPECT_THAT(text, Not(HasSubstr("2-week log")));
    EXPECT_THAT(text, Not(HasSubstr("Stop if:")));
    EXPECT_THAT(text, Not(HasSubstr("Sets × reps")));
}

TEST_F(HomeProgram, UrgentReferralComesFirstAndTheCardsFollow)
{
    const HomeProgramInput in = fixtures::input(kAlexis, 8, core::Urgency::Urgent);
    const std::string text = squeezed(pdfText(render(in)));
    const auto box = text.find("See a doctor before starting these exercises");
    ASSERT_NE(box, std::string::npos);
    EXPECT_NE(findFrom(text, in.referral.warnings.front().patientText, box), std::string::npos);
    const auto firstCard = text.find(in.program.items.front().name);
    EXPECT_LT(box, firstCard);
    for (const auto& item : in.program.items)
        EXPECT_THAT(text, HasSubstr(item.name));
    EXPECT_THAT(text, HasSubstr("Your 2-week log"));
}

TEST_F(HomeProgram, RoutineReferralAsksToMentionItAndNoneHasNoBox)
{
    const std::string routine = squeezed(pdfText(render(fixtures::input(kLucja, 3, core::Urgency::Routine))));
    EXPECT_THAT(routine, HasSubstr("Mention this to your doctor"));
    EXPECT_THAT(routine, HasSubstr("pins and needles in both feet"));
    const std::string none =
        squeezed(pdfText(render(fixtures::input(kLucja, 3, core::Urgency::None), PageSize::A4, "none.pdf")));
    for (const char* heading : {"Mention this to your doctor", "See a doctor", "Get medical help"})
        EXPECT_THAT(none, Not(HasSubstr(heading)));
}

TEST_F(HomeProgram, TwentyFiveCardsNeverSplitAcrossPages)
{
    for (PageSize size : {PageSize::A4, PageSize::Letter}) {
        const HomeProgramInput in = fixtures::input(kDmitry, 25, core::Urgency::Urgent);
        const auto pdf = render(in, size, size == PageSize::A4 ? "a4.pdf" : "letter.pdf");
        const int pages = pageCount(pdf);
        std::size_t cards = 0;
        for (int p = 1; p <= pages; ++p) {
            // Each card has exactly one "Start:", one "Stop if:" and one dose table ("How often"):
            // a split card would leave the counts on a page unequal.
            const std::string text = pdfText(pdf, p);
            const std::size_t starts = countOf(text, "Start:");
            EXPECT_EQ(starts, countOf(text, "Stop if:")) << "page " << p;
            EXPECT_EQ(starts, countOf(text, "How often")) << "page " << p;
            cards += starts;
        }
        EXPECT_EQ(cards, 25U);
        // Nothing overflows into the footer band: every word ends above the bottom margin or
        // starts below the footer rule (the footer's own words).
        const float bottom = size == PageSize::A4 ? 841.89F - 46 : 792.0F - 44;
        const std::string boxes = pdfcheck::run("pdftotext -q -bbox '" + pdf.string() + "' -");
        const std::regex word("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\"");
        for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it) {
            const float yMin = std::stof((*it)[1].str());
            const float yMax = std::stof((*it)[2].str());
            EXPECT_TRUE(yMax <= bottom + 0.5F || yMin >= bottom + 10) << yMin << "–" << yMax;
        }
        const std::string all = squeezed(pdfText(pdf));
        for (const auto& item : in.program.items)
            EXPECT_THAT(all, HasSubstr(item.name));
    }
}

TEST_F(HomeProgram, AdherenceLogListsEveryExerciseForFourteenDays)
{
    const HomeProgramInput in = fixtures::input(kLucja, 4, core::Urgency::None);
    const std::string text = pdfText(render(in));
    const auto log = text.find("Your 2-week log");
    ASSERT_NE(log, std::string::npos);
    const std::string tail = squeezed(text.substr(log));
    EXPECT_THAT(tail, HasSubstr("Week 1"));
    EXPECT_THAT(tail, HasSubstr("Week 2"));
    EXPECT_THAT(tail, HasSubstr("1 2 3 4 5 6 7 8 9 10 11 12 13 14"));
    for (std::size_t i = 0; i < in.program.items.size(); ++i)
        EXPECT_THAT(tail, HasSubstr(std::to_string(i + 1) + ". " + in.program.items[i].name));
}

TEST_F(HomeProgram, NoWordRunsPastTheRightMargin)
{
    HomeProgramInput in = fixtures::input(kLucja, 8, core::Urgency::Urgent);
    in.program.items[1].name = "Bridge with a very long name that has to wrap inside the card header somehow";
    in.program.items[2].steps.push_back(
        "A very long step: " + std::string(40, 'x') +
        " then Ångström-Straße-Ångström-Straße-Ångström-Straße "
        "and more words that keep going well past one line so the wrapping has to work hard here.");
    in.program.items[3].dose.load = "a long description of the band, its colour and how to loop it twice";
    in.branding.clinicName =
        "Harbourside Physiotherapy, Pilates & Sports Movement Clinic of the Northern Quays";
    for (PageSize size : {PageSize::A4, PageSize::Letter}) {
        const auto pdf = render(in, size, size == PageSize::A4 ? "a4.pdf" : "letter.pdf");
        const std::string boxes = pdfcheck::run("pdftotext -q -bbox '" + pdf.string() + "' -");
        const float limit = size == PageSize::A4 ? 595.28F - 42 : 612.0F - 45;
        const std::regex xMax("xMax=\"([0-9.]+)\"");
        int words = 0;
        for (std::sregex_iterator it(boxes.begin(), boxes.end(), xMax), end; it != end; ++it) {
            ++words;
            EXPECT_LE(std::stof((*it)[1].str()), limit + 0.5F);
        }
        EXPECT_GT(words, 500);
        EXPECT_THAT(squeezed(pdfText(pdf)), HasSubstr("so the wrapping has to work hard here."));
    }
}

TEST_F(HomeProgram, LogoIsPlacedAndAMissingLogoIsNamed)
{
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::None);
    const std::string logo = std::string(HIPRX_SOURCE_DIR) + "/tests/render/data/logo.png";
    in.branding.logoPath = logo;
    const auto withLogo = render(in, PageSize::A4, "logo.pdf");
    EXPECT_THAT(pdfcheck::run("pdfimages -list '" + withLogo.string() + "'"), HasSubstr("240    96"));

    in.branding.logoPath = "/nonexistent/clinic-logo.png";
    try {
        renderHomeProgram(in, PageSize::A4, m_resources);
        FAIL() << "a missing logo must not pass silently";
    } catch (const RenderError& e) {
        EXPECT_THAT(e.what(), HasSubstr("/nonexistent/clinic-logo.png"));
        EXPECT_THAT(e.what(), Not(HasSubstr("Łucja")));
    }
}

TEST_F(HomeProgram, AnImageThatIsNotAnImageIsLeftOutWithAWarning)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None);
    const auto fake = m_dir.path() / "logo.png";
    writeFile({'n', 'o', 't', ' ', 'a', ' ', 'p', 'n', 'g'}, fake);
    in.branding.logoPath = fake.string();
    std::vector<std::string> warnings;
    m_resources.warn = [&](const std::string& w) { warnings.push_back(w); };
    EXPECT_FALSE(renderHomeProgram(in, PageSize::A4, m_resources).empty());
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0], HasSubstr("neither PNG nor JPEG"));
    EXPECT_THAT(warnings[0], HasSubstr(fake.string()));
}

TEST_F(HomeProgram, BadAccentColourAndMissingFontAreErrors)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None);
    in.branding.accentColor = "teal";
    EXPECT_THROW(renderHomeProgram(in, PageSize::A4, m_resources), RenderError);
    in.branding.accentColor = "#1F6F8B";
    RenderResources noFont = m_resources;
    noFont.fontRegular = "/nonexistent/Font.ttf";
    EXPECT_THROW(renderHomeProgram(in, PageSize::A4, noFont), RenderError);
}

TEST_F(HomeProgram, EightExercisesStayUnder150KilobytesAndReprintIdentically)
{
    const HomeProgramInput in = fixtures::input(kLucja, 8, core::Urgency::Urgent);
    const auto first = renderHomeProgram(in, PageSize::A4, m_resources);
    EXPECT_LT(first.size(), 150U * 1024U);
    EXPECT_GT(first.size(), 20U * 1024U) << "an embedded font alone is larger than this";
    EXPECT_EQ(first, renderHomeProgram(in, PageSize::A4, m_resources));
}

TEST_F(HomeProgram, RealBoldFaceCanBeEmbeddedInstead)
{
    RenderResources withBold = m_resources;
    withBold.fontBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    const auto file = m_dir.path() / "bold.pdf";
    writeFile(renderHomeProgram(fixtures::input(kLucja, 2, core::Urgency::None), PageSize::A4, withBold),
              file);
    EXPECT_THAT(pdfFonts(file), HasSubstr("DejaVuSans-Bold"));
}

// Records what it is asked to draw, and draws a box so the call does real PDF work.
class RecordingFigures : public FigureDrawer {
public:
    bool has(std::string_view id) const override { return id == "bridge"; }
    bool draw(std::string_view id, Canvas& canvas, const Box& box) const override
    {
        drawn.emplace_back(id);
        boxes.push_back(box);
        canvas.setStrokeColor({0, 0, 0});
        canvas.setLineWidth(1);
        canvas.rectangle(box);
        canvas.stroke();
        return true;
    }
    mutable std::vector<std::string> drawn;
    mutable std::vector<Box> boxes;
};

TEST_F(HomeProgram, FiguresAreDrawnOnlyWhereTheDrawerHasOne)
{
    HomeProgramInput in = fixtures::input(kLucja, 4, core::Urgency::None);
    in.program.items[0].figureId = "unknown_pose";
    in.program.items[1].figureId = "bridge";
    RecordingFigures figures;
    RenderResources r = m_resources;
    r.figures = &figures;
    render(in, PageSize::A4, "figures.pdf");
    EXPECT_TRUE(figures.drawn.empty()) << "no drawer given: nothing drawn";
    m_resources = r;
    const auto pdf = render(in, PageSize::A4, "figures2.pdf");
    ASSERT_EQ(figures.drawn, std::vector<std::string>{"bridge"});
    const Box& b = figures.boxes.front();
    EXPECT_GT(b.x, 42);
    EXPECT_LT(b.x + b.width, 595.28F - 42);
    EXPECT_THAT(squeezed(pdfText(pdf)), HasSubstr(in.program.items[1].steps.front()));
}

TEST(WriteFile, ReplacesAtomicallyAndReportsAnUnwritablePlace)
{
    TempDir dir;
    const auto file = dir.path() / "out.pdf";
    writeFile({'a'}, file);
    writeFile({'b', 'c'}, file);
    EXPECT_EQ(std::filesystem::file_size(file), 2U);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "out.pdf.part"));
    EXPECT_THROW(writeFile({'a'}, dir.path() / "missing-folder" / "out.pdf"), Error);
}

} // namespace
} // namespace hiprx::render
