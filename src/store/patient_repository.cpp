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

core::Patient readPatient(sql::Statement& row)
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
void bindFields(sql::Statement& statement, const core::Patient& patient)
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

std::optional<core::Patient> findById(sql::Connection& db, std::int64_t id)
{
    sql::Statement query(db, std::string("SELECT ") + kPatientColumns + " FROM patients WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return readPatient(query);
}

/// Validation before any write: every field problem, plus a record number already in use.
void validateForWrite(sql::Connection& db, const core::Patient& patient)
{
    std::vector<FieldProblem> problems = core::validatePatient(patient, detail::localToday(), "patient");
    if (!patient.externalId.empty()) {
        sql::Statement taken(db, "SELECT 1 FROM patients WHERE external_id = ? AND id <> ?");
        taken.bind(1, patient.externalId);
        taken.bind(2, patient.id);
        if (taken.executeStep())
            problems.push_back({"patient.id", "patient.id: another patient already has this record number"});
    }
    detail::throwIfProblems(std::move(problems));
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

/// Rewrites the search tokens (see db/migrations/005) of one patient, or of every patient when `id`
/// is 0, from the stored rows: the words of name_key, the lower-cased record number, the birth date.
void writeSearchTokens(sql::Connection& db, std::int64_t id)
{
    sql::Statement clear(db, "DELETE FROM patient_search_tokens WHERE ?1 = 0 OR patient_id = ?1");
    clear.bind(1, id);
    clear.exec();
    if (db.dialect() == sql::Dialect::Postgres) {
        sql::Statement fill(db, "INSERT INTO patient_search_tokens (token, patient_id) "
                                "SELECT w.word, p.id FROM patients p, regexp_split_to_table(p.name_key, ' ') AS w (word) "
                                "  WHERE (?1 = 0 OR p.id = ?1) AND w.word <> '' "
                                "UNION ALL SELECT lower(external_id), id FROM patients "
                                "  WHERE (?1 = 0 OR id = ?1) AND coalesce(external_id, '') <> '' "
                                "UNION ALL SELECT birth_date, id FROM patients "
                                "  WHERE (?1 = 0 OR id = ?1) AND coalesce(birth_date, '') <> '' "
                                "ON CONFLICT DO NOTHING");
        fill.bind(1, id);
        fill.exec();
        return;
    }
    sql::Statement fill(
        db, "INSERT OR IGNORE INTO patient_search_tokens (token, patient_id) "
            "WITH RECURSIVE split (patient_id, word, rest) AS ("
            "  SELECT id, '', name_key || ' ' FROM patients WHERE ?1 = 0 OR id = ?1"
            "  UNION ALL"
            "  SELECT patient_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)"
            "  FROM split WHERE rest <> '') "
            "SELECT word, patient_id FROM split WHERE word <> '' "
            "UNION ALL SELECT lower(external_id), id FROM patients "
            "  WHERE (?1 = 0 OR id = ?1) AND coalesce(external_id, '') <> '' "
            "UNION ALL SELECT birth_date, id FROM patients "
            "  WHERE (?1 = 0 OR id = ?1) AND coalesce(birth_date, '') <> ''");
    fill.bind(1, id);
    fill.exec();
}

/// Upper bound of a token range: every token starting with `prefix` sorts below it (U+10FFFF is
/// the largest code point, and tokens are compared byte by byte).
std::string prefixEnd(const std::string& prefix) { return prefix + "\xF4\x8F\xBF\xBF"; }

std::string asciiLower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::vector<std::string> splitWords(const std::string& folded)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', start), folded.size());
        if (end > start)
            words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

} // namespace

void PatientRepository::rebuildSearchIndex()
{
    detail::guarded("rebuild the patient search index", [&] {
        m_db.transaction([&] { writeSearchTokens(detail::connection(m_db), 0); });
    });
}

std::int64_t PatientRepository::create(const core::Patient& patient, const Actor& actor)
{
    return detail::guarded("save the patient", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t id = 0;
        m_db.transaction([&] {
            core::Patient fresh = patient;
            fresh.id = 0;
            validateForWrite(db, fresh);
            sql::Statement insert(db,
                                     "INSERT INTO patients (external_id, name, name_key, birth_date, sex, "
                                     "email, phone, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id");
            bindFields(insert, fresh);
            insert.bind(8, detail::nowUtc());
            insert.executeStep();
            id = insert.getColumn(0).getInt64();
            writeSearchTokens(db, id);
            const std::vector<std::string> given = changedFields(core::Patient{}, fresh);
            detail::appendAudit(db, actor, "patient.create", "patient", id,
                                given.empty() ? "fields: name" : "fields: " + detail::joinNames(given));
        });
        return id;
    });
}

std::int64_t PatientRepository::rowVersion(std::int64_t id)
{
    return detail::guarded("read the patient", [&]() -> std::int64_t {
        sql::Statement query(detail::connection(m_db), "SELECT row_version FROM patients WHERE id = ?");
        query.bind(1, id);
        return query.executeStep() ? query.getColumn(0).getInt64() : 0;
    });
}

std::int64_t PatientRepository::update(const core::Patient& patient, const Actor& actor,
                                       std::optional<std::int64_t> expectedVersion)
{
    return detail::guarded("save the patient", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t rowVersion = 0;
        m_db.transaction([&] {
            // On a server, FOR UPDATE keeps another desk from saving between this check and the write.
            sql::Statement version(db, db.dialect() == sql::Dialect::Postgres
                                           ? "SELECT row_version FROM patients WHERE id = ? FOR UPDATE"
                                           : "SELECT row_version FROM patients WHERE id = ?");
            version.bind(1, patient.id);
            if (!version.executeStep())
                throw StorageError("There is no patient with id " + std::to_string(patient.id) + ".");
            rowVersion = version.getColumn(0).getInt64();
            if (expectedVersion && rowVersion != *expectedVersion)
                throw detail::conflict(db, "patient", patient.id, "patient's record");
            const std::optional<core::Patient> before = findById(db, patient.id);
            if (!before)
                throw StorageError("There is no patient with id " + std::to_string(patient.id) + ".");
            validateForWrite(db, patient);
            const std::vector<std::string> changed = changedFields(*before, patient);
            if (changed.empty())
                return; // nothing to write, nothing to audit
            sql::Statement write(db, "UPDATE patients SET external_id = ?1, name = ?2, name_key = ?3, "
                                        "birth_date = ?4, sex = ?5, email = ?6, phone = ?7, updated_at = ?8, "
                                        "row_version = row_version + 1 WHERE id = ?9");
            bindFields(write, patient);
            write.bind(8, detail::nowUtc());
            write.bind(9, patient.id);
            write.exec();
            ++rowVersion;
            writeSearchTokens(db, patient.id);
            detail::appendAudit(db, actor, "patient.update", "patient", patient.id,
                                "changed: " + detail::joinNames(changed));
        });
        return rowVersion;
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
        sql::Statement query(detail::connection(m_db), std::string("SELECT ") + kPatientColumns +
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
        // Each query word must start a token of the patient: as typed (lower-cased: a record number
        // or a birth date such as "1961-04"), or, folded, every one of its name words ("Ruiz-Pérez"
        // → "ruiz" and "perez"). Each test is one index lookup in patient_search_tokens.
        //
        // Speed at 100,000 patients: candidates are walked in token order from the longest query
        // word (the most selective guess), each checked against every word, and collection stops
        // after `limit` distinct patients; only those are sorted by name. So a query matching more
        // than `limit` patients lists the first matches by matched word, not the alphabetically
        // first names — typing one more letter narrows it. Nothing is ever sorted in bulk.
        const std::vector<QueryWord> words = splitQuery(query);
        if (words.empty()) {
            sql::Statement recent(detail::connection(m_db), std::string("SELECT ") + kPatientColumns +
                                                                   " FROM patients p ORDER BY updated_at DESC, "
                                                                   "id DESC LIMIT ?");
            recent.bind(1, std::max(limit, 0));
            std::vector<core::Patient> found;
            while (recent.executeStep())
                found.push_back(readPatient(recent));
            return found;
        }

        constexpr const char* kHasToken = "EXISTS (SELECT 1 FROM patient_search_tokens t WHERE "
                                          "t.patient_id = c.patient_id AND t.token >= ? AND t.token < ?)";
        constexpr const char* kTokenRange =
            "SELECT patient_id FROM patient_search_tokens WHERE token >= ? AND token < ?";
        std::vector<std::string> prefixes; // bound in order, each as a [prefix, prefixEnd) pair

        // The driving word: the longest as typed; its candidates come from its typed form and from
        // its longest name word (a name match needs every name word, so the longest is enough).
        const auto driver = std::max_element(words.begin(), words.end(), [](const QueryWord& a, const QueryWord& b) {
            return a.raw.size() < b.raw.size();
        });
        const std::vector<std::string> driverNames = splitWords(driver->folded);
        const std::string driverTyped = asciiLower(driver->raw);
        std::string sql = std::string("SELECT ") + kPatientColumns + " FROM patients p WHERE p.id IN (" +
                          "SELECT DISTINCT c.patient_id FROM (" + kTokenRange;
        prefixes.push_back(driverTyped);
        if (!driverNames.empty()) {
            const auto longest = std::max_element(driverNames.begin(), driverNames.end(),
                                                  [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
            if (*longest != driverTyped) {
                sql += std::string(" UNION ALL ") + kTokenRange;
                prefixes.push_back(*longest);
            }
        }
        sql += ") AS c WHERE ";
        for (std::size_t i = 0; i < words.size(); ++i) {
            sql += i == 0 ? "(" : " AND (";
            const std::string typed = asciiLower(words[i].raw);
            sql += kHasToken;
            prefixes.push_back(typed);
            const std::vector<std::string> nameWords = splitWords(words[i].folded);
            if (!nameWords.empty() && !(nameWords.size() == 1 && nameWords[0] == typed)) {
                sql += " OR (";
                for (std::size_t w = 0; w < nameWords.size(); ++w) {
                    sql += w == 0 ? "" : " AND ";
                    sql += kHasToken;
                    prefixes.push_back(nameWords[w]);
                }
                sql += ")";
            }
            sql += ")";
        }
        sql += " LIMIT ?) ORDER BY p.name_key, p.birth_date, p.id";

        sql::Statement statement(detail::connection(m_db), sql);
        int index = 1;
        for (const std::string& prefix : prefixes) {
            statement.bind(index++, prefix);
            statement.bind(index++, prefixEnd(prefix));
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
        sql::Statement query(detail::connection(m_db), "SELECT count(*) FROM patients");
        query.executeStep();
        return query.getColumn(0).getInt64();
    });
}

} // namespace hiprx::store
