// SPDX-License-Identifier: GPL-3.0-or-later
//
// One process-wide wxEventFilter instead of a handler bound on each control: it sees every wheel
// event before the control does (wx asks filters first, and a filtered event never reaches the
// native widget), so a control created after guardMouseWheel() — a form that rebuilds a section —
// is guarded without anyone remembering to guard it.
#include "app/wheel_guard.h"

#include <wx/choice.h>
#include <wx/combo.h>
#include <wx/combobox.h>
#include <wx/eventfilter.h>
#include <wx/scrolwin.h>
#include <wx/slider.h>
#include <wx/spinbutt.h>
#include <wx/spinctrl.h>
#include <wx/window.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace hiprx::app {

namespace {

/// The window itself or the window around it that `leaf` is part of (a native control may report
/// the wheel on an inner part), below the top-level window; null when no value control.
wxWindow* valueControlAt(wxWindow* leaf)
{
    for (wxWindow* w = leaf; w && !w->IsTopLevel(); w = w->GetParent())
        if (wheelChangesValue(w))
            return w;
    return nullptr;
}

/// True when the keyboard focus is on `control` or on a part of it.
bool hasFocus(const wxWindow* control)
{
    for (const wxWindow* w = wxWindow::FindFocus(); w; w = w->IsTopLevel() ? nullptr : w->GetParent())
        if (w == control)
            return true;
    return false;
}

/// Scroll units one wheel notch moves: the system's lines per notch, or a page when the system is
/// set to scroll a page at a time.
int linesPerNotch(const wxWindow& window, const wxScrollHelper& scrolled, const wxMouseEvent& wheel, bool horizontal)
{
    if (wheel.IsPageScroll()) {
        int unitX = 0;
        int unitY = 0;
        scrolled.GetScrollPixelsPerUnit(&unitX, &unitY);
        const int unit = horizontal ? unitX : unitY;
        const wxSize client = window.GetClientSize();
        return unit > 0 ? std::max(1, (horizontal ? client.x : client.y) / unit) : 0;
    }
    return wheel.GetLinesPerAction() > 0 ? wheel.GetLinesPerAction() : 3;
}

class WheelFilter : public wxEventFilter {
public:
    int FilterEvent(wxEvent& event) override
    {
        if (event.GetEventType() != wxEVT_MOUSEWHEEL)
            return Event_Skip;
        wxWindow* control = valueControlAt(wxDynamicCast(event.GetEventObject(), wxWindow));
        if (!control || !guarded(control) || hasFocus(control))
            return Event_Skip;
        scrollAround(control, static_cast<const wxMouseEvent&>(event));
        return Event_Processed; // never reaches the control, so its value stays
    }

    void add(wxWindow* root)
    {
        if (std::find(m_roots.begin(), m_roots.end(), root) == m_roots.end())
            m_roots.push_back(root);
    }
    void remove(const wxWindow* root) { std::erase(m_roots, root); }
    bool empty() const { return m_roots.empty(); }
    bool has(const wxWindow* root) const { return std::find(m_roots.begin(), m_roots.end(), root) != m_roots.end(); }

private:
    bool guarded(const wxWindow* control) const
    {
        for (const wxWindow* w = control; w; w = w->IsTopLevel() ? nullptr : w->GetParent())
            if (has(w))
                return true;
        return false;
    }

    /// Scrolls the nearest scrolled window around `control` as the wheel scrolls its background:
    /// lines-per-action scroll units per notch, up for a positive rotation. A touchpad reports
    /// fractions of a notch; they add up until a whole one is reached.
    void scrollAround(const wxWindow* control, const wxMouseEvent& wheel)
    {
        for (wxWindow* w = control->GetParent(); w && !w->IsTopLevel(); w = w->GetParent()) {
            auto* scrolled = dynamic_cast<wxScrollHelper*>(w);
            if (!scrolled)
                continue;
            const bool horizontal = wheel.GetWheelAxis() == wxMOUSE_WHEEL_HORIZONTAL;
            if (w != m_lastTarget || horizontal != m_lastHorizontal)
                m_rotation = 0;
            m_lastTarget = w;
            m_lastHorizontal = horizontal;
            const int delta = wheel.GetWheelDelta() > 0 ? wheel.GetWheelDelta() : 120;
            m_rotation += wheel.GetWheelRotation();
            const int notches = m_rotation / delta;
            m_rotation -= notches * delta;
            const int lines = notches * linesPerNotch(*w, *scrolled, wheel, horizontal);
            if (lines == 0)
                return;
            int x = 0;
            int y = 0;
            scrolled->GetViewStart(&x, &y);
            // Scroll() clamps at the far end itself; -1 would mean "leave as is", so clamp at 0.
            if (horizontal)
                scrolled->Scroll(std::max(0, x + lines), -1);
            else
                scrolled->Scroll(-1, std::max(0, y - lines));
            return;
        }
    }

    std::vector<wxWindow*> m_roots;
    const wxWindow* m_lastTarget = nullptr;
    bool m_lastHorizontal = false;
    int m_rotation = 0; ///< part of a notch not yet scrolled
};

/// Installed while at least one root is guarded, so no filter outlives the windows (or wx).
WheelFilter* g_filter = nullptr;

} // namespace

bool wheelChangesValue(const wxWindow* window)
{
    // wxComboBox derives from wxChoice on GTK and from wxControl elsewhere: name both.
    for (const wxClassInfo* kind : {wxCLASSINFO(wxChoice), wxCLASSINFO(wxComboBox), wxCLASSINFO(wxComboCtrlBase),
                                    wxCLASSINFO(wxSpinCtrl), wxCLASSINFO(wxSpinCtrlDouble),
                                    wxCLASSINFO(wxSpinButton), wxCLASSINFO(wxSlider)})
        if (window && window->IsKindOf(kind))
            return true;
    return false;
}

void guardMouseWheel(wxWindow* root)
{
    if (!root || (g_filter && g_filter->has(root)))
        return;
    if (!g_filter) {
        g_filter = new WheelFilter;
        wxEvtHandler::AddFilter(g_filter);
    }
    g_filter->add(root);
    root->Bind(wxEVT_DESTROY, [root](wxWindowDestroyEvent& event) {
        event.Skip();
        if (event.GetEventObject() != root || !g_filter)
            return;
        g_filter->remove(root);
        if (g_filter->empty()) {
            wxEvtHandler::RemoveFilter(g_filter);
            delete g_filter;
            g_filter = nullptr;
        }
    });
}

} // namespace hiprx::app
