// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/settings.h"
#include "app/wx_text.h"

#include <wx/config.h>
#include <wx/tokenzr.h>

#include <algorithm>

namespace hiprx::app {

Settings::Settings(wxConfigBase* config) : m_config(config ? config : wxConfigBase::Get()) {}

wxSize Settings::windowSize() const
{
    return {static_cast<int>(m_config->ReadLong("/Window/Width", 1180)),
            static_cast<int>(m_config->ReadLong("/Window/Height", 760))};
}

void Settings::setWindowSize(const wxSize& size)
{
    m_config->Write("/Window/Width", static_cast<long>(size.x));
    m_config->Write("/Window/Height", static_cast<long>(size.y));
}

bool Settings::windowMaximized() const { return m_config->ReadBool("/Window/Maximized", false); }
void Settings::setWindowMaximized(bool maximized) { m_config->Write("/Window/Maximized", maximized); }

std::string Settings::databasePath() const { return fromWx(m_config->Read("/Paths/Database", "")); }
void Settings::setDatabasePath(const std::string& path) { m_config->Write("/Paths/Database", toWx(path)); }
std::string Settings::backupDir() const { return fromWx(m_config->Read("/Paths/Backups", "")); }
void Settings::setBackupDir(const std::string& path) { m_config->Write("/Paths/Backups", toWx(path)); }

namespace {

/// Recent patients are kept per database file: record numbers of one database mean other people
/// in another. The key is a stable hash (FNV-1a) of the file's path, so no path is written as a key.
unsigned long long pathHash(const std::filesystem::path& database)
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : database.lexically_normal().string()) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return static_cast<unsigned long long>(hash);
}

wxString recentKey(const std::filesystem::path& database)
{
    return wxString::Format("/Patients/Recent/%016llx", pathHash(database));
}

/// Who works at this desk, per database file (staff numbers of one database are other people in another).
wxString staffKey(const std::filesystem::path& database)
{
    return wxString::Format("/Staff/Working/%016llx", pathHash(database));
}

} // namespace

std::vector<std::int64_t> Settings::recentPatients(const std::filesystem::path& database) const
{
    std::vector<std::int64_t> ids;
    wxStringTokenizer tokens(m_config->Read(recentKey(database), ""), ",");
    while (tokens.HasMoreTokens()) {
        long long id = 0;
        if (tokens.GetNextToken().ToLongLong(&id) && id > 0)
            ids.push_back(id);
    }
    return ids;
}

void Settings::addRecentPatient(const std::filesystem::path& database, std::int64_t id)
{
    auto ids = recentPatients(database);
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    ids.insert(ids.begin(), id);
    if (ids.size() > kMaxRecent)
        ids.resize(kMaxRecent);
    wxString text;
    for (auto each : ids)
        text << (text.empty() ? "" : ",") << wxString::Format("%lld", static_cast<long long>(each));
    m_config->Write(recentKey(database), text);
}

std::optional<core::NormSet> Settings::legacyNormSet() const
{
    if (!m_config->HasEntry("/Clinical/NormSet"))
        return std::nullopt;
    return core::normSetFromId(fromWx(m_config->Read("/Clinical/NormSet", wxString())));
}

std::optional<render::PageSize> Settings::legacyPageSize() const
{
    if (!m_config->HasEntry("/Print/PageSize"))
        return std::nullopt;
    return m_config->Read("/Print/PageSize", "a4") == "letter" ? render::PageSize::Letter : render::PageSize::A4;
}

void Settings::forgetLegacyClinicSettings()
{
    m_config->DeleteEntry("/Clinical/NormSet", false);
    m_config->DeleteEntry("/Print/PageSize", false);
}

std::int64_t Settings::workingStaff(const std::filesystem::path& database) const
{
    long long id = 0;
    m_config->Read(staffKey(database), &id, 0LL);
    return id > 0 ? static_cast<std::int64_t>(id) : 0;
}

void Settings::setWorkingStaff(const std::filesystem::path& database, std::int64_t staffId)
{
    m_config->Write(staffKey(database), static_cast<long long>(staffId));
}

} // namespace hiprx::app
