// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outcomes.h"

#include <string>

namespace hiprx::core {

std::optional<LefsScore> scoreLefs(const std::vector<std::optional<int>>& items)
{
    if (items.empty())
        return std::nullopt;
    if (items.size() != kLefsItemCount)
        throw InputError("outcomes.lefs", "outcomes.lefs: " + std::to_string(items.size()) +
                                              " items given, the LEFS has " + std::to_string(kLefsItemCount));
    int sum = 0;
    int answered = 0;
    std::vector<FieldProblem> problems;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i])
            continue;
        const int v = *items[i];
        if (!kLefsItemRange.contains(v)) {
            problems.push_back(
                outsideRangeProblem("outcomes.lefs[" + std::to_string(i) + "]", v, kLefsItemRange));
            continue;
        }
        sum += v;
        ++answered;
    }
    if (!problems.empty())
        throw InputError(std::move(problems));
    const int count = static_cast<int>(kLefsItemCount);
    if (count - answered > kLefsMaxMissing)
        return std::nullopt;
    LefsScore score;
    score.answered = answered;
    score.prorated = answered < count;
    // Integer rounding half up of sum × 20 / answered, so the result never depends on floating point.
    score.total = score.prorated ? (2 * sum * count + answered) / (2 * answered) : sum;
    return score;
}

std::optional<PsfsScore> scorePsfs(const std::vector<PsfsItem>& items)
{
    if (items.size() > kPsfsMaxItems)
        throw InputError("outcomes.psfs", "outcomes.psfs: " + std::to_string(items.size()) +
                                              " activities given, at most " + std::to_string(kPsfsMaxItems));
    int sum = 0;
    int rated = 0;
    std::vector<FieldProblem> problems;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].score)
            continue;
        const int v = *items[i].score;
        if (!kPsfsScoreRange.contains(v)) {
            problems.push_back(
                outsideRangeProblem("outcomes.psfs[" + std::to_string(i) + "].score", v, kPsfsScoreRange));
            continue;
        }
        sum += v;
        ++rated;
    }
    if (!problems.empty())
        throw InputError(std::move(problems));
    if (rated == 0)
        return std::nullopt;
    return PsfsScore{static_cast<double>(sum) / rated, rated};
}

} // namespace hiprx::core
