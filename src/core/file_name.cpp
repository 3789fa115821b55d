// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/file_name.h"

namespace hiprx::core {

namespace {

constexpr std::size_t kMaxNameBytes = 80;

/// Unsafe characters to spaces, runs of spaces to one, no leading/trailing spaces or dots.
std::string cleaned(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unsafe = u < 0x20 || u == 0x7f || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        const char put = unsafe ? ' ' : c;
        if (put == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += put;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.'))
        out.pop_back();
    while (!out.empty() && out.front() == '.')
        out.erase(0, 1);
    return out;
}

/// At most `bytes` bytes of UTF-8 `text`, never splitting a character.
std::string cut(std::string text, std::size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    text.resize(end);
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

} // namespace

std::string documentFileName(std::string_view patientName, std::string_view document, std::optional<Date> date)
{
    std::string name;
    if (const std::string who = cut(cleaned(patientName), kMaxNameBytes); !who.empty())
        name = who + " - ";
    name += cleaned(document);
    if (date)
        name += " - " + date->iso();
    return name + ".pdf";
}

} // namespace hiprx::core
