// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/visit_note.h"
#include "store/visit_note_repository.h"

#include "core/dose_text.h"
#include "core/norms.h"
#include "core/outcomes.h"
#include "core/progress.h"
#include "store/app_paths.h"
#include "store/repositories.h"
#include "workflow/documents.h"
#include "workflow/issue.h"

#include <cstdio>

namespace hiprx::workflow {

namespace {

std::string testText(const core::TestResult& r)
{
    switch (r.kind) {
    case core::TestResult::Kind::Positive:
        return "positive";
    case core::TestResult::Kind::Negative:
        return "negative";
    case core::TestResult::Kind::Angle:
        break;
    }
    return std::to_string(r.angle) + "°" + (r.reproducesLegPain ? " (reproduces leg pain)" : "");
}

std::string join(const std::vector<std::string>& parts, const char* sep = ", ")
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : sep) + p;
    return out;
}

std::string sideLabel(core::ExerciseSide side)
{
    switch (side) {
    case core::ExerciseSide::Left:
        return " (left)";
    case core::ExerciseSide::Right:
        return " (right)";
    case core::ExerciseSide::Both:
        return " (each side)";
    case core::ExerciseSide::None:
        break;
    }
    return {};
}

std::vector<std::string> subjective(const core::Assessment& a)
{
    std::vector<std::string> lines;
    lines.push_back("Complaint: " + (a.visit.complaint.empty() ? std::string("not recorded") : a.visit.complaint));
    if (const auto pain = painScoresText(a.pain); !pain.empty())
        lines.push_back("Pain (last 24 hours): " + pain);
    if (a.pain.irritability)
        lines.push_back("Irritability (clinician's judgement): " + std::string(core::label(*a.pain.irritability)));
    if (const auto areas = core::painAreasText(a.pain.areas); !areas.empty())
        lines.push_back("Pain areas: " + areas);
    if (a.balance.fallsPastYear)
        lines.push_back("Falls in the past year: " + std::to_string(*a.balance.fallsPastYear));
    if (!a.visit.notes.empty())
        lines.push_back("Notes: " + a.visit.notes);
    return lines;
}

std::vector<std::string> objective(const core::Assessment& a, const core::Analysis& analysis)
{
    std::vector<std::string> lines;
    std::vector<std::string> rom;
    for (const auto& m : core::vocabulary<core::Movement>()) {
        std::vector<std::string> sides;
        for (const core::Side side : {core::Side::Left, core::Side::Right}) {
            const auto found = a.rom[side].find(m.value);
            if (found == a.rom[side].end())
                continue;
            const int limit = core::limitedBelow(analysis.normSet, m.value, a.rotationPosition);
            sides.push_back(sideWord(side) + " " + std::to_string(found->second) + "°" +
                            (found->second < limit ? " (below the limit of " + std::to_string(limit) + "°)" : ""));
        }
        if (!sides.empty())
            rom.push_back(std::string(m.label) + ": " + join(sides));
    }
    if (!rom.empty()) {
        lines.push_back("Range of motion (limits: " + std::string(core::normSetLabel(analysis.normSet)) +
                        ", typical − 2 SD" +
                        (a.rotationPosition ? ", rotation " + std::string(core::label(*a.rotationPosition)) : "") +
                        "):");
        lines.insert(lines.end(), rom.begin(), rom.end());
    }
    std::vector<std::string> tests;
    for (const auto& t : core::vocabulary<core::SpecialTest>()) {
        std::vector<std::string> sides;
        for (const core::Side side : {core::Side::Left, core::Side::Right})
            if (const auto found = a.tests[side].find(t.value); found != a.tests[side].end())
                sides.push_back(sideWord(side) + " " + testText(found->second));
        if (!sides.empty())
            tests.push_back(std::string(t.label) + ": " + join(sides));
    }
    if (!tests.empty()) {
        lines.push_back("Special tests:");
        lines.insert(lines.end(), tests.begin(), tests.end());
    }
    std::vector<std::string> strength;
    for (const auto& m : core::vocabulary<core::StrengthMuscle>()) {
        std::vector<std::string> sides;
        for (const core::Side side : {core::Side::Left, core::Side::Right})
            if (const auto found = a.strength[side].find(m.value); found != a.strength[side].end())
                sides.push_back(sideWord(side) + " " + found->second.text());
        if (!sides.empty())
            strength.push_back(std::string(m.label) + ": " + join(sides));
    }
    if (!strength.empty()) {
        lines.push_back("Strength (manual muscle test, 0–5):");
        lines.insert(lines.end(), strength.begin(), strength.end());
    }
    std::vector<std::string> endurance;
    if (a.endurance.plankHoldS)
        endurance.push_back("plank " + std::to_string(*a.endurance.plankHoldS) + " s");
    for (const core::Side side : {core::Side::Left, core::Side::Right})
        if (a.endurance.sideBridgeHoldS[side])
            endurance.push_back("side bridge " + sideWord(side) + " " + std::to_string(*a.endurance.sideBridgeHoldS[side]) +
                                " s");
    if (a.endurance.trunkFlexorHoldS)
        endurance.push_back("trunk flexors " + std::to_string(*a.endurance.trunkFlexorHoldS) + " s");
    if (a.endurance.trunkExtensorHoldS)
        endurance.push_back("trunk extensors " + std::to_string(*a.endurance.trunkExtensorHoldS) + " s");
    if (!endurance.empty())
        lines.push_back("Trunk endurance: " + join(endurance));
    if (const auto balance = core::balanceText(a.balance); !balance.empty())
        lines.push_back("Balance: " + balance);
    try {
        if (const auto lefs = core::scoreLefs(a.outcomes.lefs))
            lines.push_back("LEFS: " + std::to_string(lefs->total) + "/80" +
                            (lefs->prorated ? " (prorated from " + std::to_string(lefs->answered) + " items)" : ""));
        if (const auto psfs = core::scorePsfs(a.outcomes.psfs)) {
            char mean[16];
            std::snprintf(mean, sizeof mean, "%.1f", psfs->mean);
            std::vector<std::string> activities;
            for (const auto& item : a.outcomes.psfs)
                if (item.score)
                    activities.push_back(item.activity + " " + std::to_string(*item.score));
            lines.push_back("PSFS: " + std::string(mean) + "/10 (" + join(activities, "; ") + ")");
        }
    } catch (const std::exception&) {
        // A stored visit was validated when saved; an unscorable questionnaire is left out.
    }
    if (lines.empty())
        lines.push_back("No measurements were recorded.");
    return lines;
}

std::vector<std::string> assessment(const core::Assessment& a, const core::Analysis& analysis)
{
    std::vector<std::string> lines;
    const auto& referral = analysis.referral;
    if (!referral.warnings.empty()) {
        lines.push_back("Red flags:");
        for (const auto& w : referral.warnings)
            lines.push_back(std::string(w.level == core::Urgency::Emergency ? "Emergency"
                                        : w.level == core::Urgency::Urgent  ? "Urgent"
                                                                            : "Routine") +
                            ": " + w.clinicianText);
    } else {
        lines.push_back(referral.screened ? "Red flags: screened, none found."
                                          : "Red flags: the screen was not recorded.");
    }
    lines.push_back("Clinical reasoning:");
    lines.push_back("Irritability: " + std::string(core::label(analysis.irritability)) + ".");
    if (analysis.impairments.empty()) {
        lines.push_back("Impairments: none found in the recorded findings.");
    } else {
        for (const auto& imp : analysis.impairments)
            lines.push_back(std::string(imp.kind == core::ImpairmentKind::Tight ? "Tight " : "Weak ") +
                            std::string(core::label(imp.muscle)) + (imp.side ? " (" + sideWord(*imp.side) + ")" : "") +
                            (imp.rationale.empty() ? "" : " — " + imp.rationale));
    }
    if (!a.precautions.empty()) {
        std::vector<std::string> known;
        for (const auto p : a.precautions)
            known.push_back(std::string(core::label(p)));
        lines.push_back("Precautions: " + join(known) + ".");
    }
    for (const auto& note : analysis.notes)
        lines.push_back(note.text);
    if (!a.visit.impression.empty())
        lines.push_back("Clinician's impression: " + a.visit.impression);
    return lines;
}

std::vector<std::string> plan(store::Database& db, std::int64_t visitId, const core::Assessment& a,
                              core::DateFormat format)
{
    std::vector<std::string> lines;
    if (!a.visit.plan.empty())
        lines.push_back("Plan: " + a.visit.plan);
    if (!a.visit.goals.empty())
        lines.push_back("Goals agreed with the patient: " + a.visit.goals);
    const auto issued = store::VisitRepository(db).latestProgram(visitId);
    if (!issued) {
        lines.push_back("No home program has been issued at this visit yet.");
        return lines;
    }
    if (!issued->acknowledgement.empty())
        lines.push_back("Referral acted on: " + issued->acknowledgement);
    if (issued->program.withheld) {
        lines.push_back("No exercise program: the emergency referral comes first. The patient was given the sheet "
                        "that tells them to get medical help today.");
        return lines;
    }
    // The day it was issued here, in the clinic's format like every other date of the note (the
    // store keeps UTC: an evening issue in New York is the next day in UTC).
    const auto issuedOn = localDate(issued->issuedAt);
    lines.push_back("Home program version " + std::to_string(issued->version) + ", issued " +
                    (issuedOn ? core::formatDate(*issuedOn, format) : issued->issuedAt.substr(0, 10)) +
                    (issued->clinician.empty() ? "" : " by " + issued->clinician) + ":");
    for (const auto& item : issued->program.items)
        lines.push_back(item.name + sideLabel(item.side) + ": " + core::describeDose(item.dose, item.side) +
                        (item.notes.empty() ? "" : " — " + item.notes));
    if (issued->program.items.empty())
        lines.push_back("The program has no exercises.");
    return lines;
}

} // namespace

render::VisitNoteInput visitNoteInput(store::Database& db, const Clinic& clinic, std::int64_t visitId,
                                      core::Date today)
{
    const VisitReading reading = readVisit(db, visitId, clinic.norms, today);
    const core::Assessment& a = reading.visit.assessment;
    const core::Analysis& analysis = reading.analysis;
    render::VisitNoteInput input;
    input.patient = a.patient;
    const core::Date date = documentDate(a, today);
    input.date = core::formatDate(date, clinic.dateFormat);
    input.dateFormat = clinic.dateFormat;
    input.ageYears = a.ageYears(date);
    input.branding = documentBranding(clinic.branding, a.visit.clinician);
    input.referral = analysis.referral.level;
    if (analysis.referral.level == core::Urgency::Emergency || analysis.referral.level == core::Urgency::Urgent) {
        std::vector<std::string> flags;
        for (const auto& w : analysis.referral.warnings)
            if (w.level == analysis.referral.level)
                for (const auto f : w.flags)
                    flags.push_back(std::string(core::label(f)));
        input.referralLine = std::string(analysis.referral.level == core::Urgency::Emergency
                                             ? "Emergency referral (same day): "
                                             : "Urgent referral (within the week): ") +
                             (flags.empty() ? std::string("see the red flags below") : join(flags));
    }
    input.sections = {{"subjective", subjective(a)},
                      {"objective", objective(a, analysis)},
                      {"assessment", assessment(a, analysis)},
                      {"plan", plan(db, visitId, a, clinic.dateFormat)}};
    input.madeOn = input.date;
    return input;
}

std::optional<FiledNote> filedVisitNote(store::Database& db, std::int64_t visitId)
{
    const auto latest = store::VisitRepository(db).latestProgram(visitId);
    if (!latest)
        return std::nullopt;
    auto pdf = store::VisitNoteRepository(db).find(latest->id);
    if (!pdf)
        return std::nullopt;
    return FiledNote{latest->version, std::move(*pdf)};
}

std::vector<std::uint8_t> renderVisitNote(const render::VisitNoteInput& input, render::PageSize size)
{
    return render::renderVisitNote(input, size, render::defaultResources(store::AppPaths().templatesDir()));
}

} // namespace hiprx::workflow
