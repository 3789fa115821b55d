// SPDX-License-Identifier: GPL-3.0-or-later
//
// plan(): picks one, sometimes two, exercises per impairment from the library.
//
//  * An exercise suits an impairment when it targets that muscle group and is of the right kind:
//    tight → stretch, mobility or self-release; weak → strengthen; a tight hip capsule or a sensitive
//    sciatic nerve → mobility only (a joint restriction is not a muscle to stretch, and stretching
//    loads an irritable nerve; nerve sliders are mobility exercises).
//  * An exercise any precaution or finding caution forbids is never picked; every forbidden exercise
//    that suited an impairment is listed in `excluded` with the reason.
//  * For weakness, the exercise's difficulty must fit the muscle's strength first. Difficulty is the
//    exercise's step in the library's progression chains (no easier version = step 0, one easier
//    version below it = step 1, …). A grade of 3+ or less (moves against gravity, little or no
//    resistance) starts at step 0, 4− and 4 at step 1, stronger at step 2; weakness found without a
//    grade (Trendelenburg, endurance holds) at step 1. Loading a muscle beyond its grade invites
//    substitution and pain (MRC scale: grade 3 = against gravity only).
//  * Then the one serving the most impairments wins, then the most specific one (fewest targets that
//    match no finding), then stretch over mobility over self-release (self-release is an adjunct),
//    then the id, so the result is deterministic.
//  * Impairments are served in order of how much evidence they have (more rules first, then the
//    analysis order). First round: one exercise per impairment not already served, up to
//    maxExercises. Second round, only while the program has fewer than minExercises: a second exercise
//    for each impairment in turn. Unrelated "general" exercises are never added: every item must be
//    traceable to a finding, so with no impairments the program is empty (and says why).
//  * High irritability swaps an exercise for its first easier version (library `easier` ids) that is
//    suitable and allowed.
//  * Items are ordered mobility → stretch → self-release → strengthen (warm, loosen, then load).
#include "core/program.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

namespace hiprx::core {

namespace {

/// All impairments of one muscle group and kind, on whichever sides they were found.
struct Need {
    MuscleGroup muscle;
    ImpairmentKind kind;
    std::vector<const Impairment*> impairments;
    int evidence = 0;
};

bool kindSuits(const Need& need, ExerciseKind kind)
{
    if (need.kind == ImpairmentKind::Weak)
        return kind == ExerciseKind::Strengthen;
    // A stiff joint and a sensitive nerve are moved, not stretched.
    if (need.muscle == MuscleGroup::HipCapsule || need.muscle == MuscleGroup::SciaticNerve)
        return kind == ExerciseKind::Mobility;
    return kind == ExerciseKind::Stretch || kind == ExerciseKind::Mobility || kind == ExerciseKind::SelfRelease;
}

bool suits(const Exercise& exercise, const Need& need)
{
    return kindSuits(need, exercise.kind) &&
           std::find(exercise.targets.begin(), exercise.targets.end(), need.muscle) != exercise.targets.end();
}

int preferenceRank(ExerciseKind kind)
{
    switch (kind) {
    case ExerciseKind::Stretch:
    case ExerciseKind::Strengthen:
        return 0;
    case ExerciseKind::Mobility:
        return 1;
    case ExerciseKind::SelfRelease:
        return 2;
    }
    return 3;
}

int programOrder(ExerciseKind kind)
{
    switch (kind) {
    case ExerciseKind::Mobility:
        return 0;
    case ExerciseKind::Stretch:
        return 1;
    case ExerciseKind::SelfRelease:
        return 2;
    case ExerciseKind::Strengthen:
        return 3;
    }
    return 4;
}

std::string sideText(const std::optional<Side>& side)
{
    return side ? std::string(toId(*side)) : std::string("midline");
}

std::string describe(const Impairment& impairment)
{
    // Words, not ids: this is the "Why" line the clinician reads beside each exercise.
    std::string text = std::string(label(impairment.kind)) + " " + std::string(label(impairment.muscle));
    if (impairment.side)
        text += " " + std::string(toId(*impairment.side));
    text += " (";
    for (std::size_t i = 0; i < impairment.rules.size(); ++i)
        text += (i ? ", " : "") + impairment.rules[i];
    return text + ")";
}

std::string describe(const Need& need)
{
    std::string text = std::string(label(need.kind)) + " " + std::string(label(need.muscle));
    std::string sides;
    for (const Impairment* impairment : need.impairments)
        if (impairment->side)
            sides += (sides.empty() ? "" : ", ") + sideText(impairment->side);
    return sides.empty() ? text : text + " " + sides;
}

std::vector<Need> needsOf(const Analysis& analysis)
{
    std::vector<Need> needs;
    for (const Impairment& impairment : analysis.impairments) {
        auto it = std::find_if(needs.begin(), needs.end(), [&](const Need& n) {
            return n.muscle == impairment.muscle && n.kind == impairment.kind;
        });
        if (it == needs.end()) {
            needs.push_back({impairment.muscle, impairment.kind, {}, 0});
            it = needs.end() - 1;
        }
        it->impairments.push_back(&impairment);
        it->evidence += static_cast<int>(impairment.rules.size());
    }
    std::stable_sort(needs.begin(), needs.end(), [](const Need& a, const Need& b) { return a.evidence > b.evidence; });
    return needs;
}

class Planner {
public:
    Planner(const Analysis& analysis, const ExerciseLibrary& library, const PlanOptions& options)
        : m_analysis(analysis), m_library(library), m_options(options), m_needs(needsOf(analysis))
    {
    }

    Program run()
    {
        Program program;
        program.referralLevel = m_analysis.referral.level;
        if (m_analysis.referral.level == Urgency::Emergency) {
            program.withheld = true;
            program.warnings.push_back("Emergency referral (" + flagList(Urgency::Emergency) +
                                       "): no exercises are suggested. The patient needs same-day medical "
                                       "assessment before any exercise program.");
            return program;
        }
        if (m_analysis.referral.level == Urgency::Urgent)
            program.warnings.push_back("Urgent referral (" + flagList(Urgency::Urgent) +
                                       "): the patient should see a doctor before starting these exercises. "
                                       "Issuing the program needs the clinician's acknowledgement of the "
                                       "referral.");
        if (m_needs.empty()) {
            program.warnings.push_back("No impairments were found, so no exercises are suggested.");
            return program;
        }

        collectExclusions(program);
        chooseFirstRound(program);
        chooseSecondRound();
        buildItems(program);
        if (program.items.size() > kProgramWarnAbove)
            program.warnings.push_back(std::to_string(program.items.size()) + " exercises: more than " +
                                       std::to_string(kProgramWarnAbove) +
                                       " may be too many for the patient to keep up; consider removing some.");
        return program;
    }

private:
    std::string flagList(Urgency level) const
    {
        std::string text;
        for (const auto& warning : m_analysis.referral.warnings)
            if (warning.level == level)
                text += (text.empty() ? "" : ", ") + warning.id;
        return text;
    }

    bool forbidden(const Exercise& exercise)
    {
        auto it = m_forbidden.find(exercise.id);
        if (it == m_forbidden.end())
            it = m_forbidden
                     .emplace(exercise.id,
                              !exclusionsFor(exercise, m_analysis.precautions, m_analysis.cautions).empty())
                     .first;
        return it->second;
    }

    int coverage(const Exercise& exercise) const
    {
        return static_cast<int>(
            std::count_if(m_needs.begin(), m_needs.end(), [&](const Need& n) { return suits(exercise, n); }));
    }

    /// Targets of an exercise that match no found impairment: the fewer, the more specific.
    int offTarget(const Exercise& exercise) const
    {
        return static_cast<int>(std::count_if(exercise.targets.begin(), exercise.targets.end(), [&](MuscleGroup m) {
            return std::none_of(m_needs.begin(), m_needs.end(), [&](const Need& n) { return n.muscle == m; });
        }));
    }

    void collectExclusions(Program& program)
    {
        for (const Exercise& exercise : m_library.all()) {
            const bool candidate =
                std::any_of(m_needs.begin(), m_needs.end(), [&](const Need& n) { return suits(exercise, n); });
            if (!candidate)
                continue;
            auto exclusions = exclusionsFor(exercise, m_analysis.precautions, m_analysis.cautions);
            m_forbidden[exercise.id] = !exclusions.empty();
            for (auto& exclusion : exclusions)
                program.excluded.push_back(std::move(exclusion));
        }
    }

    /// Step of an exercise in its progression chain: 0 when the library has no easier version of it.
    int difficulty(const Exercise& exercise)
    {
        if (auto it = m_difficulty.find(exercise.id); it != m_difficulty.end())
            return it->second;
        m_difficulty[exercise.id] = 0; // guards against a cycle in the easier/harder links
        int step = 0;
        for (const std::string& id : exercise.easier)
            if (const Exercise* easier = m_library.find(id))
                step = step == 0 ? difficulty(*easier) + 1 : std::min(step, difficulty(*easier) + 1);
        return m_difficulty[exercise.id] = step;
    }

    /// How far an exercise's difficulty is from what the need's strength allows (0 for tightness).
    int difficultyMismatch(const Exercise& exercise, const Need& need)
    {
        if (need.kind != ImpairmentKind::Weak)
            return 0;
        std::optional<int> weakest;
        for (const Impairment* impairment : need.impairments)
            if (impairment->grade && (!weakest || impairment->grade->ordinal() < *weakest))
                weakest = impairment->grade->ordinal();
        const StrengthGrade threePlus{3, +1};
        const StrengthGrade four{4, 0};
        const int target = !weakest                          ? 1
                           : *weakest <= threePlus.ordinal() ? 0
                           : *weakest <= four.ordinal()      ? 1
                                                             : 2;
        return std::abs(difficulty(exercise) - target);
    }

    /// Allowed exercises for a need, best first.
    std::vector<const Exercise*> candidates(const Need& need)
    {
        std::vector<const Exercise*> out;
        for (const Exercise& exercise : m_library.all())
            if (suits(exercise, need) && !forbidden(exercise))
                out.push_back(&exercise);
        std::stable_sort(out.begin(), out.end(), [&](const Exercise* a, const Exercise* b) {
            const int da = difficultyMismatch(*a, need);
            const int db = difficultyMismatch(*b, need);
            if (da != db)
                return da < db;
            const int ca = coverage(*a);
            const int cb = coverage(*b);
            if (ca != cb)
                return ca > cb;
            const int oa = offTarget(*a);
            const int ob = offTarget(*b);
            if (oa != ob)
                return oa < ob;
            if (preferenceRank(a->kind) != preferenceRank(b->kind))
                return preferenceRank(a->kind) < preferenceRank(b->kind);
            return a->id < b->id; // the library is sorted by id already; kept for clarity
        });
        return out;
    }

    bool chosen(const Exercise* exercise) const
    {
        return std::any_of(m_chosen.begin(), m_chosen.end(), [&](const Choice& c) { return c.exercise == exercise; });
    }

    /// With high irritability, the first easier version that is suitable, allowed and not yet chosen.
    const Exercise* gentler(const Exercise* exercise, const Need& need, std::string& swappedFrom)
    {
        if (m_analysis.irritability != Irritability::High)
            return exercise;
        for (const std::string& id : exercise->easier) {
            const Exercise* easier = m_library.find(id);
            if (easier && suits(*easier, need) && !forbidden(*easier) && !chosen(easier)) {
                swappedFrom = exercise->name.empty() ? exercise->id : exercise->name;
                return easier;
            }
        }
        return exercise;
    }

    /// Adds the best allowed exercise for `need` not yet in the program; false when there is none.
    bool addFor(const Need& need)
    {
        for (const Exercise* candidate : candidates(need)) {
            if (chosen(candidate))
                continue;
            std::string swappedFrom;
            const Exercise* pick = gentler(candidate, need, swappedFrom);
            m_chosen.push_back({pick, swappedFrom});
            return true;
        }
        return false;
    }

    int servedCount(const Need& need) const
    {
        return static_cast<int>(std::count_if(m_chosen.begin(), m_chosen.end(),
                                              [&](const Choice& c) { return suits(*c.exercise, need); }));
    }

    void chooseFirstRound(Program& program)
    {
        const auto max = static_cast<std::size_t>(std::max(0, m_options.maxExercises));
        for (const Need& need : m_needs) {
            if (servedCount(need) > 0)
                continue;
            if (candidates(need).empty()) {
                const bool anyInLibrary = std::any_of(m_library.all().begin(), m_library.all().end(),
                                                      [&](const Exercise& e) { return suits(e, need); });
                program.warnings.push_back(
                    "No allowed exercise for " + describe(need) +
                    (anyInLibrary ? ": every suitable exercise is excluded by a precaution or caution."
                                  : ": the library has no suitable exercise.") +
                    " Address it another way or add a clinic exercise.");
                continue;
            }
            if (m_chosen.size() >= max) {
                program.warnings.push_back("Not covered, the program was cut to " + std::to_string(max) +
                                           " exercises: " + describe(need) + ".");
                continue;
            }
            addFor(need);
        }
    }

    void chooseSecondRound()
    {
        const auto min = static_cast<std::size_t>(std::max(0, std::min(m_options.minExercises, m_options.maxExercises)));
        for (const Need& need : m_needs) {
            if (m_chosen.size() >= min)
                return;
            if (servedCount(need) < 2)
                addFor(need);
        }
    }

    ExerciseSide sideFor(const Exercise& exercise) const
    {
        if (!exercise.sided)
            return ExerciseSide::None;
        bool left = false;
        bool right = false;
        for (const Need& need : m_needs) {
            if (!suits(exercise, need))
                continue;
            for (const Impairment* impairment : need.impairments) {
                if (!impairment->side)
                    left = right = true; // a midline impairment served by a one-leg exercise: both legs
                else if (*impairment->side == Side::Left)
                    left = true;
                else
                    right = true;
            }
        }
        if (left && right)
            return ExerciseSide::Both;
        return left ? ExerciseSide::Left : right ? ExerciseSide::Right : ExerciseSide::Both;
    }

    void buildItems(Program& program) const
    {
        for (const Choice& choice : m_chosen) {
            const Exercise& exercise = *choice.exercise;
            ProgramItem item = makeItem(exercise, sideFor(exercise), m_analysis);
            for (const Need& need : m_needs)
                if (suits(exercise, need))
                    for (const Impairment* impairment : need.impairments)
                        item.basis.push_back(describe(*impairment));
            if (!choice.swappedFrom.empty())
                item.basis.push_back("easier version of " + choice.swappedFrom + ", chosen for high irritability");
            program.items.push_back(std::move(item));
        }
        std::stable_sort(program.items.begin(), program.items.end(), [](const ProgramItem& a, const ProgramItem& b) {
            return programOrder(a.kind) < programOrder(b.kind);
        });
    }

    struct Choice {
        const Exercise* exercise;
        std::string swappedFrom;
    };

    const Analysis& m_analysis;
    const ExerciseLibrary& m_library;
    const PlanOptions& m_options;
    std::vector<Need> m_needs;
    std::map<std::string, int> m_difficulty;
    std::vector<Choice> m_chosen;
    std::map<std::string, bool, std::less<>> m_forbidden;
};

void checkRange(std::vector<FieldProblem>& problems, const std::string& path, int value, int min, int max)
{
    if (value < min || value > max)
        problems.push_back({path, path + ": " + std::to_string(value) + " is outside " + std::to_string(min) + "–" +
                                      std::to_string(max)});
}

} // namespace

ProgramItem makeItem(const Exercise& exercise, ExerciseSide side, const Analysis& analysis)
{
    ProgramItem item;
    item.exerciseId = exercise.id;
    item.name = exercise.name;
    item.kind = exercise.kind;
    item.targets = exercise.targets;
    item.side = side;
    item.dose = doseFor(exercise, analysis);
    item.startPosition = exercise.startPosition;
    item.steps = exercise.steps;
    item.keyCue = exercise.keyCue;
    item.stopIf = exercise.stopIf;
    item.equipment = exercise.equipment;
    item.figureId = exercise.figureId;
    item.videoUrl = exercise.videoUrl;
    return item;
}

Program plan(const Analysis& analysis, const ExerciseLibrary& library, const PlanOptions& options)
{
    return Planner(analysis, library, options).run();
}

std::vector<std::string> reviewProgram(const Program& program, const Analysis& analysis,
                                       const ExerciseLibrary& library)
{
    std::vector<std::string> warnings;
    if (analysis.referral.level == Urgency::Emergency)
        warnings.push_back("Emergency referral: do not issue an exercise program before same-day medical "
                           "assessment.");
    else if (analysis.referral.level == Urgency::Urgent)
        warnings.push_back("Urgent referral: issuing needs the clinician's acknowledgement; the patient should see "
                           "a doctor before starting the exercises.");
    if (program.items.size() > kProgramWarnAbove)
        warnings.push_back(std::to_string(program.items.size()) + " exercises: more than " +
                           std::to_string(kProgramWarnAbove) + " may be too many for the patient to keep up.");
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        const ProgramItem& item = program.items[i];
        const std::string where = "program[" + std::to_string(i) + "] " + item.exerciseId;
        const Exercise* exercise = library.find(item.exerciseId);
        if (!exercise) {
            warnings.push_back(where + ": not in the exercise library.");
            continue;
        }
        for (const Exclusion& exclusion : exclusionsFor(*exercise, analysis.precautions, analysis.cautions))
            warnings.push_back(where + ": forbidden by " + exclusion.reason + ".");
        if (!exercise->sided && item.side != ExerciseSide::None)
            warnings.push_back(where + ": is done for the trunk as a whole, so it should have no side.");
        if (exercise->sided && item.side == ExerciseSide::None)
            warnings.push_back(where + ": is done per leg; choose left, right or both.");
    }
    return warnings;
}

std::vector<FieldProblem> validateProgram(const Program& program)
{
    std::vector<FieldProblem> problems;
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        const ProgramItem& item = program.items[i];
        const std::string at = "program[" + std::to_string(i) + "]";
        if (item.exerciseId.empty())
            problems.push_back({at + ".exercise", at + ".exercise: is required"});
        const Dose& d = item.dose;
        checkRange(problems, at + ".dose.sets", d.sets, 1, DoseLimits::kMaxSets);
        checkRange(problems, at + ".dose.reps", d.reps, 1, DoseLimits::kMaxReps);
        checkRange(problems, at + ".dose.hold_s", d.holdS, 0, DoseLimits::kMaxHoldS);
        checkRange(problems, at + ".dose.rest_s", d.restS, 0, DoseLimits::kMaxRestS);
        checkRange(problems, at + ".dose.per_day", d.perDay, 1, DoseLimits::kMaxPerDay);
        checkRange(problems, at + ".dose.days_per_week", d.daysPerWeek, 1, 7);
        for (std::size_t j = 0; j < i; ++j)
            if (program.items[j].exerciseId == item.exerciseId && program.items[j].side == item.side &&
                !item.exerciseId.empty())
                problems.push_back({at + ".exercise", at + ".exercise: '" + item.exerciseId +
                                                          "' is already in the program for the same side at program[" +
                                                          std::to_string(j) + "]"});
    }
    return problems;
}

} // namespace hiprx::core
