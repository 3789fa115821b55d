// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"
#include "cli/text_table.h"

#include "core/error.h"
#include "exchange/json_format.h"
#include "store/repositories.h"
#include "workflow/import.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace hiprx::cli {

namespace {

using nlohmann::json;

json patientJson(const core::Patient& p)
{
    json j{{"id", p.id}, {"name", p.name}, {"sex", core::toId(p.sex)}};
    if (!p.externalId.empty())
        j["external_id"] = p.externalId;
    if (p.birthDate)
        j["birth_date"] = p.birthDate->iso();
    if (!p.email.empty())
        j["email"] = p.email;
    if (!p.phone.empty())
        j["phone"] = p.phone;
    return j;
}

void runInit(const CommonOptions& common)
{
    auto db = openDatabase(common);
    const auto library = store::ExerciseRepository(db).load();
    if (common.json) {
        std::cout << json{{"database", db.path().string()},
                          {"schema_version", db.schemaVersion()},
                          {"exercises", library.size()}}
                         .dump(2)
                  << '\n';
        return;
    }
    std::cout << "Database ready: " << db.path().string() << "\n"
              << "Schema version " << db.schemaVersion() << ", " << library.size()
              << " exercises in the library.\n";
}

void runImport(const CommonOptions& common, const std::string& file)
{
    auto assessment = exchange::readAssessment(readTextFile(file, "FILE"), today());
    auto db = openDatabase(common);
    const store::Actor actor{common.clinician.empty() ? assessment.visit.clinician : common.clinician};
    const auto result = workflow::importAssessment(db, std::move(assessment), actor);

    if (common.json) {
        std::cout << json{{"patient_id", result.patientId},
                          {"visit_id", result.visitId},
                          {"new_patient", result.newPatient}}
                         .dump(2)
                  << '\n';
        return;
    }
    std::cout << (result.newPatient ? "New patient " : "Existing patient ") << result.patientId << ", visit "
              << result.visitId << " imported.\n";
}

void runPatients(const CommonOptions& common, const std::string& query, int limit)
{
    auto db = openDatabase(common);
    const auto found = store::PatientRepository(db).search(query, limit);
    if (common.json) {
        json list = json::array();
        for (const auto& p : found)
            list.push_back(patientJson(p));
        std::cout << list.dump(2) << '\n';
        return;
    }
    if (found.empty()) {
        std::cout << (query.empty() ? "No patients yet. Add one with: hiprx-cli import FILE.json\n"
                                    : "No patient matches \"" + query + "\".\n");
        return;
    }
    TextTable table({"ID", "NAME", "BORN", "EXTERNAL ID"});
    for (const auto& p : found)
        table.addRow({std::to_string(p.id), p.name, p.birthDate ? p.birthDate->iso() : "", p.externalId});
    table.print(std::cout);
}

void runShow(const CommonOptions& common, const std::string& key)
{
    auto db = openDatabase(common);
    const auto patient = findPatient(db, key);
    store::VisitRepository visits(db);
    const auto list = visits.listForPatient(patient.id);
    if (common.json) {
        json j = patientJson(patient);
        j["visits"] = json::array();
        for (const auto& v : list)
            j["visits"].push_back({{"id", v.id},
                                   {"date", v.date},
                                   {"clinician", v.clinician},
                                   {"complaint", v.complaint},
                                   {"issued_programs", v.issuedPrograms}});
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << patient.name << "  (record " << patient.id << ")\n";
    if (patient.birthDate)
        std::cout << "Born        " << patient.birthDate->iso() << '\n';
    std::cout << "Sex         " << core::toId(patient.sex) << '\n';
    if (!patient.externalId.empty())
        std::cout << "External id " << patient.externalId << '\n';
    if (!patient.email.empty())
        std::cout << "Email       " << patient.email << '\n';
    if (!patient.phone.empty())
        std::cout << "Phone       " << patient.phone << '\n';
    std::cout << '\n';
    if (list.empty()) {
        std::cout << "No visits yet.\n";
        return;
    }
    TextTable table({"VISIT", "DATE", "CLINICIAN", "PROGRAMS", "COMPLAINT"});
    for (const auto& v : list)
        table.addRow({std::to_string(v.id), v.date, v.clinician, std::to_string(v.issuedPrograms), v.complaint});
    table.print(std::cout);
}

void runExport(const CommonOptions& common, const std::string& patientKey, std::int64_t visitId,
               const std::string& out)
{
    auto db = openDatabase(common);
    store::VisitRepository visits(db);
    if (visitId > 0) {
        const auto visit = visits.find(visitId);
        if (!visit)
            throw InputError("--visit", "--visit: no visit " + std::to_string(visitId));
        writeTextFile(out, exchange::writeAssessment(visit->assessment));
        return;
    }
    if (patientKey.empty())
        throw InputError("PATIENT", "PATIENT: give a patient (record number or external id) or --visit ID");
    const auto patient = findPatient(db, patientKey);
    json all{{"format", "hiprx-patient/1"}, {"patient", patientJson(patient)}, {"visits", json::array()}};
    auto list = visits.listForPatient(patient.id);
    // Oldest first reads naturally as a history.
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        const auto visit = visits.find(it->id);
        auto doc = json::parse(exchange::writeAssessment(visit->assessment));
        doc["visit_id"] = it->id;
        all["visits"].push_back(std::move(doc));
    }
    writeTextFile(out, all.dump(2) + "\n");
}

} // namespace

void addPatientCommands(CLI::App& app, CommonOptions& common)
{
    auto* init = app.add_subcommand("init", "Create or upgrade the database and load the exercise library");
    init->callback([&common] { runInit(common); });

    auto* import = app.add_subcommand("import", "Store the patient and visit of an assessment file (JSON)");
    auto file = std::make_shared<std::string>();
    import->add_option("FILE", *file, "hiprx-assessment/1 file")->required();
    import->callback([&common, file] { runImport(common, *file); });

    auto* patients = app.add_subcommand("patients", "Find patients by name, birth date or external id");
    auto query = std::make_shared<std::string>();
    auto limit = std::make_shared<int>(50);
    patients->add_option("QUERY", *query, "words of the name, a birth date (1961-04) or an external id");
    patients->add_option("--limit", *limit, "at most this many rows")->check(CLI::Range(1, 10000));
    patients->callback([&common, query, limit] { runPatients(common, *query, *limit); });

    auto* show = app.add_subcommand("show", "Show a patient and their visits");
    auto key = std::make_shared<std::string>();
    show->add_option("PATIENT", *key, "record number or external id")->required();
    show->callback([&common, key] { runShow(common, *key); });

    auto* exportCmd = app.add_subcommand("export", "Write a patient's visits, or one visit, as JSON");
    auto exportKey = std::make_shared<std::string>();
    auto visit = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>("-");
    exportCmd->add_option("PATIENT", *exportKey, "record number or external id");
    exportCmd->add_option("--visit", *visit, "export this visit as a hiprx-assessment/1 file");
    exportCmd->add_option("-o,--out", *out, "output file (default: standard output)");
    exportCmd->callback([&common, exportKey, visit, out] { runExport(common, *exportKey, *visit, *out); });
}

} // namespace hiprx::cli
