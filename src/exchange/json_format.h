// SPDX-License-Identifier: GPL-3.0-or-later
//
// The JSON exchange formats of HipRx (design.md, "Contracts"):
//   hiprx-assessment/1  an assessment file (patient, visit, findings)
//   hiprx-plan/1        the result of `hiprx-cli plan` (referral, impairments, program, excluded)
//   hiprx-program/1     a program as stored when issued
//   hiprx-exercises/1   the exercise library (db/exercises.json and clinic exports)
//   hiprx-next/1        the suggested next program of a follow-up visit (`hiprx-cli next`)
// Readers check everything and report every problem with its path; nothing is half-read.
#pragma once

#include "core/analysis.h"
#include "core/assessment.h"
#include "core/branding.h"
#include "core/exercise.h"
#include "core/program.h"
#include "core/progression.h"

#include <string>
#include <string_view>
#include <vector>

namespace hiprx::exchange {

inline constexpr std::string_view kAssessmentFormat = "hiprx-assessment/1";
inline constexpr std::string_view kPlanFormat = "hiprx-plan/1";
inline constexpr std::string_view kProgramFormat = "hiprx-program/1";
inline constexpr std::string_view kExercisesFormat = "hiprx-exercises/1";
inline constexpr std::string_view kNextFormat = "hiprx-next/1";

/// Parses and validates an assessment file. Throws InputError listing every problem: malformed
/// JSON (with line and column), an empty file, wrong types, unknown ids, out-of-range values, and
/// everything core::validate() finds. `today` bounds dates.
core::Assessment readAssessment(std::string_view json, const core::Date& today);

/// Writes an assessment in the hiprx-assessment/1 format (pretty-printed, UTF-8, "format" first, only
/// the sections and values that are present). Reading the result back gives an equal Assessment
/// (except Patient::id, the database id, which is not part of the format). Throws Error when a text
/// is not valid UTF-8.
std::string writeAssessment(const core::Assessment& assessment);

/// Writes the hiprx-plan/1 result of analysing and planning one assessment: referral (with every
/// warning), irritability, precautions, impairments (a midline impairment has "side": "none"),
/// program, excluded, withheld, warnings, notes and cautions. Throws Error on text that is not UTF-8.
std::string writePlan(const core::Analysis& analysis, const core::Program& program);

/// A program as stored with an issued visit (hiprx-program/1: referral_level, withheld, program —
/// items shaped as in the plan plus their instruction snapshot —, excluded, warnings); round-trips
/// exactly.
std::string writeProgram(const core::Program& program);
/// Reads a hiprx-program/1 document; throws InputError listing every problem (shape, ids and
/// core::validateProgram).
core::Program readProgram(std::string_view json);

/// Writes the hiprx-next/1 document of `hiprx-cli next`: step, reasons, program (items as in
/// hiprx-plan/1, each basis ending with what changed and why), excluded ({exercise, name, reason}
/// in words), changes ({from, from_name, to, dropped, reason} per item of the last program),
/// referral_level, withheld, warnings.
std::string writeNext(const core::NextProgram& next);

/// Reads an exercise library file; every exercise is checked with core::validateExercise and ids
/// must be unique. `builtin` marks where the exercises come from.
std::vector<core::Exercise> readExercises(std::string_view json, bool builtin);
/// Writes the library with every key of every exercise (the `builtin` flag is not written).
std::string writeExercises(const std::vector<core::Exercise>& exercises);

/// Clinic branding as given to the CLI (`--branding FILE.json`) and stored in the settings.
/// Every key is optional; accent_color must be #RRGGBB and email an address. Throws InputError.
core::Branding readBranding(std::string_view json);
/// Writes every key (clinic_name, address, phone, email, website, logo, accent_color,
/// therapist_name, therapist_credentials).
std::string writeBranding(const core::Branding& branding);

} // namespace hiprx::exchange
