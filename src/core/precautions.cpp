// SPDX-License-Identifier: GPL-3.0-or-later
//
// Precautions as data: each forbids movement demands, never exercises by name, so any exercise tagged
// with its demands is screened the same way (sources in db/SOURCES.md). The mapping is a contract with the
// exercise library's tags; change it only together with them.
#include "core/program.h"

#include <algorithm>
#include <array>

namespace hiprx::core {

namespace {

using D = MovementDemand;

// Up to seven demands per precaution; `count` says how many of the slots are used.
struct PrecautionRule {
    Precaution precaution;
    std::array<MovementDemand, 7> forbidden;
    std::size_t count;
    std::string_view rationale;
};

constexpr PrecautionRule kRules[] = {
    {Precaution::ThaPosterior,
     {{D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation}}, 3,
     "Posterior-approach hip replacement: flexion past 90°, crossing the midline and turning the hip in "
     "(worst together) can dislocate it; follow the surgeon's protocol (usual precautions in surgeons' and "
     "therapists' guides)."},
    // The front of the hip is where an anterior approach's incision lies (over the TFL, just below and
    // outside the front hip bone): a roller or ball pressed there early after the operation loads the
    // healing wound and the repaired tissue under it (facts §6.7: caution near the incision; clinical
    // consensus, not from a trial).
    {Precaution::ThaAnterior,
     {{D::HipExtensionPastNeutral, D::HipExternalRotationEndRange, D::AnteriorHipPressure}}, 3,
     "Anterior-approach hip replacement: extension behind the body line, above all with the hip turned out, "
     "stresses the front of the new joint, and a roller or ball pressed into the front of the hip loads the "
     "healing incision (usual precautions in surgeons' and therapists' guides; the pressure caution is "
     "clinical consensus, not from a trial)."},
    {Precaution::ThaLateral,
     {{D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation, D::ResistedHipAbduction,
       D::ActiveHipAbduction}}, 5,
     "Lateral-approach hip replacement: the posterior-approach limits (no flexion past 90°, no crossing the "
     "midline, no turning the hip in) plus no active abduction while the detached abductors heal; protocols "
     "differ, so follow the surgeon's (therapists' and surgeons' precaution guides, read in summaries)."},
    {Precaution::HipFractureRecent,
     {{D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation, D::DeepEndRangeStretch,
      D::HeavyLoad, D::SingleLegLoading, D::Kneeling}}, 7,
     "Recent hip fracture or fixation: avoid the dislocation position (flexion + adduction + internal "
     "rotation), end-range stretching, heavy or one-leg loading and kneeling until the surgeon clears it "
     "(clinical consensus, not from a trial)."},
    // Swinging a leg into end range (leg swings) pulls the pelvis, and with it the lumbar spine, into
    // flexion at speed at the end of each swing, on one leg: a precarious balance position with a
    // fragile spine (Too Fit To Fracture: avoid precarious balance positions and end-range flexion).
    {Precaution::Osteoporosis,
     {{D::LoadedSpinalFlexion, D::EndRangeSpinalRotation, D::PressureOverTrunk, D::HeavyLoad,
       D::DynamicEndRange}}, 5,
     "Osteoporosis: loaded or end-range spinal flexion, end-range twisting, body weight on the ribs or spine, "
     "maximal lifts, and swinging into end range (the spine jerked into flexion, on one leg) risk vertebral "
     "fracture or a fall (Too Fit To Fracture: Giangregorio 2014, Osteoporos Int)."},
    {Precaution::Pregnancy,
     {{D::LongSupineLying, D::ProneLying, D::DeepEndRangeStretch}}, 3,
     "Pregnancy: after the first trimester lying on the back can compress the vena cava, lying face down is "
     "impractical, and relaxin makes deep end-range stretches unwise (ACOG Committee Opinion 804 and ACOG "
     "patient guidance, read in a summary; the relaxin caution is clinical consensus)."},
    {Precaution::AcuteHighIrritability,
     {{D::DeepEndRangeStretch, D::DynamicEndRange, D::HeavyLoad}}, 3,
     "Highly irritable pain: end-range and heavy loading provoke symptoms that linger; use gentle range, "
     "short holds and low load (Physiopedia, Severity; Kelley 2013, JOSPT)."},
    {Precaution::Hypermobility,
     {{D::DeepEndRangeStretch, D::DynamicEndRange}}, 2,
     "Hypermobility: hanging at end range adds laxity without benefit; favour control and strength "
     "(clinical consensus, not from a trial)."},
    {Precaution::RecentLumbarSurgery,
     {{D::LoadedSpinalFlexion, D::EndRangeSpinalRotation, D::PressureOverTrunk, D::HeavyLoad,
       D::DynamicEndRange}}, 5,
     "Recent lumbar surgery: follow the surgeon's restrictions; no loaded flexion, end-range twisting, "
     "pressure over the operated area, heavy lifting, or swinging into end range, which jerks the operated "
     "segments into flexion at the end of each swing (clinical consensus, not from a trial)."},
    {Precaution::FallRisk,
     {{D::UnsupportedSingleLeg, D::SingleLegLoading, D::DynamicEndRange, D::Kneeling}}, 4,
     "Risk of falling (a fall in the past year or single-leg stance under 5 s): standing work only with a hand "
     "on a support and both feet down (no one-leg stance, lunge stance or free squat), no swinging into end "
     "range, and no kneeling (getting down to and up from the floor is itself a fall risk). Balance is "
     "trained with a support at hand; the therapist lifts the precaution as balance improves (Sherrington "
     "2019, Cochrane: exercise prevents falls; Otago programme with support)."},
};

constexpr const PrecautionRule* ruleFor(Precaution precaution) noexcept
{
    for (const auto& rule : kRules)
        if (rule.precaution == precaution)
            return &rule;
    return nullptr;
}

} // namespace

std::set<MovementDemand> forbiddenDemands(Precaution precaution)
{
    const PrecautionRule* rule = ruleFor(precaution);
    if (!rule)
        return {};
    return std::set<MovementDemand>(rule->forbidden.begin(), rule->forbidden.begin() + rule->count);
}

std::string_view precautionRationale(Precaution precaution) noexcept
{
    const PrecautionRule* rule = ruleFor(precaution);
    return rule ? rule->rationale : std::string_view{};
}

namespace {

// Finding cautions the patient can act on at home, with their care-note key. The other cautions (an
// urgent referral open…) are the clinician's, not the patient's. What the patient reads for each key
// is worded once, in templates/precautions.ini, which must have a section for every careNoteKeys().
struct CautionCare {
    std::string_view rule;
    std::string_view key;
};
constexpr CautionCare kCautionCare[] = {
    {"R-CAUTION-GLUTEAL-TENDON", "caution.gluteal_tendon"},
    {"R-CAUTION-OUTER-HIP-PAIN", "caution.outer_hip_pain"},
    {"R-CAUTION-PELVIC-GIRDLE", "caution.pelvic_girdle"},
    {"R-CAUTION-INTRA-ARTICULAR", "caution.intra_articular"},
};

} // namespace

std::vector<CareNote> patientCareLines(const Analysis& analysis)
{
    std::vector<CareNote> notes;
    for (Precaution precaution : analysis.precautions)
        notes.push_back({"precaution." + std::string(toId(precaution)), {}});
    for (const FindingCaution& caution : analysis.cautions)
        for (const CautionCare& care : kCautionCare)
            if (caution.rule == care.rule &&
                std::none_of(notes.begin(), notes.end(), [&](const CareNote& n) { return n.key == care.key; }))
                notes.push_back({std::string(care.key), {}});
    return notes;
}

std::vector<std::string> careNoteKeys()
{
    std::vector<std::string> keys;
    for (const auto& entry : vocabulary<Precaution>())
        keys.push_back("precaution." + std::string(entry.id));
    for (const CautionCare& care : kCautionCare)
        if (std::find(keys.begin(), keys.end(), care.key) == keys.end())
            keys.emplace_back(care.key);
    return keys;
}

std::vector<Exclusion> exclusionsFor(const Exercise& exercise, const std::set<Precaution>& precautions,
                                     const std::vector<FindingCaution>& cautions)
{
    std::vector<Exclusion> out;
    // Demands in their enum order within each cause keep the list stable.
    for (Precaution precaution : precautions)
        for (MovementDemand demand : forbiddenDemands(precaution))
            if (exercise.demands.count(demand))
                out.push_back({exercise.id, exercise.name, std::string(toId(precaution)), demand,
                               std::string(toId(precaution)) + ": " + std::string(label(demand))});
    for (const auto& caution : cautions)
        for (MovementDemand demand : caution.avoid)
            if (exercise.demands.count(demand))
                out.push_back({exercise.id, exercise.name, caution.rule, demand,
                               caution.reason + ": " + std::string(label(demand))});
    return out;
}

} // namespace hiprx::core
