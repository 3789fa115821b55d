// SPDX-License-Identifier: GPL-3.0-or-later
//
// The history window on a real database: several visits, their charts drawn, programs reprinted
// byte for byte, the progress report written, the next program suggested.
#include "app/chart_view.h"
#include "app/history_panel.h"
#include "app/wx_canvas.h"
#include "app/wx_text.h"

#include "../render/render_fixtures.h"
#include "gui_test_support.h"

#include "render/home_program.h"
#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/listctrl.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/graphics.h>
#include <wx/image.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::TempFolder;

std::string pdfText(const std::filesystem::path& pdf)
{
    const std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
        out += buf.data();
    return out;
}

std::vector<std::uint8_t> readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Pixels in the colour of the chart's first line when `chart` is drawn on a 320 × 200 bitmap.
int linePixels(const render::ChartSpec& chart)
{
    wxBitmap bitmap(320, 200, 24);
    {
        wxMemoryDC dc(bitmap);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        ChartView::drawTo(*gc, chart, wxSize(320, 200));
    }
    const wxImage image = bitmap.ConvertToImage();
    const wxColour want = toWxColour(chart.lines.front().color);
    int count = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (std::abs(image.GetRed(x, y) - want.Red()) + std::abs(image.GetGreen(x, y) - want.Green()) +
                    std::abs(image.GetBlue(x, y) - want.Blue()) <
                60)
                ++count;
    return count;
}

core::Exercise exercise(const std::string& id, core::ExerciseKind kind, std::vector<std::string> harder = {})
{
    core::Exercise e;
    e.id = id;
    e.name = id;
    e.kind = kind;
    e.startPosition = "Lie on your back.";
    e.steps = {"Get ready.", "Move slowly.", "Come back."};
    e.defaultDose.sets = 2;
    e.defaultDose.reps = 10;
    e.harder = std::move(harder);
    return e;
}

class HistoryPanelTest : public testing::Test {
protected:
    void SetUp() override
    {
        m_db = std::make_unique<store::Database>(store::Database::open(m_dir.path() / "history.sqlite"));
        core::Patient p;
        p.name = "Greta Invented";
        p.birthDate = core::Date{1968, 5, 6};
        m_patient = store::PatientRepository(*m_db).create(p, {});
        m_library = core::ExerciseLibrary(
            {exercise("glute_bridge", core::ExerciseKind::Strengthen, {"single_leg_bridge"}),
             exercise("single_leg_bridge", core::ExerciseKind::Strengthen),
             exercise("hamstring_strap_stretch", core::ExerciseKind::Stretch)});
    }
    void TearDown() override
    {
        if (m_frame)
            m_frame->Destroy();
        pump();
    }

    /// `count` visits a fortnight apart: flexion creeping up, pain settling, LEFS rising.
    std::vector<std::int64_t> addVisits(int count)
    {
        std::vector<std::int64_t> ids;
        store::VisitRepository visits(*m_db);
        for (int i = 0; i < count; ++i) {
            core::Assessment a;
            a.patient.name = "Greta Invented";
            a.visit.date = core::Date{2025 + i / 24, 1 + (i / 2) % 12, 1 + 14 * (i % 2)};
            a.visit.clinician = "J. Park, PT";
            a.rom.left[core::Movement::HipFlexion] = 90 + i;
            a.rom.right[core::Movement::HipFlexion] = 118;
            a.rom.left[core::Movement::HipExtension] = i % 10;
            a.rom.left[core::Movement::HipInternalRotation] = 20 + i / 2;
            a.rom.right[core::Movement::HipInternalRotation] = 35;
            a.pain.nprsNow = std::max(1, 7 - i / 3);
            a.pain.nprsWorst24h = std::max(2, 8 - i / 3);
            a.outcomes.lefs.assign(core::kLefsItemCount, std::min(4, 1 + i / 6));
            a.outcomes.psfs = {{"stairs", std::min(10, 3 + i / 3)}, {"gardening", 4}};
            ids.push_back(visits.create(m_patient, a, {}));
        }
        return ids;
    }

    /// Issues a two-exercise program at `visit` with a real rendered PDF.
    store::IssuedProgram issue(std::int64_t visit)
    {
        core::Program program;
        for (const char* id : {"glute_bridge", "hamstring_strap_stretch"}) {
            const core::Exercise* e = m_library.find(id);
            core::ProgramItem item;
            item.exerciseId = e->id;
            item.name = e->name;
            item.kind = e->kind;
            item.dose = e->defaultDose;
            item.steps = e->steps;
            item.startPosition = e->startPosition;
            program.items.push_back(item);
        }
        render::HomeProgramInput input;
        input.patient.name = "Greta Invented";
        input.date = "2025-01-01";
        input.branding = render::fixtures::clinic();
        input.program = program;
        const auto pdf = render::renderHomeProgram(
            input, render::PageSize::A4, render::defaultResources(render::fixtures::templatesDir()));
        return store::VisitRepository(*m_db).issueProgram(visit, program, {}, {}, pdf);
    }

    HistoryPanel* open(HistoryOptions options = {})
    {
        m_frame = new wxFrame(nullptr, wxID_ANY, "History test", wxDefaultPosition, wxSize(1280, 800));
        auto* panel = new HistoryPanel(m_frame, *m_db, m_patient, std::move(options));
        m_frame->Show();
        m_frame->Layout();
        pump(100);
        return panel;
    }

    TempFolder m_dir;
    std::unique_ptr<store::Database> m_db;
    std::int64_t m_patient = 0;
    core::ExerciseLibrary m_library;
    wxFrame* m_frame = nullptr;
};

TEST_F(HistoryPanelTest, ShowsEveryVisitAndDrawsEveryChart)
{
    addVisits(6);
    HistoryPanel* panel = open();
    EXPECT_EQ(panel->visitRows(), 6);
    // Flexion, extension, internal rotation, pain, LEFS, PSFS.
    ASSERT_EQ(panel->charts().size(), 6U);
    EXPECT_EQ(panel->charts()[0]->chart().title, "Hip flexion (°)");
    EXPECT_EQ(panel->charts()[0]->chart().lines.size(), 2U);
    // The first chart is on screen and was painted; every chart draws (off screen, so the test
    // does not depend on the Xvfb screen size).
    EXPECT_GT(panel->charts()[0]->paintCount(), 0);
    for (ChartView* chart : panel->charts())
        EXPECT_GT(linePixels(chart->chart()), 150) << chart->chart().title;
    // The latest visit is selected: each of its measures has a row.
    EXPECT_EQ(panel->measureRows(), static_cast<int>(panel->history().visits.back().values.size()));
    panel->selectVisit(0);
    EXPECT_EQ(panel->measureRows(), static_cast<int>(panel->history().visits.front().values.size()));
    // Every change and verdict can be read whole ("+4  within measurement error").
    panel->selectVisit(panel->history().visits.size() - 1);
    const wxListCtrl* list = panel->measureList();
    for (int row = 0; row < list->GetItemCount(); ++row)
        for (int col = 0; col < list->GetColumnCount(); ++col) {
            const wxString text = list->GetItemText(row, col);
            EXPECT_LE(list->GetTextExtent(text).x, list->GetColumnWidth(col)) << fromWx(text);
        }

    if (const char* hold = std::getenv("HIPRX_GUI_HOLD_MS")) // for screenshots
        pump(std::atoi(hold));
}

// Strength, special tests, endurance and balance are listed with their change (issue 15, item 9):
// a gluteus medius going 3+ → 4 and an Ober going positive → negative are seen at the follow-up.
TEST_F(HistoryPanelTest, ListsStrengthTestsEnduranceAndBalanceThenAndNow)
{
    store::VisitRepository visits(*m_db);
    for (int i = 0; i < 2; ++i) {
        core::Assessment a;
        a.patient.name = "Greta Invented";
        a.visit.date = core::Date{2025, 3, 1 + 14 * i};
        a.visit.clinician = "J. Park, PT";
        a.strength.right[core::StrengthMuscle::GluteusMedius] = i == 0 ? core::StrengthGrade{3, 1}
                                                                        : core::StrengthGrade{4, 0};
        a.tests.right[core::SpecialTest::Ober] = i == 0 ? core::TestResult::positive() : core::TestResult::negative();
        a.endurance.plankHoldS = i == 0 ? 30 : 45;
        a.balance.singleLegStanceS.left = i == 0 ? 4 : 9;
        visits.create(m_patient, a, {});
    }
    HistoryPanel* panel = open();
    panel->selectVisit(1);
    const wxListCtrl* list = panel->measureList();
    auto rowText = [&](const std::string& label) {
        for (long r = 0; r < list->GetItemCount(); ++r)
            if (list->GetItemText(r, 0) == toWx(label))
                return fromWx(list->GetItemText(r, 1)) + " | " + fromWx(list->GetItemText(r, 2));
        return std::string("(no row)");
    };
    EXPECT_EQ(rowText("gluteus medius (right)"), "4 | from 3+: stronger");
    EXPECT_EQ(rowText("Ober's test (right)"), "negative | from positive: now negative");
    EXPECT_EQ(rowText("plank hold"), "45 s | from 30 s: +15 s");
    EXPECT_EQ(rowText("single-leg stance (left)"), "9 s | from 4 s: +5 s");
    // Saved under the patient's name and the latest visit's date (issue 15, item 10).
    EXPECT_EQ(panel->reportFileName(), "Greta Invented - progress report - 2025-03-15.pdf");
}

TEST_F(HistoryPanelTest, EmptyHistoryOpensWithoutCharts)
{
    HistoryPanel* panel = open();
    EXPECT_EQ(panel->visitRows(), 0);
    EXPECT_TRUE(panel->charts().empty());
    EXPECT_EQ(panel->programRows(), 0);
    EXPECT_FALSE(panel->suggestNextProgram());
}

TEST_F(HistoryPanelTest, ReprintIsTheStoredPdfByteForByte)
{
    const auto visits = addVisits(3);
    const auto issued = issue(visits[0]);
    issue(visits[2]);
    HistoryPanel* panel = open();
    ASSERT_EQ(panel->programRows(), 2);
    const auto file = m_dir.path() / "reprint.pdf";
    panel->reprint(0, file);
    EXPECT_EQ(readBytes(file), issued.pdf);
    const auto original = m_dir.path() / "original.pdf";
    render::writeFile(issued.pdf, original);
    const std::string text = pdfText(file);
    EXPECT_NE(text.find("Greta Invented"), std::string::npos);
    EXPECT_EQ(text, pdfText(original));
}

TEST_F(HistoryPanelTest, WritesTheProgressReportWithTheCurrentProgram)
{
    const auto visits = addVisits(4);
    issue(visits[1]);
    HistoryPanel* panel = open();
    const auto file = m_dir.path() / "progress.pdf";
    panel->writeProgressReport(file);
    const std::string text = pdfText(file);
    EXPECT_NE(text.find("Progress report"), std::string::npos);
    EXPECT_NE(text.find("glute_bridge"), std::string::npos);
}

TEST_F(HistoryPanelTest, NextProgramStepsFromTheLastIssued)
{
    const auto visits = addVisits(8);
    issue(visits[7]);
    HistoryOptions options;
    options.library = &m_library;
    HistoryPanel* panel = open(options);
    const auto next = panel->suggestNextProgram();
    ASSERT_TRUE(next);
    ASSERT_EQ(next->items.size(), 2U);
    EXPECT_EQ(next->items[0].harder, std::vector<std::string>{"single_leg_bridge"});
    EXPECT_EQ(next->step, core::suggestStep(panel->history()));
}

TEST_F(HistoryPanelTest, ThirtyVisitsOpenWithEveryChartDrawn)
{
    // Speed is the benchmark's job (tests/bench/history_bench.cpp, target 50 ms); this checks that a
    // long history opens whole.
    addVisits(30);
    m_frame = new wxFrame(nullptr, wxID_ANY, "History test", wxDefaultPosition, wxSize(1280, 800));
    m_frame->Show();
    pump();
    auto* panel = new HistoryPanel(m_frame, *m_db, m_patient);
    m_frame->Layout();
    m_frame->Update(); // paints the charts now
    EXPECT_EQ(panel->visitRows(), 30);
    EXPECT_FALSE(panel->charts().empty());
}

} // namespace
} // namespace hiprx::app
