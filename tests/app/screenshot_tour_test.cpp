// SPDX-License-Identifier: GPL-3.0-or-later
//
// Not a check but a camera: with HIPRX_SCREENSHOT_DIR set (and DISPLAY on an Xvfb screen), walks
// through every screen of a visit and saves app-*.png there with ImageMagick's `import`. Skipped
// otherwise, so CTest runs stay quick.
#include "app/assessment_form.h"
#include "app/body_chart.h"
#include "app/main_frame.h"
#include "app/patient_dialog.h"
#include "app/program_builder.h"
#include "app/settings_dialog.h"

#include "gui_test_support.h"

#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/notebook.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

void shoot(const std::string& dir, const std::string& name)
{
    pump(400);
    const std::string command = "import -window root '" + dir + "/app-" + name + ".png'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

/// Scrolls the form so that `target` is near the top of its view.
void scrollTo(wxScrolledWindow* form, wxWindow* target)
{
    int unitX = 1, unitY = 1;
    form->GetScrollPixelsPerUnit(&unitX, &unitY);
    const wxPoint at = form->CalcUnscrolledPosition(form->ScreenToClient(target->GetScreenPosition()));
    form->Scroll(0, std::max(0, at.y / std::max(1, unitY) - 4));
}

TEST(ScreenshotTour, EveryScreenOfAVisit)
{
    const char* dirEnv = std::getenv("HIPRX_SCREENSHOT_DIR");
    if (!dirEnv)
        GTEST_SKIP() << "set HIPRX_SCREENSHOT_DIR to take screenshots";
    const std::string dir = dirEnv;
    TempFolder folder;
    auto* frame = new MainFrame(store::Database::open(folder.path() / "tour.sqlite"));
    ScriptedPrompts prompts;
    prompts.fallback = true;
    frame->setPrompts(prompts.prompts());
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    pump();
    ASSERT_TRUE(frame->offerDemoPatient());
    const auto demoId = frame->openPatientId();
    for (const char* name : {"Tomás Álvarez", "Ana Ruiz", "Grace Okafor", "Mei Tanaka", "Omar Haddad"}) {
        core::Patient p;
        p.name = name;
        p.birthDate = core::Date{1970 + static_cast<int>(std::string(name).size()), 5, 9};
        store::Database db = store::Database::open(folder.path() / "tour.sqlite");
        store::PatientRepository(db).create(p, {"tour"});
    }
    frame->showPatientList();
    frame->search("");
    shoot(dir, "1-patients");

    {
        PatientDialog dialog(frame, core::Patient{});
        dialog.setField("patient.name", "");
        dialog.setField("patient.birth_date", "1979-13-02");
        dialog.check();
        dialog.Show();
        shoot(dir, "2-new-patient-problems");
        dialog.Hide();
    }

    frame->openPatient(demoId);
    shoot(dir, "3-patient-page");

    // The demo visit, with one typing error left in to show how problems look.
    std::int64_t demoVisit = 0;
    {
        store::Database db = store::Database::open(folder.path() / "tour.sqlite");
        demoVisit = store::VisitRepository(db).listForPatient(demoId).at(0).id;
    }
    VisitPage* visit = frame->openVisit(demoVisit);
    ASSERT_NE(visit, nullptr);
    // The body chart, balance and the red-flag screen beside the reasoning they feed.
    AssessmentForm* form = visit->form();
    form->setValue("tests.left.fadir", "positive");
    form->setValue("tests.right.ober", "positive");
    form->toggleArea({core::BodyRegion::LateralHip, core::BodySide::Right});
    form->toggleArea({core::BodyRegion::Buttock, core::BodySide::Right});
    form->toggleArea({core::BodyRegion::Groin, core::BodySide::Left});
    form->setValue("balance.falls_past_year", "1");
    form->setValue("balance.single_leg_stance_s.left", "9");
    form->setValue("balance.single_leg_stance_s.right", "4");
    form->setValue("red_flags_screened", "1");
    scrollTo(form, form->bodyChart());
    shoot(dir, "4-assessment-and-reasoning");
    // One typing error left in to show how problems look.
    form->setValue("tests.left.slr", "200");
    scrollTo(form, form->field("tests.left.thomas_iliopsoas"));
    shoot(dir, "5-assessment-tests-strength");
    form->setValue("tests.left.slr", "");

    visit->notebook()->SetSelection(VisitPage::kProgramTab);
    visit->builder()->selectItem(0);
    shoot(dir, "6-program-builder");

    visit->notebook()->SetSelection(VisitPage::kPreviewTab);
    shoot(dir, "7-preview");

    // As a person would: back to the assessment to tick the flags, then to the preview (which is
    // made afresh when its tab is opened).
    visit->notebook()->SetSelection(VisitPage::kAssessmentTab);
    visit->form()->setValue("red_flags.history_of_cancer", "1");
    visit->form()->setValue("red_flags.unexplained_weight_loss", "1");
    visit->notebook()->SetSelection(VisitPage::kPreviewTab);
    shoot(dir, "8-urgent-referral");

    visit->form()->setValue("red_flags.saddle_anaesthesia", "1");
    visit->notebook()->SetSelection(VisitPage::kProgramTab);
    shoot(dir, "9-emergency-locked");

    {
        SettingsDialog settings(frame, frame->database());
        settings.setField("clinic_name", "Riverside Physio");
        settings.setField("therapist_name", "J. Park");
        settings.setField("therapist_credentials", "PT, DPT");
        settings.Show();
        shoot(dir, "10-settings");
        settings.Hide();
    }
    frame->Destroy();
    pump();
}

} // namespace
} // namespace hiprx::app

namespace hiprx::app {
namespace {

/// Not a check but a stopwatch: with HIPRX_BENCH_DB naming a large database (tests/bench/generate_db),
/// times start to usable window, opening a patient and the reasoning refresh after a field change,
/// through the real windows. Skipped otherwise.
TEST(GuiTimings, StartOpenPatientAndReasoningRefresh)
{
    const char* path = std::getenv("HIPRX_BENCH_DB");
    if (!path)
        GTEST_SKIP() << "set HIPRX_BENCH_DB to time the GUI on a large database";
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point from) {
        return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
    };
    auto start = Clock::now();
    auto* frame = new MainFrame(store::Database::open(path));
    ScriptedPrompts prompts;
    frame->setPrompts(prompts.prompts());
    frame->Show();
    wxTheApp->Yield(true);
    std::printf("start to usable window: %.1f ms\n", ms(start));

    // Twenty different patients, each read for the first time (the first one also warms the file).
    std::vector<double> opens;
    for (int k = 0; k < 20; ++k) {
        start = Clock::now();
        frame->openPatient(4242 + k * 997);
        wxTheApp->Yield(true);
        opens.push_back(ms(start));
        if (std::getenv("HIPRX_TRACE_OPENS")) // each open, to find a slow one
            std::printf("  %d: %.1f ms, %d visits\n", k, opens.back(), frame->visitRows());
    }
    std::printf("open patient (first of 20): %.1f ms\n", opens.front());
    std::sort(opens.begin(), opens.end());
    std::printf("open patient: median %.1f ms, p95 %.1f ms (%d visits in the last)\n", opens[opens.size() / 2],
                opens[opens.size() * 95 / 100], frame->visitRows());
    frame->openPatient(4242);

    VisitPage* visit = frame->newVisit();
    ASSERT_NE(visit, nullptr);
    std::vector<double> times;
    for (int i = 0; i < 40; ++i) {
        start = Clock::now();
        visit->form()->setValue("rom.left.hip_extension", std::to_string(i % 20));
        times.push_back(ms(start));
    }
    std::sort(times.begin(), times.end());
    std::printf("reasoning refresh after a field change: median %.2f ms, p95 %.2f ms\n", times[times.size() / 2],
                times[times.size() * 95 / 100]);
    frame->Destroy();
    pump();
}

} // namespace
} // namespace hiprx::app
