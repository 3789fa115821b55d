// SPDX-License-Identifier: GPL-3.0-or-later
//
// Each rule reads one kind of finding on one side and concludes an impairment on that same side, so
// a left finding can never produce a right impairment. Rules that conclude the same muscle, kind and
// side are merged into one impairment carrying all their evidence. Thresholds and their sources are
// in the rule table below; db/SOURCES.md lists every cited work and what HipRx takes from it.
#include "core/impairment_rules.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace hiprx::core {

namespace {

// The 0–5 grades come from the MRC memorandum; where to call a grade weak is not in it.
constexpr std::string_view kMrcScale =
    "Medical Research Council, Aids to the Investigation of Peripheral Nerve Injuries (0–5 scale); the "
    "below-4 cut-off is clinical consensus, not from a trial";

constexpr RuleInfo kRules[] = {
    {"R-TIGHT-HIPFLEX-EXT", "hip extension below the lower reference limit of the chosen norm set (3° with "
     "Roach & Miles: 19° − 2 SD)", "tight hip flexors, same side",
     "The one-joint hip flexors stop the thigh going behind the body; extension below what almost all "
     "healthy adults reach points to them (or to a tight anterior capsule). A fixed 10° cut-off is not used: "
     "healthy controls averaged only 6.8° of passive extension in Roach 2015",
     "Roach & Miles 1991, Phys Ther (NHANES-I means; SDs recalled); Roach 2015, IJSPT (controls +6.8°, low "
     "back pain −4.2°)"},
    {"R-TIGHT-HIPFLEX-ASYM", "hip extension at least 14° less than the other side",
     "tight hip flexors, the more limited side",
     "A side difference of at least 10° that is also beyond the measurement error (MDC 13°) is unlikely "
     "to be noise",
     "Ellison 1990, Phys Ther (sides within 10° count as equal); Pua 2008, Arch Phys Med Rehabil (SEM 4.7°; "
     "the MDC of 13° is computed by HipRx, not reported in the paper)"},
    {"R-TIGHT-HIPFLEX-THOMAS", "Thomas test (iliopsoas) positive", "tight hip flexors, same side",
     "The thigh not reaching the table in the Thomas position shows short one-joint hip flexors (poor "
     "accuracy without pelvic control, so it is read with the ROM)",
     "EXECP protocol, BMC Sports Sci Med Rehabil 2021 (Table 4); Vigotsky 2016 (PMC4991856: poor accuracy "
     "without pelvic control)"},
    {"R-TIGHT-RECFEM-THOMAS", "modified Thomas (rectus femoris) positive: knee bent less than 80° with the "
     "thigh on the table (Kendall), or less than 67° with the thigh hanging free (EXECP)",
     "tight rectus femoris, same side",
     "A knee that will not bend to the expected angle while the thigh is level shows a short two-joint hip "
     "flexor; the cut-off depends on how the test is done",
     "Kendall, McCreary & Provance, Muscles: Testing and Function (hip-flexor length test, read in a "
     "secondary excerpt); EXECP protocol, BMC Sports Sci Med Rehabil 2021 (knee < 67°)"},
    {"R-TIGHT-RECFEM-ELY", "Ely's test positive", "tight rectus femoris, same side",
     "The hip lifting as the knee is bent prone shows a short rectus femoris (if it reproduces back or "
     "thigh pain, consider femoral nerve irritation instead)",
     "Physiotutors, Ely's test (web summary); Peeler & Anderson 2008 (PMC2547866, reliability)"},
    {"R-TIGHT-TFL-OBER", "Ober's test positive, without outer-hip pain on that side",
     "tight TFL / iliotibial band, same side",
     "A leg that stays up in abduction points to short lateral hip tissues (TFL/ITB, also gluteus "
     "medius/minimus and capsule). With outer-hip pain the test is read as tendon provocation instead",
     "Reese & Bandy 2003, JOSPT (Ober test reliability); test description from clinical web summaries"},
    {"R-TIGHT-TFL-THOMAS", "modified Thomas: thigh drifts into abduction", "tight TFL / iliotibial band, "
     "same side",
     "The thigh drifting out as the hip extends shows a short TFL (a sign, not a length measure)",
     "Kendall, McCreary & Provance, Muscles: Testing and Function (abduction drift is a sign, read in a "
     "secondary excerpt); EXECP protocol, BMC Sports Sci Med Rehabil 2021"},
    {"R-TIGHT-HAM-SLR", "passive straight-leg raise below 70°, no neural signs on that side",
     "tight hamstrings, same side",
     "Below 70° is a strict cut-off for short hamstrings; Kendall's norm is about 80°. Not applied when "
     "neural signs could explain the limit",
     "Gajdosik 1993, JOSPT (SLR in healthy men); Magee (secondary summary: Kendall norm about 80°); the 70° "
     "cut-off is clinical consensus, not from a trial"},
    {"R-TIGHT-HAM-POPLITEAL", "90/90 popliteal angle more than 20° short of full extension, no neural "
     "signs on that side",
     "tight hamstrings, same side",
     "With the hip at 90°, a knee that stays more than 20° short of straight shows short hamstrings",
     "Gajdosik & Lusin 1983, Phys Ther (test–retest reliability); the 20° cut-off comes from a secondary "
     "summary"},
    {"R-NOTE-HAM-NEURAL",
     "low SLR or large popliteal angle with slump positive, SLR positive (radicular pain), radiating leg "
     "pain, numbness/tingling or symptoms in both legs",
     "note: hamstring tightness not concluded",
     "A limit that reproduces nerve symptoms is neural tension, which stretching the hamstrings can "
     "aggravate; treat it as neurodynamic",
     "Gajdosik 1993, JOSPT; Magee (read in a secondary summary): SLR is not a pure hamstring test. "
     "Clinical consensus, not from a trial, for treating reproduced nerve pain as neurodynamic"},
    {"R-NOTE-THOMAS-NORMAL-EXTENSION", "Thomas test (iliopsoas) positive with hip extension measured on that side "
     "at or above the norm set's typical value",
     "note: hip flexor tightness not concluded",
     "Without pelvic control the Thomas test is often positive in hips that extend normally; a measured "
     "extension at or above the typical value outweighs it",
     "Vigotsky 2016 (PMC4991856: poor accuracy without pelvic control); Roach & Miles 1991, Phys Ther "
     "(extension norms)"},
    {"R-NOTE-CHILD-HIP", "an urgent referral for a child's hip (possible Perthes disease or slipped epiphysis, or "
     "a child's limp or hip pain)",
     "note: findings not read as impairments until the X-rays",
     "A child's hip that may have Perthes disease or a slipped epiphysis is not stretched or loaded until it "
     "has been X-rayed; its lost range is the question, not a muscle to treat",
     "Peck 2017, Am Fam Physician; WikEM, paediatric hip pain"},
    {"R-NOTE-PAINFUL-MUSCLE", "a range loss read only from the stretch test of a muscle with pain marked over "
     "it on that side (hamstrings with pain at the back of the thigh, adductors with groin pain)",
     "note: tightness not concluded; no stretching yet",
     "A muscle that hurts stops its own stretch test before its length, as after a strain; stretching a "
     "strained muscle early delays healing, while pain-free isometric work and graded loading restore it",
     "Askling 2013, Br J Sports Med (hamstring strain: loading-based rehabilitation); Hölmich 1999, Lancet "
     "(adductor-related groin pain: active loading); clinical consensus, not from a trial, for holding the "
     "tightness reading"},
    {"R-NOTE-CORE-PAIN-LIMITED", "a short plank or side-bridge hold (and no other trunk finding) while the pain "
     "is highly irritable",
     "note: trunk weakness not concluded",
     "In highly irritable back pain the holds end where it hurts, not where the trunk tires; loading the trunk "
     "now would provoke. Retest when the pain settles",
     "Kelley 2013, JOSPT (high irritability: a narrow tolerable loading zone); McGill 1999, Arch Phys Med Rehabil "
     "(the endurance norms assume a pain-free test)"},
    {"R-PREC-OSTEOPOROSIS-FLAG", "osteoporosis or long-term steroids ticked in the red-flag screen",
     "precaution osteoporosis",
     "Fragile bone is fragile whether it was recorded as a red flag or as a precaution: the same limits on "
     "spinal flexion, twisting and load apply",
     "Giangregorio 2014, Osteoporos Int (Too Fit To Fracture)"},
    {"R-NOTE-HAM-PAIN-LIMITED", "a low straight-leg raise (and no other hamstring finding) while the pain is "
     "highly irritable",
     "note: hamstring tightness not concluded",
     "In highly irritable pain, the straight-leg raise stops where the back or leg starts to hurt and guards, "
     "before the hamstrings reach their length; stretching them would only provoke. Retest when the pain "
     "settles",
     "Kelley 2013, JOSPT (high irritability: pain before end range); Gajdosik 1993, JOSPT and Magee (read in "
     "a secondary summary): SLR is not a pure hamstring test; NICE NG59 (acute low back pain: stay active)"},
    {"R-NEURAL-SCIATIC", "straight-leg raise positive or reproducing the leg pain, slump positive, or a "
     "straight-leg raise below 70° with radicular signs (pain below the knee on that side, radiating leg "
     "pain, numbness or tingling)",
     "reduced sciatic nerve mobility, same side (nerve glides, not stretching)",
     "A test that reproduces the patient's leg symptoms by tensioning the nerve shows a sensitive sciatic "
     "nerve; gentle nerve sliders move it without stretching it, and stretching the leg would load it",
     "Clinical consensus, not from a trial (neurodynamic SLR and nerve sliders); Gajdosik 1993, JOSPT (SLR "
     "is limited by the nerve as well as the hamstrings)"},
    {"R-TIGHT-PIRI-FAIR", "FAIR test positive", "tight or irritable piriformis, same side",
     "Flexion, adduction and internal rotation reproducing buttock pain points to the piriformis / deep "
     "gluteal region; stretch gently if the sciatic nerve is irritable",
     "Fishman 2002 (FAIR test, Sn 0.88, Sp 0.83; read in secondary summaries)"},
    {"R-TIGHT-PIRI-IR-ASYM",
     "hip internal rotation at least 12° less than the other side, with internal rotation and flexion "
     "still within norms, and no sign of a provoked joint on that side (FADIR, scour or log roll positive, "
     "groin pain)",
     "tight piriformis / deep external rotators, the more limited side",
     "The deep external rotators limit internal rotation; a one-sided loss with otherwise normal range "
     "points to them rather than to the joint",
     "Ellison 1990, Phys Ther (sides within 10° count as equal); Cibulka 1998, Spine (one-sided rotation "
     "asymmetry); reading the loss as the rotators is a HipRx design choice"},
    {"R-TIGHT-ADD-ABD", "hip abduction below the lower reference limit of the chosen norm set (20° with "
     "Roach & Miles: 42° − 2 SD)",
     "tight adductors, same side",
     "The adductors are the main check on abduction; a value below what almost all healthy adults reach is "
     "limited",
     "Roach & Miles 1991, Phys Ther (NHANES-I mean; SD recalled)"},
    {"R-TIGHT-ADD-ASYM", "hip abduction at least 12° less than the other side", "tight adductors, the "
     "more limited side",
     "A side difference of at least 10° and beyond the MDC (11°) is unlikely to be measurement noise",
     "Ellison 1990, Phys Ther (10° rule); Pua 2008, Arch Phys Med Rehabil (MDC computed by HipRx)"},
    {"R-NOTE-FABER", "FABER (Patrick) positive", "note: pain provocation of the hip joint, sacroiliac joint "
     "or pelvic girdle; not a length test",
     "FABER provokes the hip joint, the sacroiliac joint and the pelvic girdle; it does not measure adductor "
     "length (that needs abduction below its limit). Read it with where the pain is felt",
     "BJSM consensus table, Br J Sports Med (FABER accuracy for hip pain); Vleeming 2008, Eur Spine J "
     "(pelvic girdle pain tests)"},
    {"R-WEAK-GMED-MMT", "gluteus medius manual muscle test below 4", "weak gluteus medius, same side",
     "Grade below 4/5 for hip abduction is hip-abductor weakness",
     "Medical Research Council, Aids to the Investigation of Peripheral Nerve Injuries (0–5 scale); "
     "Allison 2016, Med Sci Sports Exerc (abductor weakness with lateral hip pain)"},
    {"R-WEAK-MMT-ASYM", "a manual muscle test graded 4/5 on one side and 5/5 on the other",
     "weak, the lower side (the muscle tested)",
     "Grade 4 holds only against moderate resistance: a full grade below a normal other side is weakness of "
     "that side, even though 4/5 alone is not read as weak",
     "Medical Research Council, Aids to the Investigation of Peripheral Nerve Injuries (0–5 scale; grade 4: "
     "movement against some resistance); side-to-side comparison is clinical consensus, not from a trial"},
    {"R-WEAK-GMED-TREND", "Trendelenburg sign positive (standing on the tested leg)",
     "weak gluteus medius, stance side",
     "The opposite side of the pelvis dropping in single-leg stance shows the stance-side abductors "
     "cannot hold the pelvis level",
     "Bird 2001 (Trendelenburg accuracy for gluteus medius tears; read in a secondary summary)"},
    {"R-WEAK-GMAX-MMT", "gluteus maximus manual muscle test below 4", "weak gluteus maximus, same side",
     "Grade below 4/5 for hip extension is hip-extensor weakness",
     kMrcScale},
    {"R-WEAK-HIPFLEX-MMT", "hip flexor manual muscle test below 4", "weak hip flexors, same side",
     "Grade below 4/5 is weakness", kMrcScale},
    {"R-WEAK-ADD-MMT", "adductor manual muscle test below 4", "weak adductors, same side",
     "Grade below 4/5 is weakness", kMrcScale},
    {"R-WEAK-HAM-MMT", "hamstring manual muscle test below 4", "weak hamstrings, same side",
     "Grade below 4/5 is weakness", kMrcScale},
    {"R-WEAK-QUAD-MMT", "quadriceps manual muscle test below 4", "weak quadriceps, same side",
     "Grade below 4/5 is weakness", kMrcScale},
    {"R-WEAK-HIPER-MMT", "hip external rotator manual muscle test below 4",
     "weak piriformis / deep external rotators, same side", "Grade below 4/5 is weakness",
     kMrcScale},
    {"R-WEAK-CORE-PLANK", "prone plank hold under 30 s", "weak core (trunk endurance)",
     "Under 30 s is well below the non-athlete mean of 83 s (and the men's mean minus one SD, 52 s); the "
     "cut-off is lenient because the norms come from young adults",
     "Strand 2014, J Hum Kinet (prone plank norms); the 30 s cut-off is a HipRx design choice"},
    {"R-WEAK-CORE-SIDEBRIDGE", "side-bridge hold under 25 s on either side", "weak core (trunk endurance)",
     "Under 25 s is less than half of the 54–55 s reported for healthy adults",
     "Anderson 2014 (side-bridge means 54–55 s, via the MAT Assessment web summary; McGill 1999 reports "
     "ratios, not these means); the 25 s cut-off is a HipRx design choice"},
    {"R-WEAK-CORE-SIDEBRIDGE-ASYM",
     "side-bridge hold on one side more than 10% (and at least 3 s) shorter than the other",
     "weak core (trunk endurance), asymmetric",
     "Healthy side bridges are about equal (ratio ≈ 1.0); a clear side difference is a lateral "
     "endurance deficit. 10% rather than McGill's quoted 5% allows for stopwatch error",
     "McGill 1999, Arch Phys Med Rehabil; ratio targets via the MAT Assessment web summary (McGill's 5% "
     "threshold is recalled, not checked)"},
    {"R-WEAK-CORE-RATIO",
     "trunk flexor / extensor hold ratio at or above 1.0, or side bridge / extensor at or above 0.75",
     "weak core (trunk endurance imbalance)",
     "McGill's healthy ratios are flexor/extensor under 1.0 and side bridge/extensor under 0.75",
     "McGill 1999, Arch Phys Med Rehabil; ratio targets via the MAT Assessment web summary"},
    {"R-TIGHT-CAPSULE-IR", "hip internal rotation below the lower reference limit for the test position "
     "(supine 14°, prone 19°, sitting 22°: the position's mean − 2 SD)",
     "hip joint / capsular restriction, same side (mobility, not stretching)",
     "Internal rotation is the movement a stiff joint or capsule loses first; loss below what healthy hips "
     "reach in the same position points to the joint (OA, FAI) or femoral retroversion, not to a muscle",
     "Kouyoumdjian 2012, Orthop Traumatol Surg Res (rotation means by position); Simoneau 1998, JOSPT "
     "(position changes rotation); Klässbo 2003, Physiother Res Int (capsular pattern)"},
    {"R-TIGHT-CAPSULE-IRFLEX", "hip internal rotation under 15° (or below its limit, or clearly less than the "
     "other side) together with flexion of 115° or less",
     "hip joint / capsular restriction, same side (mobility, not stretching); the extension and abduction "
     "losses on that side are read as the joint's",
     "Lost internal rotation (under 15°, below its limit or clearly less than the other side) with flexion "
     "of 115° or less is the range pattern of the ACR clinical criteria for hip OA; a stiff joint also limits extension and abduction, so those losses are not "
     "read as tight muscles",
     "Altman 1991, Arthritis Rheum (ACR hip-OA criteria: IR < 15°, flexion ≤ 115°; read in a secondary "
     "summary); Cyriax capsular pattern, re-examined by Klässbo 2003, Physiother Res Int"},
    {"R-NOTE-CAPSULE", "hip joint / capsular restriction concluded",
     "note: joint mobility rather than muscle stretching",
     "A joint-level restriction is not changed by stretching muscles; use joint mobility work and check "
     "femoral version (Craig's test) before chasing the range",
     "Magee, Craig's test for femoral version (read in a secondary summary); Klässbo 2003, "
     "Physiother Res Int"},
    {"R-CAUTION-INTRA-ARTICULAR", "FADIR, scour or log roll positive",
     "avoid hip flexion past 90°, adduction past the midline and internal rotation",
     "A positive intra-articular test means deep flexion with adduction and internal rotation is likely "
     "to provoke the joint (impingement, labrum)",
     "Reiman 2015 (FADIR pooled accuracy, read in a secondary summary); Pålsson 2020, KSSTA"},
    {"R-CAUTION-GLUTEAL-TENDON", "outer-hip pain with Ober, FABER or Trendelenburg positive on that side",
     "gluteal tendinopathy picture: avoid crossing the midline, pressure on the outer hip and standing on the "
     "painful leg alone; no ITB stretching",
     "Lateral hip pain provoked by these tests suggests gluteal tendinopathy; adduction and pressure "
     "compress the tendons against the trochanter, and standing on the painful leg alone lets the hip drop "
     "into adduction under body weight (it is the single-leg stance test), so the program avoids them and "
     "loads the abductors in neutral, the painful leg pressing out while the other one stands",
     "Grimaldi 2015, Sports Med (tendon compression in adduction); Mellor 2018, BMJ (LEAP trial: education "
     "and loading); Grimaldi 2017, Br J Sports Med (clinical tests: 30 s single-leg stance); Allison 2016, "
     "Gait Posture (more hip adduction in single-leg stance)"},
    {"R-CAUTION-OUTER-HIP-PAIN", "outer-hip pain with no Ober, FABER or Trendelenburg positive on that side",
     "outer-hip pain not yet explained: avoid crossing the midline and pressure on the outer hip",
     "Gluteal tendinopathy is the commonest cause of pain at the outer hip; until the tests have excluded it, "
     "stretches across the midline and pressure on the outer hip compress the tendons against the "
     "trochanter for little gain, so the program leaves them out",
     "Grimaldi 2015, Sports Med (tendon compression in adduction); Grimaldi 2017, Br J Sports Med (clinical "
     "tests)"},
    {"R-CAUTION-PELVIC-GIRDLE", "pregnancy with pain at the sacroiliac joint, buttock or groin, or FABER "
     "positive",
     "pregnancy-related pelvic girdle pain: avoid full weight on one leg and wide leg positions",
     "Asymmetric loading and wide abduction shear the pelvic joints that pregnancy has loosened and make "
     "pelvic girdle pain worse",
     "Vleeming 2008, Eur Spine J (European guidelines for pelvic girdle pain); clinical consensus for the "
     "positions to avoid"},
    {"R-WEAK-BALANCE", "a fall in the past year, or single-leg stance under 5 s on either side",
     "poor standing balance (supported balance training)",
     "Falls and a short single-leg stance mark poor balance; balance training with a support at hand is the "
     "exercise that prevents falls",
     "Sherrington 2019, Cochrane (balance and functional exercise prevent falls); Hurvitz 2000, Arch Phys Med "
     "Rehabil (single-leg stance under 5 s)"},
    {"R-NOTE-HYPERMOBILITY", "hypermobility recorded with a muscle read as tight",
     "note: in a hypermobile person favour strength and control; stretch gently, never hanging at end range",
     "In hypermobile people a muscle that tests tight is often guarding a lax joint; hanging in stretches adds "
     "laxity without benefit, while strength and control of the range protect the joint",
     "Clinical consensus, not from a trial (the clinical fact base, hypermobility: favour strength and motor "
     "control over end-range passive stretching)"},
    {"R-PREC-FALL-RISK", "a fall in the past year, or single-leg stance under 5 s on either side",
     "precaution fall_risk: balance work only with a support at hand",
     "A recent fall or poor single-leg balance marks a raised risk of falling; unsupported one-leg work, "
     "lunges and swinging movements are left out until balance is trained with support",
     "Sherrington 2019, Cochrane (exercise to prevent falls); Hurvitz 2000, Arch Phys Med Rehabil "
     "(single-leg stance under 5 s and falls)"},
    {"R-CAUTION-URGENT-REFERRAL", "urgent referral (medical review within days)",
     "until cleared: no swinging, heavy loading, deep end-range stretching, loaded spinal flexion or "
     "end-range twisting",
     "An urgent referral means possible serious pathology (fracture, malignancy, infection, nerve compression); "
     "the program stays gentle until a doctor has seen the patient, so it never contradicts the warning",
     "Finucane 2020, JOSPT (IFOMPT framework); clinical consensus, not from a trial"},
    {"R-NOTE-EMERGENCY", "emergency referral", "note: findings not read as impairments until cleared",
     "In a suspected fracture, slipped epiphysis, cauda equina or infection the range and strength findings "
     "reflect the acute condition; reading them as tight muscles or a stiff joint would mislead",
     "Finucane 2020, JOSPT (IFOMPT framework: serious pathology first); clinical consensus, not from a trial"},
    {"R-NOTE-INTRA-ARTICULAR", "FADIR, scour or log roll positive",
     "note: orthopaedic opinion if symptoms persist",
     "Persistent mechanical hip symptoms with positive joint tests deserve an orthopaedic opinion",
     "Clinical consensus, not from a trial"},
    {"R-NOTE-OPERATED-HIP", "a hip replacement (any approach) or a recent hip fracture or fixation recorded",
     "note: range and length findings on the operated side (the visit's affected side; both sides when it is "
     "not recorded) are not read as tight muscles or a stiff joint; weakness still is",
     "While the precautions of a recent hip operation or fracture are in force, the operated hip's range is "
     "held back by the healing wound and capsule, swelling, pain and guarding, and by the precautions "
     "themselves; it returns with walking and strengthening. Reading it as tight muscles would prescribe "
     "stretches or rolling over the healing tissues",
     "Clinical consensus, not from a trial (usual rehabilitation after hip replacement: follow the surgeon's "
     "protocol, strengthen within the precautions, about 6 weeks); hip-replacement precaution guides from "
     "surgeons' and therapists' web pages"},
};

const std::string kDeg = "°";

std::string sideId(Side side) { return std::string(toId(side)); }

std::string gradeText(const StrengthGrade& grade)
{
    std::string text = std::to_string(grade.base);
    if (grade.modifier > 0)
        text += '+';
    else if (grade.modifier < 0)
        text += '-';
    return text;
}

const RuleInfo& rule(std::string_view id)
{
    for (const auto& info : kRules)
        if (info.id == id)
            return info;
    return kRules[0]; // unreachable: every id used below is in the table (a test checks this)
}

std::optional<int> romOf(const Assessment& a, Side side, Movement movement)
{
    const auto& values = a.rom[side];
    const auto it = values.find(movement);
    return it == values.end() ? std::nullopt : std::optional<int>(it->second);
}

const TestResult* testOf(const Assessment& a, Side side, SpecialTest test)
{
    const auto& results = a.tests[side];
    const auto it = results.find(test);
    return it == results.end() ? nullptr : &it->second;
}

bool positive(const Assessment& a, Side side, SpecialTest test)
{
    const TestResult* result = testOf(a, side, test);
    return result && result->isPositive();
}

/// Collects impairments, merging those with the same muscle, kind and side.
class Collector {
public:
    void add(MuscleGroup muscle, ImpairmentKind kind, std::optional<Side> side, std::string_view ruleId,
             std::string evidence)
    {
        auto it = std::find_if(m_items.begin(), m_items.end(), [&](const Impairment& i) {
            return i.muscle == muscle && i.kind == kind && i.side == side;
        });
        if (it == m_items.end()) {
            Impairment impairment;
            impairment.muscle = muscle;
            impairment.kind = kind;
            impairment.side = side;
            impairment.rationale = std::string(rule(ruleId).rationale);
            m_items.push_back(std::move(impairment));
            it = m_items.end() - 1;
        }
        if (std::find(it->rules.begin(), it->rules.end(), ruleId) == it->rules.end())
            it->rules.emplace_back(ruleId);
        if (std::find(it->evidence.begin(), it->evidence.end(), evidence) == it->evidence.end())
            it->evidence.push_back(std::move(evidence));
    }

    /// Records a manual muscle test grade behind the impairment added last for this muscle and side;
    /// the weakest grade is kept.
    void noteGrade(MuscleGroup muscle, Side side, const StrengthGrade& grade)
    {
        for (Impairment& i : m_items)
            if (i.muscle == muscle && i.kind == ImpairmentKind::Weak && i.side == side &&
                (!i.grade || grade.ordinal() < i.grade->ordinal()))
                i.grade = grade;
    }

    std::vector<Impairment> take()
    {
        // Midline before left before right: nullopt compares lowest.
        std::stable_sort(m_items.begin(), m_items.end(), [](const Impairment& x, const Impairment& y) {
            return std::tie(x.muscle, x.kind, x.side) < std::tie(y.muscle, y.kind, y.side);
        });
        return std::move(m_items);
    }

private:
    std::vector<Impairment> m_items;
};

/// How the ROM of one assessment is judged: the norm set and the recorded rotation position.
struct RomContext {
    NormSet norms;
    std::optional<RotationPosition> position;
};

int limitFor(const RomContext& ctx, Movement movement)
{
    return limitedBelow(ctx.norms, movement, ctx.position);
}

std::string romEvidence(Movement movement, Side side, int value, const RomContext& ctx)
{
    return std::string(toId(movement)) + " " + sideId(side) + " " + std::to_string(value) + kDeg +
           " (limited below " + std::to_string(limitFor(ctx, movement)) + kDeg + ": " +
           limitBasis(ctx.norms, movement, ctx.position) + ")";
}

std::string asymmetryEvidence(Movement movement, Side side, int value, int other)
{
    return std::string(toId(movement)) + " " + sideId(side) + " " + std::to_string(value) + kDeg + " vs " +
           sideId(opposite(side)) + " " + std::to_string(other) + kDeg + " (difference " +
           std::to_string(other - value) + kDeg + " ≥ " + std::to_string(asymmetryThreshold(movement)) + kDeg +
           ")";
}

bool below(const Assessment& a, Side side, Movement movement, const RomContext& ctx)
{
    const auto value = romOf(a, side, movement);
    return value && *value < limitFor(ctx, movement);
}

/// True when this side measures at least the asymmetry threshold less than the other.
bool lowerBySide(const Assessment& a, Side side, Movement movement)
{
    const auto value = romOf(a, side, movement);
    const auto other = romOf(a, opposite(side), movement);
    return value && other && *other - *value >= asymmetryThreshold(movement);
}

bool hasPainArea(const Assessment& a, BodyRegion region, Side side)
{
    const BodySide wanted = side == Side::Left ? BodySide::Left : BodySide::Right;
    return std::any_of(a.pain.areas.begin(), a.pain.areas.end(),
                       [&](const PainArea& area) { return area.region == region && area.side == wanted; });
}

/// Sides whose range losses are read as the joint's (R-TIGHT-CAPSULE-IRFLEX): internal rotation under
/// 15° (or below its limit, or clearly less than the other side) with flexion of 115° or less.
bool capsularPattern(const Assessment& a, Side side, const RomContext& ctx)
{
    const auto ir = romOf(a, side, Movement::HipInternalRotation);
    const auto flexion = romOf(a, side, Movement::HipFlexion);
    if (!ir || !flexion || *flexion > kAcrFlexionMaxDegrees)
        return false;
    return *ir < kAcrInternalRotationBelowDegrees || below(a, side, Movement::HipInternalRotation, ctx) ||
           lowerBySide(a, side, Movement::HipInternalRotation);
}

/// A ROM movement that points to a tight muscle when below the limit or lower than the other side.
/// On a side with the capsular pattern the loss is the joint's: it becomes evidence of the capsular
/// restriction instead.
void romRules(const Assessment& a, const RomContext& ctx, Collector& out, Movement movement, MuscleGroup muscle,
              std::string_view belowRule, std::string_view asymRule)
{
    for (Side side : kSides) {
        const auto value = romOf(a, side, movement);
        if (!value)
            continue;
        const bool joint = capsularPattern(a, side, ctx);
        if (below(a, side, movement, ctx)) {
            if (joint)
                out.add(MuscleGroup::HipCapsule, ImpairmentKind::Tight, side, "R-TIGHT-CAPSULE-IRFLEX",
                        romEvidence(movement, side, *value, ctx));
            else
                out.add(muscle, ImpairmentKind::Tight, side, belowRule, romEvidence(movement, side, *value, ctx));
        }
        if (lowerBySide(a, side, movement)) {
            const std::string evidence = asymmetryEvidence(movement, side, *value, *romOf(a, opposite(side), movement));
            if (joint)
                out.add(MuscleGroup::HipCapsule, ImpairmentKind::Tight, side, "R-TIGHT-CAPSULE-IRFLEX", evidence);
            else
                out.add(muscle, ImpairmentKind::Tight, side, asymRule, evidence);
        }
    }
}

void testRule(const Assessment& a, Collector& out, SpecialTest test, MuscleGroup muscle, ImpairmentKind kind,
              std::string_view ruleId)
{
    for (Side side : kSides)
        if (positive(a, side, test))
            out.add(muscle, kind, side, ruleId, std::string(toId(test)) + " " + sideId(side) + " positive");
}

void strengthRule(const Assessment& a, Collector& out, StrengthMuscle tested, MuscleGroup muscle,
                  std::string_view ruleId)
{
    for (Side side : kSides) {
        const auto& grades = a.strength[side];
        const auto it = grades.find(tested);
        if (it == grades.end())
            continue;
        if (it->second.ordinal() < kMmtWeakBelowOrdinal) {
            out.add(muscle, ImpairmentKind::Weak, side, ruleId,
                    std::string(toId(tested)) + " " + sideId(side) + " " + gradeText(it->second) + " (below 4)");
            out.noteGrade(muscle, side, it->second);
            continue;
        }
        // 4/5 against a normal 5/5 on the other side: a full grade weaker than the person's own normal.
        const auto other = a.strength[opposite(side)].find(tested);
        if (it->second == StrengthGrade{4, 0} && other != a.strength[opposite(side)].end() &&
            other->second == StrengthGrade{5, 0}) {
            out.add(muscle, ImpairmentKind::Weak, side, "R-WEAK-MMT-ASYM",
                    std::string(toId(tested)) + " " + sideId(side) + " 4 vs 5 on the " + sideId(opposite(side)));
            out.noteGrade(muscle, side, it->second);
        }
    }
}

/// The SLR of one side reproduced the patient's leg pain (recorded as positive, or as an angle with
/// reproduces_leg_pain).
bool slrReproducesLegPain(const Assessment& a, Side side)
{
    const TestResult* slr = testOf(a, side, SpecialTest::Slr);
    return slr && (slr->isPositive() || (slr->measured() && slr->reproducesLegPain));
}

/// Neural signs on one side: the reasons hamstring tightness is not concluded there.
std::vector<std::string> neuralSigns(const Assessment& a, Side side)
{
    std::vector<std::string> signs;
    if (positive(a, side, SpecialTest::Slump))
        signs.push_back("slump " + sideId(side) + " positive");
    if (slrReproducesLegPain(a, side))
        signs.push_back("slr " + sideId(side) + " reproduces the leg pain");
    if (hasPainArea(a, BodyRegion::BelowKnee, side) || hasPainArea(a, BodyRegion::Foot, side))
        signs.push_back("pain below the knee on the " + sideId(side));
    // The red-flag list does not say which leg, so these count for both sides.
    for (RedFlag flag : {RedFlag::RadiatingLegPain, RedFlag::LegNumbnessTingling, RedFlag::BilateralNeuroSymptoms})
        if (a.redFlags.count(flag))
            signs.push_back(std::string(toId(flag)) + " recorded");
    return signs;
}

std::optional<std::string> lowSlrEvidence(const Assessment& a, Side side)
{
    const TestResult* slr = testOf(a, side, SpecialTest::Slr);
    if (!slr || !slr->measured() || *slr->measured() >= kSlrCutOffDegrees)
        return std::nullopt;
    return "slr " + sideId(side) + " " + std::to_string(slr->angle) + kDeg + " (< " +
           std::to_string(kSlrCutOffDegrees) + kDeg + ")";
}

void hamstringRules(const Assessment& a, Collector& out, std::vector<ClinicalNote>& notes)
{
    for (Side side : kSides) {
        std::vector<std::pair<std::string_view, std::string>> findings;
        if (auto slr = lowSlrEvidence(a, side))
            findings.emplace_back("R-TIGHT-HAM-SLR", *slr);
        if (const TestResult* pop = testOf(a, side, SpecialTest::PoplitealAngle);
            pop && pop->measured() && *pop->measured() > kPoplitealCutOffDegrees)
            findings.emplace_back("R-TIGHT-HAM-POPLITEAL",
                                  "popliteal_angle " + sideId(side) + " " + std::to_string(pop->angle) + kDeg +
                                      " (> " + std::to_string(kPoplitealCutOffDegrees) + kDeg + ")");
        if (findings.empty())
            continue;
        const auto signs = neuralSigns(a, side);
        if (signs.empty()) {
            for (auto& [ruleId, evidence] : findings)
                out.add(MuscleGroup::Hamstrings, ImpairmentKind::Tight, side, ruleId, std::move(evidence));
            continue;
        }
        std::vector<std::string> limits;
        for (const auto& finding : findings)
            limits.push_back(finding.second);
        notes.push_back({"R-NOTE-HAM-NEURAL",
                         "Hamstring tightness not concluded on the " + sideId(side) + ": " + joined(limits, ", ") +
                             " may be limited by neural tension (" + joined(signs, "; ") +
                             "). Treat it as neurodynamic; hamstring stretching is not suggested."});
    }
}

/// A neural sign on one side is a nerve to glide on that side: a test that reproduces the leg pain,
/// a positive slump, or a low SLR angle together with radicular signs. The side-less red flags alone
/// are not enough: they would put a nerve exercise on a leg with no finding.
void neuralMobilityRule(const Assessment& a, Collector& out)
{
    for (Side side : kSides) {
        if (const TestResult* slr = testOf(a, side, SpecialTest::Slr); slr && slr->isPositive())
            out.add(MuscleGroup::SciaticNerve, ImpairmentKind::Tight, side, "R-NEURAL-SCIATIC",
                    "slr " + sideId(side) + " positive (radicular pain reproduced)");
        else if (slr && slr->measured() && slr->reproducesLegPain)
            out.add(MuscleGroup::SciaticNerve, ImpairmentKind::Tight, side, "R-NEURAL-SCIATIC",
                    "slr " + sideId(side) + " " + std::to_string(slr->angle) + kDeg + " reproduces the leg pain");
        else if (auto low = lowSlrEvidence(a, side)) {
            const auto signs = neuralSigns(a, side);
            if (!signs.empty())
                out.add(MuscleGroup::SciaticNerve, ImpairmentKind::Tight, side, "R-NEURAL-SCIATIC",
                        *low + " with " + joined(signs, "; "));
        }
        if (positive(a, side, SpecialTest::Slump))
            out.add(MuscleGroup::SciaticNerve, ImpairmentKind::Tight, side, "R-NEURAL-SCIATIC",
                    "slump " + sideId(side) + " positive");
    }
}

void piriformisRotationRule(const Assessment& a, const RomContext& ctx, Collector& out)
{
    for (Side side : kSides) {
        if (!lowerBySide(a, side, Movement::HipInternalRotation))
            continue;
        // A loss below the limit or with flexion loss is the joint's (capsule rules), not the rotators'.
        if (below(a, side, Movement::HipInternalRotation, ctx) || below(a, side, Movement::HipFlexion, ctx) ||
            capsularPattern(a, side, ctx))
            continue;
        // Nor with signs that the joint itself is provoked (a positive FADIR, scour or log roll, groin pain):
        // lost internal rotation is then the best sign of impingement (Pålsson 2020), not a short muscle.
        if (positive(a, side, SpecialTest::Fadir) || positive(a, side, SpecialTest::Scour) ||
            positive(a, side, SpecialTest::LogRoll) || hasPainArea(a, BodyRegion::Groin, side))
            continue;
        out.add(MuscleGroup::Piriformis, ImpairmentKind::Tight, side, "R-TIGHT-PIRI-IR-ASYM",
                asymmetryEvidence(Movement::HipInternalRotation, side,
                                  *romOf(a, side, Movement::HipInternalRotation),
                                  *romOf(a, opposite(side), Movement::HipInternalRotation)));
    }
}

void capsuleRules(const Assessment& a, const RomContext& ctx, Collector& out, std::vector<ClinicalNote>& notes,
                  const std::vector<Side>& operated)
{
    std::vector<std::string> sides;
    for (Side side : kSides) {
        const auto ir = romOf(a, side, Movement::HipInternalRotation);
        if (!ir)
            continue;
        const bool irBelow = below(a, side, Movement::HipInternalRotation, ctx);
        const bool pattern = capsularPattern(a, side, ctx);
        if (pattern) {
            std::string irEvidence;
            if (irBelow)
                irEvidence = romEvidence(Movement::HipInternalRotation, side, *ir, ctx);
            else if (*ir < kAcrInternalRotationBelowDegrees)
                irEvidence = "hip_internal_rotation " + sideId(side) + " " + std::to_string(*ir) + kDeg + " (< " +
                             std::to_string(kAcrInternalRotationBelowDegrees) + kDeg + ", ACR)";
            else
                irEvidence = asymmetryEvidence(Movement::HipInternalRotation, side, *ir,
                                               *romOf(a, opposite(side), Movement::HipInternalRotation));
            out.add(MuscleGroup::HipCapsule, ImpairmentKind::Tight, side, "R-TIGHT-CAPSULE-IRFLEX", irEvidence);
            out.add(MuscleGroup::HipCapsule, ImpairmentKind::Tight, side, "R-TIGHT-CAPSULE-IRFLEX",
                    "hip_flexion " + sideId(side) + " " +
                        std::to_string(*romOf(a, side, Movement::HipFlexion)) + kDeg + " (≤ " +
                        std::to_string(kAcrFlexionMaxDegrees) + kDeg + ", ACR)");
        }
        if (irBelow)
            out.add(MuscleGroup::HipCapsule, ImpairmentKind::Tight, side, "R-TIGHT-CAPSULE-IR",
                    romEvidence(Movement::HipInternalRotation, side, *ir, ctx));
        // The joint-mobility advice (manual therapy, femoral version) is not for an operated hip.
        if ((irBelow || pattern) && std::find(operated.begin(), operated.end(), side) == operated.end())
            sides.push_back(sideId(side));
    }
    if (!sides.empty())
        notes.push_back({"R-NOTE-CAPSULE",
                         "Hip joint restriction (" + joined(sides, ", ") +
                             "): stretching muscles will not restore it. Use joint mobility work and strengthening "
                             "around the hip, consider manual therapy, and in a younger adult check femoral version "
                             "(Craig's test) before pushing the range."});
}

void coreRules(const Assessment& a, Collector& out)
{
    const auto add = [&](std::string_view ruleId, std::string evidence) {
        out.add(MuscleGroup::Core, ImpairmentKind::Weak, std::nullopt, ruleId, std::move(evidence));
    };
    const Endurance& e = a.endurance;
    if (e.plankHoldS && *e.plankHoldS < kPlankLowS)
        add("R-WEAK-CORE-PLANK",
            "plank_hold_s " + std::to_string(*e.plankHoldS) + " s (< " + std::to_string(kPlankLowS) + " s)");
    for (Side side : kSides) {
        const auto hold = e.sideBridgeHoldS[side];
        if (hold && *hold < kSideBridgeLowS)
            add("R-WEAK-CORE-SIDEBRIDGE", "side_bridge_hold_s " + sideId(side) + " " + std::to_string(*hold) +
                                              " s (< " + std::to_string(kSideBridgeLowS) + " s)");
    }
    for (Side side : kSides) {
        const auto shorter = e.sideBridgeHoldS[side];
        const auto longer = e.sideBridgeHoldS[opposite(side)];
        if (!shorter || !longer || *shorter >= *longer)
            continue;
        const int gap = *longer - *shorter;
        if (gap >= kSideBridgeAsymmetryMinS && gap * 100 > *longer * kSideBridgeAsymmetryPercent)
            add("R-WEAK-CORE-SIDEBRIDGE-ASYM",
                "side_bridge_hold_s " + sideId(side) + " " + std::to_string(*shorter) + " s vs " +
                    sideId(opposite(side)) + " " + std::to_string(*longer) + " s (more than " +
                    std::to_string(kSideBridgeAsymmetryPercent) + "% shorter)");
    }
    if (e.trunkExtensorHoldS && *e.trunkExtensorHoldS > 0) {
        const int ext = *e.trunkExtensorHoldS;
        if (e.trunkFlexorHoldS && *e.trunkFlexorHoldS >= ext)
            add("R-WEAK-CORE-RATIO", "trunk_flexor_hold_s " + std::to_string(*e.trunkFlexorHoldS) +
                                         " s / trunk_extensor_hold_s " + std::to_string(ext) + " s ≥ 1.0");
        const auto left = e.sideBridgeHoldS.left;
        const auto right = e.sideBridgeHoldS.right;
        if (left && right && (*left + *right) * 100 >= 2 * ext * 75)
            add("R-WEAK-CORE-RATIO", "mean side_bridge_hold_s " + std::to_string((*left + *right) / 2) +
                                         " s / trunk_extensor_hold_s " + std::to_string(ext) + " s ≥ 0.75");
    }
}

void intraArticularRules(const Assessment& a, std::vector<FindingCaution>& cautions,
                         std::vector<ClinicalNote>& notes)
{
    std::vector<std::string> positives;
    for (Side side : kSides)
        for (SpecialTest test : {SpecialTest::Fadir, SpecialTest::Scour, SpecialTest::LogRoll})
            if (positive(a, side, test))
                positives.push_back(std::string(toId(test)) + " " + sideId(side) + " positive");
    if (positives.empty())
        return;
    const std::string reason = joined(positives, ", ");
    cautions.push_back({"R-CAUTION-INTRA-ARTICULAR", reason,
                        {MovementDemand::HipFlexionPast90, MovementDemand::HipAdductionPastMidline,
                         MovementDemand::HipInternalRotation}});
    notes.push_back({"R-NOTE-INTRA-ARTICULAR",
                     "Possible intra-articular hip problem (" + reason +
                         "): exercises avoid deep flexion, crossing the midline and internal rotation. If "
                         "symptoms persist, suggest an orthopaedic opinion."});
}

/// Outer-hip pain on a side whose Ober, FABER or Trendelenburg is positive: the tests provoked the
/// gluteal tendons rather than measured a length.
std::vector<std::string> glutealTendonSigns(const Assessment& a, Side side)
{
    std::vector<std::string> signs;
    if (!hasPainArea(a, BodyRegion::LateralHip, side))
        return signs;
    for (SpecialTest test : {SpecialTest::Ober, SpecialTest::Faber, SpecialTest::Trendelenburg})
        if (positive(a, side, test))
            signs.push_back(std::string(toId(test)) + " " + sideId(side) + " positive");
    return signs;
}

void glutealTendonRule(const Assessment& a, Collector& out, std::vector<FindingCaution>& cautions,
                       std::vector<ClinicalNote>& notes, const std::vector<Side>& operated)
{
    std::vector<std::string> reasons;
    std::vector<std::string> unexplained; // outer-hip pain without a tendon sign
    for (Side side : kSides) {
        // At a hip operated on, outer-hip pain and a dropping pelvis are the wound and the abductors cut
        // or repaired (a lateral approach detaches them), not a tendinopathy.
        const bool operatedSide = std::find(operated.begin(), operated.end(), side) != operated.end();
        const auto signs = operatedSide ? std::vector<std::string>{} : glutealTendonSigns(a, side);
        if (signs.empty()) {
            if (positive(a, side, SpecialTest::Ober))
                out.add(MuscleGroup::TflItb, ImpairmentKind::Tight, side, "R-TIGHT-TFL-OBER",
                        "ober " + sideId(side) + " positive");
            if (hasPainArea(a, BodyRegion::LateralHip, side) && !operatedSide)
                unexplained.push_back("outer-hip pain on the " + sideId(side));
            continue;
        }
        reasons.push_back("outer-hip pain on the " + sideId(side) + " with " + joined(signs, ", "));
    }
    if (reasons.empty() && !unexplained.empty()) {
        // The commonest cause of outer-hip pain is the gluteal tendons; until the tests say otherwise, a
        // stretch across the body or a roller on the outer hip would press on them.
        const std::string reason = joined(unexplained, "; ");
        cautions.push_back({"R-CAUTION-OUTER-HIP-PAIN", reason,
                            {MovementDemand::HipAdductionPastMidline, MovementDemand::LateralHipCompression}});
        notes.push_back({"R-CAUTION-OUTER-HIP-PAIN",
                         "Outer-hip pain (" + reason +
                             ") without a positive Ober, FABER or Trendelenburg on that side: until gluteal "
                             "tendinopathy is excluded (30 s single-leg stance, FABER, Ober, tenderness over the "
                             "greater trochanter), the program avoids crossing the midline and pressure on the outer "
                             "hip."});
    }
    if (reasons.empty())
        return;
    const std::string reason = joined(reasons, "; ");
    // Which one-leg work the tendon tolerates. Standing on the painful leg alone is the provocation
    // test itself (30 s of single-leg stance reproduces the lateral hip pain: Grimaldi 2017, Br J Sports
    // Med), and in it people with gluteal tendinopathy let the hip drift into adduction and the pelvis
    // shift or drop (Allison 2016, Gait Posture) — the compressive position of Grimaldi 2015, Sports Med.
    // So stance on the treated leg (single-leg balance, step-downs) waits until the therapist progresses
    // to it. Single-leg loading as such is not forbidden: in the wall press the painful leg is the one
    // lifted, pressing out isometrically in neutral while the other leg stands — the early isometric
    // loading the LEAP programme starts with (Mellor 2018, BMJ) — and it must stay available.
    cautions.push_back({"R-CAUTION-GLUTEAL-TENDON", reason,
                        {MovementDemand::HipAdductionPastMidline, MovementDemand::LateralHipCompression,
                         MovementDemand::StanceOnWorkingLeg}});
    notes.push_back({"R-CAUTION-GLUTEAL-TENDON",
                     "Gluteal tendinopathy picture (" + reason +
                         "): a painful Ober is not read as a tight ITB. The program avoids crossing the midline, "
                         "lying on that side, pressure on the outer hip and standing on the painful leg alone (the "
                         "hip drops into adduction, as in the single-leg stance test), and loads the abductors in "
                         "neutral. Advise against sitting with crossed legs and standing hanging on one hip."});
}

void balanceRule(const Assessment& a, Collector& out)
{
    const Balance& b = a.balance;
    if (b.fallsPastYear && *b.fallsPastYear >= kFallRiskFalls)
        out.add(MuscleGroup::Balance, ImpairmentKind::Weak, std::nullopt, "R-WEAK-BALANCE",
                "falls_past_year " + std::to_string(*b.fallsPastYear) + " (≥ " + std::to_string(kFallRiskFalls) + ")");
    for (Side side : kSides)
        if (const auto& s = b.singleLegStanceS[side]; s && *s < kFallRiskStanceBelowS)
            out.add(MuscleGroup::Balance, ImpairmentKind::Weak, std::nullopt, "R-WEAK-BALANCE",
                    "single_leg_stance_s " + sideId(side) + " " + std::to_string(*s) + " s (< " +
                        std::to_string(kFallRiskStanceBelowS) + " s)");
}

void faberNote(const Assessment& a, std::vector<ClinicalNote>& notes)
{
    std::vector<std::string> positives;
    for (Side side : kSides)
        if (positive(a, side, SpecialTest::Faber))
            positives.push_back("faber " + sideId(side) + " positive");
    if (positives.empty())
        return;
    notes.push_back({"R-NOTE-FABER",
                     joined(positives, ", ") +
                         ": pain provocation of the hip joint, sacroiliac joint or pelvic girdle; read it with "
                         "where the pain was felt. It does not show adductor length."});
}

void pelvicGirdleRule(const Assessment& a, std::vector<FindingCaution>& cautions, std::vector<ClinicalNote>& notes)
{
    if (!a.precautions.count(Precaution::Pregnancy))
        return;
    std::vector<std::string> signs;
    for (const PainArea& area : a.pain.areas) {
        // Buttock pain on a side with nerve signs (a straight-leg raise or slump reproducing the leg pain,
        // pain below the knee) is sciatica, not the pelvic girdle.
        if (area.region == BodyRegion::Buttock && area.side != BodySide::Central &&
            !neuralSigns(a, area.side == BodySide::Left ? Side::Left : Side::Right).empty())
            continue;
        if (area.region == BodyRegion::Sacroiliac || area.region == BodyRegion::Buttock ||
            area.region == BodyRegion::Groin)
            signs.push_back(std::string(label(area.region)) + " pain (" + std::string(toId(area.side)) + ")");
    }
    for (Side side : kSides)
        if (positive(a, side, SpecialTest::Faber))
            signs.push_back("faber " + sideId(side) + " positive");
    if (signs.empty())
        return;
    const std::string reason = "pregnancy with " + joined(signs, ", ");
    cautions.push_back({"R-CAUTION-PELVIC-GIRDLE", reason,
                        {MovementDemand::SingleLegLoading, MovementDemand::UnsupportedSingleLeg,
                         MovementDemand::WideHipAbduction}});
    notes.push_back({"R-CAUTION-PELVIC-GIRDLE",
                     "Pelvic girdle pain in pregnancy (" + reason +
                         "): exercises avoid full weight on one leg and wide leg positions; keep the knees "
                         "together when turning in bed and getting out of a car."});
}

/// The recorded precautions that mean a recent operation on (or fracture of) a hip.
std::vector<Precaution> hipOperations(const Assessment& a)
{
    std::vector<Precaution> found;
    for (Precaution p : {Precaution::ThaPosterior, Precaution::ThaAnterior, Precaution::ThaLateral,
                         Precaution::HipFractureRecent})
        if (a.precautions.count(p))
            found.push_back(p);
    return found;
}

/// Early after a hip replacement or a hip fracture, the operated hip's lost range is the operation's:
/// the healing incision and capsule, swelling, pain and guarding, and the precautions themselves. It
/// comes back with walking and strengthening; read as tight adductors, hip flexors or hamstrings it
/// would bring stretches and rolling onto the healing tissues (after an anterior approach, onto the
/// incision itself). So on the operated side no tightness is concluded from range or length findings
/// while the operation's precaution is recorded; weakness is still read (it is what rehabilitation
/// trains), and so is a sensitive sciatic nerve (a nerve problem after hip surgery must not be missed).
/// The held findings are named in a note so nothing disappears silently.
void holdOperatedSide(const Assessment& a, const std::vector<Side>& operated, std::vector<Impairment>& impairments,
                      std::vector<ClinicalNote>& notes)
{
    if (operated.empty())
        return;
    std::vector<std::string> held;
    std::erase_if(impairments, [&](const Impairment& i) {
        const bool onOperatedSide =
            i.side && std::find(operated.begin(), operated.end(), *i.side) != operated.end();
        if (!onOperatedSide || i.kind != ImpairmentKind::Tight || i.muscle == MuscleGroup::SciaticNerve)
            return false;
        for (const std::string& evidence : i.evidence)
            if (std::find(held.begin(), held.end(), evidence) == held.end())
                held.push_back(evidence);
        return true;
    });
    if (held.empty())
        return;
    std::vector<std::string> operations;
    for (Precaution p : hipOperations(a))
        operations.emplace_back(label(p));
    const std::string where = operated.size() == 1
                                  ? "on the operated side (" + sideId(operated.front()) + ")"
                                  : "on either side (the affected side is not recorded, so either hip may be the "
                                    "operated one; record it to have the other hip read)";
    notes.push_back({"R-NOTE-OPERATED-HIP",
                     "Recent hip operation (" + joined(operations, ", ") + "): the range and length findings " + where +
                         " are not read as tight muscles or a stiff joint: " + joined(held, "; ") +
                         ". Early after the operation the range is held back by the healing wound and capsule, "
                         "swelling, pain and the precautions; it comes back with walking and strengthening, and "
                         "stretching or rolling there would load the healing tissues. Reassess the range once the "
                         "surgeon lifts the precautions."});
}

} // namespace

std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string text;
    for (const auto& part : parts) {
        if (!text.empty())
            text += separator;
        text += part;
    }
    return text;
}

std::vector<Side> operatedSides(const Assessment& a)
{
    if (hipOperations(a).empty())
        return {};
    const auto affected = a.visit.affectedSide;
    if (affected == AffectedSide::Left)
        return {Side::Left};
    if (affected == AffectedSide::Right)
        return {Side::Right};
    return {Side::Left, Side::Right};
}

ImpairmentFindings findImpairments(const Assessment& a, NormSet norms)
{
    ImpairmentFindings result;
    Collector out;
    const RomContext ctx{norms, a.rotationPosition};
    const std::vector<Side> operated = operatedSides(a);

    romRules(a, ctx, out, Movement::HipExtension, MuscleGroup::HipFlexors, "R-TIGHT-HIPFLEX-EXT",
             "R-TIGHT-HIPFLEX-ASYM");
    std::vector<std::string> thomasOverruled;
    // A Thomas test on a side with the capsular pattern: the thigh is held up by the joint's lost
    // extension (anterior capsule), so it is the joint's evidence, not short hip flexors.
    for (Side side : kSides)
        if (positive(a, side, SpecialTest::ThomasIliopsoas)) {
            const std::string evidence = "thomas_iliopsoas " + sideId(side) + " positive";
            // The Thomas test is read with the range: a hip extension measured on that side at or above
            // the typical value of the norm set (not merely above its lower limit) and not clearly less
            // than the other side outweighs it (without pelvic control the test is often falsely
            // positive: Vigotsky 2016).
            if (const auto ext = romOf(a, side, Movement::HipExtension);
                ext && *ext >= typicalDegrees(ctx.norms, Movement::HipExtension) &&
                !lowerBySide(a, side, Movement::HipExtension)) {
                thomasOverruled.push_back(sideId(side) + " (hip extension " +
                                          std::to_string(*romOf(a, side, Movement::HipExtension)) + kDeg + ")");
                continue;
            }
            if (capsularPattern(a, side, ctx))
                out.add(MuscleGroup::HipCapsule, ImpairmentKind::Tight, side, "R-TIGHT-CAPSULE-IRFLEX", evidence);
            else
                out.add(MuscleGroup::HipFlexors, ImpairmentKind::Tight, side, "R-TIGHT-HIPFLEX-THOMAS", evidence);
        }
    if (!thomasOverruled.empty())
        result.notes.push_back({"R-NOTE-THOMAS-NORMAL-EXTENSION",
                                "Thomas test positive but hip extension measured at or above the typical value on the " +
                                    joined(thomasOverruled, ", ") +
                                    ": not read as tight hip flexors (check the pelvis was held flat)."});
    testRule(a, out, SpecialTest::ThomasRectusFemoris, MuscleGroup::RectusFemoris, ImpairmentKind::Tight,
             "R-TIGHT-RECFEM-THOMAS");
    testRule(a, out, SpecialTest::Ely, MuscleGroup::RectusFemoris, ImpairmentKind::Tight, "R-TIGHT-RECFEM-ELY");
    glutealTendonRule(a, out, result.cautions, result.notes, operated); // also the Ober → TFL/ITB rule
    testRule(a, out, SpecialTest::ThomasTfl, MuscleGroup::TflItb, ImpairmentKind::Tight, "R-TIGHT-TFL-THOMAS");
    hamstringRules(a, out, result.notes);
    neuralMobilityRule(a, out);
    testRule(a, out, SpecialTest::Fair, MuscleGroup::Piriformis, ImpairmentKind::Tight, "R-TIGHT-PIRI-FAIR");
    piriformisRotationRule(a, ctx, out);
    romRules(a, ctx, out, Movement::HipAbduction, MuscleGroup::Adductors, "R-TIGHT-ADD-ABD", "R-TIGHT-ADD-ASYM");
    faberNote(a, result.notes);
    strengthRule(a, out, StrengthMuscle::GluteusMedius, MuscleGroup::GluteusMedius, "R-WEAK-GMED-MMT");
    testRule(a, out, SpecialTest::Trendelenburg, MuscleGroup::GluteusMedius, ImpairmentKind::Weak,
             "R-WEAK-GMED-TREND");
    strengthRule(a, out, StrengthMuscle::GluteusMaximus, MuscleGroup::GluteusMaximus, "R-WEAK-GMAX-MMT");
    strengthRule(a, out, StrengthMuscle::HipFlexors, MuscleGroup::HipFlexors, "R-WEAK-HIPFLEX-MMT");
    strengthRule(a, out, StrengthMuscle::Adductors, MuscleGroup::Adductors, "R-WEAK-ADD-MMT");
    strengthRule(a, out, StrengthMuscle::Hamstrings, MuscleGroup::Hamstrings, "R-WEAK-HAM-MMT");
    strengthRule(a, out, StrengthMuscle::Quadriceps, MuscleGroup::Quadriceps, "R-WEAK-QUAD-MMT");
    strengthRule(a, out, StrengthMuscle::HipExternalRotators, MuscleGroup::Piriformis, "R-WEAK-HIPER-MMT");
    coreRules(a, out);
    balanceRule(a, out);
    capsuleRules(a, ctx, out, result.notes, operated);
    intraArticularRules(a, result.cautions, result.notes);
    pelvicGirdleRule(a, result.cautions, result.notes);

    result.impairments = out.take();
    holdOperatedSide(a, operated, result.impairments, result.notes);
    return result;
}

std::span<const RuleInfo> impairmentRules() noexcept { return kRules; }

} // namespace hiprx::core
