// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinical-safety work of the assessment form and the program builder through the real windows:
// the body chart, balance, the red-flag screen, SLR with leg pain, the reasoning and history in words
// (issue 12), and precautions carried forward, every program screened and Next program… saying what
// it left out (issue 13).
#include "app/assessment_form.h"
#include "app/body_chart.h"
#include "app/history_panel.h"
#include "app/main_frame.h"
#include "app/program_builder.h"
#include "app/reasoning_panel.h"

#include "gui_test_support.h"

#include "store/draft_repository.h"
#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>

#include <algorithm>

namespace hiprx::app {
namespace {

using test_support::kTestToday;
using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

bool has(const wxString& text, const std::string& part)
{
    return fromWx(text).find(part) != std::string::npos;
}
bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

void click(BodyChart* chart, const core::PainArea& area)
{
    const auto point = chart->pointOf(area);
    ASSERT_TRUE(point) << "the chart draws " << core::toId(area.region) << " " << core::toId(area.side);
    wxMouseEvent down(wxEVT_LEFT_DOWN);
    down.SetPosition(*point);
    down.SetEventObject(chart);
    chart->GetEventHandler()->ProcessEvent(down);
}

class ClinicalSafetyTest : public testing::Test {
protected:
    void SetUp() override
    {
        m_frame = new MainFrame(store::Database::open(m_dir.path() / "safety.sqlite"));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
        core::Patient p;
        p.name = "Edith Invented";
        p.birthDate = core::Date{1946, 2, 11};
        m_patientId = m_frame->createPatient(p).value_or(0);
        ASSERT_NE(m_patientId, 0);
    }
    void TearDown() override
    {
        m_prompts.fallback = false; // an unsaved visit left open stays a draft only
        m_frame->Destroy();
        pump();
    }

    VisitPage* newVisit()
    {
        VisitPage* visit = m_frame->newVisit();
        EXPECT_NE(visit, nullptr);
        pump();
        return visit;
    }

    core::Assessment stored(std::int64_t visitId)
    {
        const auto record = store::VisitRepository(m_frame->database()).find(visitId);
        EXPECT_TRUE(record);
        return record ? record->assessment : core::Assessment{};
    }

    /// The first library exercise a posterior hip replacement forbids, and one it allows.
    std::pair<const core::Exercise*, const core::Exercise*> forbiddenAndAllowed() const
    {
        const core::Exercise* forbidden = nullptr;
        const core::Exercise* allowed = nullptr;
        for (const auto& ex : m_frame->library().all()) {
            const bool excluded = !core::exclusionsFor(ex, {core::Precaution::ThaPosterior}).empty();
            if (excluded && !forbidden)
                forbidden = &ex;
            if (!excluded && !allowed)
                allowed = &ex;
        }
        return {forbidden, allowed};
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
    std::int64_t m_patientId = 0;
};

// ---- Issue 12: the assessment form --------------------------------------------------------------

TEST_F(ClinicalSafetyTest, BodyChartClickTogglesAnAreaListedInWordsAndInTheChecklist)
{
    VisitPage* visit = newVisit();
    AssessmentForm* form = visit->form();
    BodyChart* chart = form->bodyChart();
    ASSERT_NE(chart, nullptr);
    const core::PainArea rightHip{core::BodyRegion::LateralHip, core::BodySide::Right};
    const core::PainArea leftButtock{core::BodyRegion::Buttock, core::BodySide::Left};

    // Every area the checklist offers can also be clicked, and the front view is a mirror.
    for (const auto& area : BodyChart::offeredAreas())
        EXPECT_TRUE(chart->pointOf(area)) << core::toId(area.region) << " " << core::toId(area.side);
    const auto frontRight = chart->pointOf({core::BodyRegion::Groin, core::BodySide::Right});
    const auto frontLeft = chart->pointOf({core::BodyRegion::Groin, core::BodySide::Left});
    ASSERT_TRUE(frontRight && frontLeft);
    EXPECT_LT(frontRight->x, frontLeft->x) << "front view: the patient's right is on the viewer's left";
    EXPECT_EQ(chart->areaAt(*frontRight), (core::PainArea{core::BodyRegion::Groin, core::BodySide::Right}));

    EXPECT_TRUE(has(form->painAreasSummary(), "none marked"));
    click(chart, rightHip);
    click(chart, leftButtock);
    EXPECT_EQ(form->value("pain.areas"), "lateral_hip.right,buttock.left");
    EXPECT_TRUE(has(form->painAreasSummary(), "outer hip, right; buttock, left")) << fromWx(form->painAreasSummary());
    auto* list = dynamic_cast<wxCheckListBox*>(form->field("pain.areas"));
    ASSERT_NE(list, nullptr) << "the keyboard twin of the chart is the field";
    int checked = 0;
    for (unsigned i = 0; i < list->GetCount(); ++i)
        checked += list->IsChecked(i) ? 1 : 0;
    EXPECT_EQ(checked, 2);
    const auto order = form->fieldOrder();
    EXPECT_NE(std::find(order.begin(), order.end(), "pain.areas"), order.end()) << "reachable with Tab";

    // The analysis reads the chart: outer-hip pain with a positive Ober is a tendon picture.
    form->setValue("tests.right.ober", "positive");
    const auto& cautions = visit->analysis().cautions;
    EXPECT_TRUE(std::any_of(cautions.begin(), cautions.end(),
                            [](const auto& c) { return c.rule == "R-CAUTION-GLUTEAL-TENDON"; }));

    click(chart, rightHip); // again: cleared
    EXPECT_EQ(form->value("pain.areas"), "buttock.left");
    ASSERT_TRUE(visit->saveVisit());
    EXPECT_EQ(stored(visit->visitId()).pain.areas,
              (std::vector<core::PainArea>{leftButtock}));
    // The visit is stored with the reference set it was read against.
    EXPECT_EQ(stored(visit->visitId()).visit.normSet, visit->analysis().normSet);
}

TEST_F(ClinicalSafetyTest, BalanceFieldsAreCheckedAndAFallAddsTheFallRiskPrecaution)
{
    VisitPage* visit = newVisit();
    AssessmentForm* form = visit->form();
    form->setValue("balance.falls_past_year", "60");
    form->setValue("balance.single_leg_stance_s.left", "130");
    form->setValue("balance.single_leg_stance_s.right", "often");
    EXPECT_TRUE(form->isMarked("balance.falls_past_year"));
    EXPECT_TRUE(form->isMarked("balance.single_leg_stance_s.left"));
    EXPECT_TRUE(form->isMarked("balance.single_leg_stance_s.right"));
    EXPECT_FALSE(visit->saveVisit());
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_TRUE(has(m_prompts.errors.back(), "balance.falls_past_year: 60 is outside 0–50")) << m_prompts.errors.back();
    EXPECT_TRUE(has(m_prompts.errors.back(), "balance.single_leg_stance_s.left: 130 is outside 0–120"));
    EXPECT_FALSE(visit->analysis().precautions.count(core::Precaution::FallRisk));

    form->setValue("balance.falls_past_year", "2");
    form->setValue("balance.single_leg_stance_s.left", "3");
    form->setValue("balance.single_leg_stance_s.right", "12");
    EXPECT_FALSE(form->isMarked("balance.falls_past_year"));
    EXPECT_TRUE(visit->analysis().precautions.count(core::Precaution::FallRisk));
    EXPECT_TRUE(has(visit->reasoning()->reasoningText(), "risk of falling"));
    ASSERT_TRUE(visit->saveVisit());
    const core::Balance balance = stored(visit->visitId()).balance;
    EXPECT_EQ(balance.fallsPastYear, 2);
    EXPECT_EQ(balance.singleLegStanceS.left, 3);
    EXPECT_EQ(balance.singleLegStanceS.right, 12);
}

TEST_F(ClinicalSafetyTest, RedFlagsScreenedNoneIsRecordedShownAndGivesWayToAFlag)
{
    VisitPage* visit = newVisit();
    AssessmentForm* form = visit->form();
    ASSERT_NE(form->field("red_flags_screened"), nullptr);
    EXPECT_TRUE(has(visit->reasoning()->reasoningText(), "Red flags not screened yet"));
    EXPECT_FALSE(visit->analysis().referral.screened);

    form->setValue("red_flags_screened", "1");
    EXPECT_TRUE(visit->analysis().referral.screened);
    EXPECT_TRUE(has(visit->reasoning()->reasoningText(), "Red flags screened: none."));
    ASSERT_TRUE(visit->saveVisit());
    EXPECT_TRUE(stored(visit->visitId()).redFlagsScreened);
    EXPECT_TRUE(stored(visit->visitId()).redFlags.empty());

    // A flag found records the screen by itself; "none" cannot stand beside it.
    form->setValue("red_flags.night_pain_constant", "1");
    EXPECT_EQ(form->value("red_flags_screened"), "");
    EXPECT_FALSE(form->field("red_flags_screened")->IsEnabled());
    EXPECT_TRUE(visit->analysis().referral.screened);
    form->setValue("red_flags.night_pain_constant", "");
    EXPECT_TRUE(form->field("red_flags_screened")->IsEnabled());
    EXPECT_FALSE(visit->analysis().referral.screened) << "unticking the flag does not invent a negative screen";
}

TEST_F(ClinicalSafetyTest, SlrRecordsLegPainWithItsAngle)
{
    VisitPage* visit = newVisit();
    AssessmentForm* form = visit->form();
    ASSERT_NE(form->field("tests.left.slr.reproduces_leg_pain"), nullptr);
    ASSERT_NE(form->field("tests.right.slr.reproduces_leg_pain"), nullptr);

    form->setValue("tests.left.slr.reproduces_leg_pain", "1");
    EXPECT_TRUE(form->isMarked("tests.left.slr")) << "leg pain needs the angle it came on at";
    form->setValue("tests.left.slr", "40");
    EXPECT_FALSE(form->isMarked("tests.left.slr"));
    const auto reading = form->read(visit->patient(), kTestToday);
    const auto& slr = reading.assessment.tests.left.at(core::SpecialTest::Slr);
    EXPECT_EQ(slr.measured(), 40);
    EXPECT_TRUE(slr.reproducesLegPain);
}

TEST_F(ClinicalSafetyTest, NewRedFlagsAndFallRiskAppearInTheirGroups)
{
    VisitPage* visit = newVisit();
    for (const char* path : {"red_flags.inflammatory_back_pain_features", "red_flags.calf_swelling_or_pain",
                             "red_flags.wound_redness_or_discharge", "precautions.fall_risk"})
        EXPECT_NE(visit->form()->field(path), nullptr) << path;
    visit->form()->setValue("red_flags.calf_swelling_or_pain", "1");
    EXPECT_GE(visit->analysis().referral.level, core::Urgency::Urgent);
}

TEST_F(ClinicalSafetyTest, ReasoningSaysTheNewNotesAndCautionsInWords)
{
    VisitPage* visit = newVisit();
    AssessmentForm* form = visit->form();
    form->toggleArea({core::BodyRegion::LateralHip, core::BodySide::Right});
    form->setValue("tests.right.ober", "positive");
    form->setValue("tests.left.faber", "positive");
    form->setValue("balance.falls_past_year", "1");
    const std::string text = fromWx(visit->reasoning()->reasoningText());
    EXPECT_TRUE(has(text, "Gluteal tendinopathy picture")) << text;
    EXPECT_TRUE(has(text, "Ober's test right positive")) << "test ids said in words\n" << text;
    EXPECT_TRUE(has(text, "avoid adduction past the midline")) << text;
    EXPECT_TRUE(has(text, "does not show adductor length")) << "the FABER note\n" << text;
    EXPECT_TRUE(has(text, "risk of falling")) << text;
    EXPECT_FALSE(has(text, "tests.right.ober")) << text;
}

TEST_F(ClinicalSafetyTest, HistoryShowsPainAreasBalanceAndTheScreenOfEachVisit)
{
    VisitPage* visit = newVisit();
    AssessmentForm* form = visit->form();
    form->toggleArea({core::BodyRegion::Groin, core::BodySide::Left});
    form->setValue("balance.falls_past_year", "2");
    form->setValue("balance.single_leg_stance_s.left", "4");
    form->setValue("red_flags_screened", "1");
    ASSERT_TRUE(visit->saveVisit());

    wxFrame holder(nullptr, wxID_ANY, "history");
    auto* panel = new HistoryPanel(&holder, m_frame->database(), m_patientId);
    const std::string text = fromWx(panel->findingsText());
    EXPECT_TRUE(has(text, "Pain areas: groin, left")) << text;
    EXPECT_TRUE(has(text, "2 falls in the past year; single-leg stance left 4 s")) << text;
    EXPECT_TRUE(has(text, "Red flags screened: none")) << text;
}

TEST_F(ClinicalSafetyTest, EveryNewFieldIsDraftedSavedAndReloaded)
{
    auto fill = [](AssessmentForm* form) {
        form->toggleArea({core::BodyRegion::BelowKnee, core::BodySide::Left});
        form->toggleArea({core::BodyRegion::Lumbar, core::BodySide::Central});
        form->setValue("balance.falls_past_year", "1");
        form->setValue("balance.single_leg_stance_s.left", "8");
        form->setValue("balance.single_leg_stance_s.right", "9");
        form->setValue("balance.pain_before_falls", "1");
        form->setValue("tests.left.slr", "45");
        form->setValue("tests.left.slr.reproduces_leg_pain", "1");
        form->setValue("red_flags_screened", "1");
    };
    auto check = [](AssessmentForm* form) {
        EXPECT_EQ(form->value("pain.areas"), "below_knee.left,lumbar.central");
        EXPECT_EQ(form->value("balance.falls_past_year"), "1");
        EXPECT_EQ(form->value("balance.single_leg_stance_s.left"), "8");
        EXPECT_EQ(form->value("balance.single_leg_stance_s.right"), "9");
        EXPECT_EQ(form->value("balance.pain_before_falls"), "1");
        EXPECT_EQ(form->value("tests.left.slr"), "45");
        EXPECT_EQ(form->value("tests.left.slr.reproduces_leg_pain"), "1");
        EXPECT_EQ(form->value("red_flags_screened"), "1");
        EXPECT_TRUE(has(form->painAreasSummary(), "below the knee, left; low back, middle"));
    };
    VisitPage* visit = newVisit();
    fill(visit->form());
    m_prompts.answers = {false}; // leave without saving: the typing stays a draft
    m_frame->showPatientList();
    m_frame->openPatient(m_patientId);
    m_prompts.answers = {true}; // restore it
    visit = newVisit();
    check(visit->form());

    ASSERT_TRUE(visit->saveVisit());
    const auto id = visit->visitId();
    const core::Assessment a = stored(id);
    EXPECT_EQ(a.pain.areas.size(), 2U);
    EXPECT_TRUE(a.tests.left.at(core::SpecialTest::Slr).reproducesLegPain);
    EXPECT_TRUE(a.redFlagsScreened);
    EXPECT_TRUE(a.balance.painBeforeFalls);
    m_frame->showPatientList();
    m_frame->openPatient(m_patientId);
    visit = m_frame->openVisit(id);
    ASSERT_NE(visit, nullptr);
    check(visit->form());
}

// ---- Issue 13: precautions carried forward, every program screened -----------------------------

TEST_F(ClinicalSafetyTest, AFollowUpPreTicksThePreviousPrecautionsAndUntickingAsksWhy)
{
    VisitPage* first = newVisit();
    first->form()->setValue("visit.date", "2026-10-02");
    first->form()->setValue("precautions.tha_posterior", "1");
    first->form()->setValue("precautions.osteoporosis", "1");
    ASSERT_TRUE(first->saveVisit());
    m_frame->showPatientList();
    m_frame->openPatient(m_patientId);

    VisitPage* next = newVisit();
    AssessmentForm* form = next->form();
    EXPECT_EQ(form->value("precautions.tha_posterior"), "1");
    EXPECT_TRUE(form->isCarriedForward("precautions.tha_posterior"));
    EXPECT_TRUE(next->analysis().precautions.count(core::Precaution::ThaPosterior)) << "applied from the start";
    EXPECT_TRUE(has(form->carriedForwardText(), "Carried forward from 2026-10-02")) << fromWx(form->carriedForwardText());
    EXPECT_TRUE(has(form->carriedForwardText(), "hip replacement, posterior approach"));

    // Unticking without a reason changes nothing.
    const auto asked = m_prompts.questions.size();
    form->setValue("precautions.tha_posterior", "");
    ASSERT_EQ(m_prompts.questions.size(), asked + 1);
    EXPECT_TRUE(has(m_prompts.questions.back(), "Why does it no longer apply?")) << m_prompts.questions.back();
    EXPECT_EQ(form->value("precautions.tha_posterior"), "1");
    EXPECT_TRUE(next->analysis().precautions.count(core::Precaution::ThaPosterior));

    // With a reason it goes, and the reason is kept in the visit notes.
    m_prompts.texts = {"Surgeon lifted the hip precautions at 12 weeks"};
    form->setValue("precautions.tha_posterior", "");
    EXPECT_EQ(form->value("precautions.tha_posterior"), "");
    EXPECT_FALSE(form->isCarriedForward("precautions.tha_posterior"));
    EXPECT_FALSE(next->analysis().precautions.count(core::Precaution::ThaPosterior));
    EXPECT_TRUE(has(form->value("visit.notes"), "hip replacement, posterior approach (carried forward from "
                                                "2026-10-02): Surgeon lifted the hip precautions at 12 weeks"))
        << form->value("visit.notes");
    EXPECT_TRUE(form->isCarriedForward("precautions.osteoporosis"));
    ASSERT_TRUE(next->saveVisit());
    const core::Assessment a = stored(next->visitId());
    EXPECT_FALSE(a.precautions.count(core::Precaution::ThaPosterior));
    EXPECT_TRUE(a.precautions.count(core::Precaution::Osteoporosis));
    EXPECT_TRUE(has(a.visit.notes, "Surgeon lifted"));
}

TEST_F(ClinicalSafetyTest, AnEditedProgramIsScreenedWhenTheFindingsChangeAndIssuingAsks)
{
    const auto [forbidden, allowed] = forbiddenAndAllowed();
    ASSERT_TRUE(forbidden && allowed);
    VisitPage* visit = newVisit();
    ProgramBuilder* builder = visit->builder();
    builder->setProgram(core::Program{}, true);
    ASSERT_TRUE(builder->addExercise(forbidden->id)); // nothing forbids it yet: no question
    ASSERT_TRUE(builder->addExercise(allowed->id));
    EXPECT_TRUE(builder->screen().forbidden.empty());

    // The findings change: the program in the builder is screened again at once.
    visit->form()->setValue("precautions.tha_posterior", "1");
    ASSERT_EQ(builder->unconfirmedForbidden(), std::vector<std::size_t>{0});
    EXPECT_TRUE(has(builder->screenColumn(0), "forbidden")) << fromWx(builder->screenColumn(0));
    EXPECT_TRUE(builder->screenColumn(1).empty());
    const std::string status = fromWx(builder->warningText());
    EXPECT_TRUE(has(status, "Forbidden: " + forbidden->name + ": hip replacement, posterior approach forbids"))
        << status;

    // Issuing asks the question adding it by hand asks; no takes it out and stops.
    m_prompts.answers = {false};
    EXPECT_FALSE(visit->issue());
    EXPECT_TRUE(has(m_prompts.questions.back(), forbidden->name + " is excluded for this patient"));
    EXPECT_TRUE(has(m_prompts.questions.back(), "Keep it in the program anyway?"));
    ASSERT_EQ(builder->program().items.size(), 1U);
    EXPECT_EQ(builder->program().items[0].exerciseId, allowed->id);
    EXPECT_TRUE(has(m_prompts.errors.back(), "not issued")) << m_prompts.errors.back();
    EXPECT_TRUE(has(builder->warningText(), forbidden->name + " was taken out"));

    // Added again with a yes it is kept, marked as confirmed, and issued.
    m_prompts.answers = {true};
    ASSERT_TRUE(builder->addExercise(forbidden->id));
    EXPECT_TRUE(builder->unconfirmedForbidden().empty());
    EXPECT_TRUE(has(builder->screenColumn(1), "confirmed"));
    const auto questions = m_prompts.questions.size();
    m_prompts.answers = {true}; // issue: yes
    const auto issued = visit->issue();
    ASSERT_TRUE(issued) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    EXPECT_EQ(m_prompts.questions.size(), questions + 1) << "a confirmed item is not asked about again";
    EXPECT_TRUE(has(m_prompts.questions.back(), "Issue this program as version 1?"));
    ASSERT_EQ(issued->program.items.size(), 2U);
    EXPECT_TRUE(has(issued->program.items[1].basis.back(), "added by the therapist despite: hip replacement"));
}

TEST_F(ClinicalSafetyTest, NextProgramSaysWhatItDroppedOrLeftOutAndWhy)
{
    const auto [forbidden, allowed] = forbiddenAndAllowed();
    ASSERT_TRUE(forbidden && allowed);
    VisitPage* first = newVisit();
    first->form()->setValue("visit.date", "2026-10-02");
    ASSERT_TRUE(first->saveVisit());
    core::Program program;
    for (const core::Exercise* ex : {forbidden, allowed})
        program.items.push_back(core::makeItem(*ex, ex->sided ? core::ExerciseSide::Both : core::ExerciseSide::None,
                                               first->analysis()));
    store::VisitRepository(m_frame->database()).issueProgram(first->visitId(), program, {"J. Park, PT"});
    m_frame->showPatientList();
    m_frame->openPatient(m_patientId);
    VisitPage* second = newVisit();
    second->form()->setValue("precautions.tha_posterior", "1");
    ASSERT_TRUE(second->saveVisit());

    wxFrame holder(nullptr, wxID_ANY, "history");
    HistoryOptions options;
    options.library = &m_frame->library();
    std::optional<core::NextProgram> chosen;
    options.startNextVisit = [&chosen](const core::NextProgram& next, std::int64_t) { chosen = next; };
    auto* panel = new HistoryPanel(&holder, m_frame->database(), m_patientId, options);
    const auto next = panel->suggestNextProgram();
    ASSERT_TRUE(next);
    const std::string text = nextProgramText(*next);
    EXPECT_TRUE(has(text, "Left out by the safety screen:")) << text;
    EXPECT_TRUE(has(text, forbidden->name)) << text;
    EXPECT_TRUE(has(text, "hip replacement, posterior approach")) << text;
    if (std::any_of(next->items.begin(), next->items.end(), [](const auto& s) { return s.dropped; })) {
        EXPECT_TRUE(has(text, "Dropped from the program:")) << text;
    }

    ASSERT_TRUE(panel->startNextVisit());
    ASSERT_TRUE(chosen);
    m_frame->showPatientList();
    m_frame->openPatient(m_patientId);
    VisitPage* third = newVisit();
    third->startFromNextProgram(*chosen);
    const std::string origin = fromWx(third->builder()->originText());
    EXPECT_TRUE(has(origin, "Left out by the safety screen:")) << origin;
    EXPECT_TRUE(has(origin, "hip replacement, posterior approach")) << origin;
    EXPECT_TRUE(third->form()->isCarriedForward("precautions.tha_posterior"));
    EXPECT_TRUE(third->builder()->screen().forbidden.empty())
        << "nothing the carried-forward precaution forbids is in the builder";
}

} // namespace
} // namespace hiprx::app
