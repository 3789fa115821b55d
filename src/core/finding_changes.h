// SPDX-License-Identifier: GPL-3.0-or-later
//
// The findings history does not chart — strength grades, special tests, trunk endurance holds and
// balance — then and now, so that a gluteus medius going 3+ → 4 or an Ober test going positive →
// negative is seen at the follow-up. Each value is compared with the latest earlier visit that
// recorded it and with the first (its baseline). Pure.
//
// What counts as a real change:
// - strength: two or more steps of the graded scale (3+ → 4, 4 → 5−); a single step (4− → 4) is
//   within the test's error, as manual muscle testing is reliable only to about a grade;
// - positive/negative tests: any change of result;
// - angle tests (straight-leg raise, 90/90 popliteal angle): the goniometric change threshold for
//   hip flexion (core::changeThreshold), the same rule as the charted movements;
// - endurance holds, single-leg stance: the change in seconds, with no verdict (no validated
//   minimal change is recorded here); falls: any increase is worse.
#pragma once

#include "core/assessment.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hiprx::core {

enum class FindingGroup { Strength, SpecialTest, Endurance, Balance };

/// Which way a finding moved; Changed = moved, with no verdict.
enum class FindingDirection { Better, Same, Worse, Changed };

struct FindingStep {
    std::string from;            ///< the earlier value in words: "3+", "positive", "40 s"
    std::size_t fromVisit = 0;   ///< index of that visit
    FindingDirection direction = FindingDirection::Same;
    std::string text;            ///< "from 3+: stronger", "from positive: now negative", "from 40 s: +12 s"
};

struct FindingRow {
    FindingGroup group = FindingGroup::Strength;
    std::string key;   ///< exchange path, e.g. "strength.right.gluteus_medius"
    std::string label; ///< "gluteus medius (right)"
    std::string value; ///< "4", "negative", "62° (reproduces leg pain)", "52 s"
    std::optional<FindingStep> sincePrevious;
    std::optional<FindingStep> sinceBaseline; ///< nothing at the baseline itself
};

/// The findings of visits[index] in display order (strength, tests, endurance, balance), each with
/// its changes against the earlier visits in `visits` (oldest first).
std::vector<FindingRow> findingRows(std::span<const Assessment> visits, std::size_t index);

/// "stronger"/"weaker"-style words for a direction in its group ("better", "same", …).
std::string_view directionWord(FindingGroup group, FindingDirection direction) noexcept;

} // namespace hiprx::core
