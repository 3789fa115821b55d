// SPDX-License-Identifier: GPL-3.0-or-later
//
// Internal to hiprx_exchange: parsing a document, and a JsonReader that checks types, ids and keys
// while collecting every problem with its path, so a reader can report them all at once. Kept out of
// json_format.h so nlohmann never reaches the layers above.
#pragma once

#include "core/date.h"
#include "core/error.h"
#include "core/exercise.h"
#include "core/figure.h"
#include "core/vocabulary.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::exchange::detail {

/// Objects keep their keys in file order, so problems are reported and files written in a stable,
/// readable order.
using Json = nlohmann::ordered_json;

/// Parses a whole document. Throws InputError for an empty file, malformed JSON (with line and
/// column, never echoing the file's text) and keys given twice in one object.
Json parseDocument(std::string_view text);

/// Pretty-prints with two-space indent and unescaped UTF-8. Throws Error when a text is not UTF-8.
std::string dumpDocument(const Json& document);

/// `text` with each control character written as \uXXXX, for messages: a NUL would cut one short.
std::string printable(std::string_view text);

/// `parent.key` (or `key` at the top level).
std::string childPath(const std::string& parent, std::string_view key);
/// `parent[index]`.
std::string indexPath(const std::string& parent, std::size_t index);

/// A short description of a value for "got …" messages: strings quoted and shortened, "an object",
/// "a list", numbers as written.
std::string describe(const Json& value);

/// Every id of an enum, comma-separated, for "expected one of …" messages.
template <typename E>
std::string idList()
{
    std::string out;
    for (const auto& entry : core::vocabulary<E>()) {
        if (!out.empty())
            out += ", ";
        out += entry.id;
    }
    return out;
}

/// Reads typed values out of a parsed document, recording a problem (and returning nothing) for
/// each value of the wrong type or unknown id. Nothing throws until the caller asks for it.
class JsonReader {
public:
    void problem(const std::string& path, const std::string& message);
    const std::vector<FieldProblem>& problems() const noexcept { return m_problems; }
    /// True when a problem was recorded at `path` or below it.
    bool hasProblemAt(std::string_view path) const;
    /// Adds `others` whose path is not already covered by a recorded problem (avoids reporting a
    /// wrongly typed field a second time as "required").
    void mergeUncovered(const std::vector<FieldProblem>& others);
    /// Throws InputError with every recorded problem, if there are any.
    void throwIfProblems() const;

    /// True when `value` is an object; otherwise records "expected an object".
    bool expectObject(const Json& value, const std::string& path);
    /// True when `value` is a list; otherwise records "expected a list".
    bool expectArray(const Json& value, const std::string& path);
    /// Records `path.key: unknown field (expected one of …)` for each key not in `allowed`.
    void checkKeys(const Json& object, const std::string& path,
                   std::initializer_list<std::string_view> allowed);
    /// Records `path.key: required` when the key is missing or null. Returns whether it is there.
    bool require(const Json& object, const std::string& path, std::string_view key);
    /// Checks an optional `"format"` member; when present it must equal `expected`.
    void checkFormat(const Json& root, std::string_view expected, std::string_view what);

    /// A string; NUL and control characters other than tab and line breaks are refused.
    std::optional<std::string> text(const Json& value, const std::string& path);
    /// A string on one line (a name, an id): as text(), and no line breaks or tabs either.
    std::optional<std::string> line(const Json& value, const std::string& path);
    std::optional<bool> boolean(const Json& value, const std::string& path);
    /// A whole number (12 or 12.0, never 12.5). `unit` names what is counted ("degrees"); a value
    /// that does not fit an int is reported as outside `range`.
    std::optional<int> wholeNumber(const Json& value, const std::string& path, std::string_view unit,
                                   int rangeMin, int rangeMax);
    std::optional<core::Date> date(const Json& value, const std::string& path);
    /// A list of strings.
    std::optional<std::vector<std::string>> textList(const Json& value, const std::string& path);

    /// An id given as a value: `path: unknown <what> "x" (expected one of …)`.
    template <typename E>
    std::optional<E> idValue(const Json& value, const std::string& path, std::string_view what)
    {
        const auto id = text(value, path);
        if (!id)
            return std::nullopt;
        if (auto parsed = core::fromId<E>(*id))
            return parsed;
        problem(path, "unknown " + std::string(what) + " " + describe(value) + " (expected one of " +
                          idList<E>() + ")");
        return std::nullopt;
    }

    /// An id given as an object key; `path` already ends in the key:
    /// `rom.left.hip_flex: unknown movement (expected one of …)`.
    template <typename E>
    std::optional<E> idKey(std::string_view key, const std::string& path, std::string_view what)
    {
        if (auto parsed = core::fromId<E>(key))
            return parsed;
        problem(path, "unknown " + std::string(what) + " (expected one of " + idList<E>() + ")");
        return std::nullopt;
    }

private:
    std::vector<FieldProblem> m_problems;
};

/// A dose object. `full` writes `load` and `notes` even when empty (the exercise library's fixed
/// shape); otherwise they appear only when set.
Json doseToJson(const core::Dose& dose, bool full);
/// Reads a dose; `sets` and `reps` are required, the rest take core::Dose's defaults. Ranges are
/// checked against core::DoseLimits.
core::Dose readDose(JsonReader& reader, const Json& value, const std::string& path);

/// The members of a figure (start, end, props, highlight, arrow, arrow_bend, planted, floor, note;
/// the caller checks which keys it allows) at `path`; nothing when a problem was recorded. The id
/// is left empty and core::checkFigure is left to the caller.
std::optional<core::FigureSpec> readFigureBody(JsonReader& reader, const Json& object, const std::string& path);
/// A figure's members as readFigureBody reads them (no format, no id).
Json figureToJson(const core::FigureSpec& spec);

/// The member `key`, or nothing when it is absent or null (null means "not given").
const Json* member(const Json& object, std::string_view key);

/// Reads the optional text member `key` of `object` (at `path`) into `out`; absent leaves it as is.
void readTextMember(JsonReader& reader, const Json& object, const std::string& path, const char* key,
                    std::string& out);
/// Reads the optional list of texts `key` of `object` (at `path`) into `out`; absent leaves it as is.
void readTextListMember(JsonReader& reader, const Json& object, const std::string& path, const char* key,
                        std::vector<std::string>& out);

} // namespace hiprx::exchange::detail
