// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/finding_changes.h"

#include "core/progress.h"
#include "core/vocabulary.h"

#include <cmath>
#include <map>

namespace hiprx::core {

namespace {

/// How two values of one finding compare.
enum class Scale {
    Grade,       ///< strength ordinal, higher is better, 2 steps count
    Result,      ///< positive (1) / negative (0): negative is better, any change counts
    AngleHigher, ///< degrees, higher is better (straight-leg raise)
    AngleLower,  ///< degrees, lower is better (popliteal angle: degrees short of full extension)
    Seconds,     ///< a hold or stance time: no verdict
    Falls,       ///< a count where any increase is worse
};

struct Entry {
    FindingGroup group;
    std::string key;
    std::string label;
    std::string value;
    Scale scale;
    double number = 0;
};

constexpr int kStrengthStepsThatCount = 2;

std::string sided(std::string_view label, Side side)
{
    return std::string(label) + " (" + std::string(core::label(side)) + ")";
}

std::string seconds(int s) { return std::to_string(s) + " s"; }

std::vector<Entry> entriesOf(const Assessment& a)
{
    std::vector<Entry> out;
    for (const auto& muscle : vocabulary<StrengthMuscle>())
        for (Side side : kSides)
            if (const auto it = a.strength[side].find(muscle.value); it != a.strength[side].end())
                out.push_back({FindingGroup::Strength,
                               "strength." + std::string(vocabulary<Side>()[side == Side::Left ? 0 : 1].id) + "." +
                                   std::string(muscle.id),
                               sided(muscle.label, side), it->second.text(), Scale::Grade,
                               static_cast<double>(it->second.ordinal())});
    for (const auto& test : vocabulary<SpecialTest>())
        for (Side side : kSides)
            if (const auto it = a.tests[side].find(test.value); it != a.tests[side].end()) {
                const TestResult& r = it->second;
                Entry e{FindingGroup::SpecialTest,
                        "tests." + std::string(vocabulary<Side>()[side == Side::Left ? 0 : 1].id) + "." +
                            std::string(test.id),
                        sided(test.label, side), "", Scale::Result, 0};
                if (r.kind == TestResult::Kind::Angle) {
                    e.value = std::to_string(r.angle) + "°" + (r.reproducesLegPain ? " (reproduces leg pain)" : "");
                    e.scale = test.value == SpecialTest::PoplitealAngle ? Scale::AngleLower : Scale::AngleHigher;
                    e.number = r.angle;
                } else {
                    const bool positive = r.kind == TestResult::Kind::Positive;
                    e.value = positive ? "positive" : "negative";
                    e.number = positive ? 1 : 0;
                }
                out.push_back(std::move(e));
            }
    auto hold = [&](const std::optional<int>& v, std::string key, std::string label) {
        if (v)
            out.push_back({FindingGroup::Endurance, std::move(key), std::move(label), seconds(*v), Scale::Seconds,
                           static_cast<double>(*v)});
    };
    hold(a.endurance.plankHoldS, "endurance.plank_hold_s", "plank hold");
    hold(a.endurance.sideBridgeHoldS.left, "endurance.side_bridge_hold_s.left", "side bridge hold (left)");
    hold(a.endurance.sideBridgeHoldS.right, "endurance.side_bridge_hold_s.right", "side bridge hold (right)");
    hold(a.endurance.trunkFlexorHoldS, "endurance.trunk_flexor_hold_s", "trunk flexor hold");
    hold(a.endurance.trunkExtensorHoldS, "endurance.trunk_extensor_hold_s", "trunk extensor hold");
    if (a.balance.fallsPastYear)
        out.push_back({FindingGroup::Balance, "balance.falls_past_year", "falls in the past year",
                       std::to_string(*a.balance.fallsPastYear), Scale::Falls,
                       static_cast<double>(*a.balance.fallsPastYear)});
    for (Side side : kSides)
        if (const auto& s = a.balance.singleLegStanceS[side])
            out.push_back({FindingGroup::Balance,
                           "balance.single_leg_stance_s." +
                               std::string(vocabulary<Side>()[side == Side::Left ? 0 : 1].id),
                           sided("single-leg stance", side), seconds(*s), Scale::Seconds, static_cast<double>(*s)});
    return out;
}

std::string signedNumber(double v, std::string_view unit)
{
    const long n = std::lround(v);
    return (n > 0 ? "+" : n < 0 ? "−" : "±") + std::to_string(std::labs(n)) + std::string(unit);
}

FindingStep step(const Entry& then, const Entry& now, std::size_t fromVisit, bool sameRater)
{
    FindingStep s;
    s.from = then.value;
    s.fromVisit = fromVisit;
    const double delta = now.number - then.number;
    switch (now.scale) {
    case Scale::Grade:
        s.direction = delta >= kStrengthStepsThatCount    ? FindingDirection::Better
                      : delta <= -kStrengthStepsThatCount ? FindingDirection::Worse
                                                          : FindingDirection::Same;
        break;
    case Scale::Result:
        s.direction = delta < 0 ? FindingDirection::Better : delta > 0 ? FindingDirection::Worse : FindingDirection::Same;
        break;
    case Scale::AngleHigher:
    case Scale::AngleLower: {
        const double threshold = changeThreshold(MeasureId{MeasureKind::Rom, Movement::HipFlexion, Side::Left}, sameRater);
        const double better = now.scale == Scale::AngleHigher ? delta : -delta;
        s.direction = better >= threshold ? FindingDirection::Better
                      : better <= -threshold ? FindingDirection::Worse
                                             : FindingDirection::Same;
        break;
    }
    case Scale::Seconds:
        s.direction = delta == 0 ? FindingDirection::Same : FindingDirection::Changed;
        break;
    case Scale::Falls:
        s.direction = delta > 0 ? FindingDirection::Worse : FindingDirection::Same;
        break;
    }
    std::string how;
    if (now.scale == Scale::Seconds || now.scale == Scale::Falls)
        how = delta == 0 ? "no change" : signedNumber(delta, now.scale == Scale::Seconds ? " s" : "");
    else if (now.scale == Scale::AngleHigher || now.scale == Scale::AngleLower)
        how = signedNumber(delta, "°") + ", " + std::string(directionWord(now.group, s.direction));
    else
        how = std::string(directionWord(now.group, s.direction));
    if (now.scale == Scale::Result && s.direction != FindingDirection::Same)
        how = "now " + now.value;
    s.text = "from " + then.value + ": " + how;
    return s;
}

} // namespace

std::string_view directionWord(FindingGroup group, FindingDirection direction) noexcept
{
    switch (direction) {
    case FindingDirection::Better: return group == FindingGroup::Strength ? "stronger" : "better";
    case FindingDirection::Worse: return group == FindingGroup::Strength ? "weaker" : "worse";
    case FindingDirection::Same:
        return group == FindingGroup::Strength || group == FindingGroup::SpecialTest ? "within testing error"
                                                                                    : "no change";
    case FindingDirection::Changed: return "changed";
    }
    return "";
}

std::vector<FindingRow> findingRows(std::span<const Assessment> visits, std::size_t index)
{
    std::vector<FindingRow> rows;
    if (index >= visits.size())
        return rows;
    std::vector<std::vector<Entry>> all;
    all.reserve(index + 1);
    for (std::size_t i = 0; i <= index; ++i)
        all.push_back(entriesOf(visits[i]));
    const Assessment& current = visits[index];
    for (const Entry& now : all[index]) {
        FindingRow row{now.group, now.key, now.label, now.value, std::nullopt, std::nullopt};
        std::optional<std::size_t> previous;
        std::optional<std::size_t> baseline;
        const Entry* previousEntry = nullptr;
        const Entry* baselineEntry = nullptr;
        for (std::size_t i = 0; i < index; ++i)
            for (const Entry& e : all[i])
                if (e.key == now.key) {
                    if (!baseline) {
                        baseline = i;
                        baselineEntry = &e;
                    }
                    previous = i;
                    previousEntry = &e;
                }
        if (previousEntry) {
            const bool sameRater = !current.visit.clinician.empty() &&
                                   visits[*previous].visit.clinician == current.visit.clinician;
            row.sincePrevious = step(*previousEntry, now, *previous, sameRater);
        }
        if (baselineEntry) {
            const bool sameRater = !current.visit.clinician.empty() &&
                                   visits[*baseline].visit.clinician == current.visit.clinician;
            row.sinceBaseline = step(*baselineEntry, now, *baseline, sameRater);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace hiprx::core
