// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_support.h"

#include <climits>
#include <cmath>
#include <cstdio>
#include <set>

namespace hiprx::exchange::detail {

namespace {

constexpr std::size_t kDescribeMax = 40; // longer strings are cut in messages

bool isBlank(std::string_view text) noexcept
{
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    return true;
}

/// Line and column (both from 1) of the byte at `offset`.
std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, offset - lineStart + 1};
}

/// nlohmann's explanation without its "[json.exception…]" prefix, its own position, or the text it
/// last read (that text may be patient data, which never goes into a message).
std::string parseReason(const std::string& what)
{
    std::string reason = what;
    if (const auto colon = reason.find("column "); colon != std::string::npos) {
        if (const auto sep = reason.find(": ", colon); sep != std::string::npos)
            reason = reason.substr(sep + 2);
    }
    if (const auto lastRead = reason.find("; last read: '"); lastRead != std::string::npos) {
        const auto expected = reason.find("; expected", lastRead);
        reason.erase(lastRead, expected == std::string::npos ? std::string::npos : expected - lastRead);
    }
    return reason;
}

/// Where the parser is, kept while parsing so a repeated key can be reported with its path.
struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
};

std::string framePath(const std::vector<Frame>& stack)
{
    std::string path;
    for (const auto& frame : stack)
        path = frame.array ? indexPath(path, frame.index) : childPath(path, frame.key);
    return path;
}

/// Deeper than any HipRx format (an assessment nests five levels, a figure seven) by a wide
/// margin, and far from where recursion over the document could exhaust the stack.
constexpr int kMaxDepth = 64;

/// Refuses a document nested deeper than kMaxDepth before the parser sees it: the parser and the
/// code that walks and frees the tree recurse, and 100,000 levels overflowed the stack. Brackets
/// inside strings do not count; malformed JSON is left for the parser to describe.
void checkNesting(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) {
                const auto [line, column] = lineAndColumn(text, i);
                throw InputError("", "not a HipRx file: lists and objects are nested more than " +
                                         std::to_string(kMaxDepth) + " levels deep (at line " +
                                         std::to_string(line) + ", column " + std::to_string(column) + ")");
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

} // namespace

Json parseDocument(std::string_view text)
{
    if (isBlank(text))
        throw InputError("", "file is empty");
    checkNesting(text);

    std::vector<Frame> stack;
    std::vector<FieldProblem> repeated;
    const Json::parser_callback_t track = [&](int, Json::parse_event_t event, Json& parsed) {
        using Event = Json::parse_event_t;
        switch (event) {
        case Event::object_start: stack.push_back({}); break;
        case Event::array_start: stack.push_back({true, 0, {}, {}}); break;
        case Event::key:
            if (!stack.empty() && parsed.is_string()) {
                Frame& frame = stack.back();
                frame.key = parsed.get<std::string>();
                if (!frame.keys.insert(frame.key).second) {
                    const std::string path = framePath(stack);
                    const std::string shown = printable(path);
                    repeated.push_back({shown, shown + ": given twice in the same object"});
                }
            }
            break;
        case Event::object_end:
        case Event::array_end:
            if (!stack.empty())
                stack.pop_back();
            if (!stack.empty() && stack.back().array)
                ++stack.back().index;
            break;
        case Event::value:
            if (!stack.empty() && stack.back().array)
                ++stack.back().index;
            break;
        }
        return true;
    };

    Json document;
    try {
        document = Json::parse(text.begin(), text.end(), track);
    } catch (const Json::out_of_range&) {
        // A number beyond a double (1e400): the value's key was the last one seen.
        const std::string path = printable(framePath(stack));
        throw InputError(path, (path.empty() ? std::string() : path + ": ") +
                                   "a number too large to be read (beyond 1e308)");
    } catch (const Json::parse_error& e) {
        // e.byte counts from 1 and points just past the character that failed.
        const auto [line, column] = lineAndColumn(text, e.byte > 0 ? e.byte - 1 : 0);
        throw InputError("", "not valid JSON at line " + std::to_string(line) + ", column " +
                                 std::to_string(column) + ": " + parseReason(e.what()));
    }
    if (!repeated.empty())
        throw InputError(std::move(repeated));
    return document;
}

std::string dumpDocument(const Json& document)
{
    try {
        return document.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
    } catch (const Json::type_error&) {
        throw Error("cannot write JSON: a text is not valid UTF-8");
    }
}

std::string childPath(const std::string& parent, std::string_view key)
{
    if (parent.empty())
        return std::string(key);
    std::string out = parent;
    out += '.';
    out += key;
    return out;
}

std::string indexPath(const std::string& parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

const Json* member(const Json& object, std::string_view key)
{
    const auto it = object.find(std::string(key));
    if (it == object.end() || it->is_null())
        return nullptr;
    return &*it;
}

void readTextMember(JsonReader& reader, const Json& object, const std::string& path, const char* key,
                    std::string& out)
{
    if (const Json* v = member(object, key))
        out = reader.text(*v, childPath(path, key)).value_or("");
}

void readTextListMember(JsonReader& reader, const Json& object, const std::string& path, const char* key,
                        std::vector<std::string>& out)
{
    if (const Json* v = member(object, key))
        out = reader.textList(*v, childPath(path, key)).value_or(std::vector<std::string>{});
}

std::string describe(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    case Json::value_t::null: return "null";
    case Json::value_t::string: {
        const auto& s = value.get_ref<const std::string&>();
        if (s.size() <= kDescribeMax)
            return "\"" + s + "\"";
        std::size_t cut = kDescribeMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // never split a UTF-8 sequence
        return "\"" + s.substr(0, cut) + "\xE2\x80\xA6\"";
    }
    default: return value.dump();
    }
}

// ---- JsonReader ----------------------------------------------------------------------------------

std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out;
}

void JsonReader::problem(const std::string& path, const std::string& message)
{
    // A key or value may hold a NUL or a line break: it would cut or garble the message.
    const std::string where = printable(path);
    const std::string what = printable(message);
    m_problems.push_back({where, where.empty() ? what : where + ": " + what});
}

bool JsonReader::hasProblemAt(std::string_view path) const
{
    for (const auto& p : m_problems) {
        const std::string_view mine = p.path;
        if (path == mine)
            return true;
        // a problem with a whole section covers every field inside it
        if (path.size() > mine.size() && path.substr(0, mine.size()) == mine &&
            (path[mine.size()] == '.' || path[mine.size()] == '['))
            return true;
    }
    return false;
}

void JsonReader::mergeUncovered(const std::vector<FieldProblem>& others)
{
    std::vector<FieldProblem> fresh;
    for (const auto& p : others)
        if (!hasProblemAt(p.path))
            fresh.push_back(p);
    m_problems.insert(m_problems.end(), fresh.begin(), fresh.end());
}

void JsonReader::throwIfProblems() const
{
    if (!m_problems.empty())
        throw InputError(m_problems);
}

bool JsonReader::expectObject(const Json& value, const std::string& path)
{
    if (value.is_object())
        return true;
    problem(path, "expected an object, got " + describe(value));
    return false;
}

bool JsonReader::expectArray(const Json& value, const std::string& path)
{
    if (value.is_array())
        return true;
    problem(path, "expected a list, got " + describe(value));
    return false;
}

void JsonReader::checkKeys(const Json& object, const std::string& path,
                           std::initializer_list<std::string_view> allowed)
{
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (auto a : allowed)
            known = known || a == key;
        if (known)
            continue;
        std::string list;
        for (auto a : allowed) {
            if (!list.empty())
                list += ", ";
            list += a;
        }
        problem(childPath(path, key), "unknown field (expected one of " + list + ")");
    }
}

bool JsonReader::require(const Json& object, const std::string& path, std::string_view key)
{
    const auto it = object.find(std::string(key));
    if (it != object.end() && !it->is_null())
        return true;
    problem(childPath(path, key), "required");
    return false;
}

void JsonReader::checkFormat(const Json& root, std::string_view expected, std::string_view what)
{
    const auto it = root.find("format");
    if (it == root.end())
        return;
    if (it->is_string() && it->get_ref<const std::string&>() == expected)
        return;
    problem("format", describe(*it) + " is not " + std::string(what) + " (expected \"" +
                          std::string(expected) + "\")");
}

namespace {

/// The first control character in `text` that is not allowed, or -1. `lineBreaks` allows tab, CR
/// and LF (a note may have paragraphs); NUL and the other C0 controls are never text.
int forbiddenControl(std::string_view text, bool lineBreaks)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u != 0x7F)
            continue;
        if (lineBreaks && (c == '\t' || c == '\n' || c == '\r'))
            continue;
        return u;
    }
    return -1;
}

std::string controlMessage(int code)
{
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code));
    if (code == '\n' || code == '\r')
        return std::string("must be one line (it contains a line break, ") + name + ")";
    return std::string("contains the control character ") + name + ", which is not text";
}

} // namespace

std::optional<std::string> JsonReader::text(const Json& value, const std::string& path)
{
    if (!value.is_string()) {
        problem(path, "expected text, got " + describe(value));
        return std::nullopt;
    }
    const auto& s = value.get_ref<const std::string&>();
    if (const int bad = forbiddenControl(s, true); bad >= 0) {
        problem(path, controlMessage(bad));
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonReader::line(const Json& value, const std::string& path)
{
    auto s = text(value, path);
    if (!s)
        return std::nullopt;
    if (const int bad = forbiddenControl(*s, false); bad >= 0) {
        problem(path, controlMessage(bad));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> JsonReader::boolean(const Json& value, const std::string& path)
{
    if (value.is_boolean())
        return value.get<bool>();
    problem(path, "expected true or false, got " + describe(value));
    return std::nullopt;
}

std::optional<int> JsonReader::wholeNumber(const Json& value, const std::string& path,
                                           std::string_view unit, int rangeMin, int rangeMax)
{
    const std::string range = std::to_string(rangeMin) + "\xE2\x80\x93" + std::to_string(rangeMax);
    const std::string expected = unit.empty() ? "a whole number" : "a whole number of " + std::string(unit);
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(INT_MAX)) {
            problem(path, value.dump() + " is outside " + range);
            return std::nullopt;
        }
        return static_cast<int>(v);
    }
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (v < INT_MIN || v > INT_MAX) {
            problem(path, value.dump() + " is outside " + range);
            return std::nullopt;
        }
        return static_cast<int>(v);
    }
    if (value.is_number_float()) {
        const double v = value.get<double>();
        if (std::isfinite(v) && v == std::trunc(v)) {
            if (v < INT_MIN || v > INT_MAX) {
                problem(path, value.dump() + " is outside " + range);
                return std::nullopt;
            }
            return static_cast<int>(v);
        }
    }
    problem(path, "expected " + expected + ", got " + describe(value));
    return std::nullopt;
}

std::optional<core::Date> JsonReader::date(const Json& value, const std::string& path)
{
    if (value.is_string())
        if (auto d = core::Date::parse(value.get_ref<const std::string&>()))
            return d;
    problem(path, "expected a date (YYYY-MM-DD), got " + describe(value));
    return std::nullopt;
}

std::optional<std::vector<std::string>> JsonReader::textList(const Json& value, const std::string& path)
{
    if (!expectArray(value, path))
        return std::nullopt;
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (auto s = text(value[i], indexPath(path, i)))
            out.push_back(std::move(*s));
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return out;
}

} // namespace hiprx::exchange::detail
