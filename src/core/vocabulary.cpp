// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vocabulary.h"

namespace hiprx::core {

namespace {

constexpr VocabEntry<Side> kSide[] = {
    {Side::Left, "left", "left"},
    {Side::Right, "right", "right"},
};

constexpr VocabEntry<AffectedSide> kAffectedSide[] = {
    {AffectedSide::Left, "left", "left"},
    {AffectedSide::Right, "right", "right"},
    {AffectedSide::Both, "both", "both"},
};

constexpr VocabEntry<Sex> kSex[] = {
    {Sex::Female, "female", "female"},
    {Sex::Male, "male", "male"},
    {Sex::Other, "other", "other"},
    {Sex::Unknown, "unknown", "unknown"},
};

constexpr VocabEntry<Movement> kMovement[] = {
    {Movement::HipFlexion, "hip_flexion", "hip flexion"},
    {Movement::HipExtension, "hip_extension", "hip extension"},
    {Movement::HipAbduction, "hip_abduction", "hip abduction"},
    {Movement::HipAdduction, "hip_adduction", "hip adduction"},
    {Movement::HipInternalRotation, "hip_internal_rotation", "hip internal rotation"},
    {Movement::HipExternalRotation, "hip_external_rotation", "hip external rotation"},
};

constexpr VocabEntry<RotationPosition> kRotationPosition[] = {
    {RotationPosition::Sitting, "sitting", "sitting, hip and knee at 90°"},
    {RotationPosition::Prone, "prone", "prone, hip extended, knee at 90°"},
    {RotationPosition::Supine, "supine", "supine, hip extended"},
};

constexpr VocabEntry<BodyRegion> kBodyRegion[] = {
    {BodyRegion::Lumbar, "lumbar", "low back"},
    {BodyRegion::Sacroiliac, "sacroiliac", "sacroiliac joint"},
    {BodyRegion::Buttock, "buttock", "buttock"},
    {BodyRegion::Groin, "groin", "groin"},
    {BodyRegion::LateralHip, "lateral_hip", "outer hip"},
    {BodyRegion::AnteriorThigh, "anterior_thigh", "front of the thigh"},
    {BodyRegion::LateralThigh, "lateral_thigh", "outer thigh"},
    {BodyRegion::PosteriorThigh, "posterior_thigh", "back of the thigh"},
    {BodyRegion::Knee, "knee", "knee"},
    {BodyRegion::BelowKnee, "below_knee", "below the knee"},
    {BodyRegion::Foot, "foot", "foot"},
};

constexpr VocabEntry<BodySide> kBodySide[] = {
    {BodySide::Left, "left", "left"},
    {BodySide::Right, "right", "right"},
    {BodySide::Central, "central", "middle"},
};

constexpr VocabEntry<MuscleGroup> kMuscleGroup[] = {
    {MuscleGroup::HipFlexors, "hip_flexors", "hip flexors (iliopsoas)"},
    {MuscleGroup::RectusFemoris, "rectus_femoris", "rectus femoris"},
    {MuscleGroup::TflItb, "tfl_itb", "TFL / iliotibial band"},
    {MuscleGroup::Adductors, "adductors", "hip adductors"},
    {MuscleGroup::Hamstrings, "hamstrings", "hamstrings"},
    {MuscleGroup::Piriformis, "piriformis", "piriformis / deep rotators"},
    {MuscleGroup::GluteusMaximus, "gluteus_maximus", "gluteus maximus"},
    {MuscleGroup::GluteusMedius, "gluteus_medius", "gluteus medius / minimus"},
    {MuscleGroup::ErectorSpinae, "erector_spinae", "lumbar erector spinae"},
    {MuscleGroup::Core, "core", "trunk stabilisers (core)"},
    {MuscleGroup::Quadriceps, "quadriceps", "quadriceps"},
    {MuscleGroup::HipCapsule, "hip_capsule", "hip joint / capsule"},
    {MuscleGroup::SciaticNerve, "sciatic_nerve", "sciatic nerve (neural mobility)"},
    {MuscleGroup::Balance, "balance", "standing balance"},
};

constexpr VocabEntry<ImpairmentKind> kImpairmentKind[] = {
    {ImpairmentKind::Tight, "tight", "tight"},
    {ImpairmentKind::Weak, "weak", "weak"},
};

constexpr VocabEntry<SpecialTest> kSpecialTest[] = {
    {SpecialTest::ThomasIliopsoas, "thomas_iliopsoas", "Thomas test (iliopsoas)"},
    {SpecialTest::ThomasRectusFemoris, "thomas_rectus_femoris", "modified Thomas (rectus femoris)"},
    {SpecialTest::ThomasTfl, "thomas_tfl", "modified Thomas (TFL, abduction drift)"},
    {SpecialTest::Ely, "ely", "Ely's test"},
    {SpecialTest::Ober, "ober", "Ober's test"},
    {SpecialTest::Slr, "slr", "straight-leg raise"},
    {SpecialTest::PoplitealAngle, "popliteal_angle", "90/90 popliteal angle"},
    {SpecialTest::Faber, "faber", "FABER (Patrick)"},
    {SpecialTest::Fadir, "fadir", "FADIR"},
    {SpecialTest::Fair, "fair", "FAIR (piriformis)"},
    {SpecialTest::Trendelenburg, "trendelenburg", "Trendelenburg sign"},
    {SpecialTest::Scour, "scour", "hip scour"},
    {SpecialTest::LogRoll, "log_roll", "log roll"},
    {SpecialTest::Slump, "slump", "slump test"},
};

constexpr VocabEntry<StrengthMuscle> kStrengthMuscle[] = {
    {StrengthMuscle::HipFlexors, "hip_flexors", "hip flexors"},
    {StrengthMuscle::GluteusMaximus, "gluteus_maximus", "gluteus maximus"},
    {StrengthMuscle::GluteusMedius, "gluteus_medius", "gluteus medius"},
    {StrengthMuscle::Adductors, "adductors", "hip adductors"},
    {StrengthMuscle::Hamstrings, "hamstrings", "hamstrings"},
    {StrengthMuscle::Quadriceps, "quadriceps", "quadriceps"},
    {StrengthMuscle::HipExternalRotators, "hip_external_rotators", "hip external rotators"},
    {StrengthMuscle::HipInternalRotators, "hip_internal_rotators", "hip internal rotators"},
};

constexpr VocabEntry<RedFlag> kRedFlag[] = {
    {RedFlag::SaddleAnaesthesia, "saddle_anaesthesia", "saddle anaesthesia"},
    {RedFlag::BladderBowelDysfunction, "bladder_bowel_dysfunction", "new bladder or bowel dysfunction"},
    {RedFlag::BilateralNeuroSymptoms, "bilateral_neuro_symptoms", "new neurological symptoms in both legs"},
    {RedFlag::ProgressiveNeuroDeficit, "progressive_neuro_deficit", "progressive neurological deficit"},
    {RedFlag::SexualDysfunctionNew, "sexual_dysfunction_new", "new sexual dysfunction"},
    {RedFlag::HistoryOfCancer, "history_of_cancer", "history of cancer"},
    {RedFlag::UnexplainedWeightLoss, "unexplained_weight_loss", "unexplained weight loss"},
    {RedFlag::FeverOrUnwell, "fever_or_unwell", "fever or systemically unwell"},
    {RedFlag::IvDrugUseOrImmunosuppressed, "iv_drug_use_or_immunosuppressed",
     "IV drug use, immunosuppression or recent infection"},
    {RedFlag::SignificantTrauma, "significant_trauma", "a fall or injury before the pain (even a minor one)"},
    {RedFlag::UnableToBearWeight, "unable_to_bear_weight", "unable to bear weight"},
    {RedFlag::OsteoporosisOrSteroids, "osteoporosis_or_steroids", "osteoporosis or long-term steroids"},
    {RedFlag::NightPainConstant, "night_pain_constant", "constant or night pain"},
    {RedFlag::AgeOver50NewPain, "age_over_50_new_pain", "first episode after age 50"},
    {RedFlag::RadiatingLegPain, "radiating_leg_pain", "pain radiating below the knee"},
    {RedFlag::LegNumbnessTingling, "leg_numbness_tingling", "numbness or tingling in one leg"},
    {RedFlag::LegWeakness, "leg_weakness", "new weakness in one leg"},
    {RedFlag::SeverePainNoRelief, "severe_pain_no_relief", "severe pain not relieved"},
    {RedFlag::NoImprovement, "no_improvement", "not improving with care"},
    {RedFlag::ChildHipPainLimp, "child_hip_pain_limp", "child or adolescent with hip pain or limp"},
    {RedFlag::SuspectedAaa, "suspected_aaa", "suspected abdominal aortic aneurysm"},
    {RedFlag::InflammatoryBackPainFeatures, "inflammatory_back_pain_features",
     "features of inflammatory back pain"},
    {RedFlag::CalfSwellingOrPain, "calf_swelling_or_pain", "swollen or painful calf after surgery"},
    {RedFlag::WoundRednessOrDischarge, "wound_redness_or_discharge", "red, hot or discharging wound"},
};

constexpr VocabEntry<Precaution> kPrecaution[] = {
    {Precaution::ThaPosterior, "tha_posterior", "hip replacement, posterior approach"},
    {Precaution::ThaAnterior, "tha_anterior", "hip replacement, anterior approach"},
    {Precaution::ThaLateral, "tha_lateral", "hip replacement, lateral approach"},
    {Precaution::HipFractureRecent, "hip_fracture_recent", "recent hip fracture or fixation"},
    {Precaution::Osteoporosis, "osteoporosis", "osteoporosis"},
    {Precaution::Pregnancy, "pregnancy", "pregnancy"},
    {Precaution::AcuteHighIrritability, "acute_high_irritability", "acute, highly irritable pain"},
    {Precaution::Hypermobility, "hypermobility", "joint hypermobility"},
    {Precaution::RecentLumbarSurgery, "recent_lumbar_surgery", "recent lumbar surgery"},
    {Precaution::FallRisk, "fall_risk", "risk of falling"},
};

constexpr VocabEntry<Urgency> kUrgency[] = {
    {Urgency::None, "none", "none"},
    {Urgency::Routine, "routine", "routine"},
    {Urgency::Urgent, "urgent", "urgent"},
    {Urgency::Emergency, "emergency", "emergency"},
};

constexpr VocabEntry<Irritability> kIrritability[] = {
    {Irritability::Low, "low", "low"},
    {Irritability::Moderate, "moderate", "moderate"},
    {Irritability::High, "high", "high"},
};

constexpr VocabEntry<ExerciseKind> kExerciseKind[] = {
    {ExerciseKind::Stretch, "stretch", "stretch"},
    {ExerciseKind::Strengthen, "strengthen", "strengthening"},
    {ExerciseKind::Mobility, "mobility", "mobility"},
    {ExerciseKind::SelfRelease, "self_release", "self-release"},
};

constexpr VocabEntry<MovementDemand> kMovementDemand[] = {
    {MovementDemand::HipFlexionPast90, "hip_flexion_past_90", "hip flexion past 90°"},
    {MovementDemand::HipAdductionPastMidline, "hip_adduction_past_midline", "adduction past the midline"},
    {MovementDemand::HipInternalRotation, "hip_internal_rotation", "hip internal rotation"},
    {MovementDemand::HipExtensionPastNeutral, "hip_extension_past_neutral", "hip extension past neutral"},
    {MovementDemand::HipExternalRotationEndRange, "hip_external_rotation_end_range",
     "end-range hip external rotation"},
    {MovementDemand::LoadedSpinalFlexion, "loaded_spinal_flexion", "loaded or end-range spinal flexion"},
    {MovementDemand::EndRangeSpinalRotation, "end_range_spinal_rotation", "end-range spinal rotation"},
    {MovementDemand::LongSupineLying, "long_supine_lying", "lying on the back for long"},
    {MovementDemand::ProneLying, "prone_lying", "lying face down"},
    {MovementDemand::Kneeling, "kneeling", "kneeling"},
    {MovementDemand::DeepEndRangeStretch, "deep_end_range_stretch", "deep end-range stretch"},
    {MovementDemand::ResistedHipAbduction, "resisted_hip_abduction", "resisted hip abduction"},
    {MovementDemand::DynamicEndRange, "dynamic_end_range", "swinging into end range"},
    {MovementDemand::HeavyLoad, "heavy_load", "heavy external load"},
    {MovementDemand::SingleLegLoading, "single_leg_loading", "full weight on one leg"},
    {MovementDemand::PressureOverTrunk, "pressure_over_trunk", "body weight on a roller under the trunk"},
    {MovementDemand::LateralHipCompression, "lateral_hip_compression", "pressure on the outer hip"},
    {MovementDemand::UnsupportedSingleLeg, "unsupported_single_leg", "standing work without a hand on a support"},
    {MovementDemand::ActiveHipAbduction, "active_hip_abduction", "active hip abduction"},
    {MovementDemand::WideHipAbduction, "wide_hip_abduction", "legs spread wide"},
    {MovementDemand::AnteriorHipPressure, "anterior_hip_pressure", "pressure on the front of the hip"},
    {MovementDemand::StanceOnWorkingLeg, "stance_on_working_leg", "standing on the treated leg alone"},
};

constexpr VocabEntry<ExerciseSide> kExerciseSide[] = {
    {ExerciseSide::Left, "left", "left"},
    {ExerciseSide::Right, "right", "right"},
    {ExerciseSide::Both, "both", "both sides"},
    {ExerciseSide::None, "none", "—"},
};

} // namespace

#define HIPRX_VOCABULARY(Enum, table)                                                                  \
    template <>                                                                                        \
    std::span<const VocabEntry<Enum>> vocabulary<Enum>() noexcept                                      \
    {                                                                                                  \
        return table;                                                                                  \
    }

HIPRX_VOCABULARY(Side, kSide)
HIPRX_VOCABULARY(AffectedSide, kAffectedSide)
HIPRX_VOCABULARY(Sex, kSex)
HIPRX_VOCABULARY(Movement, kMovement)
HIPRX_VOCABULARY(RotationPosition, kRotationPosition)
HIPRX_VOCABULARY(BodyRegion, kBodyRegion)
HIPRX_VOCABULARY(BodySide, kBodySide)
HIPRX_VOCABULARY(MuscleGroup, kMuscleGroup)
HIPRX_VOCABULARY(ImpairmentKind, kImpairmentKind)
HIPRX_VOCABULARY(SpecialTest, kSpecialTest)
HIPRX_VOCABULARY(StrengthMuscle, kStrengthMuscle)
HIPRX_VOCABULARY(RedFlag, kRedFlag)
HIPRX_VOCABULARY(Precaution, kPrecaution)
HIPRX_VOCABULARY(Urgency, kUrgency)
HIPRX_VOCABULARY(Irritability, kIrritability)
HIPRX_VOCABULARY(ExerciseKind, kExerciseKind)
HIPRX_VOCABULARY(MovementDemand, kMovementDemand)
HIPRX_VOCABULARY(ExerciseSide, kExerciseSide)

#undef HIPRX_VOCABULARY

} // namespace hiprx::core
