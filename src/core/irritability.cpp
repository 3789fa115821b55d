// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/irritability.h"

#include <algorithm>

namespace hiprx::core {

namespace {

constexpr RuleInfo kRules[] = {
    {"R-IRRIT-CLINICIAN", "irritability recorded by the clinician", "that level",
     "The clinician's judgement weighs more than any single score (it includes how fast symptoms settle)",
     "Kelley 2013, JOSPT (APTA adhesive-capsulitis guideline: SINSS irritability); preferring the "
     "clinician's level is a HipRx design choice"},
    {"R-IRRIT-NPRS", "no recorded irritability: worst NPRS in 24 h (or current NPRS) ≥ 7 high, 4–6 moderate, ≤ 3 low",
     "irritability from the pain bands",
     "The SINSS pain bands separate presentations by how much loading they tolerate",
     "Kelley 2013, JOSPT; Wilson 2023, J Man Manip Ther (applied to low back pain); pain bands read in a "
     "secondary summary"},
    {"R-IRRIT-NIGHT", "no recorded irritability, constant or night pain, and pain scores in the low band",
     "raised from low to moderate (never to high on night pain alone)",
     "Night or rest pain is one feature of irritability among several; alone it does not make pain highly "
     "irritable, so it lifts a low level to moderate and no further",
     "Kelley 2013, JOSPT (SINSS: night pain is one criterion; recalled, not checked); raising at most to "
     "moderate is a HipRx design choice"},
    {"R-PREC-HIGH-IRRIT", "irritability judged high", "precaution acute_high_irritability",
     "Highly irritable tissue tolerates only gentle range and low dose; end-range stretching and heavy "
     "loading are deferred",
     "Physiopedia, Severity (web summary); Kelley 2013, JOSPT (short holds when "
     "irritable: recalled, not checked)"},
};

Irritability raised(Irritability level)
{
    return level == Irritability::Low ? Irritability::Moderate : Irritability::High;
}

} // namespace

IrritabilityJudgement judgeIrritability(const Pain& pain, const std::set<RedFlag>& redFlags)
{
    IrritabilityJudgement judgement;
    if (pain.irritability) {
        judgement.level = *pain.irritability;
        judgement.basis.push_back("irritability recorded by the clinician: " + std::string(toId(*pain.irritability)) +
                                  " (R-IRRIT-CLINICIAN)");
        return judgement;
    }

    // The worst score of the last day reflects what the tissue tolerates better than the score now;
    // the current score stands in when the worst was not asked.
    std::optional<int> score;
    std::string scoreName;
    if (pain.nprsWorst24h) {
        score = pain.nprsWorst24h;
        scoreName = "nprs_worst_24h";
    }
    if (pain.nprsNow && (!score || *pain.nprsNow > *score)) {
        score = pain.nprsNow;
        scoreName = "nprs_now";
    }
    if (!score) {
        judgement.level = Irritability::Low;
        judgement.basis.push_back("no pain score or irritability recorded: taken as low; record them to adjust "
                                  "the doses (R-IRRIT-NPRS)");
    } else if (*score >= 7) {
        judgement.level = Irritability::High;
        judgement.basis.push_back(scoreName + " " + std::to_string(*score) + " ≥ 7: high (R-IRRIT-NPRS)");
    } else if (*score >= 4) {
        judgement.level = Irritability::Moderate;
        judgement.basis.push_back(scoreName + " " + std::to_string(*score) + " in 4–6: moderate (R-IRRIT-NPRS)");
    } else {
        judgement.level = Irritability::Low;
        judgement.basis.push_back(scoreName + " " + std::to_string(*score) + " ≤ 3: low (R-IRRIT-NPRS)");
    }

    if (redFlags.count(RedFlag::NightPainConstant) && judgement.level == Irritability::Low) {
        judgement.level = raised(judgement.level);
        judgement.basis.push_back("night_pain_constant recorded: raised to " + std::string(toId(judgement.level)) +
                                  " (R-IRRIT-NIGHT)");
    }
    return judgement;
}

std::span<const RuleInfo> irritabilityRules() noexcept { return kRules; }

} // namespace hiprx::core
