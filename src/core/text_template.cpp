// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text_template.h"

#include <cctype>

namespace hiprx::core {

std::string fillPlaceholders(std::string_view pattern,
                             std::initializer_list<std::pair<std::string_view, std::string_view>> values)
{
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view key = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [name, value] : values)
                    if (name == key) {
                        out += value;
                        replaced = true;
                        break;
                    }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace hiprx::core
