// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/visit_note_repository.h"

#include "store/repository_support.h"

namespace hiprx::store {

void VisitNoteRepository::file(std::int64_t programId, const std::vector<std::uint8_t>& pdf, const Actor& actor)
{
    detail::guarded("file the visit note", [&] {
        if (pdf.empty())
            throw InputError("visit_note.pdf", "visit_note.pdf: the note is empty");
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            sql::Statement program(db, "SELECT p.visit_id FROM programs p WHERE p.id = ?");
            program.bind(1, programId);
            if (!program.executeStep())
                throw InputError("visit_note.program", "visit_note.program: there is no issued program " +
                                                           std::to_string(programId));
            const std::int64_t visitId = program.getColumn(0).getInt64();
            sql::Statement exists(db, "SELECT 1 FROM visit_notes WHERE program_id = ?");
            exists.bind(1, programId);
            if (exists.executeStep())
                throw StorageError("A visit note is already filed with this program; a filed note is never "
                                   "replaced.");
            sql::Statement insert(db, "INSERT INTO visit_notes (program_id, made_at, pdf) VALUES (?, ?, ?)");
            insert.bind(1, programId);
            insert.bind(2, detail::nowUtc());
            insert.bindBlob(3, pdf.data(), pdf.size());
            insert.exec();
            detail::appendAudit(db, actor, "visit_note.file", "visit", visitId,
                                "program " + std::to_string(programId) + ", " + std::to_string(pdf.size()) + " bytes");
        });
    });
}

std::optional<std::vector<std::uint8_t>> VisitNoteRepository::find(std::int64_t programId)
{
    return detail::guarded("read the visit note", [&]() -> std::optional<std::vector<std::uint8_t>> {
        sql::Statement query(detail::connection(m_db), "SELECT pdf FROM visit_notes WHERE program_id = ?");
        query.bind(1, programId);
        if (!query.executeStep())
            return std::nullopt;
        return query.getColumn(0).getBlob();
    });
}

} // namespace hiprx::store
