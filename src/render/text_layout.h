// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::render {

/// Width in points of a run of UTF-8 text in some fixed font and size.
using MeasureText = std::function<float(std::string_view)>;

/// Breaks UTF-8 `text` into lines no wider than `width`. Lines break at spaces; a newline forces a
/// break; a word wider than a whole line breaks after a hyphen if one fits, otherwise between
/// characters (never inside a UTF-8 sequence). Runs of spaces collapse to one. Empty text gives no
/// lines. We break lines ourselves because libharu's TextRect cannot tell us heights in advance.
/// `firstIndent` narrows only the first line (room for a label set before it).
std::vector<std::string> wrapText(std::string_view text, float width, const MeasureText& measure,
                                  float firstIndent = 0.0F);

/// Number of bytes of the UTF-8 sequence starting with `lead` (1 for a stray continuation byte).
std::size_t utf8SequenceLength(unsigned char lead) noexcept;

/// Decodes the code point of the UTF-8 sequence at `i` and moves `i` past it (a sequence cut short
/// by the end of the text ends there).
char32_t nextCodePoint(std::string_view text, std::size_t& i) noexcept;

} // namespace hiprx::render
