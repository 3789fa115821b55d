// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode: the people who may log in to the clinic server. Each person has a PostgreSQL login
// of their own in one of three groups (db/postgresql/clinic_security.sql); what each group may do
// is enforced by the server, not by HipRx. Only an administrator's login manages logins.
#pragma once

#include "store/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::store {

enum class StaffRole {
    Therapist, ///< everything clinical
    FrontDesk, ///< patients' contact details, reprinting and emailing issued programs; no findings
    Admin,     ///< a therapist who also manages staff, logins, clinic settings and exercises
};

/// "therapist", "frontdesk", "admin".
std::string_view staffRoleId(StaffRole role);
std::optional<StaffRole> staffRoleFromId(std::string_view id);
/// "Therapist", "Front desk", "Administrator".
std::string_view staffRoleLabel(StaffRole role);

struct ServerLogin {
    std::string login;
    StaffRole role = StaffRole::Therapist;
    bool canLogIn = true;
};

class ServerLogins {
public:
    /// Throws StorageError when `db` is a file (a solo practice has no logins).
    explicit ServerLogins(Database& db);

    /// Creates a login in `role`. The password (at least 8 characters) is turned into its
    /// SCRAM-SHA-256 verifier here, so it never travels to the server or reaches its logs. Throws
    /// InputError naming "login" or "password", StorageError when this login may not manage logins.
    void create(const std::string& login, const std::string& password, StaffRole role);
    void setPassword(const std::string& login, const std::string& password);
    /// The login can no longer connect and its open sessions end. Returns how many ended.
    int disable(const std::string& login);
    void enable(const std::string& login);
    /// Every staff login, by name.
    std::vector<ServerLogin> list();
    /// Who this connection is logged in as, and in which role (none for a superuser or owner).
    std::string currentLogin();
    std::optional<StaffRole> currentRole();

private:
    Database& m_db;
};

} // namespace hiprx::store
