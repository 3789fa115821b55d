// SPDX-License-Identifier: GPL-3.0-or-later
//
// The exercise library in the database. Each row holds one exercise as the single entry of a
// hiprx-exercises/1 document, so the exchange layer stays the only code that knows its fields.
//
// Built-ins follow db/exercises.json: syncBuiltins adds, updates and removes them. A clinic
// exercise is never overwritten: if a newer HipRx ships a built-in with an id a clinic already
// used, the clinic's exercise is kept and that built-in skipped (the audit row names it).
#include "exchange/json_format.h"
#include "store/repository_support.h"

#include <sqlite3.h>

#include <map>
#include <set>

namespace hiprx::store {

namespace {

std::string toJson(const core::Exercise& exercise)
{
    return exchange::writeExercises(std::vector<core::Exercise>{exercise});
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
std::map<std::string, bool> storedKinds(SQLite::Database& db)
{
    std::map<std::string, bool> kinds;
    SQLite::Statement query(db, "SELECT id, builtin FROM exercises");
    while (query.executeStep())
        kinds[query.getColumn(0).getString()] = query.getColumn(1).getInt() != 0;
    return kinds;
}

/// True when syncing `builtins` would add, change or remove a stored built-in (read only).
bool builtinsDiffer(SQLite::Database& db, const std::vector<core::Exercise>& builtins,
                    const std::set<std::string>& ids)
{
    std::map<std::string, std::pair<bool, std::string>> stored; // id → builtin, json
    SQLite::Statement query(db, "SELECT id, builtin, json FROM exercises");
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

/// True when SQLite opened the file read-only (no write permission on it).
bool isReadOnlyFile(SQLite::Database& db)
{
    return sqlite3_db_readonly(db.getHandle(), "main") == 1;
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

        SQLite::Database& db = detail::connection(m_db);
        // Every open syncs, so the common case (nothing changed) must not even take the write lock:
        // a read-only database (a backup opened to look at, a file on a read-only share) has to
        // open, and a second HipRx must not wait behind a write it does not need.
        if (!builtinsDiffer(db, builtins, ids) || m_db.impl().readOnly || isReadOnlyFile(db))
            return;
        m_db.transaction([&] {
            const std::map<std::string, bool> stored = storedKinds(db);
            const std::string now = detail::nowUtc();
            int added = 0;
            int updated = 0;
            int removed = 0;
            std::vector<std::string> skipped;
            // Unchanged rows keep their updated_at: a sync on every start writes nothing.
            SQLite::Statement upsert(
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
            SQLite::Statement remove(db, "DELETE FROM exercises WHERE id = ? AND builtin = 1");
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

void ExerciseRepository::saveClinicExercise(const core::Exercise& exercise, const Actor& actor)
{
    detail::guarded("save the exercise", [&] {
        SQLite::Database& db = detail::connection(m_db);
        m_db.transaction([&] {
            std::vector<FieldProblem> problems = core::validateExercise(exercise, "exercise");
            const std::map<std::string, bool> stored = storedKinds(db);
            const auto found = stored.find(exercise.id);
            const bool exists = found != stored.end();
            if (exists && found->second)
                problems.push_back({"exercise.id", "exercise.id: " + exercise.id +
                                                       " is a built-in exercise; choose another id"});
            detail::throwIfProblems(std::move(problems));

            core::Exercise copy = exercise;
            copy.builtin = false;
            SQLite::Statement upsert(
                db, "INSERT INTO exercises (id, builtin, json, updated_at) VALUES (?1, 0, ?2, ?3) "
                    "ON CONFLICT (id) DO UPDATE SET json = excluded.json, "
                    "updated_at = excluded.updated_at WHERE exercises.builtin = 0");
            upsert.bind(1, copy.id);
            upsert.bind(2, toJson(copy));
            upsert.bind(3, detail::nowUtc());
            upsert.exec();
            detail::appendAudit(db, actor, exists ? "exercise.update" : "exercise.create", "exercise",
                                std::nullopt, "id: " + copy.id);
        });
    });
}

void ExerciseRepository::removeClinicExercise(const std::string& id, const Actor& actor)
{
    detail::guarded("remove the exercise", [&] {
        SQLite::Database& db = detail::connection(m_db);
        m_db.transaction([&] {
            const std::map<std::string, bool> stored = storedKinds(db);
            const auto found = stored.find(id);
            if (found == stored.end())
                throw StorageError("There is no clinic exercise with id " + id + ".");
            if (found->second)
                throw InputError("exercise.id",
                                 "exercise.id: " + id + " is a built-in exercise and cannot be removed");
            SQLite::Statement remove(db, "DELETE FROM exercises WHERE id = ? AND builtin = 0");
            remove.bind(1, id);
            remove.exec();
            detail::appendAudit(db, actor, "exercise.remove", "exercise", std::nullopt, "id: " + id);
        });
    });
}

core::ExerciseLibrary ExerciseRepository::load()
{
    return detail::guarded("read the exercise library", [&] {
        SQLite::Statement query(detail::connection(m_db), "SELECT builtin, json FROM exercises ORDER BY id");
        std::vector<core::Exercise> exercises;
        while (query.executeStep())
            exercises.push_back(fromJson(query.getColumn(1).getString(), query.getColumn(0).getInt() != 0));
        return core::ExerciseLibrary(std::move(exercises));
    });
}

} // namespace hiprx::store
