// SPDX-License-Identifier: GPL-3.0-or-later
//
// hiprx-cli against the defects of issue 19: files it writes are private and never half-written or
// left behind, special files are refused, hostile input is bad input (exit 2) naming the field,
// and a logo that cannot be used costs the logo, not the handout.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/stat.h>

namespace hiprx::test {
namespace {

namespace fs = std::filesystem;

const char* kAssessment = R"({
  "format": "hiprx-assessment/1",
  "patient": {"id": "MRN-7", "name": "Ana Ruiz", "birth_date": "1961-04-02", "sex": "female"},
  "visit": {"date": "2026-11-20", "clinician": "J. Park, PT", "affected_side": "left"},
  "rom": {"left": {"hip_flexion": 105, "hip_extension": 0}, "right": {"hip_flexion": 120, "hip_extension": 15}}
})";

unsigned mode(const fs::path& file)
{
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777U) : 0U;
}

class CliReliability : public testing::Test {
protected:
    ScratchDir scratch;
    CliResult cli(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--db", scratch.file("clinic.sqlite").string()});
        return runCli(scratch, args);
    }
    /// Names in the scratch folder other than the runner's own capture files.
    std::vector<std::string> leftovers(const std::vector<std::string>& expected)
    {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(scratch.path())) {
            const std::string name = entry.path().filename().string();
            if (name == ".stdout" || name == ".stderr" || name.starts_with("clinic.sqlite") || name == "xdg")
                continue;
            if (std::find(expected.begin(), expected.end(), name) == expected.end())
                out.push_back(name);
        }
        return out;
    }
};

TEST_F(CliReliability, ExportsAndPdfsArePrivateAndNoTemporaryIsLeft)
{
    const auto file = scratch.write("a.json", kAssessment);
    ASSERT_EQ(cli({"import", file.string()}).exitCode, 0);
    const auto r = cli({"export", "--visit", "1", "-o", "visit.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(mode(scratch.file("visit.json")), 0600U);

    const auto plan = cli({"plan", file.string(), "--json", "plan.json", "--pdf", "plan.pdf"});
    ASSERT_EQ(plan.exitCode, 0) << plan.err;
    EXPECT_EQ(mode(scratch.file("plan.json")), 0600U);
    EXPECT_EQ(mode(scratch.file("plan.pdf")), 0600U);
    EXPECT_EQ(leftovers({"a.json", "visit.json", "plan.json", "plan.pdf"}), std::vector<std::string>{});
}

TEST_F(CliReliability, AFifoAsTheOutputIsRefusedAndLeftAsItIs)
{
    const auto file = scratch.write("a.json", kAssessment);
    const auto fifo = scratch.file("out.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"plan", file.string(), "--json", fifo.string()},
          std::vector<std::string>{"plan", file.string(), "--pdf", fifo.string()}}) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("FIFO"), std::string::npos) << r.err;
        EXPECT_TRUE(fs::is_fifo(fifo));
        EXPECT_EQ(mode(fifo), 0644U);
    }
    EXPECT_EQ(leftovers({"a.json", "out.fifo"}), std::vector<std::string>{});
}

TEST_F(CliReliability, HostileAssessmentsAreBadInputNamingTheField)
{
    const auto huge = scratch.write("huge.json", R"({"patient": {"name": "Ana"}, "rom": {"left": {"hip_flexion": 1e400}}})");
    auto r = cli({"plan", huge.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("rom.left.hip_flexion"), std::string::npos) << r.err;

    const auto deep = scratch.write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
    for (const char* command : {"plan", "import"}) {
        r = cli({command, deep.string()});
        EXPECT_EQ(r.exitCode, 2) << command << ": " << r.err;
        EXPECT_NE(r.err.find("nested"), std::string::npos) << r.err;
    }

    const auto newline = scratch.write("newline.json", R"({"patient": {"name": "Ana\nRuiz"}})");
    for (const char* command : {"plan", "import"}) {
        r = cli({command, newline.string()});
        EXPECT_EQ(r.exitCode, 2) << command << ": " << r.err;
        EXPECT_NE(r.err.find("patient.name"), std::string::npos) << r.err;
    }
}

TEST_F(CliReliability, ADamagedLogoIsLeftOutWithAWarningAndTheHandoutIsMade)
{
    const auto file = scratch.write("a.json", kAssessment);
    // A PNG signature and then nothing usable: libpng used to abort() the process here.
    scratch.write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0", 18));
    const auto branding =
        scratch.write("branding.json", R"({"clinic_name": "Riverside Physio", "logo": ")" +
                                           scratch.file("logo.png").string() + R"("})");
    const auto r = cli({"plan", file.string(), "--branding", branding.string(), "--pdf", "out.pdf"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("logo"), std::string::npos) << r.err;
    EXPECT_GT(fs::file_size(scratch.file("out.pdf")), 1000U);
}

} // namespace
} // namespace hiprx::test
