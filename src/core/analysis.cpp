// SPDX-License-Identifier: GPL-3.0-or-later
//
// analyze() puts the three rule families together: impairments (impairment_rules.cpp), irritability
// (irritability.cpp) and referral (referral_rules.cpp). The rule table is their concatenation, so the
// app and the documentation show every rule from one place.
#include "core/analysis.h"

#include "core/impairment_rules.h"
#include "core/irritability.h"
#include "core/referral_rules.h"

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

} // namespace

Analysis analyze(const Assessment& assessment, const AnalyzeOptions& options)
{
    Analysis analysis;
    if (assessment.patient.birthDate)
        analysis.ageYears =
            Date::yearsBetween(*assessment.patient.birthDate, assessment.visit.date.value_or(options.today));

    auto findings = findImpairments(assessment, options.norms);
    analysis.impairments = std::move(findings.impairments);
    analysis.notes = std::move(findings.notes);
    analysis.cautions = std::move(findings.cautions);

    auto irritability = judgeIrritability(assessment.pain, assessment.redFlags);
    analysis.irritability = irritability.level;
    analysis.irritabilityBasis = std::move(irritability.basis);

    analysis.precautions = assessment.precautions;
    if (analysis.irritability == Irritability::High) {
        analysis.precautions.insert(Precaution::AcuteHighIrritability);
        analysis.irritabilityBasis.push_back("high irritability adds the precaution acute_high_irritability "
                                             "(R-PREC-HIGH-IRRIT)");
    }

    analysis.referral = assessReferral(assessment.redFlags, analysis.ageYears, assessment.precautions);
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
