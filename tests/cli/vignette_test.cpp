// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every sample case in tests/data/vignettes (copied from the shared vignettes) goes through
// `hiprx-cli plan FILE --json OUT` and must meet its `expect` block, read generically so that a new
// case file is a new test with no code.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <set>

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

int levelRank(const std::string& level)
{
    static const std::map<std::string, int> ranks{{"none", 0}, {"routine", 1}, {"urgent", 2}, {"emergency", 3}};
    const auto it = ranks.find(level);
    return it == ranks.end() ? -1 : it->second;
}

/// Movement demands of every built-in exercise, from the library data the CLI loads.
const std::map<std::string, std::set<std::string>>& libraryDemands()
{
    static const std::map<std::string, std::set<std::string>> demands = [] {
        std::map<std::string, std::set<std::string>> out;
        const auto library = json::parse(readFile(HIPRX_SOURCE_DIR "/db/exercises.json"));
        for (const auto& e : library.at("exercises"))
            out[e.at("id").get<std::string>()] = e.at("demands").get<std::set<std::string>>();
        return out;
    }();
    return demands;
}

/// The PDF's text with runs of whitespace collapsed to one space.
std::string pdfText(const std::filesystem::path& pdf)
{
    const std::string command = "pdftotext '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string raw;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
        raw += buf.data();
    std::string out;
    for (char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool matches(const json& item, const std::regex& re)
{
    return std::regex_search(item["exercise"].get<std::string>(), re) ||
           std::regex_search(item["name"].get<std::string>(), re);
}

class Vignette : public testing::TestWithParam<std::string> {};

TEST_P(Vignette, PlanMeetsExpectations)
{
    const auto doc = json::parse(readFile(std::string(HIPRX_TEST_DATA_DIR "/vignettes/") + GetParam() + ".json"));
    const json& expect = doc.at("expect");
    ScratchDir scratch;
    const auto input = scratch.write("input.json", doc.at("input").dump());
    const auto out = scratch.file("plan.json");
    const auto pdf = scratch.file("plan.pdf");
    const bool wantsPdf = expect.contains("pdf_contains") || expect.contains("pdf_contains_any") ||
                          expect.contains("pdf_lacks");
    std::vector<std::string> args{"plan", input.string(), "--json", out.string()};
    if (wantsPdf) {
        args.push_back("--pdf");
        args.push_back(pdf.string());
    }
    const auto run = runCli(scratch, args);

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
    if (expect.contains("referral_level_at_least")) {
        EXPECT_GE(levelRank(plan["referral"]["level"]), levelRank(expect["referral_level_at_least"]))
            << plan["referral"].dump();
    }
    if (expect.value("impairments_empty", false)) {
        EXPECT_TRUE(plan["impairments"].empty()) << plan["impairments"].dump();
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
            EXPECT_FALSE(matches(item, re)) << item["exercise"] << " matches forbidden " << pattern;
        }
    }
    for (const auto& pattern : expect.value("program_forbid_any", json::array())) {
        const std::regex re(pattern.get<std::string>(), std::regex::icase);
        for (const auto& item : plan["program"])
            EXPECT_FALSE(matches(item, re)) << item["exercise"] << " matches forbidden " << pattern;
    }
    for (const auto& demand : expect.value("program_forbid_demands", json::array())) {
        for (const auto& item : plan["program"]) {
            const auto it = libraryDemands().find(item["exercise"].get<std::string>());
            ASSERT_NE(it, libraryDemands().end()) << item["exercise"];
            EXPECT_EQ(it->second.count(demand.get<std::string>()), 0u)
                << item["exercise"] << " has forbidden demand " << demand;
        }
    }
    if (expect.contains("max_hold_s")) {
        for (const auto& item : plan["program"])
            EXPECT_LE(item["dose"].value("hold_s", 0), expect["max_hold_s"].get<int>()) << item["exercise"];
    }
    if (wantsPdf) {
        ASSERT_TRUE(std::filesystem::exists(pdf));
        const std::string text = lower(pdfText(pdf));
        for (const auto& piece : expect.value("pdf_contains", json::array()))
            EXPECT_NE(text.find(lower(piece.get<std::string>())), std::string::npos) << "PDF lacks " << piece;
        if (expect.contains("pdf_contains_any")) {
            const auto& any = expect["pdf_contains_any"];
            EXPECT_TRUE(std::any_of(any.begin(), any.end(), [&](const json& piece) {
                return text.find(lower(piece.get<std::string>())) != std::string::npos;
            })) << "PDF has none of " << any.dump();
        }
        for (const auto& piece : expect.value("pdf_lacks", json::array()))
            EXPECT_EQ(text.find(lower(piece.get<std::string>())), std::string::npos) << "PDF has " << piece;
    }
}

INSTANTIATE_TEST_SUITE_P(SampleCases, Vignette, testing::ValuesIn(vignetteFiles()),
                         [](const testing::TestParamInfo<std::string>& param) { return param.param; });

} // namespace
} // namespace hiprx::test
