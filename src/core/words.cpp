// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/words.h"

#include "core/vocabulary.h"

#include <regex>
#include <utility>

namespace hiprx::core {

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
        // Already in words: the label ends with the id ("hip scour" for "scour") and is there in full.
        const bool alreadyWords = words.size() > id.size() && at >= words.size() - id.size() &&
                                  text.compare(at - (words.size() - id.size()), words.size(), words) == 0;
        if (start && end && side && !alreadyWords) {
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
    for (const auto& entry : vocabulary<E>())
        if (sided || entry.id.find('_') != std::string_view::npos)
            replaceWord(text, std::string(entry.id), std::string(entry.label), sided);
}

} // namespace

std::string idsInWords(std::string text)
{
    replaceIds<SpecialTest>(text, true);
    replaceIds<Movement>(text, false);
    replaceIds<StrengthMuscle>(text, false);
    replaceIds<Precaution>(text, false);
    replaceIds<RedFlag>(text, false);
    replaceIds<MuscleGroup>(text, false);
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

std::string idsInWords(std::string text, const ExerciseLibrary& library)
{
    for (const auto& exercise : library.all())
        if (exercise.id.find('_') != std::string::npos && text.find(exercise.id) != std::string::npos)
            replaceWord(text, exercise.id, exercise.name, false);
    return idsInWords(std::move(text));
}

} // namespace hiprx::core
