// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/clinic.h"

#include "core/error.h"
#include "exchange/figure_json.h"
#include "exchange/json_format.h"
#include "store/app_paths.h"

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

namespace hiprx::workflow {

namespace {

std::string readFile(const std::filesystem::path& path, const std::string& what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(what, what + ": cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A JSON string value: "\"a4\"" → "a4"; anything else → empty.
std::string jsonString(const std::string& json)
{
    if (json.size() < 2 || json.front() != '"' || json.back() != '"')
        return {};
    const std::string inner = json.substr(1, json.size() - 2);
    return inner.find_first_of("\"\\") == std::string::npos ? inner : std::string();
}

} // namespace

std::string_view pageSizeId(render::PageSize size)
{
    return size == render::PageSize::Letter ? "letter" : "a4";
}

std::optional<render::PageSize> pageSizeFromId(std::string_view id)
{
    if (id == "a4")
        return render::PageSize::A4;
    if (id == "letter")
        return render::PageSize::Letter;
    return std::nullopt;
}

Clinic loadClinic(store::Database& db)
{
    Clinic clinic;
    store::SettingsRepository settings(db);
    try {
        if (const auto json = settings.get(kBrandingKey))
            clinic.branding = exchange::readBranding(*json);
    } catch (const std::exception& e) {
        clinic.problems.push_back(std::string("The clinic's branding could not be read (") + e.what() +
                                  "); documents are printed without it until it is saved again in Settings.");
    }
    if (const auto json = settings.get(kNormSetKey)) {
        if (const auto set = core::normSetFromId(jsonString(*json)))
            clinic.norms = *set;
        else
            clinic.problems.push_back("The clinic's reference set of normal values (" + *json +
                                      ") is not one HipRx knows; " + std::string(core::normSetId(clinic.norms)) +
                                      " is used until it is chosen again in Settings.");
    }
    if (const auto json = settings.get(kPageSizeKey)) {
        if (const auto size = pageSizeFromId(jsonString(*json)))
            clinic.pageSize = *size;
        else
            clinic.problems.push_back("The clinic's page size (" + *json + ") is not a4 or letter; A4 is used.");
    }
    if (const auto json = settings.get(kLockAfterKey)) {
        int minutes = -1;
        const auto [end, ec] = std::from_chars(json->data(), json->data() + json->size(), minutes);
        if (ec == std::errc{} && end == json->data() + json->size() && minutes >= 0 && minutes <= kMaxLockAfterMinutes)
            clinic.lockAfterMinutes = minutes;
        else
            clinic.problems.push_back("The clinic's time before an unused desk locks (" + *json +
                                      ") is not a number of minutes from 0 to " +
                                      std::to_string(kMaxLockAfterMinutes) + "; desks do not lock until it is set "
                                      "again (hiprx-cli clinic --lock-after MINUTES).");
    }
    if (const auto json = settings.get(kDateFormatKey)) {
        if (const auto format = core::dateFormatFromId(jsonString(*json)))
            clinic.dateFormat = *format;
        else
            clinic.problems.push_back("The clinic's date format (" + *json + ") is not one HipRx knows; dates are "
                                      "written like " + core::formatDate({2026, 12, 5}, clinic.dateFormat) +
                                      " until it is chosen again in Settings.");
    }
    return clinic;
}

void saveBranding(store::Database& db, const core::Branding& branding, const store::Actor& actor)
{
    store::SettingsRepository(db).set(kBrandingKey, exchange::writeBranding(branding), actor);
}

void saveNormSet(store::Database& db, core::NormSet norms, const store::Actor& actor)
{
    store::SettingsRepository(db).set(kNormSetKey, "\"" + std::string(core::normSetId(norms)) + "\"", actor);
}

void savePageSize(store::Database& db, render::PageSize size, const store::Actor& actor)
{
    store::SettingsRepository(db).set(kPageSizeKey, "\"" + std::string(pageSizeId(size)) + "\"", actor);
}

void saveLockAfter(store::Database& db, int minutes, const store::Actor& actor)
{
    if (minutes < 0 || minutes > kMaxLockAfterMinutes)
        throw InputError("lock_after", "lock_after: " + std::to_string(minutes) + " is not between 0 (never) and " +
                                           std::to_string(kMaxLockAfterMinutes) + " minutes");
    store::SettingsRepository(db).set(kLockAfterKey, std::to_string(minutes), actor);
}

void saveDateFormat(store::Database& db, core::DateFormat format, const store::Actor& actor)
{
    store::SettingsRepository(db).set(kDateFormatKey, "\"" + std::string(core::dateFormatId(format)) + "\"", actor);
}

core::ExerciseLibrary loadBuiltinLibrary()
{
    const auto file = store::AppPaths().exerciseLibraryFile();
    return core::ExerciseLibrary(exchange::readExercises(readFile(file, "exercise library"), true));
}

std::unique_ptr<render::FigureLibrary> loadFigures(const std::string& accentColor, std::vector<std::string>& problems,
                                                   std::map<std::string, core::FigureSpec> clinicFigures)
{
    std::map<std::string, core::FigureSpec> figures;
    try {
        figures = exchange::readFigureDir(store::AppPaths().assetsDir() / "figures");
    } catch (const std::exception& e) {
        problems.push_back(std::string("The exercise figures could not be read (") + e.what() +
                           "); cards are printed without pictures.");
    }
    // A clinic exercise's id is never a built-in's, so its figure never replaces a built-in one.
    figures.merge(clinicFigures);
    render::FigureStyle style;
    if (const auto accent = render::Rgb::parse(accentColor))
        style.accent = *accent;
    return std::make_unique<render::FigureLibrary>(std::move(figures), style);
}

Materials loadMaterials(store::Database& db, const std::string& accentColor)
{
    Materials materials;
    try {
        store::ExerciseRepository(db).syncBuiltins(loadBuiltinLibrary().all());
    } catch (const std::exception& e) {
        materials.problems.push_back(std::string("The built-in exercise library could not be read (") + e.what() +
                                     "); the exercises already in the database are used.");
    }
    materials.library = store::ExerciseRepository(db).load();
    if (materials.library.all().empty())
        materials.problems.push_back("The exercise library is empty, so no exercise can be suggested. Check that "
                                     "HipRx is installed completely (db/exercises.json).");
    std::map<std::string, core::FigureSpec> ownFigures;
    try {
        ownFigures = store::ExerciseRepository(db).ownFigures();
    } catch (const std::exception& e) {
        materials.problems.push_back(std::string("The figures of the clinic's exercises could not be read (") +
                                     e.what() + "); their cards are printed without them.");
    }
    materials.figures = loadFigures(accentColor, materials.problems, std::move(ownFigures));
    try {
        auto pictures = store::ExerciseRepository(db).pictures();
        if (!pictures.empty())
            materials.pictures = std::make_unique<render::PictureFigures>(
                std::move(pictures), materials.figures.get(),
                [sink = materials.pictureProblems](const std::string& problem) { sink->push_back(problem); });
    } catch (const std::exception& e) {
        materials.problems.push_back(std::string("The pictures of the clinic's exercises could not be read (") +
                                     e.what() + "); their cards are printed without them.");
    }
    return materials;
}

} // namespace hiprx::workflow
