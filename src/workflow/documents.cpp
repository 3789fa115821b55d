// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/documents.h"

#include "core/program.h"
#include "store/app_paths.h"

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
