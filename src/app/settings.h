// SPDX-License-Identifier: GPL-3.0-or-later
//
// Machine-local preferences (window size, database location, recent patients, norm set, page
// size), kept in wxConfig. Clinic-wide things (branding) live in the database instead.
#pragma once

#include "core/norms.h"
#include "render/page_template.h"

#include <wx/gdicmn.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

class wxConfigBase;

namespace hiprx::app {

/// Typed access to wxConfig; every value has a default, so a first run needs nothing.
class Settings {
public:
    /// Uses `config`, or wxConfigBase::Get() when null.
    explicit Settings(wxConfigBase* config = nullptr);

    wxSize windowSize() const;
    void setWindowSize(const wxSize& size);
    bool windowMaximized() const;
    void setWindowMaximized(bool maximized);

    /// Empty = the default location (store::AppPaths).
    std::string databasePath() const;
    void setDatabasePath(const std::string& path);
    /// Empty = backups/ beside the database.
    std::string backupDir() const;
    void setBackupDir(const std::string& path);

    /// Most recent first, at most kMaxRecent; one list per database file.
    std::vector<std::int64_t> recentPatients(const std::filesystem::path& database) const;
    void addRecentPatient(const std::filesystem::path& database, std::int64_t id);
    static constexpr std::size_t kMaxRecent = 8;

    core::NormSet normSet() const;
    void setNormSet(core::NormSet set);
    render::PageSize pageSize() const;
    void setPageSize(render::PageSize size);

private:
    wxConfigBase* m_config;
};

} // namespace hiprx::app
