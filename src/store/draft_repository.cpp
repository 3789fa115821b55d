// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/draft_repository.h"
#include "store/repository_support.h"

namespace hiprx::store {

namespace {

AssessmentDraft readDraft(sql::Statement& query)
{
    AssessmentDraft draft;
    draft.patientId = query.getColumn(0).getInt64();
    draft.visitId = query.getColumn(1).getInt64();
    draft.formText = query.getColumn(2).getString();
    draft.updatedAt = query.getColumn(3).getString();
    return draft;
}

/// Whose draft this is. A new visit's (visit 0) on a clinic server is the login's: two therapists
/// beginning one patient's new visit at two desks each keep their own typing. A saved visit's draft
/// stays shared (''), as it always was: it also carries the program saved with the visit, which
/// every desk opening that visit must see. In a practice's own file there is one author, ''. New
/// visits' drafts from before schema 10 have no author and are offered to every login.
std::string author(Database& db, std::int64_t visitId)
{
    return db.isServer() && visitId == 0 ? db.login() : std::string();
}

} // namespace

void DraftRepository::save(std::int64_t patientId, std::int64_t visitId, const std::string& formText)
{
    detail::guarded("save the draft", [&] {
        sql::Statement upsert(detail::connection(m_db),
                              "INSERT INTO assessment_drafts (patient_id, visit_id, form_text, updated_at, author) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (patient_id, visit_id, author) DO UPDATE "
                              "SET form_text = excluded.form_text, updated_at = excluded.updated_at");
        upsert.bind(1, static_cast<std::int64_t>(patientId));
        upsert.bind(2, static_cast<std::int64_t>(visitId));
        upsert.bind(3, formText);
        upsert.bind(4, detail::nowUtc());
        upsert.bind(5, author(m_db, visitId));
        upsert.exec();
    });
}

std::optional<AssessmentDraft> DraftRepository::find(std::int64_t patientId, std::int64_t visitId)
{
    return detail::guarded("read the draft", [&]() -> std::optional<AssessmentDraft> {
        sql::Statement query(detail::connection(m_db),
                             "SELECT patient_id, visit_id, form_text, updated_at FROM assessment_drafts "
                             "WHERE patient_id = ? AND visit_id = ? AND author IN (?, '') "
                             "ORDER BY author DESC LIMIT 1"); // one's own before an unsigned one
        query.bind(1, static_cast<std::int64_t>(patientId));
        query.bind(2, static_cast<std::int64_t>(visitId));
        query.bind(3, author(m_db, visitId));
        if (!query.executeStep())
            return std::nullopt;
        return readDraft(query);
    });
}

std::vector<AssessmentDraft> DraftRepository::forPatient(std::int64_t patientId)
{
    return detail::guarded("read the drafts", [&] {
        sql::Connection& db = detail::connection(m_db);
        // On a clinic server a login that may not read drafts (the front desk, which never makes one)
        // has none to be offered, rather than an error on every patient it opens.
        if (!detail::may(m_db, "SELECT", "assessment_drafts"))
            return std::vector<AssessmentDraft>{};
        sql::Statement query(db, "SELECT patient_id, visit_id, form_text, updated_at FROM assessment_drafts "
                                 "WHERE patient_id = ? AND author IN (?, '') ORDER BY updated_at DESC, id DESC");
        query.bind(1, static_cast<std::int64_t>(patientId));
        query.bind(2, author(m_db, 0));
        std::vector<AssessmentDraft> drafts;
        while (query.executeStep())
            drafts.push_back(readDraft(query));
        return drafts;
    });
}

void DraftRepository::discard(std::int64_t patientId, std::int64_t visitId)
{
    detail::guarded("discard the draft", [&] {
        sql::Statement erase(detail::connection(m_db),
                             "DELETE FROM assessment_drafts WHERE patient_id = ? AND visit_id = ? "
                             "AND author IN (?, '')");
        erase.bind(1, static_cast<std::int64_t>(patientId));
        erase.bind(2, static_cast<std::int64_t>(visitId));
        erase.bind(3, author(m_db, visitId));
        erase.exec();
    });
}

} // namespace hiprx::store
