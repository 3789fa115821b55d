// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/font_coverage.h"

#include "render/render_error.h"
#include "render/text_layout.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <string>

namespace hiprx::render {

namespace {

bool parseCodePoint(std::string_view text, char32_t& out)
{
    if (text.size() < 3 || text.substr(0, 2) != "U+")
        return false;
    unsigned long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data() + 2, text.data() + text.size(), value, 16);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value > 0x10FFFF)
        return false;
    out = static_cast<char32_t>(value);
    return true;
}

} // namespace

FontCoverage FontCoverage::read(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw RenderError("cannot read the font coverage list " + file.string());
    FontCoverage coverage;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = line.substr(0, line.find('#'));
        line.erase(std::remove_if(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); }),
                   line.end());
        if (line.empty())
            continue;
        const auto dash = line.find('-');
        char32_t first = 0;
        char32_t last = 0;
        const bool ok = dash == std::string::npos
                            ? parseCodePoint(line, first) && ((last = first), true)
                            : parseCodePoint(std::string_view(line).substr(0, dash), first) &&
                                  parseCodePoint("U+" + line.substr(dash + 1), last) && first <= last;
        if (!ok)
            throw RenderError(file.string() + ":" + std::to_string(number) +
                              ": expected U+XXXX or U+XXXX-YYYY, got \"" + line + "\"");
        coverage.m_ranges.emplace_back(first, last);
    }
    return coverage;
}

bool FontCoverage::covers(std::string_view text) const
{
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t code = nextCodePoint(text, i);
        if (code == '\n' || code == '\t')
            continue;
        const bool inside = std::any_of(m_ranges.begin(), m_ranges.end(),
                                        [&](const auto& r) { return code >= r.first && code <= r.second; });
        if (!inside)
            return false;
    }
    return true;
}

} // namespace hiprx::render
