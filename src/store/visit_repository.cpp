// SPDX-License-Identifier: GPL-3.0-or-later
//
// Visits and the programs issued at them.
//
// The findings are stored as one hiprx-assessment/1 document whose patient section is a fixed
// placeholder: the patients row stays the only copy of a person's details, so correcting or
// erasing them leaves no stale copies inside old visits. Reading a visit puts the current patient
// row back.
//
// Stored documents were validated when written. They are read back with a far-future "today", so
// that a date that was valid when saved (or a clock that was ahead) can never make saved data
// unreadable.
#include "core/analysis.h"
#include "core/issue_rules.h"
#include "exchange/json_format.h"

#include <algorithm>
#include "store/repository_support.h"

namespace hiprx::store {

namespace {

/// The name written into the patient section of stored assessments (see the file comment).
constexpr const char* kPatientPlaceholder = "patient";
/// The date stored documents are read against: nothing saved is ever "in the future" of it.
constexpr core::Date kReadBound{9999, 12, 31};

core::Patient loadPatient(sql::Connection& db, std::int64_t patientId)
{
    sql::Statement query(db, "SELECT id, external_id, name, birth_date, sex, email, phone "
                                "FROM patients WHERE id = ?");
    query.bind(1, patientId);
    if (!query.executeStep())
        throw StorageError("There is no patient with id " + std::to_string(patientId) + ".");
    core::Patient patient;
    patient.id = query.getColumn(0).getInt64();
    patient.externalId = detail::text(query.getColumn(1));
    patient.name = query.getColumn(2).getString();
    if (const std::string birth = detail::text(query.getColumn(3)); !birth.empty())
        patient.birthDate = core::Date::parse(birth);
    patient.sex = core::fromId<core::Sex>(query.getColumn(4).getString()).value_or(core::Sex::Unknown);
    patient.email = query.getColumn(5).getString();
    patient.phone = query.getColumn(6).getString();
    return patient;
}

/// Checks the findings against the stored patient (so age and date rules see the real record)
/// and returns the document to store, without personal details.
std::string prepareForStorage(sql::Connection& db, std::int64_t patientId,
                              const core::Assessment& assessment)
{
    core::Assessment checked = assessment;
    checked.patient = loadPatient(db, patientId);
    detail::throwIfProblems(core::validate(checked, detail::localToday()));
    core::Assessment stored = assessment;
    stored.patient = core::Patient{};
    stored.patient.name = kPatientPlaceholder;
    return exchange::writeAssessment(stored);
}

core::Assessment readStored(const std::string& json, core::Patient patient)
{
    core::Assessment assessment;
    try {
        assessment = exchange::readAssessment(json, kReadBound);
    } catch (const InputError& e) {
        // Saved data this build cannot read is a storage problem, not the user's input. Only the
        // field paths are named: the messages could quote free text.
        std::vector<std::string> paths;
        for (const FieldProblem& problem : e.problems())
            paths.push_back(problem.path);
        throw StorageError("A stored visit does not match this HipRx's assessment format (fields: " +
                           detail::joinNames(paths) + "). Please report this.");
    }
    assessment.patient = std::move(patient);
    return assessment;
}

void bindVisitColumns(sql::Statement& statement, const core::Assessment& assessment,
                      const std::string& json)
{
    if (assessment.visit.date)
        statement.bind(1, assessment.visit.date->iso());
    else
        statement.bind(1);
    statement.bind(2, assessment.visit.clinician);
    statement.bind(3, assessment.visit.complaint);
    statement.bind(4, json);
    statement.bind(5, detail::nowUtc());
}

/// The sections (never the values) that differ between two versions of a visit.
std::vector<std::string> changedSections(const core::Assessment& a, const core::Assessment& b)
{
    std::vector<std::string> names;
    auto note = [&](bool differs, const char* name) {
        if (differs)
            names.emplace_back(name);
    };
    note(a.visit != b.visit, "visit");
    note(a.rom != b.rom || a.rotationPosition != b.rotationPosition, "rom");
    note(a.pain != b.pain, "pain");
    note(a.tests != b.tests, "tests");
    note(a.strength != b.strength, "strength");
    note(a.endurance != b.endurance, "endurance");
    note(a.redFlags != b.redFlags, "red_flags");
    note(a.precautions != b.precautions, "precautions");
    note(a.outcomes != b.outcomes, "outcomes");
    return names;
}

std::vector<std::string> presentSections(const core::Assessment& assessment)
{
    core::Assessment empty;
    return changedSections(empty, assessment);
}

IssuedProgram readIssued(sql::Statement& row)
{
    IssuedProgram issued;
    issued.id = row.getColumn(0).getInt64();
    issued.visitId = row.getColumn(1).getInt64();
    issued.version = row.getColumn(2).getInt();
    issued.issuedAt = row.getColumn(3).getString();
    issued.clinician = row.getColumn(4).getString();
    issued.program = exchange::readProgram(row.getColumn(5).getString());
    issued.acknowledgement = row.getColumn(6).getString();
    if (const auto pdf = row.getColumn(7); !pdf.isNull())
        issued.pdf = pdf.getBlob();
    return issued;
}

constexpr const char* kProgramColumns =
    "id, visit_id, version, issued_at, clinician, program_json, acknowledgement, pdf";

} // namespace

std::int64_t VisitRepository::create(std::int64_t patientId, const core::Assessment& assessment,
                                     const Actor& actor)
{
    return detail::guarded("save the visit", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t id = 0;
        m_db.transaction([&] {
            const std::string json = prepareForStorage(db, patientId, assessment);
            sql::Statement insert(
                db, "INSERT INTO visits (visit_date, clinician, complaint, assessment_json, "
                    "created_at, updated_at, patient_id) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6) RETURNING id");
            bindVisitColumns(insert, assessment, json);
            insert.bind(6, patientId);
            insert.executeStep();
            id = insert.getColumn(0).getInt64();
            const std::vector<std::string> sections = presentSections(assessment);
            detail::appendAudit(db, actor, "visit.create", "visit", id,
                                "patient " + std::to_string(patientId) + "; sections: " +
                                    (sections.empty() ? std::string("none") : detail::joinNames(sections)));
        });
        return id;
    });
}

std::int64_t VisitRepository::update(std::int64_t visitId, const core::Assessment& assessment, const Actor& actor,
                                     std::optional<std::int64_t> expectedVersion)
{
    return detail::guarded("save the visit", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t rowVersion = 0;
        m_db.transaction([&] {
            // On a server, FOR UPDATE keeps another desk from saving between this check and the write.
            sql::Statement current(db, db.dialect() == sql::Dialect::Postgres
                                           ? "SELECT patient_id, assessment_json, row_version FROM visits "
                                             "WHERE id = ? FOR UPDATE"
                                           : "SELECT patient_id, assessment_json, row_version FROM visits WHERE id = ?");
            current.bind(1, visitId);
            if (!current.executeStep())
                throw StorageError("There is no visit with id " + std::to_string(visitId) + ".");
            rowVersion = current.getColumn(2).getInt64();
            if (expectedVersion && rowVersion != *expectedVersion)
                throw detail::conflict(db, "visit", visitId, "visit");
            const std::int64_t patientId = current.getColumn(0).getInt64();
            const core::Assessment before = readStored(current.getColumn(1).getString(), {});
            current.reset();

            const std::string json = prepareForStorage(db, patientId, assessment);
            const std::vector<std::string> changed = changedSections(before, assessment);
            if (changed.empty())
                return;
            sql::Statement write(db, "UPDATE visits SET visit_date = ?1, clinician = ?2, complaint = ?3, "
                                        "assessment_json = ?4, updated_at = ?5, row_version = row_version + 1 WHERE id = ?6");
            bindVisitColumns(write, assessment, json);
            write.bind(6, visitId);
            write.exec();
            ++rowVersion;
            detail::appendAudit(db, actor, "visit.update", "visit", visitId,
                                "changed: " + detail::joinNames(changed));
        });
        return rowVersion;
    });
}

std::optional<VisitRecord> VisitRepository::find(std::int64_t visitId)
{
    return detail::guarded("read the visit", [&]() -> std::optional<VisitRecord> {
        sql::Connection& db = detail::connection(m_db);
        sql::Statement query(db,
                                "SELECT patient_id, assessment_json, updated_at, row_version FROM visits WHERE id = ?");
        query.bind(1, visitId);
        if (!query.executeStep())
            return std::nullopt;
        VisitRecord record;
        record.id = visitId;
        record.patientId = query.getColumn(0).getInt64();
        record.assessment = readStored(query.getColumn(1).getString(), loadPatient(db, record.patientId));
        record.updatedAt = query.getColumn(2).getString();
        record.rowVersion = query.getColumn(3).getInt64();
        // On a clinic server, reading a patient's findings is logged with the login (access_log).
        if (db.dialect() == sql::Dialect::Postgres) {
            sql::Statement logged(db, "SELECT hiprx_log_access(?, 'visit')");
            logged.bind(1, record.patientId);
            logged.executeStep();
        }
        return record;
    });
}

std::optional<VisitHeader> VisitRepository::header(std::int64_t visitId)
{
    return detail::guarded("read the visit", [&]() -> std::optional<VisitHeader> {
        sql::Statement query(detail::connection(m_db),
                             "SELECT patient_id, visit_date, clinician FROM visits WHERE id = ?");
        query.bind(1, visitId);
        if (!query.executeStep())
            return std::nullopt;
        VisitHeader header;
        header.id = visitId;
        header.patientId = query.getColumn(0).getInt64();
        header.date = core::Date::parse(detail::text(query.getColumn(1)));
        header.clinician = query.getColumn(2).getString();
        return header;
    });
}

bool VisitRepository::mayRecordFindings()
{
    return detail::guarded("ask what this login may do", [&] {
        return detail::may(m_db, "SELECT", "visits", "assessment_json") && detail::may(m_db, "INSERT", "visits");
    });
}

std::int64_t VisitRepository::rowVersion(std::int64_t visitId)
{
    return detail::guarded("read the visit", [&]() -> std::int64_t {
        sql::Statement query(detail::connection(m_db), "SELECT row_version FROM visits WHERE id = ?");
        query.bind(1, visitId);
        return query.executeStep() ? query.getColumn(0).getInt64() : 0;
    });
}

std::vector<VisitSummary> VisitRepository::listForPatient(std::int64_t patientId)
{
    return detail::guarded("list the visits", [&] {
        sql::Connection& db = detail::connection(m_db);
        // On a clinic server the front desk may see when a visit was and who saw the patient (to
        // reprint or email a program) but not what the visit was about: its list leaves the
        // complaint out (the server refuses any query that names it).
        const bool clinical =
            detail::may(m_db, "SELECT", "visits", "complaint") && detail::may(m_db, "SELECT", "visits", "created_at");
        sql::Statement query(db, clinical ? "SELECT v.id, v.visit_date, v.clinician, v.complaint, "
                                            "(SELECT count(*) FROM programs p WHERE p.visit_id = v.id) "
                                            "FROM visits v WHERE v.patient_id = ? "
                                            "ORDER BY v.visit_date DESC, v.created_at DESC, v.id DESC"
                                          : "SELECT v.id, v.visit_date, v.clinician, '', "
                                            "(SELECT count(*) FROM programs p WHERE p.visit_id = v.id) "
                                            "FROM visits v WHERE v.patient_id = ? "
                                            "ORDER BY v.visit_date DESC, v.id DESC");
        query.bind(1, patientId);
        std::vector<VisitSummary> visits;
        while (query.executeStep()) {
            VisitSummary summary;
            summary.id = query.getColumn(0).getInt64();
            summary.date = detail::text(query.getColumn(1));
            summary.clinician = query.getColumn(2).getString();
            summary.complaint = query.getColumn(3).getString();
            summary.issuedPrograms = query.getColumn(4).getInt();
            visits.push_back(std::move(summary));
        }
        return visits;
    });
}

IssuedProgram VisitRepository::issueProgram(std::int64_t visitId, const core::Program& program,
                                            const Actor& actor, const std::string& acknowledgement,
                                            const std::vector<std::uint8_t>& pdf)
{
    return detail::guarded("issue the program", [&] {
        sql::Connection& db = detail::connection(m_db);
        IssuedProgram issued;
        m_db.transaction([&] {
            // The issuing rules once more, whoever the caller: the program's own referral level
            // must not be lower than the one the stored findings give (an emergency found in the
            // visit can never be issued as an exercise program), then core's issue rules.
            sql::Statement visit(db, "SELECT patient_id, assessment_json FROM visits WHERE id = ?");
            visit.bind(1, visitId);
            if (!visit.executeStep())
                throw StorageError("There is no visit with id " + std::to_string(visitId) + ".");
            const core::Assessment findings =
                readStored(visit.getColumn(1).getString(), loadPatient(db, visit.getColumn(0).getInt64()));
            // The lowest level any reference set gives (a visit without a recorded set is read with the
            // clinic's, which the store does not know), so only a program that is wrong under every
            // reading is refused.
            const core::Date asOf = findings.visit.date.value_or(detail::localToday());
            core::Urgency found = core::Urgency::Emergency;
            for (const core::NormSet set : core::normSets())
                found = std::min(found, core::analyze(findings, {set, asOf}).referral.level);
            if (static_cast<int>(program.referralLevel) < static_cast<int>(found))
                throw InputError("program.referral_level",
                                 "program.referral_level: the visit's findings call for a referral that is " +
                                     std::string(core::toId(found)) + ", but the program was prepared as " +
                                     std::string(core::toId(program.referralLevel)) +
                                     "; prepare it again from the saved findings");
            detail::throwIfProblems(core::issueProblems(program, acknowledgement));

            // Inside the write transaction (BEGIN IMMEDIATE), so two issuers never pick one number.
            sql::Statement next(db,
                                   "SELECT coalesce(max(version), 0) + 1 FROM programs WHERE visit_id = ?");
            next.bind(1, visitId);
            next.executeStep();
            issued.visitId = visitId;
            issued.version = next.getColumn(0).getInt();
            issued.issuedAt = detail::nowUtc();
            issued.clinician = actor.clinician;
            issued.program = program;
            issued.acknowledgement = acknowledgement;
            issued.pdf = pdf;

            sql::Statement insert(db, "INSERT INTO programs (visit_id, version, issued_at, clinician, "
                                         "program_json, acknowledgement, pdf) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
            insert.bind(1, visitId);
            insert.bind(2, issued.version);
            insert.bind(3, issued.issuedAt);
            insert.bind(4, issued.clinician);
            insert.bind(5, exchange::writeProgram(program));
            insert.bind(6, acknowledgement);
            if (pdf.empty())
                insert.bind(7); // NULL: no PDF was rendered (e.g. issued by a test or a tool)
            else
                insert.bindBlob(7, pdf.data(), pdf.size());
            insert.executeStep();
            issued.id = insert.getColumn(0).getInt64();
            detail::appendAudit(db, actor, "program.issue", "program", issued.id,
                                "visit " + std::to_string(visitId) + "; version " +
                                    std::to_string(issued.version) + "; " +
                                    std::to_string(program.items.size()) + " exercises" +
                                    (acknowledgement.empty() ? "" : "; acknowledgement recorded"));
        });
        return issued;
    });
}

std::vector<IssuedProgram> VisitRepository::programs(std::int64_t visitId)
{
    return detail::guarded("read the programs", [&] {
        sql::Statement query(detail::connection(m_db),
                                std::string("SELECT ") + kProgramColumns +
                                    " FROM programs WHERE visit_id = ? ORDER BY version");
        query.bind(1, visitId);
        std::vector<IssuedProgram> issued;
        while (query.executeStep())
            issued.push_back(readIssued(query));
        return issued;
    });
}

std::optional<IssuedProgram> VisitRepository::latestProgram(std::int64_t visitId)
{
    return detail::guarded("read the program", [&]() -> std::optional<IssuedProgram> {
        sql::Statement query(detail::connection(m_db),
                                std::string("SELECT ") + kProgramColumns +
                                    " FROM programs WHERE visit_id = ? ORDER BY version DESC LIMIT 1");
        query.bind(1, visitId);
        if (!query.executeStep())
            return std::nullopt;
        return readIssued(query);
    });
}

} // namespace hiprx::store
