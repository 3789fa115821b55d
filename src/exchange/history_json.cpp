// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/history_json.h"

#include "exchange/json_support.h"

#include <cmath>

namespace hiprx::exchange {

namespace {

using detail::Json;

/// Whole numbers as integers (degrees, NPRS, LEFS); a PSFS mean keeps two decimals.
Json number(double v)
{
    if (std::abs(v - std::round(v)) < 1e-9)
        return static_cast<long long>(std::llround(v));
    return std::round(v * 100.0) / 100.0;
}

Json changeJson(const core::Change& c)
{
    Json j = Json::object();
    j["from"] = number(c.from);
    j["to"] = number(c.to);
    j["change"] = number(c.delta);
    j["threshold"] = number(c.threshold);
    j["verdict"] = core::verdictId(c.verdict);
    return j;
}

Json alertJson(const core::Alert& a)
{
    Json j = Json::object();
    j["kind"] = core::alertId(a.kind);
    j["measure"] = a.measure;
    j["message"] = a.message;
    return j;
}

} // namespace

std::string writeHistory(const core::Patient& patient, const core::History& history,
                         const std::vector<IssuedProgramSummary>& programs)
{
    Json root = Json::object();
    root["format"] = kHistoryFormat;
    root["patient"] = Json{{"id", patient.id}, {"name", patient.name}};
    root["suggested_step"] = core::progressionStepId(core::suggestStep(history));
    Json latest = Json::array();
    for (const core::Alert& a : history.latestAlerts())
        latest.push_back(alertJson(a));
    root["latest_alerts"] = std::move(latest);

    Json visits = Json::array();
    for (const core::VisitProgress& v : history.visits) {
        Json jv = Json::object();
        jv["visit_id"] = v.visitId;
        jv["date"] = v.date ? Json(v.date->iso()) : Json(nullptr);
        jv["clinician"] = v.clinician;
        Json areas = Json::array();
        for (const core::PainArea& area : v.painAreas)
            areas.push_back(Json{{"region", core::toId(area.region)}, {"side", core::toId(area.side)}});
        jv["pain_areas"] = std::move(areas);
        Json balance = Json::object();
        if (v.balance.fallsPastYear)
            balance["falls_past_year"] = *v.balance.fallsPastYear;
        for (core::Side side : core::kSides)
            if (const auto& s = v.balance.singleLegStanceS[side])
                balance["single_leg_stance_s"][std::string(core::toId(side))] = *s;
        jv["balance"] = std::move(balance);
        jv["red_flags_screened"] = v.redFlagsScreened;
        Json measures = Json::array();
        for (const core::MeasureValue& mv : v.values) {
            Json jm = Json::object();
            jm["measure"] = mv.measure.key();
            jm["label"] = mv.measure.label();
            jm["unit"] = std::string(mv.measure.unit());
            jm["value"] = number(mv.value);
            jm["since_baseline"] = mv.sinceBaseline ? changeJson(*mv.sinceBaseline) : Json(nullptr);
            jm["since_previous"] = mv.sincePrevious ? changeJson(*mv.sincePrevious) : Json(nullptr);
            measures.push_back(std::move(jm));
        }
        jv["measures"] = std::move(measures);
        Json alerts = Json::array();
        for (const core::Alert& a : v.alerts)
            alerts.push_back(alertJson(a));
        jv["alerts"] = std::move(alerts);
        Json issued = Json::array();
        for (const IssuedProgramSummary& p : programs) {
            if (p.visitId != v.visitId)
                continue;
            issued.push_back(Json{{"program_id", p.programId},
                                  {"version", p.version},
                                  {"issued_at", p.issuedAt},
                                  {"exercises", p.exercises}});
        }
        jv["programs"] = std::move(issued);
        visits.push_back(std::move(jv));
    }
    root["visits"] = std::move(visits);
    return detail::dumpDocument(root);
}

} // namespace hiprx::exchange
