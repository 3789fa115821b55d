// SPDX-License-Identifier: GPL-3.0-or-later
//
// The look and the fixed wording of the home program, read from templates/ so a clinic can change
// them without a rebuild: page-a4.ini and page-letter.ini hold geometry, fonts, colours and section
// order; wording.ini holds every fixed sentence. The format is in templates/README.md.
#pragma once

#include "core/dose_text.h"
#include "core/text_template.h"
#include "render/color.h"

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hiprx::render {

enum class PageSize { A4, Letter };

/// The parts of the document below the header band, in the order a template lists them.
enum class Section { Patient, Referral, HowTo, Exercises, AdherenceLog };

/// Geometry, type sizes and colours of one paper size. Lengths are in points (1/72 inch).
struct PageStyle {
    float width = 0, height = 0;
    float marginLeft = 0, marginRight = 0, marginTop = 0, marginBottom = 0;

    float headerHeight = 0; ///< the accent band on page 1
    float logoMaxWidth = 0;
    float sectionGap = 0; ///< space after a section
    float cardGap = 0;    ///< space between exercise cards
    float cardPadding = 0;
    float cardRadius = 0;
    float qrSize = 0; ///< side of the QR code square
    float figureWidth = 0, figureHeight = 0;
    float logRowHeight = 0; ///< a row of the adherence log
    float logBoxSize = 0;   ///< a tick box

    float fontClinic = 0, fontTitle = 0, fontHeading = 0, fontCardTitle = 0, fontBody = 0, fontSmall = 0;
    float lineSpacing = 0; ///< line height as a multiple of the font size

    Rgb text, muted, rule, cardBorder, stop, emergency, urgent, routine;

    std::vector<Section> sections;

    /// The sizes of a large-print handout ([large_print]; a size the template leaves out is the
    /// normal one scaled as the body text is). Only the handout offers large print.
    struct LargePrint {
        float fontClinic = 0, fontTitle = 0, fontHeading = 0, fontCardTitle = 0, fontBody = 0, fontSmall = 0;
        float lineSpacing = 0;
        float figureHeight = 0, qrSize = 0, logRowHeight = 0, logBoxSize = 0, cardPadding = 0;
    } large;

    /// This style with the [large_print] sizes in place of the normal ones.
    PageStyle largePrint() const;
};

/// What the referral box says at one urgency.
struct ReferralWording {
    std::string heading;
    std::string intro;
    std::string action;
    /// The action when the program has no exercises (nothing "below" to do meanwhile); empty for the
    /// emergency box, which never has exercises.
    std::string actionNoExercises;
    std::string closing;
};

/// Every fixed sentence of the progress report ([report], [report.table], [report.findings],
/// [report.program]). A count has a sentence for one and one for more ("…One").
struct ReportWording {
    // [report]
    std::string title, patientLabel, born, record, dateLabel, visitsLabel, visitsValue, visitNumber, therapistLabel;
    std::string alertsHeading, more, chartsHeading, moreCharts, moreChartsOne, chartsElsewhere, chartsElsewhereOne,
        footer;
    std::string painAreas, balance; ///< the latest visit's body chart and balance lines
    std::string clinicianHeading, impressionLabel, planLabel, goalsLabel, signatureLabel, signedBy;
    // [report.table]
    std::string tableHeading, columnMeasure, columnFirst, columnLatest, columnChange, columnVerdict;
    std::string verdictImproved, verdictWithinError, verdictWorse, baselineOnly, noMeasures, unchanged, errorNote;
    // [report.findings]: strength, special tests, endurance and balance
    std::string findingsHeading, columnFinding, findingBetter, findingWorse, findingSame, findingWithinError,
        findingChanged, findingsUnchanged, findingsNote;
    // [report.program]
    std::string programHeading, noProgram, withheld, emptyProgram, moreExercises, moreExercisesOne;
    std::string sideLeft, sideRight, sideBoth;
};

/// Every fixed sentence of the home program. `{name}` placeholders are filled at render time.
struct Wording {
    // [document]
    std::string title, emergencyTitle, patientLabel, dateLabel, therapistLabel, runningHeader;
    // [referral.*]
    ReferralWording emergency, urgent, routine;
    // [how_to]
    std::string howToHeading;
    std::vector<std::string> howToPoints;
    std::string stopHeading;
    std::vector<std::string> stopPoints;
    std::string call;        ///< under the stop list: "Call us: {phone}"
    std::string callNoPhone; ///< the same when the clinic has no phone ({clinic})
    std::string callNoDetails; ///< the same when the clinic has set neither phone nor name
    // [precautions]
    std::string precautionsHeading, precautionsIntro;
    // [exercises]
    std::string exercisesHeading, exercisesIntro;
    // [card]
    std::string startLabel, keyCueLabel, stopIfLabel, equipmentLabel, notesLabel, videoCaption;
    std::string sideLeft, sideRight, sideBoth;
    // [dose]: the words of the one dose sentence on each card
    core::DoseWords dose;
    // [log]
    std::string logHeading, logIntro, logExercise, logWeek, logPainRow;
    // [footer]
    std::string footerContact, footerPage;
    // The progress report, which shares the file so a clinic edits all its wording in one place.
    ReportWording report;
};

/// One item of the "Your precautions" box (a section of precautions.ini).
struct CareWording {
    std::string heading;
    std::vector<std::string> points;
    std::string stopHeading;        ///< optional lead for `stops`
    std::vector<std::string> stops; ///< optional warning signs, in the stop colour
};

/// A paper size's style with the wording.
struct PageTemplate {
    PageStyle style;
    Wording words;
    /// By care-note key ("precaution.tha_posterior"); holds every core::careNoteKeys() entry.
    std::map<std::string, CareWording> care;
};

/// Parses a page style file. Throws RenderError "file:line: …" for an unknown section or key, a
/// repeated key, a bad number or colour, an unknown section name; "file: …" for a missing key.
PageStyle parsePageStyle(std::string_view text, const std::string& fileName);

/// Parses a wording file, with the same rules.
Wording parseWording(std::string_view text, const std::string& fileName);

/// Parses a precautions file: one section per core::careNoteKeys() entry, each with `heading`, at
/// least one `point`, and optionally `stop_heading` with `stop` lines. Same rules and errors.
std::map<std::string, CareWording> parseCareWording(std::string_view text, const std::string& fileName);

/// Reads page-a4.ini or page-letter.ini, wording.ini and precautions.ini from `templatesDir`.
/// Throws RenderError.
PageTemplate loadPageTemplate(const std::filesystem::path& templatesDir, PageSize size);

using core::fillPlaceholders; // {key} placeholders in the wording templates

} // namespace hiprx::render
