// SPDX-License-Identifier: GPL-3.0-or-later
//
// The follow-up visit through the real windows: LEFS and PSFS typed into the assessment form (live
// scores, marks at wrong fields, keyboard), saved and read back by the store and the history, and a
// new visit started from the last program with its progressions.
#include "app/assessment_form.h"
#include "app/history_panel.h"
#include "app/main_frame.h"
#include "app/program_builder.h"

#include "gui_test_support.h"

#include "store/history_queries.h"
#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/notebook.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace hiprx::app {
namespace {

using test_support::kTestToday;
using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

std::string lefsPath(int item)
{
    return "outcomes.lefs[" + std::to_string(item) + "]";
}
std::string psfsPath(int row, const std::string& field)
{
    return "outcomes.psfs[" + std::to_string(row) + "]." + field;
}

/// True when the label's text holds `part` (compared as UTF-8: wx must not convert "0–4" itself).
bool has(const wxString& text, const std::string& part)
{
    return fromWx(text).find(part) != std::string::npos;
}

const core::MeasureValue* measure(const core::VisitProgress& visit, core::MeasureKind kind)
{
    for (const auto& v : visit.values)
        if (v.measure.kind == kind)
            return &v;
    return nullptr;
}

class OutcomeMeasuresTest : public testing::Test {
protected:
    void SetUp() override
    {
        m_frame = new MainFrame(store::Database::open(m_dir.path() / "followup.sqlite"));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
        core::Patient p;
        p.name = "Rosa Invented";
        p.birthDate = core::Date{1971, 9, 14};
        m_patientId = m_frame->createPatient(p).value_or(0);
        ASSERT_NE(m_patientId, 0);
    }
    void TearDown() override
    {
        m_prompts.fallback = false; // an unsaved visit left open stays a draft only
        m_frame->Destroy();
        pump();
    }

    /// A new visit dated `date` with every LEFS item set to `lefs` (blank for the items in
    /// `blanks`) and the PSFS rows given.
    VisitPage* typeVisit(const std::string& date, int lefs, std::vector<int> blanks,
                         std::vector<std::pair<std::string, std::string>> psfsRows)
    {
        VisitPage* visit = m_frame->newVisit();
        EXPECT_NE(visit, nullptr);
        AssessmentForm* form = visit->form();
        form->setValue("visit.date", date);
        form->setValue("rom.left.hip_flexion", "100");
        form->setValue("pain.nprs_now", "4");
        for (int i = 0; i < 20; ++i)
            form->setValue(lefsPath(i),
                           std::count(blanks.begin(), blanks.end(), i) ? "" : std::to_string(lefs));
        for (std::size_t row = 0; row < psfsRows.size(); ++row) {
            form->setValue(psfsPath(static_cast<int>(row), "activity"), psfsRows[row].first);
            form->setValue(psfsPath(static_cast<int>(row), "score"), psfsRows[row].second);
        }
        pump();
        return visit;
    }

    /// An exercise of the real library with a harder version that exists, and that version's id.
    std::pair<const core::Exercise*, std::string> exerciseWithHarder() const
    {
        const auto& library = m_frame->library();
        for (const core::Exercise& e : library.all())
            for (const std::string& id : e.harder)
                if (library.find(id))
                    return {&e, id};
        return {nullptr, {}};
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
    std::int64_t m_patientId = 0;
};

TEST_F(OutcomeMeasuresTest, LefsTotalIsLiveAndProratesUpToFourBlankItems)
{
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    AssessmentForm* form = visit->form();
    EXPECT_TRUE(has(form->lefsSummary(), "not given")) << fromWx(form->lefsSummary());

    for (int i = 0; i < 20; ++i)
        form->setValue(lefsPath(i), i < 10 ? "3" : "2");
    EXPECT_EQ(form->lefsSummary(), "LEFS total: 50/80");

    // Two blanks (items 1 and 2, both 3s): 44 from 18 items, prorated to 44 × 20 / 18 = 48.9 → 49.
    form->setValue(lefsPath(0), "");
    form->setValue(lefsPath(1), " ");
    EXPECT_TRUE(has(form->lefsSummary(), "LEFS total: 49/80")) << fromWx(form->lefsSummary());
    EXPECT_TRUE(has(form->lefsSummary(), "prorated: 2 missing")) << fromWx(form->lefsSummary());

    // Five blanks are too many.
    for (int i = 2; i < 5; ++i)
        form->setValue(lefsPath(i), "");
    EXPECT_TRUE(has(form->lefsSummary(), "cannot score: more than 4 missing")) << fromWx(form->lefsSummary());
    const FormReading reading = form->read(visit->patient(), kTestToday);
    EXPECT_TRUE(reading.problems.empty()); // a questionnaire that cannot be scored may still be saved
    ASSERT_EQ(reading.assessment.outcomes.lefs.size(), 20U);
    EXPECT_FALSE(reading.assessment.outcomes.lefs[4]);
    EXPECT_EQ(reading.assessment.outcomes.lefs[5], 3);
}

TEST_F(OutcomeMeasuresTest, OutOfRangeAnswersAreMarkedAtTheirFieldWithTheRange)
{
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    AssessmentForm* form = visit->form();
    for (int i = 0; i < 20; ++i)
        form->setValue(lefsPath(i), "4");
    form->setValue(lefsPath(6), "7");
    form->setValue(psfsPath(0, "activity"), "climbing stairs");
    form->setValue(psfsPath(0, "score"), "11");
    form->setValue(psfsPath(2, "score"), "5"); // rated, but the activity has no name
    pump();

    EXPECT_TRUE(form->isMarked(lefsPath(6)));
    EXPECT_FALSE(form->isMarked(lefsPath(5)));
    EXPECT_EQ(fromWx(form->field(lefsPath(6))->GetToolTipText()), "outcomes.lefs[6]: 7 is outside 0–4");
    EXPECT_TRUE(has(form->lefsSummary(), "item 7 must be a whole number 0–4")) << fromWx(form->lefsSummary());
    EXPECT_TRUE(form->isMarked(psfsPath(0, "score")));
    EXPECT_EQ(fromWx(form->field(psfsPath(0, "score"))->GetToolTipText()),
              "outcomes.psfs[0].score: 11 is outside 0–10");
    // The unnamed activity is the second one stored, but the mark lands on the row it was typed in.
    EXPECT_TRUE(form->isMarked(psfsPath(2, "activity")));
    EXPECT_FALSE(form->isMarked(psfsPath(1, "activity")));
    EXPECT_TRUE(has(form->psfsSummary(), "activity 1 must be a whole number 0–10"))
        << fromWx(form->psfsSummary());

    EXPECT_FALSE(visit->saveVisit());
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_NE(m_prompts.errors.back().find("outcomes.lefs[6]: 7 is outside 0–4"), std::string::npos);

    form->setValue(lefsPath(6), "2");
    form->setValue(psfsPath(0, "score"), "4");
    form->setValue(psfsPath(2, "activity"), "kneeling in the garden");
    pump();
    EXPECT_FALSE(form->isMarked(lefsPath(6)));
    EXPECT_EQ(form->lefsSummary(), "LEFS total: 78/80");
    EXPECT_TRUE(has(form->psfsSummary(), "PSFS mean: 4.5/10")) << fromWx(form->psfsSummary());
    EXPECT_TRUE(visit->saveVisit());
}

TEST_F(OutcomeMeasuresTest, EnterMovesThroughTheItemsInOrder)
{
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    AssessmentForm* form = visit->form();
    wxUIActionSimulator sim;
    form->field(lefsPath(0))->SetFocus();
    pump();
    for (const char* answer : {"4", "3", "2"}) {
        sim.Text(answer);
        sim.Char(WXK_RETURN);
        pump();
    }
    EXPECT_EQ(form->value(lefsPath(0)), "4");
    EXPECT_EQ(form->value(lefsPath(1)), "3");
    EXPECT_EQ(form->value(lefsPath(2)), "2");
    EXPECT_EQ(wxWindow::FindFocus(), form->field(lefsPath(3)));
    // From the last LEFS item, Enter goes on to the first PSFS activity; Tab order is the same.
    form->field(lefsPath(19))->SetFocus();
    pump();
    sim.Char(WXK_RETURN);
    pump();
    EXPECT_EQ(wxWindow::FindFocus(), form->field(psfsPath(0, "activity")));
    sim.Text("stairs");
    sim.Char(WXK_RETURN);
    pump();
    sim.Text("6");
    pump();
    EXPECT_EQ(form->value(psfsPath(0, "activity")), "stairs");
    EXPECT_EQ(form->value(psfsPath(0, "score")), "6");
    EXPECT_TRUE(has(form->psfsSummary(), "PSFS mean: 6/10")) << fromWx(form->psfsSummary());
}

TEST_F(OutcomeMeasuresTest, SavedScoresRoundTripAndShowInTheHistory)
{
    VisitPage* first =
        typeVisit("2026-09-01", 2, {}, {{"climbing stairs", "3"}, {"", ""}, {"kneeling", "5"}});
    ASSERT_TRUE(first->saveVisit());
    const auto firstId = first->visitId();
    // Item 5 unanswered: 19 × 3 = 57, prorated 57 × 20 / 19 = 60. Stairs typed on the second row.
    VisitPage* second =
        typeVisit("2026-10-01", 3, {4}, {{"", ""}, {"climbing stairs", "7"}, {"kneeling", "6"}});
    EXPECT_TRUE(has(second->form()->lefsSummary(), "LEFS total: 60/80"))
        << fromWx(second->form()->lefsSummary());
    ASSERT_TRUE(second->saveVisit());
    const auto secondId = second->visitId();

    const auto stored = store::VisitRepository(m_frame->database()).find(secondId);
    ASSERT_TRUE(stored);
    const core::Outcomes& outcomes = stored->assessment.outcomes;
    ASSERT_EQ(outcomes.lefs.size(), 20U);
    EXPECT_FALSE(outcomes.lefs[4]);
    EXPECT_EQ(outcomes.lefs[0], 3);
    ASSERT_EQ(outcomes.psfs.size(), 2U);
    EXPECT_EQ(outcomes.psfs[0], (core::PsfsItem{"climbing stairs", 7}));
    EXPECT_EQ(outcomes.psfs[1], (core::PsfsItem{"kneeling", 6}));

    // Opened again, the form shows what was stored (the stored rows first).
    VisitPage* reopened = m_frame->openVisit(firstId);
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(reopened->form()->value(lefsPath(0)), "2");
    EXPECT_EQ(reopened->form()->value(psfsPath(1, "activity")), "kneeling");
    EXPECT_EQ(reopened->form()->lefsSummary(), "LEFS total: 40/80");
    EXPECT_TRUE(has(reopened->form()->psfsSummary(), "PSFS mean: 4/10"))
        << fromWx(reopened->form()->psfsSummary());

    // The history reads the scores: LEFS 40 → 60 (+20, beyond its 9 points), PSFS 4 → 6.5 (+2.5,
    // beyond 2 points).
    auto* panel = new HistoryPanel(m_frame, m_frame->database(), m_patientId);
    const core::History history = panel->history();
    panel->Destroy();
    ASSERT_EQ(history.visits.size(), 2U);
    const core::MeasureValue* lefs = measure(history.visits[1], core::MeasureKind::Lefs);
    ASSERT_NE(lefs, nullptr);
    EXPECT_DOUBLE_EQ(lefs->value, 60);
    ASSERT_TRUE(lefs->sincePrevious);
    EXPECT_DOUBLE_EQ(lefs->sincePrevious->delta, 20);
    EXPECT_EQ(lefs->sincePrevious->verdict, core::Verdict::Improved);
    const core::MeasureValue* psfs = measure(history.visits[1], core::MeasureKind::Psfs);
    ASSERT_NE(psfs, nullptr);
    EXPECT_DOUBLE_EQ(psfs->value, 6.5);
    EXPECT_EQ(psfs->sincePrevious->verdict, core::Verdict::Improved);
}

TEST_F(OutcomeMeasuresTest, UnsavedAnswersSurviveAsADraft)
{
    VisitPage* visit = typeVisit("2026-09-01", 1, {3}, {{"walking the dog", "2"}});
    visit->flushDraft();
    const std::string draft = visit->form()->formText();
    EXPECT_NE(draft.find("outcomes.lefs[0]\t1"), std::string::npos);
    EXPECT_NE(draft.find("outcomes.psfs[0].activity\twalking the dog"), std::string::npos);

    m_prompts.answers = {false, true}; // leave without saving; then restore the draft
    VisitPage* again = m_frame->newVisit();
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->form()->value(lefsPath(0)), "1");
    EXPECT_EQ(again->form()->value(lefsPath(3)), "");
    EXPECT_EQ(again->form()->value(psfsPath(0, "score")), "2");
    EXPECT_TRUE(has(again->form()->lefsSummary(), "prorated")) << fromWx(again->form()->lefsSummary());
}

TEST_F(OutcomeMeasuresTest, NextVisitStartsFromTheLastProgramProgressed)
{
    const auto [exercise, harderId] = exerciseWithHarder();
    ASSERT_NE(exercise, nullptr) << "the library has no exercise with a harder version";

    VisitPage* first = typeVisit("2026-09-01", 2, {}, {{"climbing stairs", "3"}});
    ASSERT_TRUE(first->saveVisit());
    core::Program program;
    core::ProgramItem item;
    item.exerciseId = exercise->id;
    item.name = exercise->name;
    item.kind = exercise->kind;
    item.side = exercise->sided ? core::ExerciseSide::Both : core::ExerciseSide::None;
    item.dose = exercise->defaultDose;
    item.steps = exercise->steps;
    program.items.push_back(item);
    store::VisitRepository(m_frame->database()).issueProgram(first->visitId(), program, {"J. Park, PT"});
    // LEFS 40 → 60 at the second visit: improved beyond its error, nothing worse: progress.
    VisitPage* second = typeVisit("2026-10-01", 3, {}, {{"climbing stairs", "4"}});
    ASSERT_TRUE(second->saveVisit());
    const std::int64_t followUp = second->visitId();
    m_frame->openPatient(m_patientId);
    pump();

    // Patient → History… → Next program → yes, as the menu does it: the dialog is modal, so the
    // button is pressed from inside its event loop.
    bool pressed = false;
    wxTheApp->CallAfter([&pressed] {
        for (wxWindow* top : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(top); dialog && dialog->IsModal())
                for (wxWindow* child : dialog->GetChildren())
                    if (auto* panel = dynamic_cast<HistoryPanel*>(child))
                        pressed = panel->startNextVisit();
        if (!pressed) // never leave the test waiting on a modal dialog
            for (wxWindow* top : wxTopLevelWindows)
                if (auto* dialog = dynamic_cast<wxDialog*>(top); dialog && dialog->IsModal())
                    dialog->EndModal(wxID_CANCEL);
    });
    m_frame->onHistory();
    ASSERT_TRUE(pressed);

    VisitPage* next = m_frame->visitPage();
    ASSERT_NE(next, nullptr);
    // Issue 15 item 4: the progressed program belongs to the follow-up just recorded (no program was
    // issued at it), not to a new, empty visit on the same day.
    EXPECT_EQ(next->visitId(), followUp);
    EXPECT_EQ(next->form()->value("visit.date"), "2026-10-01") << "the follow-up's findings, not an empty form";
    ProgramBuilder* builder = next->builder();
    ASSERT_EQ(builder->program().items.size(), 1U);
    const core::ProgramItem& suggested = builder->program().items.front();
    EXPECT_EQ(suggested.exerciseId, harderId);
    ASSERT_FALSE(suggested.basis.empty());
    EXPECT_NE(suggested.basis.back().find("harder version"), std::string::npos) << suggested.basis.back();
    EXPECT_NE(suggested.basis.back().find("LEFS +20 points"), std::string::npos) << suggested.basis.back();
    EXPECT_TRUE(has(builder->originText(), "progress")) << fromWx(builder->originText());
    // However long the explanation, the program list keeps six rows in view at 1280×800 (it kept
    // one or two before the explanation scrolled in its own box and the buttons took one row).
    next->notebook()->SetSelection(VisitPage::kProgramTab);
    pump();
    EXPECT_GE(builder->visibleRows(), 6);
    EXPECT_TRUE(has(builder->originText(), "make the exercises harder")) << "the step in words";
    if (const char* hold = std::getenv("HIPRX_GUI_HOLD_MS")) { // for a screenshot of the builder
        builder->selectItem(0);
        pump(std::atoi(hold));
    }

    // Typing findings keeps the therapist's starting point; the item can still be changed.
    next->form()->setValue("pain.nprs_now", "3");
    pump();
    EXPECT_EQ(builder->program().items.front().exerciseId, harderId);
    builder->selectItem(0);
    core::Dose dose = builder->program().items.front().dose;
    dose.sets = 1;
    builder->setSelectedDose(dose);
    m_prompts.answers = {true}; // issue: yes
    const auto issued = next->issue();
    ASSERT_TRUE(issued) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    EXPECT_EQ(issued->program.items.front().exerciseId, harderId);
    EXPECT_EQ(issued->program.items.front().dose.sets, 1);
    EXPECT_EQ(issued->visitId, followUp);
    EXPECT_EQ(store::VisitRepository(m_frame->database()).listForPatient(m_patientId).size(), 2U) << "no third visit";
}

TEST_F(OutcomeMeasuresTest, OutcomeSectionScreenshot)
{
    const char* hold = std::getenv("HIPRX_GUI_HOLD_MS");
    if (!hold)
        GTEST_SKIP() << "set HIPRX_GUI_HOLD_MS to look at the outcome section";
    VisitPage* visit = typeVisit(
        "2026-10-01", 3, {4, 11},
        {{"climbing stairs", "7"}, {"kneeling in the garden", "4"}, {"walking the dog 30 min", ""}});
    AssessmentForm* form = visit->form();
    form->setValue(psfsPath(1, "score"), "12"); // marked at the field with its range
    pump();
    // Scroll the outcome section into view.
    int unitX = 0;
    int unitY = 0;
    form->GetScrollPixelsPerUnit(&unitX, &unitY);
    form->Scroll(0,
                 (form->field(lefsPath(0))->GetParent()->GetPosition().y + form->GetViewStart().y * unitY) /
                     std::max(1, unitY));
    pump(std::atoi(hold));
}

TEST_F(OutcomeMeasuresTest, HistoryAndReportScreenshot)
{
    const char* hold = std::getenv("HIPRX_GUI_HOLD_MS");
    const char* out = std::getenv("HIPRX_SHOT_DIR");
    if (!hold || !out)
        GTEST_SKIP() << "set HIPRX_GUI_HOLD_MS and HIPRX_SHOT_DIR to look at the history and the report";
    // Six visits a fortnight apart: flexion and LEFS rising, pain settling.
    store::VisitRepository visits(m_frame->database());
    std::int64_t last = 0;
    for (int i = 0; i < 6; ++i) {
        core::Assessment a;
        a.patient.name = "Rosa Invented";
        a.visit.date = core::Date{2026, 7 + i / 2, 1 + 14 * (i % 2)};
        a.visit.clinician = "J. Park, PT";
        a.rom.left[core::Movement::HipFlexion] = 92 + 4 * i;
        a.rom.right[core::Movement::HipFlexion] = 120;
        a.rom.left[core::Movement::HipInternalRotation] = 18 + 3 * i;
        a.rom.right[core::Movement::HipInternalRotation] = 34;
        a.pain.nprsNow = 7 - i;
        a.pain.nprsWorst24h = std::max(2, 8 - i);
        a.outcomes.lefs.assign(core::kLefsItemCount, 1 + i / 2);
        a.outcomes.lefs[3] = std::nullopt;
        a.outcomes.psfs = {{"climbing stairs", 2 + i}, {"kneeling in the garden", 3 + i / 2}};
        last = visits.create(m_patientId, a, {});
    }
    const auto [exercise, harderId] = exerciseWithHarder();
    ASSERT_NE(exercise, nullptr);
    core::Program program;
    core::ProgramItem item;
    item.exerciseId = exercise->id;
    item.name = exercise->name;
    item.kind = exercise->kind;
    item.side = exercise->sided ? core::ExerciseSide::Both : core::ExerciseSide::None;
    item.dose = exercise->defaultDose;
    program.items.push_back(item);
    visits.issueProgram(last, program, {"J. Park, PT"});

    // Patient → History… as the menu opens it (modal), closed by a timer after the hold.
    HistoryOptions options;
    options.library = &m_frame->library();
    wxTimer closer;
    closer.Bind(wxEVT_TIMER, [](wxTimerEvent&) {
        for (wxWindow* top : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(top); dialog && dialog->IsModal())
                dialog->EndModal(wxID_CLOSE);
    });
    closer.StartOnce(std::atoi(hold));
    showHistoryDialog(m_frame, m_frame->database(), m_patientId, options);

    auto* panel = new HistoryPanel(m_frame, m_frame->database(), m_patientId, options);
    panel->Hide();
    panel->writeProgressReport(std::filesystem::path(out) / "followup-progress-report.pdf");
    panel->Destroy();
}

} // namespace
} // namespace hiprx::app

namespace hiprx::app {
namespace {

TEST_F(OutcomeMeasuresTest, AFollowUpShowsLastValuesAsHintsAndAsksAboutTheSameActivities)
{
    VisitPage* first = typeVisit("2026-09-01", 2, {}, {{"climbing stairs", "3"}, {"kneeling", "5"}});
    ASSERT_TRUE(first->saveVisit());
    m_prompts.fallback = false;

    VisitPage* next = m_frame->newVisit();
    ASSERT_NE(next, nullptr);
    AssessmentForm* form = next->form();

    // Findings are measured afresh: empty boxes, last time's value as a grey hint.
    EXPECT_EQ(form->value("rom.left.hip_flexion"), "");
    EXPECT_EQ(form->hint("rom.left.hip_flexion"), "(100)");
    EXPECT_EQ(form->hint("pain.nprs_now"), "(4)");
    EXPECT_EQ(form->hint(lefsPath(0)), "(2)");
    EXPECT_EQ(form->hint("rom.right.hip_flexion"), "") << "nothing was measured there last time";
    // The PSFS asks about the same activities, to be rated again.
    EXPECT_EQ(form->value(psfsPath(0, "activity")), "climbing stairs");
    EXPECT_EQ(form->value(psfsPath(1, "activity")), "kneeling");
    EXPECT_EQ(form->value(psfsPath(0, "score")), "");
    EXPECT_EQ(form->hint(psfsPath(0, "score")), "(3)");
    EXPECT_FALSE(next->hasUnsavedChanges());
}

} // namespace
} // namespace hiprx::app
