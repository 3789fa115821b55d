// SPDX-License-Identifier: GPL-3.0-or-later
//
// Dropdowns chosen by typing, as in a spreadsheet: with a dropdown focused, typing "3+" picks the
// grade 3+, "p" picks "positive", "ri" picks "right"; Backspace or Delete goes back to the empty
// first choice. GTK's dropdowns ignore typing, so a therapist entering ~40 test and strength
// results by keyboard had to open each list and arrow through it.
#pragma once

#include <wx/string.h>

#include <vector>

class wxChoice;

namespace hiprx::app {

/// The option `typed` picks among `options`: an option equal to it (case ignored), else the first
/// that starts with it; -1 when none does.
int optionForTyping(const std::vector<wxString>& options, const wxString& typed);

/// Lets the user choose `choice`'s option by typing while it has the focus. Typed characters
/// within a second of each other add up ("3", then "+"); a pause starts again. A change sends
/// wxEVT_CHOICE as a mouse choice would.
void enableTypeToChoose(wxChoice* choice);

} // namespace hiprx::app
