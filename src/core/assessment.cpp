// SPDX-License-Identifier: GPL-3.0-or-later
//
// Validation of recorded findings. The ranges here are deliberately wide: they exist to catch typing
// errors (400° of hip flexion, an NPRS of 11), never to judge whether a finding is clinically normal —
// that is analyze()'s job with the norms.
#include "core/assessment.h"

#include <string_view>

namespace hiprx::core {

namespace {

constexpr std::string_view kUnicodeMinus = "\xE2\x88\x92"; // U+2212, as typed by some keyboards

// Plausible limits for a birth date: nobody is treated at more than this age, so an older date is a
// typing error (1896 for 1996).
constexpr int kMaxAgeYears = 130;
constexpr std::size_t kMaxPhoneLength = 40;

bool isBlank(std::string_view text) noexcept
{
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    return true;
}

std::string quoted(std::string_view text)
{
    std::string out = "\"";
    out += text;
    out += '"';
    return out;
}

void add(std::vector<FieldProblem>& problems, std::string path, const std::string& message)
{
    std::string full = path + ": " + message;
    problems.push_back({std::move(path), std::move(full)});
}

/// Checks one free-text field: well-formed UTF-8, not longer than `maxLength` code points, and
/// present when `required`.
void checkText(std::vector<FieldProblem>& problems, const std::string& path, std::string_view text,
               std::size_t maxLength, bool required)
{
    if (!isValidUtf8(text)) {
        add(problems, path, "not valid UTF-8 text");
        return;
    }
    if (required && isBlank(text)) {
        add(problems, path, "required");
        return;
    }
    const std::size_t length = utf8Length(text);
    if (length > maxLength)
        add(problems, path,
            std::to_string(length) + " characters, at most " + std::to_string(maxLength));
}

void checkRange(std::vector<FieldProblem>& problems, const std::string& path, std::optional<int> value,
                Range range)
{
    if (value && !range.contains(*value))
        problems.push_back(outsideRangeProblem(path, *value, range));
}

bool isPhoneNumber(std::string_view text) noexcept
{
    bool digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (std::string_view(" +-()./").find(c) == std::string_view::npos)
            return false;
    }
    return digit;
}

bool isValidGrade(const StrengthGrade& grade) noexcept
{
    if (grade.base < 0 || grade.base > 5 || grade.modifier < -1 || grade.modifier > 1)
        return false;
    // Oxford grading has no "0+" / "0-" and nothing above 5.
    if (grade.base == 0 && grade.modifier != 0)
        return false;
    return !(grade.base == 5 && grade.modifier == 1);
}

std::string sidePath(std::string_view section, Side side)
{
    std::string out(section);
    out += '.';
    out += toId(side);
    return out;
}

} // namespace

// ---- StrengthGrade -------------------------------------------------------------------------------

std::optional<StrengthGrade> StrengthGrade::parse(std::string_view text)
{
    if (text.empty() || text[0] < '0' || text[0] > '5')
        return std::nullopt;
    StrengthGrade grade{text[0] - '0', 0};
    const std::string_view rest = text.substr(1);
    if (rest.empty())
        grade.modifier = 0;
    else if (rest == "+")
        grade.modifier = 1;
    else if (rest == "-" || rest == kUnicodeMinus)
        grade.modifier = -1;
    else
        return std::nullopt;
    if (!isValidGrade(grade))
        return std::nullopt;
    return grade;
}

std::string StrengthGrade::text() const
{
    std::string out = std::to_string(base);
    if (modifier > 0)
        out += '+';
    else if (modifier < 0)
        out += '-';
    return out;
}

// ---- Ranges --------------------------------------------------------------------------------------

bool isAngleTest(SpecialTest test) noexcept
{
    return test == SpecialTest::Slr || test == SpecialTest::PoplitealAngle;
}

Range romRange(Movement movement) noexcept
{
    // Wider than any published norm (AAOS: flexion 120, extension 30, abduction 45, adduction 30,
    // rotations 45); only values no goniometer can show are refused. Negative extension records a
    // flexion contracture (the thigh cannot reach neutral).
    switch (movement) {
    case Movement::HipFlexion: return {0, 180};
    case Movement::HipExtension: return {-45, 60};
    case Movement::HipAbduction: return {0, 90};
    case Movement::HipAdduction: return {0, 60};
    case Movement::HipInternalRotation: return {0, 90};
    case Movement::HipExternalRotation: return {0, 90};
    }
    return {0, 180};
}

Range testAngleRange(SpecialTest test) noexcept
{
    // SLR is hip flexion with the knee straight (norm about 80°); the popliteal angle is degrees short
    // of full knee extension with the hip at 90°.
    switch (test) {
    case SpecialTest::Slr: return {0, 120};
    case SpecialTest::PoplitealAngle: return {0, 90};
    default: return {0, 0};
    }
}

std::string rangeText(Range range)
{
    return std::to_string(range.min) + "\xE2\x80\x93" + std::to_string(range.max);
}

FieldProblem outsideRangeProblem(const std::string& path, long long value, Range range)
{
    return {path, path + ": " + std::to_string(value) + " is outside " + rangeText(range)};
}

// ---- Text helpers --------------------------------------------------------------------------------

bool isValidUtf8(std::string_view text) noexcept
{
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n) // truncated sequence
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

std::size_t utf8Length(std::string_view text) noexcept
{
    std::size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

bool isEmailAddress(std::string_view text) noexcept
{
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    for (char c : text)
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '<' ||
            c == '>')
            return false;
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size())
        return false;
    return domain.find("..") == std::string_view::npos && domain.front() != '.';
}

// ---- Assessment ----------------------------------------------------------------------------------

std::optional<int> Assessment::ageYears(const Date& today) const
{
    if (!patient.birthDate)
        return std::nullopt;
    return Date::yearsBetween(*patient.birthDate, visit.date.value_or(today));
}

std::vector<FieldProblem> validatePatient(const Patient& patient, const Date& today,
                                          const std::string& prefix)
{
    std::vector<FieldProblem> problems;
    checkText(problems, prefix + ".id", patient.externalId, kMaxNameLength, false);
    checkText(problems, prefix + ".name", patient.name, kMaxNameLength, true);
    if (patient.birthDate) {
        const Date& birth = *patient.birthDate;
        if (birth > today)
            add(problems, prefix + ".birth_date", birth.iso() + " is in the future");
        else if (Date::yearsBetween(birth, today) > kMaxAgeYears)
            add(problems, prefix + ".birth_date",
                birth.iso() + " is more than " + std::to_string(kMaxAgeYears) + " years ago");
    }
    if (!patient.email.empty()) {
        if (!isValidUtf8(patient.email))
            add(problems, prefix + ".email", "not valid UTF-8 text");
        else if (utf8Length(patient.email) > kMaxNameLength)
            checkText(problems, prefix + ".email", patient.email, kMaxNameLength, false);
        else if (!isEmailAddress(patient.email))
            add(problems, prefix + ".email", quoted(patient.email) + " is not an email address");
    }
    if (!patient.phone.empty()) {
        if (!isValidUtf8(patient.phone))
            add(problems, prefix + ".phone", "not valid UTF-8 text");
        else if (patient.phone.size() > kMaxPhoneLength)
            add(problems, prefix + ".phone",
                std::to_string(utf8Length(patient.phone)) + " characters, at most " +
                    std::to_string(kMaxPhoneLength));
        else if (!isPhoneNumber(patient.phone))
            add(problems, prefix + ".phone",
                quoted(patient.phone) + " is not a phone number (digits, spaces and + - ( ) . / only)");
    }
    return problems;
}

std::vector<FieldProblem> validate(const Assessment& a, const Date& today)
{
    std::vector<FieldProblem> problems = validatePatient(a.patient, today);

    // visit
    if (a.visit.date) {
        if (*a.visit.date > today)
            add(problems, "visit.date", a.visit.date->iso() + " is in the future");
        else if (a.patient.birthDate && *a.visit.date < *a.patient.birthDate)
            add(problems, "visit.date",
                a.visit.date->iso() + " is before patient.birth_date " + a.patient.birthDate->iso());
    }
    checkText(problems, "visit.clinician", a.visit.clinician, kMaxNameLength, false);
    checkText(problems, "visit.complaint", a.visit.complaint, kMaxTextLength, false);
    checkText(problems, "visit.notes", a.visit.notes, kMaxTextLength, false);
    checkText(problems, "visit.impression", a.visit.impression, kMaxTextLength, false);
    checkText(problems, "visit.plan", a.visit.plan, kMaxTextLength, false);
    checkText(problems, "visit.goals", a.visit.goals, kMaxTextLength, false);

    // range of motion
    for (Side side : kSides)
        for (const auto& [movement, degrees] : a.rom[side])
            checkRange(problems, sidePath("rom", side) + "." + std::string(toId(movement)), degrees,
                       romRange(movement));

    // pain
    checkRange(problems, "pain.nprs_now", a.pain.nprsNow, kNprsRange);
    checkRange(problems, "pain.nprs_best_24h", a.pain.nprsBest24h, kNprsRange);
    checkRange(problems, "pain.nprs_worst_24h", a.pain.nprsWorst24h, kNprsRange);
    // Best above worst is impossible; most often the two boxes were swapped.
    if (a.pain.nprsBest24h && a.pain.nprsWorst24h && kNprsRange.contains(*a.pain.nprsBest24h) &&
        kNprsRange.contains(*a.pain.nprsWorst24h) && *a.pain.nprsBest24h > *a.pain.nprsWorst24h)
        add(problems, "pain.nprs_best_24h",
            std::to_string(*a.pain.nprsBest24h) + " is above pain.nprs_worst_24h " +
                std::to_string(*a.pain.nprsWorst24h));

    // special tests
    for (Side side : kSides)
        for (const auto& [test, result] : a.tests[side]) {
            const std::string path = sidePath("tests", side) + "." + std::string(toId(test));
            if (result.kind != TestResult::Kind::Angle)
                continue;
            if (!isAngleTest(test))
                add(problems, path,
                    "an angle is not a result of this test (expected \"positive\" or \"negative\")");
            else
                checkRange(problems, path, result.angle, testAngleRange(test));
        }

    // strength
    for (Side side : kSides)
        for (const auto& [muscle, grade] : a.strength[side])
            if (!isValidGrade(grade))
                add(problems, sidePath("strength", side) + "." + std::string(toId(muscle)),
                    "not a grade (expected 0\xE2\x80\x93" "5 with optional + or -, e.g. \"4-\")");

    // trunk endurance
    checkRange(problems, "endurance.plank_hold_s", a.endurance.plankHoldS, kEnduranceRange);
    for (Side side : kSides)
        checkRange(problems, "endurance.side_bridge_hold_s." + std::string(toId(side)),
                   a.endurance.sideBridgeHoldS[side], kEnduranceRange);
    checkRange(problems, "endurance.trunk_flexor_hold_s", a.endurance.trunkFlexorHoldS,
               kEnduranceRange);
    checkRange(problems, "endurance.trunk_extensor_hold_s", a.endurance.trunkExtensorHoldS,
               kEnduranceRange);

    // falls and balance
    checkRange(problems, "balance.falls_past_year", a.balance.fallsPastYear, kFallsRange);
    for (Side side : kSides)
        checkRange(problems, "balance.single_leg_stance_s." + std::string(toId(side)),
                   a.balance.singleLegStanceS[side], kSingleLegStanceRange);

    // outcome measures
    const auto& lefs = a.outcomes.lefs;
    if (!lefs.empty() && lefs.size() != kLefsItemCount)
        add(problems, "outcomes.lefs",
            std::to_string(lefs.size()) + " items given, expected " + std::to_string(kLefsItemCount));
    for (std::size_t i = 0; i < lefs.size(); ++i)
        checkRange(problems, "outcomes.lefs[" + std::to_string(i) + "]", lefs[i], kLefsItemRange);

    const auto& psfs = a.outcomes.psfs;
    if (psfs.size() > kPsfsMaxItems)
        add(problems, "outcomes.psfs",
            std::to_string(psfs.size()) + " activities given, at most " + std::to_string(kPsfsMaxItems));
    for (std::size_t i = 0; i < psfs.size(); ++i) {
        const std::string path = "outcomes.psfs[" + std::to_string(i) + "]";
        checkText(problems, path + ".activity", psfs[i].activity, kMaxNameLength, true);
        checkRange(problems, path + ".score", psfs[i].score, kPsfsScoreRange);
    }
    return problems;
}

} // namespace hiprx::core
