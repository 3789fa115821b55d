// SPDX-License-Identifier: GPL-3.0-or-later
//
// The body chart of the assessment form: a front and a back outline with the pain regions of
// core::BodyRegion as areas to click, each on the patient's own left or right (the front view is a
// mirror: the patient's right is on the viewer's left). Clicking an area toggles it; the form keeps
// the chosen areas and a checklist of the same areas for the keyboard.
#pragma once

#include "core/assessment.h"

#include <wx/window.h>

#include <functional>
#include <optional>
#include <vector>

namespace hiprx::app {

class BodyChart : public wxWindow {
public:
    explicit BodyChart(wxWindow* parent);

    /// Every area the chart offers, in the order the checklist lists them (region by region).
    static std::vector<core::PainArea> offeredAreas();

    /// Shows these areas as chosen.
    void setChosen(const std::vector<core::PainArea>& areas);
    /// Called with the area clicked (the owner toggles it and calls setChosen).
    void setOnToggle(std::function<void(const core::PainArea&)> onToggle) { m_onToggle = std::move(onToggle); }

    /// The area under a point of the window, or nothing.
    std::optional<core::PainArea> areaAt(const wxPoint& point) const;
    /// The middle of an area's first spot in window pixels, or nothing when the chart does not draw
    /// that area (tests click there).
    std::optional<wxPoint> pointOf(const core::PainArea& area) const;

    bool AcceptsFocus() const override { return false; } // the checklist is the keyboard's way in
    bool AcceptsFocusFromKeyboard() const override { return false; }

private:
    struct Spot {
        core::PainArea area;
        double x, y, w, h; ///< in chart units (see kChartWidth)
    };
    struct Transform {
        double scale, dx, dy;
    };
    Transform transform() const;
    void onPaint(wxPaintEvent& event);
    void onClick(wxMouseEvent& event);
    void onMotion(wxMouseEvent& event);

    std::vector<Spot> m_spots;
    std::vector<core::PainArea> m_chosen;
    std::optional<core::PainArea> m_hover;
    std::function<void(const core::PainArea&)> m_onToggle;
};

} // namespace hiprx::app
