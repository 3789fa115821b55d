// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup_folder.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>

namespace hiprx::store {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "hiprx-";
constexpr std::string_view kSuffix = ".sqlite";

std::string stamp(BackupFolder::Clock::time_point when)
{
    const std::time_t seconds = BackupFolder::Clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &utc);
    return text;
}

/// The moment in a name written by stamp() (with an optional -N suffix), or nothing for any
/// other file.
std::optional<BackupFolder::Clock::time_point> parseName(const std::string& name)
{
    if (name.size() < kPrefix.size() + 15 + kSuffix.size() || !name.starts_with(kPrefix) ||
        !name.ends_with(kSuffix))
        return std::nullopt;
    const std::string middle = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    std::tm utc{};
    int consumed = 0;
    if (std::sscanf(middle.c_str(), "%4d%2d%2d-%2d%2d%2d%n", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                    &utc.tm_min, &utc.tm_sec, &consumed) != 6 ||
        consumed != 15)
        return std::nullopt;
    const std::string rest = middle.substr(15);
    if (!rest.empty() && (rest.size() < 2 || rest[0] != '-' ||
                          !std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; })))
        return std::nullopt;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    const std::time_t seconds = timegm(&utc);
    if (seconds == static_cast<std::time_t>(-1))
        return std::nullopt;
    return BackupFolder::Clock::from_time_t(seconds);
}

} // namespace

BackupFolder::BackupFolder(fs::path folder, int keep) : m_folder(std::move(folder)), m_keep(keep)
{
    if (keep < 1)
        throw std::invalid_argument("BackupFolder: keep must be at least 1");
}

fs::path BackupFolder::write(const Database& db, Clock::time_point now) const
{
    const std::string base = std::string(kPrefix) + stamp(now);
    // The name is claimed by an atomic no-replace rename, not by looking first: backups started in
    // the same second by several processes each get their own -N.
    const fs::path target = db.backupToNewFile([&](int attempt) {
        return m_folder / (attempt == 0 ? base + std::string(kSuffix)
                                        : base + "-" + std::to_string(attempt + 1) + std::string(kSuffix));
    }); // creates the folder; throws StorageError, and then nothing is pruned

    std::error_code ec;

    const std::vector<Entry> entries = list();
    for (std::size_t i = static_cast<std::size_t>(m_keep); i < entries.size(); ++i)
        fs::remove(entries[i].path, ec); // a backup that cannot be removed is left, not an error
    return target;
}

std::vector<BackupFolder::Entry> BackupFolder::list() const
{
    std::vector<Entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(m_folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        if (const auto written = parseName(it->path().filename().string()))
            entries.push_back({it->path(), *written});
    }
    // Newest first; within one second the higher -N suffix was written later.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.written != b.written)
            return a.written > b.written;
        if (a.path.filename().string().size() != b.path.filename().string().size())
            return a.path.filename().string().size() > b.path.filename().string().size();
        return a.path.filename() > b.path.filename();
    });
    return entries;
}

bool BackupFolder::due(Clock::time_point now, Clock::duration maxAge) const
{
    const std::vector<Entry> entries = list();
    return entries.empty() || now - entries.front().written >= maxAge;
}

} // namespace hiprx::store
