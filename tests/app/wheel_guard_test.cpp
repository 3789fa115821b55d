// SPDX-License-Identifier: GPL-3.0-or-later
//
// The mouse wheel scrolls the assessment form and never changes a finding it passes over (issue
// 15): over an unfocused dropdown the wheel event never reaches the control (whose native GTK
// handler would step its value) and scrolls the form instead; the focused control still gets it.
// A wheel event here is the one wxGTK makes from a GDK scroll, sent the way wxGTK sends it
// (ProcessWindowEvent on the control under the pointer; handled means GTK never sees it).
#include "app/assessment_form.h"
#include "app/main_frame.h"
#include "app/program_builder.h"
#include "app/visit_page.h"
#include "app/wheel_guard.h"

#include "gui_test_support.h"

#include <gtest/gtest.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/slider.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <string>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

/// One wheel notch over `window` as wxGTK reports it (positive = away from the user = up).
wxMouseEvent wheelOver(wxWindow* window, int rotation = -120)
{
    wxMouseEvent wheel(wxEVT_MOUSEWHEEL);
    wheel.SetEventObject(window);
    wheel.SetId(window->GetId());
    wheel.m_wheelAxis = wxMOUSE_WHEEL_VERTICAL;
    wheel.m_wheelRotation = rotation;
    wheel.m_wheelDelta = 120;
    wheel.m_linesPerAction = 3;
    return wheel;
}

/// True when the wheel was taken before the control (and so GTK) could act on it.
bool sendWheel(wxWindow* window, int rotation = -120)
{
    wxMouseEvent wheel = wheelOver(window, rotation);
    return window->ProcessWindowEvent(wheel);
}

int viewTop(const wxScrolledWindow& scrolled)
{
    int x = 0;
    int y = 0;
    scrolled.GetViewStart(&x, &y);
    return y;
}

class WheelGuard : public test_support::NewVisitWindow {
protected:
    void SetUp() override
    {
        NewVisitWindow::SetUp();
        if (HasFatalFailure())
            return;
        m_form = m_visit->form();
        ASSERT_GT(m_form->GetVirtualSize().y, m_form->GetClientSize().y) << "the form must be long enough to scroll";
    }

    AssessmentForm* m_form = nullptr;
};

// Irritability, a special test and a strength grade: each drives reasoning, exclusions and doses.
TEST_F(WheelGuard, WheelOverAnUnfocusedDropdownScrollsTheFormAndKeepsTheFinding)
{
    const std::pair<std::string, std::string> findings[] = {
        {"pain.irritability", "high"},
        {"tests.right.thomas_iliopsoas", "positive"},
        {"strength.right.gluteus_medius", "3+"},
    };
    for (const auto& [path, value] : findings) {
        SCOPED_TRACE(path);
        m_form->setValue(path, value);
        ASSERT_EQ(m_form->value(path), value);
        auto* dropdown = dynamic_cast<wxChoice*>(m_form->field(path));
        ASSERT_NE(dropdown, nullptr);
        const int selection = dropdown->GetSelection();

        m_form->field("visit.date")->SetFocus(); // the therapist typed elsewhere
        m_form->Scroll(0, 0);
        pump();
        ASSERT_NE(wxWindow::FindFocus(), dropdown);

        EXPECT_TRUE(sendWheel(dropdown)) << "the wheel reached the dropdown, whose native handler steps it";
        pump();
        EXPECT_EQ(dropdown->GetSelection(), selection);
        EXPECT_EQ(m_form->value(path), value);
        const int scrolledTo = viewTop(*m_form);
        EXPECT_GT(scrolledTo, 0) << "the wheel should scroll the form down";

        EXPECT_TRUE(sendWheel(dropdown, +120)); // and back up
        pump();
        EXPECT_LT(viewTop(*m_form), scrolledTo);
        EXPECT_EQ(m_form->value(path), value);
    }
}

// A deliberate choice: with the keyboard focus on the dropdown the wheel goes to it as usual (GTK
// then steps it), and the form stays where it is.
TEST_F(WheelGuard, TheFocusedDropdownStillGetsTheWheel)
{
    auto* dropdown = m_form->field("pain.irritability");
    dropdown->SetFocus();
    pump();
    if (wxWindow::FindFocus() != dropdown)
        GTEST_SKIP() << "the X server gave the form no keyboard focus";
    m_form->Scroll(0, 0);
    pump();
    EXPECT_FALSE(sendWheel(dropdown)) << "the guard took the wheel from a focused control";
    EXPECT_EQ(viewTop(*m_form), 0);
}

// Scrolling over text, a label or the form itself is not the guard's business: it stays as it was.
TEST_F(WheelGuard, WheelOverATextFieldIsLeftAlone)
{
    auto* text = m_form->field("visit.clinician");
    m_form->field("visit.date")->SetFocus();
    pump();
    EXPECT_FALSE(sendWheel(text));
}

// The program builder's side and dose fields: an unfocused spin control keeps its number.
TEST_F(WheelGuard, WheelOverAnUnfocusedDoseFieldKeepsTheDose)
{
    ProgramBuilder* builder = m_visit->builder();
    ASSERT_NE(builder, nullptr);
    auto* hold = dynamic_cast<wxSpinCtrl*>(builder->FindWindow("dose.hold_s"));
    auto* side = dynamic_cast<wxChoice*>(builder->FindWindow("item.side"));
    ASSERT_NE(hold, nullptr);
    ASSERT_NE(side, nullptr);
    m_form->field("visit.date")->SetFocus();
    pump();
    const int seconds = hold->GetValue();
    const int sideSelection = side->GetSelection();
    EXPECT_TRUE(sendWheel(hold));
    EXPECT_TRUE(sendWheel(side, +120));
    pump();
    EXPECT_EQ(hold->GetValue(), seconds);
    EXPECT_EQ(side->GetSelection(), sideSelection);
}

// The guard as a building block: controls created after it was applied (a form that rebuilds a
// section) are guarded too, a touchpad's fractions of a notch add up, and it ends with its window.
TEST(WheelGuardOnItsOwn, ControlsAddedLaterAreGuardedAndTouchpadFractionsAddUp)
{
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Wheel guard", wxPoint(0, 0), wxSize(400, 300));
    auto* scrolled = new wxScrolledWindow(frame, wxID_ANY);
    scrolled->SetScrollRate(0, 10);
    guardMouseWheel(scrolled);
    guardMouseWheel(scrolled); // twice is harmless

    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* panel = new wxPanel(scrolled); // nested: the guard looks through every level
    auto* choice = new wxChoice(panel, wxID_ANY);
    choice->Append("one");
    choice->Append("two");
    choice->SetSelection(1);
    auto* spin = new wxSpinCtrl(panel, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 100, 30);
    auto* text = new wxTextCtrl(scrolled, wxID_ANY);
    auto* inner = new wxBoxSizer(wxVERTICAL);
    inner->Add(choice);
    inner->Add(spin);
    panel->SetSizer(inner);
    column->Add(text);
    column->Add(panel);
    column->AddSpacer(2000);
    scrolled->SetSizer(column);
    scrolled->FitInside();
    frame->Show();
    text->SetFocus();
    pump();

    EXPECT_TRUE(sendWheel(choice));
    EXPECT_TRUE(sendWheel(spin));
    pump();
    EXPECT_EQ(choice->GetSelection(), 1);
    EXPECT_EQ(spin->GetValue(), 30);
    EXPECT_EQ(viewTop(*scrolled), 6) << "two notches of three lines";

    for (int i = 0; i < 3; ++i) // a touchpad: a third of a notch at a time
        EXPECT_TRUE(sendWheel(choice, -40));
    EXPECT_EQ(viewTop(*scrolled), 9);
    frame->Destroy();
    pump();

    // The window is gone and so is its guard: another window's controls are left alone.
    auto* other = new wxFrame(nullptr, wxID_ANY, "Unguarded", wxPoint(0, 0), wxSize(400, 300));
    auto* loose = new wxChoice(other, wxID_ANY);
    other->Show();
    pump();
    EXPECT_FALSE(sendWheel(loose));
    other->Destroy();
    pump();
}

TEST(WheelGuardOnItsOwn, NamesTheControlsWhoseValueTheWheelSteps)
{
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Kinds");
    EXPECT_TRUE(wheelChangesValue(new wxChoice(frame, wxID_ANY)));
    EXPECT_TRUE(wheelChangesValue(new wxComboBox(frame, wxID_ANY)));
    EXPECT_TRUE(wheelChangesValue(new wxSpinCtrl(frame, wxID_ANY)));
    EXPECT_TRUE(wheelChangesValue(new wxSpinCtrlDouble(frame, wxID_ANY)));
    EXPECT_TRUE(wheelChangesValue(new wxSlider(frame, wxID_ANY, 5, 0, 10)));
    EXPECT_FALSE(wheelChangesValue(new wxTextCtrl(frame, wxID_ANY)));
    EXPECT_FALSE(wheelChangesValue(new wxListBox(frame, wxID_ANY)));
    EXPECT_FALSE(wheelChangesValue(new wxCheckBox(frame, wxID_ANY, "x")));
    EXPECT_FALSE(wheelChangesValue(nullptr));
    frame->Destroy();
    pump();
}

} // namespace
} // namespace hiprx::app
