// SPDX-License-Identifier: GPL-3.0-or-later
//
// The rules every issued program obeys, whoever issues it (app, command line, a later front end)
// and whoever sends it. Written once here; the workflow layer checks them before it renders a PDF
// and the store checks them again inside the transaction that stores the program.
#pragma once

#include "core/analysis.h"
#include "core/error.h"
#include "core/exercise.h"
#include "core/program.h"

#include <string>
#include <vector>

namespace hiprx::core {

/// `program` made ready to issue against the visit's analysis: it carries the referral level, an
/// emergency withholds every exercise, and the warnings are the review of the final items.
Program prepareForIssue(Program program, const Analysis& analysis, const ExerciseLibrary& library);

/// Why a program may not be issued; empty when it may. An emergency program must be withheld and
/// hold no exercise; an urgent one needs the clinician's acknowledgement of the referral (what the
/// patient was told); doses and sides must be valid. Each problem names its field ("program.items",
/// "acknowledgement", "program[2].dose.sets").
std::vector<FieldProblem> issueProblems(const Program& program, const std::string& acknowledgement);

/// Why an issued program may not be emailed; empty when it may. A withheld (emergency) program is
/// never emailed: getting help now is said in person or by phone.
std::vector<FieldProblem> sendProblems(const Program& program);

} // namespace hiprx::core
