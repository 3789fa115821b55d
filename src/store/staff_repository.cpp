// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/staff_repository.h"

#include "store/repository_support.h"

namespace hiprx::store {

namespace {

core::StaffMember readMember(sql::Statement& query)
{
    core::StaffMember member;
    member.id = query.getColumn(0).getInt64();
    member.name = query.getColumn(1).getString();
    member.credentials = query.getColumn(2).getString();
    member.active = query.getColumn(3).getInt() != 0;
    return member;
}

void throwIfDuplicate(sql::Connection& db, const core::StaffMember& member)
{
    sql::Statement query(db, "SELECT 1 FROM staff WHERE name = ? AND credentials = ? AND id <> ?");
    query.bind(1, member.name);
    query.bind(2, member.credentials);
    query.bind(3, member.id);
    if (query.executeStep())
        throw InputError("staff.name", "staff.name: \"" + core::staffLabel(member) + "\" is already on the staff list");
}

core::StaffMember cleaned(core::StaffMember member)
{
    // Stored as shown: "Jane Park" and " Jane Park " are one person.
    const auto trim = [](std::string& s) {
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
    };
    trim(member.name);
    trim(member.credentials);
    return member;
}

} // namespace

std::int64_t StaffRepository::add(const core::StaffMember& input, const Actor& actor)
{
    const core::StaffMember member = cleaned(input);
    detail::throwIfProblems(core::validateStaff(member));
    return detail::guarded("add the staff member", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t id = 0;
        m_db.transaction([&] {
            throwIfDuplicate(db, member);
            sql::Statement insert(db, "INSERT INTO staff (name, credentials, active, created_at) "
                                         "VALUES (?, ?, 1, ?) RETURNING id");
            insert.bind(1, member.name);
            insert.bind(2, member.credentials);
            insert.bind(3, detail::nowUtc());
            insert.executeStep();
            id = insert.getColumn(0).getInt64();
            detail::appendAudit(db, actor, "staff.add", "staff", id, "fields: name, credentials");
        });
        return id;
    });
}

void StaffRepository::update(const core::StaffMember& input, const Actor& actor)
{
    const core::StaffMember member = cleaned(input);
    detail::throwIfProblems(core::validateStaff(member));
    detail::guarded("change the staff member", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            throwIfDuplicate(db, member);
            sql::Statement update(db, "UPDATE staff SET name = ?, credentials = ? WHERE id = ?");
            update.bind(1, member.name);
            update.bind(2, member.credentials);
            update.bind(3, member.id);
            if (update.exec() == 0)
                throw StorageError("There is no staff member with id " + std::to_string(member.id) + ".");
            detail::appendAudit(db, actor, "staff.update", "staff", member.id, "fields: name, credentials");
        });
    });
}

void StaffRepository::setActive(std::int64_t id, bool active, const Actor& actor)
{
    detail::guarded(active ? "bring back the staff member" : "retire the staff member", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            sql::Statement update(db, "UPDATE staff SET active = ? WHERE id = ?");
            update.bind(1, active ? 1 : 0);
            update.bind(2, id);
            if (update.exec() == 0)
                throw StorageError("There is no staff member with id " + std::to_string(id) + ".");
            detail::appendAudit(db, actor, active ? "staff.activate" : "staff.retire", "staff", id, "field: active");
        });
    });
}

std::optional<core::StaffMember> StaffRepository::find(std::int64_t id)
{
    return detail::guarded("read the staff list", [&]() -> std::optional<core::StaffMember> {
        sql::Statement query(detail::connection(m_db),
                                "SELECT id, name, credentials, active FROM staff WHERE id = ?");
        query.bind(1, id);
        if (!query.executeStep())
            return std::nullopt;
        return readMember(query);
    });
}

std::vector<core::StaffMember> StaffRepository::list(bool includeRetired)
{
    return detail::guarded("read the staff list", [&] {
        sql::Statement query(detail::connection(m_db),
                                std::string("SELECT id, name, credentials, active FROM staff") +
                                    (includeRetired ? "" : " WHERE active = 1") + " ORDER BY name, credentials, id");
        std::vector<core::StaffMember> members;
        while (query.executeStep())
            members.push_back(readMember(query));
        return members;
    });
}

} // namespace hiprx::store
