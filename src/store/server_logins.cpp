// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/server_logins.h"

#include "store/repository_support.h"
#include "store/sql_postgres.h"

#include "store/libpq.h"

namespace hiprx::store {

namespace {

constexpr std::size_t kMinimumPassword = 8;

std::string groupOf(StaffRole role)
{
    return "hiprx_" + std::string(staffRoleId(role));
}

sql::PostgresConnection& serverOf(Database& db)
{
    auto* server = dynamic_cast<sql::PostgresConnection*>(db.impl().connection.get());
    if (server == nullptr)
        throw StorageError("Logins belong to a clinic server; " + db.location() +
                           " is a database file, where the staff list (hiprx-cli staff) is all there is.");
    return *server;
}

/// Runs one call of a login function, turning the server's refusals into messages in words.
template <typename Work> void calling(const std::string& login, Work&& work)
{
    try {
        work();
    } catch (const sql::Error& e) {
        const std::string& state = e.sqlstate();
        if (state == "42501")
            throw StorageError("Only a clinic administrator's login may manage logins (" + std::string(e.what()) +
                               ").");
        if (state == "42710")
            throw InputError("login", "login: " + login + " exists already; choose another login name");
        if (state == "42704")
            throw InputError("login", "login: there is no login " + login + " (see: hiprx-cli staff logins)");
        if (state == "22023")
            throw InputError("login", "login: " + std::string(e.what()));
        throw StorageError("The clinic server refused: " + std::string(e.what()) + ".");
    }
}

void checkPassword(const std::string& password)
{
    if (password.size() < kMinimumPassword)
        throw InputError("password", "password: at least " + std::to_string(kMinimumPassword) + " characters");
}

std::string verifier(sql::PostgresConnection& server, const std::string& login, const std::string& password)
{
    char* encrypted = detail::pq().PQencryptPasswordConn(server.handle(), password.c_str(), login.c_str(), "scram-sha-256");
    if (encrypted == nullptr)
        throw StorageError("Could not prepare the password: " + std::string(detail::pq().PQerrorMessage(server.handle())));
    std::string result = encrypted;
    detail::pq().PQfreemem(encrypted);
    return result;
}

} // namespace

std::string_view staffRoleId(StaffRole role)
{
    switch (role) {
    case StaffRole::Therapist:
        return "therapist";
    case StaffRole::FrontDesk:
        return "frontdesk";
    case StaffRole::Admin:
        return "admin";
    }
    return "therapist";
}

std::optional<StaffRole> staffRoleFromId(std::string_view id)
{
    for (StaffRole role : {StaffRole::Therapist, StaffRole::FrontDesk, StaffRole::Admin})
        if (staffRoleId(role) == id)
            return role;
    return std::nullopt;
}

std::string_view staffRoleLabel(StaffRole role)
{
    switch (role) {
    case StaffRole::Therapist:
        return "Therapist";
    case StaffRole::FrontDesk:
        return "Front desk";
    case StaffRole::Admin:
        return "Administrator";
    }
    return "Therapist";
}

ServerLogins::ServerLogins(Database& db) : m_db(db)
{
    serverOf(db);
}

void ServerLogins::create(const std::string& login, const std::string& password, StaffRole role)
{
    checkPassword(password);
    sql::PostgresConnection& server = serverOf(m_db);
    calling(login, [&] {
        sql::Statement call(server, "SELECT hiprx_create_login(?, ?, ?)");
        call.bind(1, login);
        call.bind(2, verifier(server, login, password));
        call.bind(3, groupOf(role));
        call.executeStep();
    });
}

void ServerLogins::setPassword(const std::string& login, const std::string& password)
{
    checkPassword(password);
    sql::PostgresConnection& server = serverOf(m_db);
    calling(login, [&] {
        sql::Statement call(server, "SELECT hiprx_set_password(?, ?)");
        call.bind(1, login);
        call.bind(2, verifier(server, login, password));
        call.executeStep();
    });
}

int ServerLogins::disable(const std::string& login)
{
    int ended = 0;
    calling(login, [&] {
        sql::Statement call(serverOf(m_db), "SELECT hiprx_disable_login(?)");
        call.bind(1, login);
        call.executeStep();
        ended = call.getColumn(0).getInt();
    });
    return ended;
}

void ServerLogins::enable(const std::string& login)
{
    calling(login, [&] {
        sql::Statement call(serverOf(m_db), "SELECT hiprx_enable_login(?)");
        call.bind(1, login);
        call.executeStep();
    });
}

std::vector<ServerLogin> ServerLogins::list()
{
    std::vector<ServerLogin> logins;
    calling("", [&] {
        sql::Statement query(serverOf(m_db), "SELECT login, grp, can_login FROM hiprx_logins ORDER BY login, grp");
        while (query.executeStep()) {
            const std::string group = query.getColumn(1).getString();
            const auto role = staffRoleFromId(group.substr(group.find('_') + 1));
            logins.push_back({query.getColumn(0).getString(), role.value_or(StaffRole::Therapist),
                              query.getColumn(2).getInt() != 0});
        }
    });
    return logins;
}

std::string ServerLogins::currentLogin()
{
    return serverOf(m_db).login();
}

std::optional<StaffRole> ServerLogins::currentRole()
{
    std::optional<StaffRole> role;
    calling("", [&] {
        // The strongest group this login is in (an administrator is also a therapist).
        sql::Statement query(serverOf(m_db),
                             "SELECT pg_has_role(session_user, 'hiprx_admin', 'MEMBER'), "
                             "pg_has_role(session_user, 'hiprx_therapist', 'MEMBER'), "
                             "pg_has_role(session_user, 'hiprx_frontdesk', 'MEMBER')");
        query.executeStep();
        if (query.getColumn(0).getInt() != 0)
            role = StaffRole::Admin;
        else if (query.getColumn(1).getInt() != 0)
            role = StaffRole::Therapist;
        else if (query.getColumn(2).getInt() != 0)
            role = StaffRole::FrontDesk;
    });
    return role;
}

} // namespace hiprx::store
