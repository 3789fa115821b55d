// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/base64.h"
#include "exchange/clinic_exercise_json.h"
#include "exchange/json_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace hiprx;
using namespace hiprx::core;
using hiprx::exchange::readClinicExercises;
using hiprx::exchange::writeClinicExercises;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

namespace {

Exercise wallSlide()
{
    Exercise e;
    e.id = "clinic_wall_slide";
    e.name = "Wall slide";
    e.kind = ExerciseKind::Strengthen;
    e.level = 2;
    e.targets = {MuscleGroup::Quadriceps};
    e.sided = false;
    e.startPosition = "Stand with your back against a wall, feet a step forward.";
    e.steps = {"Slide down the wall a hand's width.", "Hold there.", "Slide back up."};
    e.keyCue = "Knees over your toes.";
    e.stopIf = "Stop if your knee hurts.";
    e.defaultDose = {2, 8, 5, 30, 1, 5, "", ""};
    e.equipment = {"a wall"};
    e.demands = {MovementDemand::HipFlexionPast90};
    e.figureId = "clinic_wall_slide";
    e.videoUrl = "https://example.org/wall-slide";
    e.sources = {"clinic"};
    e.builtin = false;
    return e;
}

/// Every byte value, so the base64 alphabet and both paddings are exercised.
std::vector<std::uint8_t> allBytes(std::size_t count)
{
    std::vector<std::uint8_t> bytes{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    for (std::size_t i = 0; bytes.size() < count; ++i)
        bytes.push_back(static_cast<std::uint8_t>(i * 7 % 256));
    return bytes;
}

std::vector<std::string> paths(const InputError& e)
{
    std::vector<std::string> out;
    for (const auto& p : e.problems())
        out.push_back(p.path);
    return out;
}

} // namespace

TEST(Base64, KnownVectorsAndStrictDecoding)
{
    const auto text = [](std::string_view s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
    EXPECT_EQ(exchange::encodeBase64(text("")), "");
    EXPECT_EQ(exchange::encodeBase64(text("f")), "Zg==");
    EXPECT_EQ(exchange::encodeBase64(text("fo")), "Zm8=");
    EXPECT_EQ(exchange::encodeBase64(text("foobar")), "Zm9vYmFy");
    EXPECT_EQ(exchange::decodeBase64("Zm9vYg=="), text("foob"));
    for (std::size_t n : {0, 1, 2, 3, 4, 255, 1000})
        EXPECT_EQ(exchange::decodeBase64(exchange::encodeBase64(allBytes(n + 8))), allBytes(n + 8));
    EXPECT_FALSE(exchange::decodeBase64("Zm9").has_value());      // length
    EXPECT_FALSE(exchange::decodeBase64("Zm9v\nYmFy").has_value()); // line break
    EXPECT_FALSE(exchange::decodeBase64("Zg=a").has_value());     // data after padding
    EXPECT_FALSE(exchange::decodeBase64("Zh==").has_value());     // unused bits set
    EXPECT_FALSE(exchange::decodeBase64("Zm9v*mFy").has_value());
}

TEST(ClinicExerciseJson, RoundTripKeepsRetiredAndThePictureByteForByte)
{
    ClinicExercise withPicture{wallSlide(), false, ExercisePicture{PictureType::Png, 800, 600, allBytes(5003)}, std::nullopt};
    Exercise other = wallSlide();
    other.id = "old_step";
    other.figureId = "";
    ClinicExercise retired{other, true, std::nullopt, std::nullopt};

    const std::string json = writeClinicExercises({withPicture, retired});
    const auto parsed = nlohmann::json::parse(json);
    EXPECT_EQ(parsed["format"], "hiprx-clinic-exercises/1");
    EXPECT_EQ(parsed["exercises"][0]["picture"]["type"], "image/png");
    EXPECT_FALSE(parsed["exercises"][0].contains("retired"));
    EXPECT_EQ(parsed["exercises"][1]["retired"], true);

    const auto back = readClinicExercises(json);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0], withPicture);
    EXPECT_EQ(back[1], retired);
    EXPECT_EQ(writeClinicExercises(back), json);
}

TEST(ClinicExerciseJson, AnExerciseLibraryFileIsReadAsClinicExercises)
{
    const auto back = readClinicExercises(exchange::writeExercises({wallSlide()}));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].exercise, wallSlide());
    EXPECT_FALSE(back[0].retired);
    EXPECT_FALSE(back[0].picture.has_value());
    // … but the library reader refuses the clinic's keys.
    EXPECT_THROW(exchange::readExercises(writeClinicExercises({{wallSlide(), true, std::nullopt, std::nullopt}}), false),
                 InputError);
}

TEST(ClinicExerciseJson, EveryProblemIsReportedWithItsPath)
{
    auto doc = nlohmann::json::parse(writeClinicExercises(
        {{wallSlide(), false, ExercisePicture{PictureType::Png, 10, 10, allBytes(20)}, std::nullopt},
         {wallSlide(), false, std::nullopt, std::nullopt},
         {wallSlide(), false, std::nullopt, std::nullopt}}));
    doc["exercises"][0]["picture"]["data"] = "not base64!";
    doc["exercises"][0]["picture"]["type"] = "image/gif";
    doc["exercises"][1]["id"] = "second";
    doc["exercises"][1]["steps"][0] = 7;
    doc["exercises"][1]["retired"] = "yes";
    doc["exercises"][2]["id"] = "third";
    doc["exercises"][2]["picture"] = {{"type", "image/jpeg"}, {"width", 5000}, {"height", 10},
                                       {"data", exchange::encodeBase64(allBytes(20))}};
    doc["exercises"][2]["video_url"] = "javascript:alert(1)";
    try {
        readClinicExercises(doc.dump());
        FAIL() << "a bad file was read";
    } catch (const InputError& e) {
        EXPECT_THAT(paths(e), UnorderedElementsAre("exercises[0].picture.data", "exercises[0].picture.type",
                                                   "exercises[1].steps[0]", "exercises[1].retired",
                                                   "exercises[2].video_url", "exercises[2].picture.width",
                                                   "exercises[2].picture.data"))
            << e.what();
        EXPECT_THAT(e.what(), HasSubstr("exercises[2].picture.width: 5000 pixels is outside 1–1200"));
        EXPECT_THAT(e.what(), HasSubstr("exercises[2].picture.data: the data is not a JPEG file"));
    }
}

TEST(ClinicExerciseJson, AnotherFormatIsRefused)
{
    try {
        readClinicExercises(R"({"format": "hiprx-assessment/1", "exercises": []})");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_THAT(paths(e), UnorderedElementsAre("format"));
    }
}

TEST(ClinicExerciseJson, ALevelOutsideOneToFiveIsRefused)
{
    auto doc = nlohmann::json::parse(writeClinicExercises({{wallSlide(), false, std::nullopt, std::nullopt}}));
    doc["exercises"][0]["level"] = 9;
    try {
        readClinicExercises(doc.dump());
        FAIL() << "level 9 was read";
    } catch (const InputError& e) {
        EXPECT_THAT(paths(e), UnorderedElementsAre("exercises[0].level"));
        EXPECT_THAT(e.what(), HasSubstr("exercises[0].level: 9 is outside 1–5"));
    }
}

namespace {

/// A bridge of the clinic's own: lying with the knees bent, the hips lifted in the end frame.
FigureSpec ownBridge()
{
    FigureSpec figure;
    figure.id = "clinic_wall_slide";
    figure.view = FigureView::Side;
    figure.start = basePose("hook_lying")->pose;
    figure.start[Joint::RightKnee] += 10;
    figure.end = figure.start;
    figure.end[Joint::Pelvis] -= 20;
    figure.end[Joint::RightHip] = 5;
    figure.props.emplace_back(); // a mat
    figure.highlight = {"right_thigh"};
    figure.arrow = BodyPoint::Pelvis;
    return figure;
}

} // namespace

TEST(ClinicExerciseJson, AnOwnFigureIsWrittenAndReadBackTheSame)
{
    ClinicExercise clinic{wallSlide(), false, std::nullopt, ownBridge()};
    const std::string json = writeClinicExercises({clinic});
    const auto parsed = nlohmann::json::parse(json);
    EXPECT_EQ(parsed["exercises"][0]["own_figure"]["start"]["base"], "hook_lying") << json;
    EXPECT_FALSE(parsed["exercises"][0]["own_figure"].contains("exercise")) << "the exercise's id is its id";
    const auto back = readClinicExercises(json);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0], clinic);
    EXPECT_EQ(writeClinicExercises(back), json);
}

TEST(ClinicExerciseJson, ProblemsOfAnOwnFigureAreReportedByPath)
{
    auto doc = nlohmann::json::parse(writeClinicExercises({{wallSlide(), false, std::nullopt, ownBridge()},
                                                           {wallSlide(), false, std::nullopt, ownBridge()},
                                                           {wallSlide(), false, std::nullopt, ownBridge()}}));
    doc["exercises"][0]["own_figure"]["start"]["pose"]["right_hip"] = 170;
    doc["exercises"][1]["id"] = "second";
    doc["exercises"][1]["own_figure"]["pose"] = 3;
    doc["exercises"][1]["own_figure"]["end"]["pose"]["right_wrist"] = 10;
    doc["exercises"][2]["id"] = "third";
    doc["exercises"][2]["picture"] = {{"type", "image/png"}, {"width", 10}, {"height", 10},
                                       {"data", exchange::encodeBase64(allBytes(20))}};
    try {
        readClinicExercises(doc.dump());
        FAIL() << "a bad file was read";
    } catch (const InputError& e) {
        EXPECT_THAT(paths(e), UnorderedElementsAre("exercises[0].own_figure.start.pose.right_hip",
                                                   "exercises[1].own_figure.pose",
                                                   "exercises[1].own_figure.end.pose.right_wrist",
                                                   "exercises[2].own_figure"))
            << e.what();
        EXPECT_THAT(e.what(), HasSubstr("exercises[0].own_figure.start.pose.right_hip: 170 is outside −30–140"));
        EXPECT_THAT(e.what(), HasSubstr("either a picture or a figure of its own"));
    }
}
