// SPDX-License-Identifier: GPL-3.0-or-later
//
// A database from every earlier schema, upgraded and checked row by row (issue 19). The fixtures
// (tests/data/migrations/schema_<N>.sql, written by tests/reliability/make_migration_fixtures.py)
// replay one invented clinic's life up to schema N. Each is loaded into a file, opened with
// Database::open, which upgrades it, and then
//  - every row of every table that existed before is still there with the same values in the
//    columns it had, and the columns added since are NULL or their default;
//  - the repositories read every patient, visit, finding, program, PDF, draft, protocol, message and
//    staff member back with the values the clinic wrote;
//  - the upgraded file passes integrity_check and foreign_key_check.
#include "core/date.h"
#include "store/database.h"
#include "store/database_impl.h"
#include "store/draft_repository.h"
#include "store/outbox_repository.h"
#include "store/protocol_repository.h"
#include "store/repositories.h"
#include "store/staff_repository.h"
#include "store/visit_note_repository.h"

#include "store_test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace hiprx;
using namespace hiprx::store;
using test_support::TempDir;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace fs = std::filesystem;

namespace {

fs::path fixture(int schema)
{
    return fs::path(HIPRX_TEST_DATA_DIR) / "migrations" / ("schema_" + std::to_string(schema) + ".sql");
}

/// One row as text: each value tagged with its type, so 1, '1' and NULL differ.
using Row = std::vector<std::string>;

std::string tagged(const SQLite::Column& column)
{
    if (column.isNull())
        return "NULL";
    if (column.isInteger())
        return "i:" + std::to_string(column.getInt64());
    if (column.isFloat())
        return "f:" + std::to_string(column.getDouble());
    if (column.isBlob())
        return "b:" + std::string(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
    return "t:" + column.getString();
}

std::vector<std::string> columnsOf(SQLite::Database& db, const std::string& table)
{
    std::vector<std::string> out;
    SQLite::Statement query(db, "SELECT name FROM pragma_table_info(?)");
    query.bind(1, table);
    while (query.executeStep())
        out.push_back(query.getColumn(0).getString());
    return out;
}

/// Every row of `table`'s `columns`, sorted (the comparison is of sets of rows, whatever the order).
std::vector<Row> rowsOf(SQLite::Database& db, const std::string& table, const std::vector<std::string>& columns)
{
    std::string list;
    for (const std::string& column : columns)
        list += (list.empty() ? "\"" : ", \"") + column + "\"";
    SQLite::Statement query(db, "SELECT " + list + " FROM \"" + table + "\"");
    std::vector<Row> rows;
    while (query.executeStep()) {
        Row row;
        for (int i = 0; i < query.getColumnCount(); ++i)
            row.push_back(tagged(query.getColumn(i)));
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

/// table → (columns, rows) of every table in the file.
using Snapshot = std::map<std::string, std::pair<std::vector<std::string>, std::vector<Row>>>;

Snapshot snapshot(const fs::path& file)
{
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    Snapshot out;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        auto columns = columnsOf(db, table);
        out[table] = {columns, rowsOf(db, table, columns)};
    }
    return out;
}

/// Loads the fixture's SQL text into a new database file at schema `schema`.
fs::path load(const TempDir& dir, int schema)
{
    const fs::path file = dir / "clinic.sqlite";
    SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(test_support::readBytes(fixture(schema)));
    return file;
}

std::string pdfText(int visit, int version)
{
    return "%PDF-1.4\n% HipRx migration fixture: visit " + std::to_string(visit) + " version " +
           std::to_string(version) + "\n%%EOF\n";
}

std::vector<std::string> exerciseIds(const core::Program& program)
{
    std::vector<std::string> out;
    for (const core::ProgramItem& item : program.items)
        out.push_back(item.exerciseId);
    return out;
}

class MigrationFixture : public ::testing::TestWithParam<int> {};

} // namespace

TEST(MigrationFixtures, ThereIsOneForEveryEarlierSchema)
{
    for (int schema = 1; schema < Database::latestSchemaVersion(); ++schema)
        EXPECT_TRUE(fs::exists(fixture(schema))) << fixture(schema);
}

TEST_P(MigrationFixture, EveryRowSurvivesTheUpgradeWithItsValues)
{
    const int schema = GetParam();
    TempDir dir;
    const fs::path file = load(dir, schema);
    {
        SQLite::Database raw(file, SQLite::OPEN_READONLY);
        ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), schema);
    }
    const Snapshot before = snapshot(file);
    ASSERT_GE(before.at("patients").second.size(), 5U);

    Database db = Database::open(file);
    EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());

    // Row by row, in the columns each table had before.
    SQLite::Database& raw = db.impl().file();
    for (const auto& [table, old] : before) {
        const auto& [columns, rows] = old;
        EXPECT_EQ(rowsOf(raw, table, columns), rows) << "table " << table << " from schema " << schema;
        // Columns added since: programs.pdf (002) is NULL for programs issued before it; row_version
        // (009) starts at 1 for every row written before it; a draft's author (010) is '' (nobody
        // recorded it, so it is offered to every login).
        for (const std::string& column : columnsOf(raw, table)) {
            if (std::find(columns.begin(), columns.end(), column) != columns.end())
                continue;
            const std::string unexpected = column == "row_version" ? "row_version IS NOT 1"
                                           : column == "author"    ? "author IS NOT ''"
                                                                   : "\"" + column + "\" IS NOT NULL";
            EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM \"" + table + "\" WHERE " + unexpected).getInt(), 0)
                << table << "." << column << " from schema " << schema;
        }
    }
    EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_FALSE(SQLite::Statement(raw, "PRAGMA foreign_key_check").executeStep()) << "from schema " << schema;
}

TEST_P(MigrationFixture, TheRepositoriesReadEveryRecordBack)
{
    const int schema = GetParam();
    TempDir dir;
    Database db = Database::open(load(dir, schema));

    // Patients, with the details only the patient row holds, found by name words, accents folded.
    PatientRepository patients(db);
    EXPECT_EQ(patients.count(), schema >= 5 ? 6 : 5);
    const auto dale = patients.find(1);
    ASSERT_TRUE(dale);
    EXPECT_EQ(dale->name, "Dale Hughes");
    EXPECT_EQ(dale->externalId, "HX-1001");
    EXPECT_EQ(dale->phone, "+44 7700 900101");
    EXPECT_EQ(dale->birthDate, core::Date::parse("1970-09-09"));
    const auto margaret = patients.findByExternalId("MRN-THA-POST-1");
    ASSERT_TRUE(margaret);
    EXPECT_EQ(margaret->name, "Margaret O'Neill");
    EXPECT_EQ(margaret->email, "m.oneill@example.net");
    EXPECT_EQ(margaret->sex, core::Sex::Female);
    const auto tomas = patients.search("alvarez");
    ASSERT_EQ(tomas.size(), 1U);
    EXPECT_EQ(tomas[0].name, "Tomás Álvarez");
    EXPECT_EQ(tomas[0].email, "tomas.alvarez@example.com");
    EXPECT_EQ(patients.search("1979-01").size(), 1U); // Priya Natarajan's birth date
    EXPECT_EQ(patients.search("hx-1004").size(), 1U);
    if (schema >= 5) {
        EXPECT_EQ(patients.search("kowal").size(), 1U);
    }

    // Visits and their findings.
    VisitRepository visits(db);
    const auto sam = visits.find(2);
    ASSERT_TRUE(sam);
    EXPECT_EQ(sam->patientId, 2);
    EXPECT_EQ(sam->assessment.patient.name, "Sam Carter");
    EXPECT_EQ(sam->assessment.visit.date, core::Date::parse("2026-11-02"));
    EXPECT_EQ(sam->assessment.visit.clinician, "Jordan Park, PT");
    EXPECT_EQ(sam->assessment.rom.left.at(core::Movement::HipFlexion), 118);
    EXPECT_EQ(sam->assessment.rom.right.at(core::Movement::HipExtension), 5);
    EXPECT_EQ(sam->assessment.strength.left.at(core::StrengthMuscle::GluteusMaximus).text(), "4-");
    EXPECT_EQ(sam->assessment.pain.nprsWorst24h, 5);
    const auto hip = visits.find(3);
    ASSERT_TRUE(hip);
    EXPECT_EQ(hip->assessment.visit.clinician, "Alex Moreau, PT, DPT");
    EXPECT_TRUE(hip->assessment.precautions.count(core::Precaution::ThaPosterior));
    EXPECT_EQ(hip->assessment.strength.left.at(core::StrengthMuscle::GluteusMedius).text(), "3");
    EXPECT_EQ(hip->assessment.rom.left.at(core::Movement::HipFlexion), 85);
    const auto priya = visits.find(4);
    ASSERT_TRUE(priya);
    EXPECT_EQ(priya->assessment.strength.right.at(core::StrengthMuscle::GluteusMedius).text(), "3+");
    const auto dales = visits.find(1);
    ASSERT_TRUE(dales);
    EXPECT_FALSE(dales->assessment.redFlags.empty());
    EXPECT_EQ(visits.listForPatient(3).size(), schema >= 2 ? 2U : 1U);

    // Issued programs, oldest first, each with the PDF it was given with (none before schema 2).
    const auto emergency = visits.programs(1);
    ASSERT_EQ(emergency.size(), 1U);
    EXPECT_TRUE(emergency[0].program.withheld);
    EXPECT_TRUE(emergency[0].pdf.empty());
    const auto desk = visits.programs(2);
    ASSERT_EQ(desk.size(), 1U);
    EXPECT_EQ(desk[0].version, 1);
    EXPECT_EQ(desk[0].clinician, "Jordan Park, PT");
    EXPECT_EQ(desk[0].issuedAt, "2026-11-02T09:31:00.000Z");
    EXPECT_THAT(exerciseIds(desk[0].program),
                ElementsAre("standing_hip_flexor_stretch", "kneeling_hip_flexor_stretch", "prone_hip_extension"));
    EXPECT_EQ(desk[0].program.items[2].dose.reps, 12);
    EXPECT_TRUE(desk[0].pdf.empty());
    if (schema >= 2) {
        for (const std::int64_t visit : {3, 4, 6}) {
            const auto issued = visits.latestProgram(visit);
            ASSERT_TRUE(issued) << "visit " << visit;
            EXPECT_FALSE(issued->program.items.empty()) << "visit " << visit;
            EXPECT_EQ(std::string(issued->pdf.begin(), issued->pdf.end()), pdfText(static_cast<int>(visit), 1));
        }
    } else {
        EXPECT_FALSE(visits.latestProgram(3));
    }

    // Clinic settings and the clinic's own exercise, written before pictures existed.
    SettingsRepository settings(db);
    ASSERT_TRUE(settings.get("branding"));
    EXPECT_NE(settings.get("branding")->find("Riverside Physiotherapy (invented)"), std::string::npos);
    EXPECT_EQ(settings.get("page_size"), "\"letter\"");
    ExerciseRepository exercises(db);
    const auto own = exercises.findClinicExercise("riverside_side_lying_lift");
    ASSERT_TRUE(own);
    EXPECT_EQ(own->exercise.name, "Side-lying leg lift (Riverside)");
    EXPECT_FALSE(own->retired);
    EXPECT_TRUE(exercises.load().find("riverside_side_lying_lift"));
    EXPECT_TRUE(exercises.load().find("glute_bridge"));

    // Drafts and protocols (003).
    if (schema >= 3) {
        DraftRepository drafts(db);
        const auto draft = drafts.find(5, 0);
        ASSERT_TRUE(draft);
        EXPECT_EQ(draft->formText, "{\"form\":\"complaint=Back feels tight when bending\\nnprs_now=2\"}");
        EXPECT_TRUE(drafts.find(4, 4));
        ProtocolRepository protocols(db);
        const auto list = protocols.list();
        ASSERT_EQ(list.size(), 2U);
        EXPECT_EQ(list[0].name, "Desk worker: hip flexors");
        EXPECT_EQ(exerciseIds(list[0].program), exerciseIds(desk[0].program));
        EXPECT_EQ(list[1].name, "Post-THA posterior week 8");
    }

    // The outbox (004): sent, failed, queued; one failed message discarded from 006.
    if (schema >= 4) {
        OutboxRepository outbox(db);
        const auto sent = outbox.find(1);
        ASSERT_TRUE(sent);
        EXPECT_EQ(sent->status, OutboxStatus::Sent);
        EXPECT_EQ(sent->recipient, "m.oneill@example.net");
        EXPECT_EQ(sent->sentAt, "2026-11-21T09:01:00.000Z");
        const auto refused = outbox.find(2);
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->error, "the server refused the address (550)");
        EXPECT_EQ(refused->attempts, 2);
        EXPECT_EQ(refused->status, schema >= 6 ? OutboxStatus::Discarded : OutboxStatus::Failed);
        std::vector<std::int64_t> pending;
        for (const OutboxEntry& entry : outbox.pending())
            pending.push_back(entry.id);
        if (schema >= 6) {
            EXPECT_THAT(pending, ElementsAre(3, 4));
        } else {
            EXPECT_THAT(pending, ElementsAre(2, 3, 4));
        }
        EXPECT_EQ(outbox.forPatient(3).size(), 2U);
    }

    // Staff (007), the retired one kept.
    if (schema >= 7) {
        StaffRepository staff(db);
        std::vector<std::string> names;
        for (const auto& member : staff.list(true))
            names.push_back(member.name + (member.active ? "" : " (retired)"));
        EXPECT_THAT(names, ::testing::UnorderedElementsAre("Jordan Park", "Alex Moreau", "Casey Lind (retired)"));
    }

    // The visit note filed with program 3 (008), byte for byte.
    if (schema >= 8) {
        const auto note = VisitNoteRepository(db).find(3);
        ASSERT_TRUE(note.has_value());
        const std::string text(note->begin(), note->end());
        EXPECT_EQ(text, "%PDF-1.4\n% HipRx migration fixture: visit note, program 3\n%%EOF\n");
    }

    // The audit log is append-only across the upgrade: every entry the clinic wrote is still there.
    AuditLog audit(db);
    const auto patientOne = audit.forEntity("patient", 1);
    ASSERT_FALSE(patientOne.empty());
    EXPECT_EQ(patientOne.front().action, "patient.create");
    EXPECT_EQ(patientOne.front().at, "2026-11-02T09:03:00.000Z");
}

TEST_P(MigrationFixture, TheUpgradedFileStillTakesNewRecords)
{
    TempDir dir;
    Database db = Database::open(load(dir, GetParam()));
    PatientRepository patients(db);
    const auto id = patients.create(test_support::samplePatient("Noor Haddad", "HX-2001"), {});
    VisitRepository visits(db);
    const auto visit = visits.create(id, test_support::sampleAssessment(), {});
    EXPECT_TRUE(visits.find(visit));
    EXPECT_EQ(patients.search("haddad").size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(EveryEarlierSchema, MigrationFixture, ::testing::Range(1, 10),
                         [](const ::testing::TestParamInfo<int>& schema) {
                             return "Schema" + std::to_string(schema.param);
                         });
