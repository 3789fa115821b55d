// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/progress.h"

#include "core/outcomes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace hiprx::core {

std::string MeasureId::key() const
{
    switch (kind) {
    case MeasureKind::Rom:
        return "rom." + std::string(toId(side)) + "." + std::string(toId(movement));
    case MeasureKind::NprsNow:
        return "pain.nprs_now";
    case MeasureKind::NprsWorst24h:
        return "pain.nprs_worst_24h";
    case MeasureKind::NprsBest24h:
        return "pain.nprs_best_24h";
    case MeasureKind::Lefs:
        return "outcomes.lefs";
    case MeasureKind::Psfs:
        return "outcomes.psfs";
    }
    return {};
}

std::string MeasureId::label() const
{
    switch (kind) {
    case MeasureKind::Rom:
        return std::string(core::label(movement)) + " (" + std::string(core::label(side)) + ")";
    case MeasureKind::NprsNow:
        return "pain now (NPRS)";
    case MeasureKind::NprsWorst24h:
        return "worst pain, 24 h (NPRS)";
    case MeasureKind::NprsBest24h:
        return "least pain, 24 h (NPRS)";
    case MeasureKind::Lefs:
        return "LEFS";
    case MeasureKind::Psfs:
        return "PSFS";
    }
    return {};
}

std::string_view MeasureId::unit() const noexcept
{
    switch (kind) {
    case MeasureKind::Rom:
        return "°";
    case MeasureKind::Lefs:
        return "/80";
    case MeasureKind::NprsNow:
    case MeasureKind::NprsWorst24h:
    case MeasureKind::NprsBest24h:
    case MeasureKind::Psfs:
        return "/10";
    }
    return {};
}

bool MeasureId::higherIsBetter() const noexcept
{
    return kind == MeasureKind::Rom || kind == MeasureKind::Lefs || kind == MeasureKind::Psfs;
}

namespace {

constexpr VocabEntry<Verdict> kVerdicts[] = {
    {Verdict::Improved, "improved", "improved"},
    {Verdict::WithinError, "within_error", "within measurement error"},
    {Verdict::Worse, "worse", "worse"},
};

constexpr VocabEntry<AlertKind> kAlertKinds[] = {
    {AlertKind::SeverePain, "severe_pain", "severe pain"},
    {AlertKind::PainIncrease, "pain_increase", "pain increased"},
    {AlertKind::FunctionDecline, "function_decline", "function declined"},
    {AlertKind::NewRedFlag, "new_red_flag", "new red flag"},
};

} // namespace

template <>
std::span<const VocabEntry<Verdict>> vocabulary<Verdict>() noexcept
{
    return kVerdicts;
}

template <>
std::span<const VocabEntry<AlertKind>> vocabulary<AlertKind>() noexcept
{
    return kAlertKinds;
}

std::string_view verdictText(Verdict verdict) noexcept { return label(verdict); }

std::string_view verdictId(Verdict verdict) noexcept { return toId(verdict); }

std::string_view alertId(AlertKind kind) noexcept { return toId(kind); }

double changeThreshold(const MeasureId& measure, bool sameRater)
{
    switch (measure.kind) {
    case MeasureKind::Rom:
        if (sameRater)
            return measurementErrorDegrees(measure.movement);
        return measure.movement == Movement::HipInternalRotation || measure.movement == Movement::HipExternalRotation
                   ? kInterRaterRotationChange
                   : kInterRaterRomChange;
    case MeasureKind::NprsNow:
    case MeasureKind::NprsWorst24h:
    case MeasureKind::NprsBest24h:
        return kNprsMinimalChange;
    case MeasureKind::Lefs:
        return kLefsMinimalChange;
    case MeasureKind::Psfs:
        return kPsfsMeanMinimalChange;
    }
    return 0;
}

Verdict judgeChange(const MeasureId& measure, double from, double to, double threshold)
{
    const double delta = to - from;
    // A tiny tolerance so that a PSFS mean of 5.0 → 7.0 (computed as 35/7 and 49/7) still counts.
    constexpr double kEpsilon = 1e-9;
    if (std::abs(delta) + kEpsilon < threshold || delta == 0)
        return Verdict::WithinError;
    const bool better = measure.higherIsBetter() ? delta > 0 : delta < 0;
    return better ? Verdict::Improved : Verdict::Worse;
}

std::vector<MeasureId> allMeasures()
{
    std::vector<MeasureId> out;
    for (Side side : kSides)
        for (const auto& m : vocabulary<Movement>())
            out.push_back({MeasureKind::Rom, m.value, side});
    for (MeasureKind k : {MeasureKind::NprsNow, MeasureKind::NprsWorst24h, MeasureKind::NprsBest24h,
                          MeasureKind::Lefs, MeasureKind::Psfs})
        out.push_back({k, Movement::HipFlexion, Side::Left});
    return out;
}

const std::vector<Alert>& History::latestAlerts() const
{
    static const std::vector<Alert> kNone;
    return visits.empty() ? kNone : visits.back().alerts;
}

const Series* History::find(const MeasureId& measure) const
{
    for (const Series& s : series)
        if (s.measure == measure)
            return &s;
    return nullptr;
}

namespace {

std::optional<double> valueOf(const Assessment& a, const MeasureId& m)
{
    const auto pain = [](const std::optional<int>& v) {
        return v ? std::optional<double>(*v) : std::nullopt;
    };
    switch (m.kind) {
    case MeasureKind::Rom: {
        const auto& side = a.rom[m.side];
        const auto it = side.find(m.movement);
        return it == side.end() ? std::nullopt : std::optional<double>(it->second);
    }
    case MeasureKind::NprsNow:
        return pain(a.pain.nprsNow);
    case MeasureKind::NprsWorst24h:
        return pain(a.pain.nprsWorst24h);
    case MeasureKind::NprsBest24h:
        return pain(a.pain.nprsBest24h);
    case MeasureKind::Lefs:
        try {
            const auto s = scoreLefs(a.outcomes.lefs);
            return s ? std::optional<double>(s->total) : std::nullopt;
        } catch (const InputError&) {
            return std::nullopt; // stored visits are validated; a bad one is simply not charted
        }
    case MeasureKind::Psfs:
        try {
            const auto s = scorePsfs(a.outcomes.psfs);
            return s ? std::optional<double>(s->mean) : std::nullopt;
        } catch (const InputError&) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

/// "12", "-3", "4.5": whole numbers without decimals, means with one.
std::string number(double v)
{
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

Change makeChange(const DatedAssessment& fromVisit, std::size_t fromIndex, double from,
                  const DatedAssessment& toVisit, double to, const MeasureId& m)
{
    const std::string& a = fromVisit.assessment.visit.clinician;
    const std::string& b = toVisit.assessment.visit.clinician;
    // An unrecorded clinician is taken as the same one: most small clinics have one therapist.
    const bool sameRater = a.empty() || b.empty() || a == b;
    Change c;
    c.from = from;
    c.to = to;
    c.delta = to - from;
    c.threshold = changeThreshold(m, sameRater);
    c.verdict = judgeChange(m, from, to, c.threshold);
    c.fromVisit = fromIndex;
    return c;
}

bool isPain(MeasureKind k)
{
    return k == MeasureKind::NprsNow || k == MeasureKind::NprsWorst24h || k == MeasureKind::NprsBest24h;
}

void addAlerts(VisitProgress& visit, const Assessment& now, const Assessment* previous)
{
    const int worst = std::max(now.pain.nprsWorst24h.value_or(-1), now.pain.nprsNow.value_or(-1));
    if (worst >= kSeverePainNprs)
        visit.alerts.push_back(
            {AlertKind::SeverePain,
             now.pain.nprsWorst24h.value_or(-1) == worst ? "pain.nprs_worst_24h" : "pain.nprs_now",
             "pain rated " + std::to_string(worst) + "/10 (" + std::to_string(kSeverePainNprs) +
                 " or more): check irritability and "
                 "lower the load"});
    for (const MeasureValue& v : visit.values) {
        const MeasureId& m = v.measure;
        if (isPain(m.kind) && v.sincePrevious && v.sincePrevious->delta >= kNprsMinimalChange)
            visit.alerts.push_back({AlertKind::PainIncrease, m.key(),
                                    m.label() + " up " + number(v.sincePrevious->delta) +
                                        " points since the previous visit (" + number(v.sincePrevious->from) +
                                        " → " + number(v.sincePrevious->to) + ")"});
        if (m.kind == MeasureKind::Lefs || m.kind == MeasureKind::Psfs) {
            // A decline against the previous visit, or a slow slide below the baseline.
            const Change* worse = nullptr;
            std::string since;
            if (v.sincePrevious && -v.sincePrevious->delta + 1e-9 >= v.sincePrevious->threshold) {
                worse = &*v.sincePrevious;
                since = "the previous visit";
            } else if (v.sinceBaseline && -v.sinceBaseline->delta + 1e-9 >= v.sinceBaseline->threshold) {
                worse = &*v.sinceBaseline;
                since = "the first visit";
            }
            if (worse)
                visit.alerts.push_back({AlertKind::FunctionDecline, m.key(),
                                        m.label() + " down " + number(-worse->delta) + " points since " +
                                            since + " (" + number(worse->from) + " → " + number(worse->to) +
                                            "; a change of " + number(worse->threshold) + " is meaningful)"});
        }
    }
    if (previous)
        for (RedFlag flag : now.redFlags)
            if (!previous->redFlags.contains(flag))
                visit.alerts.push_back(
                    {AlertKind::NewRedFlag, std::string(toId(flag)),
                     "new red flag since the previous visit: " + std::string(label(flag))});
}

} // namespace

History buildHistory(std::vector<DatedAssessment> visits, NormSet norms)
{
    std::stable_sort(visits.begin(), visits.end(), [](const DatedAssessment& a, const DatedAssessment& b) {
        const auto& da = a.assessment.visit.date;
        const auto& db = b.assessment.visit.date;
        return std::make_tuple(!da.has_value(), da.value_or(Date{}), a.visitId) <
               std::make_tuple(!db.has_value(), db.value_or(Date{}), b.visitId);
    });

    History h;
    for (const auto& v : visits)
        h.visits.push_back({v.visitId, v.assessment.visit.date, v.assessment.visit.clinician, {}, {},
                            v.assessment.pain.areas, v.assessment.balance,
                            v.assessment.redFlagsScreened || !v.assessment.redFlags.empty()});

    for (const MeasureId& m : allMeasures()) {
        Series s{m, {}, std::nullopt, std::nullopt};
        s.values.reserve(visits.size());
        bool any = false;
        for (const auto& v : visits) {
            s.values.push_back(valueOf(v.assessment, m));
            any = any || s.values.back().has_value();
        }
        if (!any)
            continue;
        if (m.kind == MeasureKind::Rom) {
            auto n = norm(norms, m.movement);
            if (!n)
                n = norm(NormSet::Aaos, m.movement);
            if (n) {
                s.normHigh = n->degrees;
                s.normLow = std::min(limitedBelow(norms, m.movement), n->degrees);
            }
        }
        std::optional<std::size_t> baseline;
        std::optional<std::size_t> previous;
        for (std::size_t i = 0; i < visits.size(); ++i) {
            if (!s.values[i])
                continue;
            MeasureValue mv{m, *s.values[i], std::nullopt, std::nullopt};
            if (baseline)
                mv.sinceBaseline = makeChange(visits[*baseline], *baseline, *s.values[*baseline], visits[i],
                                              *s.values[i], m);
            if (previous)
                mv.sincePrevious = makeChange(visits[*previous], *previous, *s.values[*previous], visits[i],
                                              *s.values[i], m);
            h.visits[i].values.push_back(std::move(mv));
            if (!baseline)
                baseline = i;
            previous = i;
        }
        h.series.push_back(std::move(s));
    }

    for (std::size_t i = 0; i < visits.size(); ++i)
        addAlerts(h.visits[i], visits[i].assessment, i > 0 ? &visits[i - 1].assessment : nullptr);
    return h;
}

std::string painAreasText(const std::vector<PainArea>& areas)
{
    std::string text;
    for (const PainArea& area : areas)
        text += (text.empty() ? "" : "; ") + std::string(label(area.region)) + ", " + std::string(label(area.side));
    return text;
}

std::string balanceText(const Balance& balance)
{
    std::string text;
    if (balance.fallsPastYear)
        text = std::to_string(*balance.fallsPastYear) + (*balance.fallsPastYear == 1 ? " fall" : " falls") +
               " in the past year";
    std::string stance;
    for (Side side : kSides)
        if (const auto& s = balance.singleLegStanceS[side])
            stance += (stance.empty() ? "" : ", ") + std::string(label(side)) + " " + std::to_string(*s) + " s";
    if (!stance.empty())
        text += (text.empty() ? "" : "; ") + std::string("single-leg stance ") + stance;
    return text;
}

} // namespace hiprx::core
