// SPDX-License-Identifier: GPL-3.0-or-later
//
// The findings of one visit, mirroring the `hiprx-assessment/1` exchange format section by section.
// Everything is optional except the patient's name: a therapist records what was examined, and an
// absent value means "not tested", never "normal".
#pragma once

#include "core/date.h"
#include "core/error.h"
#include "core/norms.h"
#include "core/vocabulary.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

/// A value recorded separately for the left and the right side.
template <typename T>
struct PerSide {
    T left{};
    T right{};

    T& operator[](Side side) noexcept { return side == Side::Left ? left : right; }
    const T& operator[](Side side) const noexcept { return side == Side::Left ? left : right; }

    friend bool operator==(const PerSide&, const PerSide&) = default;
};

/// Oxford/MRC manual muscle test grade with optional + or − (0, 1, 2, 3−, 3, 3+, 4−, 4, 4+, 5−, 5 and
/// the other +/- steps between 1 and 4).
struct StrengthGrade {
    int base = 5;     ///< 0…5
    int modifier = 0; ///< −1, 0 or +1

    /// Parses "3", "3+", "4-" (also the Unicode minus "4−"); nothing for anything else, "0-" or "5+".
    static std::optional<StrengthGrade> parse(std::string_view text);
    /// "3+", "4-", "5".
    std::string text() const;
    /// Ordinal for comparisons: 3− < 3 < 3+ < 4−.
    int ordinal() const noexcept { return base * 3 + modifier; }

    friend bool operator==(const StrengthGrade&, const StrengthGrade&) = default;
};

/// A special-test result: positive, negative, or a measured angle for angle tests (`slr`,
/// `popliteal_angle`).
struct TestResult {
    enum class Kind { Positive, Negative, Angle };
    Kind kind = Kind::Negative;
    int angle = 0; ///< degrees, only meaningful when kind == Angle
    /// For an angle: the test reproduced the patient's leg pain (radicular signs), as recorded with
    /// `{"angle": 40, "reproduces_leg_pain": true}`.
    bool reproducesLegPain = false;

    static TestResult positive() { return {Kind::Positive, 0, false}; }
    static TestResult negative() { return {Kind::Negative, 0, false}; }
    static TestResult degrees(int value, bool reproducesLegPain = false)
    {
        return {Kind::Angle, value, reproducesLegPain};
    }

    bool isPositive() const noexcept { return kind == Kind::Positive; }
    std::optional<int> measured() const noexcept
    {
        return kind == Kind::Angle ? std::optional<int>(angle) : std::nullopt;
    }

    friend bool operator==(const TestResult&, const TestResult&) = default;
};

/// True for tests whose result is normally a measured angle.
bool isAngleTest(SpecialTest test) noexcept;

struct Patient {
    std::int64_t id = 0;        ///< database id; 0 until stored
    std::string externalId;     ///< the clinic's own record number, optional
    std::string name;           ///< required
    std::optional<Date> birthDate;
    Sex sex = Sex::Unknown;
    std::string email;
    std::string phone;

    friend bool operator==(const Patient&, const Patient&) = default;
};

struct VisitInfo {
    std::optional<Date> date;
    std::string clinician;
    std::optional<AffectedSide> affectedSide;
    std::string complaint;
    std::string notes;
    /// The clinician's own words for the record (visit note, progress report): what they make of
    /// the findings, what they will do, and the goals agreed with the patient. Free text.
    std::string impression;
    std::string plan;
    std::string goals;
    /// The reference norms the findings were read against, recorded so that every desk and every
    /// later re-reading uses the same set. Nothing in files from before it was recorded.
    std::optional<NormSet> normSet;

    friend bool operator==(const VisitInfo&, const VisitInfo&) = default;
};

/// One area of the body chart.
struct PainArea {
    BodyRegion region = BodyRegion::Lumbar;
    BodySide side = BodySide::Central;

    friend auto operator<=>(const PainArea&, const PainArea&) = default;
};

struct Pain {
    std::optional<int> nprsNow;      ///< 0–10
    std::optional<int> nprsBest24h;  ///< 0–10
    std::optional<int> nprsWorst24h; ///< 0–10
    std::optional<Irritability> irritability; ///< the clinician's judgement, when recorded
    std::vector<PainArea> areas; ///< the body chart, in the order marked; no duplicates

    friend bool operator==(const Pain&, const Pain&) = default;
};

struct Endurance {
    std::optional<int> plankHoldS;
    PerSide<std::optional<int>> sideBridgeHoldS;
    std::optional<int> trunkFlexorHoldS;
    std::optional<int> trunkExtensorHoldS;

    friend bool operator==(const Endurance&, const Endurance&) = default;
};

/// Falls and standing balance.
struct Balance {
    std::optional<int> fallsPastYear;               ///< 0–50
    PerSide<std::optional<int>> singleLegStanceS;   ///< eyes open, seconds (0–120)
    /// The clinician asked, and the hip or back pain began before the falls (so the falls did not
    /// cause it): a fall then calls for a falls assessment, not for a check for a fracture.
    bool painBeforeFalls = false;

    friend bool operator==(const Balance&, const Balance&) = default;
};

/// One Patient-Specific Functional Scale activity.
struct PsfsItem {
    std::string activity;
    std::optional<int> score; ///< 0 (unable) … 10 (as before the problem); missing when not rated

    friend bool operator==(const PsfsItem&, const PsfsItem&) = default;
};

struct Outcomes {
    /// LEFS item answers (0–4). Empty when the questionnaire was not given; otherwise 20 entries, an
    /// unanswered item is nothing.
    std::vector<std::optional<int>> lefs;
    std::vector<PsfsItem> psfs; ///< up to 5 activities

    friend bool operator==(const Outcomes&, const Outcomes&) = default;
};

/// Everything recorded at one visit: who, when, and every finding.
struct Assessment {
    Patient patient;
    VisitInfo visit;
    PerSide<std::map<Movement, int>> rom;
    std::optional<RotationPosition> rotationPosition;
    Pain pain;
    PerSide<std::map<SpecialTest, TestResult>> tests;
    PerSide<std::map<StrengthMuscle, StrengthGrade>> strength;
    Endurance endurance;
    Balance balance;
    std::set<RedFlag> redFlags;
    /// The red-flag screen was done. With no flag ticked this records a negative screen ("red flags
    /// screened: none"), which is not the same as a screen that was never done.
    bool redFlagsScreened = false;
    std::set<Precaution> precautions;
    Outcomes outcomes;

    /// Age in whole years on the visit date (or on `today` when the visit has no date); nothing
    /// without a birth date.
    std::optional<int> ageYears(const Date& today) const;

    friend bool operator==(const Assessment&, const Assessment&) = default;
};

/// Inclusive allowed range of a numeric field.
struct Range {
    int min;
    int max;
    bool contains(int v) const noexcept { return v >= min && v <= max; }
};

/// Plausible goniometric range for a movement (wider than any norm; it only catches typing errors).
Range romRange(Movement movement) noexcept;
/// Allowed range of a test's measured angle.
Range testAngleRange(SpecialTest test) noexcept;

constexpr Range kNprsRange{0, 10};
constexpr Range kEnduranceRange{0, 600};
constexpr Range kLefsItemRange{0, 4};
constexpr std::size_t kLefsItemCount = 20;
constexpr Range kPsfsScoreRange{0, 10};
constexpr Range kFallsRange{0, 50};
constexpr Range kSingleLegStanceRange{0, 120};
constexpr std::size_t kPsfsMaxItems = 5;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxTextLength = 4000;

/// "0–180" (en dash; a negative bound keeps its ASCII minus: "-45–60").
std::string rangeText(Range range);
/// The standard out-of-range problem: `path: value is outside min–max`.
FieldProblem outsideRangeProblem(const std::string& path, long long value, Range range);

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view text) noexcept;
/// Number of Unicode code points in well-formed UTF-8 (what length limits count).
std::size_t utf8Length(std::string_view text) noexcept;
/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces. It only
/// catches typing errors; it does not prove the address exists.
bool isEmailAddress(std::string_view text) noexcept;

/// Every problem with an assessment at once, each naming its field path and the allowed values
/// (`rom.left.hip_flexion: 400 is outside 0–180`). Empty when the assessment may be saved.
/// `today` bounds dates (no birth date or visit in the future).
std::vector<FieldProblem> validate(const Assessment& assessment, const Date& today);

/// Problems with the patient record alone (used when a patient is added or edited).
std::vector<FieldProblem> validatePatient(const Patient& patient, const Date& today,
                                          const std::string& prefix = "patient");

} // namespace hiprx::core
