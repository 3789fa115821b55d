// SPDX-License-Identifier: GPL-3.0-or-later
//
// Repositories: the only way the app and the CLI read and write HipRx data. All SQL lives behind
// these classes (a PostgreSQL backend could implement the same interface later).
#pragma once

#include "core/assessment.h"
#include "core/clinic_exercise.h"
#include "core/exercise.h"
#include "core/program.h"
#include "store/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::store {

/// A stored visit: its row id, its patient, the full assessment and when it was last saved.
struct VisitRecord {
    std::int64_t id = 0;
    std::int64_t patientId = 0;
    core::Assessment assessment; ///< patient section filled from the patient row
    std::string updatedAt;       ///< ISO 8601 UTC
    std::int64_t rowVersion = 0; ///< bumped by every save; pass it back to update() to refuse a save
                                 ///< over a newer change from another desk
};

/// A short row for lists.
/// Who a visit was for, when and with whom: what the front desk may read of a visit on a clinic
/// server (to reprint or email its program), never its findings.
struct VisitHeader {
    std::int64_t id = 0;
    std::int64_t patientId = 0;
    std::optional<core::Date> date;
    std::string clinician;
};

struct VisitSummary {
    std::int64_t id = 0;
    std::string date; ///< YYYY-MM-DD or empty
    std::string clinician;
    std::string complaint;
    int issuedPrograms = 0;
};

/// An issued program: immutable once stored. A change issues a new version.
struct IssuedProgram {
    std::int64_t id = 0;
    std::int64_t visitId = 0;
    int version = 0;      ///< 1, 2, … per visit
    std::string issuedAt; ///< ISO 8601 UTC
    std::string clinician;
    core::Program program;
    std::string acknowledgement; ///< the clinician's acknowledgement of an urgent referral, if any
    std::vector<std::uint8_t> pdf; ///< the exact PDF given to the patient; empty if none was stored
};

/// A save refused because another desk (or window) saved the same record after it was opened here.
/// Nothing was written; the caller keeps the user's edit (as a draft) and shows the message, which
/// says who saved and when.
class ConflictError : public StorageError {
public:
    ConflictError(const std::string& message, std::string by, std::string at)
        : StorageError(message), m_by(std::move(by)), m_at(std::move(at))
    {
    }
    const std::string& by() const noexcept { return m_by; }
    const std::string& at() const noexcept { return m_at; }

private:
    std::string m_by;
    std::string m_at;
};

/// Who is acting, written into the audit log.
struct Actor {
    std::string clinician; ///< e.g. "J. Park, PT"; may be empty
};

class PatientRepository {
public:
    explicit PatientRepository(Database& db) : m_db(db) {}

    /// Validates and inserts; returns the new id. Throws InputError with every problem.
    std::int64_t create(const core::Patient& patient, const Actor& actor);
    /// Validates and updates the row `patient.id`. Throws InputError, or StorageError when missing.
    /// With `expectedVersion` (what rowVersion() said when the record was opened), a save over a
    /// newer change from another desk is refused with ConflictError and nothing is written. Returns
    /// the row's version after the save (the same when nothing changed).
    std::int64_t update(const core::Patient& patient, const Actor& actor,
                        std::optional<std::int64_t> expectedVersion = std::nullopt);
    /// The patient row's version (bumped by every save); 0 when there is no such patient.
    std::int64_t rowVersion(std::int64_t id);
    std::optional<core::Patient> find(std::int64_t id);
    std::optional<core::Patient> findByExternalId(const std::string& externalId);
    /// Rows the app's search-as-you-type list shows: more than a screen, and few enough that every
    /// keystroke stays fast on 100,000 patients; a longer list is narrowed by typing more.
    static constexpr int kListLimit = 100;

    /// Case- and accent-insensitive match on name words, birth date (YYYY-MM-DD or a prefix of it)
    /// or external id; an empty query lists the most recently updated. At most `limit` rows.
    std::vector<core::Patient> search(const std::string& query, int limit = kListLimit);
    std::int64_t count();
    /// Recomputes every patient's search tokens; for tools that load patients in bulk with SQL.
    void rebuildSearchIndex();

private:
    Database& m_db;
};

class VisitRepository {
public:
    explicit VisitRepository(Database& db) : m_db(db) {}

    /// Validates and stores a new visit for the patient; returns its id.
    std::int64_t create(std::int64_t patientId, const core::Assessment& assessment, const Actor& actor);
    /// Validates and replaces the findings of a visit. Programs already issued for it are kept as
    /// they were given.
    /// With `expectedVersion` (VisitRecord::rowVersion as read), a save over a newer change from
    /// another desk is refused with ConflictError and nothing is written. Returns the row's version
    /// after the save (the same when nothing changed), to pass to the next save.
    std::int64_t update(std::int64_t visitId, const core::Assessment& assessment, const Actor& actor,
                        std::optional<std::int64_t> expectedVersion = std::nullopt);
    std::optional<VisitRecord> find(std::int64_t visitId);
    /// The visit's patient, date and clinician without its findings (nothing read is logged as an
    /// access to the record); nothing when there is no such visit.
    std::optional<VisitHeader> header(std::int64_t visitId);
    /// Whether this login may read and record findings. Always on a practice's own file; on a
    /// clinic server the front desk may not (the server refuses, this only saves asking it).
    bool mayRecordFindings();
    /// The visit row's version (bumped by every save); 0 when there is no such visit.
    std::int64_t rowVersion(std::int64_t visitId);
    /// Newest first.
    std::vector<VisitSummary> listForPatient(std::int64_t patientId);

    /// Issues a program for a visit as the next version, with the PDF given to the patient; returns
    /// the stored record.
    IssuedProgram issueProgram(std::int64_t visitId, const core::Program& program, const Actor& actor,
                               const std::string& acknowledgement = {},
                               const std::vector<std::uint8_t>& pdf = {});
    /// Every issued version for a visit, oldest first.
    std::vector<IssuedProgram> programs(std::int64_t visitId);
    std::optional<IssuedProgram> latestProgram(std::int64_t visitId);

private:
    Database& m_db;
};

/// The exercise library: built-in exercises (loaded from db/exercises.json, refreshed when the data
/// changes) and the clinic's own. A clinic exercise is never deleted: it is retired, so it leaves
/// the library plans draw on but stays readable (issued programs keep their own copy of its text).
class ExerciseRepository {
public:
    explicit ExerciseRepository(Database& db) : m_db(db) {}

    /// Inserts or replaces every built-in exercise in one transaction; clinic exercises are kept.
    void syncBuiltins(const std::vector<core::Exercise>& builtins);
    /// Adds or replaces a clinic exercise (builtin = false) with its retired flag and picture; with a
    /// picture its figure becomes its own id (core::pictureFigureId). Throws InputError (paths under
    /// "exercise") when its id is a built-in id, an easier/harder link names no exercise, or the
    /// record is incomplete. The audit log names the actor and the exercise.
    void saveClinicExercise(const core::ClinicExercise& exercise, const Actor& actor);
    /// The same for many exercises in one transaction (an import): every problem of every exercise
    /// is reported (paths `exercises[i]…`, links may name exercises of the same batch) and nothing is
    /// saved unless all are good. Returns how many were new (the others replaced clinic exercises).
    std::size_t saveClinicExercises(const std::vector<core::ClinicExercise>& exercises, const Actor& actor);
    /// Every problem saveClinicExercises would report for `exercises`, without saving anything (an
    /// import adds its own checks, such as whether pictures decode, and reports all at once).
    std::vector<FieldProblem> problemsWith(const std::vector<core::ClinicExercise>& exercises);
    /// Retires a clinic exercise (or, with `retired` false, offers it again). Throws InputError
    /// naming "exercise.id" for a built-in or unknown id.
    void setRetired(const std::string& id, bool retired, const Actor& actor);
    /// Every clinic exercise, retired ones included, by id, with pictures.
    std::vector<core::ClinicExercise> clinicExercises();
    /// One clinic exercise (retired or not), or nothing.
    std::optional<core::ClinicExercise> findClinicExercise(const std::string& id);
    /// The pictures of the clinic exercises that have one, by figure id, for drawing on cards.
    std::map<std::string, core::ExercisePicture, std::less<>> pictures();
    /// The own figures of the clinic exercises that have one (retired ones too), by figure id (the
    /// exercise's id), for drawing on cards with the built-in figures.
    std::map<std::string, core::FigureSpec> ownFigures();
    /// What plans, the library browser and the program builder offer: built-ins and the clinic
    /// exercises that are not retired (pictures are not read).
    core::ExerciseLibrary load();
    /// Every exercise, retired ones included, for reading what was used before.
    core::ExerciseLibrary loadWithRetired();

private:
    core::ExerciseLibrary load(bool withRetired);
    Database& m_db;
};

/// Clinic settings as key → JSON text (branding, therapist, norm set, page size, SMTP without
/// password…). The meaning of each key belongs to the layer that uses it.
class SettingsRepository {
public:
    explicit SettingsRepository(Database& db) : m_db(db) {}
    std::optional<std::string> get(const std::string& key);
    void set(const std::string& key, const std::string& value, const Actor& actor);
    /// Whether this login may change the clinic's settings: always on a practice's own file; on a
    /// clinic server only an administrator may.
    bool mayChange();

private:
    Database& m_db;
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string at; ///< ISO 8601 UTC
    std::string clinician;
    std::string action; ///< e.g. "patient.create", "visit.update", "program.issue"
    std::string entity; ///< e.g. "patient"
    std::int64_t entityId = 0;
    std::string detail; ///< what changed, by field name (never field values of patient data)
};

class AuditLog {
public:
    explicit AuditLog(Database& db) : m_db(db) {}
    std::vector<AuditEntry> recent(int limit = 100);
    std::vector<AuditEntry> forEntity(const std::string& entity, std::int64_t id);

private:
    Database& m_db;
};

} // namespace hiprx::store
