// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/screen.h"

#include "core/dosing.h"
#include "core/referral_rules.h"

#include <algorithm>
#include <set>

namespace hiprx::core {

namespace {

/// The words of one cause: a precaution's label, or the finding behind a caution.
std::string causeText(const Exclusion& exclusion)
{
    if (auto precaution = fromId<Precaution>(exclusion.cause))
        return std::string(label(*precaution));
    // A caution's reason is "<finding>: <demand label>" (exclusionsFor); keep the finding.
    const std::string suffix = ": " + std::string(label(exclusion.demand));
    std::string finding = exclusion.reason;
    if (finding.size() > suffix.size() && finding.compare(finding.size() - suffix.size(), suffix.size(), suffix) == 0)
        finding.erase(finding.size() - suffix.size());
    // A picture built from many findings (pregnancy with pain at five places and two tests) is named by
    // what it is, so that a list of left-out exercises does not repeat the whole list on every line; the
    // findings themselves are shown once with the caution.
    constexpr std::size_t kLongFinding = 80;
    constexpr std::pair<std::string_view, std::string_view> kPictures[] = {
        {"R-CAUTION-GLUTEAL-TENDON", "outer-hip tendon pain (gluteal tendinopathy picture)"},
        {"R-CAUTION-PELVIC-GIRDLE", "pelvic girdle pain in pregnancy"},
        {"R-CAUTION-OUTER-HIP-PAIN", "outer-hip pain"},
        {"R-CAUTION-INTRA-ARTICULAR", "a provoked hip joint"},
    };
    if (finding.size() > kLongFinding)
        for (const auto& [rule, name] : kPictures)
            if (exclusion.cause == rule)
                return "the finding " + std::string(name);
    return "the finding " + finding;
}

std::string joinAnd(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

int chainStep(const Exercise& exercise, const ExerciseLibrary& library, std::set<std::string>& visiting)
{
    if (!visiting.insert(exercise.id).second)
        return 0; // a cycle in the easier links: stop counting
    int step = 0;
    bool any = false;
    for (const std::string& id : exercise.easier)
        if (const Exercise* easier = library.find(id)) {
            const int below = chainStep(*easier, library, visiting) + 1;
            step = any ? std::min(step, below) : below;
            any = true;
        }
    visiting.erase(exercise.id);
    return step;
}

} // namespace

bool ScreenResult::allowed(std::size_t index) const
{
    if (withheld)
        return false;
    return std::none_of(forbidden.begin(), forbidden.end(), [&](const ScreenFinding& f) { return f.index == index; });
}

std::vector<Exclusion> screenExercise(const Exercise& exercise, const Analysis& analysis)
{
    return exclusionsFor(exercise, analysis.precautions, analysis.cautions);
}

std::string exclusionText(const std::vector<Exclusion>& exclusions)
{
    // Group the demands by cause, in the order the causes first appear.
    std::vector<std::pair<std::string, std::vector<std::string>>> byCause;
    for (const Exclusion& exclusion : exclusions) {
        const std::string cause = causeText(exclusion);
        auto it = std::find_if(byCause.begin(), byCause.end(), [&](const auto& c) { return c.first == cause; });
        if (it == byCause.end()) {
            byCause.push_back({cause, {}});
            it = byCause.end() - 1;
        }
        const std::string demand(label(exclusion.demand));
        if (std::find(it->second.begin(), it->second.end(), demand) == it->second.end())
            it->second.push_back(demand);
    }
    std::string out;
    for (const auto& [cause, demands] : byCause) {
        const bool precaution = cause.rfind("the finding ", 0) != 0;
        out += (out.empty() ? "" : "; ") + cause + (precaution ? " forbids " : " rules out ") + joinAnd(demands);
    }
    return out;
}

std::string leftOutText(const std::string& name, const std::vector<Exclusion>& exclusions)
{
    return name + " left out: " + exclusionText(exclusions);
}

std::string emergencyWarning(const Analysis& analysis)
{
    if (analysis.referral.level != Urgency::Emergency)
        return {};
    std::string flags;
    for (const auto& warning : analysis.referral.warnings)
        if (warning.level == Urgency::Emergency)
            flags += (flags.empty() ? "" : ", ") + referralWarningName(warning.id);
    return "Emergency referral (" + flags +
           "): no exercises are suggested. The patient needs same-day medical assessment before any exercise "
           "program.";
}

ScreenResult screenProgram(const Program& program, const Analysis& analysis, const ExerciseLibrary& library)
{
    ScreenResult result;
    if (analysis.referral.level == Urgency::Emergency) {
        result.withheld = true;
        result.messages.push_back(emergencyWarning(analysis));
    }
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        const ProgramItem& item = program.items[i];
        const Exercise* exercise = library.find(item.exerciseId);
        const std::string name = item.name.empty() ? item.exerciseId : item.name;
        if (!exercise) {
            result.unknown.push_back(i);
            result.messages.push_back(name +
                                      " is not in the exercise library, so HipRx cannot check it against the "
                                      "precautions; check it by hand.");
            continue;
        }
        auto exclusions = screenExercise(*exercise, analysis);
        if (exclusions.empty())
            continue;
        ScreenFinding finding{i, exercise->id, name, std::move(exclusions), {}};
        finding.text = leftOutText(name, finding.exclusions);
        result.messages.push_back(finding.text + ".");
        result.forbidden.push_back(std::move(finding));
    }
    return result;
}

Program applyScreen(Program program, const ScreenResult& screen)
{
    if (screen.withheld) {
        program.withheld = true;
        program.referralLevel = Urgency::Emergency;
        program.items.clear();
    } else {
        // Highest index first so the indices stay valid while erasing.
        for (auto it = screen.forbidden.rbegin(); it != screen.forbidden.rend(); ++it)
            if (it->index < program.items.size())
                program.items.erase(program.items.begin() + static_cast<std::ptrdiff_t>(it->index));
    }
    for (const ScreenFinding& finding : screen.forbidden)
        for (Exclusion exclusion : finding.exclusions) {
            const bool listed = std::any_of(program.excluded.begin(), program.excluded.end(), [&](const Exclusion& e) {
                return e.exerciseId == exclusion.exerciseId && e.cause == exclusion.cause && e.demand == exclusion.demand;
            });
            if (!listed)
                program.excluded.push_back(std::move(exclusion));
        }
    for (const std::string& message : screen.messages)
        if (std::find(program.warnings.begin(), program.warnings.end(), message) == program.warnings.end())
            program.warnings.push_back(message);
    return program;
}

int effectiveLevel(const Exercise& exercise, const ExerciseLibrary& library)
{
    if (exercise.level >= kExerciseLevelRange.min && exercise.level <= kExerciseLevelRange.max)
        return exercise.level;
    std::set<std::string> visiting;
    return std::min(kExerciseLevelRange.max, chainStep(exercise, library, visiting) + 1);
}

int maxLevelFor(const Analysis& analysis)
{
    const bool older = analysis.ageYears && *analysis.ageYears >= kOlderAdultAge;
    return older || analysis.irritability == Irritability::High ? kExerciseLevelRange.max - 1
                                                                 : kExerciseLevelRange.max;
}

std::optional<std::string> levelCapReason(int level, const Analysis& analysis)
{
    if (level <= maxLevelFor(analysis))
        return std::nullopt;
    const bool older = analysis.ageYears && *analysis.ageYears >= kOlderAdultAge;
    return "level " + std::to_string(level) + " is not suggested " +
           (older ? "from age " + std::to_string(kOlderAdultAge) : std::string("with highly irritable pain")) +
           " (choose it by hand if the patient is ready)";
}

std::string overrideBasis(bool added, const std::vector<Exclusion>& exclusions)
{
    return std::string(added ? "added" : "kept") + " by the therapist despite: " + exclusionText(exclusions);
}

bool overridden(const Program& program, const ScreenFinding& finding)
{
    if (finding.index >= program.items.size())
        return false;
    const std::string line = "despite: " + exclusionText(finding.exclusions);
    for (const std::string& b : program.items[finding.index].basis)
        if (b.ends_with(line))
            return true;
    return false;
}

std::vector<ScreenFinding> unconfirmedForbidden(const Program& program, const ScreenResult& screen)
{
    std::vector<ScreenFinding> open;
    for (const ScreenFinding& f : screen.forbidden)
        if (!overridden(program, f))
            open.push_back(f);
    return open;
}

} // namespace hiprx::core
