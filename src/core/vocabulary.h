// SPDX-License-Identifier: GPL-3.0-or-later
//
// The shared ids of HipRx (see clinical/vocabulary.md in the docs). Every enum here has one table in
// vocabulary.cpp mapping each value to its stable id (used by JSON, the database and tests) and to a
// clinician-facing label. Ids are never renamed; new values are appended.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace hiprx::core {

enum class Side { Left, Right };
/// A visit's affected side may also be both.
enum class AffectedSide { Left, Right, Both };
enum class Sex { Female, Male, Other, Unknown };

enum class Movement {
    HipFlexion,
    HipExtension,
    HipAbduction,
    HipAdduction,
    HipInternalRotation,
    HipExternalRotation,
};

/// Regions of the body chart (front and back) where the patient feels pain.
enum class BodyRegion {
    Lumbar,
    Sacroiliac,
    Buttock,
    Groin,
    LateralHip,
    AnteriorThigh,
    LateralThigh,
    PosteriorThigh,
    Knee,
    BelowKnee,
    Foot,
};

/// Side of a pain area: one side, or the midline (the low back, both buttocks at once).
enum class BodySide { Left, Right, Central };

/// Where hip rotation was measured; prone and sitting values differ (Simoneau 1998), so it is stored.
enum class RotationPosition { Sitting, Prone, Supine };

enum class MuscleGroup {
    HipFlexors,
    RectusFemoris,
    TflItb,
    Adductors,
    Hamstrings,
    Piriformis,
    GluteusMaximus,
    GluteusMedius,
    ErectorSpinae,
    Core,
    Quadriceps,
    HipCapsule,
    /// Not a muscle: reduced sciatic nerve mobility (neurodynamic). Served by nerve glides, never by
    /// stretching. Last, so adding it did not change the order of the groups before it.
    SciaticNerve,
    /// Not a muscle: standing balance (falls, short single-leg stance). Served by supported balance work.
    Balance,
};

enum class ImpairmentKind { Tight, Weak };

enum class SpecialTest {
    ThomasIliopsoas,
    ThomasRectusFemoris,
    ThomasTfl,
    Ely,
    Ober,
    Slr,
    PoplitealAngle,
    Faber,
    Fadir,
    Fair,
    Trendelenburg,
    Scour,
    LogRoll,
    Slump,
};

/// Muscle groups graded by manual muscle testing.
enum class StrengthMuscle {
    HipFlexors,
    GluteusMaximus,
    GluteusMedius,
    Adductors,
    Hamstrings,
    Quadriceps,
    HipExternalRotators,
    HipInternalRotators,
};

enum class RedFlag {
    SaddleAnaesthesia,
    BladderBowelDysfunction,
    BilateralNeuroSymptoms,
    ProgressiveNeuroDeficit,
    SexualDysfunctionNew,
    HistoryOfCancer,
    UnexplainedWeightLoss,
    FeverOrUnwell,
    IvDrugUseOrImmunosuppressed,
    SignificantTrauma,
    UnableToBearWeight,
    OsteoporosisOrSteroids,
    NightPainConstant,
    AgeOver50NewPain,
    RadiatingLegPain,
    LegNumbnessTingling,
    LegWeakness,
    SeverePainNoRelief,
    NoImprovement,
    ChildHipPainLimp,
    SuspectedAaa,
    /// Features of inflammatory back pain / axial spondyloarthritis (NICE NG65): routine rheumatology.
    InflammatoryBackPainFeatures,
    /// After surgery or immobilisation: a swollen, painful calf (possible deep-vein thrombosis).
    CalfSwellingOrPain,
    /// After surgery: redness, heat or discharge at the wound (possible infection).
    WoundRednessOrDischarge,
};

enum class Precaution {
    ThaPosterior,
    ThaAnterior,
    ThaLateral,
    HipFractureRecent,
    Osteoporosis,
    Pregnancy,
    AcuteHighIrritability,
    Hypermobility,
    RecentLumbarSurgery,
    /// A fall in the past year or poor single-leg balance: no unsupported balance or swinging work.
    FallRisk,
};

/// Referral urgency, lowest to highest; the order of the enumerators is the order of severity.
enum class Urgency { None, Routine, Urgent, Emergency };

enum class Irritability { Low, Moderate, High };

enum class ExerciseKind { Stretch, Strengthen, Mobility, SelfRelease };

/// What an exercise asks of the body. Precautions forbid demands, never exercises by name, so a
/// clinic-added exercise is screened the same way as a built-in one.
enum class MovementDemand {
    HipFlexionPast90,         ///< hip flexed beyond a right angle
    HipAdductionPastMidline,  ///< thigh crosses the midline
    HipInternalRotation,      ///< hip turned inward under load or at end range
    HipExtensionPastNeutral,  ///< thigh behind the body line
    HipExternalRotationEndRange, ///< hip turned outward to end range
    LoadedSpinalFlexion,      ///< rounding the back under load or to end range
    EndRangeSpinalRotation,   ///< twisting the trunk to end range
    LongSupineLying,          ///< lying on the back for more than a minute or two
    ProneLying,               ///< lying face down
    Kneeling,                 ///< kneeling on the floor
    DeepEndRangeStretch,      ///< hanging at the end of range in a deep passive stretch
    ResistedHipAbduction,     ///< abduction against gravity, band or load
    DynamicEndRange,          ///< swinging or circling into end range
    HeavyLoad,                ///< external load close to maximal effort
    SingleLegLoading,         ///< full body weight on one leg
    PressureOverTrunk,        ///< body weight on a roller or ball under the back or ribs
    LateralHipCompression,    ///< pressure on the outer hip: lying on that side, rolling or stretching the ITB
    UnsupportedSingleLeg,     ///< standing work with no hand on a support: one leg, a lunge stance, a free squat or hinge
    ActiveHipAbduction,       ///< the abductors working: lifting or sliding the leg out, holding the pelvis on one leg
    WideHipAbduction,         ///< legs spread wide or knees dropped far out (butterfly, frog, side lunge)
    /// A roller or ball pressed into the front of the hip (hip flexors, the top of the thigh, the TFL):
    /// where the incision of an anterior-approach hip replacement lies.
    AnteriorHipPressure,
    /// The working leg carries the body alone in standing (one-leg stance, a step-down): the stance
    /// hip's abductors hold the pelvis, and a weak or painful side lets it drop into hip adduction.
    StanceOnWorkingLeg,
};

/// Side an exercise is prescribed for: one leg, each leg in turn, or none (midline exercises).
enum class ExerciseSide { Left, Right, Both, None };

template <typename E>
struct VocabEntry {
    E value;
    std::string_view id;
    std::string_view label;
};

/// The table for one enum, in declaration order. Defined for every enum above.
template <typename E>
std::span<const VocabEntry<E>> vocabulary() noexcept;

// The specialisations, defined in vocabulary.cpp.
template <> std::span<const VocabEntry<Side>> vocabulary<Side>() noexcept;
template <> std::span<const VocabEntry<AffectedSide>> vocabulary<AffectedSide>() noexcept;
template <> std::span<const VocabEntry<Sex>> vocabulary<Sex>() noexcept;
template <> std::span<const VocabEntry<Movement>> vocabulary<Movement>() noexcept;
template <> std::span<const VocabEntry<RotationPosition>> vocabulary<RotationPosition>() noexcept;
template <> std::span<const VocabEntry<BodyRegion>> vocabulary<BodyRegion>() noexcept;
template <> std::span<const VocabEntry<BodySide>> vocabulary<BodySide>() noexcept;
template <> std::span<const VocabEntry<MuscleGroup>> vocabulary<MuscleGroup>() noexcept;
template <> std::span<const VocabEntry<ImpairmentKind>> vocabulary<ImpairmentKind>() noexcept;
template <> std::span<const VocabEntry<SpecialTest>> vocabulary<SpecialTest>() noexcept;
template <> std::span<const VocabEntry<StrengthMuscle>> vocabulary<StrengthMuscle>() noexcept;
template <> std::span<const VocabEntry<RedFlag>> vocabulary<RedFlag>() noexcept;
template <> std::span<const VocabEntry<Precaution>> vocabulary<Precaution>() noexcept;
template <> std::span<const VocabEntry<Urgency>> vocabulary<Urgency>() noexcept;
template <> std::span<const VocabEntry<Irritability>> vocabulary<Irritability>() noexcept;
template <> std::span<const VocabEntry<ExerciseKind>> vocabulary<ExerciseKind>() noexcept;
template <> std::span<const VocabEntry<MovementDemand>> vocabulary<MovementDemand>() noexcept;
template <> std::span<const VocabEntry<ExerciseSide>> vocabulary<ExerciseSide>() noexcept;

/// Stable id of a value, e.g. `hip_flexion`.
template <typename E>
std::string_view toId(E value) noexcept
{
    for (const auto& entry : vocabulary<E>())
        if (entry.value == value)
            return entry.id;
    return {};
}

/// Clinician-facing label of a value, e.g. `hip flexion`.
template <typename E>
std::string_view label(E value) noexcept
{
    for (const auto& entry : vocabulary<E>())
        if (entry.value == value)
            return entry.label;
    return {};
}

/// Value for an id, or nothing when the id is not in the vocabulary (ids are case-sensitive).
template <typename E>
std::optional<E> fromId(std::string_view id) noexcept
{
    for (const auto& entry : vocabulary<E>())
        if (entry.id == id)
            return entry.value;
    return std::nullopt;
}

/// The side opposite to `side`.
constexpr Side opposite(Side side) noexcept { return side == Side::Left ? Side::Right : Side::Left; }

constexpr Side kSides[] = {Side::Left, Side::Right};

} // namespace hiprx::core
