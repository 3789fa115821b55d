// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <memory>

namespace hiprx::test {
namespace {

using nlohmann::json;

/// An assessment of the invented patient MRN-HIST-1 on `date`.
std::string visitFile(const std::string& date, int leftFlexion, int painNow, int worst, int lefsItem,
                      const std::string& redFlags = "[]")
{
    json lefs = json::array();
    for (int i = 0; i < 20; ++i)
        lefs.push_back(lefsItem);
    json j = {
        {"format", "hiprx-assessment/1"},
        {"patient", {{"id", "MRN-HIST-1"}, {"name", "Tomasz Invented"}, {"birth_date", "1970-03-04"}}},
        {"visit", {{"date", date}, {"clinician", "J. Park, PT"}, {"affected_side", "left"}}},
        {"rom",
         {{"left", {{"hip_flexion", leftFlexion}, {"hip_extension", 0}}}, {"right", {{"hip_flexion", 120}}}}},
        {"pain", {{"nprs_now", painNow}, {"nprs_worst_24h", worst}}},
        {"red_flags", json::parse(redFlags)},
        {"outcomes", {{"lefs", lefs}}}};
    return j.dump();
}

std::string pdfText(const std::filesystem::path& pdf)
{
    const std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
        out += buf.data();
    return out;
}

class HistoryCli : public testing::Test {
protected:
    ScratchDir scratch;
    std::string db() const { return scratch.file("clinic.sqlite").string(); }
    CliResult cli(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--db", db()});
        return runCli(scratch, args);
    }
    std::int64_t import(const std::string& name, const std::string& text)
    {
        const auto r = cli({"import", scratch.write(name, text).string(), "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return json::parse(r.out).at("visit_id").get<std::int64_t>();
    }
    /// Three visits: flexion 90 → 96 → 106, pain 6 → 5 → 8, LEFS 40 → 40 → 20, a new red flag last.
    std::vector<std::int64_t> threeVisits()
    {
        return {import("v1.json", visitFile("2026-09-01", 90, 6, 6, 2)),
                import("v2.json", visitFile("2026-09-15", 96, 5, 5, 2)),
                import("v3.json", visitFile("2026-10-01", 106, 8, 8, 1, R"(["night_pain_constant"])"))};
    }
};

TEST_F(HistoryCli, TimelineShowsChangesVerdictsAndAlerts)
{
    threeVisits();
    const auto r = cli({"history", "MRN-HIST-1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("2026-09-01"), std::string::npos);
    EXPECT_NE(r.out.find("[baseline]"), std::string::npos);
    // 96 → 106 is +10: the flexion MDC; 90 → 96 is within error.
    EXPECT_NE(r.out.find("+6 within measurement error"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("+10 improved"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ALERT severe_pain"), std::string::npos);
    EXPECT_NE(r.out.find("ALERT pain_increase"), std::string::npos);
    EXPECT_NE(r.out.find("ALERT function_decline"), std::string::npos);
    EXPECT_NE(r.out.find("ALERT new_red_flag"), std::string::npos);
    // A new red flag at the last visit: refer, never regress.
    EXPECT_NE(r.out.find("Suggested next step for the program: refer"), std::string::npos);
}

TEST_F(HistoryCli, JsonIsHistoryFormatWithEveryVisit)
{
    const auto ids = threeVisits();
    const auto r = cli({"history", "MRN-HIST-1", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j.at("format"), "hiprx-history/1");
    ASSERT_EQ(j.at("visits").size(), 3U);
    EXPECT_EQ(j.at("visits")[2].at("visit_id"), ids[2]);
    bool lefsWorse = false;
    for (const json& m : j.at("visits")[2].at("measures"))
        if (m.at("measure") == "outcomes.lefs")
            lefsWorse = m.at("since_previous").at("verdict") == "worse" && m.at("value") == 20;
    EXPECT_TRUE(lefsWorse);
    EXPECT_EQ(j.at("latest_alerts").size(), j.at("visits")[2].at("alerts").size());
}

TEST_F(HistoryCli, UnknownPatientIsBadInput)
{
    const auto r = cli({"history", "NO-SUCH-MRN"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("PATIENT"), std::string::npos);
    EXPECT_EQ(cli({"history", "MRN-HIST-1", "--norms", "nonsense"}).exitCode, 2);
}

TEST_F(HistoryCli, ReportIsOnePageWithTheTableAndCharts)
{
    const auto ids = threeVisits();
    ASSERT_EQ(cli({"issue", std::to_string(ids[1])}).exitCode, 0);
    const auto out = scratch.file("report.pdf");
    const auto r = cli({"report", std::to_string(ids[2]), "--out", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pdfText(out);
    EXPECT_NE(text.find("Progress report"), std::string::npos);
    EXPECT_NE(text.find("Tomasz Invented"), std::string::npos);
    EXPECT_NE(text.find("Then and now"), std::string::npos);
    EXPECT_NE(text.find("hip flexion (left)"), std::string::npos);
    EXPECT_NE(text.find("improved"), std::string::npos);
    EXPECT_NE(text.find("LEFS"), std::string::npos);
    EXPECT_NE(text.find("Current home program"), std::string::npos);
    EXPECT_EQ(text.find("No program issued yet"), std::string::npos) << "the program of visit 2 is in force";
    EXPECT_EQ(text.find('\f'), text.rfind('\f')) << "one page only";
}

TEST_F(HistoryCli, ReportAtAnEarlierVisitLeavesLaterVisitsOut)
{
    const auto ids = threeVisits();
    const auto out = scratch.file("early.pdf");
    ASSERT_EQ(cli({"report", std::to_string(ids[0]), "--out", out.string()}).exitCode, 0);
    const std::string text = pdfText(out);
    EXPECT_EQ(text.find("2026-10-01"), std::string::npos);
    EXPECT_NE(text.find("No program issued yet"), std::string::npos);
    EXPECT_EQ(cli({"report", "999", "--out", out.string()}).exitCode, 2);
}

TEST_F(HistoryCli, ReprintOfAnOldVersionHasTheTextOfTheOriginal)
{
    const auto ids = threeVisits();
    ASSERT_EQ(cli({"issue", std::to_string(ids[0])}).exitCode, 0);
    const auto first = scratch.file("first.pdf");
    ASSERT_EQ(cli({"pdf", std::to_string(ids[0]), "--out", first.string()}).exitCode, 0);
    const std::string original = pdfText(first);
    ASSERT_NE(original.find("Tomasz Invented"), std::string::npos);

    // A second version later must not change what version 1 reprints.
    ASSERT_EQ(cli({"issue", std::to_string(ids[0])}).exitCode, 0);
    const auto again = scratch.file("again.pdf");
    ASSERT_EQ(cli({"pdf", std::to_string(ids[0]), "--version", "1", "--out", again.string()}).exitCode, 0);
    EXPECT_EQ(pdfText(again), original);
    EXPECT_EQ(readFile(again), readFile(first));

    const auto r = cli({"history", "MRN-HIST-1"});
    EXPECT_NE(r.out.find("program version 2"), std::string::npos) << r.out;
}

} // namespace
} // namespace hiprx::test
