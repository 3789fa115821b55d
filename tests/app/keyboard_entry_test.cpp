// SPDX-License-Identifier: GPL-3.0-or-later
//
// Entering a visit by keyboard (issue 15, item 8): test and strength dropdowns are chosen by
// typing ("3+", "p" for positive); Enter in the library filter adds the highlighted exercise; the
// hold and rest fields step by 5 s; an exercise added by hand is for the affected side; last
// visit's LEFS answers show whole in the empty boxes, not as "…".
#include "app/assessment_form.h"
#include "app/assessment_words.h"
#include "app/library_browser.h"
#include "app/main_frame.h"
#include "app/program_builder.h"
#include "app/type_to_choose.h"
#include "app/wx_text.h"

#include "gui_test_support.h"

#include <gtest/gtest.h>
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/window.h>

#include <algorithm>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

class KeyboardEntry : public test_support::NewVisitWindow {
protected:
    wxChoice* choice(const std::string& path) const
    {
        return dynamic_cast<wxChoice*>(m_visit->form()->field(path));
    }

    /// Types `keys` into `window` as wxGTK delivers typed characters to a focused control.
    static void type(wxWindow* window, const wxString& keys)
    {
        for (const wxUniChar c : keys) {
            wxKeyEvent event(wxEVT_CHAR);
            event.m_uniChar = c;
            event.m_keyCode = static_cast<int>(c.GetValue());
            event.SetEventObject(window);
            window->ProcessWindowEvent(event);
        }
    }
};

TEST(TypeToChoose, TheExactOptionWinsOverALongerOneThatStartsTheSame)
{
    const std::vector<wxString> grades{"—", "5", "5-", "4+", "4", "4-", "3+", "3", "3-"};
    EXPECT_EQ(optionForTyping(grades, "3"), 7);
    EXPECT_EQ(optionForTyping(grades, "3+"), 6);
    EXPECT_EQ(optionForTyping(grades, "4-"), 5);
    const std::vector<wxString> results{"—", "positive", "negative"};
    EXPECT_EQ(optionForTyping(results, "P"), 1);
    EXPECT_EQ(optionForTyping(results, "x"), -1);
}

TEST_F(KeyboardEntry, TypingChoosesAStrengthGradeAndATestResult)
{
    wxChoice* grade = choice("strength.right.gluteus_medius");
    ASSERT_NE(grade, nullptr);
    grade->SetFocus();
    pump();
    // Through the X server, as the therapist types (when the server gives the window focus) …
    wxUIActionSimulator sim;
    sim.Text("3+");
    pump(50);
    if (grade->GetStringSelection() != "3+") {
        // … else as wxGTK delivers the same key presses to the focused dropdown.
        type(grade, "3+");
    }
    EXPECT_EQ(fromWx(grade->GetStringSelection()), "3+");
    EXPECT_EQ(m_visit->form()->value("strength.right.gluteus_medius"), "3+");

    wxChoice* ober = choice("tests.right.ober");
    ASSERT_NE(ober, nullptr);
    type(ober, "p");
    EXPECT_EQ(m_visit->form()->value("tests.right.ober"), "positive");
    type(ober, "n");
    EXPECT_EQ(m_visit->form()->value("tests.right.ober"), "negative") << "a fresh letter starts a new choice";

    wxKeyEvent backspace(wxEVT_CHAR);
    backspace.m_keyCode = WXK_BACK;
    backspace.SetEventObject(ober);
    ober->ProcessWindowEvent(backspace);
    EXPECT_EQ(m_visit->form()->value("tests.right.ober"), "") << "Backspace clears the result";

    // The reasoning follows a typed choice as it follows a mouse choice.
    type(grade, "2");
    EXPECT_EQ(m_visit->form()->value("strength.right.gluteus_medius"), "2");
}

TEST_F(KeyboardEntry, EnterInTheLibraryFilterAddsTheHighlightedExercise)
{
    ProgramBuilder* builder = m_visit->builder();
    LibraryBrowser* browser = builder->browser();
    auto* search = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("library.search", browser));
    ASSERT_NE(search, nullptr);
    browser->filter("", "", "bridge");
    ASSERT_GE(browser->shownIds().size(), 2u);
    const std::size_t before = builder->program().items.size();

    wxKeyEvent down(wxEVT_KEY_DOWN);
    down.m_keyCode = WXK_DOWN;
    down.SetEventObject(search);
    const auto& shown = browser->shownIds();
    const auto start = std::find(shown.begin(), shown.end(), browser->selectedId());
    const std::size_t expected = start == shown.end() ? 1 : std::min<std::size_t>(start - shown.begin() + 2, shown.size() - 1);
    search->ProcessWindowEvent(down);
    search->ProcessWindowEvent(down);
    const std::string highlighted = browser->selectedId();
    EXPECT_EQ(highlighted, shown[expected]) << "two steps down the matches";

    wxCommandEvent enter(wxEVT_TEXT_ENTER, search->GetId());
    enter.SetEventObject(search);
    search->ProcessWindowEvent(enter);
    ASSERT_EQ(builder->program().items.size(), before + 1);
    EXPECT_EQ(builder->program().items.back().exerciseId, highlighted);
}

TEST_F(KeyboardEntry, HoldAndRestStepByFiveSeconds)
{
    for (const char* name : {"dose.hold_s", "dose.rest_s"}) {
        auto* spin = dynamic_cast<wxSpinCtrl*>(wxWindow::FindWindowByName(name, m_visit->builder()));
        ASSERT_NE(spin, nullptr) << name;
        EXPECT_EQ(spin->GetIncrement(), 5) << name;
    }
}

TEST_F(KeyboardEntry, AnExerciseAddedByHandIsForTheAffectedSide)
{
    AssessmentForm* form = m_visit->form();
    form->setValue("visit.affected_side", "right");
    pump();
    ProgramBuilder* builder = m_visit->builder();
    ASSERT_TRUE(builder->addExercise("clamshell"));
    EXPECT_EQ(builder->program().items.back().side, core::ExerciseSide::Right);

    form->setValue("visit.affected_side", "both");
    pump();
    ASSERT_TRUE(builder->addExercise("side_lying_hip_abduction"));
    EXPECT_EQ(builder->program().items.back().side, core::ExerciseSide::Both);
}

// The "why" of an exercise names findings in words; rule ids, alone or several in one bracket, go
// (the builder showed "tight hip flexors (iliopsoas) left (, )").
TEST(IdsInWords, RuleIdsGoWithTheBracketsThatHeldThem)
{
    EXPECT_EQ(idsInWords("tight hip_flexors left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS); weak x (R-WEAK-GMED)"),
              "tight hip flexors left; weak x");
}

TEST(DefaultSide, WithoutAnAffectedSideTheFindingsOfItsTargetsDecide)
{
    core::Exercise stretch;
    stretch.sided = true;
    stretch.targets = {core::MuscleGroup::HipFlexors};
    core::Analysis analysis;
    core::Impairment tight;
    tight.muscle = core::MuscleGroup::HipFlexors;
    tight.side = core::Side::Left;
    analysis.impairments.push_back(tight);
    EXPECT_EQ(defaultSide(stretch, std::nullopt, analysis), core::ExerciseSide::Left);
    tight.side = core::Side::Right;
    analysis.impairments.push_back(tight);
    EXPECT_EQ(defaultSide(stretch, std::nullopt, analysis), core::ExerciseSide::Both);
    EXPECT_EQ(defaultSide(stretch, core::AffectedSide::Right, analysis), core::ExerciseSide::Right);
    stretch.sided = false;
    EXPECT_EQ(defaultSide(stretch, core::AffectedSide::Right, analysis), core::ExerciseSide::None);
}

TEST_F(KeyboardEntry, LastVisitsLefsAnswersShowWholeInTheEmptyBoxes)
{
    core::Assessment previous;
    previous.outcomes.lefs.assign(core::kLefsItemCount, 3);
    previous.pain.nprsNow = 10;
    AssessmentForm* form = m_visit->form();
    form->showPrevious(previous);
    m_frame->Layout();
    pump();
    for (const char* path : {"outcomes.lefs[0]", "outcomes.lefs[19]", "pain.nprs_now"}) {
        auto* box = dynamic_cast<wxTextCtrl*>(form->field(path));
        ASSERT_NE(box, nullptr) << path;
        const wxString hint = box->GetHint();
        EXPECT_EQ(hint, path[0] == 'o' ? "(3)" : "(10)") << path;
        EXPECT_LE(box->GetSizeFromTextSize(box->GetTextExtent(hint)).x, box->GetSize().x)
            << path << ": the grey answer would be cut to \"…\"";
    }
}

} // namespace
} // namespace hiprx::app
