// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/assessment_words.h"

#include <regex>

#include "core/progress.h"

namespace hiprx::app {

std::string painAreaText(const core::PainArea& area)
{
    const std::string side =
        area.side == core::BodySide::Central ? std::string("middle") : std::string(core::label(area.side));
    return std::string(core::label(area.region)) + ", " + side;
}

std::string redFlagScreenText(const core::Assessment& assessment)
{
    if (!assessment.redFlags.empty()) {
        std::string flags;
        for (core::RedFlag flag : assessment.redFlags)
            flags += (flags.empty() ? "" : ", ") + std::string(core::label(flag));
        return "red flags: " + flags;
    }
    return assessment.redFlagsScreened ? "red flags screened: none" : "red flags not screened";
}

namespace {

bool idChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// Replaces whole-word occurrences of `id` with `words`; with `sided`, only where a side follows
/// ("faber left"), so a test id that is also an English word ("fair") is left alone elsewhere.
void replaceWord(std::string& text, const std::string& id, const std::string& words, bool sided)
{
    for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at)) {
        const std::size_t after = at + id.size();
        const bool start = at == 0 || !idChar(text[at - 1]);
        const bool end = after == text.size() || !idChar(text[after]);
        const bool side = !sided || text.compare(after, 5, " left") == 0 || text.compare(after, 6, " right") == 0;
        if (start && end && side) {
            text.replace(at, id.size(), words);
            at += words.size();
        } else {
            at = after;
        }
    }
}

template <typename E>
void replaceIds(std::string& text, bool sided)
{
    for (const auto& entry : core::vocabulary<E>())
        if (sided || entry.id.find('_') != std::string_view::npos)
            replaceWord(text, std::string(entry.id), std::string(entry.label), sided);
}

} // namespace

std::string idsInWords(std::string text)
{
    replaceIds<core::SpecialTest>(text, true);
    replaceIds<core::Movement>(text, false);
    replaceIds<core::StrengthMuscle>(text, false);
    replaceIds<core::Precaution>(text, false);
    replaceIds<core::RedFlag>(text, false);
    replaceIds<core::MuscleGroup>(text, false);
    static const std::pair<const char*, const char*> kFields[] = {
        {"falls_past_year", "falls in the past year"},
        {"single_leg_stance_s", "single-leg stance"},
        {"nprs_now", "pain now (NPRS)"},
        {"nprs_worst_24h", "worst pain in 24 h (NPRS)"},
        {"nprs_best_24h", "best pain in 24 h (NPRS)"},
        {"plank_hold_s", "plank hold"},
        {"side_bridge_hold_s", "side-bridge hold"},
        {"trunk_flexor_hold_s", "trunk flexor hold"},
        {"trunk_extensor_hold_s", "trunk extensor hold"},
    };
    for (const auto& [id, words] : kFields)
        replaceWord(text, id, words, false);
    // Rule ids ("(R-IRRIT-NPRS)") belong in the JSON and the rule table, not on screen.
    static const std::regex kRuleId(R"(\s*\(R-[A-Z0-9-]+\)|\bR-[A-Z0-9]+(-[A-Z0-9]+)+\b)");
    // "(R-A, R-B)" leaves "(, )" once its ids are gone: drop what only held ids.
    static const std::regex kEmptyParentheses(R"(\s*\(\s*(,\s*)*\))");
    return std::regex_replace(std::regex_replace(text, kRuleId, ""), kEmptyParentheses, "");
}

std::string idsInWords(std::string text, const core::ExerciseLibrary& library)
{
    for (const auto& exercise : library.all())
        if (exercise.id.find('_') != std::string::npos && text.find(exercise.id) != std::string::npos)
            replaceWord(text, exercise.id, exercise.name, false);
    return idsInWords(std::move(text));
}

std::string progressionStepText(core::ProgressionStep step)
{
    switch (step) {
    case core::ProgressionStep::Regress: return "regress (make the exercises easier)";
    case core::ProgressionStep::Hold: return "hold (keep the exercises as they are)";
    case core::ProgressionStep::Progress: return "progress (make the exercises harder)";
    case core::ProgressionStep::Refer: return "refer (a doctor should see the patient first)";
    }
    return std::string(core::progressionStepId(step));
}

std::string painAreaId(const core::PainArea& area)
{
    return std::string(core::toId(area.region)) + "." + std::string(core::toId(area.side));
}

std::optional<core::PainArea> painAreaFromId(const std::string& id)
{
    const auto dot = id.find('.');
    if (dot == std::string::npos)
        return std::nullopt;
    const auto region = core::fromId<core::BodyRegion>(id.substr(0, dot));
    const auto side = core::fromId<core::BodySide>(id.substr(dot + 1));
    if (!region || !side)
        return std::nullopt;
    return core::PainArea{*region, *side};
}

} // namespace hiprx::app
