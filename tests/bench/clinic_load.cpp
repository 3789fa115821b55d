// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode under load: N desks (threads, one connection each, as N computers would have) on one
// PostgreSQL server doing a day's mix for a fixed number of operations each, on a clinic of P
// patients. Reports p50/p95/max per operation, errors (goal 0) and lost writes (goal 0).
//
//   clinic_load --url postgresql:///hiprx_load --patients 100000 --desks 20 --ops 300 [--think-ms 300]
//
// --think-ms makes each desk pause about that long after each operation (uniformly 0.5–1.5 times it),
// as a person reading the screen does; without it the desks run back to back, the worst case.
// The database is set up (clinic init) and filled when it holds fewer patients than asked. Run it
// inside a throw-away server:  bash installer/with-test-server.sh bash -c 'createdb hiprx_load &&
//   build/tests/bench/clinic_load --url postgresql:///hiprx_load'
//
// The mix per operation: 50 % search as you type (three keystrokes of a name, each a search), 20 %
// open a patient (the record and the visit list), 15 % save a visit (the desk's own visit, or the
// one visit every desk shares, where saves meet: a refused save is re-read and saved again, as a
// person would), 10 % issue a program, 5 % history (visits and issued programs).
//
// Lost writes: every save the server accepted bumped its visit's row version exactly once, so each
// visit's final version minus its first must equal the saves the desks were told succeeded; and each
// desk's own visit must end with the text of that desk's last successful save. Programs: the rows on
// the server must equal the issues reported.
#include "store/database_impl.h"
#include "store/repositories.h"

#include "core/assessment.h"
#include "core/program.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace hiprx;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string url;
    int patients = 100000;
    int desks = 20;
    int ops = 300;
    int thinkMs = 0; ///< a pause after each operation, as a person at a desk makes (0: back to back)
};

const char* const kFirst[] = {"Ana",   "Ben",    "Chloe", "Dmitri", "Elena", "Farid",  "Grace", "Hugo",
                              "Ines",  "Jonas",  "Kai",   "Lena",   "Marco", "Nadia",  "Omar",  "Priya",
                              "Quinn", "Rosa",   "Sam",   "Tomas",  "Uma",   "Victor", "Wen",   "Yusuf"};
const char* const kLast[] = {"Alvarez", "Brown",  "Carter", "Dubois",  "Evans",   "Fischer", "Garcia", "Haddad",
                             "Ito",     "Jensen", "Kowal",  "Larsen",  "Moreau",  "Novak",   "Okafor", "Park",
                             "Quiroga", "Rossi",  "Santos", "Tanaka",  "Ulloa",   "Varga",   "Weber",  "Young"};

struct Timings {
    std::map<std::string, std::vector<double>> ms;
    void add(const std::string& op, Clock::time_point start)
    {
        ms[op].push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
};

core::Assessment visitWith(const std::string& notes)
{
    core::Assessment a;
    a.visit.date = core::Date{2026, 11, 2};
    a.visit.clinician = "Load desk";
    a.visit.complaint = "Stiff hip";
    a.visit.notes = notes;
    a.pain.nprsNow = 3;
    a.rom.left[core::Movement::HipFlexion] = 110;
    a.rom.right[core::Movement::HipFlexion] = 120;
    return a;
}

core::Program aProgram()
{
    core::Program p;
    core::ProgramItem item;
    item.exerciseId = "glute_bridge";
    item.name = "Glute bridge";
    item.kind = core::ExerciseKind::Strengthen;
    item.targets = {core::MuscleGroup::GluteusMaximus};
    item.side = core::ExerciseSide::None;
    item.dose = core::Dose{2, 10, 0, 30, 1, 5, "", ""};
    item.basis = {"load test"};
    p.items.push_back(item);
    p.referralLevel = core::Urgency::None;
    return p;
}

void fill(store::Database& db, int patients)
{
    store::PatientRepository repo(db);
    const std::int64_t have = repo.count();
    if (have >= patients)
        return;
    std::cerr << "Adding " << (patients - have) << " patients…\n";
    const auto start = Clock::now();
    std::mt19937 random(7);
    db.transaction([&] {
        for (std::int64_t i = have; i < patients; ++i) {
            core::Patient p;
            p.name = std::string(kFirst[random() % std::size(kFirst)]) + " " + kLast[random() % std::size(kLast)] +
                     " " + kLast[random() % std::size(kLast)];
            p.externalId = "LD-" + std::to_string(i + 1);
            p.birthDate = core::Date{1940 + static_cast<int>(random() % 70), 1 + static_cast<int>(random() % 12),
                                     1 + static_cast<int>(random() % 28)};
            repo.create(p, {"load"});
        }
    });
    std::cerr << "  in " << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
    // What autovacuum does soon after a bulk load, done now so the planner knows the tables' size.
    db.impl().connection->execute("ANALYZE");
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--url")
            o.url = value;
        else if (key == "--patients")
            o.patients = std::stoi(value);
        else if (key == "--desks")
            o.desks = std::stoi(value);
        else if (key == "--ops")
            o.ops = std::stoi(value);
        else if (key == "--think-ms")
            o.thinkMs = std::stoi(value);
    }
    if (o.url.empty()) {
        std::cerr << "usage: clinic_load --url postgresql:///DB [--patients N] [--desks N] [--ops N] [--think-ms N]\n";
        return 2;
    }

    store::Database::initServer(o.url);
    store::Database setup = store::Database::openLocation(o.url);
    fill(setup, o.patients);
    // One patient per desk with a visit of its own, and one visit every desk shares.
    store::PatientRepository patients(setup);
    store::VisitRepository visits(setup);
    core::Patient shared;
    shared.name = "Shared Patient";
    const std::int64_t sharedPatient = patients.create(shared, {"load"});
    const std::int64_t sharedVisit = visits.create(sharedPatient, visitWith("start"), {"load"});
    std::vector<std::int64_t> ownVisit(static_cast<std::size_t>(o.desks));
    std::vector<std::int64_t> ownPatient(static_cast<std::size_t>(o.desks));
    for (int d = 0; d < o.desks; ++d) {
        core::Patient p;
        p.name = "Desk Patient " + std::to_string(d);
        ownPatient[static_cast<std::size_t>(d)] = patients.create(p, {"load"});
        ownVisit[static_cast<std::size_t>(d)] =
            visits.create(ownPatient[static_cast<std::size_t>(d)], visitWith("start"), {"load"});
    }
    std::map<std::int64_t, std::int64_t> firstVersion;
    firstVersion[sharedVisit] = visits.rowVersion(sharedVisit);
    for (std::int64_t v : ownVisit)
        firstVersion[v] = visits.rowVersion(v);
    const std::int64_t programsBefore = [&] {
        std::int64_t n = 0;
        for (std::int64_t v : ownVisit)
            n += static_cast<std::int64_t>(visits.programs(v).size());
        return n;
    }();

    std::mutex merge;
    Timings all;
    std::atomic<int> errors{0};
    std::atomic<int> conflicts{0};
    std::map<std::int64_t, std::int64_t> acceptedSaves;
    std::vector<std::string> lastOwnNote(static_cast<std::size_t>(o.desks), "start");
    std::atomic<std::int64_t> issued{0};
    std::vector<std::string> firstErrors;

    const auto run = [&](int desk) {
        Timings mine;
        std::map<std::int64_t, std::int64_t> saves;
        std::mt19937 random(static_cast<unsigned>(1000 + desk));
        try {
            store::Database db = store::Database::openLocation(o.url);
            store::PatientRepository patientRepo(db);
            store::VisitRepository visitRepo(db);
            const std::int64_t myVisit = ownVisit[static_cast<std::size_t>(desk)];
            for (int op = 0; op < o.ops; ++op) {
                const unsigned roll = random() % 100;
                try {
                    if (roll < 50) {
                        const std::string name = kLast[random() % std::size(kLast)];
                        for (std::size_t typed = 1; typed <= 3; ++typed) {
                            const auto start = Clock::now();
                            patientRepo.search(name.substr(0, typed));
                            mine.add("search (one keystroke)", start);
                        }
                    } else if (roll < 70) {
                        const std::int64_t id = 1 + static_cast<std::int64_t>(random() % static_cast<unsigned>(o.patients));
                        const auto start = Clock::now();
                        patientRepo.find(id);
                        visitRepo.listForPatient(id);
                        mine.add("open a patient", start);
                    } else if (roll < 85) {
                        const bool onShared = random() % 4 == 0;
                        const std::int64_t visit = onShared ? sharedVisit : myVisit;
                        const std::string note = "desk " + std::to_string(desk) + " op " + std::to_string(op);
                        const auto start = Clock::now();
                        for (int attempt = 0; attempt < 5; ++attempt) {
                            const store::VisitRecord record = *visitRepo.find(visit);
                            try {
                                visitRepo.update(visit, visitWith(note), {"desk " + std::to_string(desk)},
                                                 record.rowVersion);
                                ++saves[visit];
                                if (!onShared)
                                    lastOwnNote[static_cast<std::size_t>(desk)] = note;
                                break;
                            } catch (const store::ConflictError&) {
                                ++conflicts; // another desk saved first: read again, save again
                            }
                        }
                        mine.add("save a visit", start);
                    } else if (roll < 95) {
                        const auto start = Clock::now();
                        visitRepo.issueProgram(myVisit, aProgram(), {"desk " + std::to_string(desk)});
                        ++issued;
                        mine.add("issue a program", start);
                    } else {
                        const auto start = Clock::now();
                        for (const auto& v : visitRepo.listForPatient(ownPatient[static_cast<std::size_t>(desk)]))
                            visitRepo.programs(v.id);
                        mine.add("history", start);
                    }
                } catch (const std::exception& e) {
                    ++errors;
                    const std::lock_guard lock(merge);
                    if (firstErrors.size() < 5)
                        firstErrors.push_back(e.what());
                }
                if (o.thinkMs > 0) // a person reads the screen before the next step, for a while
                    std::this_thread::sleep_for(std::chrono::milliseconds(
                        o.thinkMs / 2 + static_cast<int>(random() % static_cast<unsigned>(o.thinkMs))));
            }
        } catch (const std::exception& e) {
            ++errors;
            const std::lock_guard lock(merge);
            firstErrors.push_back(std::string("desk could not start: ") + e.what());
        }
        const std::lock_guard lock(merge);
        for (auto& [op, values] : mine.ms)
            all.ms[op].insert(all.ms[op].end(), values.begin(), values.end());
        for (const auto& [visit, n] : saves)
            acceptedSaves[visit] += n;
    };

    const auto start = Clock::now();
    std::vector<std::thread> desks;
    for (int d = 0; d < o.desks; ++d)
        desks.emplace_back(run, d);
    for (auto& t : desks)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    // Lost writes.
    int lost = 0;
    for (const auto& [visit, first] : firstVersion) {
        const std::int64_t bumps = visits.rowVersion(visit) - first;
        if (bumps != acceptedSaves[visit]) {
            ++lost;
            std::cerr << "visit " << visit << ": " << acceptedSaves[visit] << " saves accepted, version moved by "
                      << bumps << "\n";
        }
    }
    for (int d = 0; d < o.desks; ++d)
        if (visits.find(ownVisit[static_cast<std::size_t>(d)])->assessment.visit.notes !=
            lastOwnNote[static_cast<std::size_t>(d)]) {
            ++lost;
            std::cerr << "desk " << d << ": its last save is not what its visit holds\n";
        }
    std::int64_t programsAfter = 0;
    for (std::int64_t v : ownVisit)
        programsAfter += static_cast<std::int64_t>(visits.programs(v).size());
    if (programsAfter - programsBefore != issued) {
        ++lost;
        std::cerr << "programs: " << issued << " issued, " << (programsAfter - programsBefore) << " stored\n";
    }

    std::printf("%d desks x %d operations on %lld patients, %s, %.1f s (%s)\n", o.desks, o.ops,
                static_cast<long long>(patients.count()),
                o.thinkMs > 0 ? ("about " + std::to_string(o.thinkMs) + " ms between a desk's operations").c_str()
                              : "back to back",
                seconds, setup.location().c_str());
    std::printf("%-24s %8s %8s %8s %8s\n", "operation", "count", "p50 ms", "p95 ms", "max ms");
    for (const auto& [op, values] : all.ms)
        std::printf("%-24s %8zu %8.2f %8.2f %8.2f\n", op.c_str(), values.size(), percentile(values, 0.5),
                    percentile(values, 0.95), percentile(values, 1.0));
    std::printf("errors: %d   lost writes: %d   saves refused and redone (two desks on one visit): %d\n",
                errors.load(), lost, conflicts.load());
    for (const auto& e : firstErrors)
        std::printf("  error: %s\n", e.c_str());
    return errors == 0 && lost == 0 ? 0 : 1;
}
