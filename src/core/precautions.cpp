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
    {Precaution::ThaAnterior,
     {{D::HipExtensionPastNeutral, D::HipExternalRotationEndRange}}, 2,
     "Anterior-approach hip replacement: extension behind the body line, above all with the hip turned out, "
     "stresses the front of the new joint (usual precautions in surgeons' and therapists' guides)."},
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
    {Precaution::Osteoporosis,
     {{D::LoadedSpinalFlexion, D::EndRangeSpinalRotation, D::PressureOverTrunk, D::HeavyLoad}}, 4,
     "Osteoporosis: loaded or end-range spinal flexion, end-range twisting, body weight on the ribs or spine "
     "and maximal lifts risk vertebral fracture (Too Fit To Fracture: Giangregorio 2014, Osteoporos Int)."},
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
     {{D::LoadedSpinalFlexion, D::EndRangeSpinalRotation, D::PressureOverTrunk, D::HeavyLoad}}, 4,
     "Recent lumbar surgery: follow the surgeon's restrictions; no loaded flexion, end-range twisting, "
     "pressure over the operated area or heavy lifting (clinical consensus, not from a trial)."},
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

std::string_view precautionPatientText(Precaution precaution) noexcept
{
    switch (precaution) {
    case Precaution::ThaPosterior:
        return "Your new hip: do not bend it past a right angle (sit on a high chair), do not cross your legs and "
               "do not turn your knee or toes inward, until your surgeon says you may.";
    case Precaution::ThaAnterior:
        return "Your new hip: do not take the leg far behind you, above all with the foot turned out, until your "
               "surgeon says you may.";
    case Precaution::ThaLateral:
        return "Your new hip: do not bend it past a right angle, cross your legs or turn it inward, and do not lift "
               "the leg out to the side against resistance, until your surgeon says you may.";
    case Precaution::HipFractureRecent:
        return "After your hip fracture: put only as much weight on the leg as your surgeon allows, do not bend the "
               "hip past a right angle with the knee across your body, and do not kneel.";
    case Precaution::Osteoporosis:
        return "To protect your spine: bend at the hips, not the back, do not twist as far as you can go, and do "
               "not lift heavy things with a rounded back.";
    case Precaution::Pregnancy:
        return "In pregnancy: after the first three months do not lie flat on your back for more than a minute or "
               "two, and never push a stretch to its limit.";
    case Precaution::AcuteHighIrritability:
        return "Your pain is easily stirred up: keep every movement gentle and short of pain, and do less if it "
               "flares.";
    case Precaution::Hypermobility:
        return "Your joints are very flexible: do not hang at the end of a stretch; control every movement.";
    case Precaution::RecentLumbarSurgery:
        return "After your back operation: keep to your surgeon's limits, with no bending, twisting or lifting "
               "under load.";
    case Precaution::FallRisk:
        return "To avoid a fall: keep a kitchen counter or a sturdy chair within reach for every standing exercise, "
               "wear firm shoes, and stop if you feel unsteady or dizzy.";
    }
    return {};
}

namespace {

// Finding cautions the patient can act on at home, with their care-note key and one plain line. The
// other cautions (an urgent referral open…) are the clinician's, not the patient's.
struct CautionCare {
    std::string_view rule;
    std::string_view key;
    std::string_view text;
};
constexpr CautionCare kCautionCare[] = {
    {"R-CAUTION-GLUTEAL-TENDON", "caution.gluteal_tendon",
     "For your outer hip: do not sit with your legs crossed, do not stand leaning on one hip, and do not lie on "
     "the sore side (when you lie on the other side, put a pillow between your knees)."},
    {"R-CAUTION-PELVIC-GIRDLE", "caution.pelvic_girdle",
     "For your pelvis: keep your knees together when you turn in bed or get out of a car, and avoid standing on "
     "one leg."},
    {"R-CAUTION-INTRA-ARTICULAR", "caution.intra_articular",
     "For your hip joint: avoid deep squats and sitting with your knee pulled across your body."},
};

} // namespace

std::vector<CareNote> patientCareLines(const Analysis& analysis)
{
    std::vector<CareNote> notes;
    for (Precaution precaution : analysis.precautions)
        if (const auto text = precautionPatientText(precaution); !text.empty())
            notes.push_back({"precaution." + std::string(toId(precaution)), std::string(text)});
    for (const FindingCaution& caution : analysis.cautions)
        for (const CautionCare& care : kCautionCare)
            if (caution.rule == care.rule &&
                std::none_of(notes.begin(), notes.end(), [&](const CareNote& n) { return n.key == care.key; }))
                notes.push_back({std::string(care.key), std::string(care.text)});
    return notes;
}

std::vector<std::string> careNoteKeys()
{
    std::vector<std::string> keys;
    for (const auto& entry : vocabulary<Precaution>())
        keys.push_back("precaution." + std::string(entry.id));
    for (const CautionCare& care : kCautionCare)
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
