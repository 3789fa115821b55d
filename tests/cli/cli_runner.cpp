// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_runner.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace hiprx::test {

namespace {

std::string shellQuote(const std::string& arg)
{
    std::string quoted = "'";
    for (char c : arg)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace

ScratchDir::ScratchDir()
{
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("hiprx-cli-test-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
}

ScratchDir::~ScratchDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::filesystem::path ScratchDir::write(const std::string& name, const std::string& text) const
{
    const auto p = file(name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {
constexpr const char* kTestToday = "2026-12-31";
} // namespace

CliResult runCli(const ScratchDir& scratch, const std::vector<std::string>& args)
{
    const auto outFile = scratch.file(".stdout");
    const auto errFile = scratch.file(".stderr");
    std::string cmd = "cd " + shellQuote(scratch.path().string()) + " && HOME=" + shellQuote(scratch.path().string()) +
                      " XDG_DATA_HOME=" + shellQuote((scratch.path() / "xdg").string()) +
                      " HIPRX_DATA_DIR=" + shellQuote(HIPRX_SOURCE_DIR) +
                      // No test reads the wall clock: "today" is the test's own HIPRX_TODAY, else a fixed
                      // day after every visit date the tests use.
                      " HIPRX_TODAY=\"${HIPRX_TODAY:-" + kTestToday + "}\" " + shellQuote(HIPRX_CLI);
    for (const auto& a : args)
        cmd += " " + shellQuote(a);
    cmd += " >" + shellQuote(outFile.string()) + " 2>" + shellQuote(errFile.string());
    const int status = std::system(cmd.c_str());
    CliResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readFile(outFile);
    result.err = readFile(errFile);
    return result;
}

} // namespace hiprx::test
