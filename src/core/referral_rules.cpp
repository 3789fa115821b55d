// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every red flag has a tier (the vocabulary's default urgency) and two texts: one telling the
// clinician what the flag may mean and what to do, one telling the patient in plain words. The tiers
// follow the IFOMPT framework (Finucane 2020, JOSPT), NHS Lothian pathways and NICE CKS (db/SOURCES.md):
// emergency = same day (emergency department / on-call team), urgent = medical review within days
// before loading exercise, routine = mention to the doctor and continue cautious care.
//
// Combinations raise the tier where two findings together describe one serious condition. The
// suspected_aaa flag on its own records a suspicion (risk profile, pain not reproduced by movement,
// pulsatile mass) and is urgent (ultrasound within days); with severe unrelenting pain or an inability
// to stand it may be expanding or leaking, which is a same-day emergency.
#include "core/referral_rules.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace hiprx::core {

namespace {


struct FlagRule {
    RedFlag flag;
    Urgency level;
    std::string_view rule;
    std::string_view clinician;
    std::string_view patient;
    std::string_view source;
};

constexpr FlagRule kFlagRules[] = {
    {RedFlag::SaddleAnaesthesia, Urgency::Emergency, "R-FLAG-SADDLE-ANAESTHESIA",
     "Saddle numbness can be an early sign of cauda equina syndrome: arrange same-day emergency assessment "
     "(emergency department or on-call spinal team) and do not start exercise.",
     "Numbness around your bottom or between your legs must be checked today. Go to an emergency department "
     "now.",
     "NHS Lothian RefHelp, Serious lumbar spine conditions: red flags; AHCPR 1994 red-flag table (NCBI "
     "Bookshelf NBK52120)"},
    {RedFlag::BladderBowelDysfunction, Urgency::Emergency, "R-FLAG-BLADDER-BOWEL",
     "New retention, incontinence or loss of bowel control with back pain may mean cauda equina compression: "
     "same-day emergency referral.",
     "New trouble passing or holding urine or stools must be checked today. Go to an emergency department now.",
     "NHS Lothian RefHelp, Serious lumbar spine conditions: red flags; AHCPR 1994 red-flag table (NCBI "
     "Bookshelf NBK52120)"},
    {RedFlag::BilateralNeuroSymptoms, Urgency::Emergency, "R-FLAG-BILATERAL-NEURO",
     "New numbness, tingling or weakness in both legs (or one-sided symptoms that have become two-sided) "
     "suggests a central problem (cauda equina or cord) rather than one nerve root: same-day emergency "
     "assessment. Long-standing leg symptoms on walking that ease on sitting (spinal stenosis) are not this "
     "flag: record them as radiating pain or numbness.",
     "Numbness, tingling or weakness in both legs must be checked today. Go to an emergency department now.",
     "NHS Lothian RefHelp, Serious lumbar spine conditions: red flags"},
    {RedFlag::ProgressiveNeuroDeficit, Urgency::Emergency, "R-FLAG-PROGRESSIVE-NEURO",
     "Worsening weakness or numbness needs same-day discussion with the on-call spinal or neurosurgical team.",
     "Weakness or numbness that is getting worse must be checked today. Go to an emergency department now.",
     "NHS Lothian, primary-care lumbar red flags (discuss with the on-call neurosurgical team; the page "
     "gives no time frame, so same day is HipRx's reading)"},
    {RedFlag::SexualDysfunctionNew, Urgency::Emergency, "R-FLAG-SEXUAL-DYSFUNCTION",
     "New sexual dysfunction with back pain is a possible cauda equina sign: same-day emergency assessment.",
     "A new change in sexual function together with back pain must be checked today. Go to an emergency "
     "department now.",
     "NHS Lothian RefHelp, Serious lumbar spine conditions: red flags"},
    {RedFlag::HistoryOfCancer, Urgency::Urgent, "R-FLAG-CANCER",
     "A past or current cancer is the most consistent risk factor for spinal malignancy: ask for medical "
     "review within days before loading exercise.",
     "Because you have had cancer, please see your doctor about this pain before you start the exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NHS Gloucestershire G-Care, lumbar red flags; "
     "calling it the most consistent flag is recalled from Finucane 2020, JOSPT, not checked"},
    {RedFlag::UnexplainedWeightLoss, Urgency::Urgent, "R-FLAG-WEIGHT-LOSS",
     "Unexplained weight loss with back or hip pain raises the chance of malignancy or systemic disease: "
     "medical review within days.",
     "Losing weight without trying should be checked by your doctor. Please see them before you start the "
     "exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120)"},
    {RedFlag::FeverOrUnwell, Urgency::Urgent, "R-FLAG-FEVER",
     "Fever, chills or feeling systemically unwell with the pain may mean infection: prompt medical review.",
     "A fever or feeling generally unwell along with this pain should be checked by a doctor before you start "
     "the exercises. If you feel much worse, get help the same day.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NHS Gloucestershire G-Care, lumbar red flags"},
    {RedFlag::IvDrugUseOrImmunosuppressed, Urgency::Urgent, "R-FLAG-INFECTION-RISK",
     "IV drug use, immunosuppression or a recent bacterial infection raise the risk of spinal or joint "
     "infection: medical review within days.",
     "Because of your health history, please see a doctor about this pain before you start the exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NHS Gloucestershire G-Care, lumbar red flags"},
    {RedFlag::SignificantTrauma, Urgency::Urgent, "R-FLAG-TRAUMA",
     "Pain that began with a fall, accident or blow needs a fracture screen (imaging if indicated) before "
     "any loading.",
     "Your pain started after a fall or an injury. Please have a doctor check for a broken bone before you "
     "start the exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NHS Lothian vertebral fragility fracture pathway"},
    {RedFlag::UnableToBearWeight, Urgency::Emergency, "R-FLAG-NON-WEIGHT-BEARING",
     "Unable to bear weight: a fracture (including a stress fracture), septic arthritis, collapse of the "
     "femoral head or, in a young person, a slipped epiphysis until proven otherwise, with or without a "
     "fall. Same-day medical assessment and imaging; keep weight off the leg.",
     "You cannot put weight on your leg. This must be checked today: go to an emergency department or urgent "
     "care now and keep weight off the leg (use crutches if you have them).",
     "Kocher 1999, JBJS (non-weight-bearing as a septic-arthritis criterion); Peck 2017, Am Fam Physician "
     "(slipped capital femoral epiphysis); same day for adults is clinical consensus, not from a trial"},
    {RedFlag::OsteoporosisOrSteroids, Urgency::Routine, "R-FLAG-OSTEOPOROSIS",
     "Osteoporosis or long-term corticosteroids raise fracture risk: keep the osteoporosis precautions (no "
     "loaded or end-range spinal flexion, no end-range twisting) and mention it at routine medical review.",
     "Because your bones may be more fragile, follow the exercise instructions closely and tell your doctor "
     "about this pain at your next visit.",
     "Giangregorio 2014, Osteoporos Int (Too Fit To Fracture); the routine tier is clinical consensus"},
    {RedFlag::NightPainConstant, Urgency::Routine, "R-FLAG-NIGHT-PAIN",
     "Constant or night pain not eased by rest or a change of position is non-mechanical. On its own it has "
     "little diagnostic value; mention it at routine medical review and ask again about cancer, weight loss "
     "and fever. With any of those, or over 50, it is urgent.",
     "Pain that keeps going at night should be mentioned to your doctor at your next visit. If you also lose "
     "weight without trying or feel feverish, see them within a few days.",
     "Finucane 2020, JOSPT (IFOMPT framework: single red flags have little diagnostic accuracy, clusters "
     "matter); AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120)"},
    {RedFlag::AgeOver50NewPain, Urgency::Routine, "R-FLAG-AGE-OVER-50",
     "A first episode after 50 slightly raises the chance of a serious cause; it matters mostly with other "
     "flags (cancer, weight loss, trauma). Review if it does not improve.",
     "Because this pain is new after the age of 50, let your doctor know about it, especially if it is not "
     "getting better.",
     "AHCPR 1994 red-flag table, NCBI Bookshelf NBK52120 (age over 50 as a malignancy flag)"},
    {RedFlag::RadiatingLegPain, Urgency::Routine, "R-FLAG-RADIATING-PAIN",
     "Pain below the knee suggests nerve-root involvement (sciatica): check neurology, avoid provoking "
     "neural tension, routine medical review if it does not settle.",
     "Pain that travels down your leg should be checked by your doctor if it does not settle. Stop any "
     "exercise that sends pain down the leg.",
     "NICE NG59, Low back pain and sciatica in over 16s: assessment and management"},
    {RedFlag::LegNumbnessTingling, Urgency::Routine, "R-FLAG-NUMBNESS",
     "Numbness or tingling in one leg suggests nerve-root irritation: check dermatomes, reflexes and power; "
     "routine review unless it spreads or weakness appears.",
     "If the numbness or tingling in your leg spreads, gets worse, or comes with weakness, see a doctor "
     "straight away.",
     "NICE Clinical Knowledge Summaries, Sciatica (lumbar radiculopathy)"},
    {RedFlag::LegWeakness, Urgency::Urgent, "R-FLAG-LEG-WEAKNESS",
     "New weakness in one leg: test myotomes; a grade of 3/5 or less, or weakness that is getting worse, "
     "needs urgent neurosurgical discussion.",
     "New weakness in your leg should be seen by a doctor soon. Please see them before you start the "
     "exercises.",
     "NHS Lothian, primary-care lumbar red flags (motor grade ≤ 3: urgent neurosurgical discussion)"},
    {RedFlag::SeverePainNoRelief, Urgency::Routine, "R-FLAG-SEVERE-PAIN",
     "Severe pain not eased by rest or simple painkillers: review the diagnosis and pain relief with the "
     "doctor.",
     "If your pain stays severe even with rest and painkillers, please see your doctor.",
     "Clinical consensus, not from a trial (a warning sign common to patient-education material)"},
    {RedFlag::NoImprovement, Urgency::Routine, "R-FLAG-NO-IMPROVEMENT",
     "No improvement after some weeks of care: reconsider the diagnosis and refer for medical review "
     "(failure to improve after about a month is also a malignancy screening item).",
     "Because your pain has not improved, please book a check-up with your doctor.",
     "NHS Gloucestershire G-Care, lumbar red flags (no improvement after about a month)"},
    {RedFlag::ChildHipPainLimp, Urgency::Urgent, "R-FLAG-CHILD-HIP",
     "Hip, groin, thigh or knee pain or a limp in a child or adolescent may be a slipped capital femoral "
     "epiphysis or Perthes disease: X-rays (AP and frog-leg) before any stretching or loading.",
     "Hip or knee pain or a limp in a young person needs a doctor's check and an X-ray before you start "
     "any exercises.",
     "Peck 2017, Am Fam Physician (slipped capital femoral epiphysis); the Perthes age range is recalled, "
     "not checked"},
    {RedFlag::InflammatoryBackPainFeatures, Urgency::Routine, "R-FLAG-INFLAMMATORY",
     "Features of inflammatory back pain (onset before 45, over 3 months, morning stiffness over 30 minutes, "
     "better with exercise not rest, waking in the second half of the night, alternating buttock pain): ask "
     "the doctor for a rheumatology opinion (axial spondyloarthritis). Exercise continues.",
     "Some features of your back pain are worth a check by a joint specialist (rheumatologist). Please ask "
     "your doctor for a referral. Keep moving and keep exercising: movement helps this kind of pain.",
     "NICE NG65, Spondyloarthritis in over 16s: diagnosis and management (referral criteria)"},
    {RedFlag::CalfSwellingOrPain, Urgency::Emergency, "R-FLAG-CALF-DVT",
     "A swollen, painful or warm calf after surgery or a period of immobility may be a deep-vein thrombosis: "
     "same-day medical assessment (Wells score, ultrasound); no exercise until it is ruled out.",
     "A swollen or painful calf after an operation must be checked today because it can be a blood clot. Go "
     "to an emergency department or urgent care now. If you become short of breath or have chest pain, "
     "call emergency services.",
     "NICE NG158, Venous thromboembolic diseases: diagnosis and management (suspected DVT: assess the same "
     "day)"},
    {RedFlag::WoundRednessOrDischarge, Urgency::Urgent, "R-FLAG-WOUND",
     "Redness, heat, swelling or discharge at a surgical wound may be a wound or joint infection: contact the "
     "surgical team within a day or two (the same day with fever or a rapidly spreading redness).",
     "Your wound looks red or is leaking. Please contact your surgeon's team or your doctor within a day, "
     "before you start or go on with the exercises. If you get a fever or the redness spreads fast, get help today.",
     "NICE NG125, Surgical site infections: prevention and treatment; clinical consensus, not from a trial, "
     "for the time frame"},
    {RedFlag::SuspectedAaa, Urgency::Urgent, "R-FLAG-AAA",
     "Suspected abdominal aortic aneurysm (older smoker, pain not reproduced by movement, pulsatile mass): "
     "urgent ultrasound or vascular referral within days.",
     "Your therapist would like a doctor to check the large blood vessel in your belly. Please see a doctor "
     "in the next few days, before you start the exercises. If you get sudden severe pain or feel faint, "
     "call emergency services.",
     "JOSPT 2014;44(7):500 (AAA case report); RACGP, Australian Family Physician 2013"},
};

struct ComboRule {
    std::string_view id;
    std::string_view rule;
    Urgency level;
    std::string_view condition;
    std::string_view clinician;
    std::string_view patient;
    std::string_view source;
};

enum Combo { kFracture, kFallNonWeightBearing, kMalignancy, kCordCompression, kInfection, kRadiculopathyMotor,
             kAaaSymptomatic, kChildHip, kHipFracture, kScfe, kScfePossible, kNightPainCluster, kFallHipSigns,
             kFallsAssessment, kFragilityFracture, kSepticHip, kPerthes, kWoundInfection, kOsteonecrosis,
             kAdolescentBack };

constexpr ComboRule kComboRules[] = {
    {"possible_fracture", "R-COMBO-FRACTURE", Urgency::Urgent,
     "significant_trauma with osteoporosis_or_steroids, the osteoporosis precaution, or age over 50",
     "Trauma in a person at fracture risk (osteoporosis, long-term steroids or over 50): a fracture is "
     "possible even after minor trauma; arrange imaging before any loading.",
     "After your fall or injury a bone could be broken, even if the injury seemed small. Please see a doctor "
     "for an X-ray before you start the exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NHS Lothian vertebral fragility fracture pathway"},
    {"fall_unable_to_bear_weight", "R-COMBO-FALL-NWB", Urgency::Emergency,
     "significant_trauma with unable_to_bear_weight",
     "Unable to bear weight after trauma: possible hip or pelvic fracture; same-day emergency assessment.",
     "You cannot put weight on your leg after a fall or injury. Go to an emergency department today.",
     "Clinical consensus, not from a trial (suspected hip fracture)"},
    {"malignancy_risk", "R-COMBO-MALIGNANCY", Urgency::Urgent,
     "history_of_cancer with age over 50 or age_over_50_new_pain",
     "Past cancer with new pain after 50 is the combination most linked to spinal metastases: arrange "
     "medical review within days and do not load until cleared; act the same day if neurological signs "
     "appear.",
     "Because you have had cancer and this pain is new, please see your doctor within the next few days, "
     "before you start the exercises. If your legs become weak or numb, or you have trouble with your "
     "bladder or bowels, go to an emergency department straight away.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NICE Clinical Knowledge Summaries, Sciatica "
     "(suspected metastases: review within days)"},
    {"possible_cord_compression", "R-COMBO-CORD-COMPRESSION", Urgency::Emergency,
     "history_of_cancer with leg_weakness, progressive_neuro_deficit, bilateral_neuro_symptoms or "
     "bladder_bowel_dysfunction",
     "Known or past cancer with neurological symptoms: possible metastatic spinal cord compression; same-day "
     "referral (MSCC pathway or emergency department).",
     "Because you have had cancer and now have changes in leg strength, feeling or bladder or bowel control, "
     "go to an emergency department today.",
     "NHS Lothian, metastatic spinal cord compression (MSCC) pathway"},
    {"infection_risk", "R-COMBO-INFECTION", Urgency::Urgent,
     "fever_or_unwell with iv_drug_use_or_immunosuppressed",
     "Fever in a person who injects drugs or is immunosuppressed: possible spinal or joint infection; "
     "medical review the same or next day.",
     "A fever together with your health history means this pain could be an infection. Please see a doctor "
     "today or tomorrow, before you start the exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120); NHS Gloucestershire G-Care, lumbar red flags"},
    {"radiculopathy_with_weakness", "R-COMBO-RADICULOPATHY-MOTOR", Urgency::Urgent,
     "radiating_leg_pain with leg_weakness",
     "Sciatica with motor loss: urgent neurological review (urgent neurosurgical discussion if grade ≤ 3/5 "
     "or getting worse).",
     "Leg pain together with new leg weakness should be seen by a doctor in the next few days. Please see "
     "them before you start the exercises.",
     "NHS Lothian, primary-care lumbar red flags (motor grade ≤ 3: urgent neurosurgical discussion)"},
    {"aaa_symptomatic", "R-COMBO-AAA-SYMPTOMATIC", Urgency::Emergency,
     "suspected_aaa with back, groin or flank pain (or a pain score with no place marked), constant night "
     "pain, severe_pain_no_relief or unable_to_bear_weight",
     "Suspected aneurysm in a person with back, abdominal or flank pain: a symptomatic aneurysm may be "
     "expanding or leaking; same-day vascular assessment (emergency department), do not wait for an "
     "outpatient scan.",
     "The pain together with what was found in your belly could come from a swelling of the large blood "
     "vessel there. This must be checked today. Go to an emergency department now; if the pain becomes "
     "severe or you feel faint, call an ambulance.",
     "NICE NG156, Abdominal aortic aneurysm (symptomatic unruptured: same-day referral to the vascular "
     "service); BMJ Best Practice, abdominal aortic aneurysm (read in an excerpt); JOSPT 2014;44(7):500 (AAA "
     "case report)"},
    {"child_hip_emergency", "R-COMBO-CHILD-HIP", Urgency::Emergency,
     "child_hip_pain_limp with unable_to_bear_weight or fever_or_unwell",
     "Child or adolescent with hip pain who cannot bear weight or has a fever: possible septic arthritis or "
     "unstable slipped epiphysis; same-day emergency assessment.",
     "A young person with hip pain who cannot stand on the leg or has a fever must be seen today. Go to an "
     "emergency department now.",
     "WikEM, paediatric hip pain (Kocher criteria for septic arthritis); Peck 2017, Am Fam Physician"},
    {"suspected_hip_fracture", "R-COMBO-HIP-FRACTURE", Urgency::Emergency,
     "significant_trauma (a fall or minor trauma) at 65 or over, or with osteoporosis or long-term steroids, "
     "plus any of: groin or outer-hip pain, log roll or scour positive, hip flexors graded 2 or less, unable to "
     "bear weight",
     "Suspected hip fracture: a fall in an older or osteoporotic person with hip signs. An impacted fracture "
     "can still bear weight. Same-day emergency assessment with imaging; no exercise, keep weight off the leg.",
     "After your fall the hip may be broken, even though you can move it. This must be checked with an X-ray "
     "today. Go to an emergency department now and keep weight off the leg; if you cannot get there without "
     "walking on it, call an ambulance.",
     "NICE CG124, Hip fracture: management (and NICE hip fracture pathway); clinical consensus, not from a "
     "trial, for the signs listed"},
    {"suspected_scfe", "R-COMBO-SCFE", Urgency::Emergency,
     "8 to 17 (or child_hip_pain_limp recorded without a birth date) with loss of hip internal rotation and a "
     "limp, pain at the "
     "hip, groin, thigh or knee, or the loss on one side (clearly less than the other); or a limp with pain "
     "from hip to knee and internal rotation not measured",
     "Suspected slipped capital femoral epiphysis (or septic hip): same-day emergency or on-call orthopaedic "
     "assessment with AP and frog-leg X-rays, whatever the duration; non-weight-bearing on crutches meanwhile; "
     "no stretching or loading.",
     "The top of the thigh bone may have slipped at its growth plate. This must be checked with an X-ray "
     "today. Go to an emergency department now, keep weight off the leg (use crutches).",
     "Royal Children's Hospital Melbourne clinical practice guideline (SUFE); Queensland Health clinical "
     "prioritisation criteria (every suspected SUFE to the emergency department); Peck 2017, Am Fam "
     "Physician"},
    {"possible_scfe", "R-COMBO-SCFE-POSSIBLE", Urgency::Urgent,
     "8 to 17 with internal rotation under 10° on both sides alike (no limp, no hip-to-knee pain; a mild "
     "symmetric loss is read as normal variation or femoral version)",
     "Loss of hip internal rotation in a young person: exclude a slipped capital femoral epiphysis with AP "
     "and frog-leg X-rays before any loading. If there is a limp or pain at the hip, groin, thigh or knee, "
     "send the same day and keep weight off the leg.",
     "Your hip turns in less than expected for your age. A doctor should check it with an X-ray before you "
     "start the exercises. If you start to limp or have pain in the hip, groin, thigh or knee, go to an "
     "emergency department the same day.",
     "Peck 2017, Am Fam Physician (obligatory external rotation and lost internal rotation in SCFE); Royal "
     "Children's Hospital Melbourne clinical practice guideline (SUFE)"},
    {"night_pain_with_risk", "R-COMBO-NIGHT-PAIN", Urgency::Urgent,
     "night_pain_constant with history_of_cancer, unexplained_weight_loss, fever_or_unwell, no_improvement, "
     "or age over 50",
     "Constant night pain together with another risk factor (cancer history, weight loss, fever, no "
     "improvement, over 50) raises the chance of malignancy or infection: medical review within days before "
     "loading exercise.",
     "Pain at night together with your other symptoms should be checked by a doctor in the next few days. "
     "Please see them before you start the exercises.",
     "Finucane 2020, JOSPT (IFOMPT framework: red flags in clusters); AHCPR 1994 red-flag table (NCBI "
     "Bookshelf NBK52120); NHS Gloucestershire G-Care, lumbar red flags"},
    {"fall_with_hip_signs", "R-COMBO-FALL-HIP-SIGNS", Urgency::Urgent,
     "a fall in the past year (balance) at 65 or over, or with osteoporosis or long-term steroids, plus groin "
     "or outer-hip pain, log roll or scour positive, or hip flexors graded 2 or less, with no injury ticked and the pain not "
     "recorded as older than the falls, and not at a hip already operated on (a hip replacement or a recent hip "
     "fracture recorded)",
     "A fall in the past year with hip signs in an older or osteoporotic person: ask when the fall was and "
     "whether the pain began with it. If it did, treat it as a suspected hip fracture (tick the fall as an "
     "injury): same-day imaging. If the pain is older than the falls, record that (falls and balance); "
     "otherwise medical review within days before loading.",
     "Because you have fallen and your hip hurts, a doctor should check that no bone was broken before you start "
     "the exercises. If the pain started with the fall, go to an emergency department today.",
     "NICE CG124, Hip fracture: management (impacted fractures can still bear weight); clinical consensus, not "
     "from a trial, for asking when the fall was"},
    {"falls_assessment", "R-COMBO-FALLS-ASSESSMENT", Urgency::Routine,
     "two or more falls in the past year, a fall with single-leg stance under 5 s, or single-leg stance under 5 s "
     "at 65 or over",
     "Repeated falls, a fall with poor balance, or poor balance in an older person even without a fall: refer "
     "for a multifactorial falls risk assessment (medicines, vision, blood pressure, bone health, home hazards) "
     "alongside the balance and strength exercises.",
     "Because of your falls or your balance, please ask your doctor about a falls check (for example your "
     "medicines, eyesight and home). Keep a counter or sturdy chair within reach for every "
     "standing exercise.",
     "NICE CG161, Falls in older people: assessing risk and prevention; Montero-Odasso 2022, Age Ageing (World "
     "Falls Guidelines)"},
    {"possible_fragility_fracture", "R-COMBO-FRAGILITY-FRACTURE", Urgency::Urgent,
     "severe_pain_no_relief, or a pain score of 7 or more with low back pain marked, with osteoporosis_or_steroids "
     "or the osteoporosis precaution (no injury needed)",
     "Severe pain that does not settle in a person with fragile bones (osteoporosis or long-term steroids): a "
     "vertebral or pelvic fragility fracture is possible after a strenuous lift, a cough or no remembered "
     "event at all. Medical review with imaging within days, before loading exercise.",
     "Your bones are more fragile than most and this pain is severe. A bone may have cracked, even without a "
     "fall. Please see a doctor in the next few days, before you start the exercises.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120: minor trauma or strenuous lifting in an older or "
     "osteoporotic person); NHS Lothian vertebral fragility fracture pathway"},
    {"septic_hip", "R-COMBO-SEPTIC-HIP", Urgency::Emergency,
     "fever_or_unwell with a painful hip joint: groin pain, or log roll or scour positive",
     "Fever or feeling unwell with a painful, stiff hip: septic arthritis until proven otherwise, at any age "
     "and whatever the duration; same-day emergency assessment (blood tests, aspiration). Do not exercise the "
     "joint.",
     "A fever together with a painful, stiff hip can mean an infection in the joint, which must be treated "
     "quickly. Go to an emergency department today.",
     "Coakley 2006, Rheumatology (BSR/BOA guideline: the hot swollen joint is septic until proven otherwise); "
     "WikEM, paediatric hip pain (Kocher criteria)"},
    {"possible_perthes", "R-COMBO-PERTHES", Urgency::Urgent,
     "under 8 with lost hip internal rotation or abduction and a limp or pain from hip to knee (or the loss on "
     "one side only)",
     "A young child's limp with lost rotation or abduction: Perthes disease's age and picture (about 4–10; a "
     "slipped epiphysis is from about 8). X-rays (AP and frog-leg) within days, no loading or stretching until "
     "then; same day if there is a fever or the child will not bear weight (septic hip).",
     "Your child's hip moves less than it should. A doctor should check it with an X-ray in the next few days, "
     "before any exercises. If your child gets a fever or will not stand on the leg, go to an emergency "
     "department the same day.",
     "WikEM, paediatric hip pain (Perthes in children under 8); Peck 2017, Am Fam Physician (slipped "
     "epiphysis from about 8)"},
    {"wound_infection_with_fever", "R-COMBO-WOUND-FEVER", Urgency::Emergency,
     "wound_redness_or_discharge with fever_or_unwell",
     "A red or discharging surgical wound with fever or feeling unwell: a deep wound or joint infection (an "
     "infected joint replacement) until proven otherwise; same day to the surgical team or the emergency "
     "department.",
     "Your wound is red or leaking and you have a fever or feel unwell. This can mean an infection that needs "
     "treatment today. Contact your surgeon's team now, or go to an emergency department.",
     "NICE NG125, Surgical site infections: prevention and treatment; Coakley 2006, Rheumatology (a hot joint is "
     "septic until proven otherwise)"},
    {"possible_osteonecrosis", "R-COMBO-OSTEONECROSIS", Urgency::Urgent,
     "osteoporosis_or_steroids, under 60, with a painful hip joint (groin pain, or log roll or scour positive) and "
     "no hip replacement recorded",
     "Groin pain with a painful hip joint in a younger adult with the osteoporosis-or-steroids flag: if it is "
     "long-term steroids, avascular necrosis of the femoral head until proven otherwise (if it is osteoporosis "
     "alone, a stress or fragility fracture of the femoral neck). Early X-rays can be normal: ask for an MRI "
     "within days, and no impact or heavy loading until then.",
     "Because of your medicines or your bones, the pain in your groin should be checked with a scan soon. "
     "Please see your doctor in the next few days, before you start the exercises, and avoid jumping or "
     "running until then.",
     "Mont & Lespasio, osteonecrosis of the femoral head (read in summaries: steroids and alcohol the commonest "
     "risks, normal early X-rays, MRI); clinical consensus, not from a trial, for the age limit"},
    {"adolescent_back_pain", "R-COMBO-ADOLESCENT-BACK", Urgency::Routine,
     "under 18 with low back pain",
     "Low back pain under 18 is less often simple: a stress fracture of the pars (spondylolysis, above all in "
     "young athletes who arch the back), or more rarely infection or a tumour. Ask the doctor to assess it; "
     "avoid repeated or loaded arching of the back until then.",
     "Back pain at your age is worth a doctor's check. Please mention it to your doctor; until then, avoid "
     "sports moves that bend your back backwards a lot.",
     "AHCPR 1994 red-flag table (NCBI Bookshelf NBK52120: age under 20); clinical consensus, not from a trial, "
     "for spondylolysis in young athletes"},
};

/// kComboRules' names for the clinician, in the same order.
constexpr std::pair<std::string_view, std::string_view> kComboNames[] = {
    {"possible_fracture", "possible fracture after an injury"},
    {"fall_unable_to_bear_weight", "unable to bear weight after an injury"},
    {"malignancy_risk", "possible spinal malignancy"},
    {"possible_cord_compression", "possible spinal cord compression"},
    {"infection_risk", "possible infection"},
    {"radiculopathy_with_weakness", "sciatica with leg weakness"},
    {"aaa_symptomatic", "possible aortic aneurysm with pain"},
    {"child_hip_emergency", "child's hip pain with fever or unable to bear weight"},
    {"suspected_hip_fracture", "suspected hip fracture"},
    {"suspected_scfe", "suspected slipped capital femoral epiphysis"},
    {"possible_scfe", "possible slipped capital femoral epiphysis"},
    {"night_pain_with_risk", "night pain with other risk factors"},
    {"fall_with_hip_signs", "a fall with hip signs"},
    {"falls_assessment", "falls risk: a falls assessment"},
    {"possible_fragility_fracture", "possible fragility fracture"},
    {"septic_hip", "possible septic arthritis of the hip"},
    {"possible_perthes", "possible Perthes disease"},
    {"wound_infection_with_fever", "a red or leaking wound with fever"},
    {"possible_osteonecrosis", "possible osteonecrosis of the femoral head"},
    {"adolescent_back_pain", "back pain under 18"},
};
static_assert(std::size(kComboNames) == std::size(kComboRules), "every combination needs a name");

std::string_view tierConclusion(Urgency level)
{
    switch (level) {
    case Urgency::Emergency:
        return "emergency: same-day referral, program withheld";
    case Urgency::Urgent:
        return "urgent: medical review within days, before starting exercise";
    case Urgency::Routine:
        return "routine: mention at medical review, continue cautious care";
    case Urgency::None:
        break;
    }
    return "none";
}

const std::vector<RuleInfo>& ruleRows()
{
    static const std::vector<RuleInfo> rows = [] {
        std::vector<RuleInfo> out;
        for (const auto& r : kFlagRules)
            out.push_back({r.rule, label(r.flag), tierConclusion(r.level), r.clinician, r.source});
        for (const auto& c : kComboRules)
            out.push_back({c.rule, c.condition, tierConclusion(c.level), c.clinician, c.source});
        return out;
    }();
    return rows;
}

RedFlagWarning fromCombo(const ComboRule& combo, std::vector<RedFlag> flags,
                         const std::vector<std::string>& evidence = {})
{
    std::string clinician(combo.clinician);
    if (!evidence.empty()) {
        clinician += " Found:";
        for (std::size_t i = 0; i < evidence.size(); ++i)
            clinician += (i ? "; " : " ") + evidence[i];
        clinician += ".";
    }
    return {std::string(combo.id), std::move(flags), combo.level, std::move(clinician),
            std::string(combo.patient),
            std::string(combo.rule)};
}

} // namespace

std::string referralWarningName(std::string_view warningId)
{
    if (const auto flag = fromId<RedFlag>(warningId))
        return std::string(label(*flag));
    for (std::size_t i = 0; i < std::size(kComboNames); ++i)
        if (kComboNames[i].first == warningId && kComboRules[i].id == warningId)
            return std::string(kComboNames[i].second);
    return std::string(warningId);
}

Urgency defaultUrgency(RedFlag flag) noexcept
{
    for (const auto& r : kFlagRules)
        if (r.flag == flag)
            return r.level;
    return Urgency::Urgent;
}

Referral assessReferral(const std::set<RedFlag>& flags, std::optional<int> ageYears,
                        const std::set<Precaution>& precautions)
{
    ReferralFindings findings;
    findings.ageYears = ageYears;
    findings.precautions = precautions;
    return assessReferral(flags, findings);
}

Referral assessReferral(const std::set<RedFlag>& flags, const ReferralFindings& findings)
{
    const auto has = [&](RedFlag flag) { return flags.count(flag) > 0; };
    const std::optional<int>& ageYears = findings.ageYears;
    const bool overFifty = (ageYears && *ageYears > kOlderThan) || has(RedFlag::AgeOver50NewPain);
    const bool fragileBone =
        has(RedFlag::OsteoporosisOrSteroids) || findings.precautions.count(Precaution::Osteoporosis) > 0;
    std::vector<RedFlagWarning> warnings;

    // Combinations first, so that within one level the combined warning reads before its parts.
    if (has(RedFlag::SignificantTrauma)) {
        std::vector<RedFlag> behind{RedFlag::SignificantTrauma};
        if (has(RedFlag::OsteoporosisOrSteroids))
            behind.push_back(RedFlag::OsteoporosisOrSteroids);
        const bool olderForHip = ageYears && *ageYears >= kHipFractureAge;
        std::vector<std::string> signs = findings.fractureSigns;
        if (has(RedFlag::UnableToBearWeight))
            signs.push_back("unable to bear weight");
        if ((olderForHip || fragileBone) && !signs.empty()) {
            std::vector<std::string> evidence;
            if (olderForHip)
                evidence.push_back("age " + std::to_string(*ageYears));
            if (fragileBone)
                evidence.push_back("osteoporosis or long-term steroids");
            evidence.insert(evidence.end(), signs.begin(), signs.end());
            std::vector<RedFlag> hipFlags = behind;
            if (has(RedFlag::UnableToBearWeight))
                hipFlags.push_back(RedFlag::UnableToBearWeight);
            warnings.push_back(fromCombo(kComboRules[kHipFracture], hipFlags, evidence));
        }
        if (behind.size() > 1 || (ageYears && *ageYears > kOlderThan) || fragileBone)
            warnings.push_back(fromCombo(kComboRules[kFracture], behind));
        if (has(RedFlag::UnableToBearWeight))
            warnings.push_back(fromCombo(kComboRules[kFallNonWeightBearing],
                                         {RedFlag::SignificantTrauma, RedFlag::UnableToBearWeight}));
    }

    // A fall recorded only under balance (nobody ticked an injury) with hip signs in an older or
    // osteoporotic person: the fall may be the injury. Urgent, asking when it was.
    // Not when the clinician recorded that the pain began before the falls: the falls then need a
    // falls assessment (below), and the hip signs are read as the long-standing problem they are.
    // Nor for signs at a hip already operated on: the fall that broke it, or one before the operation,
    // is behind its pain (a fall since the operation is ticked as an injury, which the rule above weighs).
    if (!has(RedFlag::SignificantTrauma) && findings.fallsPastYear > 0 && !findings.fractureSignsUnoperated.empty() &&
        !findings.painBeforeFalls && ((ageYears && *ageYears >= kHipFractureAge) || fragileBone)) {
        std::vector<std::string> evidence{std::to_string(findings.fallsPastYear) +
                                          (findings.fallsPastYear == 1 ? " fall" : " falls") + " in the past year"};
        if (ageYears)
            evidence.push_back("age " + std::to_string(*ageYears));
        evidence.insert(evidence.end(), findings.fractureSignsUnoperated.begin(),
                        findings.fractureSignsUnoperated.end());
        warnings.push_back(fromCombo(kComboRules[kFallHipSigns], {}, evidence));
    }
    // NICE CG161: a multifactorial assessment for recurrent falls, a fall with poor balance, or a gait or
    // balance problem in an older person even without a fall.
    const bool olderWithPoorBalance = findings.poorStance && ageYears && *ageYears >= kHipFractureAge;
    if (findings.fallsPastYear >= 2 || (findings.fallsPastYear >= 1 && findings.poorStance) || olderWithPoorBalance) {
        std::vector<std::string> evidence;
        if (findings.fallsPastYear > 0)
            evidence.push_back(std::to_string(findings.fallsPastYear) +
                               (findings.fallsPastYear == 1 ? " fall" : " falls") + " in the past year");
        if (olderWithPoorBalance && findings.fallsPastYear == 0)
            evidence.push_back("age " + std::to_string(*ageYears));
        if (findings.poorStance)
            evidence.push_back("single-leg stance under 5 s");
        warnings.push_back(fromCombo(kComboRules[kFallsAssessment], {}, evidence));
    }

    // A slipped epiphysis: a child or adolescent (by age, or by the flag when no birth date) with lost
    // internal rotation. With a limp (the flag) or hip-to-knee pain it is same-day.
    // A slipped epiphysis can be painless or felt only in the thigh or knee, so lost rotation on one side
    // is enough; a limp with hip-to-knee pain and no rotation measured has not excluded it. A mild loss
    // alike on both sides with no symptoms is normal variation or femoral version, not a slip; a severe
    // one (under 10° on both sides) still needs an X-ray.
    const bool child = (ageYears && *ageYears < kChildAgeBelow) || (!ageYears && has(RedFlag::ChildHipPainLimp));
    const bool symptoms = has(RedFlag::ChildHipPainLimp) || !findings.hipToKneePain.empty();
    const bool notMeasured = !findings.rotationMeasured && has(RedFlag::ChildHipPainLimp) &&
                             !findings.hipToKneePain.empty();
    // What a child's hip warning lists: the age, the limp, where it hurts, the rotation lost.
    const auto childHipEvidence = [&] {
        std::vector<std::string> evidence;
        if (ageYears)
            evidence.push_back("age " + std::to_string(*ageYears));
        if (has(RedFlag::ChildHipPainLimp))
            evidence.push_back("hip pain or limp recorded");
        evidence.insert(evidence.end(), findings.hipToKneePain.begin(), findings.hipToKneePain.end());
        evidence.insert(evidence.end(), findings.rotationLoss.begin(), findings.rotationLoss.end());
        return evidence;
    };
    const std::vector<RedFlag> childFlags =
        has(RedFlag::ChildHipPainLimp) ? std::vector<RedFlag>{RedFlag::ChildHipPainLimp} : std::vector<RedFlag>{};
    const bool youngChild = ageYears && *ageYears < kSlippedEpiphysisFromAge;
    const bool movementLost = !findings.rotationLoss.empty() || !findings.abductionLoss.empty();
    if (youngChild) {
        if ((movementLost && (symptoms || findings.rotationLossOneSided)) || notMeasured) {
            std::vector<std::string> evidence = childHipEvidence();
            evidence.insert(evidence.end(), findings.abductionLoss.begin(), findings.abductionLoss.end());
            if (notMeasured)
                evidence.push_back("hip internal rotation not measured");
            warnings.push_back(fromCombo(kComboRules[kPerthes], childFlags, evidence));
        }
    } else if (child && (!findings.rotationLoss.empty() || notMeasured)) {
        std::vector<std::string> evidence = childHipEvidence();
        if (notMeasured)
            evidence.push_back("hip internal rotation not measured, so a slip is not excluded");
        if (symptoms || findings.rotationLossOneSided)
            warnings.push_back(fromCombo(kComboRules[kScfe], childFlags, evidence));
        else if (findings.severeRotationLoss)
            warnings.push_back(fromCombo(kComboRules[kScfePossible], childFlags, evidence));
    }

    if (has(RedFlag::HistoryOfCancer)) {
        std::vector<RedFlag> neuro{RedFlag::HistoryOfCancer};
        for (RedFlag flag : {RedFlag::LegWeakness, RedFlag::ProgressiveNeuroDeficit, RedFlag::BilateralNeuroSymptoms,
                             RedFlag::BladderBowelDysfunction})
            if (has(flag))
                neuro.push_back(flag);
        if (neuro.size() > 1)
            warnings.push_back(fromCombo(kComboRules[kCordCompression], neuro));
        if (overFifty) {
            std::vector<RedFlag> behind{RedFlag::HistoryOfCancer};
            if (has(RedFlag::AgeOver50NewPain))
                behind.push_back(RedFlag::AgeOver50NewPain);
            warnings.push_back(fromCombo(kComboRules[kMalignancy], behind));
        }
    }
    if (has(RedFlag::NightPainConstant)) {
        std::vector<RedFlag> behind{RedFlag::NightPainConstant};
        for (RedFlag flag : {RedFlag::HistoryOfCancer, RedFlag::UnexplainedWeightLoss, RedFlag::FeverOrUnwell,
                             RedFlag::NoImprovement, RedFlag::AgeOver50NewPain})
            if (has(flag))
                behind.push_back(flag);
        std::vector<std::string> evidence;
        if (ageYears && *ageYears > kOlderThan)
            evidence.push_back("age " + std::to_string(*ageYears));
        if (behind.size() > 1 || !evidence.empty())
            warnings.push_back(fromCombo(kComboRules[kNightPainCluster], behind, evidence));
    }
    if (has(RedFlag::FeverOrUnwell) && has(RedFlag::IvDrugUseOrImmunosuppressed))
        warnings.push_back(
            fromCombo(kComboRules[kInfection], {RedFlag::FeverOrUnwell, RedFlag::IvDrugUseOrImmunosuppressed}));
    if (has(RedFlag::RadiatingLegPain) && has(RedFlag::LegWeakness))
        warnings.push_back(
            fromCombo(kComboRules[kRadiculopathyMotor], {RedFlag::RadiatingLegPain, RedFlag::LegWeakness}));
    // Fragile bone with severe pain (ticked as unrelieved, or low back pain scored 7 or more): a fragility
    // fracture needs no injury to be ticked (a strenuous lift, a cough).
    const bool severeBackPain = findings.backPain && findings.worstPain >= 7;
    if (fragileBone && (has(RedFlag::SeverePainNoRelief) || severeBackPain) && !has(RedFlag::SignificantTrauma)) {
        std::vector<RedFlag> behind;
        if (has(RedFlag::SeverePainNoRelief))
            behind.push_back(RedFlag::SeverePainNoRelief);
        if (has(RedFlag::OsteoporosisOrSteroids))
            behind.push_back(RedFlag::OsteoporosisOrSteroids);
        warnings.push_back(fromCombo(kComboRules[kFragilityFracture], behind,
                                     severeBackPain ? std::vector<std::string>{"pain scored " + std::to_string(findings.worstPain) +
                                                                               "/10 with low back pain marked"}
                                                    : std::vector<std::string>{}));
    }
    if (has(RedFlag::WoundRednessOrDischarge) && has(RedFlag::FeverOrUnwell))
        warnings.push_back(fromCombo(kComboRules[kWoundInfection],
                                     {RedFlag::WoundRednessOrDischarge, RedFlag::FeverOrUnwell}));
    if (has(RedFlag::OsteoporosisOrSteroids) && findings.hipJointPain && ageYears && *ageYears < 60 &&
        !findings.precautions.count(Precaution::ThaPosterior) && !findings.precautions.count(Precaution::ThaAnterior) &&
        !findings.precautions.count(Precaution::ThaLateral))
        warnings.push_back(fromCombo(kComboRules[kOsteonecrosis], {RedFlag::OsteoporosisOrSteroids}, findings.hipJointSigns));
    if (ageYears && *ageYears < kChildAgeBelow && findings.backPain)
        warnings.push_back(fromCombo(kComboRules[kAdolescentBack], {}, {"age " + std::to_string(*ageYears)}));
    // NICE NG156: a symptomatic aneurysm (abdominal, back or flank pain) goes to the vascular service the
    // same day; only a suspicion without pain waits for an urgent scan.
    if (has(RedFlag::SuspectedAaa)) {
        std::vector<RedFlag> behind{RedFlag::SuspectedAaa};
        for (RedFlag flag : {RedFlag::SeverePainNoRelief, RedFlag::UnableToBearWeight, RedFlag::NightPainConstant})
            if (has(flag))
                behind.push_back(flag);
        if (behind.size() > 1 || findings.aneurysmPain)
            warnings.push_back(fromCombo(kComboRules[kAaaSymptomatic], behind,
                                         findings.aneurysmPain ? std::vector<std::string>{"back, groin or flank pain"}
                                                               : std::vector<std::string>{}));
    }
    // An infected hip: fever with a painful or stiff hip joint, at any age (a child's limp with fever is
    // the combination below as well).
    if (has(RedFlag::FeverOrUnwell) && findings.hipJointPain) {
        std::vector<RedFlag> behind{RedFlag::FeverOrUnwell};
        if (has(RedFlag::IvDrugUseOrImmunosuppressed))
            behind.push_back(RedFlag::IvDrugUseOrImmunosuppressed);
        warnings.push_back(fromCombo(kComboRules[kSepticHip], behind, findings.hipJointSigns));
    }
    if (has(RedFlag::ChildHipPainLimp)) {
        std::vector<RedFlag> behind{RedFlag::ChildHipPainLimp};
        for (RedFlag flag : {RedFlag::UnableToBearWeight, RedFlag::FeverOrUnwell})
            if (has(flag))
                behind.push_back(flag);
        if (behind.size() > 1)
            warnings.push_back(fromCombo(kComboRules[kChildHip], behind));
    }

    for (const auto& r : kFlagRules)
        if (has(r.flag))
            warnings.push_back({std::string(toId(r.flag)), {r.flag}, r.level, std::string(r.clinician),
                                std::string(r.patient),
                                std::string(r.rule)});

    std::stable_sort(warnings.begin(), warnings.end(),
                     [](const RedFlagWarning& x, const RedFlagWarning& y) { return x.level > y.level; });
    Referral referral;
    referral.level = warnings.empty() ? Urgency::None : warnings.front().level;
    referral.warnings = std::move(warnings);
    return referral;
}

std::span<const RuleInfo> referralRules() noexcept { return ruleRows(); }

} // namespace hiprx::core
