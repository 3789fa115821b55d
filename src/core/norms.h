// SPDX-License-Identifier: GPL-3.0-or-later
//
// Normative hip range-of-motion values, one table with several reference sets (the therapist picks
// one; Roach & Miles, a population sample with a spread, is the default). Each value carries its
// source. "Limited" means below the set's lower reference limit (typical value minus two standard
// deviations of a healthy sample), never the norm minus a measurement error: the MDC describes
// change between two measurements, not where normal ends.
#pragma once

#include "core/vocabulary.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hiprx::core {

enum class NormSet { Aaos, Aaos1994, Ama, Kendall, BooneAzen, RoachMiles };

/// The set used when the clinic has chosen none: the only adult population sample with a spread.
constexpr NormSet kDefaultNormSet = NormSet::RoachMiles;

struct NormValue {
    NormSet set;
    Movement movement;
    int degrees;               ///< expected full range
    std::string_view source;
};

/// All reference sets, for the settings dialog (the default first).
std::span<const NormSet> normSets() noexcept;
std::string_view normSetId(NormSet set) noexcept;     ///< "aaos", "kendall", …
std::string_view normSetLabel(NormSet set) noexcept;  ///< "AAOS (1965)", …
std::optional<NormSet> normSetFromId(std::string_view id) noexcept;

/// The normative value of a movement in a set; nothing when the set has no value for it.
std::optional<NormValue> norm(NormSet set, Movement movement) noexcept;

/// The typical value a measurement is compared with. Rotation is position-specific whatever the set
/// (textbook sets do not say in which position they measured): supine, prone or sitting
/// (Kouyoumdjian 2012; sitting external rotation from Roach & Miles 1991). Without a recorded
/// position, the position with the lowest limit is assumed, so a normal hip is never called limited.
int typicalDegrees(NormSet set, Movement movement, std::optional<RotationPosition> position = std::nullopt) noexcept;

/// Lower reference limit: a value below it counts as limited. The typical value minus two standard
/// deviations of a healthy sample (never below 0).
int limitedBelow(NormSet set, Movement movement, std::optional<RotationPosition> position = std::nullopt) noexcept;

/// One line saying where the limit comes from, for evidence and the rule table, e.g.
/// "Roach & Miles (1991) 19° − 2 SD (8°)" or "supine, Kouyoumdjian 2012: 30° − 2 SD (8°)".
std::string limitBasis(NormSet set, Movement movement, std::optional<RotationPosition> position = std::nullopt);

/// Spread (one standard deviation, degrees) of healthy adults for a movement (Roach & Miles 1991,
/// NHANES-I; recalled, see db/SOURCES.md).
int populationSdDegrees(Movement movement) noexcept;

/// Minimal detectable change (MDC95, degrees) of a goniometric measurement of this movement,
/// computed from the SEMs of Pua 2008, Arch Phys Med Rehabil (the paper reports SEMs, not MDCs).
int measurementErrorDegrees(Movement movement) noexcept;

/// Side-to-side difference that counts as an asymmetry: at least 10° and above the MDC.
int asymmetryThreshold(Movement movement) noexcept;

} // namespace hiprx::core
