// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every exercise of the built-in library (db/exercises.json) has a figure file under
// assets/figures/ that loads (joints inside their anatomical ranges), and its drawing stays inside
// its box at card size and in a wide and a tall box.
#include "core/exercise.h"
#include "exchange/figure_json.h"
#include "exchange/json_format.h"
#include "recording_canvas.h"
#include "render/figure_drawer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

using namespace hiprx;

namespace {

std::vector<core::Exercise> builtinExercises()
{
    std::ifstream in(HIPRX_SOURCE_DIR "/db/exercises.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return exchange::readExercises(text.str(), true);
}

const std::map<std::string, core::FigureSpec>& figures()
{
    static const auto all = exchange::readFigureDir(HIPRX_SOURCE_DIR "/assets/figures");
    return all;
}

} // namespace

TEST(FigureCoverage, EveryExerciseHasAFigureFile)
{
    const auto exercises = builtinExercises();
    ASSERT_GE(exercises.size(), 90U);
    for (const auto& e : exercises) {
        EXPECT_FALSE(e.figureId.empty()) << e.id << " names no figure";
        EXPECT_TRUE(figures().count(e.figureId)) << e.id << ": no assets/figures/" << e.figureId << ".json";
    }
}

TEST(FigureCoverage, EveryFigureFileBelongsToAnExercise)
{
    std::set<std::string> used;
    for (const auto& e : builtinExercises())
        used.insert(e.figureId);
    for (const auto& [id, spec] : figures())
        EXPECT_TRUE(used.count(id)) << "assets/figures/" << id << ".json is used by no exercise";
}

TEST(FigureCoverage, EveryPoseIsAnatomicallyPossible)
{
    for (const auto& [id, spec] : figures()) {
        EXPECT_TRUE(core::checkPose(spec.start, spec.view, "start").empty()) << id;
        EXPECT_TRUE(core::checkPose(spec.end, spec.view, "end").empty()) << id;
    }
}

TEST(FigureCoverage, EveryFigureDrawsInsideItsBox)
{
    const render::FigureStyle style;
    for (const auto& [id, spec] : figures())
        for (const render::Box& box : {render::Box{30, 40, 110, 90}, render::Box{0, 0, 400, 80},
                                       render::Box{0, 0, 60, 160}}) {
            for (const bool mirrored : {false, true}) {
                render::testing::RecordingCanvas canvas;
                render::drawFigure(spec, canvas, box, style, mirrored);
                EXPECT_TRUE(canvas.inside(box)) << id << (mirrored ? " (mirrored)" : "") << " leaves its "
                                                << box.width << "x" << box.height << " box";
            }
        }
}

TEST(FigureCoverage, MovingFiguresShowAnArrowPoint)
{
    // A figure whose two frames differ must say which body point the arrow follows, so the
    // patient sees the direction of the movement.
    for (const auto& [id, spec] : figures()) {
        if (spec.start.angles != spec.end.angles || spec.start.shiftX != spec.end.shiftX) {
            EXPECT_TRUE(spec.arrow) << id << " moves but has no arrow";
        }
    }
}

namespace {

/// What a start-position text says about the body, and the base postures that draw it. A text
/// may name more than one ("sit at the end of a bed and lie back"): the figure must start in a
/// posture one of its phrases allows.
struct PosturePhrase {
    std::string_view phrase;
    std::set<std::string_view> bases;
};

const std::vector<PosturePhrase>& posturePhrases()
{
    static const std::vector<PosturePhrase> phrases = {
        {"hands and knees", {"quadruped"}},
        {"kneel", {"kneeling", "half_kneeling", "quadruped"}},
        {"lie face down", {"prone", "supine_front"}}, // supine_front: lying on the back or front seen from above
        {"lie on your side", {"side_lying"}},
        {"lie on the side", {"side_lying"}},
        {"lie on the working side", {"side_lying"}},
        {"lie on your back", {"supine", "hook_lying", "supine_front"}},
        {"lie back", {"supine", "hook_lying"}},
        {"chair", {"sitting_chair", "sitting_chair_front", "standing", "standing_front"}},
        {"sit", {"sitting_chair", "sitting_chair_front", "sitting_floor", "sitting_floor_front", "long_sitting"}},
        {"stand", {"standing", "standing_front", "standing_above"}},
    };
    return phrases;
}

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// The start base of a figure file (the spec keeps only the solved pose).
std::string startBase(const std::string& id)
{
    std::ifstream in(HIPRX_SOURCE_DIR "/assets/figures/" + id + ".json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str());
    return json.at("start").at("base").get<std::string>();
}

} // namespace

TEST(FigurePosture, EveryFigureStartsInThePostureItsStartTextDescribes)
{
    for (const auto& e : builtinExercises()) {
        const std::string text = lower(e.startPosition);
        const std::string base = startBase(e.figureId);
        std::set<std::string_view> allowed;
        bool sitOnChair = text.find("sit") != std::string::npos && text.find("chair") != std::string::npos;
        for (const auto& p : posturePhrases()) {
            if (text.find(p.phrase) == std::string::npos)
                continue;
            // "Sit … chair" is sitting; "stand … beside a chair" is standing: a chair alone says neither.
            if (p.phrase == "chair" && !sitOnChair)
                continue;
            for (const auto b : p.bases)
                if (p.phrase != "chair" || b.substr(0, 7) == "sitting")
                    allowed.insert(b);
        }
        ASSERT_FALSE(allowed.empty()) << e.id << ": no posture phrase in \"" << e.startPosition << "\"";
        EXPECT_TRUE(allowed.count(base)) << e.id << " starts as " << base << " but its start text says \""
                                         << e.startPosition << "\"";
    }
}

TEST(FigurePosture, PropsTheStartTextReliesOnAreDrawn)
{
    // word in the start text → prop kinds that show it (a counter or door is drawn as a wall)
    const std::vector<std::pair<std::string_view, std::set<core::PropKind>>> words = {
        {"chair", {core::PropKind::Chair, core::PropKind::Wall, core::PropKind::Bench}},
        {"wall", {core::PropKind::Wall, core::PropKind::Bench}},
        {"counter", {core::PropKind::Wall, core::PropKind::Bench}},
        {"low step", {core::PropKind::Step}},
        {"stair", {core::PropKind::Step}},
        {"foam roller", {core::PropKind::Roller, core::PropKind::SmallBall}}, // "a foam roller or a massage ball"
        {"exercise ball", {core::PropKind::Ball}},
        {"massage ball", {core::PropKind::SmallBall}},
        {"band", {core::PropKind::Band}},
        {"belt", {core::PropKind::Band, core::PropKind::Strap}},
        {"strap", {core::PropKind::Strap}},
        {"pillow", {core::PropKind::Pillow, core::PropKind::SmallBall}},
        {"towel", {core::PropKind::Towel, core::PropKind::Strap, core::PropKind::Pillow, core::PropKind::SmallBall}},
    };
    for (const auto& e : builtinExercises()) {
        const std::string text = lower(e.startPosition);
        const auto& spec = figures().at(e.figureId);
        for (const auto& entry : words) {
            // Named references, not a structured binding: clang 14 (the asan preset) cannot capture
            // a binding in the lambda below.
            const auto& word = entry.first;
            const auto& kinds = entry.second;
            if (text.find(word) == std::string::npos)
                continue;
            // "Sit on a chair or lie on your back": the figure shows the second choice.
            if (word == "chair" && text.find(" or lie") != std::string::npos)
                continue;
            const bool drawn = std::any_of(spec.props.begin(), spec.props.end(),
                                           [&](const core::Prop& p) { return kinds.count(p.kind) != 0; });
            EXPECT_TRUE(drawn) << e.id << ": the start text names a " << word << " the figure does not draw";
        }
    }
}

TEST(FigurePosture, APersonWhoLiesOrSitsOnTheFloorRestsOnIt)
{
    // A figure can start in the right base and still float: the hips a hand above the mat because
    // a foot or a hand reaches lower, the head in the air over a roller. Whoever the start text
    // lays or seats on the floor rests the trunk (pelvis, chest or head) on the floor, the mat, or
    // a support or pillow under it — unless the text rests them on a roller or ball under a limb.
    const std::vector<std::string_view> phrases = {
        "lie on your back", "lie face down", "lie on your side", "lie on the side", "lie on the working side",
        "sit on the floor", "sit on a mat",  "sit on a foam roller",
    };
    for (const auto& e : builtinExercises()) {
        const std::string text = lower(e.startPosition);
        const bool onFloor = std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) {
            return text.find(p) != std::string::npos;
        });
        if (!onFloor)
            continue;
        const auto& spec = figures().at(e.figureId);
        const bool onALimbSupport = std::any_of(spec.props.begin(), spec.props.end(), [](const core::Prop& p) {
            const bool roundSupport = p.kind == core::PropKind::Roller || p.kind == core::PropKind::Ball ||
                                      (p.kind == core::PropKind::SmallBall && p.height == 0);
            return roundSupport && p.at && *p.at != core::BodyPoint::Pelvis && *p.at != core::BodyPoint::Chest &&
                   *p.at != core::BodyPoint::Head;
        });
        if (onALimbSupport)
            continue;
        EXPECT_LE(render::startTrunkGap(spec), 3.0) // 3 % of a standing height: under a millimetre on a card
            << e.id << ": the start text says \"" << e.startPosition << "\" but the figure's trunk floats "
            << render::startTrunkGap(spec) << " units above the floor";
    }
}

namespace {

core::Skeleton solvedEnd(const core::FigureSpec& spec)
{
    return core::solve(spec.end, spec.view);
}

double distance(core::Vec2 a, core::Vec2 b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

TEST(FigureSteps, ThePressOutIsSeenFromAboveWithTheDoorBesideThePerson)
{
    // "Stand side-on to a door with a band anchored at chest height … press your hands straight
    // out in front of your chest": from the side the door could only be behind the person.
    const auto& spec = figures().at("pallof_press");
    ASSERT_EQ(spec.view, core::FigureView::Above);
    EXPECT_EQ(startBase("pallof_press"), "standing_above");
    const auto start = core::solve(spec.start, spec.view);
    const auto end = solvedEnd(spec);
    const auto band = std::find_if(spec.props.begin(), spec.props.end(),
                                   [](const core::Prop& p) { return p.kind == core::PropKind::Band; });
    ASSERT_NE(band, spec.props.end());
    ASSERT_TRUE(band->anchor);
    const double anchorX = start[core::BodyPoint::Pelvis].x + band->anchor->x;
    // Beside: well out to the right of the right shoulder, level with the chest (not in front).
    EXPECT_GT(anchorX, start[core::BodyPoint::RightShoulder].x + 15);
    EXPECT_LT(std::abs(band->anchor->y - start[core::BodyPoint::RightHand].y), 10);
    // The hands start together at the chest and end straight out in front of it.
    EXPECT_LT(distance(start[core::BodyPoint::RightHand], start[core::BodyPoint::LeftHand]), 4);
    EXPECT_LT(distance(end[core::BodyPoint::RightHand], end[core::BodyPoint::LeftHand]), 4);
    EXPECT_LT(start[core::BodyPoint::RightHand].y, 14);
    EXPECT_GT(end[core::BodyPoint::RightHand].y - start[core::BodyPoint::RightHand].y, 15);
    EXPECT_LT(std::abs(end[core::BodyPoint::RightHand].x - start[core::BodyPoint::Pelvis].x), 4) << "straight ahead";
    EXPECT_TRUE(std::any_of(spec.props.begin(), spec.props.end(), [](const core::Prop& p) {
        return p.kind == core::PropKind::Wall && !p.behind; // the door on the right, the band's side
    }));
}

TEST(FigureSteps, TheCowFaceLegsAreCrossedWithTheRightKneeOnTopAndTheFeetBesideTheOtherHips)
{
    const auto& spec = figures().at("cow_face_pose");
    ASSERT_EQ(spec.view, core::FigureView::Front);
    using B = core::BodyPoint;
    const auto s = core::solve(spec.start, spec.view);
    // Front view: the person's right is at −x. The right knee rests above the left knee, both in
    // front of the middle of the body.
    EXPECT_GT(s[B::RightKnee].y, s[B::LeftKnee].y + 4);
    EXPECT_LT(std::abs(s[B::RightKnee].x - s[B::LeftKnee].x), 4);
    EXPECT_LT(std::abs(s[B::RightKnee].x - s[B::Pelvis].x), 4);
    // Each foot lies back beside the other hip: the right foot beyond the left hip and so on.
    EXPECT_GT(s[B::RightAnkle].x, s[B::LeftHip].x + 4);
    EXPECT_LT(s[B::LeftAnkle].x, s[B::RightHip].x - 4);
    // Both hands on the top knee.
    EXPECT_LT(distance(s[B::RightHand], s[B::RightKnee]), 9);
    EXPECT_LT(distance(s[B::LeftHand], s[B::RightKnee]), 9);
}

TEST(FigureSteps, ThePiriformisReleaseEndsWithTheRightAnkleCrossedOverTheLeftKnee)
{
    // "Cross the ankle of the side you work over the other knee" (step 1) while sitting on the
    // ball, leaning back on the hands.
    const auto& spec = figures().at("piriformis_release");
    using B = core::BodyPoint;
    const auto start = core::solve(spec.start, spec.view);
    const auto end = solvedEnd(spec);
    EXPECT_GT(distance(start[B::RightAnkle], start[B::LeftKnee]), 15) << "the start has both feet down";
    EXPECT_LT(distance(end[B::RightAnkle], end[B::LeftKnee]), 8);
    EXPECT_GT(end[B::RightAnkle].y, end[B::LeftKnee].y) << "on top of the knee, not under it";
    EXPECT_EQ(spec.arrow, B::RightAnkle);
    EXPECT_TRUE(std::any_of(spec.props.begin(), spec.props.end(), [](const core::Prop& p) {
        return p.kind == core::PropKind::SmallBall && p.at == core::BodyPoint::Pelvis;
    }));
}

TEST(FigureFormat, TheViewFromAboveIsWrittenAndReadBackTheSame)
{
    const auto& spec = figures().at("pallof_press");
    const std::string text = exchange::writeFigure(spec);
    EXPECT_NE(text.find("\"standing_above\""), std::string::npos) << text;
    const auto back = exchange::readFigure(text, "pallof_press.json", "pallof_press");
    EXPECT_EQ(back, spec);
    EXPECT_EQ(back.view, core::FigureView::Above);
}

namespace {

/// The problems readFigure reports for `text`, one message a line ("" when it reads).
std::string figureProblems(const std::string& text)
{
    try {
        (void)exchange::readFigure(text, "x.json", "x");
    } catch (const InputError& e) {
        std::string all;
        for (const auto& p : e.problems())
            all += p.message + "\n";
        return all;
    }
    return "";
}

} // namespace

TEST(FigureFormat, AViewFromAboveHasItsOwnRangesAndCannotTurnIntoAnotherView)
{
    EXPECT_EQ(figureProblems(R"({"format": "hiprx-figure/1", "exercise": "x",
        "start": {"base": "standing_above", "pose": {"right_shoulder": 110}}})"),
              "");
    // 150° from straight ahead is behind the back: fine as flexion from the side, not from above.
    EXPECT_NE(figureProblems(R"({"format": "hiprx-figure/1", "exercise": "x",
        "start": {"base": "standing_above", "pose": {"right_shoulder": 150}}})")
                  .find("start.pose.right_shoulder: 150 is outside \u221260\u2013120"),
              std::string::npos);
    EXPECT_NE(figureProblems(R"({"format": "hiprx-figure/1", "exercise": "x",
        "start": {"base": "standing_above"}, "end": {"base": "standing"}})")
                  .find("end.base"),
              std::string::npos);
}
