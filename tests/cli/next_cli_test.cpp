// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hiprx-cli next VISIT`: a posterior hip replacement imported twice (the sample case as baseline,
// then an improved follow-up, tests/data/hip_replacement_posterior_followup.json), the first program
// issued, and the suggested next program never holds an exercise tha_posterior forbids.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace hiprx::test {
namespace {

using nlohmann::json;

/// The demands tha_posterior forbids (the precaution's contract, core/precautions.cpp).
const std::set<std::string> kThaPosteriorForbids{"hip_flexion_past_90", "hip_adduction_past_midline",
                                                 "hip_internal_rotation"};

class NextCli : public testing::Test {
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
    /// The sample case's findings, with the same record number as the follow-up.
    std::string baseline() const
    {
        json input = json::parse(readFile(HIPRX_TEST_DATA_DIR "/vignettes/hip_replacement_posterior.json")).at("input");
        input["patient"]["id"] = "MRN-THA-POST-1";
        return input.dump();
    }
    static std::string followUp() { return readFile(HIPRX_TEST_DATA_DIR "/hip_replacement_posterior_followup.json"); }

    /// Demands of every exercise in the database's library, as `library --json` lists them.
    std::map<std::string, std::set<std::string>> demands()
    {
        const auto r = cli({"library", "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::map<std::string, std::set<std::string>> out;
        const json library = json::parse(r.out);
        for (const json& e : library.at("exercises"))
            out[e.at("id").get<std::string>()] = e.value("demands", std::set<std::string>{});
        return out;
    }
    std::vector<std::int64_t> baselineIssuedThenFollowUp()
    {
        const auto first = import("baseline.json", baseline());
        const auto issued = cli({"issue", std::to_string(first)});
        EXPECT_EQ(issued.exitCode, 0) << issued.err;
        return {first, import("followup.json", followUp())};
    }
};

TEST_F(NextCli, PosteriorHipReplacementFollowUpSuggestsNothingThePrecautionForbids)
{
    const auto visits = baselineIssuedThenFollowUp();
    const auto out = scratch.file("next.json");
    const auto r = cli({"next", std::to_string(visits[1]), "--json", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json next = json::parse(readFile(out));
    EXPECT_EQ(next.at("format"), "hiprx-next/1");
    // Pain fell beyond its measurement error and nothing got worse: progress.
    EXPECT_EQ(next.at("step"), "progress");
    EXPECT_FALSE(next.at("reasons").empty());
    ASSERT_FALSE(next.at("program").empty());

    const auto library = demands();
    for (const json& item : next.at("program")) {
        const std::string id = item.at("exercise");
        ASSERT_TRUE(library.count(id)) << id << " (library of " << library.size() << ")";
        for (const std::string& demand : library.at(id))
            EXPECT_FALSE(kThaPosteriorForbids.count(demand)) << id << " asks for " << demand;
        // Items are shaped as in hiprx-plan/1.
        for (const char* key : {"name", "kind", "targets", "side", "dose", "basis"})
            EXPECT_TRUE(item.contains(key)) << key;
    }
    for (const json& left : next.at("excluded")) {
        EXPECT_TRUE(left.contains("exercise"));
        const std::string reason = left.at("reason");
        EXPECT_NE(reason.find("left out"), std::string::npos) << reason;
        EXPECT_EQ(reason.find("tha_posterior"), std::string::npos) << "words, not ids: " << reason;
    }
}

TEST_F(NextCli, EveryStepOfTheIssuedProgramIsScreened)
{
    // Whatever step the history suggests, the program after it holds nothing tha_posterior forbids:
    // issue the follow-up too, then ask at a third, worse visit.
    const auto visits = baselineIssuedThenFollowUp();
    ASSERT_EQ(cli({"issue", std::to_string(visits[1])}).exitCode, 0);
    json worse = json::parse(followUp());
    worse["visit"]["date"] = "2026-12-03";
    worse["pain"] = {{"nprs_now", 5}, {"nprs_worst_24h", 6}, {"irritability", "moderate"}};
    const auto third = import("worse.json", worse.dump());
    const auto r = cli({"next", std::to_string(third), "--json", "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json next = json::parse(r.out);
    EXPECT_EQ(next.at("step"), "regress");
    const auto library = demands();
    for (const json& item : next.at("program"))
        for (const std::string& demand : library.at(item.at("exercise").get<std::string>()))
            EXPECT_FALSE(kThaPosteriorForbids.count(demand)) << item.at("exercise") << " asks for " << demand;
}

TEST_F(NextCli, ANewRedFlagRefers)
{
    const auto visits = baselineIssuedThenFollowUp();
    json flagged = json::parse(followUp());
    flagged["visit"]["date"] = "2026-12-03";
    flagged["red_flags"] = {"unexplained_weight_loss"};
    const auto third = import("flagged.json", flagged.dump());
    const auto r = cli({"next", std::to_string(third), "--json", "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out).at("step"), "refer");
    (void)visits;
}

TEST_F(NextCli, ReadableTableWithoutJson)
{
    const auto visits = baselineIssuedThenFollowUp();
    const auto r = cli({"next", std::to_string(visits[1])});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Next program at visit " + std::to_string(visits[1]) + ": progress"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("last program"), std::string::npos);
    EXPECT_NE(r.out.find("why"), std::string::npos);
}

TEST_F(NextCli, BadInputNamesTheField)
{
    auto r = cli({"next", "999"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("VISIT: no visit 999"), std::string::npos) << r.err;

    const auto first = import("baseline.json", baseline()); // nothing issued yet
    r = cli({"next", std::to_string(first)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("VISIT: no program was issued"), std::string::npos) << r.err;

    r = cli({"next", std::to_string(first), "--norms", "nonsense"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--norms"), std::string::npos) << r.err;

    r = cli({"next"});
    EXPECT_EQ(r.exitCode, 2);
}

TEST_F(NextCli, ListedInHelp)
{
    const auto r = runCli(scratch, {"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("next"), std::string::npos);
}

TEST_F(NextCli, PlanJsonSaysWhatItCannotServe)
{
    const auto out = scratch.file("plan.json");
    const auto r = cli({"plan", scratch.write("b.json", baseline()).string(), "--json", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json plan = json::parse(readFile(out));
    ASSERT_TRUE(plan.contains("unserved"));
    for (const json& u : plan.at("unserved")) {
        for (const char* key : {"muscle", "kind", "side", "reason", "text"})
            EXPECT_TRUE(u.contains(key)) << key;
        bool warned = false;
        for (const json& w : plan.at("warnings"))
            warned = warned || w == u.at("text");
        EXPECT_TRUE(warned) << u.at("text");
    }
}

} // namespace
} // namespace hiprx::test
