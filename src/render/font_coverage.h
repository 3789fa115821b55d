// SPDX-License-Identifier: GPL-3.0-or-later
//
// Which code points a (subset) font covers, read from the same list the subset was made from
// (assets/fonts/subset-unicodes.txt), so a document whose text fits can embed the small subset and
// any other falls back to the full font.
#pragma once

#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

namespace hiprx::render {

class FontCoverage {
public:
    /// Reads lines of `U+XXXX-YYYY` or `U+XXXX` (# starts a comment). Throws RenderError naming the
    /// file and line for anything else.
    static FontCoverage read(const std::filesystem::path& file);

    /// True when every code point of the UTF-8 text is in one of the ranges.
    bool covers(std::string_view text) const;
    bool empty() const noexcept { return m_ranges.empty(); }

private:
    std::vector<std::pair<char32_t, char32_t>> m_ranges;
};

} // namespace hiprx::render
