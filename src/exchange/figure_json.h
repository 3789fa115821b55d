// SPDX-License-Identifier: GPL-3.0-or-later
//
// The exercise figure files (assets/figures/<exercise id>.json, format "hiprx-figure/1"; described in
// assets/figures/README.md): a base pose plus joint overrides for the start and end frames, props,
// highlighted segments and the arrow. Problems name the file and the field:
// `assets/figures/clamshell.json: end.pose.left_hip: 170 is outside −30–140`.
#pragma once

#include "core/figure.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace hiprx::exchange {

inline constexpr std::string_view kFigureFormat = "hiprx-figure/1";

/// Parses and checks one figure file. `label` (the file's path as the user knows it) prefixes every
/// problem. Throws InputError listing every problem: malformed JSON, unknown keys, base poses,
/// joints, body points, props or segments, joints outside their anatomical range, and an
/// "exercise" that differs from `expectedId` when one is given.
core::FigureSpec readFigure(std::string_view json, const std::string& label, std::string_view expectedId = {});

/// Writes `spec` as a figure file (its id as "exercise"): the start frame as the base posture of
/// its view it differs least from plus the joints that differ, the end frame as what differs from
/// the start. readFigure gives back an equal spec.
std::string writeFigure(const core::FigureSpec& spec);

/// Reads every `*.json` in `dir` (README and other files are ignored), keyed by exercise id (the
/// file name without `.json`). Throws InputError with the problems of every bad file (each naming
/// its file, hence its exercise id) and Error when the folder cannot be read.
std::map<std::string, core::FigureSpec> readFigureDir(const std::filesystem::path& dir);

} // namespace hiprx::exchange
