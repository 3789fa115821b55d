// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/change_feed.h"

#include "store/database_impl.h"
#include "store/sql_postgres.h"

#include <charconv>

namespace hiprx::store {

Change parseChange(const std::string& payload)
{
    Change change;
    const std::size_t first = payload.find(':');
    const std::size_t last = payload.rfind(':');
    if (first == std::string::npos || last == first) {
        change.table = payload;
        return change;
    }
    change.table = payload.substr(0, first);
    change.row = payload.substr(first + 1, last - first - 1);
    const std::string patient = payload.substr(last + 1);
    std::from_chars(patient.data(), patient.data() + patient.size(), change.patientId);
    return change;
}

ChangeFeed::ChangeFeed(std::unique_ptr<sql::PostgresConnection> connection) : m_connection(std::move(connection))
{
}

ChangeFeed::~ChangeFeed() = default;

int ChangeFeed::socket() const
{
    return m_connection->socket();
}

std::vector<Change> ChangeFeed::take()
{
    return detail::guarded("hear the changes of other desks", [&] {
        std::vector<Change> changes;
        for (const sql::Notification& n : m_connection->notifications())
            if (n.channel == "hiprx_change")
                changes.push_back(parseChange(n.payload));
        return changes;
    });
}

} // namespace hiprx::store
