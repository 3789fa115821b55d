// SPDX-License-Identifier: GPL-3.0-or-later
//
// Patients. Search folds names with nameKey() and matches word prefixes: each word of the query
// must begin a word of the name, begin the birth date ("1961", "1961-04") or begin the clinic's
// record number. So "alv" finds "Tomás Álvarez" and "alvarez 1961" narrows to those born in 1961.
// Prefix rather than substring matching keeps "an" from finding every "Johann" and "Susana".
#include "store/name_key.h"
#include "store/repository_support.h"

#include <algorithm>
#include <cctype>

namespace hiprx::store {

namespace {

constexpr const char* kPatientColumns = "id, external_id, name, birth_date, sex, email, phone";
constexpr std::size_t kMaxQueryWords = 8;

core::Patient readPatient(SQLite::Statement& row)
{
    core::Patient patient;
    patient.id = row.getColumn(0).getInt64();
    patient.externalId = detail::text(row.getColumn(1));
    patient.name = row.getColumn(2).getString();
    if (const std::string birth = detail::text(row.getColumn(3)); !birth.empty())
        patient.birthDate = core::Date::parse(birth);
    patient.sex = core::fromId<core::Sex>(row.getColumn(4).getString()).value_or(core::Sex::Unknown);
    patient.email = row.getColumn(5).getString();
    patient.phone = row.getColumn(6).getString();
    return patient;
}

/// Binds the editable fields to ?1 … ?7 (external_id, name, name_key, birth_date, sex, email, phone).
void bindFields(SQLite::Statement& statement, const core::Patient& patient)
{
    detail::bindTextOrNull(statement, 1, patient.externalId);
    statement.bind(2, patient.name);
    statement.bind(3, nameKey(patient.name));
    if (patient.birthDate)
        statement.bind(4, patient.birthDate->iso());
    else
        statement.bind(4);
    statement.bind(5, std::string(core::toId(patient.sex)));
    statement.bind(6, patient.email);
    statement.bind(7, patient.phone);
}

/// The names (never the values) of the fields that differ.
std::vector<std::string> changedFields(const core::Patient& before, const core::Patient& after)
{
    std::vector<std::string> names;
    if (before.externalId != after.externalId)
        names.emplace_back("external_id");
    if (before.name != after.name)
        names.emplace_back("name");
    if (before.birthDate != after.birthDate)
        names.emplace_back("birth_date");
    if (before.sex != after.sex)
        names.emplace_back("sex");
    if (before.email != after.email)
        names.emplace_back("email");
    if (before.phone != after.phone)
        names.emplace_back("phone");
    return names;
}

std::optional<core::Patient> findById(SQLite::Database& db, std::int64_t id)
{
    SQLite::Statement query(db, std::string("SELECT ") + kPatientColumns + " FROM patients WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return readPatient(query);
}

/// Validation before any write: every field problem, plus a record number already in use.
void validateForWrite(SQLite::Database& db, const core::Patient& patient)
{
    std::vector<FieldProblem> problems = core::validatePatient(patient, detail::localToday(), "patient");
    if (!patient.externalId.empty()) {
        SQLite::Statement taken(db, "SELECT 1 FROM patients WHERE external_id = ? AND id <> ?");
        taken.bind(1, patient.externalId);
        taken.bind(2, patient.id);
        if (taken.executeStep())
            problems.push_back({"patient.id", "patient.id: another patient already has this record number"});
    }
    detail::throwIfProblems(std::move(problems));
}

/// Escapes LIKE wildcards so a typed % or _ matches itself (ESCAPE '\').
std::string likePrefix(std::string_view word)
{
    std::string out;
    for (char c : word) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '%';
}

bool looksLikeDatePrefix(std::string_view word)
{
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '-';
    });
}

/// Query words for search: whitespace-separated as typed (record numbers and dates keep their
/// hyphens), each also folded for the name.
struct QueryWord {
    std::string raw;
    std::string folded;
};

std::vector<QueryWord> splitQuery(std::string_view query)
{
    std::vector<QueryWord> words;
    std::size_t i = 0;
    while (i < query.size() && words.size() < kMaxQueryWords) {
        while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i])) != 0)
            ++i;
        std::size_t end = i;
        while (end < query.size() && std::isspace(static_cast<unsigned char>(query[end])) == 0)
            ++end;
        if (end > i) {
            std::string raw(query.substr(i, end - i));
            words.push_back({raw, nameKey(raw)});
        }
        i = end;
    }
    return words;
}

} // namespace

std::int64_t PatientRepository::create(const core::Patient& patient, const Actor& actor)
{
    return detail::guarded("save the patient", [&] {
        SQLite::Database& db = detail::connection(m_db);
        std::int64_t id = 0;
        m_db.transaction([&] {
            core::Patient fresh = patient;
            fresh.id = 0;
            validateForWrite(db, fresh);
            SQLite::Statement insert(db,
                                     "INSERT INTO patients (external_id, name, name_key, birth_date, sex, "
                                     "email, phone, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)");
            bindFields(insert, fresh);
            insert.bind(8, detail::nowUtc());
            insert.exec();
            id = db.getLastInsertRowid();
            const std::vector<std::string> given = changedFields(core::Patient{}, fresh);
            detail::appendAudit(db, actor, "patient.create", "patient", id,
                                given.empty() ? "fields: name" : "fields: " + detail::joinNames(given));
        });
        return id;
    });
}

void PatientRepository::update(const core::Patient& patient, const Actor& actor)
{
    detail::guarded("save the patient", [&] {
        SQLite::Database& db = detail::connection(m_db);
        m_db.transaction([&] {
            const std::optional<core::Patient> before = findById(db, patient.id);
            if (!before)
                throw StorageError("There is no patient with id " + std::to_string(patient.id) + ".");
            validateForWrite(db, patient);
            const std::vector<std::string> changed = changedFields(*before, patient);
            if (changed.empty())
                return; // nothing to write, nothing to audit
            SQLite::Statement write(db, "UPDATE patients SET external_id = ?1, name = ?2, name_key = ?3, "
                                        "birth_date = ?4, sex = ?5, email = ?6, phone = ?7, updated_at = ?8 "
                                        "WHERE id = ?9");
            bindFields(write, patient);
            write.bind(8, detail::nowUtc());
            write.bind(9, patient.id);
            write.exec();
            detail::appendAudit(db, actor, "patient.update", "patient", patient.id,
                                "changed: " + detail::joinNames(changed));
        });
    });
}

std::optional<core::Patient> PatientRepository::find(std::int64_t id)
{
    return detail::guarded("read the patient", [&] { return findById(detail::connection(m_db), id); });
}

std::optional<core::Patient> PatientRepository::findByExternalId(const std::string& externalId)
{
    return detail::guarded("read the patient", [&]() -> std::optional<core::Patient> {
        if (externalId.empty())
            return std::nullopt;
        SQLite::Statement query(detail::connection(m_db), std::string("SELECT ") + kPatientColumns +
                                                              " FROM patients WHERE external_id = ?");
        query.bind(1, externalId);
        if (!query.executeStep())
            return std::nullopt;
        return readPatient(query);
    });
}

std::vector<core::Patient> PatientRepository::search(const std::string& query, int limit)
{
    return detail::guarded("search the patients", [&] {
        const std::vector<QueryWord> words = splitQuery(query);
        std::string sql = std::string("SELECT ") + kPatientColumns + " FROM patients";
        // Each word adds one condition; the statement is still prepared with every value bound.
        for (std::size_t i = 0; i < words.size(); ++i) {
            sql += i == 0 ? " WHERE " : " AND ";
            sql += "(";
            if (!words[i].folded.empty())
                sql += "(' ' || name_key) LIKE ? ESCAPE '\\' OR ";
            if (looksLikeDatePrefix(words[i].raw))
                sql += "birth_date LIKE ? ESCAPE '\\' OR ";
            sql += "external_id LIKE ? ESCAPE '\\')";
        }
        sql += words.empty() ? " ORDER BY updated_at DESC, id DESC" : " ORDER BY name_key, birth_date, id";
        sql += " LIMIT ?";

        SQLite::Statement statement(detail::connection(m_db), sql);
        int index = 1;
        for (const QueryWord& word : words) {
            if (!word.folded.empty()) {
                // A query word of several folded words ("ruiz-perez") must match them in sequence.
                statement.bind(index++, "% " + likePrefix(word.folded));
            }
            if (looksLikeDatePrefix(word.raw))
                statement.bind(index++, likePrefix(word.raw));
            statement.bind(index++, likePrefix(word.raw));
        }
        statement.bind(index, std::max(limit, 0));

        std::vector<core::Patient> found;
        while (statement.executeStep())
            found.push_back(readPatient(statement));
        return found;
    });
}

std::int64_t PatientRepository::count()
{
    return detail::guarded("count the patients", [&] {
        return detail::connection(m_db).execAndGet("SELECT count(*) FROM patients").getInt64();
    });
}

} // namespace hiprx::store
