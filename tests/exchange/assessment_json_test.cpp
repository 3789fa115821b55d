// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace hiprx;
using namespace hiprx::core;
using hiprx::exchange::readAssessment;
using hiprx::exchange::writeAssessment;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const Date kToday{2026, 11, 21};
const std::string kEnDash = "\xE2\x80\x93";

std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(HIPRX_TEST_DATA_DIR) + "/" + name, std::ios::binary);
    EXPECT_TRUE(in.good()) << name;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The problems readAssessment reports; fails the test when it accepts the input.
std::vector<FieldProblem> problemsOf(std::string_view json)
{
    try {
        readAssessment(json, kToday);
    } catch (const InputError& e) {
        return e.problems();
    }
    ADD_FAILURE() << "accepted: " << json;
    return {};
}

std::vector<std::string> messagesOf(std::string_view json)
{
    std::vector<std::string> out;
    for (const auto& p : problemsOf(json))
        out.push_back(p.message);
    return out;
}

std::vector<std::string> pathsOf(std::string_view json)
{
    std::vector<std::string> out;
    for (const auto& p : problemsOf(json))
        out.push_back(p.path);
    return out;
}

std::string withPatient(const std::string& sections)
{
    return R"({"patient": {"name": "Odile Brannigan"})" + (sections.empty() ? "" : ", " + sections) + "}";
}

Assessment fullyPopulated()
{
    Assessment a;
    a.patient.externalId = "MRN-0042";
    a.patient.name = "\xC5\x81ucja \xC3\x85ngstr\xC3\xB6m-Stra\xC3\x9F" "e"; // Łucja Ångström-Straße
    a.patient.birthDate = Date{1961, 4, 2};
    a.patient.sex = Sex::Female;
    a.patient.email = "lucja@example.org";
    a.patient.phone = "+48 22 555 01 23";
    a.visit.date = Date{2026, 11, 20};
    a.visit.clinician = "\xCE\x94\xCE\xB7\xCE\xBC\xCE\xAE\xCF\x84\xCF\x81\xCE\xB7\xCF\x82, PT"; // Δημήτρης
    a.visit.affectedSide = AffectedSide::Left;
    a.visit.complaint = "\xD0\x91\xD0\xBE\xD0\xBB\xD1\x8C \xD0\xB2 \xD0\xB1\xD0\xB5\xD0\xB4\xD1\x80\xD0\xB5 "
                        "\"quoted\" \\ and a tab\t"; // Боль в бедре
    a.visit.notes = "Line one\nLine two \xF0\x9F\x98\x80";
    a.visit.impression = "Anterior hip pain from tight flexors and weak gluteals; no red flags.";
    a.visit.plan = "Stretch and strengthen; review in 2 weeks.";
    a.visit.goals = "Sit through a 2-hour meeting\nWalk 5 km";
    for (const auto& entry : vocabulary<Movement>()) {
        a.rom.left[entry.value] = 20;
        a.rom.right[entry.value] = 25;
    }
    a.rom.left[Movement::HipExtension] = -10;
    a.rotationPosition = RotationPosition::Prone;
    a.pain = {4, 2, 7, Irritability::Moderate, {}};
    a.pain.areas = {{BodyRegion::LateralHip, BodySide::Left}, {BodyRegion::Lumbar, BodySide::Central},
                    {BodyRegion::BelowKnee, BodySide::Right}};
    a.visit.normSet = NormSet::Kendall;
    for (const auto& entry : vocabulary<SpecialTest>()) {
        a.tests.left[entry.value] = TestResult::positive();
        a.tests.right[entry.value] = TestResult::negative();
    }
    a.tests.left[SpecialTest::Slr] = TestResult::degrees(55);
    a.tests.right[SpecialTest::PoplitealAngle] = TestResult::degrees(0);
    a.tests.right[SpecialTest::Slr] = TestResult::degrees(40, true); // {"angle": 40, "reproduces_leg_pain": true}
    a.strength.left[StrengthMuscle::GluteusMedius] = {3, 1};
    a.strength.left[StrengthMuscle::GluteusMaximus] = {4, -1};
    a.strength.right[StrengthMuscle::GluteusMedius] = {5, 0};
    a.strength.right[StrengthMuscle::HipInternalRotators] = {0, 0};
    a.endurance.plankHoldS = 40;
    a.endurance.sideBridgeHoldS.left = 25;
    a.endurance.sideBridgeHoldS.right = 30;
    a.endurance.trunkFlexorHoldS = 60;
    a.endurance.trunkExtensorHoldS = 90;
    a.balance.fallsPastYear = 2;
    a.balance.singleLegStanceS.left = 3;
    a.balance.singleLegStanceS.right = 12;
    a.redFlags = {RedFlag::UnexplainedWeightLoss, RedFlag::HistoryOfCancer};
    a.redFlagsScreened = true; // a ticked flag is a screen; the reader records it so
    a.precautions = {Precaution::ThaPosterior, Precaution::Osteoporosis};
    a.outcomes.lefs.assign(20, 3);
    a.outcomes.lefs[5] = std::nullopt;
    a.outcomes.lefs[6] = 0;
    a.outcomes.psfs = {{"\xD0\xBF\xD0\xBE\xD0\xB4\xD1\x8A\xD1\x91\xD0\xBC \xD0\xBF\xD0\xBE \xD0\xBB\xD0\xB5\xD1\x81\xD1\x82\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB5", 3},
                       {"gardening", std::nullopt}};
    return a;
}

} // namespace

// ---- round trips ---------------------------------------------------------------------------------

TEST(AssessmentJson, FullyPopulatedAssessmentRoundTrips)
{
    const Assessment a = fullyPopulated();
    ASSERT_TRUE(validate(a, kToday).empty()) << formatProblems(validate(a, kToday));
    const std::string json = writeAssessment(a);
    EXPECT_EQ(readAssessment(json, kToday), a);
    EXPECT_EQ(writeAssessment(readAssessment(json, kToday)), json); // stable output
}

TEST(AssessmentJson, WritesPrettyUnescapedUtf8WithFormatFirst)
{
    const std::string json = writeAssessment(fullyPopulated());
    EXPECT_EQ(json.rfind("{\n  \"format\": \"hiprx-assessment/1\",\n  \"patient\": {\n    \"id\"", 0), 0u) << json;
    EXPECT_THAT(json, HasSubstr("\"name\": \"\xC5\x81ucja \xC3\x85ngstr\xC3\xB6m-Stra\xC3\x9F" "e\""));
    EXPECT_THAT(json, Not(HasSubstr("\\u")));
    EXPECT_THAT(json, HasSubstr("\"slr\": 55"));
    EXPECT_THAT(json, HasSubstr("\"gluteus_medius\": \"3+\""));
}

TEST(AssessmentJson, WritesOnlyPresentSections)
{
    Assessment a;
    a.patient.name = "Odile Brannigan";
    const std::string json = writeAssessment(a);
    const auto parsed = nlohmann::ordered_json::parse(json);
    std::vector<std::string> keys;
    for (const auto& [key, value] : parsed.items())
        keys.push_back(key);
    EXPECT_THAT(keys, ElementsAre("format", "patient"));
    EXPECT_EQ(parsed["patient"].size(), 1u); // no empty email, no "unknown" sex
    EXPECT_EQ(readAssessment(json, kToday), a);
}

TEST(AssessmentJson, ReadsTheDesignExample)
{
    const Assessment a = readAssessment(R"({
      "format": "hiprx-assessment/1",
      "patient": {"id": "optional-external-id", "name": "Ana Ruiz", "birth_date": "1961-04-02", "sex": "female",
                  "email": "ana@example.org"},
      "visit": {"date": "2026-11-20", "clinician": "J. Park, PT", "affected_side": "left", "complaint": "free text"},
      "rom": {"left": {"hip_flexion": 105, "hip_extension": 0}, "right": {"hip_flexion": 120, "hip_extension": 15}},
      "pain": {"nprs_now": 4, "nprs_best_24h": 2, "nprs_worst_24h": 7, "irritability": "moderate"},
      "tests": {"left": {"thomas_iliopsoas": "positive", "slr": 55}, "right": {"thomas_iliopsoas": "negative"}},
      "strength": {"left": {"gluteus_medius": "3+"}, "right": {"gluteus_medius": "5"}},
      "endurance": {"plank_hold_s": 40, "side_bridge_hold_s": {"left": 25, "right": 30}},
      "red_flags": ["unexplained_weight_loss"],
      "precautions": ["tha_posterior"],
      "outcomes": {"lefs": [4, 3, 3, 2, 1, 0, 4, 3, 3, 2, 1, 0, 4, 3, 3, 2, 1, 0, null, 2]}
    })", kToday);
    EXPECT_EQ(a.patient.externalId, "optional-external-id");
    EXPECT_EQ(a.patient.birthDate, (Date{1961, 4, 2}));
    EXPECT_EQ(a.visit.affectedSide, AffectedSide::Left);
    EXPECT_EQ(a.rom.left.at(Movement::HipFlexion), 105);
    EXPECT_EQ(a.rom.right.at(Movement::HipExtension), 15);
    EXPECT_EQ(a.pain.irritability, Irritability::Moderate);
    EXPECT_EQ(a.tests.left.at(SpecialTest::Slr), TestResult::degrees(55));
    EXPECT_TRUE(a.tests.left.at(SpecialTest::ThomasIliopsoas).isPositive());
    EXPECT_EQ(a.strength.left.at(StrengthMuscle::GluteusMedius), (StrengthGrade{3, 1}));
    EXPECT_EQ(a.endurance.sideBridgeHoldS.right, 30);
    EXPECT_TRUE(a.redFlags.count(RedFlag::UnexplainedWeightLoss));
    EXPECT_TRUE(a.precautions.count(Precaution::ThaPosterior));
    ASSERT_EQ(a.outcomes.lefs.size(), 20u);
    EXPECT_FALSE(a.outcomes.lefs[18].has_value());
    EXPECT_EQ(a.ageYears(kToday), 65);
}

TEST(AssessmentJson, AcceptsWholeNumberGradesAndIntegralFloatsAndNulls)
{
    const Assessment a = readAssessment(withPatient(R"("strength": {"left": {"quadriceps": 4}},
        "rom": {"left": {"hip_flexion": 90.0, "hip_abduction": null}}, "pain": {"nprs_now": null},
        "rotation_position": "sitting")"), kToday);
    EXPECT_EQ(a.strength.left.at(StrengthMuscle::Quadriceps), (StrengthGrade{4, 0}));
    EXPECT_EQ(a.rom.left.at(Movement::HipFlexion), 90);
    EXPECT_FALSE(a.rom.left.count(Movement::HipAbduction));
    EXPECT_FALSE(a.pain.nprsNow.has_value());
    EXPECT_EQ(a.rotationPosition, RotationPosition::Sitting);
}

// ---- bad input, one class at a time ---------------------------------------------------------------

TEST(AssessmentJsonErrors, EmptyFile)
{
    EXPECT_THAT(messagesOf(""), ElementsAre("file is empty"));
    EXPECT_THAT(messagesOf(fixture("bad_assessment_empty.json")), ElementsAre("file is empty"));
}

TEST(AssessmentJsonErrors, MalformedJsonGivesLineAndColumnButNotTheText)
{
    const auto messages = messagesOf(fixture("bad_assessment_malformed.json"));
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_THAT(messages[0], HasSubstr("not valid JSON at line 3, column"));
    EXPECT_THAT(messages[0], Not(HasSubstr("Corin")));

    const auto literal = messagesOf("{\n  \"patient\": {\"name\": Zebedee}\n}");
    ASSERT_EQ(literal.size(), 1u);
    EXPECT_THAT(literal[0], HasSubstr("line 2, column"));
    EXPECT_THAT(literal[0], Not(HasSubstr("Zebedee"))); // patient data never goes into a message
}

TEST(AssessmentJsonErrors, TopLevelMustBeAnObject)
{
    EXPECT_THAT(messagesOf("[1, 2]"), ElementsAre(HasSubstr("got a list")));
    EXPECT_THAT(messagesOf("\"hello\""), ElementsAre(HasSubstr("top level")));
}

TEST(AssessmentJsonErrors, FormatMustBeTheAssessmentFormatWhenGiven)
{
    EXPECT_THAT(messagesOf(R"({"format": "hiprx-plan/1", "patient": {"name": "Odile Brannigan"}})"),
                ElementsAre("format: \"hiprx-plan/1\" is not an assessment file (expected \"hiprx-assessment/1\")"));
}

TEST(AssessmentJsonErrors, PatientIsRequired)
{
    EXPECT_THAT(messagesOf(R"({"rom": {}})"), ElementsAre("patient: required"));
    EXPECT_THAT(messagesOf(R"({"patient": {}})"), ElementsAre("patient.name: required"));
}

TEST(AssessmentJsonErrors, UnknownTopLevelAndSectionKeys)
{
    EXPECT_THAT(pathsOf(withPatient(R"("romm": {}, "pain": {"nprs": 3})")), ElementsAre("romm", "pain.nprs"));
    EXPECT_THAT(messagesOf(withPatient(R"("visit": {"dates": "2026-01-01"})")),
                ElementsAre("visit.dates: unknown field (expected one of date, clinician, affected_side, complaint, "
                            "notes, impression, plan, goals, norm_set)"));
}

TEST(AssessmentJson, SlrAsAnAngleWithReproducedLegPain)
{
    const Assessment a =
        readAssessment(withPatient(R"("tests": {"left": {"slr": {"angle": 40, "reproduces_leg_pain": true}},
                                                "right": {"slr": 80}})"),
                       kToday);
    EXPECT_EQ(a.tests.left.at(SpecialTest::Slr), TestResult::degrees(40, true));
    EXPECT_EQ(a.tests.right.at(SpecialTest::Slr), TestResult::degrees(80));
    EXPECT_THAT(messagesOf(withPatient(R"("tests": {"left": {"slr": {"angle": 200}}})")),
                ElementsAre("tests.left.slr: 200 is outside 0\xE2\x80\x93" "120"));
    EXPECT_THAT(pathsOf(withPatient(R"("tests": {"left": {"slr": {"reproduces_leg_pain": true}}})")),
                ElementsAre("tests.left.slr.angle"));
    EXPECT_THAT(pathsOf(withPatient(R"("tests": {"left": {"faber": {"angle": 20}}})")), ElementsAre("tests.left.faber"));
}

TEST(AssessmentJson, PainAreasBalanceAndANegativeScreen)
{
    const Assessment a = readAssessment(
        withPatient(R"("pain": {"areas": [{"region": "lateral_hip", "side": "left"}]},
                       "balance": {"falls_past_year": 1, "single_leg_stance_s": {"right": 4},
                                   "pain_before_falls": true},
                       "red_flags_screened": true)"),
        kToday);
    ASSERT_EQ(a.pain.areas.size(), 1u);
    EXPECT_EQ(a.pain.areas[0], (PainArea{BodyRegion::LateralHip, BodySide::Left}));
    EXPECT_EQ(a.balance.fallsPastYear, 1);
    EXPECT_EQ(a.balance.singleLegStanceS.right, 4);
    EXPECT_TRUE(a.balance.painBeforeFalls);
    EXPECT_NE(writeAssessment(a).find("\"pain_before_falls\": true"), std::string::npos);
    EXPECT_TRUE(a.redFlagsScreened);
    EXPECT_NE(writeAssessment(a).find("\"red_flags_screened\": true"), std::string::npos);
    EXPECT_FALSE(readAssessment(withPatient(""), kToday).redFlagsScreened); // never asked is not "none"
}

TEST(AssessmentJsonErrors, PainAreasAndBalanceNameTheFieldAndTheChoices)
{
    EXPECT_THAT(pathsOf(withPatient(R"("pain": {"areas": [{"region": "elbow", "side": "left"}]})")),
                ElementsAre("pain.areas[0].region"));
    EXPECT_THAT(pathsOf(withPatient(R"("pain": {"areas": [{"region": "knee", "side": "both"}]})")),
                ElementsAre("pain.areas[0].side"));
    EXPECT_THAT(pathsOf(withPatient(
                    R"("pain": {"areas": [{"region": "knee", "side": "left"}, {"region": "knee", "side": "left"}]})")),
                ElementsAre("pain.areas[1]"));
    EXPECT_THAT(messagesOf(withPatient(R"("balance": {"falls_past_year": 99})")),
                ElementsAre("balance.falls_past_year: 99 is outside 0\xE2\x80\x93" "50"));
    EXPECT_THAT(pathsOf(withPatient(R"("balance": {"single_leg_stance_s": {"left": -1}})")),
                ElementsAre("balance.single_leg_stance_s.left"));
    EXPECT_THAT(pathsOf(withPatient(R"("visit": {"norm_set": "cdc"})")), ElementsAre("visit.norm_set"));
}

TEST(AssessmentJsonErrors, UnknownIdsNameThePathAndTheChoices)
{
    EXPECT_THAT(messagesOf(withPatient(R"("rom": {"left": {"hip_flex": 90}})")),
                ElementsAre("rom.left.hip_flex: unknown movement (expected one of hip_flexion, hip_extension, "
                            "hip_abduction, hip_adduction, hip_internal_rotation, hip_external_rotation)"));
    EXPECT_THAT(messagesOf(withPatient(R"("rom": {"middle": {"hip_flexion": 90}})")),
                ElementsAre("rom.middle: unknown side (expected one of left, right)"));
    EXPECT_THAT(pathsOf(withPatient(R"("tests": {"left": {"thomson": "positive"}})")),
                ElementsAre("tests.left.thomson"));
    EXPECT_THAT(pathsOf(withPatient(R"("strength": {"right": {"glute": "4"}})")),
                ElementsAre("strength.right.glute"));
    EXPECT_THAT(messagesOf(withPatient(R"("red_flags": ["wobbly_knees"])")),
                ElementsAre(HasSubstr("red_flags[0]: unknown red flag \"wobbly_knees\" (expected one of "
                                      "saddle_anaesthesia, ")));
    EXPECT_THAT(pathsOf(withPatient(R"("precautions": ["tha_sideways"])")), ElementsAre("precautions[0]"));
    EXPECT_THAT(messagesOf(withPatient(R"("pain": {"irritability": "extreme"})")),
                ElementsAre("pain.irritability: unknown irritability \"extreme\" (expected one of low, moderate, "
                            "high)"));
    EXPECT_THAT(pathsOf(R"({"patient": {"name": "Odile Brannigan", "sex": "f"}})"), ElementsAre("patient.sex"));
    EXPECT_THAT(pathsOf(withPatient(R"("visit": {"affected_side": "middle"})")), ElementsAre("visit.affected_side"));
    EXPECT_THAT(pathsOf(withPatient(R"("endurance": {"side_bridge_hold_s": {"top": 20}})")),
                ElementsAre("endurance.side_bridge_hold_s.top"));
    EXPECT_THAT(pathsOf(withPatient(R"("rotation_position": "standing")")), ElementsAre("rotation_position"));
}

TEST(AssessmentJsonErrors, WrongTypes)
{
    EXPECT_THAT(messagesOf(withPatient(R"("rom": {"left": {"hip_flexion": "abc"}})")),
                ElementsAre("rom.left.hip_flexion: expected a whole number of degrees, got \"abc\""));
    EXPECT_THAT(messagesOf(R"({"patient": {"name": 42}})"), ElementsAre("patient.name: expected text, got 42"));
    EXPECT_THAT(messagesOf(withPatient(R"("rom": [1, 2])")), ElementsAre("rom: expected an object, got a list"));
    EXPECT_THAT(messagesOf(withPatient(R"("red_flags": "saddle_anaesthesia")")),
                ElementsAre("red_flags: expected a list, got \"saddle_anaesthesia\""));
    EXPECT_THAT(messagesOf(withPatient(R"("visit": {"date": "20/11/2026"})")),
                ElementsAre("visit.date: expected a date (YYYY-MM-DD), got \"20/11/2026\""));
    EXPECT_THAT(messagesOf(withPatient(R"("visit": {"date": "2026-02-30"})")),
                ElementsAre(HasSubstr("visit.date: expected a date")));
    EXPECT_THAT(messagesOf(withPatient(R"("endurance": {"plank_hold_s": true})")),
                ElementsAre("endurance.plank_hold_s: expected a whole number of seconds, got true"));
    EXPECT_THAT(messagesOf(withPatient(R"("tests": {"left": {"faber": {"result": "positive"}}})")),
                ElementsAre(HasSubstr("tests.left.faber: expected a test result")));
}

TEST(AssessmentJsonErrors, FractionalDegreesAreRejected)
{
    EXPECT_THAT(messagesOf(fixture("bad_assessment_fractional_degrees.json")),
                ElementsAre("rom.left.hip_flexion: expected a whole number of degrees, got 97.5"));
    EXPECT_THAT(messagesOf(withPatient(R"("tests": {"left": {"slr": 55.5}})")),
                ElementsAre("tests.left.slr: expected a whole number of degrees, got 55.5"));
}

TEST(AssessmentJsonErrors, OutOfRangeValues)
{
    EXPECT_THAT(messagesOf(withPatient(R"("rom": {"left": {"hip_flexion": 400}})")),
                ElementsAre("rom.left.hip_flexion: 400 is outside 0" + kEnDash + "180"));
    EXPECT_THAT(messagesOf(withPatient(R"("rom": {"left": {"hip_flexion": 99999999999}})")),
                ElementsAre("rom.left.hip_flexion: 99999999999 is outside 0" + kEnDash + "180"));
    EXPECT_THAT(messagesOf(withPatient(R"("pain": {"nprs_now": 11})")),
                ElementsAre("pain.nprs_now: 11 is outside 0" + kEnDash + "10"));
    EXPECT_THAT(messagesOf(withPatient(R"("tests": {"left": {"slr": 130}})")),
                ElementsAre("tests.left.slr: 130 is outside 0" + kEnDash + "120"));
    EXPECT_THAT(messagesOf(withPatient(R"("outcomes": {"lefs": [1, 2, 3]})")),
                ElementsAre("outcomes.lefs: 3 items given, expected 20"));
    EXPECT_THAT(messagesOf(R"({"patient": {"name": "Odile Brannigan", "birth_date": "2030-01-01"}})"),
                ElementsAre("patient.birth_date: 2030-01-01 is in the future"));
}

TEST(AssessmentJsonErrors, TestResults)
{
    EXPECT_THAT(messagesOf(withPatient(R"("tests": {"left": {"faber": 30}})")),
                ElementsAre("tests.left.faber: 30 is not a result of this test (expected \"positive\" or "
                            "\"negative\")"));
    EXPECT_THAT(messagesOf(withPatient(R"("tests": {"left": {"slr": "maybe"}})")),
                ElementsAre("tests.left.slr: \"maybe\" is not a test result (expected \"positive\", \"negative\" or "
                            "an angle in degrees)"));
    const Assessment a = readAssessment(withPatient(R"("tests": {"left": {"slr": "positive", "popliteal_angle": 20}})"), kToday);
    EXPECT_TRUE(a.tests.left.at(SpecialTest::Slr).isPositive());
    EXPECT_EQ(a.tests.left.at(SpecialTest::PoplitealAngle).measured(), 20);
}

TEST(AssessmentJsonErrors, StrengthGrades)
{
    EXPECT_THAT(pathsOf(withPatient(R"("strength": {"left": {"gluteus_medius": "6"}})")),
                ElementsAre("strength.left.gluteus_medius"));
    EXPECT_THAT(pathsOf(withPatient(R"("strength": {"left": {"gluteus_medius": 6}})")),
                ElementsAre("strength.left.gluteus_medius"));
    EXPECT_THAT(pathsOf(withPatient(R"("strength": {"left": {"gluteus_medius": "5+"}})")),
                ElementsAre("strength.left.gluteus_medius"));
    EXPECT_THAT(pathsOf(withPatient(R"("strength": {"left": {"gluteus_medius": 3.5}})")),
                ElementsAre("strength.left.gluteus_medius"));
}

TEST(AssessmentJsonErrors, DuplicatesAreRejected)
{
    EXPECT_THAT(messagesOf(withPatient(R"("red_flags": ["saddle_anaesthesia", "saddle_anaesthesia"])")),
                ElementsAre("red_flags[1]: \"saddle_anaesthesia\" is listed twice"));
    EXPECT_THAT(messagesOf(R"({"patient": {"name": "Odile Brannigan"}, "rom": {"left": {"hip_flexion": 90,
        "hip_flexion": 100}}})"),
                ElementsAre("rom.left.hip_flexion: given twice in the same object"));
    EXPECT_THAT(pathsOf(R"({"patient": {"name": "A"}, "outcomes": {"psfs": [{"activity": "a"},
        {"activity": "b", "score": 1, "score": 2}]}})"),
                ElementsAre("outcomes.psfs[1].score"));
}

TEST(AssessmentJsonErrors, WrongTypeIsNotAlsoReportedAsMissing)
{
    EXPECT_THAT(pathsOf(R"({"patient": {"name": ["Odile"]}})"), ElementsAre("patient.name"));
    EXPECT_THAT(pathsOf(R"({"patient": "Odile"})"), ElementsAre("patient"));
}

TEST(AssessmentJsonErrors, ReportsEveryProblemTogether)
{
    const auto problems = problemsOf(fixture("bad_assessment_several_problems.json"));
    std::vector<std::string> paths;
    for (const auto& p : problems)
        paths.push_back(p.path);
    EXPECT_THAT(paths, ElementsAre("patient.shoe_size", "visit.date", "visit.affected_side", "rom.left.hip_flex",
                                   "rom.left.hip_extension", "rom.right.hip_abduction", "pain.irritability",
                                   "tests.left.faber", "strength.left.gluteus_medius", "red_flags[1]",
                                   "red_flags[2]",
                                   // then what core::validate finds in the values that were readable
                                   "patient.birth_date", "patient.email", "rom.left.hip_flexion",
                                   "pain.nprs_now", "tests.left.slr", "outcomes.lefs",
                                   "outcomes.psfs[0].activity"));
    try {
        readAssessment(fixture("bad_assessment_several_problems.json"), kToday);
    } catch (const InputError& e) {
        // the exception text is every message, one per line, as the CLI prints it
        EXPECT_EQ(std::string(e.what()), formatProblems(problems));
        EXPECT_THAT(std::string(e.what()), HasSubstr("\nrom.left.hip_flexion: 400 is outside 0" + kEnDash + "180\n"));
    }
}

TEST(AssessmentJson, WritingTextThatIsNotUtf8Throws)
{
    Assessment a;
    a.patient.name = "Odile \xFF";
    EXPECT_THROW(writeAssessment(a), Error);
}
