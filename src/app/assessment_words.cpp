// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/assessment_words.h"

namespace hiprx::app {

std::string painAreaText(const core::PainArea& area)
{
    const std::string side =
        area.side == core::BodySide::Central ? std::string("middle") : std::string(core::label(area.side));
    return std::string(core::label(area.region)) + ", " + side;
}

std::string painAreasText(const std::vector<core::PainArea>& areas)
{
    std::string text;
    for (const auto& area : areas)
        text += (text.empty() ? "" : "; ") + painAreaText(area);
    return text;
}

std::string balanceText(const core::Balance& balance)
{
    std::string text;
    if (balance.fallsPastYear)
        text = std::to_string(*balance.fallsPastYear) +
               (*balance.fallsPastYear == 1 ? " fall" : " falls") + " in the past year";
    std::string stance;
    for (core::Side side : core::kSides)
        if (const auto& s = balance.singleLegStanceS[side])
            stance += (stance.empty() ? "" : ", ") + std::string(core::label(side)) + " " + std::to_string(*s) + " s";
    if (!stance.empty())
        text += (text.empty() ? "" : "; ") + ("single-leg stance " + stance);
    return text;
}

std::string redFlagScreenText(const core::Assessment& assessment)
{
    if (!assessment.redFlags.empty()) {
        std::string flags;
        for (core::RedFlag flag : assessment.redFlags)
            flags += (flags.empty() ? "" : ", ") + std::string(core::label(flag));
        return "red flags: " + flags;
    }
    return assessment.redFlagsScreened ? "red flags screened: none" : "red flags not screened";
}

namespace {

bool idChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

template <typename E>
void replaceIds(std::string& text)
{
    for (const auto& entry : core::vocabulary<E>()) {
        const std::string id(entry.id);
        const std::string label(entry.label);
        for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at)) {
            const bool start = at == 0 || !idChar(text[at - 1]);
            const bool end = at + id.size() == text.size() || !idChar(text[at + id.size()]);
            if (start && end) {
                text.replace(at, id.size(), label);
                at += label.size();
            } else {
                at += id.size();
            }
        }
    }
}

} // namespace

std::string idsInWords(std::string text)
{
    replaceIds<core::SpecialTest>(text);
    replaceIds<core::Movement>(text);
    for (const auto& [id, words] : {std::pair<std::string, std::string>{"falls_past_year", "falls in the past year"},
                                    {"single_leg_stance_s", "single-leg stance"}})
        for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + words.size()))
            text.replace(at, id.size(), words);
    return text;
}

std::string painAreaId(const core::PainArea& area)
{
    return std::string(core::toId(area.region)) + "." + std::string(core::toId(area.side));
}

std::optional<core::PainArea> painAreaFromId(const std::string& id)
{
    const auto dot = id.find('.');
    if (dot == std::string::npos)
        return std::nullopt;
    const auto region = core::fromId<core::BodyRegion>(id.substr(0, dot));
    const auto side = core::fromId<core::BodySide>(id.substr(dot + 1));
    if (!region || !side)
        return std::nullopt;
    return core::PainArea{*region, *side};
}

} // namespace hiprx::app
