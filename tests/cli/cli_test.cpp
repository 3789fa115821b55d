// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <vector>

#include <sys/stat.h>

namespace hiprx::test {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

const char* kAssessment = R"({
  "format": "hiprx-assessment/1",
  "patient": {"id": "MRN-0042", "name": "Łucja Ångström-Straße", "birth_date": "1961-04-02", "sex": "female"},
  "visit": {"date": "2026-11-20", "clinician": "J. Park, PT", "affected_side": "left", "complaint": "stiff hip"},
  "rom": {"left": {"hip_flexion": 105, "hip_extension": 0}, "right": {"hip_flexion": 120, "hip_extension": 15}},
  "pain": {"nprs_now": 4, "nprs_best_24h": 2, "nprs_worst_24h": 6, "irritability": "moderate"},
  "tests": {"left": {"thomas_iliopsoas": "positive", "slr": 65}, "right": {"thomas_iliopsoas": "negative"}},
  "strength": {"left": {"gluteus_medius": "3+"}, "right": {"gluteus_medius": "5"}}
})";

class CliTest : public testing::Test {
protected:
    ScratchDir scratch;
    std::string db() const { return scratch.file("clinic.sqlite").string(); }
    CliResult cli(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--db", db()});
        return runCli(scratch, args);
    }
    std::int64_t importSample()
    {
        const auto file = scratch.write("a.json", kAssessment);
        const auto r = cli({"import", file.string(), "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return json::parse(r.out).at("visit_id").get<std::int64_t>();
    }
};

TEST_F(CliTest, HelpWorksEverywhereAndExitsZero)
{
    for (const char* cmd : {"", "init", "import", "patients", "show", "export", "plan", "issue", "pdf", "library",
                            "backup", "restore", "rules"}) {
        std::vector<std::string> args;
        if (*cmd)
            args.push_back(cmd);
        args.push_back("--help");
        const auto r = runCli(scratch, args);
        EXPECT_EQ(r.exitCode, 0) << cmd;
        EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd;
    }
}

TEST_F(CliTest, UnknownCommandOrOptionIsBadInput)
{
    EXPECT_EQ(runCli(scratch, {"frobnicate"}).exitCode, 2);
    EXPECT_EQ(runCli(scratch, {"patients", "--no-such-option"}).exitCode, 2);
    EXPECT_EQ(runCli(scratch, {}).exitCode, 2);
}

TEST_F(CliTest, InitCreatesAPrivateDatabase)
{
    const auto r = cli({"init"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    struct stat st {};
    ASSERT_EQ(stat(db().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_NE(r.out.find("exercises"), std::string::npos);
}

TEST_F(CliTest, InitWithoutDbUsesTheUserDataDirectory)
{
    const auto r = runCli(scratch, {"init"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(scratch.path() / "xdg" / "hiprx" / "hiprx.sqlite"));
}

TEST_F(CliTest, ImportStoresPatientAndVisitAndFindsThemAgain)
{
    importSample();
    const auto found = cli({"patients", "angstrom", "--json"});
    ASSERT_EQ(found.exitCode, 0) << found.err;
    const auto list = json::parse(found.out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["name"], "Łucja Ångström-Straße");

    const auto shown = cli({"show", "MRN-0042", "--json"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(json::parse(shown.out)["visits"].size(), 1u);
}

TEST_F(CliTest, ReimportingTheSamePatientAddsAVisitNotAPatient)
{
    importSample();
    importSample();
    const auto list = json::parse(cli({"patients", "--json"}).out);
    ASSERT_EQ(list.size(), 1u);
    const auto shown = json::parse(cli({"show", "MRN-0042", "--json"}).out);
    EXPECT_EQ(shown["visits"].size(), 2u);
}

TEST_F(CliTest, AFileWithoutContactDetailsKeepsTheOnesOnRecord)
{
    // The first file carries the patient's email, phone, birth date and sex; a later one (a visit
    // exported by another tool, or typed by hand) leaves them out. Leaving out is not erasing.
    auto withContact = json::parse(kAssessment);
    withContact["patient"]["email"] = "lucja@example.org";
    withContact["patient"]["phone"] = "+44 20 7946 0000";
    ASSERT_EQ(cli({"import", scratch.write("first.json", withContact.dump()).string()}).exitCode, 0);

    auto without = json::parse(kAssessment);
    without["patient"].erase("birth_date");
    without["patient"].erase("sex");
    without["visit"]["date"] = "2026-11-27";
    const auto second = cli({"import", scratch.write("second.json", without.dump()).string(), "--json"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_FALSE(json::parse(second.out)["new_patient"].get<bool>());

    const auto shown = json::parse(cli({"show", "MRN-0042", "--json"}).out);
    EXPECT_EQ(shown["email"], "lucja@example.org");
    EXPECT_EQ(shown["phone"], "+44 20 7946 0000");
    EXPECT_EQ(shown["birth_date"], "1961-04-02");
    EXPECT_EQ(shown["sex"], "female");
    EXPECT_EQ(shown["visits"].size(), 2u);

    // What a file does give still wins: a new phone number replaces the old one.
    auto newPhone = without;
    newPhone["patient"]["phone"] = "+44 20 7946 0999";
    newPhone["visit"]["date"] = "2026-12-04";
    ASSERT_EQ(cli({"import", scratch.write("third.json", newPhone.dump()).string()}).exitCode, 0);
    const auto after = json::parse(cli({"show", "MRN-0042", "--json"}).out);
    EXPECT_EQ(after["phone"], "+44 20 7946 0999");
    EXPECT_EQ(after["email"], "lucja@example.org");
}

TEST_F(CliTest, ExportedVisitReimportsToTheSameAssessment)
{
    const auto visit = importSample();
    const auto exported = scratch.file("exported.json");
    ASSERT_EQ(cli({"export", "--visit", std::to_string(visit), "-o", exported.string()}).exitCode, 0);
    const auto again = scratch.file("again.json");
    const auto second = json::parse(cli({"import", exported.string(), "--json"}).out)["visit_id"].get<int>();
    ASSERT_EQ(cli({"export", "--visit", std::to_string(second), "-o", again.string()}).exitCode, 0);
    EXPECT_EQ(json::parse(readFile(exported)), json::parse(readFile(again)));
    // The visit keeps the reference set it was read against, so a later default cannot re-read it.
    EXPECT_EQ(json::parse(readFile(exported))["visit"]["norm_set"], "roach_miles");
}

TEST_F(CliTest, AnImportedVisitIsReadAgainstTheClinicsReferenceSetWhenTheFileNamesNone)
{
    // The app records the clinic's set with a new visit; an import must not record another one.
    ASSERT_EQ(cli({"clinic", "--norms", "aaos"}).exitCode, 0);
    const auto visit = importSample();
    const auto exported = scratch.file("exported.json");
    ASSERT_EQ(cli({"export", "--visit", std::to_string(visit), "-o", exported.string()}).exitCode, 0);
    EXPECT_EQ(json::parse(readFile(exported))["visit"]["norm_set"], "aaos");
}

TEST_F(CliTest, ThePlanAsTextSaysEverythingInWordsWithoutIds)
{
    // What a clinician reads at the terminal: labels, reasons and exercise names; the ids are in
    // --json and the rule table.
    const auto r = cli({"plan", HIPRX_SOURCE_DIR "/assets/examples/hip_replacement_posterior.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Thomas test (iliopsoas) left positive"));
    EXPECT_THAT(r.out, HasSubstr("why: "));
    EXPECT_THAT(r.out, HasSubstr("Squat — hip replacement, posterior approach forbids hip flexion past 90°"));
    EXPECT_THAT(r.out, Not(HasSubstr("R-")));
    EXPECT_THAT(r.out, Not(HasSubstr("tha_posterior")));
    EXPECT_THAT(r.out, Not(HasSubstr("thomas_iliopsoas")));
    EXPECT_THAT(r.out, Not(HasSubstr("leg_swings")));
    EXPECT_FALSE(std::regex_search(r.out, std::regex("[a-z]+_[a-z]+"))) << r.out;
}

TEST_F(CliTest, BadAssessmentIsRejectedWithTheFieldPathAndNothingIsStored)
{
    const auto bad = scratch.write("bad.json", R"({"patient": {"name": "Test Patient"},
        "rom": {"left": {"hip_flexion": 400}}, "pain": {"nprs_now": 11}})");
    const auto r = cli({"import", bad.string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("rom.left.hip_flexion"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("pain.nprs_now"), std::string::npos) << r.err;
    EXPECT_EQ(json::parse(cli({"patients", "--json"}).out).size(), 0u);
}

TEST_F(CliTest, MalformedEmptyAndMissingFilesAreBadInput)
{
    EXPECT_EQ(cli({"import", scratch.write("m.json", "{\"patient\": ").string()}).exitCode, 2);
    EXPECT_EQ(cli({"import", scratch.write("e.json", "").string()}).exitCode, 2);
    const auto missing = cli({"import", scratch.file("nope.json").string()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("nope.json"), std::string::npos);
}

TEST_F(CliTest, UnknownPatientIsBadInput)
{
    const auto r = cli({"show", "999"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("PATIENT"), std::string::npos);
}

TEST_F(CliTest, PlanWritesTheContractJsonAndAPdf)
{
    const auto file = scratch.write("a.json", kAssessment);
    const auto out = scratch.file("plan.json");
    const auto pdf = scratch.file("plan.pdf");
    const auto r = runCli(scratch, {"plan", file.string(), "--json", out.string(), "--pdf", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto plan = json::parse(readFile(out));
    EXPECT_EQ(plan["format"], "hiprx-plan/1");
    for (const char* key : {"referral", "impairments", "program", "excluded"})
        EXPECT_TRUE(plan.contains(key)) << key;
    EXPECT_EQ(readFile(pdf).rfind("%PDF-", 0), 0u);
}

TEST_F(CliTest, PlanRejectsUnknownPageSizeAndNorms)
{
    const auto file = scratch.write("a.json", kAssessment);
    EXPECT_EQ(runCli(scratch, {"plan", file.string(), "--page", "a5"}).exitCode, 2);
    EXPECT_EQ(runCli(scratch, {"plan", file.string(), "--norms", "nonsense"}).exitCode, 2);
}

TEST_F(CliTest, IssuedProgramReprintsByteForByte)
{
    const auto visit = std::to_string(importSample());
    const auto none = cli({"pdf", visit, "--out", scratch.file("none.pdf").string()});
    EXPECT_EQ(none.exitCode, 2) << "no program issued yet";
    ASSERT_EQ(cli({"issue", visit}).exitCode, 0);
    const auto first = scratch.file("first.pdf");
    const auto second = scratch.file("second.pdf");
    ASSERT_EQ(cli({"pdf", visit, "--out", first.string()}).exitCode, 0);
    ASSERT_EQ(cli({"pdf", visit, "--out", second.string(), "--version", "1"}).exitCode, 0);
    EXPECT_EQ(readFile(first), readFile(second));
    EXPECT_EQ(readFile(first).rfind("%PDF-", 0), 0u);
}

TEST_F(CliTest, UrgentReferralNeedsAcknowledgementBeforeIssuing)
{
    auto doc = json::parse(kAssessment);
    doc["red_flags"] = {"unexplained_weight_loss"};
    const auto file = scratch.write("urgent.json", doc.dump());
    const auto visit = std::to_string(json::parse(cli({"import", file.string(), "--json"}).out)["visit_id"].get<int>());
    const auto refused = cli({"issue", visit});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("--acknowledge"), std::string::npos);
    EXPECT_EQ(cli({"issue", visit, "--acknowledge", "advised GP review this week"}).exitCode, 0);
}

TEST_F(CliTest, BackupAndRestoreRoundTrip)
{
    importSample();
    const auto backup = scratch.file("backup.sqlite");
    ASSERT_EQ(cli({"backup", backup.string()}).exitCode, 0);
    importSample(); // a second visit after the backup
    ASSERT_EQ(json::parse(cli({"show", "MRN-0042", "--json"}).out)["visits"].size(), 2u);
    const auto r = cli({"restore", backup.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(cli({"show", "MRN-0042", "--json"}).out)["visits"].size(), 1u);
    EXPECT_TRUE(std::filesystem::exists(db() + ".before-restore"));
}

TEST_F(CliTest, BackupWithoutAFileGoesToTheBackupsFolderBesideTheDatabase)
{
    importSample();
    const auto r = cli({"backup"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto folder = std::filesystem::path(db()).parent_path() / "backups";
    std::vector<std::filesystem::path> written;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        written.push_back(entry.path());
    ASSERT_EQ(written.size(), 1u);
    EXPECT_TRUE(written[0].filename().string().starts_with("hiprx-"));
    EXPECT_NE(r.out.find(written[0].string()), std::string::npos);
    ASSERT_EQ(cli({"restore", written[0].string()}).exitCode, 0);
    EXPECT_EQ(json::parse(cli({"show", "MRN-0042", "--json"}).out)["visits"].size(), 1u);
}

TEST_F(CliTest, RestoreOfAMissingOrForeignFileIsRefused)
{
    EXPECT_EQ(cli({"restore", scratch.file("missing.sqlite").string()}).exitCode, 2);
    const auto junk = scratch.write("junk.sqlite", "this is not a database");
    EXPECT_NE(cli({"restore", junk.string()}).exitCode, 0);
}

TEST_F(CliTest, LibraryListsAndFilters)
{
    const auto all = json::parse(runCli(scratch, {"library", "--json"}).out);
    ASSERT_GE(all["exercises"].size(), 60u);
    const auto stretches = json::parse(runCli(scratch, {"library", "--json", "--kind", "stretch"}).out);
    for (const auto& ex : stretches["exercises"])
        EXPECT_EQ(ex["kind"], "stretch");
    EXPECT_EQ(runCli(scratch, {"library", "--kind", "yoga"}).exitCode, 2);
}

/// What a reader of the PDF sees: its text with runs of white space made one space.
std::string pdfWords(const std::filesystem::path& pdf)
{
    const std::string command = "pdftotext '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string text;
    char buf[4096];
    while (pipe && std::fgets(buf, sizeof buf, pipe.get()))
        text += buf;
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

/// The largest font size on a PDF page's words, from pdftotext's boxes (DejaVu Sans: 1.164 × size),
/// among words of `word`.
float sizeOfWord(const std::filesystem::path& pdf, const std::string& word)
{
    const std::string command = "pdftotext -bbox '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string text;
    char buf[4096];
    while (pipe && std::fgets(buf, sizeof buf, pipe.get()))
        text += buf;
    const std::regex box("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">" + word + "<");
    float size = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), box), end; it != end; ++it)
        size = std::max(size, (std::stof((*it)[2].str()) - std::stof((*it)[1].str())) / 1.164F);
    return size;
}

TEST_F(CliTest, TheClinicSetsWhenAnUnusedDeskLocksWithinItsRange)
{
    EXPECT_NE(cli({"clinic"}).out.find("Unused desks lock after: never"), std::string::npos);
    const auto set = cli({"clinic", "--lock-after", "15", "--json"});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(json::parse(set.out).at("lock_after_minutes"), 15);
    EXPECT_NE(cli({"clinic"}).out.find("Unused desks lock after: 15 minutes"), std::string::npos);
    const auto tooLong = cli({"clinic", "--lock-after", "481"});
    EXPECT_EQ(tooLong.exitCode, 2);
    EXPECT_NE(tooLong.err.find("lock_after: 481 is not between 0 (never) and 480 minutes"), std::string::npos)
        << tooLong.err;
    EXPECT_EQ(json::parse(cli({"clinic", "--json"}).out).at("lock_after_minutes"), 15) << "nothing saved";
}

TEST_F(CliTest, TheClinicsDateFormatIsUsedByEveryDocumentAndOneDocumentMayOverrideIt)
{
    ::setenv("HIPRX_TODAY", "2026-11-21", 1);
    const auto visit = std::to_string(importSample()); // visit of 2026-11-20
    ASSERT_EQ(cli({"issue", visit}).exitCode, 0);
    const auto handout = scratch.file("handout.pdf");
    ASSERT_EQ(cli({"pdf", visit, "--out", handout.string()}).exitCode, 0);
    EXPECT_NE(pdfWords(handout).find("20 November 2026"), std::string::npos) << "the default: the month in words";

    const auto set = cli({"clinic", "--date-format", "mdy", "--json"});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(json::parse(set.out).at("date_format"), "mdy");
    EXPECT_NE(cli({"clinic"}).out.find("Dates: 12/05/2026 (month/day/year) (mdy)"), std::string::npos);

    // The note filed when the program was issued stays as filed (long dates, as the clinic wrote then);
    // --current writes one now, in the clinic's format of today (issue 17).
    const auto filedNote = scratch.file("filed-note.pdf");
    const auto filed = cli({"note", visit, "--out", filedNote.string()});
    ASSERT_EQ(filed.exitCode, 0) << filed.err;
    EXPECT_NE(filed.out.find("as filed with program version 1"), std::string::npos) << filed.out;
    EXPECT_NE(pdfWords(filedNote).find("20 November 2026"), std::string::npos);
    const auto note = scratch.file("note.pdf");
    ASSERT_EQ(cli({"note", visit, "--current", "--out", note.string()}).exitCode, 0);
    const std::string noteText = pdfWords(note);
    EXPECT_NE(noteText.find("11/20/2026"), std::string::npos) << noteText;
    EXPECT_NE(noteText.find("04/02/1961"), std::string::npos) << "the birth date too";
    EXPECT_EQ(noteText.find("2026-11-20"), std::string::npos);

    const auto report = scratch.file("report.pdf");
    ASSERT_EQ(cli({"report", visit, "--out", report.string(), "--date-format", "iso"}).exitCode, 0);
    EXPECT_NE(pdfWords(report).find("2026-11-20"), std::string::npos) << "--date-format for one document";

    const auto plan = scratch.file("plan.pdf");
    ASSERT_EQ(cli({"plan", scratch.file("a.json").string(), "--pdf", plan.string(), "--date-format", "dmy"}).exitCode,
              0);
    EXPECT_NE(pdfWords(plan).find("20/11/2026"), std::string::npos);

    const auto reprint = scratch.file("reprint.pdf");
    ASSERT_EQ(cli({"pdf", visit, "--out", reprint.string(), "--date-format", "dmy"}).exitCode, 0);
    EXPECT_NE(pdfWords(reprint).find("20/11/2026"), std::string::npos) << "printed again in another format";

    const auto bad = cli({"note", visit, "--out", note.string(), "--date-format", "dd.mm.yyyy"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--date-format: \"dd.mm.yyyy\" is not a date format (expected long (5 December 2026), "
                           "dmy (05/12/2026), mdy (12/05/2026) or iso (2026-12-05))"),
              std::string::npos)
        << bad.err;
    EXPECT_EQ(cli({"clinic", "--date-format", "us"}).exitCode, 2);
    ::unsetenv("HIPRX_TODAY");
}

TEST_F(CliTest, LargePrintIsChosenPerHandoutAndSuggestedFromSeventyFive)
{
    ::setenv("HIPRX_TODAY", "2026-11-21", 1);
    std::string old = kAssessment;
    old.replace(old.find("1961-04-02"), 10, "1934-05-02"); // 92 years old
    const auto file = scratch.write("old.json", old);
    const auto imported = cli({"import", file.string(), "--json"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const auto visit = std::to_string(json::parse(imported.out).at("visit_id").get<std::int64_t>());

    const auto issued = cli({"issue", visit});
    ASSERT_EQ(issued.exitCode, 0) << issued.err;
    EXPECT_NE(issued.out.find("Large print is suggested from age 75; to print this handout in large type: hiprx-cli "
                              "pdf " + visit + " --large-print --out FILE.pdf"),
              std::string::npos)
        << issued.out;

    const auto normal = scratch.file("normal.pdf");
    const auto large = scratch.file("large.pdf");
    ASSERT_EQ(cli({"pdf", visit, "--out", normal.string()}).exitCode, 0);
    const auto reprinted = cli({"pdf", visit, "--out", large.string(), "--large-print"});
    ASSERT_EQ(reprinted.exitCode, 0) << reprinted.err;
    EXPECT_NE(reprinted.out.find("printed again in large print"), std::string::npos);
    EXPECT_NEAR(sizeOfWord(normal, "Stand"), 9.5F, 0.3F);
    EXPECT_GE(sizeOfWord(large, "Stand"), 13.0F) << "body text of the cards";

    const auto plan = scratch.file("plan.pdf");
    ASSERT_EQ(cli({"plan", file.string(), "--pdf", plan.string(), "--large-print"}).exitCode, 0);
    EXPECT_GE(sizeOfWord(plan, "Stand"), 13.0F);

    const auto again = cli({"issue", visit, "--large-print"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.out.find("Large print is suggested"), std::string::npos) << "chosen: nothing to suggest";
    const auto stored = scratch.file("stored.pdf");
    ASSERT_EQ(cli({"pdf", visit, "--out", stored.string()}).exitCode, 0);
    EXPECT_EQ(readFile(stored), readFile(large)) << "issued in large print, stored in large print";
    ::unsetenv("HIPRX_TODAY");
}

} // namespace
} // namespace hiprx::test

namespace hiprx::test {
namespace {

TEST(CliRules, EveryRuleHasItsReasoningAndSource)
{
    ScratchDir scratch;
    const auto r = runCli(scratch, {"rules", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto rules = nlohmann::json::parse(r.out);
    ASSERT_GE(rules.size(), 40u);
    for (const auto& rule : rules)
        for (const char* key : {"id", "condition", "conclusion", "rationale", "source"})
            EXPECT_FALSE(rule.at(key).get<std::string>().empty()) << rule.dump() << " " << key;
}

} // namespace
} // namespace hiprx::test
