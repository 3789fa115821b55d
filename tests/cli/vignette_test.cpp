// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every sample case in tests/data/vignettes (copied from the shared vignettes) goes through
// `hiprx-cli plan FILE --json OUT` and must meet its `expect` block, read generically so that a new
// case file is a new test with no code.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

namespace hiprx::test {
namespace {

using nlohmann::json;

std::vector<std::string> vignetteFiles()
{
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(HIPRX_TEST_DATA_DIR "/vignettes"))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path().stem().string());
    std::sort(files.begin(), files.end());
    return files;
}

bool hasImpairment(const json& plan, const std::string& muscle, const std::string& kind, const std::string& side)
{
    return std::any_of(plan["impairments"].begin(), plan["impairments"].end(), [&](const json& imp) {
        return imp["muscle"] == muscle && imp["kind"] == kind && (side.empty() || imp["side"] == side);
    });
}

class Vignette : public testing::TestWithParam<std::string> {};

TEST_P(Vignette, PlanMeetsExpectations)
{
    const auto doc = json::parse(readFile(std::string(HIPRX_TEST_DATA_DIR "/vignettes/") + GetParam() + ".json"));
    const json& expect = doc.at("expect");
    ScratchDir scratch;
    const auto input = scratch.write("input.json", doc.at("input").dump());
    const auto out = scratch.file("plan.json");
    const auto run = runCli(scratch, {"plan", input.string(), "--json", out.string()});

    if (expect.contains("exit_code")) {
        EXPECT_EQ(run.exitCode, expect["exit_code"].get<int>()) << run.err;
        if (expect.contains("stderr_contains")) {
            EXPECT_NE(run.err.find(expect["stderr_contains"].get<std::string>()), std::string::npos) << run.err;
        }
        EXPECT_FALSE(std::filesystem::exists(out)) << "no result may be written for bad input";
        return;
    }
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto plan = json::parse(readFile(out));
    ASSERT_EQ(plan.at("format"), "hiprx-plan/1");

    if (expect.contains("referral_level")) {
        EXPECT_EQ(plan["referral"]["level"], expect["referral_level"]);
    }
    for (const auto& want : expect.value("impairments_include", json::array())) {
        const std::string side = want.value("side", "");
        const std::vector<std::string> sides = side == "both" ? std::vector<std::string>{"left", "right"}
                                                              : std::vector<std::string>{side};
        for (const auto& s : sides)
            EXPECT_TRUE(hasImpairment(plan, want["muscle"], want["kind"], s)) << want.dump() << " side " << s;
    }
    for (const auto& unwanted : expect.value("impairments_exclude", json::array()))
        EXPECT_FALSE(hasImpairment(plan, unwanted["muscle"], unwanted["kind"], "")) << unwanted.dump();
    if (expect.value("program_empty", false)) {
        EXPECT_TRUE(plan["program"].empty()) << plan["program"].dump();
    }
    for (const auto& muscle : expect.value("program_targets_include", json::array())) {
        const bool targeted = std::any_of(plan["program"].begin(), plan["program"].end(), [&](const json& item) {
            const auto& t = item["targets"];
            return std::find(t.begin(), t.end(), muscle) != t.end();
        });
        EXPECT_TRUE(targeted) << "no exercise targets " << muscle;
    }
    for (const auto& pattern : expect.value("program_forbid", json::array())) {
        const std::regex re(pattern.get<std::string>(), std::regex::icase);
        for (const auto& item : plan["program"]) {
            if (item["kind"] != "stretch" && item["kind"] != "mobility")
                continue;
            EXPECT_FALSE(std::regex_search(item["exercise"].get<std::string>(), re) ||
                         std::regex_search(item["name"].get<std::string>(), re))
                << item["exercise"] << " matches forbidden " << pattern;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(SampleCases, Vignette, testing::ValuesIn(vignetteFiles()),
                         [](const testing::TestParamInfo<std::string>& param) { return param.param; });

} // namespace
} // namespace hiprx::test
