-- HipRx database at schema 9, written by tests/reliability/make_migration_fixtures.py
-- (invented clinic; regenerate, never edit). Loaded by tests/store/migration_fixture_test.cpp.
PRAGMA user_version = 9;
BEGIN TRANSACTION;
CREATE TABLE assessment_drafts (
    id         INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    visit_id   INTEGER NOT NULL DEFAULT 0,
    form_text  TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (patient_id, visit_id)
);
INSERT INTO "assessment_drafts" VALUES(1,5,0,'{"form":"complaint=Back feels tight when bending\nnprs_now=2"}','2026-11-20T09:00:00.000Z');
INSERT INTO "assessment_drafts" VALUES(2,4,4,'{"form":"impression=weak gluteus medius right"}','2026-11-20T09:05:00.000Z');
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    clinician TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL DEFAULT ''
);
INSERT INTO "audit_log" VALUES(1,'2026-11-01T09:01:00.000Z','','setting.set','setting',NULL,'key: branding');
INSERT INTO "audit_log" VALUES(2,'2026-11-01T09:02:00.000Z','Jordan Park, PT','exercise.add','exercise',NULL,'riverside_side_lying_lift');
INSERT INTO "audit_log" VALUES(3,'2026-11-02T09:03:00.000Z','Jordan Park, PT','patient.create','patient',1,'fields: name, birth_date, sex');
INSERT INTO "audit_log" VALUES(4,'2026-11-02T09:04:00.000Z','Jordan Park, PT','visit.create','visit',1,'patient 1');
INSERT INTO "audit_log" VALUES(5,'2026-11-03T09:05:00.000Z','Jordan Park, PT','patient.create','patient',2,'fields: name, birth_date, sex');
INSERT INTO "audit_log" VALUES(6,'2026-11-03T09:06:00.000Z','Jordan Park, PT','visit.create','visit',2,'patient 2');
INSERT INTO "audit_log" VALUES(7,'2026-11-04T09:07:00.000Z','Alex Moreau, PT, DPT','patient.create','patient',3,'fields: name, birth_date, sex');
INSERT INTO "audit_log" VALUES(8,'2026-11-04T09:08:00.000Z','Alex Moreau, PT, DPT','visit.create','visit',3,'patient 3');
INSERT INTO "audit_log" VALUES(9,'2026-11-05T09:09:00.000Z','Alex Moreau, PT, DPT','patient.create','patient',4,'fields: name, birth_date, sex');
INSERT INTO "audit_log" VALUES(10,'2026-11-05T09:10:00.000Z','Alex Moreau, PT, DPT','visit.create','visit',4,'patient 4');
INSERT INTO "audit_log" VALUES(11,'2026-11-06T09:11:00.000Z','','patient.create','patient',5,'fields: name, birth_date, sex');
INSERT INTO "audit_log" VALUES(12,'2026-11-06T09:12:00.000Z','','visit.create','visit',5,'patient 5');
INSERT INTO "audit_log" VALUES(13,'2026-11-04T09:13:00.000Z','Jordan Park, PT','program.issue','program',1,'visit 1; version 1');
INSERT INTO "audit_log" VALUES(14,'2026-11-02T09:14:00.000Z','Jordan Park, PT','program.issue','program',2,'visit 2; version 1');
INSERT INTO "audit_log" VALUES(15,'2026-11-05T09:15:00.000Z','Jordan Park, PT','program.issue','program',3,'visit 3; version 1');
INSERT INTO "audit_log" VALUES(16,'2026-11-06T09:16:00.000Z','Jordan Park, PT','program.issue','program',4,'visit 4; version 1');
INSERT INTO "audit_log" VALUES(17,'2026-11-19T09:17:00.000Z','Alex Moreau, PT, DPT','visit.create','visit',6,'patient 3');
INSERT INTO "audit_log" VALUES(18,'2026-11-19T09:18:00.000Z','Jordan Park, PT','program.issue','program',5,'visit 6; version 1');
INSERT INTO "audit_log" VALUES(19,'2026-11-20T09:19:00.000Z','Jordan Park, PT','protocol.save','protocol',1,'fields: name, program');
INSERT INTO "audit_log" VALUES(20,'2026-11-20T09:20:00.000Z','Jordan Park, PT','protocol.save','protocol',2,'fields: name, program');
INSERT INTO "audit_log" VALUES(21,'2026-11-21T09:21:00.000Z','Jordan Park, PT','email.queue','outbox',1,'visit 3');
INSERT INTO "audit_log" VALUES(22,'2026-11-21T09:22:00.000Z','Jordan Park, PT','email.queue','outbox',2,'visit 4');
INSERT INTO "audit_log" VALUES(23,'2026-11-21T09:23:00.000Z','Jordan Park, PT','email.queue','outbox',3,'visit 2');
INSERT INTO "audit_log" VALUES(24,'2026-11-21T09:24:00.000Z','Jordan Park, PT','email.queue','outbox',4,'visit 6');
INSERT INTO "audit_log" VALUES(25,'2026-11-22T09:25:00.000Z','Jordan Park, PT','patient.create','patient',7,'fields: name, birth_date, sex');
INSERT INTO "audit_log" VALUES(26,'2026-11-23T09:26:00.000Z','Jordan Park, PT','email.discard','outbox',2,'');
INSERT INTO "audit_log" VALUES(27,'2026-11-24T09:27:00.000Z','Jordan Park, PT','staff.add','staff',1,'fields: name, credentials');
INSERT INTO "audit_log" VALUES(28,'2026-11-24T09:28:00.000Z','Jordan Park, PT','staff.add','staff',2,'fields: name, credentials');
INSERT INTO "audit_log" VALUES(29,'2026-11-24T09:29:00.000Z','Jordan Park, PT','staff.add','staff',3,'fields: name, credentials');
INSERT INTO "audit_log" VALUES(30,'2026-11-25T09:30:00.000Z','Alex Moreau, PT, DPT','visit_note.file','visit',3,'program 3, 64 bytes');
CREATE TABLE exercises (
    id         TEXT PRIMARY KEY,
    builtin    INTEGER NOT NULL CHECK (builtin IN (0, 1)),
    json       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO "exercises" VALUES('glute_bridge',1,'{
  "format": "hiprx-exercises/1",
  "exercises": [
    {
      "id": "glute_bridge",
      "name": "Glute bridge",
      "kind": "strengthen",
      "level": 2,
      "targets": [
        "gluteus_maximus",
        "hamstrings"
      ],
      "sided": false,
      "start_position": "Lie on your back on a mat with your knees bent, feet flat and hip-width apart, and arms by your sides.",
      "steps": [
        "Tighten your tummy and squeeze your buttocks.",
        "Push through your heels and lift your hips until your shoulders, hips and knees make a straight line.",
        "Hold at the top for a few seconds.",
        "Lower your hips slowly back to the mat."
      ],
      "key_cue": "Lift with your buttocks, not your back. Stop at a straight line; do not arch higher.",
      "stop_if": "Stop if you feel sharp pain, pain that shoots down your leg, or numbness or tingling. Muscles working hard is fine.",
      "dose": {
        "sets": 2,
        "reps": 12,
        "hold_s": 5,
        "rest_s": 60,
        "per_day": 1,
        "days_per_week": 3,
        "load": "body weight",
        "notes": ""
      },
      "equipment": [
        "mat"
      ],
      "demands": [
        "long_supine_lying"
      ],
      "easier": [
        "glute_sets"
      ],
      "harder": [
        "hip_thrust",
        "bridge_with_adductor_squeeze",
        "single_leg_bridge",
        "romanian_deadlift",
        "stability_ball_hamstring_curl"
      ],
      "figure": "glute_bridge",
      "video_url": "",
      "sources": [
        "seed:000",
        "seed:002",
        "seed:003",
        "facts:§8",
        "facts:§7.5"
      ]
    }
  ]
}
','2026-11-01T09:02:00.000Z');
INSERT INTO "exercises" VALUES('riverside_side_lying_lift',0,'{
  "format": "hiprx-exercises/1",
  "exercises": [
    {
      "id": "riverside_side_lying_lift",
      "name": "Side-lying leg lift (Riverside)",
      "kind": "strengthen",
      "level": 2,
      "targets": [
        "gluteus_medius",
        "piriformis"
      ],
      "sided": true,
      "start_position": "Lie on your side with the working leg on top, hips and knees bent, feet together and a pillow between your knees.",
      "steps": [
        "Stack your hips straight on top of each other and rest your head on your arm.",
        "Keep your feet touching and lift your top knee slowly.",
        "Stop before your top hip rolls back.",
        "Lower the knee slowly to the pillow."
      ],
      "key_cue": "Keep your hips stacked. A smaller lift done well beats a big one with the pelvis rolling.",
      "stop_if": "Stop if you feel sharp pain, pain that shoots down your leg, or numbness or tingling. Muscles working hard is fine. Stop too if you feel pain at the bony point on the side of your hip.",
      "dose": {
        "sets": 2,
        "reps": 12,
        "hold_s": 0,
        "rest_s": 60,
        "per_day": 1,
        "days_per_week": 3,
        "load": "body weight",
        "notes": ""
      },
      "equipment": [
        "mat",
        "pillow"
      ],
      "demands": [
        "resisted_hip_abduction",
        "active_hip_abduction"
      ],
      "figure": "clamshell",
      "video_url": "",
      "sources": [
        "seed:000",
        "seed:002",
        "seed:003",
        "facts:§8",
        "facts:§7.5"
      ]
    }
  ]
}','2026-11-01T09:03:00.000Z');
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    visit_id        INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
    program_version INTEGER NOT NULL CHECK (program_version >= 1),
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    message_id      TEXT NOT NULL,           -- kept across retries, so a duplicate can be recognised
    created_at      TEXT NOT NULL,           -- ISO 8601 UTC
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    error           TEXT NOT NULL DEFAULT '', -- the last failure in plain words; '' when none
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_attempt_at TEXT,
    sent_at         TEXT,
    FOREIGN KEY (visit_id, program_version) REFERENCES programs (visit_id, version) ON DELETE RESTRICT
);
INSERT INTO "outbox" VALUES(1,3,1,'m.oneill@example.net','Your home exercise program','Dear patient, …','<fixture-1@hiprx.invalid>','2026-11-21T09:00:00.000Z','sent','',1,'2026-11-21T09:01:00.000Z','2026-11-21T09:01:00.000Z');
INSERT INTO "outbox" VALUES(2,4,1,'priya.n@example.invalid','Your home exercise program','Dear patient, …','<fixture-2@hiprx.invalid>','2026-11-21T09:00:00.000Z','failed','the server refused the address (550)',2,'2026-11-21T09:03:00.000Z',NULL);
INSERT INTO "outbox" VALUES(3,2,1,'sam.carter@example.org','Your home exercise program','Dear patient, …','<fixture-3@hiprx.invalid>','2026-11-21T09:00:00.000Z','failed','could not connect to smtp.example.org:587',1,'2026-11-21T09:04:00.000Z',NULL);
INSERT INTO "outbox" VALUES(4,6,1,'m.oneill@example.net','Your home exercise program','Dear patient, …','<fixture-4@hiprx.invalid>','2026-11-21T09:00:00.000Z','queued','',0,NULL,NULL);
CREATE TABLE outbox_discarded (
    outbox_id    INTEGER PRIMARY KEY REFERENCES outbox (id) ON DELETE RESTRICT,
    discarded_at TEXT NOT NULL -- ISO 8601 UTC
);
INSERT INTO "outbox_discarded" VALUES(2,'2026-11-23T09:00:00.000Z');
CREATE TABLE patient_search_tokens (
    token      TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (token, patient_id)
) WITHOUT ROWID;
INSERT INTO "patient_search_tokens" VALUES('1970-09-09',1);
INSERT INTO "patient_search_tokens" VALUES('dale',1);
INSERT INTO "patient_search_tokens" VALUES('hughes',1);
INSERT INTO "patient_search_tokens" VALUES('hx-1001',1);
INSERT INTO "patient_search_tokens" VALUES('1988-06-14',2);
INSERT INTO "patient_search_tokens" VALUES('carter',2);
INSERT INTO "patient_search_tokens" VALUES('sam',2);
INSERT INTO "patient_search_tokens" VALUES('1950-02-17',3);
INSERT INTO "patient_search_tokens" VALUES('margaret',3);
INSERT INTO "patient_search_tokens" VALUES('mrn-tha-post-1',3);
INSERT INTO "patient_search_tokens" VALUES('neill',3);
INSERT INTO "patient_search_tokens" VALUES('o',3);
INSERT INTO "patient_search_tokens" VALUES('1979-01-30',4);
INSERT INTO "patient_search_tokens" VALUES('hx-1004',4);
INSERT INTO "patient_search_tokens" VALUES('natarajan',4);
INSERT INTO "patient_search_tokens" VALUES('priya',4);
INSERT INTO "patient_search_tokens" VALUES('1995-12-01',5);
INSERT INTO "patient_search_tokens" VALUES('alvarez',5);
INSERT INTO "patient_search_tokens" VALUES('hx-1005',5);
INSERT INTO "patient_search_tokens" VALUES('tomas',5);
INSERT INTO "patient_search_tokens" VALUES('1984-03-09',7);
INSERT INTO "patient_search_tokens" VALUES('hx-1007',7);
INSERT INTO "patient_search_tokens" VALUES('ines',7);
INSERT INTO "patient_search_tokens" VALUES('kowalski',7);
CREATE TABLE patients (
    id          INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,                 -- the clinic's own record number; NULL when none
    name        TEXT NOT NULL CHECK (length(name) > 0),
    name_key    TEXT NOT NULL,
    birth_date  TEXT,                        -- YYYY-MM-DD or NULL
    sex         TEXT NOT NULL DEFAULT 'unknown',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,               -- ISO 8601 UTC
    updated_at  TEXT NOT NULL
, row_version INTEGER NOT NULL DEFAULT 1);
INSERT INTO "patients" VALUES(1,'HX-1001','Dale Hughes','dale hughes','1970-09-09','male','','+44 7700 900101','2026-11-02T09:00:00.000Z','2026-11-02T09:00:00.000Z',1);
INSERT INTO "patients" VALUES(2,NULL,'Sam Carter','sam carter','1988-06-14','male','sam.carter@example.org','','2026-11-03T09:00:00.000Z','2026-11-03T09:00:00.000Z',1);
INSERT INTO "patients" VALUES(3,'MRN-THA-POST-1','Margaret O''Neill','margaret o neill','1950-02-17','female','m.oneill@example.net','+44 7700 900303','2026-11-04T09:00:00.000Z','2026-11-04T09:00:00.000Z',1);
INSERT INTO "patients" VALUES(4,'HX-1004','Priya Natarajan','priya natarajan','1979-01-30','female','','','2026-11-05T09:00:00.000Z','2026-11-05T09:00:00.000Z',1);
INSERT INTO "patients" VALUES(5,'hx-1005','Tomás Álvarez','tomas alvarez','1995-12-01','male','tomas.alvarez@example.com','','2026-11-06T09:00:00.000Z','2026-11-06T09:00:00.000Z',1);
INSERT INTO "patients" VALUES(7,'HX-1007','Ines Kowalski','ines kowalski','1984-03-09','female','','','2026-11-22T09:00:00.000Z','2026-11-22T09:00:00.000Z',1);
CREATE TABLE programs (
    id              INTEGER PRIMARY KEY,
    visit_id        INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
    version         INTEGER NOT NULL CHECK (version >= 1),
    issued_at       TEXT NOT NULL,
    clinician       TEXT NOT NULL DEFAULT '',
    program_json    TEXT NOT NULL,
    acknowledgement TEXT NOT NULL DEFAULT '', pdf BLOB,
    UNIQUE (visit_id, version)
);
INSERT INTO "programs" VALUES(1,1,1,'2026-11-04T09:31:00.000Z','Jordan Park, PT','{
  "format": "hiprx-program/1",
  "referral_level": "emergency",
  "withheld": true,
  "program": [],
  "excluded": [],
  "warnings": [
    "Emergency referral: do not issue an exercise program before same-day medical assessment."
  ]
}
','',NULL);
INSERT INTO "programs" VALUES(2,2,1,'2026-11-02T09:31:00.000Z','Jordan Park, PT','{
  "format": "hiprx-program/1",
  "referral_level": "none",
  "withheld": false,
  "program": [
    {
      "exercise": "standing_hip_flexor_stretch",
      "name": "Standing hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "both",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 30,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS)",
        "tight hip flexors (iliopsoas) right (R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Stand tall beside a chair or kitchen counter and hold it with one hand.",
      "steps": [
        "Step the leg you stretch a short step back and lift its heel.",
        "Tuck your tailbone under and squeeze the buttock of the back leg.",
        "Push your hips forward a little until you feel a gentle stretch at the front of the back hip.",
        "Hold and breathe, then step back to the start."
      ],
      "key_cue": "Keep the step short and the tuck on. You should feel the stretch in the front of the hip, not the back.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling.",
      "equipment": [
        "chair or counter for support"
      ],
      "figure": "standing_hip_flexor_stretch"
    },
    {
      "exercise": "kneeling_hip_flexor_stretch",
      "name": "Kneeling hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "both",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 30,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7,
        "notes": "Breathe slowly while you hold."
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS)",
        "tight hip flexors (iliopsoas) right (R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Kneel on a soft mat on the knee of the leg you stretch, with the other foot flat on the floor in front of you.",
      "steps": [
        "Put a folded towel under the back knee if it feels sore.",
        "Rest your hands on your front knee and lift your chest so you kneel up tall.",
        "Tighten your tummy and squeeze the buttock on the side of the back leg.",
        "Shift your hips forward slowly until you feel a stretch at the front of the back hip.",
        "Hold and breathe slowly, then ease your hips back."
      ],
      "key_cue": "Keep your lower back flat. Move your hips forward, not your back into an arch.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling. Stop too if the back knee hurts.",
      "equipment": [
        "mat",
        "folded towel"
      ],
      "figure": "kneeling_hip_flexor_stretch"
    },
    {
      "exercise": "prone_hip_extension",
      "name": "Face-down leg lift",
      "kind": "strengthen",
      "targets": [
        "gluteus_maximus"
      ],
      "side": "both",
      "dose": {
        "sets": 2,
        "reps": 12,
        "hold_s": 0,
        "rest_s": 60,
        "per_day": 1,
        "days_per_week": 3,
        "load": "body weight"
      },
      "basis": [
        "weak gluteus maximus left (R-WEAK-GMAX-MMT)",
        "weak gluteus maximus right (R-WEAK-GMAX-MMT)"
      ],
      "start_position": "Lie face down on a mat with a pillow under your hips and your forehead on your hands.",
      "steps": [
        "Tighten your tummy gently.",
        "Bend the knee of the working leg to a right angle.",
        "Squeeze your buttock and lift that thigh a little off the mat.",
        "Lower it slowly."
      ],
      "key_cue": "Lift only a few centimetres. Keep your hips on the pillow; do not twist.",
      "stop_if": "Stop if you feel sharp pain, pain that shoots down your leg, or numbness or tingling. Muscles working hard is fine.",
      "equipment": [
        "mat",
        "pillow"
      ],
      "figure": "prone_hip_extension"
    }
  ],
  "excluded": [],
  "warnings": []
}
','',NULL);
INSERT INTO "programs" VALUES(3,3,1,'2026-11-05T09:31:00.000Z','Jordan Park, PT','{
  "format": "hiprx-program/1",
  "referral_level": "none",
  "withheld": false,
  "program": [
    {
      "exercise": "standing_hip_flexor_stretch",
      "name": "Standing hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "left",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 45,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Stand tall beside a chair or kitchen counter and hold it with one hand.",
      "steps": [
        "Step the leg you stretch a short step back and lift its heel.",
        "Tuck your tailbone under and squeeze the buttock of the back leg.",
        "Push your hips forward a little until you feel a gentle stretch at the front of the back hip.",
        "Hold and breathe, then step back to the start."
      ],
      "key_cue": "Keep the step short and the tuck on. You should feel the stretch in the front of the hip, not the back.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling.",
      "equipment": [
        "chair or counter for support"
      ],
      "figure": "standing_hip_flexor_stretch"
    },
    {
      "exercise": "seated_isometric_hip_abduction",
      "name": "Seated outer hip press",
      "kind": "strengthen",
      "targets": [
        "gluteus_medius"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 5,
        "hold_s": 10,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest a few seconds between pushes."
      },
      "basis": [
        "weak gluteus medius / minimus left (R-WEAK-GMED-MMT, R-WEAK-GMED-TREND)"
      ],
      "start_position": "Sit tall on a chair with your feet flat and a belt or band fastened around your thighs just above the knees.",
      "steps": [
        "Push both knees gently out against the belt.",
        "Hold the push while you breathe normally.",
        "Relax slowly.",
        "Rest a few seconds before the next push."
      ],
      "key_cue": "Push gently. The knees should barely move.",
      "stop_if": "Stop if you feel sharp pain in your hip or groin.",
      "equipment": [
        "chair",
        "belt or band"
      ],
      "figure": "seated_isometric_hip_abduction"
    },
    {
      "exercise": "glute_sets",
      "name": "Buttock squeezes",
      "kind": "strengthen",
      "targets": [
        "gluteus_maximus"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 10,
        "hold_s": 5,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest a few seconds between squeezes."
      },
      "basis": [
        "weak gluteus maximus left (R-WEAK-GMAX-MMT)"
      ],
      "start_position": "Sit tall on a chair or lie on your back on a bed, whichever is more comfortable.",
      "steps": [
        "Squeeze both buttocks together firmly.",
        "Hold the squeeze while you breathe normally.",
        "Let go slowly and rest for a few seconds.",
        "Repeat the squeeze."
      ],
      "key_cue": "Squeeze the buttocks only. Keep your tummy and legs relaxed.",
      "stop_if": "Stop if the squeeze brings on sharp pain in your hip or back.",
      "equipment": [
        "chair or bed"
      ],
      "figure": "glute_sets"
    }
  ],
  "excluded": [
    {
      "exercise": "leg_swings",
      "name": "Leg swings",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "leg_swings",
      "name": "Leg swings",
      "reason": "tha_posterior: adduction past the midline",
      "cause": "tha_posterior",
      "demand": "hip_adduction_past_midline"
    },
    {
      "exercise": "pigeon_stretch",
      "name": "Pigeon stretch (modified)",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "psoas_stretch_foam_roller",
      "name": "Psoas stretch over a foam roller",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "romanian_deadlift",
      "name": "Romanian deadlift (hip hinge)",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "squat",
      "name": "Squat",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "thomas_hip_flexor_stretch",
      "name": "Edge-of-bed hip flexor stretch",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    }
  ],
  "warnings": []
}
','',X'255044462D312E340A25204869705278206D6967726174696F6E20666978747572653A20766973697420332076657273696F6E20310A2525454F460A');
INSERT INTO "programs" VALUES(4,4,1,'2026-11-06T09:31:00.000Z','Jordan Park, PT','{
  "format": "hiprx-program/1",
  "referral_level": "none",
  "withheld": false,
  "program": [
    {
      "exercise": "standing_crossover_hip_stretch",
      "name": "Standing cross-over outer hip stretch",
      "kind": "stretch",
      "targets": [
        "tfl_itb",
        "gluteus_medius"
      ],
      "side": "right",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 30,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7
      },
      "basis": [
        "tight TFL / iliotibial band right (R-TIGHT-TFL-OBER)"
      ],
      "start_position": "Stand side-on to a wall, with the leg you stretch nearest the wall, and put one hand on the wall.",
      "steps": [
        "Cross the leg you stretch behind your other leg.",
        "Keep both feet flat and both knees straight but soft.",
        "Push your hips gently sideways toward the wall.",
        "Feel the stretch along the outside of the hip near the wall.",
        "Hold, then uncross your legs."
      ],
      "key_cue": "Move your hips, not your shoulders. Stay upright.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling. Stop too if you feel pain at the bony point on the side of your hip.",
      "equipment": [
        "wall"
      ],
      "figure": "standing_crossover_hip_stretch"
    },
    {
      "exercise": "seated_isometric_hip_abduction",
      "name": "Seated outer hip press",
      "kind": "strengthen",
      "targets": [
        "gluteus_medius"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 5,
        "hold_s": 10,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest a few seconds between pushes."
      },
      "basis": [
        "weak gluteus medius / minimus right (R-WEAK-GMED-MMT, R-WEAK-GMED-TREND)"
      ],
      "start_position": "Sit tall on a chair with your feet flat and a belt or band fastened around your thighs just above the knees.",
      "steps": [
        "Push both knees gently out against the belt.",
        "Hold the push while you breathe normally.",
        "Relax slowly.",
        "Rest a few seconds before the next push."
      ],
      "key_cue": "Push gently. The knees should barely move.",
      "stop_if": "Stop if you feel sharp pain in your hip or groin.",
      "equipment": [
        "chair",
        "belt or band"
      ],
      "figure": "seated_isometric_hip_abduction"
    },
    {
      "exercise": "supine_isometric_hip_abduction",
      "name": "Lying outward leg push against a belt",
      "kind": "strengthen",
      "targets": [
        "gluteus_medius"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 5,
        "hold_s": 30,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest 30 s between holds."
      },
      "basis": [
        "weak gluteus medius / minimus right (R-WEAK-GMED-MMT, R-WEAK-GMED-TREND)"
      ],
      "start_position": "Lie on your back with your legs straight and hip-width apart, and a belt fastened around your thighs just above the knees.",
      "steps": [
        "Check that your legs are as wide apart as your hips, not closer together, with your toes pointing up.",
        "Push both legs gently out against the belt.",
        "Hold the push while you breathe normally.",
        "Relax slowly.",
        "Rest before the next push."
      ],
      "key_cue": "Push at about half your effort. The legs stay still; only the muscles work.",
      "stop_if": "Stop if the outside of your hip becomes more painful during or after the holds, or if you feel sharp pain, pain that shoots down your leg, or numbness or tingling.",
      "equipment": [
        "mat or bed",
        "belt or band"
      ],
      "figure": "supine_isometric_hip_abduction"
    }
  ],
  "excluded": [],
  "warnings": []
}
','',X'255044462D312E340A25204869705278206D6967726174696F6E20666978747572653A20766973697420342076657273696F6E20310A2525454F460A');
INSERT INTO "programs" VALUES(5,6,1,'2026-11-19T09:31:00.000Z','Jordan Park, PT','{
  "format": "hiprx-program/1",
  "referral_level": "none",
  "withheld": false,
  "program": [
    {
      "exercise": "standing_hip_flexor_stretch",
      "name": "Standing hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "left",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 45,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Stand tall beside a chair or kitchen counter and hold it with one hand.",
      "steps": [
        "Step the leg you stretch a short step back and lift its heel.",
        "Tuck your tailbone under and squeeze the buttock of the back leg.",
        "Push your hips forward a little until you feel a gentle stretch at the front of the back hip.",
        "Hold and breathe, then step back to the start."
      ],
      "key_cue": "Keep the step short and the tuck on. You should feel the stretch in the front of the hip, not the back.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling.",
      "equipment": [
        "chair or counter for support"
      ],
      "figure": "standing_hip_flexor_stretch"
    },
    {
      "exercise": "seated_isometric_hip_abduction",
      "name": "Seated outer hip press",
      "kind": "strengthen",
      "targets": [
        "gluteus_medius"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 5,
        "hold_s": 10,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest a few seconds between pushes."
      },
      "basis": [
        "weak gluteus medius / minimus left (R-WEAK-GMED-MMT, R-WEAK-GMED-TREND)"
      ],
      "start_position": "Sit tall on a chair with your feet flat and a belt or band fastened around your thighs just above the knees.",
      "steps": [
        "Push both knees gently out against the belt.",
        "Hold the push while you breathe normally.",
        "Relax slowly.",
        "Rest a few seconds before the next push."
      ],
      "key_cue": "Push gently. The knees should barely move.",
      "stop_if": "Stop if you feel sharp pain in your hip or groin.",
      "equipment": [
        "chair",
        "belt or band"
      ],
      "figure": "seated_isometric_hip_abduction"
    },
    {
      "exercise": "prone_hip_extension",
      "name": "Face-down leg lift",
      "kind": "strengthen",
      "targets": [
        "gluteus_maximus"
      ],
      "side": "left",
      "dose": {
        "sets": 2,
        "reps": 12,
        "hold_s": 0,
        "rest_s": 60,
        "per_day": 1,
        "days_per_week": 3,
        "load": "body weight"
      },
      "basis": [
        "weak gluteus maximus left (R-WEAK-GMAX-MMT)"
      ],
      "start_position": "Lie face down on a mat with a pillow under your hips and your forehead on your hands.",
      "steps": [
        "Tighten your tummy gently.",
        "Bend the knee of the working leg to a right angle.",
        "Squeeze your buttock and lift that thigh a little off the mat.",
        "Lower it slowly."
      ],
      "key_cue": "Lift only a few centimetres. Keep your hips on the pillow; do not twist.",
      "stop_if": "Stop if you feel sharp pain, pain that shoots down your leg, or numbness or tingling. Muscles working hard is fine.",
      "equipment": [
        "mat",
        "pillow"
      ],
      "figure": "prone_hip_extension"
    }
  ],
  "excluded": [
    {
      "exercise": "leg_swings",
      "name": "Leg swings",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "leg_swings",
      "name": "Leg swings",
      "reason": "tha_posterior: adduction past the midline",
      "cause": "tha_posterior",
      "demand": "hip_adduction_past_midline"
    },
    {
      "exercise": "pigeon_stretch",
      "name": "Pigeon stretch (modified)",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "psoas_stretch_foam_roller",
      "name": "Psoas stretch over a foam roller",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "romanian_deadlift",
      "name": "Romanian deadlift (hip hinge)",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "squat",
      "name": "Squat",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "thomas_hip_flexor_stretch",
      "name": "Edge-of-bed hip flexor stretch",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    }
  ],
  "warnings": []
}
','',X'255044462D312E340A25204869705278206D6967726174696F6E20666978747572653A20766973697420362076657273696F6E20310A2525454F460A');
CREATE TABLE protocols (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
    program_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
INSERT INTO "protocols" VALUES(1,'Post-THA posterior week 8','{
  "format": "hiprx-program/1",
  "referral_level": "none",
  "withheld": false,
  "program": [
    {
      "exercise": "standing_hip_flexor_stretch",
      "name": "Standing hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "left",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 45,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Stand tall beside a chair or kitchen counter and hold it with one hand.",
      "steps": [
        "Step the leg you stretch a short step back and lift its heel.",
        "Tuck your tailbone under and squeeze the buttock of the back leg.",
        "Push your hips forward a little until you feel a gentle stretch at the front of the back hip.",
        "Hold and breathe, then step back to the start."
      ],
      "key_cue": "Keep the step short and the tuck on. You should feel the stretch in the front of the hip, not the back.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling.",
      "equipment": [
        "chair or counter for support"
      ],
      "figure": "standing_hip_flexor_stretch"
    },
    {
      "exercise": "seated_isometric_hip_abduction",
      "name": "Seated outer hip press",
      "kind": "strengthen",
      "targets": [
        "gluteus_medius"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 5,
        "hold_s": 10,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest a few seconds between pushes."
      },
      "basis": [
        "weak gluteus medius / minimus left (R-WEAK-GMED-MMT, R-WEAK-GMED-TREND)"
      ],
      "start_position": "Sit tall on a chair with your feet flat and a belt or band fastened around your thighs just above the knees.",
      "steps": [
        "Push both knees gently out against the belt.",
        "Hold the push while you breathe normally.",
        "Relax slowly.",
        "Rest a few seconds before the next push."
      ],
      "key_cue": "Push gently. The knees should barely move.",
      "stop_if": "Stop if you feel sharp pain in your hip or groin.",
      "equipment": [
        "chair",
        "belt or band"
      ],
      "figure": "seated_isometric_hip_abduction"
    },
    {
      "exercise": "glute_sets",
      "name": "Buttock squeezes",
      "kind": "strengthen",
      "targets": [
        "gluteus_maximus"
      ],
      "side": "none",
      "dose": {
        "sets": 1,
        "reps": 10,
        "hold_s": 5,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 3,
        "notes": "Rest a few seconds between squeezes."
      },
      "basis": [
        "weak gluteus maximus left (R-WEAK-GMAX-MMT)"
      ],
      "start_position": "Sit tall on a chair or lie on your back on a bed, whichever is more comfortable.",
      "steps": [
        "Squeeze both buttocks together firmly.",
        "Hold the squeeze while you breathe normally.",
        "Let go slowly and rest for a few seconds.",
        "Repeat the squeeze."
      ],
      "key_cue": "Squeeze the buttocks only. Keep your tummy and legs relaxed.",
      "stop_if": "Stop if the squeeze brings on sharp pain in your hip or back.",
      "equipment": [
        "chair or bed"
      ],
      "figure": "glute_sets"
    }
  ],
  "excluded": [
    {
      "exercise": "leg_swings",
      "name": "Leg swings",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "leg_swings",
      "name": "Leg swings",
      "reason": "tha_posterior: adduction past the midline",
      "cause": "tha_posterior",
      "demand": "hip_adduction_past_midline"
    },
    {
      "exercise": "pigeon_stretch",
      "name": "Pigeon stretch (modified)",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "psoas_stretch_foam_roller",
      "name": "Psoas stretch over a foam roller",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "romanian_deadlift",
      "name": "Romanian deadlift (hip hinge)",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "squat",
      "name": "Squat",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    },
    {
      "exercise": "thomas_hip_flexor_stretch",
      "name": "Edge-of-bed hip flexor stretch",
      "reason": "tha_posterior: hip flexion past 90°",
      "cause": "tha_posterior",
      "demand": "hip_flexion_past_90"
    }
  ],
  "warnings": []
}
','2026-11-20T09:11:00.000Z','2026-11-20T09:11:00.000Z');
INSERT INTO "protocols" VALUES(2,'Desk worker: hip flexors','{
  "format": "hiprx-program/1",
  "referral_level": "none",
  "withheld": false,
  "program": [
    {
      "exercise": "standing_hip_flexor_stretch",
      "name": "Standing hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "both",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 30,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS)",
        "tight hip flexors (iliopsoas) right (R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Stand tall beside a chair or kitchen counter and hold it with one hand.",
      "steps": [
        "Step the leg you stretch a short step back and lift its heel.",
        "Tuck your tailbone under and squeeze the buttock of the back leg.",
        "Push your hips forward a little until you feel a gentle stretch at the front of the back hip.",
        "Hold and breathe, then step back to the start."
      ],
      "key_cue": "Keep the step short and the tuck on. You should feel the stretch in the front of the hip, not the back.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling.",
      "equipment": [
        "chair or counter for support"
      ],
      "figure": "standing_hip_flexor_stretch"
    },
    {
      "exercise": "kneeling_hip_flexor_stretch",
      "name": "Kneeling hip flexor stretch",
      "kind": "stretch",
      "targets": [
        "hip_flexors"
      ],
      "side": "both",
      "dose": {
        "sets": 1,
        "reps": 3,
        "hold_s": 30,
        "rest_s": 0,
        "per_day": 1,
        "days_per_week": 7,
        "notes": "Breathe slowly while you hold."
      },
      "basis": [
        "tight hip flexors (iliopsoas) left (R-TIGHT-HIPFLEX-EXT, R-TIGHT-HIPFLEX-THOMAS)",
        "tight hip flexors (iliopsoas) right (R-TIGHT-HIPFLEX-THOMAS)"
      ],
      "start_position": "Kneel on a soft mat on the knee of the leg you stretch, with the other foot flat on the floor in front of you.",
      "steps": [
        "Put a folded towel under the back knee if it feels sore.",
        "Rest your hands on your front knee and lift your chest so you kneel up tall.",
        "Tighten your tummy and squeeze the buttock on the side of the back leg.",
        "Shift your hips forward slowly until you feel a stretch at the front of the back hip.",
        "Hold and breathe slowly, then ease your hips back."
      ],
      "key_cue": "Keep your lower back flat. Move your hips forward, not your back into an arch.",
      "stop_if": "Stop if you feel sharp or pinching pain, pain that shoots down your leg, or numbness or tingling. Stop too if the back knee hurts.",
      "equipment": [
        "mat",
        "folded towel"
      ],
      "figure": "kneeling_hip_flexor_stretch"
    },
    {
      "exercise": "prone_hip_extension",
      "name": "Face-down leg lift",
      "kind": "strengthen",
      "targets": [
        "gluteus_maximus"
      ],
      "side": "both",
      "dose": {
        "sets": 2,
        "reps": 12,
        "hold_s": 0,
        "rest_s": 60,
        "per_day": 1,
        "days_per_week": 3,
        "load": "body weight"
      },
      "basis": [
        "weak gluteus maximus left (R-WEAK-GMAX-MMT)",
        "weak gluteus maximus right (R-WEAK-GMAX-MMT)"
      ],
      "start_position": "Lie face down on a mat with a pillow under your hips and your forehead on your hands.",
      "steps": [
        "Tighten your tummy gently.",
        "Bend the knee of the working leg to a right angle.",
        "Squeeze your buttock and lift that thigh a little off the mat.",
        "Lower it slowly."
      ],
      "key_cue": "Lift only a few centimetres. Keep your hips on the pillow; do not twist.",
      "stop_if": "Stop if you feel sharp pain, pain that shoots down your leg, or numbness or tingling. Muscles working hard is fine.",
      "equipment": [
        "mat",
        "pillow"
      ],
      "figure": "prone_hip_extension"
    }
  ],
  "excluded": [],
  "warnings": []
}
','2026-11-20T09:12:00.000Z','2026-11-20T09:12:00.000Z');
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO "settings" VALUES('branding','{
  "clinic_name": "Riverside Physiotherapy (invented)",
  "address": "1 Example Road\nSpringfield",
  "phone": "+44 20 7946 0000",
  "email": "desk@example.org",
  "website": "",
  "logo": "",
  "accent_color": "#2A6F4E",
  "therapist_name": "Jordan Park",
  "therapist_credentials": "PT"
}
','2026-11-01T09:00:00.000Z');
INSERT INTO "settings" VALUES('page_size','"letter"','2026-11-01T09:01:00.000Z');
CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    credentials TEXT NOT NULL DEFAULT '' CHECK (length(credentials) <= 60),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL -- ISO 8601 UTC
);
INSERT INTO "staff" VALUES(1,'Jordan Park','PT',1,'2026-11-24T09:01:00.000Z');
INSERT INTO "staff" VALUES(2,'Alex Moreau','PT, DPT',1,'2026-11-24T09:02:00.000Z');
INSERT INTO "staff" VALUES(3,'Casey Lind','PTA',0,'2026-11-24T09:03:00.000Z');
CREATE TABLE visit_notes (
    program_id INTEGER PRIMARY KEY REFERENCES programs (id),
    made_at TEXT NOT NULL,
    pdf BLOB NOT NULL CHECK (length(pdf) > 0)
);
INSERT INTO "visit_notes" VALUES(3,'2026-11-25T09:00:00.000Z',X'255044462D312E340A25204869705278206D6967726174696F6E20666978747572653A207669736974206E6F74652C2070726F6772616D20330A2525454F460A');
CREATE TABLE visits (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,
    visit_date      TEXT,
    clinician       TEXT NOT NULL DEFAULT '',
    complaint       TEXT NOT NULL DEFAULT '',
    assessment_json TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
, row_version INTEGER NOT NULL DEFAULT 1);
INSERT INTO "visits" VALUES(1,1,'2026-11-04','Jordan Park, PT','Low back pain, numb between the legs since yesterday','{
  "format": "hiprx-assessment/1",
  "patient": {
    "name": "patient"
  },
  "visit": {
    "date": "2026-11-04",
    "clinician": "Jordan Park, PT",
    "complaint": "Low back pain, numb between the legs since yesterday",
    "norm_set": "roach_miles"
  },
  "pain": {
    "nprs_now": 8,
    "nprs_worst_24h": 9,
    "irritability": "high"
  },
  "tests": {
    "left": {
      "thomas_iliopsoas": "positive"
    }
  },
  "red_flags": [
    "saddle_anaesthesia",
    "bladder_bowel_dysfunction"
  ],
  "red_flags_screened": true
}
','2026-11-02T09:01:00.000Z','2026-11-02T09:01:00.000Z',1);
INSERT INTO "visits" VALUES(2,2,'2026-11-02','Jordan Park, PT','Stiff low back after long days at the desk','{
  "format": "hiprx-assessment/1",
  "patient": {
    "name": "patient"
  },
  "visit": {
    "date": "2026-11-02",
    "clinician": "Jordan Park, PT",
    "affected_side": "left",
    "complaint": "Stiff low back after long days at the desk",
    "norm_set": "roach_miles"
  },
  "rom": {
    "left": {
      "hip_flexion": 118,
      "hip_extension": 0,
      "hip_abduction": 40,
      "hip_adduction": 25,
      "hip_internal_rotation": 38,
      "hip_external_rotation": 42
    },
    "right": {
      "hip_flexion": 120,
      "hip_extension": 5,
      "hip_abduction": 42,
      "hip_adduction": 26,
      "hip_internal_rotation": 40,
      "hip_external_rotation": 44
    }
  },
  "pain": {
    "nprs_now": 3,
    "nprs_best_24h": 1,
    "nprs_worst_24h": 5,
    "irritability": "low"
  },
  "tests": {
    "left": {
      "thomas_iliopsoas": "positive"
    },
    "right": {
      "thomas_iliopsoas": "positive"
    }
  },
  "strength": {
    "left": {
      "gluteus_maximus": "4-"
    },
    "right": {
      "gluteus_maximus": "4-"
    }
  }
}
','2026-11-03T09:01:00.000Z','2026-11-03T09:01:00.000Z',1);
INSERT INTO "visits" VALUES(3,3,'2026-11-05','Alex Moreau, PT, DPT','Eight weeks after left hip replacement','{
  "format": "hiprx-assessment/1",
  "patient": {
    "name": "patient"
  },
  "visit": {
    "date": "2026-11-05",
    "clinician": "Alex Moreau, PT, DPT",
    "affected_side": "left",
    "complaint": "Eight weeks after left hip replacement",
    "norm_set": "roach_miles"
  },
  "rom": {
    "left": {
      "hip_flexion": 85,
      "hip_extension": 0,
      "hip_abduction": 25
    }
  },
  "pain": {
    "nprs_now": 2,
    "nprs_worst_24h": 4,
    "irritability": "low"
  },
  "tests": {
    "left": {
      "thomas_iliopsoas": "positive",
      "trendelenburg": "positive"
    }
  },
  "strength": {
    "left": {
      "gluteus_maximus": "3+",
      "gluteus_medius": "3"
    }
  },
  "precautions": [
    "tha_posterior"
  ]
}
','2026-11-04T09:01:00.000Z','2026-11-04T09:01:00.000Z',1);
INSERT INTO "visits" VALUES(4,4,'2026-11-03','Alex Moreau, PT, DPT','Outer right hip ache when running','{
  "format": "hiprx-assessment/1",
  "patient": {
    "name": "patient"
  },
  "visit": {
    "date": "2026-11-03",
    "clinician": "Alex Moreau, PT, DPT",
    "affected_side": "right",
    "complaint": "Outer right hip ache when running",
    "norm_set": "roach_miles"
  },
  "rom": {
    "left": {
      "hip_adduction": 28
    },
    "right": {
      "hip_adduction": 15
    }
  },
  "pain": {
    "nprs_now": 2,
    "nprs_worst_24h": 5,
    "irritability": "low"
  },
  "tests": {
    "left": {
      "ober": "negative",
      "trendelenburg": "negative"
    },
    "right": {
      "ober": "positive",
      "trendelenburg": "positive"
    }
  },
  "strength": {
    "left": {
      "gluteus_medius": "5"
    },
    "right": {
      "gluteus_medius": "3+"
    }
  }
}
','2026-11-05T09:01:00.000Z','2026-11-05T09:01:00.000Z',1);
INSERT INTO "visits" VALUES(5,5,'2026-11-06','','Back feels tight when bending forward','{
  "format": "hiprx-assessment/1",
  "patient": {
    "name": "patient"
  },
  "visit": {
    "date": "2026-11-06",
    "complaint": "Back feels tight when bending forward",
    "norm_set": "roach_miles"
  },
  "pain": {
    "nprs_now": 1,
    "nprs_worst_24h": 3,
    "irritability": "low"
  },
  "tests": {
    "left": {
      "slr": 50,
      "popliteal_angle": 35
    },
    "right": {
      "slr": 55,
      "popliteal_angle": 30
    }
  }
}
','2026-11-06T09:01:00.000Z','2026-11-06T09:01:00.000Z',1);
INSERT INTO "visits" VALUES(6,3,'2026-11-19','','Ten weeks after left hip replacement: walking further, less pain','{
  "format": "hiprx-assessment/1",
  "patient": {
    "name": "patient"
  },
  "visit": {
    "date": "2026-11-19",
    "affected_side": "left",
    "complaint": "Ten weeks after left hip replacement: walking further, less pain",
    "norm_set": "roach_miles"
  },
  "rom": {
    "left": {
      "hip_flexion": 90,
      "hip_extension": 5,
      "hip_abduction": 35
    }
  },
  "pain": {
    "nprs_now": 0,
    "nprs_worst_24h": 2,
    "irritability": "low"
  },
  "tests": {
    "left": {
      "thomas_iliopsoas": "positive",
      "trendelenburg": "positive"
    }
  },
  "strength": {
    "left": {
      "gluteus_maximus": "4-",
      "gluteus_medius": "3+"
    }
  },
  "precautions": [
    "tha_posterior"
  ]
}
','2026-11-19T09:00:00.000Z','2026-11-19T09:00:00.000Z',1);
CREATE INDEX patients_birth_date ON patients (birth_date);
CREATE INDEX patients_updated_at ON patients (updated_at);
CREATE INDEX visits_patient_date ON visits (patient_id, visit_date);
CREATE TRIGGER programs_are_immutable_update BEFORE UPDATE ON programs
BEGIN
    SELECT RAISE(ABORT, 'an issued program cannot be changed; issue a new version instead');
END;
CREATE TRIGGER programs_are_immutable_delete BEFORE DELETE ON programs
BEGIN
    SELECT RAISE(ABORT, 'an issued program cannot be deleted');
END;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;
CREATE INDEX patients_search ON patients (name_key, birth_date, external_id);
CREATE INDEX outbox_visit ON outbox (visit_id, created_at);
CREATE INDEX outbox_status ON outbox (status);
CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE ON outbox
WHEN OLD.status = 'sent'
BEGIN
    SELECT RAISE(ABORT, 'a sent message cannot be changed');
END;
CREATE TRIGGER outbox_is_kept BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'the email history cannot be deleted');
END;
CREATE INDEX patient_search_tokens_patient ON patient_search_tokens (patient_id);
CREATE TRIGGER outbox_discard_only_unsent BEFORE INSERT ON outbox_discarded
WHEN (SELECT status FROM outbox WHERE id = NEW.outbox_id) = 'sent'
BEGIN
    SELECT RAISE(ABORT, 'a sent message cannot be discarded');
END;
CREATE TRIGGER outbox_discarded_is_final BEFORE UPDATE ON outbox
WHEN EXISTS (SELECT 1 FROM outbox_discarded WHERE outbox_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a discarded message is not sent again');
END;
CREATE TRIGGER outbox_discarded_is_kept BEFORE DELETE ON outbox_discarded
BEGIN
    SELECT RAISE(ABORT, 'the email history cannot be deleted');
END;
CREATE TRIGGER outbox_discarded_is_fixed BEFORE UPDATE ON outbox_discarded
BEGIN
    SELECT RAISE(ABORT, 'the email history cannot be changed');
END;
CREATE UNIQUE INDEX staff_name ON staff (name, credentials);
CREATE TRIGGER staff_is_kept BEFORE DELETE ON staff
BEGIN
    SELECT RAISE(ABORT, 'staff are retired, never deleted');
END;
CREATE TRIGGER visit_notes_are_immutable_update BEFORE UPDATE ON visit_notes
BEGIN
    SELECT RAISE(ABORT, 'a stored visit note cannot be changed; it is the record as filed');
END;
CREATE TRIGGER visit_notes_are_immutable_delete BEFORE DELETE ON visit_notes
BEGIN
    SELECT RAISE(ABORT, 'a stored visit note cannot be deleted');
END;
COMMIT;
