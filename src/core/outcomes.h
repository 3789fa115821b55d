// SPDX-License-Identifier: GPL-3.0-or-later
//
// Scoring of the outcome questionnaires HipRx records: the Lower Extremity Functional Scale (LEFS)
// and the Patient-Specific Functional Scale (PSFS), with their missing-item rules and the change
// each needs before it counts as real (Binkley 1999, Phys Ther; Stratford 1995, Physiother Can; Childs 2005, Spine). The NPRS is a single number and needs no
// scoring. The ODI is deliberately absent: it is licensed (Mapi Research Trust).
#pragma once

#include "core/assessment.h"

#include <optional>
#include <vector>

namespace hiprx::core {

/// LEFS items that may be left blank before the questionnaire can no longer be scored. Up to four
/// (20 %) are prorated; with more, too little of the scale was answered to stand for the whole.
/// [R] This is the usual proration rule for patient-reported scales of this kind, recalled rather
/// than read in Binkley 1999 (no rule found in the sources HipRx used); check the primary text. Searched 2026-11-21:
/// the scoring descriptions found (RehabMeasures' LEFS entry, medicalalgorithms.com, the OSCAR LEFS
/// eForm, a Greek validation) only sum all 20 items and say nothing about unanswered ones, so the
/// rule stays unverified.
constexpr int kLefsMaxMissing = 4;
/// LEFS change that is both detectable and clinically important: 9 points (Binkley 1999, MDC90 and
/// MCID both 9).
constexpr int kLefsMinimalChange = 9;
constexpr int kLefsMaxTotal = 80;

/// PSFS change beyond measurement error (MDC90, Stratford 1995, Physiother Can): 2 points for the mean
/// score, 3 points for one activity.
constexpr double kPsfsMeanMinimalChange = 2.0;
constexpr double kPsfsItemMinimalChange = 3.0;

/// NPRS change that is meaningful for back pain: 2 points (Childs 2005, Spine: MDC 2, MCID about 2).
constexpr int kNprsMinimalChange = 2;

struct LefsScore {
    int total = 0;    ///< 0–80, higher is better; prorated when items are missing
    int answered = 0; ///< items answered (16–20)
    bool prorated = false;

    friend bool operator==(const LefsScore&, const LefsScore&) = default;
};

/// The LEFS total: the sum of the 20 items (0–4 each). With 1–4 items unanswered the sum is
/// prorated to 20 items (sum × 20 / answered, rounded half up). Nothing when the questionnaire
/// was not given (no items) or more than four items are missing. Throws InputError when an item is
/// outside 0–4 or the list does not have 20 entries.
std::optional<LefsScore> scoreLefs(const std::vector<std::optional<int>>& items);

struct PsfsScore {
    double mean = 0.0; ///< 0–10, higher is better
    int rated = 0;     ///< activities with a score

    friend bool operator==(const PsfsScore&, const PsfsScore&) = default;
};

/// The PSFS score: the mean of the rated activities (an activity named but not rated is left out).
/// Nothing when no activity is rated. Throws InputError when a score is outside 0–10 or there are
/// more than five activities.
std::optional<PsfsScore> scorePsfs(const std::vector<PsfsItem>& items);

} // namespace hiprx::core
