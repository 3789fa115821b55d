// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <map>
#include <set>

#include <string>
#include <string_view>
#include <vector>

namespace hiprx::render {

/// One `key = value` line of an INI file, with where it came from for error messages.
struct IniEntry {
    std::string section;
    std::string key;
    std::string value;
    int line = 0;
};

/// A `[section]` header and its line.
struct IniSection {
    std::string name;
    int line = 0;
};

/// A parsed template file.
struct IniFile {
    std::vector<IniSection> sections; ///< every header, in file order (even one with no keys)
    std::vector<IniEntry> entries;    ///< every key, in file order
};

/// The sections and entries of a template file. The syntax (documented in templates/README.md):
/// `[section]` headers; `key = value`; lines starting with `#` or `;` are comments; a line that
/// starts with a space or tab continues the value above it (joined with one space).
/// Throws RenderError "file:line: …" for a line that is none of these.
IniFile parseIni(std::string_view text, const std::string& fileName);

/// A wording file of one `[section]` (templates/letter.ini, note.ini): key → text. Throws
/// RenderError naming the file when it cannot be read, or a key is unknown, repeated or missing.
std::map<std::string, std::string> loadSectionWording(const std::filesystem::path& file, std::string_view section,
                                                      const std::set<std::string>& keys);

} // namespace hiprx::render
