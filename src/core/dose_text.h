// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/exercise.h"

#include <string>

namespace hiprx::core {

/// The dose in one plain line, e.g. "3 × 30 s hold · once a day, every day" or
/// "2 sets × 12 reps, rest 60 s · once a day, 3 days a week · light band". Used by the CLI, the
/// app and the PDF so the patient reads the same words everywhere.
std::string describeDose(const Dose& dose);

/// The "how much" part only: "2 sets × 12 reps" or "3 × 30 s hold".
std::string describeVolume(const Dose& dose);

/// The "how often" part only: "once a day, every day".
std::string describeFrequency(const Dose& dose);

} // namespace hiprx::core
