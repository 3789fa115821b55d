// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/import.h"

#include "workflow/clinic.h"

namespace hiprx::workflow {

core::Patient mergeImportedPatient(const core::Patient& stored, core::Patient incoming)
{
    incoming.id = stored.id;
    if (incoming.email.empty())
        incoming.email = stored.email;
    if (incoming.phone.empty())
        incoming.phone = stored.phone;
    if (!incoming.birthDate)
        incoming.birthDate = stored.birthDate;
    if (incoming.sex == core::Sex::Unknown)
        incoming.sex = stored.sex;
    return incoming;
}

ImportResult importAssessment(store::Database& db, core::Assessment assessment, const store::Actor& actor)
{
    // Read against the clinic's reference set from now on when the file names none, as a visit
    // saved in the app is.
    if (!assessment.visit.normSet)
        assessment.visit.normSet = loadClinic(db).norms;
    ImportResult result;
    db.transaction([&] {
        store::PatientRepository patients(db);
        const core::Patient& incoming = assessment.patient;
        std::optional<core::Patient> existing;
        if (!incoming.externalId.empty())
            existing = patients.findByExternalId(incoming.externalId);
        if (existing) {
            const core::Patient merged = mergeImportedPatient(*existing, incoming);
            if (!(merged == *existing))
                patients.update(merged, actor);
            result.patientId = existing->id;
            result.newPatient = false;
        } else {
            result.patientId = patients.create(incoming, actor);
        }
        result.visitId = store::VisitRepository(db).create(result.patientId, assessment, actor);
    });
    return result;
}

} // namespace hiprx::workflow
