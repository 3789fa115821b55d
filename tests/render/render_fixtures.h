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

/// The repository's templates/ folder.
std::filesystem::path templatesDir();

} // namespace hiprx::render::fixtures
