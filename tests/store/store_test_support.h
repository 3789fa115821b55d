// SPDX-License-Identifier: GPL-3.0-or-later
//
// Shared by the store tests: a temporary folder removed afterwards, and invented records.
#pragma once

#include "core/assessment.h"
#include "core/exercise.h"
#include "core/program.h"
#include "store/database.h"
#include "store/database_impl.h"
#include "store/sql.h"
#include "store/sql_postgres.h"
#include "server_test_setup.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace hiprx::store::test_support {

/// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path() /
                 ("hiprx-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                  std::to_string(ticks));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// Whether this binary runs the store tests against a clinic server (test_store_pg, built with
/// HIPRX_TEST_SERVER) instead of files.
constexpr bool kServerBackend =
#ifdef HIPRX_TEST_SERVER
    true;
#else
    false;
#endif

/// A fresh, empty HipRx database for one test: a file in `dir`, or (test_store_pg) a database of its
/// own on the test server named by the libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD,
/// PGDATABASE — pg_virtualenv sets them), set up by Database::initServer and dropped afterwards.
class TestLocation {
public:
    explicit TestLocation(const TempDir& dir)
    {
        if (!kServerBackend) {
            m_location = (dir / "hiprx.sqlite").string();
            return;
        }
        static std::atomic<int> counter{0};
        m_name = "hiprx_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        admin().execute("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        admin().execute("CREATE DATABASE " + m_name);
        m_location = "postgresql:///" + m_name;
        initServerOneAtATime(m_location);
    }
    ~TestLocation()
    {
        if (m_name.empty())
            return;
        try {
            admin().execute("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        } catch (const std::exception&) {
            // Left for the throw-away server to take with it.
        }
    }
    TestLocation(const TestLocation&) = delete;
    TestLocation& operator=(const TestLocation&) = delete;

    const std::string& location() const { return m_location; }
    Database open() const { return Database::openLocation(m_location); }

    /// A connection to the server's maintenance database (PGDATABASE), shared by the process.
    static sql::Connection& admin()
    {
        static sql::PostgresConnection connection(sql::parseServerLocation("postgresql://"));
        static const bool quiet = (connection.execute("SET client_min_messages = warning"), true); // no NOTICEs
        (void)quiet;
        return connection;
    }

private:
    std::string m_location;
    std::string m_name;
};

/// Runs SQL on the database directly (what another program, or a person with a SQL tool, could do),
/// bypassing the repositories. Throws sql::Error.
inline void rawExec(Database& db, const std::string& sqlText)
{
    db.impl().connection->execute(sqlText);
}

inline std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(std::filesystem::file_size(path)), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

inline unsigned permissions(const std::filesystem::path& path)
{
    return static_cast<unsigned>(std::filesystem::status(path).permissions() & std::filesystem::perms::mask);
}

inline core::Patient samplePatient(std::string name = "Tomás Álvarez", std::string externalId = "MRN-1042")
{
    core::Patient patient;
    patient.name = std::move(name);
    patient.externalId = std::move(externalId);
    patient.birthDate = core::Date{1961, 4, 2};
    patient.sex = core::Sex::Male;
    patient.email = "t.alvarez@example.org";
    patient.phone = "+34 600 000 000";
    return patient;
}

/// An assessment touching most sections, with dates in the past.
inline core::Assessment sampleAssessment()
{
    using namespace core;
    Assessment a;
    a.patient.name = "ignored by the store";
    a.visit.date = Date{2025, 3, 14};
    a.visit.clinician = "J. Park, PT";
    a.visit.affectedSide = AffectedSide::Left;
    a.visit.complaint = "Stiff hip after sitting";
    a.visit.notes = "Walks to work";
    a.rom.left[Movement::HipFlexion] = 105;
    a.rom.left[Movement::HipExtension] = 0;
    a.rom.right[Movement::HipFlexion] = 120;
    a.rom.right[Movement::HipExtension] = 15;
    a.pain.nprsNow = 4;
    a.pain.nprsBest24h = 2;
    a.pain.nprsWorst24h = 6;
    a.pain.irritability = Irritability::Moderate;
    a.tests.left[SpecialTest::ThomasIliopsoas] = TestResult::positive();
    a.tests.left[SpecialTest::Slr] = TestResult::degrees(55);
    a.tests.right[SpecialTest::ThomasIliopsoas] = TestResult::negative();
    a.strength.left[StrengthMuscle::GluteusMedius] = StrengthGrade{3, 1};
    a.strength.right[StrengthMuscle::GluteusMedius] = StrengthGrade{5, 0};
    a.endurance.plankHoldS = 40;
    a.endurance.sideBridgeHoldS.left = 25;
    a.endurance.sideBridgeHoldS.right = 30;
    a.precautions.insert(Precaution::Osteoporosis);
    a.outcomes.psfs.push_back({"Climbing stairs", 6});
    return a;
}

inline core::Exercise sampleExercise(std::string id, std::string name = "Kneeling hip flexor stretch")
{
    using namespace core;
    Exercise e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.kind = ExerciseKind::Stretch;
    e.targets = {MuscleGroup::HipFlexors};
    e.sided = true;
    e.startPosition = "Kneel on a soft mat with one foot forward.";
    e.steps = {"Tuck your tailbone under.", "Shift your weight forward slowly.", "Hold, then relax."};
    e.keyCue = "Keep your back straight.";
    e.stopIf = "Stop if your knee hurts.";
    e.defaultDose = Dose{1, 3, 30, 0, 1, 7, "", ""};
    e.equipment = {"mat"};
    e.demands = {MovementDemand::Kneeling};
    e.figureId = "kneeling_lunge";
    e.sources = {"test"};
    return e;
}

inline core::Program sampleProgram(int reps = 3)
{
    using namespace core;
    Program p;
    ProgramItem item;
    item.exerciseId = "kneeling_hip_flexor_stretch";
    item.name = "Kneeling hip flexor stretch";
    item.kind = ExerciseKind::Stretch;
    item.targets = {MuscleGroup::HipFlexors};
    item.side = ExerciseSide::Left;
    item.dose = Dose{1, reps, 30, 0, 1, 7, "", ""};
    item.basis = {"tight hip_flexors left (R-TIGHT-HIPFLEX-EXT)"};
    p.items.push_back(item);
    p.referralLevel = Urgency::None;
    return p;
}

} // namespace hiprx::store::test_support
