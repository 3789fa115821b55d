// SPDX-License-Identifier: GPL-3.0-or-later
//
// Makes a large HipRx database for the GUI benchmarks: invented patients (default 100,000) with
// visits (default 10 each, 1,000,000 in all). One transaction and prepared statements; the schema
// comes from store::Database::open so it is the real one.
//   generate_db OUT.sqlite [PATIENTS] [VISITS_PER_PATIENT]
#include "core/assessment.h"
#include "exchange/json_format.h"
#include "store/database.h"
#include "store/repositories.h"
#include "store/name_key.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace {

const char* const kFirst[] = {"Ana", "Tomás", "Sam", "Grace", "Mei", "Omar", "Lena", "Ines", "Jonas", "Priya",
                              "Zoë", "Mateo", "Aiko", "Kofi", "Élodie", "Ravi", "Hanna", "Luis", "Noor", "Emil"};
const char* const kLast[] = {"Ruiz", "Álvarez", "Carter", "Okafor", "Tanaka", "Haddad", "Fischer", "Duarte",
                             "Berg", "Sharma", "Müller", "García", "Sato", "Mensah", "Lefèvre", "Patel",
                             "Nowak", "Silva", "Khan", "Larsen", "O'Neill", "Kowalski", "Rossi", "Dubois"};

std::string storedAssessmentJson(int variant)
{
    hiprx::core::Assessment a;
    a.patient.name = "patient"; // the store keeps personal details only in the patients row
    a.visit.date = hiprx::core::Date{2020 + variant % 6, 1 + variant % 12, 1 + variant % 28};
    a.visit.complaint = "Stiff hip after sitting";
    a.rom.left[hiprx::core::Movement::HipExtension] = variant % 15;
    a.rom.right[hiprx::core::Movement::HipExtension] = 10;
    a.pain.nprsNow = variant % 8;
    return hiprx::exchange::writeAssessment(a);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: generate_db OUT.sqlite [PATIENTS] [VISITS_PER_PATIENT]\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    const int patients = argc > 2 ? std::atoi(argv[2]) : 100000;
    const int visitsEach = argc > 3 ? std::atoi(argv[3]) : 10;
    std::filesystem::remove(out);
    { auto schema = hiprx::store::Database::open(out); } // creates and migrates, then closes

    const auto start = std::chrono::steady_clock::now();
    SQLite::Database db(out.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = OFF"); // a throwaway benchmark file
    std::mt19937 random(42);
    std::string json[12];
    for (int i = 0; i < 12; ++i)
        json[i] = storedAssessmentJson(i);

    SQLite::Transaction transaction(db);
    SQLite::Statement patient(db, "INSERT INTO patients (external_id, name, name_key, birth_date, sex, email, "
                                  "phone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'unknown', '', '', ?5, ?5)");
    SQLite::Statement visit(db, "INSERT INTO visits (patient_id, visit_date, clinician, complaint, assessment_json, "
                                "created_at, updated_at) VALUES (?1, ?2, 'J. Park, PT', ?3, ?4, ?5, ?5)");
    char buffer[32];
    for (int p = 1; p <= patients; ++p) {
        const std::string name = std::string(kFirst[random() % std::size(kFirst)]) + " " +
                                 kLast[random() % std::size(kLast)] + " " + kLast[random() % std::size(kLast)];
        std::snprintf(buffer, sizeof buffer, "MRN-%06d", p);
        patient.bind(1, buffer);
        patient.bind(2, name);
        patient.bind(3, hiprx::store::nameKey(name));
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", 1930 + static_cast<int>(random() % 80),
                      1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28));
        patient.bind(4, buffer);
        std::snprintf(buffer, sizeof buffer, "2026-01-01T00:00:%02d.%03dZ", p % 60, p % 1000);
        patient.bind(5, buffer);
        patient.exec();
        patient.reset();
        const std::int64_t patientId = db.getLastInsertRowid();
        for (int v = 0; v < visitsEach; ++v) {
            const int variant = static_cast<int>(random() % 12);
            visit.bind(1, patientId);
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", 2020 + variant % 6, 1 + variant % 12,
                          1 + variant % 28);
            visit.bind(2, buffer);
            visit.bind(3, "Stiff hip after sitting");
            visit.bind(4, json[variant]);
            visit.bind(5, "2026-01-01T00:00:00.000Z");
            visit.exec();
            visit.reset();
        }
    }
    transaction.commit();
    // The rows went in around the repository (for speed); give them their search tokens.
    {
        auto database = hiprx::store::Database::open(out);
        hiprx::store::PatientRepository(database).rebuildSearchIndex();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d patients, %d visits in %.1f s\n", patients, patients * visitsEach, seconds);
    return 0;
}
