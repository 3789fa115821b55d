// SPDX-License-Identifier: GPL-3.0-or-later
//
// The JSON exchange formats of HipRx (design.md, "Contracts"):
//   hiprx-assessment/1  an assessment file (patient, visit, findings)
//   hiprx-plan/1        the result of `hiprx-cli plan` (referral, impairments, program, excluded)
//   hiprx-program/1     a program as stored when issued
//   hiprx-exercises/1   the exercise library (db/exercises.json and clinic exports)
// Readers check everything and report every problem with its path; nothing is half-read.
#pragma once

#include "core/analysis.h"
#include "core/assessment.h"
#include "core/branding.h"
#include "core/exercise.h"
#include "core/program.h"

#include <string>
#include <string_view>
#include <vector>

namespace hiprx::exchange {

inline constexpr std::string_view kAssessmentFormat = "hiprx-assessment/1";
inline constexpr std::string_view kPlanFormat = "hiprx-plan/1";
inline constexpr std::string_view kProgramFormat = "hiprx-program/1";
inline constexpr std::string_view kExercisesFormat = "hiprx-exercises/1";

/// Parses and validates an assessment file. Throws InputError listing every problem: malformed
/// JSON (with line and column), an empty file, wrong types, unknown ids, out-of-range values, and
/// everything core::validate() finds. `today` bounds dates.
core::Assessment readAssessment(std::string_view json, const core::Date& today);

/// Writes an assessment in the hiprx-assessment/1 format (pretty-printed, UTF-8). Reading the result
/// back gives an equal Assessment.
std::string writeAssessment(const core::Assessment& assessment);

/// Writes the hiprx-plan/1 result of analysing and planning one assessment.
std::string writePlan(const core::Analysis& analysis, const core::Program& program);

/// A program as stored with an issued visit; round-trips exactly.
std::string writeProgram(const core::Program& program);
core::Program readProgram(std::string_view json);

/// Reads an exercise library file; every exercise is checked with core::validateExercise and ids
/// must be unique. `builtin` marks where the exercises come from.
std::vector<core::Exercise> readExercises(std::string_view json, bool builtin);
std::string writeExercises(const std::vector<core::Exercise>& exercises);

/// Clinic branding as given to the CLI (`--branding FILE.json`) and stored in the settings.
core::Branding readBranding(std::string_view json);
std::string writeBranding(const core::Branding& branding);

} // namespace hiprx::exchange
