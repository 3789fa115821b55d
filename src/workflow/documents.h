// SPDX-License-Identifier: GPL-3.0-or-later
//
// The inputs of each document, decided once for every front end: who the therapist is, which date
// is printed, what the patient is told to take care of.
#pragma once

#include "core/analysis.h"
#include "core/assessment.h"
#include "core/branding.h"
#include "core/date.h"
#include "core/program.h"
#include "render/figure_drawer.h"
#include "render/home_program.h"
#include "render/page_template.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hiprx::workflow {

/// The clinic's branding with the therapist of a visit's documents: the visit's clinician (as
/// recorded, e.g. "Jane Park, PT"), or the clinic's default therapist when the visit names nobody.
core::Branding documentBranding(const core::Branding& clinic, const std::string& visitClinician);

/// The date a visit's documents carry: the visit's date, or `today` when the visit has none.
core::Date documentDate(const core::Assessment& assessment, core::Date today);

/// The recorded pain scores in words: "now 6/10, best 2/10, worst 8/10"; empty when none was recorded.
std::string painScoresText(const core::Pain& pain);

/// "left" / "right".
std::string sideWord(core::Side side);

/// Everything the home-program PDF shows for this visit and program.
render::HomeProgramInput handoutInput(const core::Assessment& assessment, const core::Analysis& analysis,
                                      const core::Program& program, const core::Branding& clinic, core::Date today);

/// The home-program PDF (templates from the data folder; `figures` may be null for none).
std::vector<std::uint8_t> renderHandout(const render::HomeProgramInput& input, render::PageSize size,
                                        const render::FigureLibrary* figures);

} // namespace hiprx::workflow
