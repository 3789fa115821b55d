// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_context.h"

#include "core/error.h"
#include "exchange/json_format.h"
#include "render/output_file.h"
#include "store/app_paths.h"
#include "store/repositories.h"
#include "workflow/clinic.h"

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace hiprx::cli {

core::Date today()
{
    // A fixed date for reproducible documents and for tests, which never read the wall clock.
    if (const char* fixed = std::getenv("HIPRX_TODAY"); fixed && *fixed) {
        if (const auto date = core::Date::parse(fixed))
            return *date;
        throw InputError("HIPRX_TODAY", "HIPRX_TODAY: \"" + std::string(fixed) + "\" is not a date (YYYY-MM-DD)");
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return core::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

core::NormSet parseNorms(const std::string& id)
{
    if (auto set = core::normSetFromId(id))
        return *set;
    std::string allowed;
    for (auto s : core::normSets())
        allowed += (allowed.empty() ? "" : ", ") + std::string(core::normSetId(s));
    throw InputError("--norms", "--norms: unknown reference set \"" + id + "\" (expected one of " + allowed + ")");
}

std::string defaultNormsId() { return std::string(core::normSetId(core::kDefaultNormSet)); }

std::string readTextFile(const std::filesystem::path& path, const std::string& field)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(field, field + ": cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeTextFile(const std::filesystem::path& path, const std::string& text)
{
    if (path == "-") {
        std::cout << text;
        return;
    }
    render::writeFileAtomically(path, text);
}

store::Database openDatabase(const CommonOptions& options)
{
    // A file path, or a clinic server's URL (postgresql://…): --db, else HIPRX_DB, else the default file.
    const std::string location = options.dbPath.empty() ? store::AppPaths().databasePath().string() : options.dbPath;
    auto db = store::Database::openLocation(location);
    store::ExerciseRepository(db).syncBuiltins(loadBuiltinLibrary().all());
    return db;
}

core::ExerciseLibrary loadBuiltinLibrary()
{
    return workflow::loadBuiltinLibrary();
}

std::int64_t parseId(const std::string& text, const std::string& field)
{
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || ptr != text.data() + text.size() || id <= 0)
        throw InputError(field, field + ": \"" + text + "\" is not a record number (a whole number from 1)");
    return id;
}

core::Patient findPatient(store::Database& db, const std::string& key)
{
    store::PatientRepository patients(db);
    std::optional<core::Patient> found;
    if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos)
        found = patients.find(parseId(key, "PATIENT"));
    if (!found)
        found = patients.findByExternalId(key);
    if (!found)
        throw InputError("PATIENT", "PATIENT: no patient with record number or external id \"" + key + "\"");
    return *found;
}

} // namespace hiprx::cli
