// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/progression.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

ProgramItem snapshot(const Exercise& e, const ProgramItem& from)
{
    ProgramItem item;
    item.exerciseId = e.id;
    item.name = e.name;
    item.kind = e.kind;
    item.targets = e.targets;
    item.side = e.sided ? from.side : ExerciseSide::None;
    if (e.sided && item.side == ExerciseSide::None)
        item.side = ExerciseSide::Both;
    item.dose = e.defaultDose;
    item.basis = from.basis;
    item.startPosition = e.startPosition;
    item.steps = e.steps;
    item.keyCue = e.keyCue;
    item.stopIf = e.stopIf;
    item.equipment = e.equipment;
    item.figureId = e.figureId;
    item.videoUrl = e.videoUrl;
    return item;
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
    case ProgressionStep::Hold:
        break;
    }
    return "hold";
}

ProgressionStep suggestStep(const History& history)
{
    if (history.visits.empty())
        return ProgressionStep::Hold;
    // Severe pain alone does not regress a program that is otherwise going well; a rise in pain,
    // a fall in function or a new red flag does.
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

Program NextProgram::programWithBasis() const
{
    Program p = program();
    std::string why;
    for (const std::string& r : reasons)
        why += (why.empty() ? "" : "; ") + r;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const ItemSuggestion& s = items[i];
        std::string line = "next step (" + std::string(progressionStepId(step)) + ") from " + s.current.name +
                           ": " + s.reason;
        if (!why.empty())
            line += ", because " + why;
        p.items[i].basis.push_back(std::move(line));
    }
    return p;
}

Program NextProgram::program() const
{
    Program p;
    for (const ItemSuggestion& s : items)
        p.items.push_back(s.suggested);
    return p;
}

NextProgram suggestNextProgram(const Program& last, const ExerciseLibrary& library, ProgressionStep step)
{
    NextProgram next;
    next.step = step;
    for (const ProgramItem& item : last.items) {
        ItemSuggestion s;
        s.current = item;
        if (const Exercise* e = library.find(item.exerciseId)) {
            s.easier = existing(e->easier, library);
            s.harder = existing(e->harder, library);
        }
        s.progressed = progressDose(item.dose, item.kind);
        s.regressed = regressDose(item.dose, item.kind);
        s.suggested = item;
        switch (step) {
        case ProgressionStep::Hold:
            s.reason = "kept as issued";
            break;
        case ProgressionStep::Progress:
            if (!s.harder.empty()) {
                s.suggested = snapshot(*library.find(s.harder.front()), item);
                s.reason = "harder version: " + s.suggested.name;
            } else {
                s.suggested.dose = s.progressed;
                s.reason = s.progressed == item.dose ? "already at the top of its dose range"
                                                     : "dose raised one step";
            }
            break;
        case ProgressionStep::Regress:
            if (!s.easier.empty()) {
                s.suggested = snapshot(*library.find(s.easier.front()), item);
                s.reason = "easier version: " + s.suggested.name;
            } else {
                s.suggested.dose = s.regressed;
                s.reason = s.regressed == item.dose ? "already at the bottom of its dose range"
                                                    : "dose lowered one step";
            }
            break;
        }
        next.items.push_back(std::move(s));
    }
    return next;
}

} // namespace hiprx::core
