// SPDX-License-Identifier: GPL-3.0-or-later
//
// The mouse wheel scrolls forms; it never changes a finding. GTK (and Windows) let the wheel step a
// dropdown, spin control or slider that the pointer happens to pass over, so scrolling a long form
// silently changed irritability, test results and strength grades. Under a guarded window the wheel
// changes such a control only while it has the keyboard focus (the therapist chose it); otherwise
// the wheel scrolls the nearest scrolled window around it instead.
#pragma once

class wxWindow;

namespace hiprx::app {

/// Guards every value control (choice, combo box, spin control, slider) under `root`, including
/// controls created later, for as long as `root` exists. Calling it again for the same root does
/// nothing.
void guardMouseWheel(wxWindow* root);

/// True when `window` is a control whose value the mouse wheel would step.
bool wheelChangesValue(const wxWindow* window);

} // namespace hiprx::app
