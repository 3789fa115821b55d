// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/page_template.h"

#include "render/ini_file.h"
#include "render/render_error.h"

#include "core/program.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <variant>

namespace hiprx::render {
namespace {

using SectionList = std::vector<Section>;
using Target = std::variant<float*, Rgb*, std::string*, std::vector<std::string>*, SectionList*>;

// One key a template file may (and must) hold. A `std::vector<std::string>` key may repeat; each
// line adds one item.
struct Field {
    std::string_view section;
    std::string_view key;
    Target target;
    int seenAt = 0;
    bool optional = false;
};

constexpr std::pair<std::string_view, Section> kSectionNames[] = {
    {"patient", Section::Patient},     {"referral", Section::Referral},          {"how_to", Section::HowTo},
    {"exercises", Section::Exercises}, {"adherence_log", Section::AdherenceLog},
};

std::string where(const std::string& fileName, int line)
{
    return fileName + ":" + std::to_string(line) + ": ";
}

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

SectionList parseSections(const IniEntry& entry, const std::string& fileName)
{
    SectionList out;
    std::string_view rest = entry.value;
    while (true) {
        const auto comma = rest.find(',');
        const std::string_view name = trim(rest.substr(0, comma));
        bool known = false;
        for (const auto& [id, section] : kSectionNames) {
            if (id != name)
                continue;
            for (Section s : out)
                if (s == section)
                    throw RenderError(where(fileName, entry.line) + "section '" + std::string(name) +
                                      "' is listed twice");
            out.push_back(section);
            known = true;
        }
        if (!known)
            throw RenderError(where(fileName, entry.line) + "unknown section '" + std::string(name) +
                              "' (use patient, referral, how_to, exercises, adherence_log)");
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    // Safety: the referral box must never sit below the exercises it may forbid.
    const auto position = [&](Section s) {
        for (std::size_t i = 0; i < out.size(); ++i)
            if (out[i] == s)
                return i;
        return out.size();
    };
    if (position(Section::Referral) == out.size() || position(Section::Exercises) == out.size())
        throw RenderError(where(fileName, entry.line) + "sections must include referral and exercises");
    if (position(Section::Referral) > position(Section::Exercises))
        throw RenderError(where(fileName, entry.line) + "referral must come before exercises");
    return out;
}

void assign(Field& field, const IniEntry& entry, const std::string& fileName)
{
    const std::string at = where(fileName, entry.line);
    std::visit(
        [&](auto* target) {
            using T = std::remove_pointer_t<decltype(target)>;
            if constexpr (std::is_same_v<T, float>) {
                const char* first = entry.value.data();
                const char* last = first + entry.value.size();
                float value = 0;
                const auto [ptr, ec] = std::from_chars(first, last, value);
                if (ec != std::errc{} || ptr != last || !std::isfinite(value) || value < 0 || value > 5000)
                    throw RenderError(at + "'" + entry.value + "' is not a number of points in 0–5000");
                *target = value;
            } else if constexpr (std::is_same_v<T, Rgb>) {
                const auto color = Rgb::parse(entry.value);
                if (!color)
                    throw RenderError(at + "'" + entry.value + "' is not a colour like #1F6F8B");
                *target = *color;
            } else if constexpr (std::is_same_v<T, std::string>) {
                *target = entry.value;
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                target->push_back(entry.value);
            } else {
                *target = parseSections(entry, fileName);
            }
        },
        field.target);
}

void bind(std::vector<Field>& fields, std::string_view text, const std::string& fileName)
{
    const IniFile file = parseIni(text, fileName);
    for (const IniSection& section : file.sections) {
        const bool known = std::any_of(fields.begin(), fields.end(),
                                       [&](const Field& f) { return f.section == section.name; });
        if (!known)
            throw RenderError(where(fileName, section.line) + "unknown section [" + section.name + "]");
    }
    for (const IniEntry& entry : file.entries) {
        Field* match = nullptr;
        bool sectionKnown = false;
        for (Field& f : fields) {
            if (f.section != entry.section)
                continue;
            sectionKnown = true;
            if (f.key == entry.key)
                match = &f;
        }
        if (!sectionKnown)
            throw RenderError(where(fileName, entry.line) + "unknown section [" + entry.section + "]");
        if (match == nullptr)
            throw RenderError(where(fileName, entry.line) + "unknown key '" + entry.key + "' in [" +
                              entry.section + "]");
        const bool repeatable = std::holds_alternative<std::vector<std::string>*>(match->target);
        if (match->seenAt != 0 && !repeatable)
            throw RenderError(where(fileName, entry.line) + "'" + entry.key + "' is already set on line " +
                              std::to_string(match->seenAt));
        assign(*match, entry, fileName);
        if (match->seenAt == 0)
            match->seenAt = entry.line;
    }
    for (const Field& f : fields)
        if (f.seenAt == 0 && !f.optional)
            throw RenderError(fileName + ": [" + std::string(f.section) + "] is missing '" +
                              std::string(f.key) + "'");
}

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw RenderError("template file not found: " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

PageStyle parsePageStyle(std::string_view text, const std::string& fileName)
{
    PageStyle s;
    std::vector<Field> fields = {
        {"page", "width", &s.width},
        {"page", "height", &s.height},
        {"page", "margin_left", &s.marginLeft},
        {"page", "margin_right", &s.marginRight},
        {"page", "margin_top", &s.marginTop},
        {"page", "margin_bottom", &s.marginBottom},
        {"layout", "sections", &s.sections},
        {"layout", "header_height", &s.headerHeight},
        {"layout", "logo_max_width", &s.logoMaxWidth},
        {"layout", "section_gap", &s.sectionGap},
        {"layout", "card_gap", &s.cardGap},
        {"layout", "card_padding", &s.cardPadding},
        {"layout", "card_radius", &s.cardRadius},
        {"layout", "qr_size", &s.qrSize},
        {"layout", "figure_width", &s.figureWidth},
        {"layout", "figure_height", &s.figureHeight},
        {"layout", "log_row_height", &s.logRowHeight},
        {"layout", "log_box_size", &s.logBoxSize},
        {"fonts", "clinic", &s.fontClinic},
        {"fonts", "title", &s.fontTitle},
        {"fonts", "heading", &s.fontHeading},
        {"fonts", "card_title", &s.fontCardTitle},
        {"fonts", "body", &s.fontBody},
        {"fonts", "small", &s.fontSmall},
        {"fonts", "line_spacing", &s.lineSpacing},
        {"colors", "text", &s.text},
        {"colors", "muted", &s.muted},
        {"colors", "rule", &s.rule},
        {"colors", "card_border", &s.cardBorder},
        {"colors", "stop", &s.stop},
        {"colors", "emergency", &s.emergency},
        {"colors", "urgent", &s.urgent},
        {"colors", "routine", &s.routine},
        {"large_print", "clinic", &s.large.fontClinic, 0, true},
        {"large_print", "title", &s.large.fontTitle, 0, true},
        {"large_print", "heading", &s.large.fontHeading, 0, true},
        {"large_print", "card_title", &s.large.fontCardTitle, 0, true},
        {"large_print", "body", &s.large.fontBody, 0, true},
        {"large_print", "small", &s.large.fontSmall, 0, true},
        {"large_print", "line_spacing", &s.large.lineSpacing, 0, true},
        {"large_print", "figure_height", &s.large.figureHeight, 0, true},
        {"large_print", "qr_size", &s.large.qrSize, 0, true},
        {"large_print", "log_row_height", &s.large.logRowHeight, 0, true},
        {"large_print", "log_box_size", &s.large.logBoxSize, 0, true},
        {"large_print", "card_padding", &s.large.cardPadding, 0, true},
    };
    bind(fields, text, fileName);

    // Sizes that would make a page with no room or unreadable text.
    const auto require = [&](bool ok, const char* what) {
        if (!ok)
            throw RenderError(fileName + ": " + what);
    };
    require(s.width >= 200 && s.height >= 200, "[page] width and height must be at least 200 points");
    require(s.marginLeft + s.marginRight < s.width / 2, "[page] left and right margins take half the page");
    require(s.marginTop + s.marginBottom + s.headerHeight < s.height / 2,
            "[page] top and bottom margins and the header take half the page");
    require(s.fontBody >= 6 && s.fontSmall >= 5, "[fonts] body must be at least 6 and small at least 5");
    require(s.lineSpacing >= 1 && s.lineSpacing <= 3, "[fonts] line_spacing must be in 1–3");

    // Large print: what the template leaves out grows as the body text does (14 pt by default,
    // the top of the RNIB Clear Print range for readers with poor sight).
    PageStyle::LargePrint& l = s.large;
    if (l.fontBody == 0)
        l.fontBody = std::max(14.0F, s.fontBody);
    const float scale = l.fontBody / s.fontBody;
    for (auto [large, normal] : {std::pair{&l.fontClinic, s.fontClinic}, {&l.fontTitle, s.fontTitle},
                                 {&l.fontHeading, s.fontHeading}, {&l.fontCardTitle, s.fontCardTitle},
                                 {&l.fontSmall, s.fontSmall}, {&l.qrSize, s.qrSize},
                                 {&l.logRowHeight, s.logRowHeight}, {&l.logBoxSize, s.logBoxSize},
                                 {&l.cardPadding, s.cardPadding}})
        if (*large == 0)
            *large = normal * scale;
    if (l.lineSpacing == 0)
        l.lineSpacing = s.lineSpacing;
    if (l.figureHeight == 0)
        l.figureHeight = s.figureHeight;
    require(l.fontBody >= 13, "[large_print] body must be at least 13 (large print)");
    require(l.fontSmall >= 9, "[large_print] small must be at least 9");
    require(l.lineSpacing >= 1 && l.lineSpacing <= 3, "[large_print] line_spacing must be in 1–3");
    return s;
}

PageStyle PageStyle::largePrint() const
{
    PageStyle s = *this;
    s.fontClinic = large.fontClinic;
    s.fontTitle = large.fontTitle;
    s.fontHeading = large.fontHeading;
    s.fontCardTitle = large.fontCardTitle;
    s.fontBody = large.fontBody;
    s.fontSmall = large.fontSmall;
    s.lineSpacing = large.lineSpacing;
    s.figureHeight = large.figureHeight;
    s.qrSize = large.qrSize;
    s.logRowHeight = large.logRowHeight;
    s.logBoxSize = large.logBoxSize;
    s.cardPadding = large.cardPadding;
    return s;
}

Wording parseWording(std::string_view text, const std::string& fileName)
{
    Wording w;
    std::vector<Field> fields = {
        {"document", "title", &w.title},
        {"document", "emergency_title", &w.emergencyTitle},
        {"document", "patient", &w.patientLabel},
        {"document", "date", &w.dateLabel},
        {"document", "therapist", &w.therapistLabel},
        {"document", "running_header", &w.runningHeader},
        {"referral.emergency", "heading", &w.emergency.heading},
        {"referral.emergency", "intro", &w.emergency.intro},
        {"referral.emergency", "action", &w.emergency.action},
        {"referral.emergency", "closing", &w.emergency.closing},
        {"referral.urgent", "heading", &w.urgent.heading},
        {"referral.urgent", "intro", &w.urgent.intro},
        {"referral.urgent", "action", &w.urgent.action},
        {"referral.urgent", "action_no_exercises", &w.urgent.actionNoExercises},
        {"referral.urgent", "closing", &w.urgent.closing},
        {"referral.routine", "heading", &w.routine.heading},
        {"referral.routine", "intro", &w.routine.intro},
        {"referral.routine", "action", &w.routine.action},
        {"referral.routine", "action_no_exercises", &w.routine.actionNoExercises},
        {"referral.routine", "closing", &w.routine.closing},
        {"how_to", "heading", &w.howToHeading},
        {"how_to", "point", &w.howToPoints},
        {"how_to", "stop_heading", &w.stopHeading},
        {"how_to", "stop", &w.stopPoints},
        {"how_to", "call", &w.call},
        {"how_to", "call_no_phone", &w.callNoPhone},
        {"how_to", "call_no_details", &w.callNoDetails},
        {"precautions", "heading", &w.precautionsHeading},
        {"precautions", "intro", &w.precautionsIntro},
        {"exercises", "heading", &w.exercisesHeading},
        {"exercises", "intro", &w.exercisesIntro},
        {"card", "start", &w.startLabel},
        {"card", "key_cue", &w.keyCueLabel},
        {"card", "stop_if", &w.stopIfLabel},
        {"card", "equipment", &w.equipmentLabel},
        {"card", "notes", &w.notesLabel},
        {"card", "video", &w.videoCaption},
        {"card", "side_left", &w.sideLeft},
        {"card", "side_right", &w.sideRight},
        {"card", "side_both", &w.sideBoth},
        {"dose", "reps_one", &w.dose.repsOne},
        {"dose", "reps", &w.dose.reps},
        {"dose", "hold", &w.dose.hold},
        {"dose", "each_side", &w.dose.eachSide},
        {"dose", "sets", &w.dose.sets},
        {"dose", "rest", &w.dose.rest},
        {"dose", "load", &w.dose.load},
        {"dose", "second_one", &w.dose.secondOne},
        {"dose", "seconds", &w.dose.seconds},
        {"dose", "minute_one", &w.dose.minuteOne},
        {"dose", "minutes", &w.dose.minutes},
        {"dose", "minutes_seconds", &w.dose.minutesSeconds},
        {"dose", "per_day_one", &w.dose.perDayOne},
        {"dose", "per_day_two", &w.dose.perDayTwo},
        {"dose", "per_day_many", &w.dose.perDayMany},
        {"dose", "days_every", &w.dose.daysEvery},
        {"dose", "days_one", &w.dose.daysOne},
        {"dose", "days_many", &w.dose.daysMany},
        {"dose", "often", &w.dose.often},
        {"log", "heading", &w.logHeading},
        {"log", "intro", &w.logIntro},
        {"log", "exercise", &w.logExercise},
        {"log", "week", &w.logWeek},
        {"log", "pain_row", &w.logPainRow},
        {"footer", "contact", &w.footerContact},
        {"footer", "page", &w.footerPage},
        {"report", "title", &w.report.title},
        {"report", "patient", &w.report.patientLabel},
        {"report", "born", &w.report.born},
        {"report", "record", &w.report.record},
        {"report", "date", &w.report.dateLabel},
        {"report", "visits", &w.report.visitsLabel},
        {"report", "visits_value", &w.report.visitsValue},
        {"report", "visit_number", &w.report.visitNumber},
        {"report", "therapist", &w.report.therapistLabel},
        {"report", "alerts_heading", &w.report.alertsHeading},
        {"report", "pain_areas", &w.report.painAreas},
        {"report", "balance", &w.report.balance},
        {"report", "more", &w.report.more},
        {"report", "charts_heading", &w.report.chartsHeading},
        {"report", "more_charts", &w.report.moreCharts},
        {"report", "more_charts_one", &w.report.moreChartsOne},
        {"report", "charts_elsewhere", &w.report.chartsElsewhere},
        {"report", "charts_elsewhere_one", &w.report.chartsElsewhereOne},
        {"report", "clinician_heading", &w.report.clinicianHeading},
        {"report", "impression", &w.report.impressionLabel},
        {"report", "plan", &w.report.planLabel},
        {"report", "goals", &w.report.goalsLabel},
        {"report", "signature_label", &w.report.signatureLabel},
        {"report", "signed", &w.report.signedBy},
        {"report", "footer", &w.report.footer},
        {"report.table", "heading", &w.report.tableHeading},
        {"report.table", "measure", &w.report.columnMeasure},
        {"report.table", "first", &w.report.columnFirst},
        {"report.table", "latest", &w.report.columnLatest},
        {"report.table", "change", &w.report.columnChange},
        {"report.table", "verdict", &w.report.columnVerdict},
        {"report.table", "improved", &w.report.verdictImproved},
        {"report.table", "within_error", &w.report.verdictWithinError},
        {"report.table", "worse", &w.report.verdictWorse},
        {"report.table", "baseline_only", &w.report.baselineOnly},
        {"report.table", "no_measures", &w.report.noMeasures},
        {"report.table", "unchanged", &w.report.unchanged},
        {"report.table", "error_note", &w.report.errorNote},
        {"report.findings", "heading", &w.report.findingsHeading},
        {"report.findings", "finding", &w.report.columnFinding},
        {"report.findings", "better", &w.report.findingBetter},
        {"report.findings", "worse", &w.report.findingWorse},
        {"report.findings", "same", &w.report.findingSame},
        {"report.findings", "within_error", &w.report.findingWithinError},
        {"report.findings", "changed", &w.report.findingChanged},
        {"report.findings", "unchanged", &w.report.findingsUnchanged},
        {"report.findings", "note", &w.report.findingsNote},
        {"report.program", "heading", &w.report.programHeading},
        {"report.program", "none", &w.report.noProgram},
        {"report.program", "withheld", &w.report.withheld},
        {"report.program", "empty", &w.report.emptyProgram},
        {"report.program", "more", &w.report.moreExercises},
        {"report.program", "more_one", &w.report.moreExercisesOne},
        {"report.program", "side_left", &w.report.sideLeft},
        {"report.program", "side_right", &w.report.sideRight},
        {"report.program", "side_both", &w.report.sideBoth},
    };
    bind(fields, text, fileName);
    return w;
}

std::map<std::string, CareWording> parseCareWording(std::string_view text, const std::string& fileName)
{
    const std::vector<std::string> keys = core::careNoteKeys();
    std::map<std::string, CareWording> care;
    std::vector<Field> fields;
    for (const std::string& key : keys) {
        CareWording& c = care[key];
        const std::string_view section = care.find(key)->first; // the map's key outlives `fields`
        fields.push_back({section, "heading", &c.heading});
        fields.push_back({section, "point", &c.points});
        fields.push_back({section, "stop_heading", &c.stopHeading, 0, true});
        fields.push_back({section, "stop", &c.stops, 0, true});
    }
    bind(fields, text, fileName);
    for (const auto& [key, c] : care)
        if (c.stops.empty() != c.stopHeading.empty())
            throw RenderError(fileName + ": [" + key + "] needs both 'stop_heading' and 'stop', or neither");
    return care;
}

PageTemplate loadPageTemplate(const std::filesystem::path& templatesDir, PageSize size)
{
    const std::filesystem::path styleFile =
        templatesDir / (size == PageSize::A4 ? "page-a4.ini" : "page-letter.ini");
    const std::filesystem::path wordingFile = templatesDir / "wording.ini";
    PageTemplate t;
    t.style = parsePageStyle(readText(styleFile), styleFile.string());
    t.words = parseWording(readText(wordingFile), wordingFile.string());
    const std::filesystem::path careFile = templatesDir / "precautions.ini";
    t.care = parseCareWording(readText(careFile), careFile.string());
    return t;
}

} // namespace hiprx::render
