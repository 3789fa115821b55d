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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::workflow {

/// The clinic's branding with the therapist of a visit's documents: the visit's clinician (as
/// recorded, e.g. "Jane Park, PT"), or the clinic's default therapist when the visit names nobody.
core::Branding documentBranding(const core::Branding& clinic, const std::string& visitClinician);

/// The date a visit's documents carry: the visit's date, or `today` when the visit has none.
core::Date documentDate(const core::Assessment& assessment, core::Date today);

/// That date as the documents print it, in the clinic's format ("5 December 2026").
std::string documentDateText(const core::Assessment& assessment, core::Date today, core::DateFormat format);

/// The calendar day, in this computer's time zone, of a stored time (ISO 8601 UTC,
/// "2026-12-06T02:30:00.000Z": 5 December in New York); nothing when the text is not such a time.
std::optional<core::Date> localDate(std::string_view isoUtc);

/// How one handout is printed, chosen per patient (the app's Preview and issue, the CLI's options).
struct HandoutOptions {
    core::DateFormat dateFormat = core::kDefaultDateFormat; ///< the clinic's (Clinic::dateFormat)
    bool largePrint = false; ///< body text 14 pt instead of 9.5 pt, headings and figures larger
};

/// The age from which large print is suggested (issue 16: a 92-year-old could not read 9.5 pt).
inline constexpr int kLargePrintSuggestedFromAge = 75;

/// True when the patient is 75 or older on `today`, so the app ticks "Large print" for them (the
/// clinician may untick it). False when the birth date is not recorded.
bool suggestLargePrint(const core::Patient& patient, core::Date today);

/// The recorded pain scores in words: "now 6/10, best 2/10, worst 8/10"; empty when none was recorded.
std::string painScoresText(const core::Pain& pain);

/// "left" / "right".
std::string sideWord(core::Side side);

/// Everything the home-program PDF shows for this visit and program; `options` with the clinic's
/// date format (default: core::kDefaultDateFormat, normal print).
render::HomeProgramInput handoutInput(const core::Assessment& assessment, const core::Analysis& analysis,
                                      const core::Program& program, const core::Branding& clinic, core::Date today,
                                      const HandoutOptions& options = {});

/// The home-program PDF (templates from the data folder; `figures` draws the cards: pass
/// Materials::drawer() so clinic exercises show their pictures; null for none); `layout`,
/// when given, receives where each part went (render::HandoutPage).
std::vector<std::uint8_t> renderHandout(const render::HomeProgramInput& input, render::PageSize size,
                                        const render::FigureDrawer* figures,
                                        std::vector<render::HandoutPage>* layout = nullptr);

} // namespace hiprx::workflow
