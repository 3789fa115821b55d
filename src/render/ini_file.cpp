// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/ini_file.h"

#include "render/render_error.h"

#include <fstream>
#include <sstream>

namespace hiprx::render {
namespace {

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

bool isName(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!isKeyChar(c))
            return false;
    return true;
}

[[noreturn]] void fail(const std::string& fileName, int line, const std::string& message)
{
    throw RenderError(fileName + ":" + std::to_string(line) + ": " + message);
}

} // namespace

IniFile parseIni(std::string_view text, const std::string& fileName)
{
    IniFile file;
    std::vector<IniEntry>& entries = file.entries;
    std::string section;
    int lineNo = 0;
    bool lastWasEntry = false;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view raw = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++lineNo;

        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#' || line.front() == ';') {
            lastWasEntry = lastWasEntry && !line.empty(); // a blank line ends a continued value
            continue;
        }
        if (raw.front() == ' ' || raw.front() == '\t') {
            if (!lastWasEntry)
                fail(fileName, lineNo, "an indented line must continue a value on the line above");
            entries.back().value += ' ';
            entries.back().value += line;
            continue;
        }
        if (line.front() == '[') {
            if (line.back() != ']' || !isName(trim(line.substr(1, line.size() - 2))))
                fail(fileName, lineNo, "a section header looks like [name] (lower case, digits, _ and .)");
            section = std::string(trim(line.substr(1, line.size() - 2)));
            file.sections.push_back({section, lineNo});
            lastWasEntry = false;
            continue;
        }
        const auto equals = line.find('=');
        if (equals == std::string_view::npos)
            fail(fileName, lineNo, "expected [section] or key = value");
        const std::string_view key = trim(line.substr(0, equals));
        if (!isName(key))
            fail(fileName, lineNo, "'" + std::string(key) + "' is not a key (lower case, digits, _ and .)");
        if (section.empty())
            fail(fileName, lineNo, "key '" + std::string(key) + "' comes before any [section]");
        entries.push_back({section, std::string(key), std::string(trim(line.substr(equals + 1))), lineNo});
        lastWasEntry = true;
    }
    return file;
}

std::map<std::string, std::string> loadSectionWording(const std::filesystem::path& file, std::string_view section,
                                                      const std::set<std::string>& keys)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw RenderError("cannot read the wording file " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    std::map<std::string, std::string> words;
    const std::string name(section);
    for (const IniEntry& e : parseIni(text.str(), file.string()).entries) {
        if (e.section != name || !keys.count(e.key))
            throw RenderError(file.string() + ": unknown key [" + e.section + "] " + e.key);
        if (!words.emplace(e.key, e.value).second)
            throw RenderError(file.string() + ": [" + name + "] " + e.key + " is given twice");
    }
    for (const std::string& key : keys)
        if (!words.count(key))
            throw RenderError(file.string() + ": [" + name + "] " + key + " is missing");
    return words;
}

} // namespace hiprx::render
