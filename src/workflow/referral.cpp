// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/referral.h"

#include "core/error.h"
#include "core/progress.h"
#include "store/app_paths.h"
#include "store/repositories.h"
#include "workflow/documents.h"
#include "workflow/issue.h"

namespace hiprx::workflow {

namespace {

std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

} // namespace

bool referralLetterDue(const core::Analysis& analysis)
{
    return analysis.referral.level == core::Urgency::Urgent || analysis.referral.level == core::Urgency::Emergency;
}

std::vector<std::string> referralFindings(const core::Assessment& a, const core::Analysis& analysis)
{
    std::vector<std::string> lines;
    if (!a.visit.complaint.empty())
        lines.push_back("Presenting complaint: " + a.visit.complaint);
    if (const auto pain = painScoresText(a.pain); !pain.empty())
        lines.push_back("Pain (0–10, last 24 hours): " + pain + "; irritability " +
                        std::string(core::label(analysis.irritability)));
    if (const auto areas = core::painAreasText(a.pain.areas); !areas.empty())
        lines.push_back("Pain areas: " + areas);

    std::vector<std::string> tests;
    std::vector<std::string> weak;
    for (const core::Side side : {core::Side::Left, core::Side::Right}) {
        for (const auto& [test, result] : a.tests[side]) {
            const std::string name = std::string(core::label(test)) + " " + sideWord(side);
            if (result.kind == core::TestResult::Kind::Positive)
                tests.push_back(name + " positive");
            else if (result.kind == core::TestResult::Kind::Angle)
                tests.push_back(name + " " + std::to_string(result.angle) + "°" +
                                (result.reproducesLegPain ? ", reproducing leg pain" : ""));
        }
        for (const auto& [muscle, grade] : a.strength[side])
            if (grade.base < 4)
                weak.push_back(std::string(core::label(muscle)) + " " + sideWord(side) + " " + grade.text() + "/5");
    }
    if (!tests.empty())
        lines.push_back("Special tests: " + joined(tests));
    if (!weak.empty())
        lines.push_back("Marked weakness: " + joined(weak));
    if (const auto balance = core::balanceText(a.balance); !balance.empty())
        lines.push_back("Balance: " + balance);
    if (!a.precautions.empty()) {
        std::vector<std::string> known;
        for (const auto p : a.precautions)
            known.push_back(std::string(core::label(p)));
        lines.push_back("Known conditions and precautions: " + joined(known));
    }
    if (!a.visit.notes.empty())
        lines.push_back("Notes: " + a.visit.notes);
    return lines;
}

render::ReferralLetterInput referralLetterInput(store::Database& db, const Clinic& clinic, std::int64_t visitId,
                                                core::Date today, const std::string& recipient)
{
    const VisitReading reading = readVisit(db, visitId, clinic.norms, today);
    if (!referralLetterDue(reading.analysis))
        throw InputError("VISIT", "VISIT: visit " + std::to_string(visitId) +
                                      " has no urgent or emergency referral, so no referral letter is written; a "
                                      "routine finding is mentioned in the progress report");
    const core::Assessment& a = reading.visit.assessment;
    render::ReferralLetterInput input;
    input.patient = a.patient;
    const core::Date date = documentDate(a, today);
    input.date = core::formatDate(date, clinic.dateFormat);
    input.dateFormat = clinic.dateFormat;
    input.ageYears = a.ageYears(date);
    input.branding = documentBranding(clinic.branding, a.visit.clinician);
    input.recipient = recipient;
    input.level = reading.analysis.referral.level;
    for (const auto& w : reading.analysis.referral.warnings)
        if (w.level == core::Urgency::Urgent || w.level == core::Urgency::Emergency)
            input.warnings.push_back(w);
    input.findings = referralFindings(a, reading.analysis);
    if (const auto issued = store::VisitRepository(db).latestProgram(visitId)) {
        input.clinicianNote = issued->acknowledgement;
        input.programExercises = issued->program.withheld ? 0 : issued->program.items.size();
    }
    return input;
}

std::vector<std::uint8_t> renderReferralLetter(const render::ReferralLetterInput& input, render::PageSize size)
{
    return render::renderReferralLetter(input, size, render::defaultResources(store::AppPaths().templatesDir()));
}

} // namespace hiprx::workflow
