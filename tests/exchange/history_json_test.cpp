// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/history_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace hiprx;
using namespace hiprx::core;

namespace {

using Json = nlohmann::json;

DatedAssessment visit(std::int64_t id, Date date, int flexion, int painNow)
{
    DatedAssessment v;
    v.visitId = id;
    v.assessment.patient.name = "Rosa Invented";
    v.assessment.visit.date = date;
    v.assessment.visit.clinician = "J. Park, PT";
    v.assessment.rom.left[Movement::HipFlexion] = flexion;
    v.assessment.pain.nprsNow = painNow;
    return v;
}

Json sampleHistory()
{
    Patient patient;
    patient.id = 7;
    patient.name = "Rosa Invented";
    auto a = visit(11, {2026, 9, 1}, 90, 6);
    auto b = visit(12, {2026, 10, 1}, 104, 3);
    b.assessment.outcomes.psfs = {{"stairs", 5}, {"walking", 6}};
    const History h = buildHistory({a, b});
    exchange::IssuedProgramSummary program{11, 3, 1, "2026-09-01T10:00:00Z", {"glute_bridge", "clamshell"}};
    return Json::parse(exchange::writeHistory(patient, h, {program}));
}

const Json& measure(const Json& visit, const std::string& key)
{
    for (const Json& m : visit.at("measures"))
        if (m.at("measure") == key)
            return m;
    throw std::runtime_error("no measure " + key);
}

TEST(HistoryJson, HasFormatPatientAndVisitsOldestFirst)
{
    const Json j = sampleHistory();
    EXPECT_EQ(j.at("format"), "hiprx-history/1");
    EXPECT_EQ(j.at("patient").at("id"), 7);
    ASSERT_EQ(j.at("visits").size(), 2U);
    EXPECT_EQ(j.at("visits")[0].at("visit_id"), 11);
    EXPECT_EQ(j.at("visits")[0].at("date"), "2026-09-01");
    EXPECT_EQ(j.at("visits")[1].at("visit_id"), 12);
}

TEST(HistoryJson, ChangesCarryTheirVerdicts)
{
    const Json j = sampleHistory();
    const Json& flex = measure(j.at("visits")[1], "rom.left.hip_flexion");
    EXPECT_EQ(flex.at("value"), 104);
    EXPECT_EQ(flex.at("unit"), "°");
    const Json& change = flex.at("since_previous");
    EXPECT_EQ(change.at("from"), 90);
    EXPECT_EQ(change.at("change"), 14);
    EXPECT_EQ(change.at("threshold"), 10);
    EXPECT_EQ(change.at("verdict"), "improved");
    EXPECT_EQ(measure(j.at("visits")[1], "pain.nprs_now").at("since_baseline").at("verdict"), "improved");
    EXPECT_TRUE(measure(j.at("visits")[0], "pain.nprs_now").at("since_previous").is_null());
    EXPECT_DOUBLE_EQ(measure(j.at("visits")[1], "outcomes.psfs").at("value").get<double>(), 5.5);
    EXPECT_EQ(j.at("suggested_step"), "progress");
}

TEST(HistoryJson, ProgramsAppearUnderTheirVisit)
{
    const Json j = sampleHistory();
    ASSERT_EQ(j.at("visits")[0].at("programs").size(), 1U);
    EXPECT_EQ(j.at("visits")[0].at("programs")[0].at("exercises")[1], "clamshell");
    EXPECT_TRUE(j.at("visits")[1].at("programs").empty());
}

TEST(HistoryJson, AlertsOfTheLatestVisitAreRepeatedAtTheTop)
{
    Patient patient;
    patient.name = "Rosa Invented";
    auto a = visit(1, {2026, 9, 1}, 90, 2);
    auto b = visit(2, {2026, 10, 1}, 90, 8);
    const Json j = Json::parse(exchange::writeHistory(patient, buildHistory({a, b})));
    ASSERT_FALSE(j.at("latest_alerts").empty());
    EXPECT_EQ(j.at("latest_alerts"), j.at("visits")[1].at("alerts"));
    bool severe = false;
    for (const Json& alert : j.at("latest_alerts"))
        severe = severe || alert.at("kind") == "severe_pain";
    EXPECT_TRUE(severe);
    EXPECT_EQ(j.at("suggested_step"), "regress");
}

} // namespace
