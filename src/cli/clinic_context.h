// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the commands that do the clinic's jobs share: the clinic's settings and materials from the
// workflow layer, with every problem reading them printed as a warning, and the actor.
#pragma once

#include "cli/cli_context.h"
#include "workflow/clinic.h"

namespace hiprx::cli {

/// The clinic's settings of the database; each setting that cannot be read is a warning on
/// standard error (the job goes on with the default).
workflow::Clinic loadClinic(store::Database& db);

/// The exercise library and figures (in the clinic's accent colour), problems warned as above.
workflow::Materials loadMaterials(store::Database& db, const workflow::Clinic& clinic);

/// The reference set named by `--norms`, or the clinic's when the option was not given.
core::NormSet normsOption(const std::string& id, const workflow::Clinic& clinic);

/// The page size named by `--page`, or the clinic's when the option was not given.
render::PageSize pageOption(const std::string& page, const workflow::Clinic& clinic);

/// `--page` checked on its own ("a4" or "letter").
render::PageSize parsePage(const std::string& page);

/// The date format named by `--date-format`, or the clinic's when the option was not given.
core::DateFormat dateFormatOption(const std::string& id, const workflow::Clinic& clinic);

/// `--date-format` checked on its own (long, dmy, mdy or iso); bad input names the choices.
core::DateFormat parseDateFormat(const std::string& id);

/// The help text of every `--date-format` option, listing the choices with an example each.
std::string dateFormatHelp(bool clinicDefault = true);

/// The person acting, for the audit log (--clinician).
store::Actor actorOf(const CommonOptions& common);

/// Prints each line as "warning: …" on standard error.
void warn(const std::vector<std::string>& problems);

} // namespace hiprx::cli
