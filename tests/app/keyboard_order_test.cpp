// SPDX-License-Identifier: GPL-3.0-or-later
//
// The assessment form without a mouse: Tab, from the first field, reaches every field of the form
// once, in the same order as Enter; Shift+Tab goes back.
#include "app/assessment_form.h"
#include "app/main_frame.h"

#include "gui_test_support.h"

#include <gtest/gtest.h>
#include <wx/uiaction.h>
#include <wx/window.h>

#include <map>
#include <string>
#include <vector>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

class KeyboardOrder : public test_support::NewVisitWindow {
protected:
    void SetUp() override
    {
        NewVisitWindow::SetUp();
        if (HasFatalFailure())
            return;
        m_form = m_visit->form();
        for (const auto& path : m_form->fieldOrder())
            m_pathOf[m_form->field(path)] = path;
    }

    /// The field holding the keyboard focus ("" when none: focus left the form's fields). Focus
    /// may sit on an inner native widget of a control (a choice's button): climb to the control.
    std::string focusedField() const
    {
        const wxWindow* focus = wxWindow::FindFocus();
        while (focus && !m_pathOf.count(focus))
            focus = focus->GetParent();
        return focus ? m_pathOf.at(focus) : "";
    }

    AssessmentForm* m_form = nullptr;
    std::map<const wxWindow*, std::string> m_pathOf;
};

TEST_F(KeyboardOrder, TabWalksEveryAssessmentFieldInTheEnterOrder)
{
    const std::vector<std::string> order = m_form->fieldOrder();
    ASSERT_GT(order.size(), 100u) << "ROM grid, pain, tests, strength, red flags, precautions, outcomes, notes";
    m_form->field(order.front())->SetFocus();
    pump();
    ASSERT_EQ(focusedField(), order.front());

    wxUIActionSimulator sim;
    for (std::size_t step = 1; step < order.size(); ++step) {
        sim.Char(WXK_TAB);
        pump(10);
        ASSERT_EQ(focusedField(), order[step]) << "Tab from " << order[step - 1];
    }
}

TEST_F(KeyboardOrder, ShiftTabGoesBackOneField)
{
    const std::vector<std::string> order = m_form->fieldOrder();
    m_form->field(order[10])->SetFocus();
    pump();
    wxUIActionSimulator sim;
    sim.Char(WXK_TAB, wxMOD_SHIFT);
    pump();
    EXPECT_EQ(focusedField(), order[9]);
    sim.Char(WXK_TAB, wxMOD_SHIFT);
    pump();
    EXPECT_EQ(focusedField(), order[8]);
}

} // namespace
} // namespace hiprx::app
