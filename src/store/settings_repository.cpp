// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repository_support.h"

namespace hiprx::store {

std::optional<std::string> SettingsRepository::get(const std::string& key)
{
    return detail::guarded("read the settings", [&]() -> std::optional<std::string> {
        sql::Statement query(detail::connection(m_db), "SELECT value FROM settings WHERE key = ?");
        query.bind(1, key);
        if (!query.executeStep())
            return std::nullopt;
        return query.getColumn(0).getString();
    });
}

void SettingsRepository::set(const std::string& key, const std::string& value, const Actor& actor)
{
    if (key.empty())
        throw InputError("settings.key", "settings.key: a setting needs a name");
    detail::guarded("save the setting", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            sql::Statement upsert(
                db, "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at WHERE settings.value <> excluded.value");
            upsert.bind(1, key);
            upsert.bind(2, value);
            upsert.bind(3, detail::nowUtc());
            // The value may hold addresses or server names: the audit row names only the key.
            if (upsert.exec() > 0)
                detail::appendAudit(db, actor, "setting.set", "setting", std::nullopt, "key: " + key);
        });
    });
}

bool SettingsRepository::mayChange()
{
    return detail::guarded("ask what this login may do", [&] { return detail::may(m_db, "UPDATE", "settings"); });
}

} // namespace hiprx::store
