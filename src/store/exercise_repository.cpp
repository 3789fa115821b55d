// SPDX-License-Identifier: GPL-3.0-or-later
//
// The exercise library in the database. Each row holds one exercise as the single entry of a JSON
// document, so the exchange layer stays the only code that knows its fields: a built-in as
// hiprx-exercises/1, a clinic exercise as hiprx-clinic-exercises/1 (with its retired flag and its
// picture, base64, or its own figure); rows written before pictures existed are hiprx-exercises/1,
// read the same way. Keeping them in the JSON needs no schema change. Plans never read pictures: load() asks SQLite to
// drop them from the text before it is parsed.
//
// Built-ins follow db/exercises.json: syncBuiltins adds, updates and removes them. A clinic
// exercise is never overwritten: if a newer HipRx ships a built-in with an id a clinic already
// used, the clinic's exercise is kept and that built-in skipped (the audit row names it).
#include "exchange/clinic_exercise_json.h"
#include "exchange/json_format.h"
#include "store/repository_support.h"


#include <functional>
#include <map>
#include <set>

namespace hiprx::store {

namespace {

std::string toJson(const core::Exercise& exercise)
{
    return exchange::writeExercises(std::vector<core::Exercise>{exercise});
}

std::string toJson(const core::ClinicExercise& exercise)
{
    return exchange::writeClinicExercises(std::vector<core::ClinicExercise>{exercise});
}

core::ClinicExercise clinicFromJson(const std::string& json)
{
    std::vector<core::ClinicExercise> one = exchange::readClinicExercises(json);
    if (one.size() != 1)
        throw StorageError("A stored exercise holds " + std::to_string(one.size()) +
                           " entries instead of one. Please report this.");
    return std::move(one.front());
}

core::Exercise fromJson(const std::string& json, bool builtin)
{
    std::vector<core::Exercise> one = exchange::readExercises(json, builtin);
    if (one.size() != 1)
        throw StorageError("A stored exercise holds " + std::to_string(one.size()) +
                           " entries instead of one. Please report this.");
    return std::move(one.front());
}

/// id → builtin flag of every stored exercise.
std::map<std::string, bool> storedKinds(sql::Connection& db)
{
    std::map<std::string, bool> kinds;
    sql::Statement query(db, "SELECT id, builtin FROM exercises");
    while (query.executeStep())
        kinds[query.getColumn(0).getString()] = query.getColumn(1).getInt() != 0;
    return kinds;
}

/// True when syncing `builtins` would add, change or remove a stored built-in (read only).
bool builtinsDiffer(sql::Connection& db, const std::vector<core::Exercise>& builtins,
                    const std::set<std::string>& ids)
{
    std::map<std::string, std::pair<bool, std::string>> stored; // id → builtin, json
    sql::Statement query(db, "SELECT id, builtin, json FROM exercises");
    while (query.executeStep())
        stored[query.getColumn(0).getString()] = {query.getColumn(1).getInt() != 0,
                                                  query.getColumn(2).getString()};
    for (const core::Exercise& exercise : builtins) {
        const auto found = stored.find(exercise.id);
        if (found == stored.end())
            return true;
        if (!found->second.first)
            continue; // a clinic exercise with this id is kept, never overwritten
        core::Exercise copy = exercise;
        copy.builtin = true;
        if (found->second.second != toJson(copy))
            return true;
    }
    for (const auto& [id, row] : stored)
        if (row.first && ids.count(id) == 0)
            return true;
    return false;
}

/// The stored JSON without the first exercise's picture (most of a row's bytes), as SQL.
std::string withoutPicture(const sql::Connection& db)
{
    return db.dialect() == sql::Dialect::Sqlite ? "json_remove(json, '$.exercises[0].picture')"
                                                : "(json::jsonb #- '{exercises,0,picture}')::text";
}

/// SQL that is true when the stored exercise has `key` (e.g. "picture").
std::string hasKey(const sql::Connection& db, const std::string& key)
{
    return db.dialect() == sql::Dialect::Sqlite ? "json_type(json, '$.exercises[0]." + key + "') IS NOT NULL"
                                                : "(json::jsonb -> 'exercises' -> 0 -> '" + key + "') IS NOT NULL";
}

} // namespace

void ExerciseRepository::syncBuiltins(const std::vector<core::Exercise>& builtins)
{
    detail::guarded("update the built-in exercises", [&] {
        std::vector<FieldProblem> problems;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < builtins.size(); ++i) {
            const std::string prefix = "exercises[" + std::to_string(i) + "]";
            for (FieldProblem& problem : core::validateExercise(builtins[i], prefix))
                problems.push_back(std::move(problem));
            if (!ids.insert(builtins[i].id).second)
                problems.push_back({prefix + ".id", prefix + ".id: " + builtins[i].id + " is used twice"});
        }
        detail::throwIfProblems(std::move(problems));

        sql::Connection& db = detail::connection(m_db);
        // Every open syncs, so the common case (nothing changed) must not even take the write lock:
        // a read-only database (a backup opened to look at, a file on a read-only share) has to
        // open, and a second HipRx must not wait behind a write it does not need.
        // On a clinic server only an administrator's login writes the library (`hiprx-cli clinic init`
        // brings the built-ins up to date for every desk).
        if (!builtinsDiffer(db, builtins, ids) || m_db.impl().readOnly || db.readOnly() ||
            !detail::may(m_db, "INSERT", "exercises"))
            return;
        m_db.transaction([&] {
            const std::map<std::string, bool> stored = storedKinds(db);
            const std::string now = detail::nowUtc();
            int added = 0;
            int updated = 0;
            int removed = 0;
            std::vector<std::string> skipped;
            // Unchanged rows keep their updated_at: a sync on every start writes nothing.
            sql::Statement upsert(
                db, "INSERT INTO exercises (id, builtin, json, updated_at) VALUES (?1, 1, ?2, ?3) "
                    "ON CONFLICT (id) DO UPDATE SET json = excluded.json, "
                    "updated_at = excluded.updated_at "
                    "WHERE exercises.builtin = 1 AND exercises.json <> excluded.json");
            for (const core::Exercise& exercise : builtins) {
                const auto found = stored.find(exercise.id);
                if (found != stored.end() && !found->second) {
                    skipped.push_back(exercise.id);
                    continue;
                }
                core::Exercise copy = exercise;
                copy.builtin = true;
                upsert.bind(1, copy.id);
                upsert.bind(2, toJson(copy));
                upsert.bind(3, now);
                const int changes = upsert.exec();
                upsert.reset();
                if (changes > 0)
                    ++(found == stored.end() ? added : updated);
            }
            sql::Statement remove(db, "DELETE FROM exercises WHERE id = ? AND builtin = 1");
            for (const auto& [id, builtin] : stored) {
                if (builtin && ids.count(id) == 0) {
                    remove.bind(1, id);
                    removed += remove.exec();
                    remove.reset();
                }
            }
            if (added + updated + removed > 0 || !skipped.empty()) {
                std::string detailText = "added " + std::to_string(added) + ", updated " +
                                         std::to_string(updated) + ", removed " + std::to_string(removed);
                if (!skipped.empty())
                    detailText += "; kept clinic exercises over built-ins: " + detail::joinNames(skipped);
                detail::appendAudit(db, Actor{}, "exercise.sync", "exercise", std::nullopt, detailText);
            }
        });
    });
}

namespace {

/// The names of the fields that differ, for the audit row ("name, steps, picture").
std::string changedFields(const core::ClinicExercise& before, const core::ClinicExercise& after)
{
    const core::Exercise& a = before.exercise;
    const core::Exercise& b = after.exercise;
    std::vector<std::string> changed;
    const auto note = [&](bool differs, const char* field) {
        if (differs)
            changed.emplace_back(field);
    };
    note(a.name != b.name, "name");
    note(a.kind != b.kind, "kind");
    note(a.level != b.level, "level");
    note(a.targets != b.targets, "targets");
    note(a.sided != b.sided, "sided");
    note(a.startPosition != b.startPosition, "start position");
    note(a.steps != b.steps, "steps");
    note(a.keyCue != b.keyCue, "key cue");
    note(a.stopIf != b.stopIf, "stop if");
    note(a.defaultDose != b.defaultDose, "dose");
    note(a.equipment != b.equipment, "equipment");
    note(a.demands != b.demands, "movement demands");
    note(a.easier != b.easier || a.harder != b.harder, "easier/harder");
    note(a.figureId != b.figureId, "figure");
    note(a.videoUrl != b.videoUrl, "video link");
    note(a.sources != b.sources, "sources");
    note(before.picture != after.picture, "picture");
    note(before.figure != after.figure, "own figure");
    note(before.retired != after.retired, "retired");
    return changed.empty() ? "nothing changed" : "changed " + detail::joinNames(changed);
}

/// `exercise` as it is stored: the clinic's own, showing its picture or own figure when it has one.
core::ClinicExercise storedForm(const core::ClinicExercise& exercise)
{
    core::ClinicExercise copy = exercise;
    copy.exercise.builtin = false;
    if (copy.picture || copy.figure)
        copy.exercise.figureId = core::pictureFigureId(copy.exercise);
    if (copy.figure)
        copy.figure->id = copy.exercise.id;
    return copy;
}

/// Every problem of a batch of clinic exercises against what is stored; `pathOf(i)` names entry i.
std::vector<FieldProblem> batchProblems(sql::Connection& db, const std::vector<core::ClinicExercise>& batch,
                                        const std::function<std::string(std::size_t)>& pathOf)
{
    const std::map<std::string, bool> stored = storedKinds(db);
    std::map<std::string, std::size_t> inBatch;
    for (std::size_t i = 0; i < batch.size(); ++i)
        inBatch.emplace(batch[i].exercise.id, i);
    std::vector<FieldProblem> problems;
    const auto add = [&](const std::string& path, const std::string& message) {
        problems.push_back({path, path + ": " + message});
    };
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const core::Exercise& e = batch[i].exercise;
        const std::string prefix = pathOf(i);
        for (FieldProblem& problem : core::validateClinicExercise(batch[i], prefix))
            problems.push_back(std::move(problem));
        if (const auto found = stored.find(e.id); found != stored.end() && found->second)
            add(prefix + ".id", e.id + " is a built-in exercise; choose another id");
        if (const auto first = inBatch.find(e.id); first != inBatch.end() && first->second != i)
            add(prefix + ".id", e.id + " is also the id of " + pathOf(first->second));
        for (const auto* list : {&e.easier, &e.harder}) {
            const std::string field = list == &e.easier ? "easier" : "harder";
            for (std::size_t k = 0; k < list->size(); ++k) {
                const std::string& id = (*list)[k];
                if (stored.count(id) == 0 && inBatch.count(id) == 0)
                    add(prefix + "." + field + "[" + std::to_string(k) + "]",
                        "there is no exercise " + id + " in the library" + (batch.size() > 1 ? " or this file" : ""));
            }
        }
    }
    return problems;
}

/// The stored clinic exercise `id`, or nothing (also for a built-in).
std::optional<core::ClinicExercise> findClinic(sql::Connection& db, const std::string& id)
{
    sql::Statement query(db, "SELECT json FROM exercises WHERE id = ? AND builtin = 0");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return clinicFromJson(query.getColumn(0).getString());
}

/// Writes one clinic exercise (already checked) and its audit row; true when it was new.
bool writeClinic(sql::Connection& db, const core::ClinicExercise& exercise, const Actor& actor)
{
    const std::optional<core::ClinicExercise> before = findClinic(db, exercise.exercise.id);
    sql::Statement upsert(
        db, "INSERT INTO exercises (id, builtin, json, updated_at) VALUES (?1, 0, ?2, ?3) "
            "ON CONFLICT (id) DO UPDATE SET json = excluded.json, "
            "updated_at = excluded.updated_at WHERE exercises.builtin = 0");
    upsert.bind(1, exercise.exercise.id);
    upsert.bind(2, toJson(exercise));
    upsert.bind(3, detail::nowUtc());
    upsert.exec();
    const std::string what = exercise.exercise.id + " (" + exercise.exercise.name + ")";
    if (before)
        detail::appendAudit(db, actor, "exercise.update", "exercise", std::nullopt,
                            what + ": " + changedFields(*before, exercise));
    else
        detail::appendAudit(db, actor, "exercise.create", "exercise", std::nullopt,
                            what + (exercise.picture  ? ", with a picture"
                                    : exercise.figure ? ", with a figure of its own"
                                                      : ""));
    return !before;
}

} // namespace

void ExerciseRepository::saveClinicExercise(const core::ClinicExercise& exercise, const Actor& actor)
{
    detail::guarded("save the exercise", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            const core::ClinicExercise stored = storedForm(exercise);
            detail::throwIfProblems(batchProblems(db, {stored}, [](std::size_t) { return std::string("exercise"); }));
            writeClinic(db, stored, actor);
        });
    });
}

std::size_t ExerciseRepository::saveClinicExercises(const std::vector<core::ClinicExercise>& exercises,
                                                    const Actor& actor)
{
    return detail::guarded("save the exercises", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::size_t added = 0;
        m_db.transaction([&] {
            std::vector<core::ClinicExercise> batch;
            batch.reserve(exercises.size());
            for (const core::ClinicExercise& e : exercises)
                batch.push_back(storedForm(e));
            detail::throwIfProblems(
                batchProblems(db, batch, [](std::size_t i) { return "exercises[" + std::to_string(i) + "]"; }));
            for (const core::ClinicExercise& e : batch)
                added += writeClinic(db, e, actor) ? 1 : 0;
        });
        return added;
    });
}

std::vector<FieldProblem> ExerciseRepository::problemsWith(const std::vector<core::ClinicExercise>& exercises)
{
    return detail::guarded("check the exercises", [&] {
        std::vector<core::ClinicExercise> batch;
        batch.reserve(exercises.size());
        for (const core::ClinicExercise& e : exercises)
            batch.push_back(storedForm(e));
        return batchProblems(detail::connection(m_db), batch,
                             [](std::size_t i) { return "exercises[" + std::to_string(i) + "]"; });
    });
}

void ExerciseRepository::setRetired(const std::string& id, bool retired, const Actor& actor)
{
    detail::guarded(retired ? "retire the exercise" : "bring the exercise back", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            const std::map<std::string, bool> stored = storedKinds(db);
            const auto found = stored.find(id);
            if (found == stored.end())
                throw InputError("exercise.id", "exercise.id: there is no clinic exercise " + id);
            if (found->second)
                throw InputError("exercise.id", "exercise.id: " + id +
                                                    " is a built-in exercise; only the clinic's own can be retired");
            core::ClinicExercise exercise = *findClinic(db, id);
            if (exercise.retired == retired)
                return; // nothing to change, nothing to log
            exercise.retired = retired;
            sql::Statement update(db, "UPDATE exercises SET json = ?, updated_at = ? WHERE id = ? AND builtin = 0");
            update.bind(1, toJson(exercise));
            update.bind(2, detail::nowUtc());
            update.bind(3, id);
            update.exec();
            detail::appendAudit(db, actor, retired ? "exercise.retire" : "exercise.restore", "exercise", std::nullopt,
                                id + " (" + exercise.exercise.name + ")");
        });
    });
}

std::vector<core::ClinicExercise> ExerciseRepository::clinicExercises()
{
    return detail::guarded("read the clinic's exercises", [&] {
        sql::Statement query(detail::connection(m_db), "SELECT json FROM exercises WHERE builtin = 0 ORDER BY id");
        std::vector<core::ClinicExercise> out;
        while (query.executeStep())
            out.push_back(clinicFromJson(query.getColumn(0).getString()));
        return out;
    });
}

std::optional<core::ClinicExercise> ExerciseRepository::findClinicExercise(const std::string& id)
{
    return detail::guarded("read the exercise", [&] { return findClinic(detail::connection(m_db), id); });
}

std::map<std::string, core::ExercisePicture, std::less<>> ExerciseRepository::pictures()
{
    return detail::guarded("read the exercise pictures", [&] {
        sql::Connection& db = detail::connection(m_db);
        sql::Statement query(db, "SELECT json FROM exercises WHERE builtin = 0 AND " + hasKey(db, "picture") +
                                     " ORDER BY id");
        std::map<std::string, core::ExercisePicture, std::less<>> out;
        while (query.executeStep()) {
            core::ClinicExercise exercise = clinicFromJson(query.getColumn(0).getString());
            if (exercise.picture)
                out.emplace(core::pictureFigureId(exercise.exercise), std::move(*exercise.picture));
        }
        return out;
    });
}

std::map<std::string, core::FigureSpec> ExerciseRepository::ownFigures()
{
    return detail::guarded("read the figures of the clinic's exercises", [&] {
        sql::Connection& db = detail::connection(m_db);
        sql::Statement query(db, "SELECT " + withoutPicture(db) + " FROM exercises WHERE builtin = 0 AND " +
                                     hasKey(db, "own_figure") + " ORDER BY id");
        std::map<std::string, core::FigureSpec> out;
        while (query.executeStep()) {
            core::ClinicExercise exercise = clinicFromJson(query.getColumn(0).getString());
            if (exercise.figure)
                out.emplace(core::pictureFigureId(exercise.exercise), std::move(*exercise.figure));
        }
        return out;
    });
}

core::ExerciseLibrary ExerciseRepository::load()
{
    return load(false);
}

core::ExerciseLibrary ExerciseRepository::loadWithRetired()
{
    return load(true);
}

core::ExerciseLibrary ExerciseRepository::load(bool withRetired)
{
    return detail::guarded("read the exercise library", [&] {
        // Pictures are dropped by the database before the text is parsed: a plan never needs them.
        sql::Connection& db = detail::connection(m_db);
        sql::Statement query(db, "SELECT builtin, CASE WHEN builtin = 0 THEN " + withoutPicture(db) +
                                     " ELSE json END FROM exercises ORDER BY id");
        std::vector<core::Exercise> exercises;
        while (query.executeStep()) {
            const bool builtin = query.getColumn(0).getInt() != 0;
            const std::string json = query.getColumn(1).getString();
            if (builtin) {
                exercises.push_back(fromJson(json, true));
                continue;
            }
            core::ClinicExercise clinic = clinicFromJson(json);
            if (withRetired || !clinic.retired)
                exercises.push_back(std::move(clinic.exercise));
        }
        return core::ExerciseLibrary(std::move(exercises));
    });
}

} // namespace hiprx::store
