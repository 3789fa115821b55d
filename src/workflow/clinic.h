// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinic's settings, kept in the database so that every desk on one database agrees: branding,
// the reference set of normal ROM values, the page size, the way dates are written on documents. And the material every job draws on: the
// exercise library (built-ins refreshed from the data folder, plus the clinic's own) and the
// figures. Anything that cannot be read is reported in words, never swallowed.
#pragma once

#include "core/branding.h"
#include "core/date.h"
#include "core/exercise.h"
#include "core/norms.h"
#include "render/figure_drawer.h"
#include "render/page_template.h"
#include "render/picture.h"
#include "store/database.h"
#include "store/repositories.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hiprx::workflow {

/// Settings keys in the database (values are JSON).
inline constexpr const char* kBrandingKey = "branding";
inline constexpr const char* kNormSetKey = "norm_set";
inline constexpr const char* kPageSizeKey = "page_size";
inline constexpr const char* kDateFormatKey = "date_format";
inline constexpr const char* kLockAfterKey = "lock_after_minutes";
/// The longest a clinic may let a desk stay open without use before it locks (8 hours).
inline constexpr int kMaxLockAfterMinutes = 480;

struct Clinic {
    core::Branding branding;
    core::NormSet norms = core::kDefaultNormSet; ///< for visits that do not record their own set
    render::PageSize pageSize = render::PageSize::A4;
    /// How every document writes dates (handout, visit note, referral letter, progress report,
    /// email); the JSON files and the database keep ISO.
    core::DateFormat dateFormat = core::kDefaultDateFormat;
    /// Clinic mode: a desk left this many minutes without use locks until the person logs in again
    /// (0: never). Set by the clinic for every desk.
    int lockAfterMinutes = 0;
    /// What could not be read, one sentence each ("The clinic's branding could not be read: …;
    /// documents are printed without it."). Empty when everything was read.
    std::vector<std::string> problems;
};

/// The clinic's settings from the database; a setting that cannot be read keeps its default and
/// is reported in `problems`.
Clinic loadClinic(store::Database& db);

void saveBranding(store::Database& db, const core::Branding& branding, const store::Actor& actor);
void saveNormSet(store::Database& db, core::NormSet norms, const store::Actor& actor);
void savePageSize(store::Database& db, render::PageSize size, const store::Actor& actor);
/// Stores the clinic's date format (core::dateFormats() lists the choices, core::dateFormatLabel
/// words each one for a settings list).
void saveDateFormat(store::Database& db, core::DateFormat format, const store::Actor& actor);
/// Stores the minutes after which an unused desk locks (0 = never, at most kMaxLockAfterMinutes);
/// throws InputError naming "lock_after" otherwise.
void saveLockAfter(store::Database& db, int minutes, const store::Actor& actor);

/// "a4" / "letter".
std::string_view pageSizeId(render::PageSize size);
std::optional<render::PageSize> pageSizeFromId(std::string_view id);

/// The exercise library and figures every job uses.
struct Materials {
    core::ExerciseLibrary library;
    std::unique_ptr<render::FigureLibrary> figures; ///< never null; empty when none could be read
    /// The clinic exercises' pictures in front of `figures` (issue 18); null when no clinic
    /// exercise has a picture. Points into `figures`: keep both together.
    std::unique_ptr<render::PictureFigures> pictures;
    std::vector<std::string> problems; ///< what could not be read, one sentence each
    /// A picture that could not be drawn on a card (and so the stick figure, or nothing, was drawn
    /// instead), one sentence per exercise, added while handouts are rendered; front ends show it
    /// after rendering. Never null (shared so that it survives moving the Materials).
    std::shared_ptr<std::vector<std::string>> pictureProblems = std::make_shared<std::vector<std::string>>();

    /// What every handout draws its cards with: the pictures when a clinic exercise has one, else
    /// the figure library. Never null after loadMaterials.
    const render::FigureDrawer* drawer() const
    {
        return pictures ? static_cast<const render::FigureDrawer*>(pictures.get()) : figures.get();
    }
};

/// Refreshes the built-in exercises in `db` from the data folder (kept as they were when the file
/// cannot be read, and then reported), loads the library with the clinic's own exercises, the
/// figures drawn in `accentColor` (#RRGGBB; a bad colour keeps the default) with the clinic
/// exercises' own figures among them (under their exercise ids), and the clinic exercises' pictures (retired ones too, for reprints; pictures that cannot be read are reported
/// and the cards keep their figures).
Materials loadMaterials(store::Database& db, const std::string& accentColor);

/// The exercise figures drawn in `accentColor` (#RRGGBB; a bad colour keeps the default); never
/// null. A figure folder that cannot be read gives an empty library and a sentence in `problems`.
/// `clinicFigures` (the clinic exercises' own figures) are added; a built-in figure of the same id
/// is kept.
std::unique_ptr<render::FigureLibrary> loadFigures(const std::string& accentColor, std::vector<std::string>& problems,
                                                   std::map<std::string, core::FigureSpec> clinicFigures = {});

/// The built-in library alone, from the data folder (for jobs without a database). Throws
/// InputError naming the file when it cannot be read.
core::ExerciseLibrary loadBuiltinLibrary();

} // namespace hiprx::workflow
