// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/name_key.h"
#include "store/repositories.h"

#include "store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

class PatientRepositoryTest : public ::testing::Test {
protected:
    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    PatientRepository m_patients{m_db};
    Actor m_actor{"J. Park, PT"};

    std::int64_t add(const std::string& name, const std::string& externalId, std::optional<core::Date> birth)
    {
        core::Patient p;
        p.name = name;
        p.externalId = externalId;
        p.birthDate = birth;
        return m_patients.create(p, m_actor);
    }

    std::vector<std::string> namesFound(const std::string& query)
    {
        std::vector<std::string> names;
        for (const auto& p : m_patients.search(query))
            names.push_back(p.name);
        return names;
    }
};

} // namespace

TEST(NameKey, FoldsCaseAndAccents)
{
    EXPECT_EQ(nameKey("Tomás Álvarez"), "tomas alvarez");
    EXPECT_EQ(nameKey("  JÜRGEN   Weiß "), "jurgen weiss");
    EXPECT_EQ(nameKey("Łukasz Żółć"), "lukasz zolc");
    EXPECT_EQ(nameKey("Søren Ærø"), "soren aero");
    EXPECT_EQ(nameKey("Œdipe Ĳssel"), "oedipe ijssel");
    EXPECT_EQ(nameKey("François-Xavier O'Brien"), "francois xavier o brien");
    EXPECT_EQ(nameKey("Ana Ruiz\u2019s"), "ana ruiz s");
}

TEST(NameKey, FoldsGreekAndCyrillicAndDecomposedAccents)
{
    EXPECT_EQ(nameKey("Νίκος Παπαδόπουλος"), "νικοσ παπαδοπουλοσ");
    EXPECT_EQ(nameKey("Фёдор ИВАНОВ"), "федор иванов");
    EXPECT_EQ(nameKey("A\u0301lvarez"), "alvarez"); // A + combining acute
    EXPECT_EQ(nameKey("李 小龍"), "李 小龍");       // passes through unchanged
    EXPECT_EQ(nameKey("bad\xff\xfe bytes"), "bad bytes");
}

TEST_F(PatientRepositoryTest, CreateThenFindGivesTheSamePatient)
{
    core::Patient patient = samplePatient();
    const auto id = m_patients.create(patient, m_actor);
    EXPECT_GT(id, 0);
    patient.id = id;
    EXPECT_EQ(m_patients.find(id), patient);
    EXPECT_EQ(m_patients.findByExternalId("MRN-1042"), patient);
    EXPECT_FALSE(m_patients.findByExternalId("MRN-9999"));
    EXPECT_FALSE(m_patients.find(id + 1));
    EXPECT_EQ(m_patients.count(), 1);
}

TEST_F(PatientRepositoryTest, UpdateChangesTheRow)
{
    core::Patient patient = samplePatient();
    patient.id = m_patients.create(patient, m_actor);
    patient.name = "Tomás Álvarez Gil";
    patient.email.clear();
    patient.birthDate.reset();
    patient.sex = core::Sex::Unknown;
    m_patients.update(patient, m_actor);
    EXPECT_EQ(m_patients.find(patient.id), patient);
    EXPECT_THAT(namesFound("gil"), ElementsAre("Tomás Álvarez Gil"));
}

TEST_F(PatientRepositoryTest, ASaveOverAnotherDesksNewerChangeIsRefusedNamingWhoAndWritesNothing)
{
    core::Patient patient = samplePatient();
    patient.id = m_patients.create(patient, m_actor);

    // Two desks (two connections) open the same patient.
    Database otherDesk = m_where.open();
    PatientRepository there(otherDesk);
    const std::int64_t openedHere = m_patients.rowVersion(patient.id);
    const std::int64_t openedThere = there.rowVersion(patient.id);
    ASSERT_EQ(openedHere, openedThere);

    core::Patient theirs = patient;
    theirs.phone = "+34 611 111 111";
    there.update(theirs, {"A. Moreau, PT"}, openedThere);
    EXPECT_GT(m_patients.rowVersion(patient.id), openedHere);

    core::Patient mine = patient;
    mine.email = "new@example.org";
    try {
        m_patients.update(mine, m_actor, openedHere);
        FAIL() << "a save over a newer change went through";
    } catch (const ConflictError& e) {
        EXPECT_EQ(e.by(), "A. Moreau, PT");
        EXPECT_THAT(e.what(), HasSubstr("changed at another desk by A. Moreau, PT"));
        EXPECT_THAT(e.what(), HasSubstr("not saved"));
    }
    EXPECT_EQ(m_patients.find(patient.id), theirs); // theirs stands, nothing of mine was written

    // Opened again, the save goes through; without a version (a tool, an import) it is not checked.
    m_patients.update(mine, m_actor, m_patients.rowVersion(patient.id));
    EXPECT_EQ(m_patients.find(patient.id)->email, "new@example.org");
}

TEST_F(PatientRepositoryTest, UpdateOfAMissingPatientIsAStorageError)
{
    core::Patient ghost = samplePatient();
    ghost.id = 77;
    EXPECT_THROW(m_patients.update(ghost, m_actor), StorageError);
    EXPECT_EQ(m_patients.count(), 0);
}

TEST_F(PatientRepositoryTest, ValidationErrorsNameTheFieldsAndWriteNothing)
{
    core::Patient bad;
    bad.name = "";
    bad.birthDate = core::Date{2999, 1, 1}; // in the future
    try {
        m_patients.create(bad, m_actor);
        FAIL() << "an invalid patient was saved";
    } catch (const InputError& e) {
        std::vector<std::string> paths;
        for (const auto& problem : e.problems())
            paths.push_back(problem.path);
        EXPECT_THAT(paths, ::testing::Contains("patient.name"));
        EXPECT_THAT(paths, ::testing::Contains("patient.birth_date"));
    }
    EXPECT_EQ(m_patients.count(), 0);
    EXPECT_TRUE(AuditLog(m_db).recent().empty());

    // An update that fails validation leaves the stored row as it was.
    core::Patient good = samplePatient();
    good.id = m_patients.create(good, m_actor);
    core::Patient edited = good;
    edited.name.clear();
    EXPECT_THROW(m_patients.update(edited, m_actor), InputError);
    EXPECT_EQ(m_patients.find(good.id), good);
}

TEST_F(PatientRepositoryTest, RecordNumberMustBeUnique)
{
    add("Ana Ruiz", "MRN-7", core::Date{1970, 1, 1});
    try {
        add("Ana Ruiz Lopez", "MRN-7", std::nullopt);
        FAIL() << "a second patient took the same record number";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "patient.id");
        EXPECT_THAT(e.problems()[0].message, Not(HasSubstr("Ana")));
    }
    EXPECT_EQ(m_patients.count(), 1);
    // Patients without a record number do not collide.
    add("Lena Fischer", "", std::nullopt);
    add("Omar Haddad", "", std::nullopt);
    EXPECT_EQ(m_patients.count(), 3);
}

TEST_F(PatientRepositoryTest, SearchIgnoresCaseAndAccents)
{
    add("Tomás Álvarez", "MRN-1", core::Date{1961, 4, 2});
    add("Ana Ruiz-Pérez", "MRN-2", core::Date{1975, 9, 30});
    add("Jürgen Weiß", "", core::Date{1961, 12, 5});

    EXPECT_THAT(namesFound("alvarez"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("ALVAREZ"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("Álv"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("tomas alv"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("perez"), ElementsAre("Ana Ruiz-Pérez"));
    EXPECT_THAT(namesFound("ruiz-perez"), ElementsAre("Ana Ruiz-Pérez"));
    EXPECT_THAT(namesFound("weiss"), ElementsAre("Jürgen Weiß"));
    EXPECT_THAT(namesFound("JURGEN"), ElementsAre("Jürgen Weiß"));
    // Every word must match, and only at the start of a name word.
    EXPECT_TRUE(namesFound("tomas weiss").empty());
    EXPECT_TRUE(namesFound("varez").empty());
    EXPECT_TRUE(namesFound("%").empty());
    EXPECT_TRUE(namesFound("_").empty());
}

TEST_F(PatientRepositoryTest, SearchByBirthDatePrefixAndRecordNumber)
{
    add("Tomás Álvarez", "MRN-1042", core::Date{1961, 4, 2});
    add("Jürgen Weiß", "MRN-2001", core::Date{1961, 12, 5});
    add("Ana Ruiz", "", core::Date{1975, 4, 2});

    EXPECT_THAT(namesFound("1961"), ElementsAre("Jürgen Weiß", "Tomás Álvarez"));
    EXPECT_THAT(namesFound("1961-04"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("1961-04-02"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("1975-04-02"), ElementsAre("Ana Ruiz"));
    EXPECT_THAT(namesFound("alvarez 1961"), ElementsAre("Tomás Álvarez"));
    EXPECT_TRUE(namesFound("ruiz 1961").empty());
    EXPECT_THAT(namesFound("MRN-2001"), ElementsAre("Jürgen Weiß"));
    EXPECT_THAT(namesFound("mrn-10"), ElementsAre("Tomás Álvarez"));
    EXPECT_THAT(namesFound("MRN"), ElementsAre("Jürgen Weiß", "Tomás Álvarez"));
}

TEST_F(PatientRepositoryTest, EmptyQueryListsMostRecentlyUpdatedFirst)
{
    const auto first = add("Ana Ruiz", "", std::nullopt);
    add("Lena Fischer", "", std::nullopt);
    add("Omar Haddad", "", std::nullopt);
    EXPECT_THAT(namesFound(""), ElementsAre("Omar Haddad", "Lena Fischer", "Ana Ruiz"));

    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // updated_at has millisecond resolution
    core::Patient edited = *m_patients.find(first);
    edited.phone = "555 0100";
    m_patients.update(edited, m_actor);
    EXPECT_THAT(namesFound("   "), ElementsAre("Ana Ruiz", "Omar Haddad", "Lena Fischer"));
    EXPECT_EQ(m_patients.search("", 2).size(), 2u);
}

TEST_F(PatientRepositoryTest, AuditNamesFieldsNeverValues)
{
    core::Patient patient = samplePatient();
    patient.id = m_patients.create(patient, m_actor);
    patient.email = "new.address@example.org";
    patient.name = "Tomás Álvarez Gil";
    m_patients.update(patient, {"K. Osei, PT"});
    m_patients.update(patient, m_actor); // no change: nothing written

    const auto entries = AuditLog(m_db).forEntity("patient", patient.id);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "patient.create");
    EXPECT_EQ(entries[0].clinician, "J. Park, PT");
    EXPECT_EQ(entries[1].action, "patient.update");
    EXPECT_EQ(entries[1].clinician, "K. Osei, PT");
    EXPECT_THAT(entries[1].detail, HasSubstr("name"));
    EXPECT_THAT(entries[1].detail, HasSubstr("email"));
    EXPECT_THAT(entries[1].detail, Not(HasSubstr("phone")));
    for (const auto& entry : AuditLog(m_db).recent()) {
        for (const std::string value :
             {"Tomás", "Álvarez", "alvarez", "example.org", "MRN-1042", "1961", "600"}) {
            EXPECT_THAT(entry.detail, Not(HasSubstr(value))) << entry.action;
        }
    }
}
