// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hiprx-cli exercise …`: the clinic's own exercises, added from a file with a picture, listed,
// retired, exported and imported into another database; bad files refused whole, each problem
// named by its path.
#include "cli_runner.h"

#include "exchange/base64.h"
#include "render/picture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hiprx::test {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

json exercise(const std::string& id, const std::string& name)
{
    return {{"id", id},
            {"name", name},
            {"kind", "strengthen"},
            {"level", 2},
            {"targets", {"quadriceps"}},
            {"sided", false},
            {"start_position", "Stand with your back against a wall, feet a step forward."},
            {"steps", {"Slide down the wall a hand's width.", "Hold there for five breaths.", "Slide back up."}},
            {"key_cue", "Knees over your toes."},
            {"stop_if", "Stop if your knee hurts."},
            {"dose", {{"sets", 2}, {"reps", 8}, {"hold_s", 5}}},
            {"equipment", {"a wall"}},
            {"demands", json::array()},
            {"video_url", "https://example.org/wall-slide"}};
}

std::string document(const json& exercises)
{
    return json{{"format", "hiprx-clinic-exercises/1"}, {"exercises", exercises}}.dump(2);
}

/// A picture with a pattern in it (not one flat colour), encoded by the same code HipRx uses.
std::vector<std::uint8_t> picture(int width, int height, core::PictureType type)
{
    render::Pixels p{width, height, 3, {}};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            p.data.insert(p.data.end(), {static_cast<std::uint8_t>(x * 255 / width),
                                         static_cast<std::uint8_t>(y * 255 / height), static_cast<std::uint8_t>((x ^ y) & 0xFF)});
    return render::encodePicture(p, type);
}

std::string asText(const std::vector<std::uint8_t>& bytes)
{
    return {bytes.begin(), bytes.end()};
}

class ExerciseCli : public testing::Test {
protected:
    void SetUp() override { ::setenv("HIPRX_TODAY", "2026-11-21", 1); }
    void TearDown() override { ::unsetenv("HIPRX_TODAY"); }

    ScratchDir scratch;
    CliResult cli(std::vector<std::string> args, const std::string& db = "clinic.sqlite")
    {
        args.insert(args.end(), {"--db", scratch.file(db).string()});
        return runCli(scratch, args);
    }
    json listed(const std::string& db = "clinic.sqlite")
    {
        const auto r = cli({"exercise", "list", "--json"}, db);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return json::parse(r.out);
    }
};

} // namespace

TEST_F(ExerciseCli, ExportThenImportIntoAFreshDatabaseReproducesTheExerciseAndItsPictureByteForByte)
{
    const auto photo = picture(640, 480, core::PictureType::Jpeg);
    scratch.write("photo.jpg", asText(photo));
    scratch.write("wall_slide.json", document(json::array({exercise("clinic_wall_slide", "Wall slide")})));
    auto r = cli({"exercise", "add", "wall_slide.json", "--picture", "photo.jpg", "--clinician", "J. Park, PT"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Added Wall slide (clinic_wall_slide), with its picture."));

    r = cli({"exercise", "export", "-o", "ours.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string exported = readFile(scratch.file("ours.json"));
    const json doc = json::parse(exported);
    EXPECT_EQ(doc["format"], "hiprx-clinic-exercises/1");
    const json& entry = doc["exercises"][0];
    EXPECT_EQ(entry["picture"]["type"], "image/jpeg");
    EXPECT_EQ(entry["picture"]["width"], 640);
    EXPECT_EQ(entry["figure"], "clinic_wall_slide"); // the picture is its figure
    EXPECT_EQ(exchange::decodeBase64(entry["picture"]["data"].get<std::string>()), photo);

    r = cli({"exercise", "import", "ours.json"}, "colleague.sqlite");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Imported 1 exercise: 1 new, 0 replaced."));
    r = cli({"exercise", "export", "-o", "theirs.json"}, "colleague.sqlite");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(scratch.file("theirs.json")), exported);

    // A second import replaces rather than duplicates.
    r = cli({"exercise", "import", "ours.json"}, "colleague.sqlite");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("0 new, 1 replaced"));
    EXPECT_EQ(listed("colleague.sqlite").size(), 1u);
}

TEST_F(ExerciseCli, AnOwnFigureIsExportedAndImportedAsItWasAndABadOneIsRefusedByPath)
{
    json reach = exercise("clinic_overhead_reach", "Overhead reach");
    reach["own_figure"] = {{"start", {{"base", "standing"}, {"pose", {{"right_shoulder", 25}}}}},
                           {"end", {{"pose", {{"right_shoulder", 150}, {"right_elbow", 10}}}}},
                           {"highlight", {"right_arm"}},
                           {"arrow", "right_hand"}};
    scratch.write("reach.json", document(json::array({reach})));
    auto r = cli({"exercise", "add", "reach.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    r = cli({"exercise", "export", "-o", "ours.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string exported = readFile(scratch.file("ours.json"));
    const json entry = json::parse(exported)["exercises"][0];
    EXPECT_EQ(entry["figure"], "clinic_overhead_reach"); // its own figure is its figure
    EXPECT_EQ(entry["own_figure"]["start"]["base"], "standing");
    EXPECT_EQ(entry["own_figure"]["start"]["pose"]["right_shoulder"], 25);
    EXPECT_EQ(entry["own_figure"]["end"]["pose"]["right_shoulder"], 150);

    r = cli({"exercise", "import", "ours.json"}, "colleague.sqlite");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"exercise", "export", "-o", "theirs.json"}, "colleague.sqlite");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(scratch.file("theirs.json")), exported);

    json bad = json::parse(exported);
    bad["exercises"][0]["own_figure"]["end"]["pose"]["right_elbow"] = 200;
    bad["exercises"][0]["own_figure"]["props"] = {{{"type", "trampoline"}}};
    scratch.write("bad.json", bad.dump(2));
    r = cli({"exercise", "import", "bad.json"}, "third.sqlite");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("exercises[0].own_figure.props[0].type: unknown prop \"trampoline\""));
    bad["exercises"][0]["own_figure"].erase("props");
    scratch.write("bad.json", bad.dump(2));
    r = cli({"exercise", "import", "bad.json"}, "third.sqlite");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("exercises[0].own_figure.end.pose.right_elbow: 200 is outside 0–150"));
    EXPECT_TRUE(listed("third.sqlite").empty());
}

TEST_F(ExerciseCli, AnEditWithoutAFigureKeepsTheOwnFigureAndAPictureReplacesIt)
{
    json reach = exercise("clinic_overhead_reach", "Overhead reach");
    reach["own_figure"] = {{"start", {{"base", "standing"}, {"pose", {{"right_shoulder", 25}}}}},
                           {"end", {{"pose", {{"right_shoulder", 150}}}}}};
    scratch.write("reach.json", document(json::array({reach})));
    auto r = cli({"exercise", "add", "reach.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("with its own figure"));

    // A new name only: the file says nothing of the figure, so the card keeps it.
    json renamed = exercise("clinic_overhead_reach", "Overhead reach with a stick");
    scratch.write("renamed.json", document(json::array({renamed})));
    r = cli({"exercise", "edit", "renamed.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto list = listed();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["own_figure"], true);
    EXPECT_EQ(list[0]["name"], "Overhead reach with a stick");

    // A picture takes its place.
    scratch.write("photo.png", asText(picture(64, 64, core::PictureType::Png)));
    r = cli({"exercise", "edit", "renamed.json", "--picture", "photo.png"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    list = listed();
    EXPECT_EQ(list[0]["own_figure"], false);
    EXPECT_EQ(list[0]["picture"], true);
}

TEST_F(ExerciseCli, ALargePictureIsScaledDownAndNotAPictureIsRefused)
{
    scratch.write("big.png", asText(picture(2400, 600, core::PictureType::Png)));
    scratch.write("notes.png", "these are notes, not a picture");
    scratch.write("wall_slide.json", document(json::array({exercise("clinic_wall_slide", "Wall slide")})));

    auto r = cli({"exercise", "add", "wall_slide.json", "--picture", "notes.png"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("--picture: the file is not a PNG or JPEG picture"));
    EXPECT_TRUE(listed().empty()); // nothing half-saved

    r = cli({"exercise", "add", "wall_slide.json", "--picture", "big.png"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"exercise", "export", "-o", "out.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json pictureJson = json::parse(readFile(scratch.file("out.json")))["exercises"][0]["picture"];
    EXPECT_EQ(pictureJson["type"], "image/png");
    EXPECT_EQ(pictureJson["width"], 1200);
    EXPECT_EQ(pictureJson["height"], 300);
}

TEST_F(ExerciseCli, AFileWithBadShapesIsRefusedWholeWithEachProblemsPath)
{
    json bad = json::array({exercise("clinic_wall_slide", "Wall slide"), exercise("step_down", "Step down"),
                            exercise("bird_dog_ours", "Bird dog")});
    bad[1]["steps"][0] = 7;
    bad[1]["dose"]["sets"] = 40;
    bad[2]["picture"] = {{"type", "image/png"}, {"width", 10}, {"height", 10}, {"data", "not base64"}};
    scratch.write("bad.json", document(bad));
    const auto r = cli({"exercise", "import", "bad.json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("exercises[1].steps[0]: "));
    EXPECT_THAT(r.err, HasSubstr("exercises[1].dose.sets: 40 is outside 1–10"));
    EXPECT_THAT(r.err, HasSubstr("exercises[2].picture.data: not base64"));
    EXPECT_THAT(r.err, Not(HasSubstr("exercises[0]")));
    EXPECT_TRUE(listed().empty());
}

TEST_F(ExerciseCli, AFileWithBadContentIsRefusedWholeWithEachProblemsPath)
{
    auto truncated = picture(64, 64, core::PictureType::Png);
    truncated.resize(truncated.size() / 2);
    json bad = json::array({exercise("clinic_wall_slide", "Wall slide"),
                            exercise("kneeling_hip_flexor_stretch", "Our hip flexor stretch"),
                            exercise("step_down", "Step down"), exercise("bird_dog_ours", "Bird dog")});
    bad[0]["harder"] = {"step_down"}; // another exercise of the same file: fine
    bad[2]["picture"] = {{"type", "image/png"}, {"width", 64}, {"height", 64},
                         {"data", exchange::encodeBase64(truncated)}};
    bad[3]["easier"] = {"no_such_exercise"};
    scratch.write("bad.json", document(bad));
    const auto r = cli({"exercise", "import", "bad.json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("exercises[1].id: kneeling_hip_flexor_stretch is a built-in exercise"));
    EXPECT_THAT(r.err, HasSubstr("exercises[2].picture.data: the PNG file is damaged"));
    EXPECT_THAT(r.err, HasSubstr("exercises[3].easier[0]: there is no exercise no_such_exercise"));
    EXPECT_THAT(r.err, Not(HasSubstr("exercises[0]")));
    EXPECT_TRUE(listed().empty());
}

TEST_F(ExerciseCli, ABuiltinIdIsRefusedAndAnEditNeedsAnExistingExercise)
{
    scratch.write("ours.json", document(json::array({exercise("kneeling_hip_flexor_stretch", "Our stretch")})));
    auto r = cli({"exercise", "add", "ours.json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("exercises[0].id: kneeling_hip_flexor_stretch is a built-in exercise; choose another id"));

    scratch.write("new.json", document(json::array({exercise("clinic_wall_slide", "Wall slide")})));
    r = cli({"exercise", "edit", "new.json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("there is no clinic exercise clinic_wall_slide to edit"));
    r = cli({"exercise", "retire", "kneeling_hip_flexor_stretch"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("is a built-in exercise; only the clinic's own can be retired"));
}

TEST_F(ExerciseCli, ARetiredExerciseLeavesTheLibraryButStaysReadableAndExported)
{
    scratch.write("photo.png", asText(picture(300, 200, core::PictureType::Png)));
    scratch.write("wall_slide.json", document(json::array({exercise("clinic_wall_slide", "Wall slide")})));
    ASSERT_EQ(cli({"exercise", "add", "wall_slide.json", "--picture", "photo.png"}).exitCode, 0);
    auto edited = exercise("clinic_wall_slide", "Wall slide, shallow");
    scratch.write("edited.json", document(json::array({edited})));
    auto r = cli({"exercise", "edit", "edited.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("with its picture")); // an edit keeps the picture

    r = cli({"library"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Wall slide, shallow"));

    r = cli({"exercise", "retire", "clinic_wall_slide"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Wall slide, shallow is retired"));
    r = cli({"library"});
    EXPECT_THAT(r.out, Not(HasSubstr("Wall slide")));

    const json list = listed();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["retired"], true);
    EXPECT_EQ(list[0]["picture"], true);
    r = cli({"exercise", "list"});
    EXPECT_THAT(r.out, HasSubstr("retired (kept for past programs)"));
    EXPECT_THAT(r.out, HasSubstr("2 of 5"));
    EXPECT_THAT(r.out, HasSubstr("strengthen"));

    r = cli({"exercise", "export", "-o", "out.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(readFile(scratch.file("out.json")))["exercises"][0]["retired"], true);

    r = cli({"exercise", "retire", "clinic_wall_slide", "--undo"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(cli({"library"}).out, HasSubstr("Wall slide, shallow"));
}

TEST_F(ExerciseCli, TheHandoutsOfPlanIssueAndAReprintShowTheClinicExercisesPicture)
{
    // Weak gluteus medius (3+) on the left: the planner picks the clinic's level-1 side-lying lift.
    scratch.write("a.json", R"({
  "format": "hiprx-assessment/1",
  "patient": {"id": "MRN-0042", "name": "Lena Fischer", "birth_date": "1961-04-02", "sex": "female"},
  "visit": {"date": "2026-11-20", "clinician": "J. Park, PT", "affected_side": "left", "complaint": "stiff hip"},
  "rom": {"left": {"hip_flexion": 105, "hip_extension": 0}, "right": {"hip_flexion": 120, "hip_extension": 15}},
  "pain": {"nprs_now": 4, "nprs_best_24h": 2, "nprs_worst_24h": 6, "irritability": "moderate"},
  "tests": {"left": {"thomas_iliopsoas": "positive"}, "right": {"thomas_iliopsoas": "negative"}},
  "strength": {"left": {"gluteus_medius": "3+"}, "right": {"gluteus_medius": "5"}}
})");
    json lift = exercise("clinic_side_lying_lift", "Side-lying lift");
    lift["targets"] = {"gluteus_medius"};
    lift["level"] = 1;
    lift["sided"] = true;
    lift.erase("video_url"); // a QR code is drawn, not embedded; keep the page's only image the picture
    scratch.write("lift.json", document(json::array({lift})));
    scratch.write("photo.png", asText(picture(240, 160, core::PictureType::Png)));
    auto r = cli({"exercise", "add", "lift.json", "--picture", "photo.png"});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    const auto hasImage = [&](const std::string& file) {
        return readFile(scratch.file(file)).find("/Subtype /Image") != std::string::npos;
    };
    r = cli({"plan", "a.json", "--pdf", scratch.file("plan.pdf").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_THAT(r.out, HasSubstr("Side-lying lift (strengthening, left)"));
    EXPECT_TRUE(hasImage("plan.pdf")) << "plan --pdf: the card shows the picture";

    r = cli({"import", "a.json", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string visit = std::to_string(json::parse(r.out).at("visit_id").get<std::int64_t>());
    r = cli({"issue", visit});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_EQ(cli({"pdf", visit, "--out", scratch.file("issued.pdf").string()}).exitCode, 0);
    EXPECT_TRUE(hasImage("issued.pdf")) << "issue: the stored handout shows the picture";

    // Retired later, the exercise still shows its picture when the issued program is printed again.
    ASSERT_EQ(cli({"exercise", "retire", "clinic_side_lying_lift"}).exitCode, 0);
    r = cli({"pdf", visit, "--large-print", "--out", scratch.file("large.pdf").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(hasImage("large.pdf")) << "pdf --large-print: the reprint shows the picture";
    EXPECT_THAT(r.err, Not(HasSubstr("warning")));
}

} // namespace hiprx::test
