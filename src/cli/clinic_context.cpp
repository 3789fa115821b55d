// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clinic_context.h"

#include "core/error.h"

#include <iostream>

namespace hiprx::cli {

void warn(const std::vector<std::string>& problems)
{
    for (const std::string& p : problems)
        std::cerr << "warning: " << p << '\n';
}

workflow::Clinic loadClinic(store::Database& db)
{
    workflow::Clinic clinic = workflow::loadClinic(db);
    warn(clinic.problems);
    return clinic;
}

workflow::Materials loadMaterials(store::Database& db, const workflow::Clinic& clinic)
{
    workflow::Materials materials = workflow::loadMaterials(db, clinic.branding.accentColor);
    warn(materials.problems);
    return materials;
}

core::NormSet normsOption(const std::string& id, const workflow::Clinic& clinic)
{
    return id.empty() ? clinic.norms : parseNorms(id);
}

render::PageSize parsePage(const std::string& page)
{
    if (const auto size = workflow::pageSizeFromId(page))
        return *size;
    throw InputError("--page", "--page: \"" + page + "\" is not a page size (expected a4 or letter)");
}

core::DateFormat parseDateFormat(const std::string& id)
{
    if (const auto format = core::dateFormatFromId(id))
        return *format;
    throw InputError("--date-format", "--date-format: \"" + id + "\" is not a date format (expected " +
                                          dateFormatHelp(false) + ")");
}

core::DateFormat dateFormatOption(const std::string& id, const workflow::Clinic& clinic)
{
    return id.empty() ? clinic.dateFormat : parseDateFormat(id);
}

std::string dateFormatHelp(bool clinicDefault)
{
    std::string choices;
    const auto& all = core::dateFormats();
    for (std::size_t i = 0; i < all.size(); ++i)
        choices += std::string(i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") +
                   std::string(core::dateFormatId(all[i])) + " (" + core::formatDate({2026, 12, 5}, all[i]) + ")";
    return clinicDefault ? "how dates are written: " + choices + " (default: the clinic's, else " +
                               std::string(core::dateFormatId(core::kDefaultDateFormat)) + ")"
                         : choices;
}

render::PageSize pageOption(const std::string& page, const workflow::Clinic& clinic)
{
    return page.empty() ? clinic.pageSize : parsePage(page);
}

store::Actor actorOf(const CommonOptions& common)
{
    return store::Actor{common.clinician};
}

} // namespace hiprx::cli
