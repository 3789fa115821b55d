-- Search as you type over 100,000 patients: every word of the folded name, the lower-cased record
-- number and the birth date become tokens, and each query word is one index range lookup
-- (token >= 'alv' AND token < 'alv' || char(0x10FFFF)) instead of a LIKE '% alv%' scan of the
-- whole table. Kept up to date by PatientRepository in the same transaction as the patient row.
CREATE TABLE patient_search_tokens (
    token      TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (token, patient_id)
) WITHOUT ROWID;
CREATE INDEX patient_search_tokens_patient ON patient_search_tokens (patient_id);

-- Tokens for the patients already stored (name_key is words separated by single spaces).
INSERT OR IGNORE INTO patient_search_tokens (token, patient_id)
WITH RECURSIVE split (patient_id, word, rest) AS (
    SELECT id, '', name_key || ' ' FROM patients
    UNION ALL
    SELECT patient_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM split WHERE rest <> ''
)
SELECT word, patient_id FROM split WHERE word <> ''
UNION ALL SELECT lower(external_id), id FROM patients WHERE coalesce(external_id, '') <> ''
UNION ALL SELECT birth_date, id FROM patients WHERE coalesce(birth_date, '') <> '';
