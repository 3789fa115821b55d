// SPDX-License-Identifier: GPL-3.0-or-later
//
// Machine-local preferences (window size, database location, recent patients, who works at this
// desk), kept in wxConfig. Clinic-wide things (branding, norm set, page size) live in the database.
#pragma once

#include "core/norms.h"
#include "render/page_template.h"

#include <wx/gdicmn.h>

#include <cstdint>
#include <filesystem>
#include <optional>
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

    /// The reference set and page size an older HipRx kept per machine, if this machine has one.
    /// They are clinic settings in the database now; MainFrame moves them there once.
    std::optional<core::NormSet> legacyNormSet() const;
    std::optional<render::PageSize> legacyPageSize() const;
    void forgetLegacyClinicSettings();

    /// The staff member working at this desk on `database` (0 = not chosen yet).
    std::int64_t workingStaff(const std::filesystem::path& database) const;
    void setWorkingStaff(const std::filesystem::path& database, std::int64_t staffId);

private:
    wxConfigBase* m_config;
};

} // namespace hiprx::app
