// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a visit keeps as its draft, in the one text store::DraftRepository holds: the form's typing
// not yet saved, and the program in the builder not yet issued (edited by hand, from a protocol or
// from Next program…). One JSON document (hiprx-visit-draft/1); a draft written before programs
// were drafted (the form's own text) still reads, as a form-only draft. No wx: tested directly.
#pragma once

#include "core/program.h"

#include <optional>
#include <string>

namespace hiprx::app {

struct VisitDraft {
    /// The form's text (AssessmentForm::formText) when typing is not saved as the visit yet.
    std::optional<std::string> formText;
    /// The builder's program when it is not issued; doses and sides exactly as typed, even invalid.
    std::optional<core::Program> program;
    /// True when the program was saved with the visit (Save): it comes back without asking.
    bool programSaved = false;
    /// Where the program came from, as the builder says it above the list ("" when by hand).
    std::string origin;

    bool empty() const { return !formText && !program; }
};

/// The draft as the text to store.
std::string encodeVisitDraft(const VisitDraft& draft);
/// Reads a stored draft. Text that is not a hiprx-visit-draft/1 document is an older form-only
/// draft. A program that cannot be read any more (an exercise gone from an old file) is left out
/// and `problem` says why; the form is kept.
VisitDraft decodeVisitDraft(const std::string& text, std::string* problem = nullptr);

} // namespace hiprx::app
