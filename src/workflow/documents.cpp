// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/documents.h"

#include "core/program.h"
#include "store/app_paths.h"

#include <cstdio>
#include <ctime>

namespace hiprx::workflow {

core::Branding documentBranding(const core::Branding& clinic, const std::string& visitClinician)
{
    core::Branding branding = clinic;
    if (visitClinician.empty())
        return branding;
    // The clinic's default therapist's credentials belong to that person only.
    const std::string clinicDefault = clinic.therapistCredentials.empty()
                                          ? clinic.therapistName
                                          : clinic.therapistName + ", " + clinic.therapistCredentials;
    if (visitClinician == clinic.therapistName || visitClinician == clinicDefault)
        return branding;
    branding.therapistName = visitClinician;
    branding.therapistCredentials.clear();
    return branding;
}

core::Date documentDate(const core::Assessment& assessment, core::Date today)
{
    return assessment.visit.date.value_or(today);
}

std::string documentDateText(const core::Assessment& assessment, core::Date today, core::DateFormat format)
{
    return core::formatDate(documentDate(assessment, today), format);
}

std::optional<core::Date> localDate(std::string_view isoUtc)
{
    const std::string text(isoUtc);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 5 ||
        !core::isValidDate(y, mo, d) || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    std::tm utc{};
    utc.tm_year = y - 1900;
    utc.tm_mon = mo - 1;
    utc.tm_mday = d;
    utc.tm_hour = h;
    utc.tm_min = mi;
    utc.tm_sec = s;
    const std::time_t when = timegm(&utc);
    std::tm local{};
    if (localtime_r(&when, &local) == nullptr)
        return std::nullopt;
    return core::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

bool suggestLargePrint(const core::Patient& patient, core::Date today)
{
    return patient.birthDate && core::Date::yearsBetween(*patient.birthDate, today) >= kLargePrintSuggestedFromAge;
}

std::string painScoresText(const core::Pain& pain)
{
    std::string text;
    const auto add = [&](const char* what, const std::optional<int>& score) {
        if (score)
            text += (text.empty() ? "" : ", ") + std::string(what) + " " + std::to_string(*score) + "/10";
    };
    add("now", pain.nprsNow);
    add("best", pain.nprsBest24h);
    add("worst", pain.nprsWorst24h);
    return text;
}

std::string sideWord(core::Side side) { return side == core::Side::Left ? "left" : "right"; }

render::HomeProgramInput handoutInput(const core::Assessment& assessment, const core::Analysis& analysis,
                                      const core::Program& program, const core::Branding& clinic, core::Date today,
                                      const HandoutOptions& options)
{
    render::HomeProgramInput input;
    input.patient = assessment.patient;
    input.date = documentDateText(assessment, today, options.dateFormat);
    input.largePrint = options.largePrint;
    input.branding = documentBranding(clinic, assessment.visit.clinician);
    input.referral = analysis.referral;
    input.program = program;
    input.takeCare = core::patientCareLines(analysis);
    return input;
}

std::vector<std::uint8_t> renderHandout(const render::HomeProgramInput& input, render::PageSize size,
                                        const render::FigureDrawer* figures,
                                        std::vector<render::HandoutPage>* layout)
{
    auto resources = render::defaultResources(store::AppPaths().templatesDir());
    resources.figures = figures;
    return render::renderHomeProgram(input, size, resources, layout);
}

} // namespace hiprx::workflow
