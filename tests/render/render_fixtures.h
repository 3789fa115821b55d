// SPDX-License-Identifier: GPL-3.0-or-later
//
// Invented clinics, people and programs for the render tests, the sample PDFs and the benchmark.
#pragma once

#include "render/home_program.h"

#include <cstddef>
#include <filesystem>

namespace hiprx::render::fixtures {

/// A clinic with every branding field filled, no logo.
core::Branding clinic();

/// A program of `count` exercises (1–25 distinct names; more repeat with a numbered suffix).
core::Program program(std::size_t count);

/// A referral at `level` with one or two invented warnings (none for Urgency::None).
core::Referral referral(core::Urgency level);

/// Input for `patientName` with `count` exercises and a referral at `level`.
HomeProgramInput input(const std::string& patientName, std::size_t count, core::Urgency level);

/// The handout of assets/examples/hip_replacement_posterior.json as `hiprx-cli plan --pdf` printed it
/// when issue 16 was reported: no branding, the posterior hip replacement precaution, and the three
/// exercises the planner chose then, worded as the built-in library words them, each with a figure
/// named after it.
HomeProgramInput posteriorHipReplacementSample();

/// The repository's templates/ folder.
std::filesystem::path templatesDir();

} // namespace hiprx::render::fixtures
