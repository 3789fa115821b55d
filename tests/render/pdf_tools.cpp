// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf_tools.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

namespace hiprx::render::pdfcheck {
namespace {

std::string quoted(const std::filesystem::path& p)
{
    std::string out = "'";
    for (char c : p.string()) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

} // namespace

std::string run(const std::string& command)
{
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>/dev/null").c_str(), "r"), &pclose);
    if (!pipe)
        throw std::runtime_error("cannot run: " + command);
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
        out.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    if (status != 0)
        throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command);
    return out;
}

std::string pdfText(const std::filesystem::path& pdf, int page)
{
    std::string range;
    if (page > 0)
        range = " -f " + std::to_string(page) + " -l " + std::to_string(page);
    return run("pdftotext -q -layout" + range + " " + quoted(pdf) + " -");
}

std::string pdfInfo(const std::filesystem::path& pdf)
{
    return run("pdfinfo " + quoted(pdf));
}

std::string pdfFonts(const std::filesystem::path& pdf)
{
    return run("pdffonts " + quoted(pdf));
}

int pageCount(const std::filesystem::path& pdf)
{
    const std::string info = pdfInfo(pdf);
    const auto at = info.find("Pages:");
    if (at == std::string::npos)
        throw std::runtime_error("pdfinfo shows no page count");
    return std::atoi(info.c_str() + at + 6);
}

std::string squeezed(const std::string& text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

TempDir::TempDir()
{
    std::random_device seed;
    m_path = std::filesystem::temp_directory_path() / ("hiprx-render-" + std::to_string(seed()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

} // namespace hiprx::render::pdfcheck
