// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/name_key.h"

#include <array>
#include <cstdint>

namespace hiprx::store {

namespace {

// U+00C0 … U+00FF (Latin-1 Supplement letters). nullptr: keep the character (× and ÷).
constexpr std::array<const char*, 64> kLatin1{
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",  // À–Ï
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss", // Ð–ß
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",  // à–ï
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",  // ð–ÿ
};

// U+0100 … U+017F (Latin Extended-A), in code point order.
constexpr std::array<const char*, 128> kLatinExtendedA{
    "a", "a", "a",  "a",  "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", // Ā–ď
    "d", "d", "e",  "e",  "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", // Đ–ğ
    "g", "g", "g",  "g",  "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", // Ġ–į
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", // İ–Ŀ
    "l", "l", "l",  "n",  "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", // ŀ–ŏ
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", // Ő–ş
    "s", "s", "t",  "t",  "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", // Š–ů
    "u", "u", "u",  "u",  "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", // Ű–ſ
};

/// Decodes one UTF-8 sequence at `i`; returns U+FFFD for an invalid one and always advances.
char32_t decode(std::string_view text, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
    } else {
        ++i;
        return U'\uFFFD';
    }
    if (i + length > text.size()) {
        ++i;
        return U'\uFFFD';
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return U'\uFFFD';
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

void encode(char32_t cp, std::string& out)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isWordBreak(char32_t cp)
{
    switch (cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'-':
    case U'\'':
    case U',':
    case U'.':
    case U'\u00A0': // no-break space
    case U'\u2010':
    case U'\u2011':
    case U'\u2013':
    case U'\u2014': // hyphens and dashes
    case U'\u2018':
    case U'\u2019':
    case U'\u02BC': // typographic apostrophes
        return true;
    default:
        return false;
    }
}

/// Greek: lower case without tonos or dialytika; final sigma as sigma.
char32_t foldGreek(char32_t cp)
{
    switch (cp) {
    case U'\u0386':
    case U'\u03AC':
        return U'\u03B1'; // ά
    case U'\u0388':
    case U'\u03AD':
        return U'\u03B5'; // έ
    case U'\u0389':
    case U'\u03AE':
        return U'\u03B7'; // ή
    case U'\u038A':
    case U'\u03AF':
    case U'\u03AA':
    case U'\u03CA':
    case U'\u0390':
        return U'\u03B9';
    case U'\u038C':
    case U'\u03CC':
        return U'\u03BF'; // ό
    case U'\u038E':
    case U'\u03CD':
    case U'\u03AB':
    case U'\u03CB':
    case U'\u03B0':
        return U'\u03C5';
    case U'\u038F':
    case U'\u03CE':
        return U'\u03C9'; // ώ
    case U'\u03C2':
        return U'\u03C3'; // ς
    default:
        break;
    }
    if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2)
        return cp + 0x20;
    return cp;
}

/// Cyrillic: lower case; ё as е, as Russian readers search.
char32_t foldCyrillic(char32_t cp)
{
    if (cp == 0x0401 || cp == 0x0451)
        return 0x0435;
    if (cp >= 0x0410 && cp <= 0x042F)
        return cp + 0x20;
    if (cp >= 0x0400 && cp <= 0x040F)
        return cp + 0x50;
    return cp;
}

} // namespace

std::string nameKey(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingBreak = false;
    auto startWord = [&] {
        if (pendingBreak && !out.empty())
            out += ' ';
        pendingBreak = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = decode(text, i);
        if (cp == U'\uFFFD' || (cp >= 0x0300 && cp <= 0x036F) || cp < 0x20)
            continue; // invalid bytes, combining accents (decomposed input), control characters
        if (isWordBreak(cp)) {
            pendingBreak = true;
            continue;
        }
        startWord();
        if (cp >= U'A' && cp <= U'Z') {
            out += static_cast<char>(cp - U'A' + U'a');
        } else if (cp >= 0x00C0 && cp <= 0x00FF && kLatin1[cp - 0x00C0] != nullptr) {
            out += kLatin1[cp - 0x00C0];
        } else if (cp >= 0x0100 && cp <= 0x017F) {
            out += kLatinExtendedA[cp - 0x0100];
        } else if (cp >= 0x0370 && cp <= 0x03FF) {
            encode(foldGreek(cp), out);
        } else if (cp >= 0x0400 && cp <= 0x04FF) {
            encode(foldCyrillic(cp), out);
        } else {
            encode(cp, out);
        }
    }
    return out;
}

} // namespace hiprx::store
