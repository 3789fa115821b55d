// SPDX-License-Identifier: GPL-3.0-or-later
//
// Normative hip range-of-motion values, one table with several reference sets (the therapist picks
// one; AAOS is the default). Each value carries its source.
#pragma once

#include "core/vocabulary.h"

#include <optional>
#include <span>
#include <string_view>

namespace hiprx::core {

enum class NormSet { Aaos, Aaos1994, Ama, Kendall, BooneAzen, RoachMiles };

struct NormValue {
    NormSet set;
    Movement movement;
    int degrees;               ///< expected full range
    std::string_view source;
};

/// All reference sets, for the settings dialog.
std::span<const NormSet> normSets() noexcept;
std::string_view normSetId(NormSet set) noexcept;     ///< "aaos", "kendall", …
std::string_view normSetLabel(NormSet set) noexcept;  ///< "AAOS (1965)", …
std::optional<NormSet> normSetFromId(std::string_view id) noexcept;

/// The normative value of a movement in a set; nothing when the set has no value for it.
std::optional<NormValue> norm(NormSet set, Movement movement) noexcept;

/// Threshold below which a measured value counts as limited, for this set. Usually the norm minus the
/// measurement error (MDC), and for hip extension the clinical cut-off of 10° (Kendall).
int limitedBelow(NormSet set, Movement movement) noexcept;

/// Minimal detectable change (MDC95, degrees) of a goniometric measurement of this movement,
/// computed from the SEMs of Pua 2008, Arch Phys Med Rehabil (the paper reports SEMs, not MDCs).
int measurementErrorDegrees(Movement movement) noexcept;

/// Side-to-side difference that counts as an asymmetry: at least 10° and above the MDC.
int asymmetryThreshold(Movement movement) noexcept;

} // namespace hiprx::core
