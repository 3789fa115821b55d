// SPDX-License-Identifier: GPL-3.0-or-later
//
// The patient's home program as a PDF: clinic header, patient and therapist, the referral box
// (an emergency replaces the whole program), how to exercise safely, one card per exercise with
// its dose, a two-week log, and a footer on every page. It reads only the Program it is given
// (which carries a snapshot of each exercise's instructions), never the library, so an issued
// program prints the same years later.
#pragma once

#include "core/analysis.h"
#include "core/assessment.h"
#include "core/branding.h"
#include "core/program.h"
#include "render/canvas.h"
#include "render/font_coverage.h"
#include "render/page_template.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::render {

/// Everything printed on one home program.
struct HomeProgramInput {
    core::Patient patient;
    std::string date; ///< the day the program is issued, as printed (the clinic's date format)
    core::Branding branding;
    core::Referral referral; ///< level none prints no referral box
    core::Program program;
    /// The patient's precautions (core::patientCareLines), printed as the "Your precautions" box
    /// after the referral box, each worded by templates/precautions.ini; empty prints no box.
    std::vector<core::CareNote> takeCare;
    /// Large print: the template's [large_print] sizes (body text 14 pt instead of 9.5 pt, headings,
    /// figures and the log larger), for a patient who cannot read small type.
    bool largePrint = false;
};

/// Files the renderer reads.
struct RenderResources {
    std::filesystem::path templatesDir;
    /// The font embedded when every text of the document is in `fontCoverage` (a subset of DejaVu
    /// Sans: half the time and size of the full font); with no coverage list it is always used.
    std::filesystem::path fontRegular;
    FontCoverage fontCoverage;
    /// The full font, used when some text falls outside `fontCoverage` (a name in another script).
    std::filesystem::path fontFallback;
    /// Empty (the default): bold is drawn by stroking the regular face, so only one font is
    /// embedded (about 95 KB instead of 185 KB per file, and twice as fast). Set it to embed a
    /// real bold face instead.
    std::filesystem::path fontBold;
    /// Draws exercise figures; null = no figures (cards then use their full width for text).
    const FigureDrawer* figures = nullptr;
    /// Told, in a sentence naming the file, when something is left out rather than the handout
    /// refused: a logo that is damaged, not PNG/JPEG or too large. Unset: the sentence goes to
    /// standard error.
    std::function<void(const std::string&)> warn;

    /// The font file to embed for a document whose texts are `texts`.
    const std::filesystem::path& fontFor(const std::vector<std::string_view>& texts) const;
};

/// Resources with the templates in `templatesDir`, the DejaVu Sans subset of the sibling
/// assets/fonts folder when it is there, and the full DejaVu Sans from fonts-dejavu-core
/// (/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf) as the fallback; bold is synthesised.
RenderResources defaultResources(const std::filesystem::path& templatesDir);

/// The warning signs printed under the emergency box when the patient is sent to hospital because
/// nerves in the lower back may be pressed on (templates/warning-signs.ini, [signs.cauda_equina]):
/// which signs mean "go now, or call an ambulance", for the way there and the wait.
struct WarningSigns {
    std::string heading;
    std::string intro;
    std::vector<std::string> signs; ///< one line each, in order
    std::string waiting;            ///< after the list: act early, and what to do while waiting
};

/// Parses warning-signs.ini: only [signs.cauda_equina], with `heading`, `intro`, at least one
/// `sign` (repeated) and `waiting`. Throws RenderError "file:line: …" for an unknown section or key
/// or a key set twice, "file: …" for a missing one.
WarningSigns parseWarningSigns(std::string_view text, const std::string& fileName);

/// Where the parts of a handout went on one page (for tests, and for checking a template's layout).
struct HandoutPage {
    float usable = 0; ///< height of the page's area for parts (below the header band or running head)
    float used = 0;   ///< from the top of that area to the foot of the last part on the page
    /// In order: "patient", "referral", "warning signs" (on an emergency sheet for nerves that may be
    /// pressed on), "precautions", "how_to", "exercises heading", "card 1" (or
    /// "card 1 (compact)": its figure band lower), …, "log heading", "log". "how_to" comes after
    /// the last card instead when it would otherwise keep every card off page 1.
    std::vector<std::string> parts;
};

/// The home program as PDF bytes. Throws RenderError when a template or font cannot be used or
/// libharu fails; messages name the file, never the patient. A logo file that is missing or cannot
/// be used (damaged, not PNG or JPEG, too large) is left out with a warning through `resources.warn`.
/// `layout`, when given, receives where each part went, page by page.
std::vector<std::uint8_t> renderHomeProgram(const HomeProgramInput& input, PageSize size,
                                            const RenderResources& resources,
                                            std::vector<HandoutPage>* layout = nullptr);

/// Writes `bytes` to `file` through writeFileAtomically (output_file.h): private (0600), never half
/// written, no temporary file left, a device or FIFO refused. Throws InputError when the file
/// cannot be used, Error when writing fails; both name the file.
void writeFile(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file);

} // namespace hiprx::render
