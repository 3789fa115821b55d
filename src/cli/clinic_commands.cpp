// SPDX-License-Identifier: GPL-3.0-or-later
//
// `clinic` (the clinic's settings every desk shares: reference set, page size, date format, branding) and
// `staff` (who works at the clinic: list, add, retire).
#include "cli/clinic_context.h"
#include "cli/commands.h"
#include "cli/server_commands.h"
#include "cli/text_table.h"

#include "core/error.h"
#include "core/norms.h"
#include "exchange/json_format.h"
#include "store/staff_repository.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace hiprx::cli {

namespace {

struct ClinicArgs {
    std::string norms;
    std::string page;
    std::string dateFormat;
    std::string brandingFile;
    int lockAfter = -1; ///< -1: not given
};

void runClinic(const CommonOptions& common, const ClinicArgs& args)
{
    // Every option is checked before anything is saved.
    const std::optional<core::NormSet> norms =
        args.norms.empty() ? std::nullopt : std::optional<core::NormSet>(parseNorms(args.norms));
    const std::optional<render::PageSize> page =
        args.page.empty() ? std::nullopt : std::optional<render::PageSize>(parsePage(args.page));
    const std::optional<core::DateFormat> dateFormat =
        args.dateFormat.empty() ? std::nullopt : std::optional<core::DateFormat>(parseDateFormat(args.dateFormat));
    std::optional<core::Branding> branding;
    if (!args.brandingFile.empty())
        branding = exchange::readBranding(readTextFile(args.brandingFile, "--branding"));

    auto db = openDatabase(common);
    const store::Actor actor = actorOf(common);
    db.transaction([&] {
        if (norms)
            workflow::saveNormSet(db, *norms, actor);
        if (page)
            workflow::savePageSize(db, *page, actor);
        if (dateFormat)
            workflow::saveDateFormat(db, *dateFormat, actor);
        if (args.lockAfter != -1)
            workflow::saveLockAfter(db, args.lockAfter, actor);
        if (branding)
            workflow::saveBranding(db, *branding, actor);
    });
    const workflow::Clinic clinic = loadClinic(db);
    if (branding && branding->phone.empty())
        warn({"the branding has no phone number, so \"Stop and call us if\" on the handout gives none"});
    if (common.json) {
        nlohmann::json out = {{"norm_set", core::normSetId(clinic.norms)},
                              {"page_size", workflow::pageSizeId(clinic.pageSize)},
                              {"date_format", core::dateFormatId(clinic.dateFormat)},
                              {"lock_after_minutes", clinic.lockAfterMinutes},
                              {"branding", nlohmann::json::parse(exchange::writeBranding(clinic.branding))}};
        std::cout << out.dump(2) << '\n';
        return;
    }
    std::cout << "Reference set of normal values: " << core::normSetLabel(clinic.norms) << " ("
              << core::normSetId(clinic.norms) << ")\n"
              << "Page size: " << workflow::pageSizeId(clinic.pageSize) << '\n'
              << "Dates: " << core::dateFormatLabel(clinic.dateFormat) << " (" << core::dateFormatId(clinic.dateFormat)
              << ")\n"
              << "Unused desks lock after: "
              << (clinic.lockAfterMinutes == 0 ? std::string("never") : std::to_string(clinic.lockAfterMinutes) + " minutes")
              << " (clinic server)\n"
              << "Clinic: " << (clinic.branding.clinicName.empty() ? "(no name set)" : clinic.branding.clinicName)
              << (clinic.branding.phone.empty() ? "" : ", " + clinic.branding.phone) << '\n';
}

void runStaffList(const CommonOptions& common, bool all)
{
    auto db = openDatabase(common);
    const auto staff = store::StaffRepository(db).list(all);
    if (common.json) {
        auto list = nlohmann::json::array();
        for (const auto& m : staff)
            list.push_back({{"id", m.id}, {"name", m.name}, {"credentials", m.credentials}, {"active", m.active}});
        std::cout << list.dump(2) << '\n';
        return;
    }
    TextTable table({"ID", "NAME", "CREDENTIALS", "STATUS"});
    for (const auto& m : staff)
        table.addRow({std::to_string(m.id), m.name, m.credentials, m.active ? "working" : "retired"});
    table.print(std::cout);
    std::cout << staff.size() << (staff.size() == 1 ? " person.\n" : " people.\n");
}

void runStaffAdd(const CommonOptions& common, const std::string& name, const std::string& credentials)
{
    auto db = openDatabase(common);
    const auto id = store::StaffRepository(db).add({0, name, credentials, true}, actorOf(common));
    std::cout << "Added " << core::staffLabel({id, name, credentials, true}) << " as staff member " << id << ".\n";
}

void runStaffRetire(const CommonOptions& common, std::int64_t id)
{
    auto db = openDatabase(common);
    store::StaffRepository staff(db);
    const auto member = staff.find(id);
    if (!member)
        throw InputError("ID", "ID: there is no staff member " + std::to_string(id) + " (see: hiprx-cli staff list)");
    staff.setActive(id, false, actorOf(common));
    std::cout << core::staffLabel(*member) << " is retired: no longer offered at the desks; their records keep "
              << "their name.\n";
}

} // namespace

void addClinicCommands(CLI::App& app, CommonOptions& common)
{
    auto args = std::make_shared<ClinicArgs>();
    auto* clinic = app.add_subcommand(
        "clinic", "Show or change the clinic's settings that every desk shares (reference set, page size, date format, branding)");
    clinic->add_option("--norms", args->norms, "reference set of normal ROM values, e.g. " + defaultNormsId());
    clinic->add_option("--page", args->page, "page size of documents: a4 or letter");
    clinic->add_option("--date-format", args->dateFormat,
                       "how every document writes dates: " + dateFormatHelp(false) +
                           "; files and the database keep 2026-12-05");
    clinic->add_option("--branding", args->brandingFile, "clinic branding JSON (name, phone, logo, colours…)");
    clinic->add_option("--lock-after", args->lockAfter,
                       "clinic server: minutes an unused desk stays open before it asks for the login again "
                       "(0 = never, at most 480)");
    clinic->callback([&common, args, clinic] {
        if (clinic->get_subcommands().empty()) // `clinic init` does its own work
            runClinic(common, *args);
    });

    auto* staff = app.add_subcommand(
        "staff", "The clinic's staff: list, add, retire; on a clinic server also their logins");
    staff->require_subcommand(1);
    auto all = std::make_shared<bool>(false);
    auto* list = staff->add_subcommand("list", "List the people working at the clinic");
    list->add_flag("--all", *all, "include retired people");
    list->callback([&common, all] { runStaffList(common, *all); });

    auto name = std::make_shared<std::string>();
    auto credentials = std::make_shared<std::string>();
    auto* add = staff->add_subcommand("add", "Add a person (name as on documents, e.g. \"Jane Park\")");
    add->add_option("NAME", *name, "full name")->required();
    add->add_option("--credentials", *credentials, "e.g. \"PT, DPT\"");
    auto login = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>();
    add->add_option("--login", *login,
                    "clinic server only: also create their login (password asked, or read from stdin)");
    add->add_option("--role", *role, "with --login: therapist (default), frontdesk or admin");
    add->callback([&common, name, credentials, login, role] {
        if (!login->empty())
            addStaffWithLogin(common, *name, *credentials, *login, *role);
        else if (!role->empty())
            throw InputError("--role", "--role: give the person a --login too");
        else
            runStaffAdd(common, *name, *credentials);
    });

    auto id = std::make_shared<std::int64_t>(0);
    auto* retire = staff->add_subcommand("retire", "Retire a person (kept on their records, no longer offered)");
    retire->add_option("ID", *id, "staff number (see: hiprx-cli staff list)")->required();
    retire->callback([&common, id] { runStaffRetire(common, *id); });

    addServerCommands(*clinic, *staff, common);
}

} // namespace hiprx::cli
