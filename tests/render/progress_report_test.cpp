// SPDX-License-Identifier: GPL-3.0-or-later
//
// The progress report read back with pdftotext: one page, the table with verdicts, the alerts, the
// charts' titles (drawn through the chart code) and the current program.
#include "render/progress_report.h"

#include "pdf_tools.h"
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

} // namespace
} // namespace hiprx::render
