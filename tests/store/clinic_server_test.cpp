// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode with several people (test_store_pg only): each logs in as themselves, the server
// decides what each may do, audits who did it and tells the other desks. Logins are the whole
// server's, so each test makes its own (names with the process id and a counter).
#include "store/change_feed.h"
#include "store/clinic_migration.h"
#include "store/draft_repository.h"
#include "store/repositories.h"
#include "store/server_logins.h"
#include "store/sql_postgres.h"
#include "store/staff_repository.h"

#include "store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

using namespace hiprx;
using namespace hiprx::store;
using test_support::sampleAssessment;
using test_support::samplePatient;
using test_support::TempDir;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

constexpr const char* kPassword = "a long test password";

class ClinicServerTest : public ::testing::Test {
protected:
    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_super = m_where.open(); // the server's superuser, as `clinic init` runs

    /// A new login in `role`, made by an administrator; returns its URL for this test's database.
    std::string login(const std::string& who, StaffRole role)
    {
        static std::atomic<int> counter{0};
        const std::string name = who + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        ServerLogins(m_super).create(name, kPassword, role);
        m_logins.push_back(name);
        return urlFor(name);
    }
    std::string urlFor(const std::string& name) const
    {
        // postgresql:///DB → postgresql://NAME:PASSWORD@localhost/DB (a password login over TCP).
        const std::string db = m_where.location().substr(std::string("postgresql:///").size());
        std::string password = kPassword;
        for (std::size_t at = password.find(' '); at != std::string::npos; at = password.find(' '))
            password.replace(at, 1, "%20");
        return "postgresql://" + name + ":" + password + "@localhost/" + db;
    }
    static std::string nameOf(const std::string& url)
    {
        const std::size_t start = std::string("postgresql://").size();
        return url.substr(start, url.find(':', start) - start);
    }
    ~ClinicServerTest() override
    {
        for (const std::string& name : m_logins) {
            try {
                test_support::TestLocation::admin().execute("DROP ROLE IF EXISTS " + name);
            } catch (const std::exception&) {
                // the throw-away server takes them with it
            }
        }
    }
    std::vector<std::string> m_logins;
};

} // namespace

TEST_F(ClinicServerTest, AdministratorsManageLoginsAndTheServerSaysWhoIsWho)
{
    const std::string alice = login("alice", StaffRole::Therapist);
    const std::string bob = login("bob", StaffRole::FrontDesk);
    ServerLogins logins(m_super);
    std::map<std::string, ServerLogin> byName;
    for (const ServerLogin& l : logins.list())
        byName[l.login] = l;
    ASSERT_EQ(byName.count(nameOf(alice)), 1u);
    EXPECT_EQ(byName[nameOf(alice)].role, StaffRole::Therapist);
    EXPECT_EQ(byName[nameOf(bob)].role, StaffRole::FrontDesk);
    EXPECT_TRUE(byName[nameOf(bob)].canLogIn);

    Database asAlice = Database::openLocation(alice);
    EXPECT_EQ(ServerLogins(asAlice).currentLogin(), nameOf(alice));
    EXPECT_EQ(ServerLogins(asAlice).currentRole(), StaffRole::Therapist);
    // A therapist cannot make logins; bad names and short passwords are refused naming the field.
    EXPECT_THROW(ServerLogins(asAlice).create("mallory_x", kPassword, StaffRole::Admin), StorageError);
    EXPECT_THROW(logins.create("Bad Name", kPassword, StaffRole::Therapist), InputError);
    EXPECT_THROW(logins.create("shorty_pw", "short", StaffRole::Therapist), InputError);
    EXPECT_THROW(logins.create(nameOf(alice), kPassword, StaffRole::Therapist), InputError);
    // Setting up or upgrading the server is the superuser's: a staff login is told so before anything changes.
    try {
        Database::initServer(alice);
        FAIL() << "a therapist set up the server";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("needs its superuser"));
    }
}

TEST_F(ClinicServerTest, TheFrontDeskKeepsContactDetailsButIsRefusedTheFindings)
{
    const std::string alice = login("alice", StaffRole::Therapist);
    const std::string bob = login("bob", StaffRole::FrontDesk);
    std::int64_t patientId = 0;
    std::int64_t visitId = 0;
    {
        Database asAlice = Database::openLocation(alice);
        patientId = PatientRepository(asAlice).create(samplePatient(), {"Alice"});
        visitId = VisitRepository(asAlice).create(patientId, sampleAssessment(), {"Alice"});
    }
    Database asBob = Database::openLocation(bob);
    PatientRepository patients(asBob);
    core::Patient patient = *patients.find(patientId);
    patient.phone = "+34 622 222 222";
    patients.update(patient, {"Bob"}, patients.rowVersion(patientId));
    EXPECT_EQ(patients.find(patientId)->phone, "+34 622 222 222");

    // The visit list, to reprint or email a program: when and who, never what it was about.
    const auto listed = VisitRepository(asBob).listForPatient(patientId);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].id, visitId);
    EXPECT_EQ(listed[0].complaint, "");
    Database asAlice = Database::openLocation(alice);
    EXPECT_EQ(VisitRepository(asAlice).listForPatient(patientId)[0].complaint, sampleAssessment().visit.complaint);
    try {
        VisitRepository(asBob).find(visitId);
        FAIL() << "the front desk read the findings";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("your login may not do this"));
    }
    EXPECT_THROW(VisitRepository(asBob).create(patientId, sampleAssessment(), {"Bob"}), StorageError);

    // What the front desk reads to email or reprint a program: who, when and with whom, unlogged.
    const auto header = VisitRepository(asBob).header(visitId);
    ASSERT_TRUE(header);
    EXPECT_EQ(header->patientId, patientId);
    EXPECT_EQ(header->date, sampleAssessment().visit.date);
    EXPECT_EQ(header->clinician, sampleAssessment().visit.clinician);
    EXPECT_FALSE(VisitRepository(asBob).header(visitId + 1000));
    // The app asks once what to offer: findings for the therapist, issued programs for the desk;
    // the clinic's settings are the administrator's.
    EXPECT_FALSE(VisitRepository(asBob).mayRecordFindings());
    EXPECT_TRUE(VisitRepository(asAlice).mayRecordFindings());
    EXPECT_FALSE(SettingsRepository(asBob).mayChange());
    EXPECT_FALSE(SettingsRepository(asAlice).mayChange());
    Database asCarol = Database::openLocation(login("carol", StaffRole::Admin));
    EXPECT_TRUE(SettingsRepository(asCarol).mayChange());
}

TEST_F(ClinicServerTest, TwoTherapistsBeginningOnePatientsNewVisitEachKeepTheirOwnDraft)
{
    const std::string alice = login("alice", StaffRole::Therapist);
    const std::string dana = login("dana", StaffRole::Therapist);
    Database asAlice = Database::openLocation(alice);
    Database asDana = Database::openLocation(dana);
    const std::int64_t patientId = PatientRepository(asAlice).create(samplePatient(), {"Alice"});
    DraftRepository(asAlice).save(patientId, 0, "complaint=typed at desk 1");
    DraftRepository(asDana).save(patientId, 0, "complaint=typed at desk 2");
    DraftRepository(asAlice).save(patientId, 0, "complaint=typed at desk 1, more");
    ASSERT_TRUE(DraftRepository(asAlice).find(patientId, 0));
    EXPECT_EQ(DraftRepository(asAlice).find(patientId, 0)->formText, "complaint=typed at desk 1, more");
    ASSERT_TRUE(DraftRepository(asDana).find(patientId, 0));
    EXPECT_EQ(DraftRepository(asDana).find(patientId, 0)->formText, "complaint=typed at desk 2");
    EXPECT_EQ(DraftRepository(asDana).forPatient(patientId).size(), 1u);
    // Saving the visit at one desk discards that desk's draft only.
    DraftRepository(asAlice).discard(patientId, 0);
    EXPECT_FALSE(DraftRepository(asAlice).find(patientId, 0));
    EXPECT_TRUE(DraftRepository(asDana).find(patientId, 0));

    // A saved visit's draft (it also holds the program saved with the visit) is every desk's.
    const std::int64_t visitId = VisitRepository(asAlice).create(patientId, sampleAssessment(), {"Alice"});
    DraftRepository(asAlice).save(patientId, visitId, "program saved with the visit");
    ASSERT_TRUE(DraftRepository(asDana).find(patientId, visitId));
    EXPECT_EQ(DraftRepository(asDana).find(patientId, visitId)->formText, "program saved with the visit");
    DraftRepository(asDana).discard(patientId, visitId); // issued at Dana's desk
    EXPECT_FALSE(DraftRepository(asAlice).find(patientId, visitId));
}

TEST_F(ClinicServerTest, TheServersAuditNamesTheLoginAndTheFieldsNeverTheValues)
{
    const std::string alice = login("alice", StaffRole::Therapist);
    Database asAlice = Database::openLocation(alice);
    PatientRepository patients(asAlice);
    const std::int64_t id = patients.create(samplePatient(), {"whatever the desk says"});
    core::Patient patient = *patients.find(id);
    patient.email = "secret@example.org";
    patients.update(patient, {"whatever the desk says"});

    sql::Statement audit(*m_super.impl().connection,
                         "SELECT login, operation, coalesce(fields, '') FROM server_audit "
                         "WHERE table_name = 'patients' AND row_id = ? ORDER BY id");
    audit.bind(1, id);
    std::vector<std::string> rows;
    while (audit.executeStep())
        rows.push_back(audit.getColumn(0).getString() + " " + audit.getColumn(1).getString() + " " +
                       audit.getColumn(2).getString());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_THAT(rows[0], HasSubstr(nameOf(alice) + " INSERT"));
    EXPECT_THAT(rows[1], HasSubstr(nameOf(alice) + " UPDATE"));
    EXPECT_THAT(rows[1], HasSubstr("email"));
    for (const std::string& row : rows)
        EXPECT_THAT(row, ::testing::Not(HasSubstr("secret@example.org")));
    // Nobody, not even the superuser, rewrites it.
    EXPECT_THROW(test_support::rawExec(m_super, "DELETE FROM server_audit"), sql::Error);

    // Reading the findings is logged too, with the login.
    const auto visit = VisitRepository(asAlice).create(id, sampleAssessment(), {});
    VisitRepository(asAlice).find(visit);
    sql::Statement reads(*m_super.impl().connection, "SELECT login, what FROM access_log WHERE patient_id = ?");
    reads.bind(1, id);
    ASSERT_TRUE(reads.executeStep());
    EXPECT_EQ(reads.getColumn(0).getString(), nameOf(alice));
    EXPECT_EQ(reads.getColumn(1).getString(), "visit");
}

TEST_F(ClinicServerTest, AnotherDeskHearsOfAChangeOnlyWhenItIsCommitted)
{
    const std::string alice = login("alice", StaffRole::Therapist);
    Database frontDesk = Database::openLocation(login("desk", StaffRole::FrontDesk));
    const std::unique_ptr<ChangeFeed> feed = frontDesk.listen();

    Database asAlice = Database::openLocation(alice);
    std::int64_t id = 0;
    asAlice.transaction([&] {
        id = PatientRepository(asAlice).create(samplePatient(), {"Alice"});
        for (int i = 0; i < 10; ++i) { // a tenth of a second: long enough for a notification sent now
            EXPECT_THAT(feed->take(), IsEmpty()) << "heard before the commit";
            ::usleep(10'000);
        }
    });
    std::vector<Change> heard;
    for (int i = 0; i < 200 && heard.empty(); ++i) {
        heard = feed->take();
        if (heard.empty())
            ::usleep(10'000);
    }
    ASSERT_FALSE(heard.empty());
    EXPECT_EQ(heard.front().table, "patients");
    EXPECT_EQ(heard.front().row, std::to_string(id));
    EXPECT_EQ(heard.front().patientId, id);

    // A change rolled back is never heard.
    EXPECT_THROW(asAlice.transaction([&] {
        PatientRepository(asAlice).create(samplePatient("Never Saved", "HX-0"), {"Alice"});
        throw StorageError("the desk gave up");
    }),
                 StorageError);
    ::usleep(100'000);
    for (const Change& c : feed->take())
        EXPECT_NE(c.table, "patients") << "heard a rolled-back change";
}

TEST(ChangePayload, TableRowAndPatientEvenWhenTheKeyHoldsAColon)
{
    const Change visit = parseChange("visits:12:7");
    EXPECT_EQ(visit.table, "visits");
    EXPECT_EQ(visit.row, "12");
    EXPECT_EQ(visit.patientId, 7);
    const Change setting = parseChange("settings:smtp:server:");
    EXPECT_EQ(setting.table, "settings");
    EXPECT_EQ(setting.row, "smtp:server");
    EXPECT_EQ(setting.patientId, 0);
}

TEST_F(ClinicServerTest, ADisabledLoginCannotOpenTheDatabase)
{
    const std::string bob = login("bob", StaffRole::FrontDesk);
    { Database asBob = Database::openLocation(bob); }
    ServerLogins(m_super).disable(nameOf(bob));
    try {
        Database::openLocation(bob);
        FAIL() << "a disabled login opened the database";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("not permitted to log in"));
        EXPECT_THAT(e.what(), ::testing::Not(HasSubstr(kPassword)));
    }
    ServerLogins(m_super).enable(nameOf(bob));
    EXPECT_NO_THROW(Database::openLocation(bob));
}

TEST_F(ClinicServerTest, AnOlderOrMissingSchemaIsRefusedWithWhatToRun)
{
    test_support::TestLocation::admin().execute("DROP DATABASE IF EXISTS hiprx_test_empty_" +
                                                 std::to_string(::getpid()));
    test_support::TestLocation::admin().execute("CREATE DATABASE hiprx_test_empty_" + std::to_string(::getpid()));
    try {
        Database::openLocation("postgresql:///hiprx_test_empty_" + std::to_string(::getpid()));
        FAIL() << "an empty database opened";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("hiprx-cli clinic init"));
    }
    test_support::rawExec(m_super, "UPDATE schema_version SET version = 99");
    EXPECT_THROW(m_where.open(), SchemaTooNewError);
    test_support::rawExec(m_super, "UPDATE schema_version SET version = 8");
    try {
        m_where.open();
        FAIL() << "an older schema opened";
    } catch (const StorageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("at schema 8"));
        EXPECT_THAT(e.what(), HasSubstr("hiprx-cli clinic init"));
    }
    test_support::TestLocation::admin().execute("DROP DATABASE IF EXISTS hiprx_test_empty_" +
                                                 std::to_string(::getpid()) + " WITH (FORCE)");
}

TEST(ServerLocation, TlsThatChecksTheServerIsTheDefaultAndAPlainConnectionOnlyStaysOnThisComputer)
{
    EXPECT_EQ(sql::parseServerLocation("postgresql://alice@db.clinic.example/hiprx").sslmode, "verify-full");
    EXPECT_EQ(sql::parseServerLocation("postgresql://alice@localhost/hiprx").sslmode, "prefer");
    EXPECT_EQ(sql::parseServerLocation("postgresql:///hiprx").sslmode, "prefer");
    EXPECT_THROW(sql::parseServerLocation("postgresql://alice@db.clinic.example/hiprx?sslmode=require"), sql::Error);
    EXPECT_THROW(sql::parseServerLocation("postgresql://alice@10.0.0.5/hiprx?sslmode=disable"), sql::Error);
    EXPECT_EQ(sql::parseServerLocation("postgresql://alice@10.0.0.5/hiprx?sslmode=verify-ca").sslmode, "verify-ca");
    // Without a host in the address, PGHOST says where the data goes (libpq takes it from there).
    const char* saved = std::getenv("PGHOST");
    const std::string before = saved != nullptr ? saved : "";
    ::setenv("PGHOST", "db.clinic.example", 1);
    EXPECT_EQ(sql::parseServerLocation("postgresql:///hiprx").sslmode, "verify-full");
    EXPECT_THROW(sql::parseServerLocation("postgresql:///hiprx?sslmode=prefer"), sql::Error);
    ::setenv("PGHOST", "localhost,db.clinic.example", 1);
    EXPECT_EQ(sql::parseServerLocation("postgresql:///hiprx").sslmode, "verify-full");
    if (saved != nullptr)
        ::setenv("PGHOST", before.c_str(), 1);
    else
        ::unsetenv("PGHOST");
    // The password never shows in what is displayed.
    EXPECT_EQ(sql::parseServerLocation("postgresql://alice:s3cret@db.clinic.example:6543/hiprx").shown,
              "postgresql://alice@db.clinic.example:6543/hiprx");
}

TEST(ServerPlaceholders, QuestionMarksBecomeNumberedParametersOutsideQuotes)
{
    int count = 0;
    EXPECT_EQ(sql::toPostgresPlaceholders("SELECT ?, ?3, ? FROM t WHERE a = '?' AND \"b?\" = ? -- ?\n", &count),
              "SELECT $1, $3, $4 FROM t WHERE a = '?' AND \"b?\" = $5 -- ?\n");
    EXPECT_EQ(count, 5);
    EXPECT_EQ(sql::toPostgresPlaceholders("VALUES (?1, ?2, ?1)", &count), "VALUES ($1, $2, $1)");
    EXPECT_EQ(count, 2);
}

TEST_F(ClinicServerTest, ASoloPracticeMovesInWholeWithItsIdsAndTheFileIsLeftUntouched)
{
    const auto file = m_dir / "solo.sqlite";
    std::int64_t patientId = 0;
    std::int64_t visitId = 0;
    {
        Database solo = Database::open(file);
        PatientRepository patients(solo);
        patients.create(samplePatient("First Person", "HX-1"), {"J. Park, PT"});
        patientId = patients.create(samplePatient(), {"J. Park, PT"});
        visitId = VisitRepository(solo).create(patientId, sampleAssessment(), {"J. Park, PT"});
        VisitRepository(solo).issueProgram(visitId, test_support::sampleProgram(), {"J. Park, PT"}, "",
                                           {'%', 'P', 'D', 'F', 0, 1, 2});
        StaffRepository(solo).add({0, "Jordan Park", "PT", true}, {});
    }
    const std::string before = test_support::readBytes(file);

    const auto copied = copyFileToServer(file, m_where.location());
    std::map<std::string, std::int64_t> rows;
    for (const TableCopy& t : copied)
        rows[t.table] = t.rows;
    EXPECT_EQ(rows["patients"], 2);
    EXPECT_EQ(rows["visits"], 1);
    EXPECT_EQ(rows["programs"], 1);
    EXPECT_EQ(rows["staff"], 1);
    EXPECT_GE(rows["audit_log"], 5);
    EXPECT_EQ(test_support::readBytes(file), before) << "the file was written";

    Database server = m_where.open();
    EXPECT_EQ(PatientRepository(server).find(patientId)->name, samplePatient().name);
    EXPECT_EQ(PatientRepository(server).search("alvarez").size(), 1u);
    const auto program = VisitRepository(server).latestProgram(visitId);
    ASSERT_TRUE(program.has_value());
    EXPECT_EQ(program->pdf, (std::vector<std::uint8_t>{'%', 'P', 'D', 'F', 0, 1, 2}));
    // New records continue after the copied ids.
    EXPECT_GT(PatientRepository(server).create(samplePatient("Next Person", "HX-9"), {}), patientId);
    // A second move into a clinic database that holds records is refused; nothing more is copied.
    EXPECT_THROW(copyFileToServer(file, m_where.location()), StorageError);
    EXPECT_EQ(PatientRepository(server).count(), 3);
}
