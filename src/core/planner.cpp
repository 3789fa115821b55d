// SPDX-License-Identifier: GPL-3.0-or-later
//
// plan(): picks one, sometimes two, exercises per impairment from the library.
//
//  * An exercise suits an impairment when it targets that muscle group and is of the right kind:
//    tight → stretch, mobility or self-release; weak → strengthen; a tight hip capsule or a sensitive
//    sciatic nerve → mobility only (a joint restriction is not a muscle to stretch, and stretching
//    loads an irritable nerve; nerve sliders are mobility exercises).
//  * Safety goes through the one screen (core/screen.h, screenExercise and screenProgram): an
//    exercise any precaution or finding caution forbids is never picked, every forbidden exercise
//    that suited an impairment is listed in `excluded` with the reason, and the finished program is
//    screened once more as a guard. An emergency referral withholds every exercise.
//  * For weakness, the exercise's difficulty must fit the muscle's strength first. Difficulty is the
//    exercise's `level` (1 lying, assisted or gravity reduced … 5 loaded, one-legged, unstable; an
//    exercise without a level, such as an old clinic exercise, gets an estimate from its step in the
//    library's progression chains: effectiveLevel). The weakest MRC grade behind the need chooses a
//    band of levels:
//        grade 0 … 2+  → level 1       the muscle cannot lift the limb against gravity through its
//                                      range: gravity-eliminated, assisted or isometric work only
//        3− … 3+       → levels 1–2    moves against gravity with little or no resistance: body
//                                      weight with a short lever, no external load
//        4− … 4        → levels 2–3    holds against moderate resistance: longer levers, bands,
//                                      partial weight bearing
//        4+, 5         → levels 3–4    near normal: full weight bearing and single-leg work
//        no grade      → levels 2–3    weakness found by a functional test (Trendelenburg, short
//                                      endurance holds): the muscle fails under body-weight function,
//                                      so start below full single-leg loading
//    An exercise inside the band fits; one level above the band is the most that is ever picked (a
//    muscle loaded beyond its grade substitutes and hurts: MRC scale, grade 3 = against gravity only;
//    Hislop & Montgomery, Daniels and Worthingham's Muscle Testing); below the band is allowed but
//    ranked after the band. Nobody aged 65 or more and nobody with highly irritable pain is given a
//    level-5 exercise (maxLevelFor).
//  * Then the one serving the most impairments wins, then the one nearest the bottom of the band,
//    then the most specific one (fewest targets that match no finding), then stretch over mobility
//    over self-release (self-release is an adjunct), then the lower level (the simpler way to do it),
//    then the id, so the result is deterministic.
//  * Impairments are served in order of how much evidence they have (more rules first, then the
//    analysis order). First round: one exercise per impairment not already served, up to
//    maxExercises. Second round, only while the program has fewer than minExercises: a second exercise
//    for each impairment in turn, weak muscles before tight ones — another exercise (for a tight muscle
//    one of another kind: never a second stretch for the same muscle), never an easier or harder version of one already
//    in the program (same movement, only the load, lever or support differ: clamshell and clamshell
//    with a band), nor a harder exercise above the grade's band in its place; with no such exercise
//    the program stays short rather than repeat one or overload the muscle. Unrelated
//    "general" exercises are never added: every item must be traceable to a finding, so with no
//    impairments the program is empty (and says why).
//  * Nothing is left unserved silently: an impairment without an allowed exercise (all suitable ones
//    forbidden, none in the library, none easy enough for the grade, or cut by maxExercises) is
//    listed in `unserved` and in `warnings`, in words.
//  * High irritability swaps an exercise for its first easier version (library `easier` ids) that is
//    suitable and allowed.
//  * Items are ordered mobility → stretch → self-release → strengthen (warm, loosen, then load).
#include "core/program.h"

#include "core/screen.h"
#include "core/referral_rules.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

namespace hiprx::core {

namespace {

/// The hardest level for strengthening a muscle with pain marked over it (painfulMuscles).
constexpr int kPainfulMuscleMaxLevel = 2;

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

/// " on the left", " on the right", " on both sides", or nothing for the midline.
std::string sideWords(ExerciseSide side)
{
    switch (side) {
    case ExerciseSide::Left:
        return " on the left";
    case ExerciseSide::Right:
        return " on the right";
    case ExerciseSide::Both:
        return " on both sides";
    case ExerciseSide::None:
        break;
    }
    return {};
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
            program.warnings.push_back(emergencyWarning(m_analysis));
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
        // The guard: the finished program passes the same screen as any other (never fires while
        // the choice above is right; if it ever does, the item goes and the reason is shown).
        program = applyScreen(std::move(program), screenProgram(program, m_analysis, m_library));
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
                text += (text.empty() ? "" : ", ") + referralWarningName(warning.id);
        return text;
    }

    bool forbidden(const Exercise& exercise)
    {
        auto it = m_forbidden.find(exercise.id);
        if (it == m_forbidden.end())
            it = m_forbidden
                     .emplace(exercise.id, !screenExercise(exercise, m_analysis).empty())
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
            auto exclusions = screenExercise(exercise, m_analysis);
            m_forbidden[exercise.id] = !exclusions.empty();
            for (auto& exclusion : exclusions)
                program.excluded.push_back(std::move(exclusion));
        }
    }

    int level(const Exercise& exercise)
    {
        if (auto it = m_level.find(exercise.id); it != m_level.end())
            return it->second;
        return m_level[exercise.id] = effectiveLevel(exercise, m_library);
    }

    /// The weakest grade behind a weakness, if any was graded.
    static std::optional<StrengthGrade> weakestGrade(const Need& need)
    {
        std::optional<StrengthGrade> weakest;
        for (const Impairment* impairment : need.impairments)
            if (impairment->grade && (!weakest || impairment->grade->ordinal() < weakest->ordinal()))
                weakest = impairment->grade;
        return weakest;
    }

    /// How far an exercise's level lies outside the need's band (0 inside it, and always for tightness).
    int bandDistance(const Exercise& exercise, const Need& need)
    {
        if (need.kind != ImpairmentKind::Weak)
            return 0;
        const LevelBand band = levelBand(weakestGrade(need));
        const int l = level(exercise);
        return l < band.low ? band.low - l : l > band.high ? l - band.high : 0;
    }

    /// Distance from the bottom of the band, the tie-break inside it (0 for tightness).
    int fromBandStart(const Exercise& exercise, const Need& need)
    {
        if (need.kind != ImpairmentKind::Weak)
            return 0;
        return std::abs(level(exercise) - levelBand(weakestGrade(need)).low);
    }

    /// The need is a muscle with pain marked over it on a side it is weak on (a strain, most often).
    bool painful(const Need& need) const
    {
        return std::any_of(need.impairments.begin(), need.impairments.end(), [&](const Impairment* impairment) {
            return impairment->side &&
                   std::find(m_analysis.painfulMuscles.begin(), m_analysis.painfulMuscles.end(),
                             std::pair<MuscleGroup, Side>{need.muscle, *impairment->side}) !=
                       m_analysis.painfulMuscles.end();
        });
    }

    /// Not harder than one level above the band, nor above what the patient's age or irritability allow;
    /// a muscle that hurts starts at levels 1–2 (isometric, short lever) whatever its grade.
    bool withinLevelCap(const Exercise& exercise, const Need& need)
    {
        const int l = level(exercise);
        if (l > maxLevelFor(m_analysis))
            return false;
        if (need.kind == ImpairmentKind::Weak && painful(need) && l > kPainfulMuscleMaxLevel)
            return false;
        return need.kind != ImpairmentKind::Weak || l <= levelBand(weakestGrade(need)).high + 1;
    }

    /// Allowed exercises for a need, best first.
    std::vector<const Exercise*> candidates(const Need& need)
    {
        std::vector<const Exercise*> out;
        for (const Exercise& exercise : m_library.all())
            if (suits(exercise, need) && !forbidden(exercise) && withinLevelCap(exercise, need))
                out.push_back(&exercise);
        std::stable_sort(out.begin(), out.end(), [&](const Exercise* a, const Exercise* b) {
            const int da = bandDistance(*a, need);
            const int db = bandDistance(*b, need);
            if (da != db)
                return da < db;
            const int ca = coverage(*a);
            const int cb = coverage(*b);
            if (ca != cb)
                return ca > cb;
            const int sa = fromBandStart(*a, need);
            const int sb = fromBandStart(*b, need);
            if (sa != sb)
                return sa < sb;
            const int oa = offTarget(*a);
            const int ob = offTarget(*b);
            if (oa != ob)
                return oa < ob;
            if (preferenceRank(a->kind) != preferenceRank(b->kind))
                return preferenceRank(a->kind) < preferenceRank(b->kind);
            // Among equals, the simpler one (lower level): a supported standing stretch before one
            // lying on a roller; the therapist progresses from there.
            if (level(*a) != level(*b))
                return level(*a) < level(*b);
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

    /// True when `a` and `b` are one exercise in an easier and a harder version: linked as easier /
    /// harder, of the same kind, working the same muscles and asking the same movements, so they differ
    /// only in load, lever or support (clamshell and clamshell with a band; a side plank on the knees
    /// and on the feet; a sit-to-stand with and without the hands). Neighbours in a progression that
    /// move differently (a clamshell and a step-down, glute sets and a bridge) are different exercises.
    static bool versionsOf(const Exercise& a, const Exercise& b)
    {
        const auto links = [](const Exercise& from, const Exercise& to) {
            return std::find(from.easier.begin(), from.easier.end(), to.id) != from.easier.end() ||
                   std::find(from.harder.begin(), from.harder.end(), to.id) != from.harder.end();
        };
        if (!links(a, b) && !links(b, a))
            return false;
        const std::set<MuscleGroup> targetsA(a.targets.begin(), a.targets.end());
        const std::set<MuscleGroup> targetsB(b.targets.begin(), b.targets.end());
        return a.kind == b.kind && targetsA == targetsB && a.demands == b.demands;
    }

    bool kindChosenFor(const Need& need, ExerciseKind kind) const
    {
        return std::any_of(m_chosen.begin(), m_chosen.end(),
                           [&](const Choice& c) { return c.exercise->kind == kind && suits(*c.exercise, need); });
    }

    bool versionChosen(const Exercise* exercise) const
    {
        return std::any_of(m_chosen.begin(), m_chosen.end(),
                           [&](const Choice& c) { return versionsOf(*c.exercise, *exercise); });
    }

    /// Adds the best allowed exercise for `need` not yet in the program; false when there is none.
    /// `anotherExercise` (the second round's extra exercise): not a version of one already chosen; and
    /// once a version has been passed over, nothing harder than the grade's band stands in for it (the
    /// level above the band stays for what would have been picked anyway).
    bool addFor(const Need& need, bool anotherExercise = false)
    {
        bool versionPassed = false;
        for (const Exercise* candidate : candidates(need)) {
            if (chosen(candidate))
                continue;
            if (anotherExercise && versionChosen(candidate)) {
                versionPassed = true;
                continue;
            }
            // A second stretch (or release) for a muscle already stretched adds time, not effect: two
            // hip-flexor stretches, two hamstring stretches. A tight muscle's second exercise must work
            // differently (a stretch and a mobility drill, a stretch and a release).
            if (anotherExercise && need.kind == ImpairmentKind::Tight && kindChosenFor(need, candidate->kind))
                continue;
            if (versionPassed && need.kind == ImpairmentKind::Weak &&
                level(*candidate) > levelBand(weakestGrade(need)).high)
                continue;
            std::string swappedFrom;
            const Exercise* pick = gentler(candidate, need, swappedFrom);
            if (anotherExercise && pick != candidate && versionChosen(pick))
                continue;
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
                addUnserved(program, need, unservedBecause(need));
                continue;
            }
            if (m_chosen.size() >= max) {
                Unserved unserved{need.muscle, need.kind, sidesOf(need), UnservedReason::Cut,
                                  "Not covered, the program was cut to " + std::to_string(max) +
                                      " exercises: " + describe(need) + "."};
                program.warnings.push_back(unserved.text);
                program.unserved.push_back(std::move(unserved));
                continue;
            }
            addFor(need);
        }
    }

    static ExerciseSide sidesOf(const Need& need)
    {
        bool left = false;
        bool right = false;
        bool midline = false;
        for (const Impairment* impairment : need.impairments) {
            if (!impairment->side)
                midline = true;
            else if (*impairment->side == Side::Left)
                left = true;
            else
                right = true;
        }
        if (left && right)
            return ExerciseSide::Both;
        if (midline && !left && !right)
            return ExerciseSide::None;
        return left ? ExerciseSide::Left : right ? ExerciseSide::Right : ExerciseSide::None;
    }

    UnservedReason unservedBecause(const Need& need)
    {
        bool suitable = false;
        bool allowed = false;
        for (const Exercise& exercise : m_library.all()) {
            if (!suits(exercise, need))
                continue;
            suitable = true;
            allowed = allowed || !forbidden(exercise);
        }
        return !suitable ? UnservedReason::NoneInLibrary
               : !allowed ? UnservedReason::Forbidden
                          : UnservedReason::TooHard;
    }

    /// The precautions and finding cautions that forbid the exercises suiting `need`, in words, in
    /// the order of the analysis (precautions, then cautions).
    std::string causesFor(const Need& need)
    {
        std::set<std::string> causeIds;
        for (const Exercise& exercise : m_library.all())
            if (suits(exercise, need))
                for (const Exclusion& exclusion : screenExercise(exercise, m_analysis))
                    causeIds.insert(exclusion.cause);
        std::string out;
        const auto add = [&](const std::string& words) { out += (out.empty() ? "" : "; ") + words; };
        for (Precaution precaution : m_analysis.precautions)
            if (causeIds.count(std::string(toId(precaution))))
                add(std::string(label(precaution)));
        for (const FindingCaution& caution : m_analysis.cautions)
            if (causeIds.count(caution.rule))
                add("the finding " + caution.reason);
        return out;
    }

    void addUnserved(Program& program, const Need& need, UnservedReason reason)
    {
        const std::string what = std::string(label(need.kind)) + " " + std::string(label(need.muscle)) +
                                 sideWords(sidesOf(need));
        std::string text;
        switch (reason) {
        case UnservedReason::Forbidden:
            text = "No exercise for " + what + " fits the precautions (" + causesFor(need) +
                   "); choose one by hand or review the precautions.";
            break;
        case UnservedReason::NoneInLibrary:
            text = "No exercise for " + what +
                   " is in the library; choose one by hand or add a clinic exercise.";
            break;
        case UnservedReason::TooHard: {
            const auto grade = weakestGrade(need);
            std::string limit;
            if (need.kind == ImpairmentKind::Weak) {
                const LevelBand band = levelBand(grade);
                limit = (grade ? "grade " + grade->text() : std::string("weakness without a grade")) +
                        " takes level " + std::to_string(band.low) +
                        (band.high > band.low ? "–" + std::to_string(band.high) : std::string()) +
                        ", at most " + std::to_string(std::min(band.high + 1, maxLevelFor(m_analysis)));
            } else {
                limit = "at most level " + std::to_string(maxLevelFor(m_analysis));
            }
            text = "No exercise for " + what + " is easy enough (" + limit +
                   "); choose one by hand.";
            break;
        }
        case UnservedReason::Cut:
            break;
        }
        program.warnings.push_back(text);
        program.unserved.push_back({need.muscle, need.kind, sidesOf(need), reason, text});
    }

    void chooseSecondRound()
    {
        const auto min = static_cast<std::size_t>(std::max(0, std::min(m_options.minExercises, m_options.maxExercises)));
        // Weak muscles first: a second strengthening exercise does more than a second stretch (loading
        // is where the evidence is), so the slots left go to strength before length.
        for (const bool weak : {true, false})
            for (const Need& need : m_needs) {
                if ((need.kind == ImpairmentKind::Weak) != weak)
                    continue;
                if (m_chosen.size() >= min)
                    return;
                if (servedCount(need) < 2)
                    addFor(need, true);
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
    std::map<std::string, int> m_level;
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

std::string_view unservedReasonId(UnservedReason reason) noexcept
{
    switch (reason) {
    case UnservedReason::Forbidden:
        return "forbidden";
    case UnservedReason::NoneInLibrary:
        return "none_in_library";
    case UnservedReason::TooHard:
        return "too_hard";
    case UnservedReason::Cut:
        return "cut";
    }
    return "forbidden";
}

LevelBand levelBand(const std::optional<StrengthGrade>& weakestGrade) noexcept
{
    if (!weakestGrade)
        return {2, 3};
    const int ordinal = weakestGrade->ordinal();
    if (ordinal <= StrengthGrade{2, +1}.ordinal())
        return {1, 1};
    if (ordinal <= StrengthGrade{3, +1}.ordinal())
        return {1, 2};
    if (ordinal <= StrengthGrade{4, 0}.ordinal())
        return {2, 3};
    return {3, 4};
}

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
        for (const Exclusion& exclusion : screenExercise(*exercise, analysis))
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
