// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one table of normative hip ROM. The figures are the usual textbook tabulations (listed in
// db/SOURCES.md); most were recalled rather than read in the primary text, which each source string
// says, so a clinic can check them before relying on them. The lower reference limit is the typical
// value minus two population SDs: textbook sets give a typical full range without a spread, so they
// borrow the spread of the NHANES-I sample (Roach & Miles 1991).
#include "core/norms.h"

#include <algorithm>
#include <array>

namespace hiprx::core {

namespace {

constexpr std::string_view kAaos1965 =
    "AAOS 1965, Joint Motion: Method of Measuring and Recording (textbook tabulation, recalled)";
constexpr std::string_view kAaos1994 =
    "AAOS 1994, Greene & Heckman, Clinical Measurement of Joint Motion (recalled)";
constexpr std::string_view kAma = "AMA Guides to the Evaluation of Permanent Impairment, 5th ed. (recalled)";
constexpr std::string_view kKendall = "Kendall, McCreary & Provance, Muscles: Testing and Function (recalled)";
constexpr std::string_view kBooneAzen =
    "Boone & Azen 1979, JBJS 61-A, 109 healthy males, active ROM (means, recalled)";
constexpr std::string_view kRoachMiles =
    "Roach & Miles 1991, Phys Ther 71:656, NHANES-I adults 25-74 y, active ROM (means, recalled)";

using M = Movement;
using S = NormSet;

// Roach & Miles report no adduction value, so that row has five entries.
constexpr NormValue kNorms[] = {
    {S::Aaos, M::HipFlexion, 120, kAaos1965},
    {S::Aaos, M::HipExtension, 30, kAaos1965},
    {S::Aaos, M::HipAbduction, 45, kAaos1965},
    {S::Aaos, M::HipAdduction, 30, kAaos1965},
    {S::Aaos, M::HipInternalRotation, 45, kAaos1965},
    {S::Aaos, M::HipExternalRotation, 45, kAaos1965},
    {S::Aaos1994, M::HipFlexion, 120, kAaos1994},
    {S::Aaos1994, M::HipExtension, 20, kAaos1994},
    {S::Aaos1994, M::HipAbduction, 45, kAaos1994},
    {S::Aaos1994, M::HipAdduction, 30, kAaos1994},
    {S::Aaos1994, M::HipInternalRotation, 35, kAaos1994},
    {S::Aaos1994, M::HipExternalRotation, 45, kAaos1994},
    {S::Ama, M::HipFlexion, 100, kAma},
    {S::Ama, M::HipExtension, 30, kAma},
    {S::Ama, M::HipAbduction, 40, kAma},
    {S::Ama, M::HipAdduction, 20, kAma},
    {S::Ama, M::HipInternalRotation, 40, kAma},
    {S::Ama, M::HipExternalRotation, 50, kAma},
    {S::Kendall, M::HipFlexion, 125, kKendall},
    {S::Kendall, M::HipExtension, 10, kKendall},
    {S::Kendall, M::HipAbduction, 45, kKendall},
    {S::Kendall, M::HipAdduction, 10, kKendall},
    {S::Kendall, M::HipInternalRotation, 45, kKendall},
    {S::Kendall, M::HipExternalRotation, 45, kKendall},
    {S::BooneAzen, M::HipFlexion, 122, kBooneAzen},
    {S::BooneAzen, M::HipExtension, 10, kBooneAzen},
    {S::BooneAzen, M::HipAbduction, 46, kBooneAzen},
    {S::BooneAzen, M::HipAdduction, 27, kBooneAzen},
    {S::BooneAzen, M::HipInternalRotation, 47, kBooneAzen},
    {S::BooneAzen, M::HipExternalRotation, 47, kBooneAzen},
    {S::RoachMiles, M::HipFlexion, 121, kRoachMiles},
    {S::RoachMiles, M::HipExtension, 19, kRoachMiles},
    {S::RoachMiles, M::HipAbduction, 42, kRoachMiles},
    {S::RoachMiles, M::HipInternalRotation, 32, kRoachMiles},
    {S::RoachMiles, M::HipExternalRotation, 32, kRoachMiles},
};

struct SetInfo {
    NormSet set;
    std::string_view id;
    std::string_view label;
};

constexpr SetInfo kSets[] = {
    {S::Aaos, "aaos", "AAOS (1965)"},
    {S::Aaos1994, "aaos_1994", "AAOS (1994, Greene & Heckman)"},
    {S::Ama, "ama", "AMA Guides (5th ed.)"},
    {S::Kendall, "kendall", "Kendall, McCreary & Provance"},
    {S::BooneAzen, "boone_azen", "Boone & Azen (1979)"},
    {S::RoachMiles, "roach_miles", "Roach & Miles (1991)"},
};

constexpr std::array<NormSet, 6> kSetOrder = {S::RoachMiles, S::Aaos, S::Aaos1994, S::Ama, S::Kendall,
                                              S::BooneAzen};

// Side-to-side differences below this are treated as equal (Ellison, Rose & Sahrmann 1990).
constexpr int kMinAsymmetry = 10;

// Position-specific rotation (Kouyoumdjian 2012, Orthop Traumatol Surg Res, 120 healthy adults
// 20–60 y, means rounded): supine IR 29.6°, ER 38.5°; prone IR 35.2°, ER 41.8°; sitting IR 37.9°. The
// paper's sitting ER is garbled in its abstract, so sitting ER is Roach & Miles' 32° (measured with
// the hip flexed).
struct RotationNorm {
    RotationPosition position;
    int internal;
    int external;
    std::string_view internalSource;
    std::string_view externalSource;
};

constexpr RotationNorm kRotationNorms[] = {
    {RotationPosition::Supine, 30, 39, "Kouyoumdjian 2012 (supine)", "Kouyoumdjian 2012 (supine)"},
    {RotationPosition::Prone, 35, 42, "Kouyoumdjian 2012 (prone)", "Kouyoumdjian 2012 (prone)"},
    {RotationPosition::Sitting, 38, 32, "Kouyoumdjian 2012 (sitting)", "Roach & Miles 1991 (sitting)"},
};

bool isRotation(Movement movement) noexcept
{
    return movement == Movement::HipInternalRotation || movement == Movement::HipExternalRotation;
}

const RotationNorm& rotationNorm(RotationPosition position) noexcept
{
    for (const auto& r : kRotationNorms)
        if (r.position == position)
            return r;
    return kRotationNorms[0];
}

int rotationTypical(const RotationNorm& r, Movement movement) noexcept
{
    return movement == Movement::HipInternalRotation ? r.internal : r.external;
}

/// The recorded position, or the one whose limit is lowest for this movement.
RotationPosition rotationPositionFor(Movement movement, std::optional<RotationPosition> position) noexcept
{
    if (position)
        return *position;
    const RotationNorm* lowest = &kRotationNorms[0];
    for (const auto& r : kRotationNorms)
        if (rotationTypical(r, movement) < rotationTypical(*lowest, movement))
            lowest = &r;
    return lowest->position;
}

} // namespace

std::span<const NormSet> normSets() noexcept { return kSetOrder; }

std::string_view normSetId(NormSet set) noexcept
{
    for (const auto& info : kSets)
        if (info.set == set)
            return info.id;
    return {};
}

std::string_view normSetLabel(NormSet set) noexcept
{
    for (const auto& info : kSets)
        if (info.set == set)
            return info.label;
    return {};
}

std::optional<NormSet> normSetFromId(std::string_view id) noexcept
{
    for (const auto& info : kSets)
        if (info.id == id)
            return info.set;
    return std::nullopt;
}

std::optional<NormValue> norm(NormSet set, Movement movement) noexcept
{
    for (const auto& value : kNorms)
        if (value.set == set && value.movement == movement)
            return value;
    return std::nullopt;
}

int measurementErrorDegrees(Movement movement) noexcept
{
    // MDC95 = 1.96 × √2 × SEM ≈ 2.77 × SEM, from the intrarater SEMs of Pua et al. 2008 (hip OA):
    // flexion 3.5° → 10°, extension 4.7° → 13°. The other movements fall inside the reported SEM range
    // of 3.1–4.7°; its middle, 4.0°, gives 11°.
    switch (movement) {
    case Movement::HipFlexion:
        return 10;
    case Movement::HipExtension:
        return 13;
    case Movement::HipAbduction:
    case Movement::HipAdduction:
    case Movement::HipInternalRotation:
    case Movement::HipExternalRotation:
        return 11;
    }
    return 11;
}

int populationSdDegrees(Movement movement) noexcept
{
    // Roach & Miles 1991 (NHANES-I, 1,683 adults 25–74 y): SDs recalled, not read in the paper. The
    // sample has no adduction; 6° is assumed for it (no population SD at hand).
    switch (movement) {
    case Movement::HipFlexion:
        return 13;
    case Movement::HipExtension:
        return 8;
    case Movement::HipAbduction:
        return 11;
    case Movement::HipAdduction:
        return 6;
    case Movement::HipInternalRotation:
    case Movement::HipExternalRotation:
        return 8;
    }
    return 8;
}

int typicalDegrees(NormSet set, Movement movement, std::optional<RotationPosition> position) noexcept
{
    if (isRotation(movement))
        return rotationTypical(rotationNorm(rotationPositionFor(movement, position)), movement);
    // A set without a value for this movement (Roach & Miles: adduction) falls back to AAOS.
    auto value = norm(set, movement);
    if (!value)
        value = norm(NormSet::Aaos, movement);
    return value ? value->degrees : 0;
}

int limitedBelow(NormSet set, Movement movement, std::optional<RotationPosition> position) noexcept
{
    return std::max(0, typicalDegrees(set, movement, position) - 2 * populationSdDegrees(movement));
}

std::string limitBasis(NormSet set, Movement movement, std::optional<RotationPosition> position)
{
    const std::string deg = "°";
    const std::string spread = " − 2 SD (" + std::to_string(populationSdDegrees(movement)) + deg + ")";
    if (isRotation(movement)) {
        const RotationPosition used = rotationPositionFor(movement, position);
        const RotationNorm& r = rotationNorm(used);
        std::string text = std::string(movement == Movement::HipInternalRotation ? r.internalSource : r.externalSource) + ": " +
                           std::to_string(typicalDegrees(set, movement, position)) + deg + spread;
        if (!position)
            text += "; test position not recorded, so the most lenient position is assumed";
        return text;
    }
    const bool own = norm(set, movement).has_value();
    return std::string(normSetLabel(own ? set : NormSet::Aaos)) + " " +
           std::to_string(typicalDegrees(set, movement, position)) + deg + spread;
}

int asymmetryThreshold(Movement movement) noexcept
{
    // At least 10° (Ellison 1990, Phys Ther) and strictly more than the MDC (from Pua 2008).
    return std::max(kMinAsymmetry, measurementErrorDegrees(movement) + 1);
}

} // namespace hiprx::core
