// SPDX-License-Identifier: GPL-3.0-or-later
#include "render_fixtures.h"

#include <string>

namespace hiprx::render::fixtures {
namespace {

using core::ExerciseKind;
using core::ExerciseSide;

struct Base {
    const char* name;
    ExerciseKind kind;
    ExerciseSide side;
    const char* start;
    std::vector<std::string> steps;
    const char* cue;
    const char* stop;
    core::Dose dose;
    std::vector<std::string> equipment;
    const char* video;
};

// Invented for tests: wording is ours, doses are plausible, nothing here is clinical advice.
const std::vector<Base>& bases()
{
    static const std::vector<Base> list = {
        {"Kneeling hip flexor stretch",
         ExerciseKind::Stretch,
         ExerciseSide::Left,
         "Kneel on a cushion on your left knee, right foot flat in front of you.",
         {"Tuck your tailbone under a little.",
          "Shift your body forward until you feel a pull at the front of your left hip.",
          "Hold still and breathe.", "Come back slowly."},
         "Keep your back tall; do not lean forward.",
         "you feel pinching at the front of the hip.",
         {1, 3, 30, 0, 1, 7, "", ""},
         {"mat or cushion"},
         "https://example.org/v/hip-flexor-stretch"},
        {"Bridge",
         ExerciseKind::Strengthen,
         ExerciseSide::Both,
         "Lie on your back, knees bent, feet flat and hip-width apart.",
         {"Squeeze your buttocks.",
          "Lift your hips until your body is in a straight line from knees to shoulders.",
          "Hold for a moment, then lower slowly."},
         "Push through your heels.",
         "your lower back hurts more than a mild ache.",
         {2, 10, 3, 60, 1, 5, "", ""},
         {"mat"},
         ""},
        {"Side-lying leg lift",
         ExerciseKind::Strengthen,
         ExerciseSide::Right,
         "Lie on your left side with your lower knee bent and your top leg straight.",
         {"Turn your top toes slightly down.", "Lift the top leg a hand's width, leading with the heel.",
          "Lower it slowly."},
         "Keep your top hip rolled slightly forward.",
         "you feel pain on the outside of the hip.",
         {3, 12, 0, 45, 1, 5, "light ankle weight (0.5 kg)", ""},
         {"mat", "ankle weight"},
         ""},
        {"Clamshell with band",
         ExerciseKind::Strengthen,
         ExerciseSide::Left,
         "Lie on your right side, knees bent, a band just above the knees.",
         {"Keep your feet together.", "Open the top knee like a clam.", "Close slowly."},
         "Do not let your pelvis roll back.",
         "the hip clicks painfully.",
         {2, 15, 0, 30, 1, 5, "yellow band", "Slow on the way down."},
         {"mat", "exercise band"},
         ""},
        {"Hamstring stretch with a strap",
         ExerciseKind::Stretch,
         ExerciseSide::Both,
         "Lie on your back with a strap around one foot.",
         {"Straighten the leg up towards the ceiling.", "Stop at a gentle pull behind the thigh.",
          "Hold, then swap legs."},
         "Keep the other leg flat on the floor.",
         "you feel tingling or burning down the leg.",
         {1, 3, 30, 0, 2, 7, "", "each leg"},
         {"strap or towel"},
         "https://example.org/v/hamstring-strap"},
        {"Cat and camel",
         ExerciseKind::Mobility,
         ExerciseSide::None,
         "Kneel on hands and knees.",
         {"Round your back up like a cat.", "Then let it sag gently while you lift your head.",
          "Move slowly between the two."},
         "Move only as far as is comfortable.",
         "you feel sharp back pain.",
         {1, 10, 0, 0, 2, 7, "", ""},
         {"mat"},
         ""},
        {"Dead bug",
         ExerciseKind::Strengthen,
         ExerciseSide::None,
         "Lie on your back, arms up, hips and knees bent at right angles.",
         {"Flatten your lower back gently into the floor.", "Lower one arm and the opposite leg slowly.",
          "Come back and switch sides."},
         "Keep your lower back touching the floor.",
         "your back arches or hurts.",
         {2, 8, 0, 60, 1, 4, "", "each side"},
         {"mat"},
         ""},
        {"Figure-4 stretch lying down",
         ExerciseKind::Stretch,
         ExerciseSide::Right,
         "Lie on your back, knees bent, right ankle over your left knee.",
         {"Hold behind your left thigh.", "Pull it gently towards you.",
          "Feel the stretch in the right buttock."},
         "Keep your head and shoulders relaxed on the floor.",
         "you feel pain in the groin.",
         {1, 3, 45, 0, 1, 7, "", ""},
         {"mat"},
         ""},
        {"Side plank on knees",
         ExerciseKind::Strengthen,
         ExerciseSide::Left,
         "Lie on your left side propped on your forearm, knees bent.",
         {"Lift your hips off the floor.", "Keep your body in a straight line.", "Lower gently."},
         "Elbow under your shoulder.",
         "your shoulder hurts.",
         {3, 1, 20, 40, 1, 4, "", ""},
         {"mat"},
         ""},
        {"Sit to stand",
         ExerciseKind::Strengthen,
         ExerciseSide::Both,
         "Sit near the front of a firm chair.",
         {"Lean forward over your toes.", "Stand up without using your hands.", "Sit back down slowly."},
         "Knees stay in line with your toes.",
         "your knees or hips hurt sharply.",
         {2, 8, 0, 60, 2, 7, "", ""},
         {"firm chair"},
         ""},
        {"Bird dog",
         ExerciseKind::Strengthen,
         ExerciseSide::None,
         "Kneel on hands and knees.",
         {"Reach one arm forward and the opposite leg back.", "Hold without twisting.", "Switch sides."},
         "Keep your back flat, like a table.",
         "your back hurts.",
         {2, 10, 5, 30, 1, 5, "", ""},
         {"mat"},
         ""},
        {"Heel slides",
         ExerciseKind::Mobility,
         ExerciseSide::Left,
         "Lie on your back with both legs straight.",
         {"Slide your left heel towards your buttock.", "Slide it back out."},
         "Move smoothly.",
         "the hip feels blocked or painful.",
         {1, 15, 0, 0, 3, 7, "", ""},
         {},
         ""},
        {"Standing hip hinge",
         ExerciseKind::Mobility,
         ExerciseSide::None,
         "Stand with feet hip-width apart, a broom handle along your back.",
         {"Bend at the hips, pushing your bottom back.",
          "Keep the stick touching your head, upper back and tailbone.", "Stand up tall again."},
         "Bend at the hips, not the back.",
         "you feel pain down a leg.",
         {2, 10, 0, 60, 1, 3, "", ""},
         {"broom handle"},
         ""},
    };
    return list;
}

core::ProgramItem item(const Base& b, std::size_t round)
{
    core::ProgramItem it;
    it.exerciseId = b.name;
    it.name = b.name;
    if (round > 0)
        it.name += " — variation " + std::to_string(round + 1);
    it.kind = b.kind;
    it.side = b.side;
    it.dose = b.dose;
    it.startPosition = b.start;
    it.steps = b.steps;
    it.keyCue = b.cue;
    it.stopIf = b.stop;
    it.equipment = b.equipment;
    it.videoUrl = b.video;
    return it;
}

} // namespace

core::Branding clinic()
{
    core::Branding b;
    b.clinicName = "Harbourside Physio & Movement";
    b.address = "12 Quay Lane, Portbury PB1 4QX";
    b.phone = "01632 960 123";
    b.email = "hello@harbourside-physio.example";
    b.website = "harbourside-physio.example";
    b.accentColor = "#1F6F8B";
    b.therapistName = "Maren Solberg";
    b.therapistCredentials = "PT, DPT";
    return b;
}

core::Program program(std::size_t count)
{
    core::Program p;
    const auto& list = bases();
    for (std::size_t i = 0; i < count; ++i)
        p.items.push_back(item(list[i % list.size()], i / list.size()));
    if (!p.items.empty())
        p.items.front().notes = "Start with two holds if three feel like too many, and build up over a week.";
    return p;
}

core::Referral referral(core::Urgency level)
{
    core::Referral r;
    r.level = level;
    switch (level) {
    case core::Urgency::None:
        break;
    case core::Urgency::Emergency:
        r.warnings.push_back({"saddle_anaesthesia",
                              {},
                              core::Urgency::Emergency,
                              "clinician text",
                              "You told us about numbness around your bottom and new trouble passing urine.",
                              "R-RF-SADDLE"});
        r.warnings.push_back({"unexplained_weight_loss",
                              {},
                              core::Urgency::Urgent,
                              "clinician text",
                              "You have lost weight without trying.",
                              "R-RF-WEIGHT"});
        break;
    case core::Urgency::Urgent:
        r.warnings.push_back({"night_pain",
                              {},
                              core::Urgency::Urgent,
                              "clinician text",
                              "Your pain wakes you at night and does not ease when you change position.",
                              "R-RF-NIGHT"});
        break;
    case core::Urgency::Routine:
        r.warnings.push_back({"bilateral_symptoms",
                              {},
                              core::Urgency::Routine,
                              "clinician text",
                              "You sometimes feel pins and needles in both feet.",
                              "R-RF-BILAT"});
        break;
    }
    return r;
}

HomeProgramInput input(const std::string& patientName, std::size_t count, core::Urgency level)
{
    HomeProgramInput in;
    in.patient.name = patientName;
    in.date = "2026-11-20";
    in.branding = clinic();
    in.referral = referral(level);
    in.program = program(count);
    in.program.referralLevel = level;
    in.program.withheld = level == core::Urgency::Emergency;
    return in;
}

HomeProgramInput posteriorHipReplacementSample()
{
    HomeProgramInput in;
    in.patient.name = "Margaret O'Neill";
    in.date = "5 November 2026";
    const auto exercise = [](const char* id, const char* name, ExerciseKind kind, ExerciseSide side,
                             const char* start, std::vector<std::string> steps, const char* cue, const char* stop,
                             core::Dose dose, std::vector<std::string> equipment) {
        core::ProgramItem it;
        it.exerciseId = id;
        it.figureId = id;
        it.name = name;
        it.kind = kind;
        it.side = side;
        it.startPosition = start;
        it.steps = std::move(steps);
        it.keyCue = cue;
        it.stopIf = stop;
        it.dose = std::move(dose);
        it.equipment = std::move(equipment);
        return it;
    };
    in.program.items = {
        exercise("standing_hip_flexor_stretch", "Standing hip flexor stretch", ExerciseKind::Stretch, ExerciseSide::Left,
                 "Stand tall beside a chair or kitchen counter and hold it with one hand.",
                 {"Step the leg you stretch a short step back and lift its heel.",
                  "Tuck your tailbone under and squeeze the buttock of the back leg.",
                  "Push your hips forward a little until you feel a gentle stretch at the front of the back hip.",
                  "Hold and breathe, then step back to the start."},
                 "Keep the step short and the tuck on. You should feel the stretch in the front of the hip, not "
                 "the back.",
                 "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling.",
                 {1, 3, 45, 0, 1, 7, "", ""}, {"chair or counter for support"}),
        exercise("seated_isometric_hip_abduction", "Seated outer hip press", ExerciseKind::Strengthen,
                 ExerciseSide::None,
                 "Sit tall on a chair with your feet flat and a belt or band fastened around your thighs just above "
                 "the knees.",
                 {"Push both knees gently out against the belt.", "Hold the push while you breathe normally.",
                  "Relax slowly.", "Rest a few seconds before the next push."},
                 "Push gently. The knees should barely move.", "Stop if you feel sharp pain in your hip or groin.",
                 {1, 5, 10, 0, 1, 3, "", "Rest a few seconds between pushes."}, {"chair", "belt or band"}),
        exercise("glute_sets", "Buttock squeezes", ExerciseKind::Strengthen, ExerciseSide::None,
                 "Sit tall on a chair or lie on your back on a bed, whichever is more comfortable.",
                 {"Squeeze both buttocks together firmly.", "Hold the squeeze while you breathe normally.",
                  "Let go slowly and rest for a few seconds.", "Repeat the squeeze."},
                 "Squeeze the buttocks only. Keep your tummy and legs relaxed.",
                 "Stop if the squeeze brings on sharp pain in your hip or back.",
                 {1, 10, 5, 0, 1, 3, "", "Rest a few seconds between squeezes."}, {"chair or bed"}),
    };
    core::Analysis analysis;
    analysis.precautions = {core::Precaution::ThaPosterior};
    in.takeCare = core::patientCareLines(analysis);
    return in;
}

std::filesystem::path templatesDir()
{
    return std::filesystem::path(HIPRX_SOURCE_DIR) / "templates";
}

} // namespace hiprx::render::fixtures
