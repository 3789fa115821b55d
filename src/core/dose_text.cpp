// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dose_text.h"
#include "core/text_template.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>

namespace hiprx::core {

namespace {


bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// ---- A small reader for the numbers a note states -------------------------------------------

struct Token {
    bool number = false;
    double value = 0;
    std::string word; // lower case; "to" for a dash between numbers
};

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) {
            std::size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                ++j;
            if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
                ++j;
                while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                    ++j;
            }
            out.push_back({true, std::stod(std::string(s.substr(i, j - i))), {}});
            i = j;
        } else if (std::isalpha(c)) {
            std::size_t j = i;
            while (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) || s[j] == '\''))
                ++j;
            out.push_back({false, 0, asciiLower(s.substr(i, j - i))});
            // "a minute", "an hour": one of the unit.
            if (out.size() >= 2 && !out[out.size() - 2].number &&
                (out[out.size() - 2].word == "a" || out[out.size() - 2].word == "an") &&
                (out.back().word == "minute" || out.back().word == "second" || out.back().word == "hour"))
                out.insert(out.end() - 1, Token{true, 1, {}});
            i = j;
        } else if (c == '-' || s.substr(i, 3) == "\u2013" || s.substr(i, 3) == "\u2014") {
            out.push_back({false, 0, "to"}); // 20–30 s, 10-15 reps
            i += c == '-' ? 1 : 3;
        } else {
            ++i;
        }
    }
    return out;
}

enum class Unit { Seconds, Breaths, Reps, Sets, PerDay, DaysPerWeek };

struct Statement {
    Unit unit;
    double lo;
    double hi;
    enum class Role { Dose, Rest, WithinHold } role = Role::Dose;
};

template <std::size_t N> bool oneOf(const std::string& w, const std::array<std::string_view, N>& words)
{
    return std::find(words.begin(), words.end(), w) != words.end();
}

constexpr std::array<std::string_view, 5> kSeconds{"s", "sec", "secs", "second", "seconds"};
constexpr std::array<std::string_view, 4> kMinutes{"min", "mins", "minute", "minutes"};
constexpr std::array<std::string_view, 2> kBreaths{"breath", "breaths"};
constexpr std::array<std::string_view, 22> kReps{
    "rep",    "reps",    "repetition", "repetitions", "time",  "times", "squeeze", "squeezes",
    "push",   "pushes",  "lift",       "lifts",       "step",  "steps", "swing",   "swings",
    "circle", "circles", "switch",     "switches",    "raise", "raises"};
constexpr std::array<std::string_view, 2> kSets{"set", "sets"};
// Words that may stand between a number and its unit ("10 to 15 slow reps").
constexpr std::array<std::string_view, 9> kBetween{"slow", "slower", "deep",       "gentle", "more",
                                                   "full", "easy",   "controlled", "small"};
constexpr std::array<std::string_view, 4> kRestWords{"rest", "resting", "relax", "break"};
constexpr std::array<std::string_view, 5> kWithinHoldWords{"pause", "pausing", "stay", "wait", "linger"};
constexpr std::array<std::string_view, 5> kHoldWords{"hold", "holds", "holding", "build", "start"};
constexpr std::array<std::string_view, 5> kFewWords{"several", "few", "many", "more", "multiple"};

bool at(const std::vector<Token>& t, std::size_t i, std::string_view word)
{
    return i < t.size() && !t[i].number && t[i].word == word;
}

/// "a day", "per day", "each day", "every day", "daily" after a count word → per day;
/// "a week", "per week", "each week" → per week. Returns the unit and the tokens used.
std::optional<std::pair<Unit, std::size_t>> periodAfter(const std::vector<Token>& t, std::size_t i)
{
    if (at(t, i, "daily"))
        return std::pair{Unit::PerDay, std::size_t{1}};
    for (std::string_view lead : {"a", "per", "each", "every", "in", "an"}) {
        if (!at(t, i, lead))
            continue;
        if (at(t, i + 1, "day"))
            return std::pair{Unit::PerDay, std::size_t{2}};
        if (at(t, i + 1, "week"))
            return std::pair{Unit::DaysPerWeek, std::size_t{2}};
    }
    return std::nullopt;
}

std::vector<Statement> statements(std::string_view sentence)
{
    const std::vector<Token> t = tokenize(sentence);
    std::vector<Statement> out;
    std::optional<Unit> lastUnit;
    double lastScale = 1;
    Statement::Role role = Statement::Role::Dose;
    constexpr double kMany = std::numeric_limits<double>::infinity();

    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!t[i].number) {
            const std::string& w = t[i].word;
            if (oneOf(w, kRestWords))
                role = Statement::Role::Rest;
            else if (oneOf(w, kWithinHoldWords))
                role = Statement::Role::WithinHold;
            else if (oneOf(w, kHoldWords))
                role = Statement::Role::Dose;

            // Frequencies in words: once/twice a day, several times a day, every day, daily,
            // every other day, once a week.
            if (w == "once" || w == "twice") {
                const double n = w == "once" ? 1 : 2;
                if (auto p = periodAfter(t, i + 1)) {
                    out.push_back({p->first, n, n});
                    i += p->second;
                }
                continue;
            }
            if (oneOf(w, kFewWords) && (at(t, i + 1, "times") || at(t, i + 2, "times"))) {
                const std::size_t times = at(t, i + 1, "times") ? i + 1 : i + 2;
                if (auto p = periodAfter(t, times + 1)) {
                    out.push_back({p->first, 2, kMany});
                    i = times + p->second;
                }
                continue;
            }
            if (w == "every" && at(t, i + 1, "other") && at(t, i + 2, "day")) {
                out.push_back({Unit::DaysPerWeek, 3, 4});
                i += 2;
                continue;
            }
            if ((w == "every" || w == "each") && at(t, i + 1, "day")) {
                out.push_back({Unit::DaysPerWeek, 7, 7});
                ++i;
                continue;
            }
            if (w == "daily" || w == "everyday") {
                out.push_back({Unit::DaysPerWeek, 7, 7});
                continue;
            }
            continue;
        }

        // A number, or a range "10 to 15" / "20–30" / "4 or 5".
        double lo = t[i].value;
        double hi = lo;
        std::size_t j = i + 1;
        if ((at(t, j, "to") || at(t, j, "or")) && j + 1 < t.size() && t[j + 1].number) {
            hi = t[j + 1].value;
            j += 2;
        }
        if (lo > hi)
            std::swap(lo, hi);
        std::size_t k = j;
        while (k < t.size() && k < j + 2 && !t[k].number && oneOf(t[k].word, kBetween))
            ++k;

        std::optional<Unit> unit;
        double scale = 1;
        std::size_t used = j; // a number with no unit uses only itself
        if (k < t.size() && !t[k].number) {
            const std::string& w = t[k].word;
            if (oneOf(w, kSeconds)) {
                unit = Unit::Seconds;
            } else if (oneOf(w, kMinutes)) {
                unit = Unit::Seconds;
                scale = 60;
            } else if (oneOf(w, kBreaths)) {
                unit = Unit::Breaths;
            } else if (w == "day" || w == "days") {
                if (auto p = periodAfter(t, k + 1); p && p->first == Unit::DaysPerWeek) {
                    unit = Unit::DaysPerWeek;
                    used = k + 1 + p->second;
                }
            } else if (oneOf(w, kReps)) {
                if (auto p = periodAfter(t, k + 1); p && (w == "time" || w == "times")) {
                    unit = p->first;
                    used = k + 1 + p->second;
                } else {
                    unit = Unit::Reps;
                }
            } else if (oneOf(w, kSets)) {
                unit = Unit::Sets;
            } else if ((w == "each" || ((w == "to" || w == "on" || w == "in") && at(t, k + 1, "each")))) {
                unit = Unit::Reps; // "10 to 15 to each side", "10 each direction"
            }
            if (unit && used == j)
                used = k + 1;
        }
        if (!unit && lastUnit) {
            // "start with 1 to 2 minutes and build up to 5": the unit carries over.
            unit = lastUnit;
            scale = lastScale;
        }
        if (unit) {
            const Statement::Role r = *unit == Unit::Seconds ? role : Statement::Role::Dose;
            out.push_back({*unit, lo * scale, hi * scale, r});
            lastUnit = unit;
            lastScale = scale;
        }
        i = std::max(i, used - 1);
    }
    return out;
}

bool within(double value, double lo, double hi)
{
    return value >= lo - 1e-9 && value <= hi + 1e-9;
}

bool fits(const Statement& s, const Dose& d)
{
    // Breathing pace: about 4–6 s a breath (facts.md §7.5).
    constexpr double kBreathMinS = 4;
    constexpr double kBreathMaxS = 6;
    switch (s.unit) {
    case Unit::Seconds:
        switch (s.role) {
        case Statement::Role::Rest:
            return true;
        case Statement::Role::WithinHold:
            return d.holdS == 0 || s.hi <= d.holdS;
        case Statement::Role::Dose:
            return d.holdS > 0 && within(d.holdS, s.lo, s.hi);
        }
        return false;
    case Unit::Breaths:
        return d.holdS > 0 && within(d.holdS, s.lo * kBreathMinS, s.hi * kBreathMaxS);
    case Unit::Reps:
        return within(d.reps, s.lo, s.hi);
    case Unit::Sets:
        return within(d.sets, s.lo, s.hi);
    case Unit::PerDay:
        return within(d.perDay, s.lo, s.hi);
    case Unit::DaysPerWeek:
        return within(d.daysPerWeek, s.lo, s.hi);
    }
    return false;
}

} // namespace

std::string durationWords(int seconds, const DoseWords& words)
{
    if (seconds < 60)
        return seconds == 1 ? words.secondOne : fillPlaceholders(words.seconds, {{"n", std::to_string(seconds)}});
    if (seconds % 60 == 0)
        return seconds == 60 ? words.minuteOne
                             : fillPlaceholders(words.minutes, {{"n", std::to_string(seconds / 60)}});
    return fillPlaceholders(words.minutesSeconds,
                            {{"m", std::to_string(seconds / 60)}, {"s", std::to_string(seconds % 60)}});
}

std::string doseSentence(const Dose& dose, ExerciseSide side, const DoseWords& words)
{
    std::vector<std::string> parts;
    if (dose.holdS > 0)
        parts.push_back(fillPlaceholders(words.hold, {{"time", durationWords(dose.holdS, words)}}));
    std::string count =
        dose.reps == 1 ? words.repsOne : fillPlaceholders(words.reps, {{"n", std::to_string(dose.reps)}});
    if (side == ExerciseSide::Both) // the count is per side, never the total
        count = fillPlaceholders(words.eachSide, {{"what", count}});
    parts.push_back(std::move(count));
    if (dose.sets > 1)
        parts.push_back(fillPlaceholders(words.sets, {{"n", std::to_string(dose.sets)}}));
    const std::string times = dose.perDay <= 1   ? words.perDayOne
                              : dose.perDay == 2 ? words.perDayTwo
                                                 : fillPlaceholders(words.perDayMany, {{"n", std::to_string(dose.perDay)}});
    const std::string days = dose.daysPerWeek >= 7   ? words.daysEvery
                             : dose.daysPerWeek == 1 ? words.daysOne
                                                     : fillPlaceholders(words.daysMany, {{"n", std::to_string(dose.daysPerWeek)}});
    parts.push_back(fillPlaceholders(words.often, {{"times", times}, {"days", days}}));

    std::string sentence;
    for (const auto& part : parts) {
        if (part.empty())
            continue;
        if (!sentence.empty())
            sentence += ", ";
        sentence += part;
    }
    if (!sentence.empty() && sentence.front() >= 'a' && sentence.front() <= 'z')
        sentence.front() = static_cast<char>(sentence.front() - 'a' + 'A');
    if (!sentence.empty() && sentence.back() != '.')
        sentence += '.';
    if (dose.restS > 0 && dose.sets > 1)
        sentence += " " + fillPlaceholders(words.rest, {{"time", durationWords(dose.restS, words)}});
    if (!dose.load.empty())
        sentence += " " + fillPlaceholders(words.load, {{"load", dose.load}});
    return sentence;
}

std::string_view perSideWords(ExerciseSide side) noexcept
{
    return side == ExerciseSide::Both ? "each side" : "";
}

std::string describeVolume(const Dose& dose, ExerciseSide side)
{
    const std::string sets = dose.sets > 1 ? std::to_string(dose.sets) + " sets of " : "";
    std::string text;
    if (dose.holdS > 0)
        text = sets + std::to_string(dose.reps) + " × " + std::to_string(dose.holdS) + " s hold";
    else
        text = dose.sets > 1 ? std::to_string(dose.sets) + " sets × " + std::to_string(dose.reps) + " reps"
                             : std::to_string(dose.reps) + (dose.reps == 1 ? " rep" : " reps");
    if (const auto each = perSideWords(side); !each.empty())
        text += " on " + std::string(each);
    if (dose.restS > 0 && dose.sets > 1)
        text += ", rest " + std::to_string(dose.restS) + " s between sets";
    return text;
}

std::string describeVolume(const Dose& dose)
{
    return describeVolume(dose, ExerciseSide::None);
}

std::string describeFrequency(const Dose& dose)
{
    std::string text = dose.perDay == 1   ? "once a day"
                       : dose.perDay == 2 ? "twice a day"
                                          : std::to_string(dose.perDay) + " times a day";
    text += dose.daysPerWeek >= 7 ? ", every day"
                                  : ", " + std::to_string(dose.daysPerWeek) +
                                        (dose.daysPerWeek == 1 ? " day a week" : " days a week");
    return text;
}

std::string describeDose(const Dose& dose, ExerciseSide side)
{
    std::string text = describeVolume(dose, side) + " · " + describeFrequency(dose);
    if (!dose.load.empty())
        text += " · " + dose.load;
    if (const std::string notes = noteText(dose.notes); !notes.empty())
        text += " · " + notes;
    return text;
}

std::string describeDose(const Dose& dose)
{
    return describeDose(dose, ExerciseSide::None);
}

bool takesLoad(const Exercise& exercise, const Dose& dose)
{
    const auto names = [](std::string text) {
        text = asciiLower(text);
        for (std::string_view own : {"body weight", "bodyweight", "own weight"})
            for (auto at = text.find(own); at != std::string::npos; at = text.find(own))
                text.erase(at, own.size());
        for (std::string_view word :
             {"band", "weight", "dumbbell", "kettlebell", "cuff", "tubing", "theraband"})
            if (text.find(word) != std::string::npos)
                return true;
        // "0.5 kg", "2 lb"
        const auto tokens = tokenize(text);
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
            if (tokens[i].number && !tokens[i + 1].number &&
                (tokens[i + 1].word == "kg" || tokens[i + 1].word == "lb" || tokens[i + 1].word == "lbs"))
                return true;
        return false;
    };
    return std::any_of(exercise.equipment.begin(), exercise.equipment.end(), names) || names(dose.load);
}

std::vector<std::string> noteSentences(std::string_view notes)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    const auto flush = [&](std::size_t end) {
        const auto s = trim(notes.substr(start, end - start));
        if (!s.empty() && s != "." && s != ";")
            out.emplace_back(s);
        start = end;
    };
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const char c = notes[i];
        if (c == ';') {
            flush(i);
            start = i + 1;
        } else if ((c == '.' || c == '!' || c == '?') && (i + 1 == notes.size() || isSpace(notes[i + 1]))) {
            flush(i + 1);
        }
    }
    flush(notes.size());
    return out;
}

std::string joinSentences(const std::vector<std::string>& sentences)
{
    std::string out;
    for (std::string s : sentences) {
        s = std::string(trim(s));
        while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':'))
            s.pop_back();
        if (s.empty())
            continue;
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        if (s.back() != '.' && s.back() != '!' && s.back() != '?')
            s += '.';
        if (!out.empty())
            out += ' ';
        out += s;
    }
    return out;
}

std::string noteText(std::string_view notes)
{
    return joinSentences(noteSentences(notes));
}

bool sentenceFitsDose(std::string_view sentence, const Dose& dose)
{
    const auto said = statements(sentence);
    if (!std::all_of(said.begin(), said.end(), [&](const Statement& s) { return fits(s, dose); }))
        return false;
    // Rest between sets: only with more than one set, and as long as the dose's own rest.
    if (asciiLower(sentence).find("between sets") != std::string::npos) {
        if (dose.sets <= 1)
            return false;
        for (const Statement& s : said)
            if (s.unit == Unit::Seconds && s.role == Statement::Role::Rest && dose.restS > 0 &&
                !within(dose.restS, s.lo, s.hi))
                return false;
    }
    return true;
}

std::string fittingNotes(std::string_view notes, const Dose& dose)
{
    std::vector<std::string> kept;
    for (auto& s : noteSentences(notes))
        if (sentenceFitsDose(s, dose))
            kept.push_back(std::move(s));
    return joinSentences(kept);
}

} // namespace hiprx::core
