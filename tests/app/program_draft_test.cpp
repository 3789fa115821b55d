// SPDX-License-Identifier: GPL-3.0-or-later
//
// Program edits are never lost (issue 15, item 2): the builder's program is drafted with the form,
// saved with the visit while it is not issued, offered back when the visit reopens, and the leave
// prompt names it. The draft text itself (app/visit_draft.h) keeps older form-only drafts readable.
#include "app/assessment_form.h"
#include "app/main_frame.h"
#include "app/program_builder.h"
#include "app/visit_draft.h"

#include "gui_test_support.h"

#include "core/referral_rules.h"
#include "store/draft_repository.h"
#include "store/repositories.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(VisitDraft, KeepsFormAndProgramAsTypedAndReadsOldDrafts)
{
    core::ProgramItem item;
    item.exerciseId = "clamshell";
    item.name = "Clamshell";
    item.kind = core::ExerciseKind::Strengthen;
    item.side = core::ExerciseSide::Right;
    item.dose.sets = 0; // half-typed: invalid, kept as typed
    item.dose.reps = 12;
    item.notes = "Slow";
    VisitDraft draft;
    draft.formText = "visit.notes\tline\n";
    draft.program = core::Program{};
    draft.program->items = {item};
    draft.programSaved = true;
    draft.origin = "Started from the last program";

    const VisitDraft back = decodeVisitDraft(encodeVisitDraft(draft));
    ASSERT_TRUE(back.formText);
    EXPECT_EQ(*back.formText, *draft.formText);
    ASSERT_TRUE(back.program);
    ASSERT_EQ(back.program->items.size(), 1U);
    EXPECT_EQ(back.program->items[0].dose, item.dose);
    EXPECT_EQ(back.program->items[0].side, core::ExerciseSide::Right);
    EXPECT_EQ(back.program->items[0].notes, "Slow");
    EXPECT_TRUE(back.programSaved);
    EXPECT_EQ(back.origin, draft.origin);

    const VisitDraft old = decodeVisitDraft("rom.left.hip_flexion\t115\n");
    ASSERT_TRUE(old.formText);
    EXPECT_EQ(*old.formText, "rom.left.hip_flexion\t115\n");
    EXPECT_FALSE(old.program);
}

class ProgramDraftTest : public testing::Test {
protected:
    void SetUp() override
    {
        m_frame = new MainFrame(store::Database::open(m_dir.path() / "draft.sqlite"));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
        core::Patient p;
        p.name = "Lena Invented";
        p.birthDate = core::Date{1979, 3, 2};
        m_patientId = m_frame->createPatient(p).value_or(0);
        ASSERT_NE(m_patientId, 0);
    }
    void TearDown() override
    {
        m_prompts.fallback = false;
        m_frame->Destroy();
        pump();
    }

    std::string freeExercise(const core::Program& program, const std::set<core::Precaution>& precautions)
    {
        for (const auto& ex : m_frame->library().all()) {
            const bool inProgram = std::any_of(program.items.begin(), program.items.end(),
                                               [&](const auto& item) { return item.exerciseId == ex.id; });
            if (!inProgram && core::exclusionsFor(ex, precautions).empty())
                return ex.id;
        }
        return {};
    }

    /// A saved visit whose program the therapist edits: add, dose, note, reorder, remove.
    core::Program editProgram(VisitPage* visit)
    {
        visit->form()->setValue("tests.left.thomas_iliopsoas", "positive");
        visit->form()->setValue("pain.nprs_now", "3");
        ProgramBuilder* builder = visit->builder();
        EXPECT_GE(builder->program().items.size(), 2U);
        const std::string added = freeExercise(builder->program(), visit->analysis().precautions);
        EXPECT_TRUE(builder->addExercise(added));
        const int last = static_cast<int>(builder->program().items.size()) - 1;
        builder->selectItem(last);
        core::Dose dose = builder->program().items.back().dose;
        dose.sets = 4;
        dose.reps = 7;
        builder->setSelectedDose(dose);
        builder->setSelectedNotes("Keep the pelvis still");
        builder->moveItem(last, 0);
        builder->removeItem(1);
        return builder->program();
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
    std::int64_t m_patientId = 0;
};

TEST_F(ProgramDraftTest, SavedProgramEditsComeBackWhenTheVisitReopens)
{
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    const core::Program edited = editProgram(visit);
    ASSERT_TRUE(visit->saveVisit());
    const std::int64_t visitId = visit->visitId();

    m_frame->showPatientList(); // nothing unsaved: no question
    EXPECT_TRUE(m_prompts.questions.empty()) << m_prompts.questions.back();
    m_frame->openPatient(m_patientId);
    visit = m_frame->openVisit(visitId);
    ASSERT_NE(visit, nullptr);
    EXPECT_EQ(visit->builder()->program().items, edited.items) << "the edited program, not the suggestion";
    EXPECT_TRUE(visit->hasUnissuedProgram());
    EXPECT_TRUE(has(fromWx(visit->builder()->originText()), "Not issued yet"));
    EXPECT_TRUE(m_prompts.questions.empty()) << "a program saved with the visit comes back without asking";

    // Issued, it needs no draft any more: the visit reopens with the issued program.
    m_prompts.answers = {true};
    ASSERT_TRUE(visit->issue()) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    EXPECT_FALSE(store::DraftRepository(m_frame->database()).find(m_patientId, visitId));
    m_frame->openPatient(m_patientId);
    visit = m_frame->openVisit(visitId);
    EXPECT_EQ(visit->builder()->program().items, edited.items);
    EXPECT_FALSE(visit->hasUnissuedProgram());
}

TEST_F(ProgramDraftTest, LeavingAsksAboutProgramChangesAndTheDraftKeepsThem)
{
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("tests.left.thomas_iliopsoas", "positive"); // a suggestion to change
    visit->form()->setValue("pain.nprs_now", "3");
    ASSERT_TRUE(visit->saveVisit());
    const std::int64_t visitId = visit->visitId();
    ASSERT_GE(visit->builder()->program().items.size(), 2U);
    const core::Program edited = [&] {
        ProgramBuilder* builder = visit->builder();
        builder->removeItem(0);
        return builder->program();
    }();

    m_prompts.answers = {false}; // leave without saving
    m_frame->openPatient(m_patientId);
    ASSERT_FALSE(m_prompts.questions.empty());
    EXPECT_TRUE(has(m_prompts.questions.back(), "program changes")) << m_prompts.questions.back();

    m_prompts.answers = {true}; // restore
    visit = m_frame->openVisit(visitId);
    ASSERT_NE(visit, nullptr);
    EXPECT_TRUE(has(m_prompts.questions.back(), "program changes not issued yet")) << m_prompts.questions.back();
    EXPECT_EQ(visit->builder()->program().items, edited.items);
    EXPECT_TRUE(visit->hasUnsavedChanges());
}

} // namespace
} // namespace hiprx::app
