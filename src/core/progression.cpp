// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/progression.h"

#include "core/screen.h"
#include "core/referral_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace hiprx::core {

namespace {

constexpr int kMaxReps = 15; // ACSM: 8–12 (novice) or 10–15 (older adults) reps
constexpr int kResetReps = 10;
constexpr int kMaxSets = 3;        // ACSM novice: 1–3 sets
constexpr int kMaxStretchReps = 4; // ACSM flexibility: 2–4 repetitions
constexpr int kMaxHoldS = 60;
constexpr int kMinReps = 5;
constexpr int kMinHoldS = 10;

bool isHoldStretch(const Dose& dose, ExerciseKind kind)
{
    return kind == ExerciseKind::Stretch || kind == ExerciseKind::SelfRelease || dose.holdS > 0;
}

/// `e` in place of `from`: same side (a sided exercise replacing a midline one is done on both
/// legs), the basis kept, a fresh snapshot of the instructions and the dose for this patient.
ProgramItem swapIn(const Exercise& e, const ProgramItem& from, const Analysis& analysis)
{
    ExerciseSide side = e.sided ? from.side : ExerciseSide::None;
    if (e.sided && side == ExerciseSide::None)
        side = ExerciseSide::Both;
    ProgramItem item = makeItem(e, side, analysis);
    item.basis = from.basis;
    return item;
}

bool sharesTarget(const Exercise& a, const Exercise& b)
{
    return std::any_of(a.targets.begin(), a.targets.end(), [&](MuscleGroup m) {
        return std::find(b.targets.begin(), b.targets.end(), m) != b.targets.end();
    });
}

int sharedTargets(const Exercise& a, const Exercise& b)
{
    return static_cast<int>(std::count_if(a.targets.begin(), a.targets.end(), [&](MuscleGroup m) {
        return std::find(b.targets.begin(), b.targets.end(), m) != b.targets.end();
    }));
}

std::string itemName(const ProgramItem& item)
{
    return item.name.empty() ? item.exerciseId : item.name;
}

std::string targetWords(const Exercise& e)
{
    std::string out;
    for (MuscleGroup m : e.targets)
        out += (out.empty() ? "" : ", ") + std::string(label(m));
    return out;
}

enum class Direction { Harder, Easier, Same };

/// Finds the next allowed version of an exercise and remembers what it had to leave out.
class VersionFinder {
public:
    VersionFinder(const Analysis& analysis, const ExerciseLibrary& library, std::set<std::string> used)
        : m_analysis(analysis), m_library(library), m_used(std::move(used))
    {
    }

    void use(const std::string& id) { m_used.insert(id); }

    /// The first allowed version of `e` in `direction`, or null; every chain link skipped for safety
    /// or level goes into `leftOut`.
    const Exercise* find(const Exercise& e, Direction direction, std::vector<LeftOut>& leftOut)
    {
        const int current = effectiveLevel(e, m_library);
        if (direction != Direction::Same) {
            const auto& links = [&](const Exercise& x) -> const std::vector<std::string>& {
                return direction == Direction::Harder ? x.harder : x.easier;
            };
            // The item's own links, in the library's order.
            for (const std::string& id : links(e))
                if (const Exercise* c = version(e, id); c && allowed(*c, true, leftOut))
                    return c;
            // Further along the chain, but no further than one level from the exercise.
            for (const std::string& id : links(e))
                if (const Exercise* c1 = version(e, id))
                    for (const std::string& id2 : links(*c1))
                        if (const Exercise* c2 = version(e, id2)) {
                            const int level = effectiveLevel(*c2, m_library);
                            const bool near = direction == Direction::Harder
                                                  ? level > current && level <= current + 1
                                                  : level < current;
                            if (near && allowed(*c2, true, leftOut))
                                return c2;
                        }
        }
        // The library: the same kind and a shared target at the next level (or the same level, then
        // one lower, when looking for a replacement).
        std::vector<int> levels;
        if (direction == Direction::Harder)
            levels = {current + 1};
        else if (direction == Direction::Easier)
            levels = {current - 1};
        else
            levels = {current, current - 1};
        for (int level : levels) {
            std::vector<const Exercise*> pool;
            for (const Exercise& c : m_library.all())
                if (c.id != e.id && c.kind == e.kind && sharesTarget(c, e) &&
                    effectiveLevel(c, m_library) == level)
                    pool.push_back(&c);
            std::stable_sort(pool.begin(), pool.end(), [&](const Exercise* a, const Exercise* b) {
                const int sa = sharedTargets(*a, e);
                const int sb = sharedTargets(*b, e);
                if (sa != sb)
                    return sa > sb;
                const auto offA = a->targets.size() - static_cast<std::size_t>(sa);
                const auto offB = b->targets.size() - static_cast<std::size_t>(sb);
                if (offA != offB)
                    return offA < offB;
                return a->id < b->id;
            });
            for (const Exercise* c : pool)
                if (allowed(*c, false, leftOut))
                    return c;
        }
        return nullptr;
    }

private:
    /// A linked exercise that is a version of `e`: it exists, is of the same kind and shares a
    /// target (a link that changes kind is not a version of the exercise).
    const Exercise* version(const Exercise& e, const std::string& id) const
    {
        const Exercise* c = m_library.find(id);
        return c && c->id != e.id && c->kind == e.kind && sharesTarget(*c, e) ? c : nullptr;
    }

    bool allowed(const Exercise& c, bool report, std::vector<LeftOut>& leftOut)
    {
        if (m_used.count(c.id))
            return false;
        auto exclusions = screenExercise(c, m_analysis);
        std::optional<std::string> why;
        if (!exclusions.empty())
            why = leftOutText(c.name, exclusions);
        else if (auto cap = levelCapReason(effectiveLevel(c, m_library), m_analysis))
            why = c.name + " left out: " + *cap;
        if (!why)
            return true;
        if (report && std::none_of(leftOut.begin(), leftOut.end(), [&](const LeftOut& l) { return l.exerciseId == c.id; }))
            leftOut.push_back({c.id, c.name, *why, std::move(exclusions)});
        return false;
    }

    const Analysis& m_analysis;
    const ExerciseLibrary& m_library;
    std::set<std::string> m_used;
};

std::string leftOutSuffix(const std::vector<LeftOut>& leftOut)
{
    std::string out;
    for (const LeftOut& l : leftOut)
        out += (out.empty() ? "" : "; ") + l.reason;
    return out.empty() ? out : " (" + out + ")";
}

Dose doseForStep(const ItemSuggestion& s, ProgressionStep step)
{
    return step == ProgressionStep::Progress  ? s.progressed
           : step == ProgressionStep::Regress ? s.regressed
                                              : s.current.dose;
}

std::string doseChangeText(const ItemSuggestion& s, ProgressionStep step)
{
    switch (step) {
    case ProgressionStep::Progress:
        return s.progressed == s.current.dose ? "already at the top of its dose range" : "dose raised one step";
    case ProgressionStep::Regress:
        return s.regressed == s.current.dose ? "already at the bottom of its dose range" : "dose lowered one step";
    case ProgressionStep::Refer:
        return "kept as issued until the referral is answered";
    case ProgressionStep::Hold:
        break;
    }
    return "kept as issued";
}

std::vector<std::string> existing(const std::vector<std::string>& ids, const ExerciseLibrary& library)
{
    std::vector<std::string> out;
    for (const auto& id : ids)
        if (library.find(id))
            out.push_back(id);
    return out;
}

} // namespace

std::string_view progressionStepId(ProgressionStep step) noexcept
{
    switch (step) {
    case ProgressionStep::Regress:
        return "regress";
    case ProgressionStep::Progress:
        return "progress";
    case ProgressionStep::Refer:
        return "refer";
    case ProgressionStep::Hold:
        break;
    }
    return "hold";
}

ProgressionStep suggestStep(const History& history)
{
    if (history.visits.empty())
        return ProgressionStep::Hold;
    // A new red flag is a question for a doctor: refer, whatever else changed.
    for (const Alert& a : history.latestAlerts())
        if (a.kind == AlertKind::NewRedFlag)
            return ProgressionStep::Refer;
    // Severe pain alone does not regress a program that is otherwise going well; a rise in pain or
    // a fall in function does.
    for (const Alert& a : history.latestAlerts())
        if (a.kind != AlertKind::SeverePain)
            return ProgressionStep::Regress;
    bool improved = false;
    for (const MeasureValue& v : history.visits.back().values) {
        if (!v.sincePrevious)
            continue;
        if (v.sincePrevious->verdict == Verdict::Worse)
            return ProgressionStep::Hold;
        improved = improved || v.sincePrevious->verdict == Verdict::Improved;
    }
    const bool severe = std::any_of(history.latestAlerts().begin(), history.latestAlerts().end(),
                                    [](const Alert& a) { return a.kind == AlertKind::SeverePain; });
    return improved && !severe ? ProgressionStep::Progress : ProgressionStep::Hold;
}

Dose progressDose(const Dose& dose, ExerciseKind kind)
{
    Dose d = dose;
    if (isHoldStretch(dose, kind)) {
        if (d.reps < kMaxStretchReps)
            ++d.reps;
        else if (d.holdS < kMaxHoldS)
            d.holdS = std::min(kMaxHoldS, d.holdS + 15);
        return d;
    }
    if (d.reps + 2 <= kMaxReps)
        d.reps += 2;
    else if (d.sets < kMaxSets) {
        ++d.sets;
        d.reps = kResetReps;
    } else
        d.reps = std::max(d.reps, kMaxReps);
    return d;
}

Dose regressDose(const Dose& dose, ExerciseKind kind)
{
    Dose d = dose;
    if (isHoldStretch(dose, kind)) {
        if (d.holdS > kMinHoldS)
            d.holdS = std::max(kMinHoldS, d.holdS - d.holdS / 3);
        else if (d.reps > 1)
            --d.reps;
        return d;
    }
    if (d.sets > 1)
        --d.sets;
    else
        d.reps = std::max(std::min(d.reps, kMinReps), d.reps - 2);
    return d;
}

std::vector<std::string> stepReasons(const History& history)
{
    if (history.visits.empty())
        return {"no visit recorded yet"};
    std::vector<std::string> reasons;
    for (const Alert& a : history.latestAlerts())
        reasons.push_back(a.message);
    const VisitProgress& latest = history.visits.back();
    if (history.visits.size() < 2)
        reasons.push_back("only one visit: nothing to compare with yet");
    for (const Verdict wanted : {Verdict::Worse, Verdict::Improved})
        for (const MeasureValue& v : latest.values) {
            if (!v.sincePrevious || v.sincePrevious->verdict != wanted)
                continue;
            const Change& c = *v.sincePrevious;
            const bool degrees = v.measure.kind == MeasureKind::Rom;
            const auto amount = [degrees](double x) {
                char buf[32];
                std::snprintf(buf, sizeof buf, std::abs(x - std::round(x)) < 1e-9 ? "%.0f" : "%.1f", x);
                return std::string(buf) + (degrees ? "°" : " points");
            };
            reasons.push_back(v.measure.label() + " " + (c.delta > 0 ? "+" : "-") +
                              amount(std::abs(c.delta)) +
                              " since the previous visit: " + std::string(verdictText(c.verdict)) +
                              " (counts from " + amount(c.threshold) + ")");
        }
    if (reasons.empty())
        reasons.push_back("no measure changed beyond its measurement error since the previous visit");
    return reasons;
}

std::vector<LeftOut> NextProgram::excluded() const
{
    std::vector<LeftOut> out;
    for (const ItemSuggestion& s : items)
        for (const LeftOut& l : s.leftOut)
            if (std::none_of(out.begin(), out.end(), [&](const LeftOut& o) { return o.exerciseId == l.exerciseId; }))
                out.push_back(l);
    return out;
}

Program NextProgram::programWithBasis() const
{
    Program p = program();
    std::string why;
    for (const std::string& r : reasons)
        why += (why.empty() ? "" : "; ") + r;
    std::size_t i = 0;
    for (const ItemSuggestion& s : items) {
        if (s.dropped)
            continue;
        std::string line = "next step (" + std::string(progressionStepId(step)) + ") from " + s.current.name +
                           ": " + s.reason;
        if (!why.empty())
            line += ", because " + why;
        p.items[i++].basis.push_back(std::move(line));
    }
    return p;
}

Program NextProgram::program() const
{
    Program p;
    p.referralLevel = referralLevel;
    p.withheld = withheld;
    for (const ItemSuggestion& s : items)
        if (!s.dropped)
            p.items.push_back(s.suggested);
    for (const LeftOut& l : excluded())
        for (const Exclusion& e : l.exclusions)
            p.excluded.push_back(e);
    p.warnings = warnings;
    return p;
}

NextProgram suggestNextProgram(const Program& last, const Analysis& followUp, const ExerciseLibrary& library,
                               ProgressionStep step)
{
    NextProgram next;
    next.step = step;
    next.referralLevel = followUp.referral.level;
    next.withheld = followUp.referral.level == Urgency::Emergency;
    if (next.withheld)
        next.warnings.push_back(emergencyWarning(followUp));
    else if (followUp.referral.level == Urgency::Urgent) {
        std::string flags;
        for (const auto& w : followUp.referral.warnings)
            if (w.level == Urgency::Urgent)
                flags += (flags.empty() ? "" : ", ") + referralWarningName(w.id);
        next.warnings.push_back("Urgent referral (" + flags +
                                "): the patient should see a doctor before going on with these exercises.");
    }

    std::set<std::string> used;
    for (const ProgramItem& item : last.items)
        used.insert(item.exerciseId);
    VersionFinder finder(followUp, library, used);

    for (const ProgramItem& item : last.items) {
        ItemSuggestion s;
        s.current = item;
        const Exercise* e = library.find(item.exerciseId);
        if (e) {
            s.easier = existing(e->easier, library);
            s.harder = existing(e->harder, library);
        }
        s.progressed = progressDose(item.dose, item.kind);
        s.regressed = regressDose(item.dose, item.kind);
        s.suggested = item;
        const std::string name = itemName(item);

        if (next.withheld) {
            s.dropped = true;
            s.reason = "withheld: emergency referral";
        } else if (!e) {
            s.suggested.dose = doseForStep(s, step);
            s.reason = doseChangeText(s, step) + "; not in the exercise library, so HipRx could not check it "
                                                 "against the precautions";
            next.warnings.push_back(name + " is not in the exercise library, so HipRx cannot check it against "
                                           "the precautions; check it by hand.");
        } else if (auto now = screenExercise(*e, followUp); !now.empty()) {
            // Forbidden now (a precaution or caution new at this visit): replace it or drop it.
            const std::string out = leftOutText(name, now);
            s.leftOut.push_back({e->id, name, out, now});
            const Direction first = step == ProgressionStep::Progress  ? Direction::Harder
                                    : step == ProgressionStep::Regress ? Direction::Easier
                                                                       : Direction::Same;
            std::vector<LeftOut> skipped;
            const Exercise* r = finder.find(*e, first, skipped);
            if (!r && first != Direction::Same)
                r = finder.find(*e, Direction::Same, skipped);
            if (!r && first != Direction::Easier)
                r = finder.find(*e, Direction::Easier, skipped);
            for (LeftOut& l : skipped)
                if (l.exerciseId != e->id)
                    s.leftOut.push_back(std::move(l));
            if (r) {
                finder.use(r->id);
                s.suggested = swapIn(*r, item, followUp);
                s.reason = out + "; replaced by " + r->name;
            } else {
                s.dropped = true;
                s.reason = out + "; no allowed " + std::string(label(e->kind)) + " exercise for " +
                           targetWords(*e) + " replaces it, so choose one by hand";
            }
        } else if (step == ProgressionStep::Progress || step == ProgressionStep::Regress) {
            const bool harder = step == ProgressionStep::Progress;
            const Exercise* r = finder.find(*e, harder ? Direction::Harder : Direction::Easier, s.leftOut);
            if (r) {
                finder.use(r->id);
                s.suggested = swapIn(*r, item, followUp);
                s.reason = std::string(harder ? "harder version: " : "easier version: ") + r->name +
                           leftOutSuffix(s.leftOut);
            } else {
                s.suggested.dose = doseForStep(s, step);
                s.reason = doseChangeText(s, step) + leftOutSuffix(s.leftOut);
            }
        } else {
            s.reason = doseChangeText(s, step);
        }
        next.items.push_back(std::move(s));
    }
    return next;
}

std::optional<NextProgram> nextProgramAtVisit(const FollowUp& followUp, const ExerciseLibrary& library)
{
    // The visits up to this one, in the order history sees them.
    const History full = buildHistory(followUp.visits, followUp.options.norms);
    std::vector<std::int64_t> upTo;
    bool found = false;
    for (const VisitProgress& v : full.visits) {
        upTo.push_back(v.visitId);
        if (v.visitId == followUp.visitId) {
            found = true;
            break;
        }
    }
    if (!found)
        return std::nullopt;

    // The program in force: the latest version issued at the latest visit (up to this one) with one.
    const Program* last = nullptr;
    for (auto id = upTo.rbegin(); id != upTo.rend() && !last; ++id)
        for (auto p = followUp.issued.rbegin(); p != followUp.issued.rend(); ++p)
            if (p->visitId == *id) {
                last = &p->program;
                break;
            }
    if (!last)
        return std::nullopt;

    std::vector<DatedAssessment> visits;
    const Assessment* current = nullptr;
    const Assessment* previous = nullptr;
    for (const DatedAssessment& d : followUp.visits)
        if (std::find(upTo.begin(), upTo.end(), d.visitId) != upTo.end())
            visits.push_back(d);
    for (const DatedAssessment& d : visits) {
        if (d.visitId == followUp.visitId)
            current = &d.assessment;
        else if (upTo.size() >= 2 && d.visitId == upTo[upTo.size() - 2])
            previous = &d.assessment;
    }
    const History history = buildHistory(visits, followUp.options.norms);

    Analysis analysis = analyze(*current, followUp.options);
    std::vector<std::string> carried;
    if (previous)
        for (Precaution p : previous->precautions)
            if (p != Precaution::AcuteHighIrritability && !analysis.precautions.count(p)) {
                analysis.precautions.insert(p);
                carried.push_back(std::string(label(p)));
            }

    // What the findings alone call for, a new red flag aside: the referral's level decides what a
    // new flag does to the program.
    History findingsOnly = history;
    if (!findingsOnly.visits.empty())
        std::erase_if(findingsOnly.visits.back().alerts,
                      [](const Alert& a) { return a.kind == AlertKind::NewRedFlag; });
    const ProgressionStep byHistory = suggestStep(history);
    const ProgressionStep byFindings = suggestStep(findingsOnly);
    ProgressionStep step = byHistory;  // what the therapist is told
    ProgressionStep doses = byHistory; // what happens to each exercise
    std::string stepNote;
    if (analysis.referral.level == Urgency::Emergency) {
        step = doses = ProgressionStep::Refer;
        if (byHistory != ProgressionStep::Refer)
            stepNote = "emergency referral at this visit: no exercises until the patient has had same-day medical "
                       "assessment";
    } else if (byHistory == ProgressionStep::Refer && analysis.referral.level == Urgency::Urgent) {
        // A doctor should see the patient within days. Meanwhile the program is eased when the findings
        // call for it, never kept harder than they allow.
        if (byFindings == ProgressionStep::Regress) {
            doses = ProgressionStep::Regress;
            stepNote = "urgent referral open: until the patient has been seen, the exercises are made easier, "
                       "as the findings call for";
        }
    } else if (byHistory == ProgressionStep::Refer) {
        // A new reason for a routine referral (no improvement, for example) asks for a medical review,
        // not for stopping: the program follows the findings while it is arranged.
        step = doses = byFindings;
        stepNote = "new reason for a routine medical review (see the referral): the program follows the findings "
                   "meanwhile";
    }
    NextProgram next = suggestNextProgram(*last, analysis, library, doses);
    next.step = step;
    next.reasons = stepReasons(history);
    if (!stepNote.empty())
        next.reasons.insert(next.reasons.begin(), stepNote);

    // Highly irritable pain at this visit: no exercise is suggested above the dose a new program
    // would start with today (short holds, one set), whatever the last program was.
    if (analysis.irritability == Irritability::High)
        for (ItemSuggestion& s : next.items) {
            const Exercise* e = s.dropped ? nullptr : library.find(s.suggested.exerciseId);
            if (!e)
                continue;
            const Dose cap = doseFor(*e, analysis);
            Dose& d = s.suggested.dose;
            const Dose before = d;
            d.sets = std::min(d.sets, cap.sets);
            d.perDay = std::min(d.perDay, cap.perDay);
            if (d.holdS > 0 && cap.holdS > 0)
                d.holdS = std::min(d.holdS, cap.holdS);
            if (e->kind == ExerciseKind::Strengthen || e->kind == ExerciseKind::Mobility)
                d.reps = std::min(d.reps, cap.reps);
            if (d.sets <= 1)
                d.restS = 0;
            if (!(d == before))
                s.reason += "; kept within the dose for highly irritable pain";
        }
    for (const std::string& c : carried)
        next.warnings.push_back("Precaution carried forward from the previous visit: " + c +
                                ". It was not recorded at this visit, so it still applies; record it at this "
                                "visit, or record why it no longer applies.");
    return next;
}

} // namespace hiprx::core
