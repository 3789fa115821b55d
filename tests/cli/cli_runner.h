// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hiprx::test {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// A scratch folder for one test, removed at the end; HOME and XDG_DATA_HOME point into it so the
/// CLI never touches the real user's files.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const noexcept { return m_path; }
    std::filesystem::path file(const std::string& name) const { return m_path / name; }
    /// Writes `text` to a file in the folder and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& text) const;

private:
    std::filesystem::path m_path;
};

/// Runs hiprx-cli with `args` (each passed as one argument) in `scratch`'s environment. "Today" is
/// HIPRX_TODAY when the test sets it, else 2026-12-31: never the wall clock.
CliResult runCli(const ScratchDir& scratch, const std::vector<std::string>& args);

std::string readFile(const std::filesystem::path& path);

} // namespace hiprx::test
