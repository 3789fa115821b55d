// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading PDFs back the way a person or a viewer would: through poppler-utils run with popen.
#pragma once

#include <filesystem>
#include <string>

namespace hiprx::render::pdfcheck {

/// Standard output of a shell command (stderr discarded); throws std::runtime_error on failure.
std::string run(const std::string& command);

/// `pdftotext -q -layout` of the whole file, or of page `page` (1-based) only.
std::string pdfText(const std::filesystem::path& pdf, int page = 0);

/// `pdfinfo` output.
std::string pdfInfo(const std::filesystem::path& pdf);

/// `pdffonts` output.
std::string pdfFonts(const std::filesystem::path& pdf);

/// The number after "Pages:" in pdfinfo.
int pageCount(const std::filesystem::path& pdf);

/// `text` with runs of whitespace collapsed to one space, so a phrase that wrapped across lines
/// can still be found.
std::string squeezed(const std::string& text);

/// A fresh empty temporary folder for one test, removed by the caller's TempDir.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace hiprx::render::pdfcheck
