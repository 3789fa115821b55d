// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/assessment_words.h"

#include "core/progress.h"

namespace hiprx::app {

std::string painAreaText(const core::PainArea& area)
{
    const std::string side =
        area.side == core::BodySide::Central ? std::string("middle") : std::string(core::label(area.side));
    return std::string(core::label(area.region)) + ", " + side;
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

std::string progressionStepText(core::ProgressionStep step)
{
    switch (step) {
    case core::ProgressionStep::Regress: return "regress (make the exercises easier)";
    case core::ProgressionStep::Hold: return "hold (keep the exercises as they are)";
    case core::ProgressionStep::Progress: return "progress (make the exercises harder)";
    case core::ProgressionStep::Refer: return "refer (a doctor should see the patient first)";
    }
    return std::string(core::progressionStepId(step));
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
