// SPDX-License-Identifier: GPL-3.0-or-later
//
// The numbers doseFor() adjusts a default dose with (ACSM Guidelines 11th ed.; SINSS irritability
// after Kelley 2013, JOSPT; see db/SOURCES.md), named so that tests and documentation use the same
// values.
#pragma once

namespace hiprx::core {

constexpr int kOlderAdultAge = 65;   ///< from this age the older-adult dosing applies
constexpr int kStretchMinHoldS = 10; ///< ACSM: hold static stretches 10–30 s for most adults
constexpr int kStretchMaxHoldS = 30;
constexpr int kStretchTargetTotalS = 60; ///< ACSM: 2–4 reps to gather about 60 s per muscle group
constexpr int kStretchMaxReps = 4;
constexpr int kMaxHoldS = 60;          ///< no default hold of any kind is longer than this
constexpr int kOlderStretchHoldS = 45; ///< ACSM: 30–60 s holds may help older adults more
constexpr int kOlderStretchMaxHoldS = 60;
constexpr int kOlderStrengthMinReps = 10; ///< ACSM: older or deconditioned adults start at 10–15 reps
constexpr int kOlderStrengthMaxReps = 15;
constexpr int kHighIrritabilityMaxHoldS = 15; ///< short holds while tissue is sensitised
constexpr int kHighIrritabilityMaxReps = 10;
constexpr int kModerateIrritabilityMaxHoldS = 30;

} // namespace hiprx::core
