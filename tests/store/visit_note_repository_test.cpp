// SPDX-License-Identifier: GPL-3.0-or-later
//
// The visit note filed with an issued program is kept as filed: found byte for byte, never replaced,
// changed or deleted (issue 17).
#include "store/repositories.h"
#include "store/visit_note_repository.h"

#include "store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;

namespace {

class VisitNoteRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        core::Patient p;
        p.name = "Ivo Invented";
        const auto patient = PatientRepository(m_db).create(p, {});
        core::Assessment a;
        a.patient = p;
        a.visit.date = core::Date{2026, 11, 20};
        m_visit = VisitRepository(m_db).create(patient, a, {});
        m_program = VisitRepository(m_db).issueProgram(m_visit, core::Program{}, {}, {}, {'%', 'P', 'D', 'F'}).id;
    }

    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    std::int64_t m_visit = 0;
    std::int64_t m_program = 0;
};

} // namespace

TEST_F(VisitNoteRepositoryTest, AFiledNoteIsFoundByteForByte)
{
    VisitNoteRepository notes(m_db);
    EXPECT_FALSE(notes.find(m_program));
    const std::vector<std::uint8_t> pdf{'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 255};
    notes.file(m_program, pdf, {"J. Park, PT"});
    EXPECT_EQ(notes.find(m_program), pdf);
}

TEST_F(VisitNoteRepositoryTest, AFiledNoteIsNeverReplacedChangedOrDeleted)
{
    VisitNoteRepository notes(m_db);
    notes.file(m_program, {'a'}, {});
    EXPECT_THROW(notes.file(m_program, {'b'}, {}), StorageError);
    try {
        test_support::rawExec(m_db, test_support::kServerBackend ? "UPDATE visit_notes SET pdf = '\\x00'"
                                                                 : "UPDATE visit_notes SET pdf = x'00'");
        ADD_FAILURE() << "an update went through";
    } catch (const sql::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("cannot be changed"));
    }
    try {
        test_support::rawExec(m_db, "DELETE FROM visit_notes");
        ADD_FAILURE() << "a delete went through";
    } catch (const sql::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("cannot be deleted"));
    }
    EXPECT_EQ(notes.find(m_program), (std::vector<std::uint8_t>{'a'}));
}

TEST_F(VisitNoteRepositoryTest, AnEmptyNoteOrAnUnknownProgramIsRefusedNamingTheField)
{
    VisitNoteRepository notes(m_db);
    try {
        notes.file(m_program, {}, {});
        ADD_FAILURE();
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("visit_note.pdf"));
    }
    try {
        notes.file(m_program + 99, {'x'}, {});
        ADD_FAILURE();
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("visit_note.program"));
    }
}
