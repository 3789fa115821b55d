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

} // namespace

void DraftRepository::save(std::int64_t patientId, std::int64_t visitId, const std::string& formText)
{
    detail::guarded("save the draft", [&] {
        sql::Statement upsert(detail::connection(m_db),
                                 "INSERT INTO assessment_drafts (patient_id, visit_id, form_text, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (patient_id, visit_id) DO UPDATE SET "
                                 "form_text = excluded.form_text, updated_at = excluded.updated_at");
        upsert.bind(1, static_cast<std::int64_t>(patientId));
        upsert.bind(2, static_cast<std::int64_t>(visitId));
        upsert.bind(3, formText);
        upsert.bind(4, detail::nowUtc());
        upsert.exec();
    });
}

std::optional<AssessmentDraft> DraftRepository::find(std::int64_t patientId, std::int64_t visitId)
{
    return detail::guarded("read the draft", [&]() -> std::optional<AssessmentDraft> {
        sql::Statement query(detail::connection(m_db),
                                "SELECT patient_id, visit_id, form_text, updated_at FROM assessment_drafts "
                                "WHERE patient_id = ? AND visit_id = ?");
        query.bind(1, static_cast<std::int64_t>(patientId));
        query.bind(2, static_cast<std::int64_t>(visitId));
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
                                 "WHERE patient_id = ? ORDER BY updated_at DESC, id DESC");
        query.bind(1, static_cast<std::int64_t>(patientId));
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
                                "DELETE FROM assessment_drafts WHERE patient_id = ? AND visit_id = ?");
        erase.bind(1, static_cast<std::int64_t>(patientId));
        erase.bind(2, static_cast<std::int64_t>(visitId));
        erase.exec();
    });
}

} // namespace hiprx::store
