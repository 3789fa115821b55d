// SPDX-License-Identifier: GPL-3.0-or-later
//
// A patient's progress over their visits: one series per measure (each hip movement per side, the
// three pain ratings, LEFS, PSFS), the change of every value since the baseline and since the
// previous visit with a verdict, and the alerts a therapist must see. A change only earns
// "improved" or "worse" when it reaches the measure's minimal detectable / clinically important
// change; anything smaller is "within measurement error" (Pua 2008 and Poulsen 2012 for range of motion; Childs 2005, Binkley 1999, Stratford 1995 for the scores). Pure.
#pragma once

#include "core/assessment.h"
#include "core/norms.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::core {

/// One visit's findings as history sees them.
struct DatedAssessment {
    std::int64_t visitId = 0;
    Assessment assessment;
};

/// What a measure is: a hip movement on one side, a pain rating, or an outcome score.
enum class MeasureKind { Rom, NprsNow, NprsWorst24h, NprsBest24h, Lefs, Psfs };

struct MeasureId {
    MeasureKind kind = MeasureKind::Rom;
    Movement movement = Movement::HipFlexion; ///< only for Rom
    Side side = Side::Left;                   ///< only for Rom

    /// The exchange-format path: `rom.left.hip_flexion`, `pain.nprs_now`, `outcomes.lefs`,
    /// `outcomes.psfs`.
    std::string key() const;
    /// Clinician-facing: "hip flexion (left)", "pain now (NPRS)", "LEFS", "PSFS".
    std::string label() const;
    /// "°", "/10", "/80".
    std::string_view unit() const noexcept;
    /// True when a larger value is better (range of motion, LEFS, PSFS); false for pain.
    bool higherIsBetter() const noexcept;

    friend bool operator==(const MeasureId&, const MeasureId&) = default;
};

/// improved / worse only when the change reaches the measure's threshold.
enum class Verdict { Improved, WithinError, Worse };
template <> std::span<const VocabEntry<Verdict>> vocabulary<Verdict>() noexcept;

/// "improved", "within measurement error", "worse".
std::string_view verdictText(Verdict verdict) noexcept;
/// "improved", "within_error", "worse" (JSON).
std::string_view verdictId(Verdict verdict) noexcept;

/// The smallest change that counts as real for a measure. For range of motion it is the
/// goniometric MDC95 (Pua 2008) when the same clinician measured both times, and 20° between
/// different clinicians (Poulsen 2012: inter-rater limits of agreement reach about ±20°).
double changeThreshold(const MeasureId& measure, bool sameRater);

/// Inter-rater threshold for range of motion (Poulsen 2012, BMC Musculoskelet Disord): between two
/// clinicians a change under about 20° cannot be trusted for flexion, extension and abduction, and the
/// limits of agreement for rotation are wider still (internal rotation −28° to +12° between
/// orthopaedists, −25° to +30° between chiropractors), so rotation needs 30°.
constexpr int kInterRaterRomChange = 20;
constexpr int kInterRaterRotationChange = 30;

/// The verdict for a change from `from` to `to`: improved or worse when |to − from| ≥ threshold
/// in the better or worse direction of the measure, otherwise within measurement error.
Verdict judgeChange(const MeasureId& measure, double from, double to, double threshold);

struct Change {
    double from = 0;
    double to = 0;
    double delta = 0;     ///< to − from
    double threshold = 0; ///< the change that would have counted
    Verdict verdict = Verdict::WithinError;
    std::size_t fromVisit = 0; ///< index into History::visits of the value compared with
};

/// One measured value at one visit with its changes.
struct MeasureValue {
    MeasureId measure;
    double value = 0;
    std::optional<Change> sinceBaseline; ///< nothing at the baseline itself
    std::optional<Change> sincePrevious; ///< against the latest earlier visit that recorded it
};

enum class AlertKind { SeverePain, PainIncrease, FunctionDecline, NewRedFlag };
template <> std::span<const VocabEntry<AlertKind>> vocabulary<AlertKind>() noexcept;

/// Something the therapist must look at before going on with the program.
struct Alert {
    AlertKind kind = AlertKind::SeverePain;
    std::string measure; ///< key of the measure, or the red-flag id
    std::string message; ///< one line for the clinician, without patient identity
};

/// "severe_pain", "pain_increase", "function_decline", "new_red_flag".
std::string_view alertId(AlertKind kind) noexcept;

/// Worst pain from this value on is an alert (NPRS ≥ 7 is the high-irritability band, Kelley 2013, JOSPT).
constexpr int kSeverePainNprs = 7;

struct VisitProgress {
    std::int64_t visitId = 0;
    std::optional<Date> date;
    std::string clinician;
    std::vector<MeasureValue> values; ///< in the order of History::series
    std::vector<Alert> alerts;
    std::vector<PainArea> painAreas;  ///< the body chart of that visit
    Balance balance;                  ///< falls and single-leg stance of that visit
    bool redFlagsScreened = false;    ///< the red-flag screen was done (ticked or "none")
};

/// One line for a visit's pain areas in words ("outer hip, left; low back, middle"); empty when none.
std::string painAreasText(const std::vector<PainArea>& areas);
/// One line for a visit's balance ("1 fall in the past year; single-leg stance left 4 s, right 6 s");
/// empty when nothing was recorded.
std::string balanceText(const Balance& balance);

/// One measure over all visits, for charts: `values[i]` belongs to `visits[i]`.
struct Series {
    MeasureId measure;
    std::vector<std::optional<double>> values;
    /// For range of motion: the band a normal hip falls in under the chosen norm set (from the
    /// "limited below" threshold to the norm); nothing for other measures.
    std::optional<double> normLow;
    std::optional<double> normHigh;
};

struct History {
    std::vector<VisitProgress> visits; ///< oldest first
    std::vector<Series> series;        ///< only measures recorded at least once

    /// The alerts of the latest visit (empty without visits).
    const std::vector<Alert>& latestAlerts() const;
    /// The series of a measure, or null when it was never recorded.
    const Series* find(const MeasureId& measure) const;
};

/// Builds the history. Visits are ordered by date (undated ones last) then by visit id; the
/// baseline of a measure is the first visit that recorded it. Outcome questionnaires that cannot
/// be scored (too many missing LEFS items) are left out of the series.
History buildHistory(std::vector<DatedAssessment> visits, NormSet norms = kDefaultNormSet);

/// Every measure history knows, in display order (movements left then right, pain, outcomes).
std::vector<MeasureId> allMeasures();

} // namespace hiprx::core
