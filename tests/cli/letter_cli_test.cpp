// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hiprx-cli letter`: the referral letter of a visit with an urgent or emergency referral. The tests
// read the PDF's text as a doctor would: who the patient is, why they are referred, how urgently,
// what they were told, and who signs it.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <regex>

namespace hiprx::test {
namespace {

using nlohmann::json;

std::string visitFile(const json& redFlags, const std::string& clinician = "Kofi Osei, PT")
{
    json j = {{"format", "hiprx-assessment/1"},
              {"patient",
               {{"id", "MRN-LETTER-7"},
                {"name", "Margit Anna-Lena Oberhollenzer-Castellanos"},
                {"birth_date", "1950-06-15"},
                {"phone", "555 0142"}}},
              {"visit",
               {{"date", "2026-11-20"},
                {"clinician", clinician},
                {"complaint", "Low back pain with new numbness between the legs"}}},
              {"pain", {{"nprs_now", 6}, {"nprs_worst_24h", 8}}},
              {"red_flags", redFlags}};
    return j.dump();
}

std::string pdfText(const std::filesystem::path& pdf)
{
    const std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
        out += buf.data();
    // One space for every run of whitespace, so wrapped phrases can be found.
    return std::regex_replace(out, std::regex("\\s+"), " ");
}

class LetterCli : public testing::Test {
protected:
    void SetUp() override { ::setenv("HIPRX_TODAY", "2026-11-21", 1); }
    void TearDown() override { ::unsetenv("HIPRX_TODAY"); }

    ScratchDir scratch;
    std::string db() const { return scratch.file("clinic.sqlite").string(); }
    CliResult cli(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--db", db()});
        return runCli(scratch, args);
    }
    std::string import(const std::string& text)
    {
        const auto r = cli({"import", scratch.write("visit.json", text).string(), "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return std::to_string(json::parse(r.out).at("visit_id").get<std::int64_t>());
    }
};

TEST_F(LetterCli, AnEmergencyLetterSaysWhoWhyHowUrgentlyAndWhoSigns)
{
    const auto visit = import(visitFile({"saddle_anaesthesia"}));
    ASSERT_EQ(cli({"issue", visit}).exitCode, 0);
    const auto out = scratch.file("letter.pdf");
    const auto r = cli({"letter", visit, "--out", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pdfText(out);
    EXPECT_NE(text.find("Margit Anna-Lena Oberhollenzer-Castellanos"), std::string::npos) << text; // not cut
    EXPECT_NE(text.find("15 June 1950"), std::string::npos);
    EXPECT_NE(text.find("76 years"), std::string::npos);
    EXPECT_NE(text.find("MRN-LETTER-7"), std::string::npos);
    EXPECT_NE(text.find("555 0142"), std::string::npos);
    EXPECT_NE(text.find("EMERGENCY"), std::string::npos);
    EXPECT_NE(text.find("emergency department"), std::string::npos);
    EXPECT_NE(text.find("No exercise program was given"), std::string::npos);
    EXPECT_NE(text.find("Kofi Osei, PT"), std::string::npos); // the visit's clinician signs
    EXPECT_EQ(text.find("…"), std::string::npos) << "nothing cut on a letter with room to spare";
    const auto info = [&] {
        std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("pdfinfo '" + out.string() + "'").c_str(), "r"), pclose);
        std::string s;
        std::array<char, 512> buf{};
        while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
            s += buf.data();
        return s;
    }();
    EXPECT_TRUE(std::regex_search(info, std::regex("Pages:\\s+1\\n"))) << info;
}

TEST_F(LetterCli, AnUrgentLetterCarriesTheCliniciansAcknowledgement)
{
    const auto visit = import(visitFile({"unexplained_weight_loss"}));
    ASSERT_EQ(cli({"issue", visit, "--acknowledge", "Letter given, patient to book GP this week"}).exitCode, 0);
    const auto out = scratch.file("letter.pdf");
    ASSERT_EQ(cli({"letter", visit, "--out", out.string(), "--to", "Dr A. Rossi, Riverside Medical Centre"}).exitCode,
              0);
    const std::string text = pdfText(out);
    EXPECT_NE(text.find("URGENT"), std::string::npos) << text;
    EXPECT_NE(text.find("Dr A. Rossi, Riverside Medical Centre"), std::string::npos);
    EXPECT_NE(text.find("Letter given, patient to book GP this week"), std::string::npos);
    EXPECT_NE(text.find("weight"), std::string::npos); // the flag, in words
}

TEST_F(LetterCli, NoLetterWithoutAnUrgentOrEmergencyReferral)
{
    const auto visit = import(visitFile(json::array()));
    const auto r = cli({"letter", visit, "--out", scratch.file("letter.pdf").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no urgent or emergency referral"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(scratch.file("letter.pdf")));
}

// The progress report a physician files: matched to the right patient by full name, birth date and
// record number, the clinic named in full, every dose complete (`report --branding`).
TEST_F(LetterCli, TheProgressReportIdentifiesThePatientAndKeepsDosesWhole)
{
    const auto visit = import(visitFile(json::array()));
    ASSERT_EQ(cli({"issue", visit}).exitCode, 0);
    const auto branding = scratch.write(
        "branding.json", R"({"clinic_name": "Riverside Physiotherapy and Sports Injury Clinic", "phone": "555 0100"})");
    const auto out = scratch.file("report.pdf");
    const auto r = cli({"report", visit, "--out", out.string(), "--branding", branding.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pdfText(out);
    EXPECT_NE(text.find("Margit Anna-Lena"), std::string::npos) << text;
    EXPECT_NE(text.find("Oberhollenzer-Castellanos"), std::string::npos) << text;
    EXPECT_NE(text.find("born 15 June 1950"), std::string::npos);
    EXPECT_NE(text.find("record MRN-LETTER-7"), std::string::npos);
    EXPECT_NE(text.find("Riverside Physiotherapy and Sports Injury Clinic"), std::string::npos);
    EXPECT_NE(text.find("Kofi Osei, PT"), std::string::npos); // the visit's clinician
    EXPECT_EQ(text.find("…"), std::string::npos) << "nothing cut: " << text;
}

} // namespace
} // namespace hiprx::test

namespace hiprx::test {
namespace {

// `hiprx-cli note`: the record of one visit, signed by its clinician, the same bytes every time.
TEST_F(LetterCli, TheVisitNoteRecordsTheVisitAndIsReproducible)
{
    const auto visit = import(visitFile({"saddle_anaesthesia"}));
    ASSERT_EQ(cli({"issue", visit}).exitCode, 0);
    const auto first = scratch.file("note1.pdf");
    const auto second = scratch.file("note2.pdf");
    ASSERT_EQ(cli({"note", visit, "--out", first.string()}).exitCode, 0);
    ASSERT_EQ(cli({"note", visit, "--out", second.string()}).exitCode, 0);
    EXPECT_EQ(readFile(first), readFile(second)) << "a reprint differs from the first print";
    const std::string text = pdfText(first);
    for (const char* expected : {"Visit note", "Subjective", "Objective", "Assessment", "Plan",
                                 "Margit Anna-Lena Oberhollenzer-Castellanos", "born 15 June 1950", "MRN-LETTER-7",
                                 "Emergency referral (same day): saddle anaesthesia", "Pain (last 24 hours): now 6/10",
                                 "No exercise program", "Kofi Osei, PT, 20 November 2026", "page 1 of 1"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    EXPECT_EQ(cli({"note", "999", "--out", first.string()}).exitCode, 2);
}

} // namespace
} // namespace hiprx::test

namespace hiprx::test {
namespace {

/// The second of two visits a month apart: strength, tests, endurance and balance then and now,
/// and the clinician's own words.
std::string followUpFile(const std::string& date, const std::string& gluteusMedius, const std::string& trendelenburg,
                         int plank, int stance, bool words)
{
    json j = {{"format", "hiprx-assessment/1"},
              {"patient",
               {{"id", "MRN-20417"}, {"name", "Καλλιόπη Παπαδοπούλου-Αθανασοπούλου"}, {"birth_date", "1958-04-09"}}},
              {"visit", {{"date", date}, {"clinician", "Kofi Osei, PT"}, {"complaint", "Outer right hip ache"}}},
              {"pain", {{"nprs_now", 3}, {"nprs_worst_24h", 5}}},
              {"rom", {{"right", {{"hip_flexion", 110}}}}},
              {"tests", {{"right", {{"trendelenburg", trendelenburg}}}}},
              {"strength", {{"right", {{"gluteus_medius", gluteusMedius}}}}},
              {"endurance", {{"plank_hold_s", plank}}},
              {"balance", {{"single_leg_stance_s", {{"right", stance}}}}},
              {"red_flags", json::array()}};
    if (words) {
        j["visit"]["impression"] = "Gluteal tendon overload, settling.";
        j["visit"]["plan"] = "Standing abductor loading; review in three weeks.";
        j["visit"]["goals"] = "Two flights of stairs without stopping.";
    }
    return j.dump();
}

// The report of a follow-up as a physician files it: the visit's clinician (not the clinic's
// default therapist) signs, strength, tests, endurance and balance are compared with the first
// visit, and the clinician's impression, plan and goals are there.
TEST_F(LetterCli, TheProgressReportOfAFollowUpShowsFindingsThenAndNowAndIsSignedByTheVisitsClinician)
{
    const auto branding = scratch.write("branding.json", R"({"clinic_name": "Riverside Physiotherapy",
        "therapist_name": "Maren Solberg", "therapist_credentials": "PT, DPT"})");
    ASSERT_EQ(cli({"clinic", "--branding", branding.string()}).exitCode, 0);
    import(followUpFile("2026-10-06", "3+", "positive", 25, 8, false));
    const auto second =
        cli({"import", scratch.write("visit2.json", followUpFile("2026-11-17", "4", "negative", 40, 15, true)).string(),
             "--json"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    const auto visit = std::to_string(json::parse(second.out).at("visit_id").get<std::int64_t>());
    ASSERT_EQ(cli({"issue", visit}).exitCode, 0);
    const auto out = scratch.file("report.pdf");
    const auto r = cli({"report", visit, "--out", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pdfText(out);
    EXPECT_NE(text.find("Καλλιόπη Παπαδοπούλου-Αθανασοπούλου"), std::string::npos) << text;
    EXPECT_EQ(text.find("…"), std::string::npos) << "nothing cut: " << text;
    EXPECT_NE(text.find("Finding 6 Oct 2026 17 Nov 2026 Change Verdict"), std::string::npos) << text;
    EXPECT_NE(text.find("gluteus medius (right) 3+ 4 — better"), std::string::npos);
    EXPECT_NE(text.find("Trendelenburg sign (right) positive negative — better"), std::string::npos);
    EXPECT_NE(text.find("plank hold 25 s 40 s +15 s"), std::string::npos);
    EXPECT_NE(text.find("single-leg stance (right) 8"), std::string::npos); // pdftotext may print "8s"
    EXPECT_NE(text.find("15 s +7 s"), std::string::npos);
    EXPECT_NE(text.find("Impression Gluteal tendon overload, settling."), std::string::npos);
    EXPECT_NE(text.find("Plan Standing abductor loading; review in three weeks."), std::string::npos);
    EXPECT_NE(text.find("Goals Two flights of stairs without stopping."), std::string::npos);
    EXPECT_NE(text.find("Signature Kofi Osei, PT, 17 November 2026"), std::string::npos) << text;
    EXPECT_EQ(text.find("Maren Solberg"), std::string::npos) << "the clinic's default therapist did not see her";
}

} // namespace
} // namespace hiprx::test
