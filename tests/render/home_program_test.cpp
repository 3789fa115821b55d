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

#include <fstream>
#include <iterator>

#include <algorithm>
#include <regex>
#include <sstream>

namespace hiprx::render {
namespace {

/// templates/warning-signs.ini as the handout reads it.
std::string warningSignsFile()
{
    std::ifstream in(fixtures::templatesDir() / "warning-signs.ini", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

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
    // The dose of each card as one plain sentence, as a patient reads it.
    std::vector<std::string> doses;
    for (const auto& item : in.program.items)
        doses.push_back(core::doseSentence(item.dose, item.side));
    EXPECT_EQ(doses[0], "Hold for 30 seconds, 3 times, once a day, every day.");
    EXPECT_EQ(doses[1], "Hold for 3 seconds, 10 times on each side, 2 sets, once a day, 5 days a week. Rest 1 minute "
                        "between sets.");
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
        // The library's own "Stop if …" is the label: never "Stop if: Stop if".
        at = findFrom(text, compact(item.stopIf), at);
        ASSERT_NE(at, std::string::npos) << item.name << " stop line";
        at = findFrom(text, compact(doses[i]), at);
        ASSERT_NE(at, std::string::npos) << item.name << " dose: " << doses[i];
        if (!item.dose.notes.empty()) {
            // As whole sentences: "each leg" prints as "Each leg."
            EXPECT_NE(findFrom(text, compact(core::noteText(item.dose.notes)), at), std::string::npos) << item.name;
        }
    }
    EXPECT_THAT(text, HasSubstr(compact(in.program.items[0].notes)));
    EXPECT_THAT(text, Not(HasSubstr(compact("Stop if: Stop if"))));
    EXPECT_THAT(text, Not(HasSubstr(compact("Stop if Stop if"))));
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
    EXPECT_THAT(text, HasSubstr(compact("Hold for 30 seconds, 3 times, once a day, every day.")));
    EXPECT_THAT(text, Not(HasSubstr(compact("on each side"))));
    EXPECT_THAT(text, HasSubstr(compact("About 4 to 6 slow breaths each hold. Work in a comfortable range.")));

    in.program.items[0].side = core::ExerciseSide::Both;
    in.program.items[0].dose.restS = 60; // one set: nothing to rest between
    text = compact(pdfText(render(in, PageSize::A4, "both-dose.pdf")));
    EXPECT_THAT(text, HasSubstr(compact("Hold for 30 seconds, 3 times on each side, once a day, every day.")));
    EXPECT_THAT(text, Not(HasSubstr(compact("Rest 1 minute between sets"))));
}

// ---- "Your precautions" ---------------------------------------------------------------------

/// The care wording the handout must print for `key`, read from the shipped templates.
CareWording careWording(const std::string& key)
{
    return loadPageTemplate(fixtures::templatesDir(), PageSize::A4).care.at(key);
}

class PrecautionBox : public HomeProgram, public ::testing::WithParamInterface<std::string> {};

// One box per care note: its heading, every point and every warning sign, in the box after the
// referral and before "How to do your program"; no id leaks onto the page.
TEST_P(PrecautionBox, PrintsItsOwnPlainWordsBeforeTheExercises)
{
    const std::string key = GetParam();
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::Routine);
    in.takeCare = {{key, "one line"}};
    std::string name = key;
    std::replace(name.begin(), name.end(), '.', '-');
    const std::string text = squeezed(pdfText(render(in, PageSize::A4, name + ".pdf")));
    const CareWording c = careWording(key);
    const auto box = text.find("Your precautions");
    ASSERT_NE(box, std::string::npos);
    EXPECT_LT(text.find("Mention this to your doctor"), box) << "the referral box comes first";
    EXPECT_LT(box, text.find("How to do your program"));
    std::size_t at = findFrom(text, squeezed(c.heading), box);
    EXPECT_NE(at, std::string::npos) << key << ": " << c.heading;
    for (const auto& line : c.points) {
        at = findFrom(text, squeezed(line), at);
        EXPECT_NE(at, std::string::npos) << key << ": " << line;
    }
    for (const auto& line : c.stops) {
        at = findFrom(text, squeezed(line), at);
        EXPECT_NE(at, std::string::npos) << key << ": " << line;
    }
    EXPECT_THAT(text, Not(HasSubstr(key)));
    EXPECT_THAT(text, Not(HasSubstr("one line")));
}

INSTANTIATE_TEST_SUITE_P(EveryCareNote, PrecautionBox, ::testing::ValuesIn(core::careNoteKeys()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '.', '_');
                             return n;
                         });

TEST_F(HomeProgram, APosteriorHipSaysRightAngleCrossingAndTurningIn)
{
    core::Analysis analysis;
    analysis.precautions = {core::Precaution::ThaPosterior, core::Precaution::FallRisk};
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::None);
    in.takeCare = core::patientCareLines(analysis);
    ASSERT_EQ(in.takeCare.size(), 2u);
    const std::string text = squeezed(pdfText(render(in, PageSize::A4, "posterior.pdf")));
    EXPECT_THAT(text, HasSubstr("Your new hip (operation from the back)"));
    EXPECT_THAT(text, HasSubstr("past a right angle"));
    EXPECT_THAT(text, HasSubstr("Do not cross your legs"));
    EXPECT_THAT(text, HasSubstr("Do not turn your knee or toes inward"));
    EXPECT_THAT(text, HasSubstr("Avoiding a fall"));
    EXPECT_EQ(countOf(text, "Your precautions"), 1u) << "one box for all of them";
}

TEST_F(HomeProgram, PregnancyGivesTheWarningSignsToStop)
{
    core::Analysis analysis;
    analysis.precautions = {core::Precaution::Pregnancy};
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::None);
    in.takeCare = core::patientCareLines(analysis);
    const std::string text = squeezed(pdfText(render(in, PageSize::A4, "pregnancy.pdf")));
    EXPECT_THAT(text, HasSubstr("Stop exercising and call your midwife or doctor straight away"));
    EXPECT_THAT(text, HasSubstr("bleeding from the vagina"));
    EXPECT_THAT(text, HasSubstr("pain or swelling in a calf"));
}

TEST_F(HomeProgram, NoPrecautionsNoBoxAndAnEmergencyHasNone)
{
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::None);
    EXPECT_THAT(pdfText(render(in, PageSize::A4, "no-care.pdf")), Not(HasSubstr("Your precautions")));
    core::Analysis analysis;
    analysis.precautions = {core::Precaution::Osteoporosis};
    in = fixtures::input(kLucja, 2, core::Urgency::Emergency);
    in.takeCare = core::patientCareLines(analysis);
    EXPECT_THAT(pdfText(render(in, PageSize::A4, "emergency-care.pdf")), Not(HasSubstr("Your precautions")));
}

TEST_F(HomeProgram, ACareNoteTheTemplatesDoNotKnowPrintsItsOwnLine)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None);
    in.takeCare = {{"caution.something_new", "Keep your knee over your toes."}};
    EXPECT_THAT(squeezed(pdfText(render(in))), HasSubstr("Keep your knee over your toes."));
}

TEST(CareWording, EveryKeyIsRequiredAndAnUnknownSectionIsAnError)
{
    EXPECT_THROW(parseCareWording("[precaution.tha_posterior]\nheading = x\npoint = y\n", "p.ini"), RenderError);
    const std::string full = pdfcheck::run("cat '" + (fixtures::templatesDir() / "precautions.ini").string() + "'");
    EXPECT_NO_THROW(parseCareWording(full, "precautions.ini"));
    EXPECT_THROW(parseCareWording(full + "[precaution.typo]\nheading = x\npoint = y\n", "p.ini"), RenderError);
    EXPECT_THROW(parseCareWording(full + "[caution.intra_articular]\nstop = z\n", "p.ini"), RenderError);
}

// ---- Whom to call ----------------------------------------------------------------------------

TEST_F(HomeProgram, StopAndCallAlwaysSaysWhomToCall)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None);
    std::string text = squeezed(pdfText(render(in, PageSize::A4, "phone.pdf")));
    EXPECT_LT(text.find("Stop and call us if"), text.find("Call us: 01632 960 123"));
    in.branding.phone.clear();
    text = squeezed(pdfText(render(in, PageSize::A4, "no-phone.pdf")));
    EXPECT_THAT(text, HasSubstr("Call Harbourside Physio & Movement, the clinic that gave you this sheet."));
    in.branding.clinicName.clear(); // nothing set up yet: one plain sentence, not "the clinic, the clinic that"
    text = squeezed(pdfText(render(in, PageSize::A4, "no-details.pdf")));
    EXPECT_THAT(text, HasSubstr("Call the clinic that gave you this sheet."));
    EXPECT_THAT(text, Not(HasSubstr("the clinic, the clinic")));
}

// ---- PDF hygiene -----------------------------------------------------------------------------

TEST_F(HomeProgram, TitleAuthorAndLanguageNameTheHandout)
{
    const auto pdf = render(fixtures::input(kLucja, 2, core::Urgency::None), PageSize::A4, "meta.pdf");
    const std::string info = pdfInfo(pdf);
    EXPECT_THAT(info, HasSubstr(std::string("Title:           Home exercise program — ") + kLucja + " — 2026-"));
    EXPECT_THAT(info, HasSubstr("Author:          Harbourside Physio & Movement"));
    const std::string raw = pdfcheck::run("cat '" + pdf.string() + "'");
    EXPECT_THAT(raw, HasSubstr("/Lang (en)"));
}

TEST_F(HomeProgram, PopplerReadsTheTextWithoutAWarning)
{
    for (const char* name : {kLucja, kAlexis, kDmitry}) {
        const auto pdf = render(fixtures::input(name, 3, core::Urgency::Urgent), PageSize::A4, "plain.pdf");
        EXPECT_EQ(pdfcheck::run("( pdftotext '" + pdf.string() + "' - 2>&1 >/dev/null )"), "") << name;
        EXPECT_THAT(pdfText(pdf), HasSubstr(name)); // through the ToUnicode map
    }
}

TEST_F(HomeProgram, ALongClinicNameShrinksToFitAndLosesNoWord)
{
    HomeProgramInput in = fixtures::input(kLucja, 1, core::Urgency::None);
    in.branding.clinicName = "The Riverside Community Physiotherapy, Sports Injury and Rehabilitation Centre of "
                             "Greater Northampton and the Surrounding Villages";
    const std::string text = squeezed(pdfText(render(in, PageSize::A4, "long-name.pdf"), 1));
    for (const char* word : {"Riverside", "Rehabilitation", "Northampton", "Surrounding", "Villages"})
        EXPECT_THAT(text, HasSubstr(word));
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
    // Only what sends the patient today: a lower tier ("mention it at your next visit") would dilute it.
    bool lowerTier = false;
    for (const auto& w : in.referral.warnings) {
        if (w.level == core::Urgency::Emergency)
            EXPECT_THAT(text, HasSubstr(w.patientText));
        else {
            lowerTier = true;
            EXPECT_THAT(text, Not(HasSubstr(w.patientText)));
        }
    }
    EXPECT_TRUE(lowerTier) << "the fixture must hold a lower-tier warning";
    for (const auto& item : in.program.items)
        EXPECT_THAT(text, Not(HasSubstr(item.name)));
    EXPECT_THAT(text, Not(HasSubstr("Your exercises")));
    EXPECT_THAT(text, Not(HasSubstr("2-week log")));
    EXPECT_THAT(text, Not(HasSubstr("Stop if:")));
    EXPECT_THAT(text, Not(HasSubstr("Sets × reps")));
}

TEST_F(HomeProgram, AWarningWhoseFlagsACombinedOneCoversIsNotRepeated)
{
    HomeProgramInput in = fixtures::input(kAlexis, 2, core::Urgency::Emergency);
    core::RedFlagWarning combined;
    combined.id = "suspected_hip_fracture";
    combined.level = core::Urgency::Emergency;
    combined.flags = {core::RedFlag::SignificantTrauma, core::RedFlag::UnableToBearWeight};
    combined.patientText = "After your fall the hip may be broken.";
    core::RedFlagWarning part = combined;
    part.id = "unable_to_bear_weight";
    part.flags = {core::RedFlag::UnableToBearWeight};
    part.patientText = "You cannot put weight on your leg.";
    in.referral.warnings = {combined, part};
    const std::string text = squeezed(pdfText(render(in)));
    EXPECT_THAT(text, HasSubstr("After your fall the hip may be broken."));
    EXPECT_THAT(text, Not(HasSubstr("You cannot put weight on your leg.")));
}

/// A warning as core::referralFor() gives it for one red flag (id, flags and level).
core::RedFlagWarning flagWarning(core::RedFlag flag, core::Urgency level, std::string patientText)
{
    return {std::string(core::toId(flag)), {flag}, level, "clinician text", std::move(patientText), "R-TEST"};
}

TEST_F(HomeProgram, ASameDayReferralForPressedNervesListsTheSignsThatMeanGoNow)
{
    // Each sign the patient must act on, in plain words (clinical fact base, red flags tier 1:
    // cauda equina syndrome): saddle numbness, bladder (starting, flow, feeling, retention), loss of
    // bladder or bowel control, legs weaker or walking worse, both legs, sexual function.
    const std::string file = warningSignsFile();
    const WarningSigns signs = parseWarningSigns(file, "warning-signs.ini");
    std::string all;
    for (const auto& sign : signs.signs)
        all += sign + "\n";
    for (const char* words : {"between your legs", "saddle", "passing urine", "flow is weak", "cannot pass urine",
                              "stools", "Weakness in your legs", "trouble walking", "both legs", "sexual function"})
        EXPECT_THAT(all, HasSubstr(words));
    EXPECT_THAT(signs.intro, HasSubstr("call an ambulance"));
    EXPECT_THAT(signs.waiting, HasSubstr("tell the staff"));

    for (const core::RedFlag flag : {core::RedFlag::SaddleAnaesthesia, core::RedFlag::BladderBowelDysfunction,
                                     core::RedFlag::BilateralNeuroSymptoms, core::RedFlag::ProgressiveNeuroDeficit,
                                     core::RedFlag::SexualDysfunctionNew}) {
        HomeProgramInput in = fixtures::input(kDmitry, 4, core::Urgency::Emergency);
        in.referral.warnings = {flagWarning(flag, core::Urgency::Emergency, "This must be checked today."),
                                flagWarning(core::RedFlag::HistoryOfCancer, core::Urgency::Urgent, "See your doctor.")};
        const auto pdf = render(in, PageSize::A4, "nerves.pdf");
        EXPECT_EQ(pageCount(pdf), 1) << "the sheet is one page to carry";
        const std::string text = squeezed(pdfText(pdf));
        const auto action = text.find("Go to a hospital emergency department today.");
        const auto heading = findFrom(text, signs.heading, action);
        ASSERT_NE(heading, std::string::npos) << core::toId(flag) << ": the signs follow the action\n" << text;
        std::size_t at = findFrom(text, squeezed(signs.intro), heading);
        for (const auto& sign : signs.signs) {
            at = findFrom(text, squeezed(sign), at);
            EXPECT_NE(at, std::string::npos) << sign;
        }
        EXPECT_NE(findFrom(text, squeezed(signs.waiting), at), std::string::npos);
    }
}

TEST_F(HomeProgram, InLargePrintTheSheetStillOpensWithWhatToDoAndKeepsEverySign)
{
    const std::string file = warningSignsFile();
    const WarningSigns signs = parseWarningSigns(file, "warning-signs.ini");
    for (PageSize size : {PageSize::A4, PageSize::Letter}) {
        HomeProgramInput in = fixtures::input(kDmitry, 4, core::Urgency::Emergency);
        in.largePrint = true;
        in.referral.warnings = {
            flagWarning(core::RedFlag::SaddleAnaesthesia, core::Urgency::Emergency,
                        "Numbness around your bottom or between your legs must be checked today."),
            flagWarning(core::RedFlag::BladderBowelDysfunction, core::Urgency::Emergency,
                        "New trouble passing or holding urine or stools must be checked today.")};
        const auto pdf = render(in, size, "large.pdf");
        const std::string first = squeezed(pdfText(pdf, 1));
        EXPECT_THAT(first, HasSubstr("Get medical help today"));
        EXPECT_THAT(first, HasSubstr("Go to a hospital emergency department today."));
        const std::string text = squeezed(pdfText(pdf));
        for (const auto& sign : signs.signs)
            EXPECT_THAT(text, HasSubstr(squeezed(sign)));
        EXPECT_THAT(text, HasSubstr(squeezed(signs.waiting)));
        EXPECT_LE(pageCount(pdf), 2);
    }
}

TEST_F(HomeProgram, OtherSameDayReferralsAndLaterOnesDoNotListTheNerveSigns)
{
    const std::string file = warningSignsFile();
    const std::string heading = parseWarningSigns(file, "warning-signs.ini").heading;
    // A suspected hip fracture says what to do in its own words.
    HomeProgramInput in = fixtures::input(kAlexis, 2, core::Urgency::Emergency);
    core::RedFlagWarning hip;
    hip.id = "suspected_hip_fracture";
    hip.level = core::Urgency::Emergency;
    hip.flags = {core::RedFlag::SignificantTrauma, core::RedFlag::UnableToBearWeight};
    hip.patientText = "After your fall the hip may be broken. If you cannot get there without walking on it, call "
                      "an ambulance.";
    in.referral.warnings = {hip};
    std::string text = squeezed(pdfText(render(in, PageSize::A4, "hip.pdf")));
    EXPECT_THAT(text, HasSubstr("call an ambulance"));
    EXPECT_THAT(text, Not(HasSubstr(heading)));
    // Leg weakness alone is urgent: the exercises wait for a doctor, nobody is sent today.
    in = fixtures::input(kAlexis, 2, core::Urgency::Urgent);
    in.referral.warnings = {flagWarning(core::RedFlag::LegWeakness, core::Urgency::Urgent, "See a doctor soon.")};
    text = squeezed(pdfText(render(in, PageSize::A4, "urgent.pdf")));
    EXPECT_THAT(text, Not(HasSubstr(heading)));
}

TEST(WarningSigns, EveryKeyIsRequiredAndAnUnknownOneIsNamedWithItsLine)
{
    const std::string file = warningSignsFile();
    EXPECT_NO_THROW(parseWarningSigns(file, "warning-signs.ini"));
    const auto message = [](const std::string& text) {
        try {
            parseWarningSigns(text, "w.ini");
        } catch (const RenderError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("[signs.cauda_equina]\nheading = a\nintro = b\nwaiting = c\n"),
              "w.ini: [signs.cauda_equina] is missing 'sign'");
    EXPECT_EQ(message("[signs.cauda_equina]\nheading = a\nintro = b\nsign = s\n"),
              "w.ini: [signs.cauda_equina] is missing 'waiting'");
    EXPECT_EQ(message(file + "signn = typo\n"), "w.ini:" + std::to_string(std::count(file.begin(), file.end(), '\n') + 1) +
                                                   ": unknown key 'signn' in [signs.cauda_equina]");
    EXPECT_THAT(message(file + "[signs.other]\nheading = x\n"), HasSubstr("unknown section [signs.other]"));
    EXPECT_THAT(message(file + "heading = again\n"), HasSubstr("'heading' is already set on line"));
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

TEST_F(HomeProgram, AReferralBoxWithNoExercisesDoesNotPointToExercisesBelow)
{
    // Inflammatory back pain features with normal findings: a routine referral and no exercises.
    for (core::Urgency level : {core::Urgency::Routine, core::Urgency::Urgent}) {
        const std::string text = squeezed(pdfText(render(fixtures::input(kLucja, 0, level), PageSize::A4,
                                                         level == core::Urgency::Routine ? "r0.pdf" : "u0.pdf")));
        EXPECT_THAT(text, Not(HasSubstr("exercises below")));
        EXPECT_THAT(text, HasSubstr(level == core::Urgency::Routine ? "keep moving" : "within a few days at the latest"));
        const std::string withExercises = squeezed(pdfText(render(fixtures::input(kLucja, 2, level))));
        EXPECT_THAT(withExercises, HasSubstr("exercises below"));
        // The warm-up is safe for someone who must not stand on one leg without holding on.
        EXPECT_THAT(withExercises, Not(HasSubstr("march on the spot")));
        EXPECT_THAT(withExercises, HasSubstr("walking aid"));
    }
}

TEST_F(HomeProgram, TwentyFiveCardsNeverSplitAcrossPages)
{
    for (PageSize size : {PageSize::A4, PageSize::Letter}) {
        const HomeProgramInput in = fixtures::input(kDmitry, 25, core::Urgency::Urgent);
        const auto pdf = render(in, size, size == PageSize::A4 ? "a4.pdf" : "letter.pdf");
        const int pages = pageCount(pdf);
        std::size_t cards = 0;
        for (int p = 1; p <= pages; ++p) {
            // Each card has exactly one "Start:", one "Stop if" and one dose sentence (its "a day, "):
            // a split card would leave the counts on a page unequal.
            const std::string text = pdfText(pdf, p);
            const std::size_t starts = countOf(text, "Start:");
            EXPECT_EQ(starts, countOf(text, "Stop if")) << "page " << p;
            EXPECT_EQ(starts, countOf(text, "a day, ")) << "page " << p;
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

TEST_F(HomeProgram, LogoIsPlacedAndAMissingLogoIsLeftOutWithAWarning)
{
    HomeProgramInput in = fixtures::input(kLucja, 2, core::Urgency::None);
    const std::string logo = std::string(HIPRX_SOURCE_DIR) + "/tests/render/data/logo.png";
    in.branding.logoPath = logo;
    const auto withLogo = render(in, PageSize::A4, "logo.pdf");
    EXPECT_THAT(pdfcheck::run("pdfimages -list '" + withLogo.string() + "'"), HasSubstr("240    96"));

    // A missing file: the handout without a logo, and a warning naming the file (never the patient).
    in.branding.logoPath = "/nonexistent/clinic-logo.png";
    std::vector<std::string> warnings;
    m_resources.warn = [&](const std::string& w) { warnings.push_back(w); };
    const auto without = m_dir.path() / "no-logo.pdf";
    writeFile(renderHomeProgram(in, PageSize::A4, m_resources), without);
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0], HasSubstr("/nonexistent/clinic-logo.png"));
    EXPECT_THAT(warnings[0], Not(HasSubstr("Łucja")));
    EXPECT_THAT(pdfText(without), HasSubstr(kLucja));
    EXPECT_EQ(pdfcheck::run("pdfimages -list '" + without.string() + "' | tail -n +3"), "");
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
