// SPDX-License-Identifier: GPL-3.0-or-later
//
// analyze() puts the three rule families together: impairments (impairment_rules.cpp), irritability
// (irritability.cpp) and referral (referral_rules.cpp). The rule table is their concatenation, so the
// app and the documentation show every rule from one place.
#include "core/analysis.h"

#include "core/impairment_rules.h"
#include "core/irritability.h"
#include "core/referral_rules.h"

#include <algorithm>
#include <vector>

namespace hiprx::core {

namespace {

const std::vector<RuleInfo>& allRules()
{
    static const std::vector<RuleInfo> rows = [] {
        std::vector<RuleInfo> out;
        for (auto family : {impairmentRules(), irritabilityRules(), referralRules()})
            out.insert(out.end(), family.begin(), family.end());
        return out;
    }();
    return rows;
}

const std::string kDeg = "°";

std::string sideText(Side side) { return std::string(toId(side)); }

/// Findings from the examination that the referral rules weigh with the flags.
ReferralFindings referralFindings(const Assessment& a, std::optional<int> ageYears, NormSet norms)
{
    ReferralFindings f;
    f.ageYears = ageYears;
    f.precautions = a.precautions;
    f.fallsPastYear = a.balance.fallsPastYear.value_or(0);
    f.painBeforeFalls = a.balance.painBeforeFalls;
    for (Side side : kSides)
        if (const auto& s = a.balance.singleLegStanceS[side]; s && *s < kFallRiskStanceBelowS)
            f.poorStance = true;
    f.inPain = !a.pain.areas.empty() || a.pain.nprsNow.value_or(0) > 0 || a.pain.nprsWorst24h.value_or(0) > 0;
    f.worstPain = std::max(a.pain.nprsNow.value_or(0), a.pain.nprsWorst24h.value_or(0));
    f.backPain = std::any_of(a.pain.areas.begin(), a.pain.areas.end(),
                             [](const PainArea& area) { return area.region == BodyRegion::Lumbar; });
    // Where an aneurysm hurts: the back, or the groin and flank it radiates to; a pain score with no
    // place marked counts too (the flag itself is ticked for back pain with a pulsatile mass).
    f.aneurysmPain = f.backPain ||
                     std::any_of(a.pain.areas.begin(), a.pain.areas.end(),
                                 [](const PainArea& area) {
                                     return area.region == BodyRegion::Groin || area.region == BodyRegion::Sacroiliac;
                                 }) ||
                     (a.pain.areas.empty() && f.inPain);
    // Which hips have been operated on (a replacement or a fixed fracture recorded as a precaution); a
    // sign with no side (a central pain area) counts as at an operated hip when there is one.
    const std::vector<Side> operatedHips = operatedSides(a);
    const auto operated = [&](std::optional<Side> side) {
        return side ? std::find(operatedHips.begin(), operatedHips.end(), *side) != operatedHips.end()
                    : !operatedHips.empty();
    };
    const auto fractureSign = [&](std::string sign, std::optional<Side> side) {
        if (!operated(side))
            f.fractureSignsUnoperated.push_back(sign);
        f.fractureSigns.push_back(std::move(sign));
    };
    for (const PainArea& area : a.pain.areas) {
        const std::string where = std::string(label(area.region)) + " pain (" + std::string(toId(area.side)) + ")";
        const std::optional<Side> areaSide = area.side == BodySide::Left    ? std::optional<Side>(Side::Left)
                                             : area.side == BodySide::Right ? std::optional<Side>(Side::Right)
                                                                            : std::nullopt;
        // After a fall, pain at the outer hip is where a trochanteric or an occult neck fracture hurts
        // (NICE CG124: hip pain after a fall in an older person), not only the groin.
        if (area.region == BodyRegion::Groin || area.region == BodyRegion::LateralHip)
            fractureSign(where, areaSide);
        if (area.region == BodyRegion::Groin) {
            f.hipJointSigns.push_back(where);
            f.hipJointPain = true;
        }
        if (area.region == BodyRegion::Groin || area.region == BodyRegion::LateralHip ||
            area.region == BodyRegion::Buttock || area.region == BodyRegion::AnteriorThigh ||
            area.region == BodyRegion::LateralThigh || area.region == BodyRegion::PosteriorThigh ||
            area.region == BodyRegion::Knee)
            f.hipToKneePain.push_back(where);
    }
    for (Side side : kSides) {
        for (SpecialTest test : {SpecialTest::LogRoll, SpecialTest::Scour}) {
            const auto it = a.tests[side].find(test);
            if (it != a.tests[side].end() && it->second.isPositive()) {
                fractureSign(std::string(label(test)) + " " + sideText(side) + " positive", side);
                f.hipJointSigns.push_back(std::string(label(test)) + " " + sideText(side) + " positive");
                f.hipJointPain = true;
            }
        }
        const auto flexors = a.strength[side].find(StrengthMuscle::HipFlexors);
        if (flexors != a.strength[side].end() && flexors->second.base <= 2)
            fractureSign("hip flexors " + sideText(side) + " " + flexors->second.text() + "/5 (cannot lift the leg)",
                         side);

        if (const auto abd = a.rom[side].find(Movement::HipAbduction); abd != a.rom[side].end()) {
            const int limit = limitedBelow(norms, Movement::HipAbduction, a.rotationPosition);
            const auto other = a.rom[opposite(side)].find(Movement::HipAbduction);
            if (abd->second < limit)
                f.abductionLoss.push_back("hip abduction " + sideText(side) + " " + std::to_string(abd->second) +
                                          kDeg + " (limited below " + std::to_string(limit) + kDeg + ")");
            else if (other != a.rom[opposite(side)].end() &&
                     other->second - abd->second >= asymmetryThreshold(Movement::HipAbduction))
                f.abductionLoss.push_back("hip abduction " + sideText(side) + " " + std::to_string(abd->second) +
                                          kDeg + " vs " + std::to_string(other->second) + kDeg +
                                          " on the other side");
        }
        const auto ir = a.rom[side].find(Movement::HipInternalRotation);
        if (ir == a.rom[side].end())
            continue;
        f.rotationMeasured = true;
        if (ir->second < kSevereRotationBelow)
            f.severeRotationLoss = true;
        const int limit = limitedBelow(norms, Movement::HipInternalRotation, a.rotationPosition);
        const auto other = a.rom[opposite(side)].find(Movement::HipInternalRotation);
        const bool otherMeasured = other != a.rom[opposite(side)].end();
        const bool lessThanOther =
            otherMeasured && other->second - ir->second >= asymmetryThreshold(Movement::HipInternalRotation);
        std::string loss;
        if (ir->second < limit)
            loss = "hip internal rotation " + sideText(side) + " " + std::to_string(ir->second) + kDeg +
                   " (limited below " + std::to_string(limit) + kDeg + ")";
        else if (lessThanOther)
            loss = "hip internal rotation " + sideText(side) + " " + std::to_string(ir->second) + kDeg + " vs " +
                   std::to_string(other->second) + kDeg + " on the other side";
        if (loss.empty())
            continue;
        f.rotationLoss.push_back(loss);
        f.hipJointSigns.push_back(loss);
        // Clearly less than the other side (the obligatory external rotation of a slipped epiphysis), or
        // lost on a side whose partner was not measured: nothing says it is alike on both sides.
        if (lessThanOther || !otherMeasured)
            f.rotationLossOneSided = true;
    }
    return f;
}

/// Why the patient is at risk of falling, one line each; empty when not.
std::vector<std::string> fallRiskBasis(const Balance& balance)
{
    std::vector<std::string> basis;
    if (balance.fallsPastYear && *balance.fallsPastYear >= kFallRiskFalls)
        basis.push_back(std::to_string(*balance.fallsPastYear) + (*balance.fallsPastYear == 1 ? " fall" : " falls") +
                        " in the past year");
    for (Side side : kSides)
        if (const auto& s = balance.singleLegStanceS[side]; s && *s < kFallRiskStanceBelowS)
            basis.push_back("single-leg stance " + sideText(side) + " " + std::to_string(*s) + " s (< " +
                            std::to_string(kFallRiskStanceBelowS) + " s)");
    return basis;
}

/// Takes out of `impairments` those `held` selects and returns their evidence, in order.
template <typename Held>
std::vector<std::string> takeOut(std::vector<Impairment>& impairments, Held held)
{
    std::vector<std::string> evidence;
    std::erase_if(impairments, [&](const Impairment& impairment) {
        if (!held(impairment))
            return false;
        evidence.insert(evidence.end(), impairment.evidence.begin(), impairment.evidence.end());
        return true;
    });
    return evidence;
}

/// Every rule behind `impairment` is one `accepted` accepts (the finding rests on nothing else).
template <typename Accepted>
bool onlyRules(const Impairment& impairment, Accepted accepted)
{
    return std::all_of(impairment.rules.begin(), impairment.rules.end(), accepted);
}

} // namespace

Analysis analyze(const Assessment& assessment, const AnalyzeOptions& options)
{
    Analysis analysis;
    if (assessment.patient.birthDate)
        analysis.ageYears =
            Date::yearsBetween(*assessment.patient.birthDate, assessment.visit.date.value_or(options.today));

    const NormSet norms = assessment.visit.normSet.value_or(options.norms);
    analysis.normSet = norms;
    auto findings = findImpairments(assessment, norms);
    analysis.impairments = std::move(findings.impairments);
    analysis.notes = std::move(findings.notes);
    analysis.cautions = std::move(findings.cautions);

    auto irritability = judgeIrritability(assessment.pain, assessment.redFlags);
    analysis.irritability = irritability.level;
    analysis.irritabilityBasis = std::move(irritability.basis);

    // A muscle that itself hurts (pain marked over it on that side: the back of the thigh for the
    // hamstrings, the groin for the adductors) stops its stretch test where it hurts — an acute strain,
    // most often. Its range is not read as tightness, and a torn muscle is not stretched: pain-free
    // isometric work and graded loading come first.
    {
        struct PainfulMuscle {
            MuscleGroup muscle;
            BodyRegion region;
            std::vector<std::string_view> rules;
        };
        const PainfulMuscle painful[] = {
            {MuscleGroup::Hamstrings, BodyRegion::PosteriorThigh, {"R-TIGHT-HAM-SLR", "R-TIGHT-HAM-POPLITEAL"}},
            {MuscleGroup::Adductors, BodyRegion::Groin, {"R-TIGHT-ADD-ABD", "R-TIGHT-ADD-ASYM"}},
        };
        for (const PainfulMuscle& p : painful)
            for (const PainArea& area : assessment.pain.areas)
                if (area.region == p.region && area.side != BodySide::Central)
                    analysis.painfulMuscles.push_back(
                        {p.muscle, area.side == BodySide::Left ? Side::Left : Side::Right});
        std::vector<std::string> held;
        std::erase_if(analysis.impairments, [&](const Impairment& impairment) {
            if (impairment.kind != ImpairmentKind::Tight || !impairment.side)
                return false;
            for (const PainfulMuscle& p : painful) {
                if (impairment.muscle != p.muscle)
                    continue;
                const BodySide where = *impairment.side == Side::Left ? BodySide::Left : BodySide::Right;
                const bool hurtsThere = std::any_of(assessment.pain.areas.begin(), assessment.pain.areas.end(),
                                                    [&](const PainArea& area) {
                                                        return area.region == p.region && area.side == where;
                                                    });
                const bool rangeOnly = onlyRules(impairment, [&](const std::string& rule) {
                    return std::find(p.rules.begin(), p.rules.end(), rule) != p.rules.end();
                });
                if (hurtsThere && rangeOnly) {
                    held.push_back(std::string(label(p.muscle)) + " " + std::string(label(*impairment.side)) + " (" +
                                   std::string(label(p.region)) + " pain on that side)");
                    return true;
                }
            }
            return false;
        });
        if (!held.empty())
            analysis.notes.push_back({"R-NOTE-PAINFUL-MUSCLE",
                                      "Tightness not concluded where the muscle itself hurts: " + joined(held, "; ") +
                                          ". The stretch test stops where it hurts, as after a strain; do not "
                                          "stretch it yet. Start with pain-free isometric work and graded loading, "
                                          "and retest the range when it no longer hurts."});
    }

    // Highly irritable pain stops the straight-leg raise before the hamstrings' length: a low SLR with no
    // other hamstring finding is not read as tight hamstrings at this visit.
    if (analysis.irritability == Irritability::High) {
        const auto slr = takeOut(analysis.impairments, [](const Impairment& impairment) {
            return impairment.muscle == MuscleGroup::Hamstrings && impairment.kind == ImpairmentKind::Tight &&
                   onlyRules(impairment, [](const std::string& rule) { return rule == "R-TIGHT-HAM-SLR"; });
        });
        // Endurance holds stop where the back starts to hurt, not where the trunk tires.
        const auto holds = takeOut(analysis.impairments, [](const Impairment& impairment) {
            return impairment.muscle == MuscleGroup::Core && impairment.kind == ImpairmentKind::Weak &&
                   onlyRules(impairment, [](const std::string& rule) { return rule.rfind("R-WEAK-CORE", 0) == 0; });
        });
        if (!holds.empty())
            analysis.notes.push_back({"R-NOTE-CORE-PAIN-LIMITED",
                                      "Trunk weakness not concluded: " + joined(holds, ", ") +
                                          " while the pain is highly irritable, so the holds end where it hurts, not "
                                          "where the trunk tires. Retest when the pain settles."});
        if (!slr.empty())
            analysis.notes.push_back({"R-NOTE-HAM-PAIN-LIMITED",
                                      "Hamstring tightness not concluded: " + joined(slr, ", ") +
                                          " while the pain is highly irritable, so the raise stops where it starts "
                                          "to hurt, before the hamstrings' length. Retest when the pain settles; "
                                          "no hamstring stretch until then."});
    }

    analysis.precautions = assessment.precautions;
    if (analysis.irritability == Irritability::High) {
        analysis.precautions.insert(Precaution::AcuteHighIrritability);
        analysis.irritabilityBasis.push_back("high irritability adds the precaution acute_high_irritability "
                                             "(R-PREC-HIGH-IRRIT)");
    }

    // Osteoporosis or long-term steroids ticked in the red-flag screen: the bone is fragile whether or not
    // the clinician also ticked the precaution, so its limits apply (Too Fit To Fracture).
    if (assessment.redFlags.count(RedFlag::OsteoporosisOrSteroids) > 0 &&
        analysis.precautions.insert(Precaution::Osteoporosis).second)
        analysis.notes.push_back({"R-PREC-OSTEOPOROSIS-FLAG",
                                  "Osteoporosis or long-term steroids recorded: the osteoporosis precautions apply (no "
                                  "loaded or end-range spinal flexion, no end-range twisting, no heavy lifting, no "
                                  "roller under the spine)."});

    if (const auto basis = fallRiskBasis(assessment.balance); !basis.empty()) {
        if (analysis.precautions.insert(Precaution::FallRisk).second)
            analysis.notes.push_back({"R-PREC-FALL-RISK",
                                      "Risk of falling (" + joined(basis, ", ") +
                                          "): balance work only with a support at hand; no unsupported one-leg "
                                          "work, lunges or swinging movements."});
    }

    if (analysis.precautions.count(Precaution::Hypermobility) > 0) {
        std::vector<std::string> tight;
        for (const Impairment& impairment : analysis.impairments)
            if (impairment.kind == ImpairmentKind::Tight && impairment.muscle != MuscleGroup::HipCapsule &&
                impairment.muscle != MuscleGroup::SciaticNerve) {
                const std::string name(label(impairment.muscle));
                if (std::find(tight.begin(), tight.end(), name) == tight.end())
                    tight.push_back(name);
            }
        if (!tight.empty())
            analysis.notes.push_back({"R-NOTE-HYPERMOBILITY",
                                      "Hypermobility recorded: the " + joined(tight, ", ") +
                                          " that test tight may be guarding lax joints. Favour strengthening and "
                                          "control through the range; stretch gently and never hang at the end of "
                                          "a stretch (deep end-range and swinging stretches are left out)."});
    }

    analysis.referral =
        assessReferral(assessment.redFlags, referralFindings(assessment, analysis.ageYears, norms));
    analysis.referral.screened = assessment.redFlagsScreened || !assessment.redFlags.empty();

    // An urgent referral means "see a doctor before starting"; until then nothing in the program may
    // swing, load heavily, hang at end range, or load the spine in flexion or twist it to end range
    // (a possible metastasis, fracture or infection of the spine), so the warning and the program
    // never contradict.
    if (analysis.referral.level == Urgency::Urgent)
        analysis.cautions.push_back({"R-CAUTION-URGENT-REFERRAL", "urgent referral open",
                                     {MovementDemand::DynamicEndRange, MovementDemand::HeavyLoad,
                                      MovementDemand::DeepEndRangeStretch, MovementDemand::LoadedSpinalFlexion,
                                      MovementDemand::EndRangeSpinalRotation}});

    // A child's hip sent for X-rays (possible Perthes disease, a possible slip, a limp or hip pain) is not
    // stretched or loaded until it has been seen, so its findings are not read as muscles to treat.
    const bool childHipOpen = std::any_of(
        analysis.referral.warnings.begin(), analysis.referral.warnings.end(), [](const RedFlagWarning& w) {
            return w.id == "possible_perthes" || w.id == "possible_scfe" || w.id == "child_hip_pain_limp";
        });
    if (childHipOpen && analysis.referral.level != Urgency::Emergency && !analysis.impairments.empty()) {
        analysis.impairments.clear();
        std::erase_if(analysis.notes, [](const ClinicalNote& note) { return note.rule != "R-PREC-FALL-RISK"; });
        analysis.notes.insert(analysis.notes.begin(),
                              {"R-NOTE-CHILD-HIP",
                               "A child's hip sent for X-rays: the range, test and strength findings are not read as "
                               "muscles to stretch or strengthen until it has been seen (no stretching or loading "
                               "meanwhile). Reassess after the X-rays."});
    }

    // An emergency is not the moment to read range and strength as muscle or joint problems: in a
    // suspected fracture, slipped epiphysis or cauda equina the findings reflect the acute condition.
    if (analysis.referral.level == Urgency::Emergency && !analysis.impairments.empty()) {
        analysis.impairments.clear();
        std::erase_if(analysis.notes, [](const ClinicalNote& note) { return note.rule != "R-PREC-FALL-RISK"; });
        analysis.notes.insert(analysis.notes.begin(),
                              {"R-NOTE-EMERGENCY",
                               "Emergency referral: the range, test and strength findings are not read as tight or "
                               "weak muscles or a stiff joint, because they may reflect the acute condition. "
                               "Reassess after medical clearance."});
    }
    return analysis;
}

std::span<const RuleInfo> ruleTable() noexcept { return allRules(); }

const RuleInfo* findRule(std::string_view id) noexcept
{
    for (const auto& row : allRules())
        if (row.id == id)
            return &row;
    return nullptr;
}

} // namespace hiprx::core
