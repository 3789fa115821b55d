// SPDX-License-Identifier: GPL-3.0-or-later
//
// What every hiprx-cli command shares: the options common to all commands, today's date, file
// reading and writing with messages that name the file, and access to the database and the library.
#pragma once

#include "core/assessment.h"
#include "core/date.h"
#include "core/exercise.h"
#include "store/database.h"

#include <filesystem>
#include <optional>
#include <string>

namespace hiprx::cli {

/// Options accepted by every command.
struct CommonOptions {
    std::string dbPath;   ///< --db; empty = the user's default database
    bool json = false;    ///< --json: machine-readable output
    std::string clinician; ///< --clinician: name written to the audit log
};

/// Today's local date, or the date in HIPRX_TODAY (YYYY-MM-DD) when it is set.
core::Date today();

/// The reference set named by `--norms`; an unknown id is bad input naming the choices.
core::NormSet parseNorms(const std::string& id);
/// The id of the default reference set, the default of every `--norms` option (a set recorded with
/// a stored visit still wins over it).
std::string defaultNormsId();

/// Reads a whole file; throws InputError naming the file when it cannot be read.
std::string readTextFile(const std::filesystem::path& path, const std::string& field);
/// Writes a file atomically (temporary file, then rename); "-" writes to standard output.
void writeTextFile(const std::filesystem::path& path, const std::string& text);

/// The database of --db, or the default one; created and migrated when missing.
store::Database openDatabase(const CommonOptions& options);

/// The built-in exercise library from the data folder.
core::ExerciseLibrary loadBuiltinLibrary();

/// Parses a positive database id ("12"); throws InputError naming `field` otherwise.
std::int64_t parseId(const std::string& text, const std::string& field);

/// A patient by record number or, failing that, by the clinic's external id; throws InputError
/// naming PATIENT when neither matches.
core::Patient findPatient(store::Database& db, const std::string& key);

} // namespace hiprx::cli
