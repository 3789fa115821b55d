// SPDX-License-Identifier: GPL-3.0-or-later
//
// The progress report read back with pdftotext: one page, the table with verdicts, the alerts, the
// charts' titles (drawn through the chart code) and the current program; and what a physician files
// (issue 17): the patient named whole with birth date and record number, strength, tests,
// endurance and balance then and now, the clinician's words and signature, counts that agree.
#include "render/progress_report.h"

#include "pdf_tools.h"
#include "core/finding_changes.h"
#include "render/chart.h"
#include "render_fixtures.h"

#include "render/render_error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace hiprx::render {
namespace {

using render::pdfcheck::pageCount;
using render::pdfcheck::pdfText;
using render::pdfcheck::squeezed;
using render::pdfcheck::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

core::DatedAssessment visit(std::int64_t id, core::Date date, int flexion, int painNow, int worst)
{
    core::DatedAssessment v;
    v.visitId = id;
    v.assessment.patient.name = "Ines Invented";
    v.assessment.visit.date = date;
    v.assessment.visit.clinician = "J. Park, PT";
    v.assessment.rom.left[core::Movement::HipFlexion] = flexion;
    v.assessment.rom.right[core::Movement::HipFlexion] = 118;
    v.assessment.rom.left[core::Movement::HipInternalRotation] = 20 + static_cast<int>(id);
    v.assessment.pain.nprsNow = painNow;
    v.assessment.pain.nprsWorst24h = worst;
    v.assessment.outcomes.lefs.assign(core::kLefsItemCount, 1 + static_cast<int>(id) / 3);
    v.assessment.outcomes.psfs = {{"stairs", 3 + static_cast<int>(id)}, {"walking", 4}};
    return v;
}

ProgressReportInput sampleInput(std::size_t visits, bool worseAtEnd = false)
{
    ProgressReportInput in;
    in.patient.name = "Ines Invented";
    in.date = "2026-11-20";
    in.dateFormat = core::DateFormat::Iso; // as the report date above
    in.branding = fixtures::clinic();
    std::vector<core::DatedAssessment> list;
    for (std::size_t i = 0; i < visits; ++i) {
        const int n = static_cast<int>(i);
        list.push_back(visit(n + 1, core::Date{2026, 1 + n % 12, 1 + n / 12}, 90 + 2 * n, std::max(1, 6 - n),
                             7 - n / 2));
    }
    if (worseAtEnd)
        list.back().assessment.pain.nprsNow = 9;
    in.history = core::buildHistory(std::move(list));
    in.program = fixtures::program(4);
    return in;
}

class ProgressReport : public ::testing::Test {
protected:
    std::filesystem::path render(const ProgressReportInput& in, PageSize size = PageSize::A4)
    {
        const auto file = m_dir.path() / "report.pdf";
        writeFile(renderProgressReport(in, size, defaultResources(fixtures::templatesDir())), file);
        return file;
    }
    TempDir m_dir;
};

TEST_F(ProgressReport, OnePageWithPatientTableAndVerdicts)
{
    const auto file = render(sampleInput(5));
    EXPECT_EQ(pageCount(file), 1);
    const std::string text = pdfText(file);
    EXPECT_THAT(text, HasSubstr("Progress report"));
    EXPECT_THAT(text, HasSubstr("Ines Invented"));
    EXPECT_THAT(text, HasSubstr("Then and now"));
    // Left flexion 90 → 98 (+8) is within the 10° MDC; internal rotation 21 → 25 likewise.
    EXPECT_THAT(text, HasSubstr("hip flexion (left)"));
    EXPECT_THAT(squeezed(text), HasSubstr("90° (2026-01-01) 98° (2026-05-01) +8 within measurement error"));
    // Pain now 6 → 2: improved.
    EXPECT_THAT(squeezed(text), HasSubstr("pain now (NPRS) 6/10 (2026-01-01) 2/10 (2026-05-01) −4 improved"));
}

TEST_F(ProgressReport, ChartsAreDrawnWithTheirTitles)
{
    const std::string text = pdfText(render(sampleInput(5)));
    EXPECT_THAT(text, HasSubstr("Over time"));
    EXPECT_THAT(text, HasSubstr("Pain (NPRS 0–10"));
    EXPECT_THAT(text, HasSubstr("LEFS (0–80"));
    EXPECT_THAT(text, HasSubstr("Hip flexion (°)"));
}

TEST_F(ProgressReport, CurrentProgramIsListedWithDoses)
{
    const auto in = sampleInput(3);
    const std::string text = squeezed(pdfText(render(in)));
    EXPECT_THAT(text, HasSubstr("Current home program"));
    EXPECT_THAT(text, HasSubstr("1. " + in.program->items[0].name));
}

TEST_F(ProgressReport, AlertsOfTheLatestVisitAreShown)
{
    const auto in = sampleInput(4, true);
    ASSERT_FALSE(in.history.latestAlerts().empty());
    const std::string text = squeezed(pdfText(render(in)));
    EXPECT_THAT(text, HasSubstr("To look at before going on"));
    EXPECT_THAT(text, HasSubstr("pain rated 9/10"));
}

TEST_F(ProgressReport, TheLatestBodyChartAndBalanceAreSaidInWords)
{
    ProgressReportInput in;
    in.patient.name = "Ines Invented";
    in.date = "2026-11-20";
    in.dateFormat = core::DateFormat::Iso; // as the report date above
    in.branding = fixtures::clinic();
    std::vector<core::DatedAssessment> list{visit(1, core::Date{2026, 10, 1}, 100, 5, 6),
                                            visit(2, core::Date{2026, 11, 1}, 104, 3, 4)};
    list[0].assessment.pain.areas = {{core::BodyRegion::Groin, core::BodySide::Left}};
    list[1].assessment.pain.areas = {{core::BodyRegion::LateralHip, core::BodySide::Left},
                                     {core::BodyRegion::Lumbar, core::BodySide::Central}};
    list[1].assessment.balance.fallsPastYear = 1;
    list[1].assessment.balance.singleLegStanceS.left = 4;
    in.history = core::buildHistory(std::move(list));
    const std::string text = squeezed(pdfText(render(in)));
    EXPECT_THAT(text, HasSubstr("Pain felt at: outer hip, left; low back, middle"));
    EXPECT_THAT(text, HasSubstr("Balance: 1 fall in the past year; single-leg stance left 4 s"));
    EXPECT_THAT(text, Not(HasSubstr("groin"))); // the latest visit's chart, not the first
}

TEST_F(ProgressReport, ThirtyVisitsAndALongProgramStillFitOnePageOnLetter)
{
    auto in = sampleInput(30);
    in.program = fixtures::program(14);
    const auto file = render(in, PageSize::Letter);
    EXPECT_EQ(pageCount(file), 1);
    EXPECT_THAT(squeezed(pdfText(file)), HasSubstr("more"));
}

TEST_F(ProgressReport, EmptyHistorySaysSo)
{
    ProgressReportInput in;
    in.patient.name = "Ines Invented";
    in.date = "2026-11-20";
    in.dateFormat = core::DateFormat::Iso; // as the report date above
    const std::string text = pdfText(render(in));
    EXPECT_THAT(text, HasSubstr("No measurements recorded yet."));
    EXPECT_THAT(text, HasSubstr("No program issued yet."));
    EXPECT_THAT(text, Not(HasSubstr("Over time")));

    in.program = core::Program{};
    EXPECT_THAT(pdfText(render(in)), HasSubstr("The program issued holds no exercises."));
}

/// The repository's templates copied to `dir`, with `from` replaced by `to` in wording.ini.
std::filesystem::path templatesWith(const std::filesystem::path& dir, const std::string& from,
                                    const std::string& to)
{
    std::filesystem::copy(fixtures::templatesDir(), dir, std::filesystem::copy_options::recursive);
    const auto file = dir / "wording.ini";
    std::ifstream in(file, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    in.close();
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary) << text;
    return dir;
}

TEST_F(ProgressReport, WordingComesFromTheTemplate)
{
    // A clinic writing for referring doctors renames the report, the table and a verdict.
    const auto dir = templatesWith(m_dir.path() / "t1", "[report]\ntitle = Progress report\n",
                                   "[report]\ntitle = Letter to your doctor\n");
    templatesWith(m_dir.path() / "t2", "heading = Then and now", "heading = First visit and today");
    const auto file = m_dir.path() / "worded.pdf";
    auto resources = defaultResources(dir);
    writeFile(renderProgressReport(sampleInput(5), PageSize::A4, resources), file);
    const std::string text = pdfText(file);
    EXPECT_THAT(text, HasSubstr("Letter to your doctor"));
    EXPECT_THAT(text, Not(HasSubstr("Progress report")));
    EXPECT_THAT(text, HasSubstr("Then and now"));

    resources = defaultResources(m_dir.path() / "t2");
    writeFile(renderProgressReport(sampleInput(5), PageSize::A4, resources), file);
    const std::string second = pdfText(file);
    EXPECT_THAT(second, HasSubstr("First visit and today"));
    EXPECT_THAT(second, Not(HasSubstr("Then and now")));
}

TEST_F(ProgressReport, VerdictsAndPlaceholdersComeFromTheTemplate)
{
    const auto dir = templatesWith(m_dir.path() / "t", "improved = improved", "improved = better");
    templatesWith(m_dir.path() / "u", "footer = HipRx progress report · {date}",
                  "footer = Summary of {date}");
    auto in = sampleInput(5);
    const auto file = m_dir.path() / "verdicts.pdf";
    writeFile(renderProgressReport(in, PageSize::A4, defaultResources(dir)), file);
    // Pain 6 → 2 is improved: the verdict is printed in the clinic's word.
    EXPECT_THAT(squeezed(pdfText(file)), HasSubstr("2/10 (2026-05-01) −4 better"));
    writeFile(renderProgressReport(in, PageSize::A4, defaultResources(m_dir.path() / "u")), file);
    EXPECT_THAT(pdfText(file), HasSubstr("Summary of 2026-11-20"));
}

TEST_F(ProgressReport, MissingReportWordingNamesTheKey)
{
    const auto dir = templatesWith(m_dir.path() / "t", "baseline_only = baseline only\n", "");
    try {
        renderProgressReport(sampleInput(2), PageSize::A4, defaultResources(dir));
        FAIL() << "a wording file without baseline_only was accepted";
    } catch (const RenderError& e) {
        EXPECT_THAT(std::string(e.what()), HasSubstr("[report.table] is missing 'baseline_only'"));
    }
}

TEST(HistoryCharts, OneChartPerMovementWithBothSidesAndTheNormBand)
{
    const auto in = sampleInput(3);
    const auto flexion = romChart(in.history, core::Movement::HipFlexion);
    ASSERT_TRUE(flexion);
    ASSERT_EQ(flexion->lines.size(), 2U);
    EXPECT_EQ(flexion->lines[0].label, "left");
    EXPECT_EQ(flexion->lines[1].values[2], 118.0);
    ASSERT_TRUE(flexion->bandHigh);
    EXPECT_GE(flexion->yMax, *flexion->bandHigh);
    EXPECT_FALSE(romChart(in.history, core::Movement::HipAdduction));
    // Flexion, internal rotation, pain, LEFS, PSFS.
    EXPECT_EQ(historyCharts(in.history).size(), 5U);
}


// ---- issue 17: a report a physician can file ---------------------------------------------------

/// Two visits a month apart with strength, special tests, endurance, balance and the clinician's
/// words, as workflow::progressReportInput gathers them (findings through core::findingRows).
ProgressReportInput twoVisitInput(const std::string& name)
{
    std::vector<core::DatedAssessment> list{visit(1, core::Date{2026, 10, 1}, 100, 5, 7),
                                            visit(2, core::Date{2026, 11, 1}, 104, 2, 4)};
    for (auto& v : list)
        v.assessment.patient.name = name;
    core::Assessment& first = list[0].assessment;
    core::Assessment& now = list[1].assessment;
    first.strength.right[core::StrengthMuscle::GluteusMedius] = {3, 1}; // 3+
    now.strength.right[core::StrengthMuscle::GluteusMedius] = {4, 0};   // 4: two steps, stronger
    first.strength.right[core::StrengthMuscle::GluteusMaximus] = {4, -1};
    now.strength.right[core::StrengthMuscle::GluteusMaximus] = {4, 0};  // one step: within error
    first.tests.right[core::SpecialTest::Trendelenburg] = core::TestResult::positive();
    now.tests.right[core::SpecialTest::Trendelenburg] = core::TestResult::negative();
    first.tests.right[core::SpecialTest::Ober] = core::TestResult::negative();
    now.tests.right[core::SpecialTest::Ober] = core::TestResult::positive();
    first.endurance.plankHoldS = 25;
    now.endurance.plankHoldS = 40;
    first.balance.singleLegStanceS.right = 8;
    now.balance.singleLegStanceS.right = 15;
    now.visit.impression = "Gluteal tendon overload settling; abductors stronger.";
    now.visit.plan = "Standing abductor loading and step-ups; review in three weeks.";
    now.visit.goals = "Two flights of stairs without stopping.";

    ProgressReportInput in;
    in.patient.name = name;
    in.patient.birthDate = core::Date{1958, 4, 9};
    in.patient.externalId = "MRN-20417";
    in.date = "2026-11-01";
    in.dateFormat = core::DateFormat::Iso;
    in.branding = fixtures::clinic();
    in.branding.therapistName = "Kofi Osei";
    in.branding.therapistCredentials = "PT, MSc";
    std::vector<core::Assessment> ordered{first, now};
    in.findings = core::findingRows(ordered, 1);
    in.impression = now.visit.impression;
    in.plan = now.visit.plan;
    in.goals = now.visit.goals;
    in.history = core::buildHistory(std::move(list));
    in.program = fixtures::program(4);
    return in;
}

TEST_F(ProgressReport, AFullNameThatFitsIsPrintedWholeOnOneLineWithBirthDateAndRecord)
{
    for (const PageSize size : {PageSize::A4, PageSize::Letter}) {
        auto in = twoVisitInput("Καλλιόπη Παπαδοπούλου-Αθανασοπούλου");
        in.branding.clinicName = "Riverside Physiotherapy, Sports Injury and Hand Therapy Clinic of the North Shore";
        in.branding.logoPath = (fixtures::templatesDir() / ".." / "tests" / "render" / "data" / "logo.png").string();
        const auto file = render(in, size);
        EXPECT_EQ(pageCount(file), 1);
        const std::string text = pdfText(file);
        EXPECT_THAT(text, HasSubstr("Καλλιόπη Παπαδοπούλου-Αθανασοπούλου")) << "the name on one line";
        EXPECT_THAT(text, HasSubstr("born 1958-04-09"));
        EXPECT_THAT(text, HasSubstr("record MRN-20417"));
        for (const char* part : {"Riverside Physiotherapy", "Sports Injury", "Hand Therapy Clinic", "North Shore"})
            EXPECT_THAT(squeezed(text), HasSubstr(part)) << "the clinic's name is never cut";
        EXPECT_THAT(text, Not(HasSubstr("…"))) << text;
        EXPECT_THAT(pdfcheck::run("pdfimages -list '" + file.string() + "'"), HasSubstr("image"))
            << "the clinic's logo is drawn";
    }
}

TEST_F(ProgressReport, TheClinicianSignsWithCredentialsAndTheReportDate)
{
    const std::string text = squeezed(pdfText(render(twoVisitInput("Ines Invented"))));
    EXPECT_THAT(text, HasSubstr("Signature"));
    EXPECT_THAT(text, HasSubstr("Kofi Osei, PT, MSc, 2026-11-01"));

    // No therapist in the branding: the clinician recorded at the latest visit signs.
    auto in = twoVisitInput("Ines Invented");
    in.branding.therapistName.clear();
    in.branding.therapistCredentials.clear();
    EXPECT_THAT(squeezed(pdfText(render(in))), HasSubstr("J. Park, PT, 2026-11-01"));
}

TEST_F(ProgressReport, StrengthTestsEnduranceAndBalanceAreShownThenAndNowWithVerdicts)
{
    for (const PageSize size : {PageSize::A4, PageSize::Letter}) {
        const auto file = render(twoVisitInput("Ines Invented"), size);
        EXPECT_EQ(pageCount(file), 1);
        const std::string text = squeezed(pdfText(file));
        EXPECT_THAT(text, HasSubstr("Strength, tests, endurance and balance"));
        // The first and the latest visit's dates head the columns.
        EXPECT_THAT(text, HasSubstr("Finding 2026-10-01 2026-11-01 Change Verdict"));
        EXPECT_THAT(text, HasSubstr("gluteus medius (right) 3+ 4 — better"));
        EXPECT_THAT(text, HasSubstr("gluteus maximus (right) 4- 4 — within testing error"));
        EXPECT_THAT(text, HasSubstr("Trendelenburg sign (right) positive negative — better"));
        EXPECT_THAT(text, HasSubstr("Ober's test (right) negative positive — worse"));
        EXPECT_THAT(text, HasSubstr("plank hold 25 s 40 s +15 s changed"));
        // (pdftotext joins a one-digit "8 s" in a narrow cell into "8s": the cells are checked apart.)
        EXPECT_THAT(text, HasSubstr("single-leg stance (right) 8"));
        EXPECT_THAT(text, HasSubstr("15 s +7 s changed"));
    }
}

TEST_F(ProgressReport, TheCliniciansImpressionPlanAndGoalsAreShown)
{
    const std::string text = squeezed(pdfText(render(twoVisitInput("Ines Invented"), PageSize::Letter)));
    EXPECT_THAT(text, HasSubstr("Impression Gluteal tendon overload settling; abductors stronger."));
    EXPECT_THAT(text, HasSubstr("Plan Standing abductor loading and step-ups; review in three weeks."));
    EXPECT_THAT(text, HasSubstr("Goals Two flights of stairs without stopping."));

    auto in = twoVisitInput("Ines Invented");
    in.impression.clear();
    in.plan.clear();
    in.goals.clear();
    EXPECT_THAT(squeezed(pdfText(render(in))), Not(HasSubstr("Impression")));
}

TEST_F(ProgressReport, OneMoreChartIsSingular)
{
    auto in = sampleInput(3);
    // Seven charts (pain, LEFS, PSFS, four movements): six are drawn, one is left to the app.
    std::vector<core::DatedAssessment> list;
    for (std::int64_t i = 1; i <= 3; ++i) {
        auto v = visit(i, core::Date{2026, static_cast<int>(i), 1}, 90, 4, 5);
        v.assessment.rom.left[core::Movement::HipAbduction] = 30;
        v.assessment.rom.left[core::Movement::HipExtension] = 10;
        list.push_back(std::move(v));
    }
    in.history = core::buildHistory(std::move(list));
    ASSERT_EQ(historyCharts(in.history).size(), 7U);
    const std::string text = squeezed(pdfText(render(in)));
    EXPECT_THAT(text, HasSubstr("1 more chart is in the clinic's records."));
    EXPECT_THAT(text, Not(HasSubstr("1 more charts")));
}

TEST_F(ProgressReport, TheChartAxesWriteDatesInTheClinicsFormat)
{
    auto in = twoVisitInput("Ines Invented");
    in.dateFormat = core::DateFormat::Long;
    const std::string text = squeezed(pdfText(render(in, PageSize::A4)));
    ASSERT_THAT(text, HasSubstr("Over time")) << "charts drawn";
    EXPECT_THAT(text, HasSubstr("1 Oct 2026")) << "the axis labels, short";
    EXPECT_THAT(text, Not(HasSubstr("2026-10-01"))) << "no ISO date anywhere on a long-format report";
}

TEST_F(ProgressReport, WhenNoChartFitsTheReportSaysWhereTheyAreNotThatThereAreMore)
{
    // The full two-visit report on Letter with a long impression: findings, both tables and the
    // clinician's words leave no room for a readable chart.
    auto in = twoVisitInput("Ines Invented");
    for (int i = 0; i < 4; ++i)
        in.impression += " Load tolerance is improving in step with the program; the lateral hip pain at night has "
                         "settled and stairs are easier, though a long walk still brings the ache back.";
    const std::string text = squeezed(pdfText(render(in, PageSize::Letter)));
    ASSERT_THAT(text, Not(HasSubstr("Over time"))) << "this sample must leave no room for a chart";
    EXPECT_THAT(text, HasSubstr("charts of these findings are in the clinic's records."));
    EXPECT_THAT(text, Not(HasSubstr("more charts"))) << "'more' than none drawn";
}

} // namespace
} // namespace hiprx::render
