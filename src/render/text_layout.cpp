// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/text_layout.h"

#include <algorithm>

namespace hiprx::render {
namespace {

std::vector<std::string_view> splitWords(std::string_view paragraph)
{
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < paragraph.size()) {
        while (i < paragraph.size() && (paragraph[i] == ' ' || paragraph[i] == '\t' || paragraph[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < paragraph.size() && paragraph[i] != ' ' && paragraph[i] != '\t' && paragraph[i] != '\r')
            ++i;
        if (i > start)
            words.push_back(paragraph.substr(start, i - start));
    }
    return words;
}

// The longest head of `word` that fits `width`: up to and including a hyphen when one fits,
// otherwise whole characters. Always at least one character, so the caller makes progress.
std::size_t fittingHead(std::string_view word, float width, const MeasureText& measure)
{
    std::size_t fits = 0;
    std::size_t lastHyphenEnd = 0;
    std::size_t i = 0;
    while (i < word.size()) {
        const std::size_t next =
            std::min(word.size(), i + utf8SequenceLength(static_cast<unsigned char>(word[i])));
        if (measure(word.substr(0, next)) > width)
            break;
        fits = next;
        if (word[i] == '-' && next < word.size())
            lastHyphenEnd = next;
        i = next;
    }
    if (lastHyphenEnd > 0)
        return lastHyphenEnd;
    if (fits == 0)
        fits = std::min(word.size(), utf8SequenceLength(static_cast<unsigned char>(word[0])));
    return fits;
}

void wrapParagraph(std::string_view paragraph, float fullWidth, float firstWidth, const MeasureText& measure,
                   float spaceWidth, std::vector<std::string>& lines)
{
    const std::size_t before = lines.size();
    std::string line;
    // Only the paragraph's first line may be narrower.
    const auto widthNow = [&] { return lines.size() == before ? firstWidth : fullWidth; };
    float lineWidth = 0.0F;
    for (std::string_view word : splitWords(paragraph)) {
        float wordWidth = measure(word);
        if (!line.empty() && lineWidth + spaceWidth + wordWidth <= widthNow()) {
            line += ' ';
            line += word;
            lineWidth += spaceWidth + wordWidth;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(std::move(line));
            line.clear();
        }
        // A first line narrowed by a label may stay empty when the word fits a full line.
        if (lines.size() == before && wordWidth > firstWidth && wordWidth <= fullWidth &&
            firstWidth < fullWidth)
            lines.emplace_back();
        while (wordWidth > widthNow() && !word.empty()) {
            const std::size_t head = fittingHead(word, widthNow(), measure);
            lines.emplace_back(word.substr(0, head));
            word.remove_prefix(head);
            wordWidth = measure(word);
        }
        line = std::string(word);
        lineWidth = wordWidth;
    }
    if (!line.empty())
        lines.push_back(std::move(line));
}

} // namespace

std::size_t utf8SequenceLength(unsigned char lead) noexcept
{
    if (lead >= 0xF0)
        return 4;
    if (lead >= 0xE0)
        return 3;
    if (lead >= 0xC0)
        return 2;
    return 1;
}

char32_t nextCodePoint(std::string_view text, std::size_t& i) noexcept
{
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = std::min(text.size() - i, utf8SequenceLength(lead));
    char32_t code = length == 1 ? lead : lead & (0xFFU >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
    i += length;
    return code;
}

std::vector<std::string> wrapText(std::string_view text, float width, const MeasureText& measure,
                                  float firstIndent)
{
    std::vector<std::string> lines;
    const float spaceWidth = measure(" ");
    bool first = true;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        wrapParagraph(text.substr(0, newline), width, first ? width - firstIndent : width, measure,
                      spaceWidth, lines);
        first = false;
        if (newline == std::string_view::npos)
            break;
        text.remove_prefix(newline + 1);
    }
    return lines;
}

} // namespace hiprx::render
