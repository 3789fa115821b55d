// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-clinic-exercises/1: a clinic's own exercises, to move between databases or give to a
// colleague (`hiprx-cli exercise export|import`), and the form each is stored in. Each entry is a
// hiprx-exercises/1 exercise with two more optional keys:
//   "retired": true                 no longer offered; kept for the programs that used it
//   "picture": {"type": "image/png" | "image/jpeg", "width": 800, "height": 600,
//               "data": "<the file, base64>"}
//   "own_figure": {"start": {"base": "supine", "pose": {"right_hip": 40}}, "end": {…}, "props": […],
//                  "highlight": […], "arrow": "right_knee", …}
//                                   a figure of its own: a hiprx-figure/1 figure (assets/figures/README.md)
//                                   without "format" and "exercise"; at most one of picture and own_figure
#pragma once

#include "core/clinic_exercise.h"

#include <string>
#include <string_view>
#include <vector>

namespace hiprx::exchange {

inline constexpr std::string_view kClinicExercisesFormat = "hiprx-clinic-exercises/1";

/// Reads a hiprx-clinic-exercises/1 document (a hiprx-exercises/1 library is read too: it is the
/// same without retired flags, pictures and own figures). Every exercise is checked with
/// core::validateClinicExercise, ids must be unique; throws InputError listing every problem by
/// path (`exercises[2].steps[0]: …`). Whether a picture's bytes decode is left to the caller.
std::vector<core::ClinicExercise> readClinicExercises(std::string_view json);

/// Writes the document; reading it back gives the same exercises, pictures byte for byte.
std::string writeClinicExercises(const std::vector<core::ClinicExercise>& exercises);

} // namespace hiprx::exchange
