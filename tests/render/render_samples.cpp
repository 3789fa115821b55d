// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes sample home programs (no red flag, routine, urgent, emergency; A4 and Letter; 1, 8 and
// 25 exercises; with and without a logo) into a folder, to look at as a patient would.
// Usage: render_samples OUT_DIR
#include "render_fixtures.h"

#include "core/program.h"

#include "render/render_error.h"

#include <iostream>

int main(int argc, char** argv)
{
    using namespace hiprx;
    using namespace hiprx::render;
    if (argc != 2) {
        std::cerr << "usage: render_samples OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    const RenderResources resources = defaultResources(fixtures::templatesDir());
    struct Sample {
        const char* file;
        const char* patient;
        std::size_t count;
        core::Urgency level;
        PageSize size;
        bool logo;
        const char* accent = "#1F6F8B";
        std::vector<core::Precaution> precautions = {};
        const char* clinicName = nullptr; ///< replaces the fixture's; "" also clears the phone
    };
    const Sample samples[] = {
        {"a4-1-none.pdf", "Łucja Ångström-Straße", 1, core::Urgency::None, PageSize::A4, false},
        {"a4-8-none.pdf", "Łucja Ångström-Straße", 8, core::Urgency::None, PageSize::A4, true},
        {"a4-25-none.pdf", "Дмитрий Соколов", 25, core::Urgency::None, PageSize::A4, false},
        {"a4-8-routine.pdf", "Αλέξης Παπαδόπουλος", 8, core::Urgency::Routine, PageSize::A4, true},
        {"a4-8-urgent.pdf", "Αλέξης Παπαδόπουλος", 8, core::Urgency::Urgent, PageSize::A4, true},
        {"a4-emergency.pdf", "Дмитрий Соколов", 8, core::Urgency::Emergency, PageSize::A4, false},
        {"letter-1-none.pdf", "Ana Ruiz", 1, core::Urgency::None, PageSize::Letter, true},
        {"letter-8-urgent.pdf", "Ana Ruiz", 8, core::Urgency::Urgent, PageSize::Letter, false},
        {"letter-25-none.pdf", "Ana Ruiz", 25, core::Urgency::None, PageSize::Letter, true},
        {"letter-emergency.pdf", "Ana Ruiz", 3, core::Urgency::Emergency, PageSize::Letter, true},
        {"a4-3-pale-accent.pdf", "Ana Ruiz", 3, core::Urgency::Routine, PageSize::A4, false, "#F4D35E"},
        {"a4-6-posterior-hip.pdf", "Ana Ruiz", 6, core::Urgency::None, PageSize::A4, true, "#1F6F8B",
         {core::Precaution::ThaPosterior, core::Precaution::FallRisk}},
        {"a4-4-pregnancy.pdf", "Ana Ruiz", 4, core::Urgency::Routine, PageSize::A4, false, "#1F6F8B",
         {core::Precaution::Pregnancy}},
        {"letter-3-long-name-no-phone.pdf", "Ana Ruiz", 3, core::Urgency::None, PageSize::Letter, true, "#1F6F8B",
         {core::Precaution::Osteoporosis},
         "The Riverside Community Physiotherapy, Sports Injury and Rehabilitation Centre of Greater Northampton"},
    };
    try {
        for (const Sample& s : samples) {
            HomeProgramInput in = fixtures::input(s.patient, s.count, s.level);
            in.branding.accentColor = s.accent;
            if (s.logo)
                in.branding.logoPath = std::string(HIPRX_SOURCE_DIR) + "/tests/render/data/logo.png";
            core::Analysis analysis;
            analysis.precautions.insert(s.precautions.begin(), s.precautions.end());
            in.takeCare = core::patientCareLines(analysis);
            if (s.clinicName) {
                in.branding.clinicName = s.clinicName;
                in.branding.phone.clear();
            }
            writeFile(renderHomeProgram(in, s.size, resources), out / s.file);
            std::cout << (out / s.file).string() << '\n';
        }
    } catch (const RenderError& e) {
        std::cerr << "render_samples: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
