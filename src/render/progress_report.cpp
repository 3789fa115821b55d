// SPDX-License-Identifier: GPL-3.0-or-later
//
// One page, drawn top to bottom with a cursor: the clinic's band (document_page.h), who the patient
// is, alerts, the baseline-vs-now table of measures, the then-and-now table of strength, tests,
// endurance and balance, a grid of charts, the current program, the clinician's impression, plan and
// goals, the signature and the footer. The charts are the part that gives way: the program, the
// clinician's words and the signature are measured first and the charts get the room left (two rows,
// one, or none with a line saying where they are). What still does not fit is cut with a "…and n
// more" line, so the report never spills onto a second page; a name, a dose or a cell is never cut.
// Every fixed word comes from the [report*] sections of templates/wording.ini; measure names from core.
#include "render/progress_report.h"

#include "core/dose_text.h"
#include "render/chart.h"
#include "render/document_page.h"
#include "render/pdf_canvas.h"
#include "render/pdf_document.h"
#include "render/render_error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hiprx::render {

namespace {

const Rgb kWhite{1.0F, 1.0F, 1.0F};
const Rgb kBlack{0.0F, 0.0F, 0.0F};
const Rgb kBetterInk{0.10F, 0.45F, 0.20F};
const Rgb kWorseInk{0.70F, 0.10F, 0.10F};

/// The least height of a row of charts that still reads.
constexpr float kMinChartHeight = 60;
/// Room measured and room used are sums of the same heights in another order: allow for rounding.
constexpr float kSlack = 0.5F;

/// Chart text through the report's font.
class PdfChartText final : public ChartText {
public:
    PdfChartText(PdfPage page, FontFace face) : m_page(page), m_face(face) {}
    float width(std::string_view text, float size) const override
    {
        return m_page.document().textWidth(m_face, size, text);
    }
    void draw(Point baselineLeft, std::string_view text, float size, const Rgb& color) override
    {
        m_page.text(baselineLeft.x, baselineLeft.y, text, {m_face, size, color});
    }

private:
    PdfPage m_page;
    FontFace m_face;
};

std::string number(double v)
{
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string signedNumber(double v)
{
    if (std::abs(v) < 1e-9)
        return "0";
    return (v > 0 ? "+" : "−") + number(std::abs(v));
}

/// "a; b; c".
std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

/// `one` when n is 1, else `many`, with {n} filled: "1 more chart", "3 more charts".
std::string counted(std::size_t n, const std::string& one, const std::string& many)
{
    return fillPlaceholders(n == 1 ? one : many, {{"n", std::to_string(n)}});
}

std::string dateOf(const core::History& h, std::size_t visit, const ReportWording& words, core::DateFormat format)
{
    const auto& d = h.visits.at(visit).date;
    return d ? core::formatDateShort(*d, format) : fillPlaceholders(words.visitNumber, {{"n", std::to_string(visit + 1)}});
}

std::string_view verdictWord(core::Verdict verdict, const ReportWording& words)
{
    switch (verdict) {
    case core::Verdict::Improved:
        return words.verdictImproved;
    case core::Verdict::Worse:
        return words.verdictWorse;
    case core::Verdict::WithinError:
        break;
    }
    return words.verdictWithinError;
}

enum class Tone { Plain, Better, Worse };

/// One row of either table: the first and the latest value, the change and its verdict.
struct TableRow {
    std::string measure;
    std::string baseline;
    std::string now;
    std::string change;
    std::string verdict;
    Tone tone = Tone::Plain;
};

/// The rows of the measures table; a measure with the same value at its first and its latest
/// record goes to `unchanged` in words ("hip flexion (left) 118°") instead of a row of its own.
std::vector<TableRow> measureRows(const core::History& h, const ReportWording& words, core::DateFormat format,
                                  std::vector<std::string>& unchanged)
{
    std::vector<TableRow> rows;
    for (const core::Series& s : h.series) {
        std::optional<std::size_t> first;
        std::optional<std::size_t> last;
        for (std::size_t i = 0; i < s.values.size(); ++i)
            if (s.values[i]) {
                if (!first)
                    first = i;
                last = i;
            }
        if (!first)
            continue;
        const std::string unit(s.measure.unit());
        if (*first != *last && *s.values[*first] == *s.values[*last]) {
            unchanged.push_back(s.measure.label() + " " + number(*s.values[*last]) + unit);
            continue;
        }
        TableRow row;
        row.measure = s.measure.label();
        row.baseline = number(*s.values[*first]) + unit + "  (" + dateOf(h, *first, words, format) + ")";
        row.now = number(*s.values[*last]) + unit + "  (" + dateOf(h, *last, words, format) + ")";
        const core::MeasureValue* mv = nullptr;
        for (const auto& v : h.visits[*last].values)
            if (v.measure == s.measure)
                mv = &v;
        if (mv && mv->sinceBaseline) {
            row.change = signedNumber(mv->sinceBaseline->delta);
            row.verdict = std::string(verdictWord(mv->sinceBaseline->verdict, words));
            row.tone = mv->sinceBaseline->verdict == core::Verdict::Improved ? Tone::Better
                       : mv->sinceBaseline->verdict == core::Verdict::Worse  ? Tone::Worse
                                                                             : Tone::Plain;
        } else {
            row.change = "—";
            row.verdict = words.baselineOnly;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// The whole number a finding's value opens with ("52 s", "62° (reproduces leg pain)"), if any.
std::optional<long> leadingNumber(const std::string& value)
{
    if (value.empty() || value.front() < '0' || value.front() > '9')
        return std::nullopt;
    return std::strtol(value.c_str(), nullptr, 10);
}

/// The change of a timed or counted finding or an angle test in numbers ("+12 s", "+10°", "+1");
/// "—" for a grade or a result, whose change is its verdict.
std::string findingChange(const core::FindingRow& f)
{
    if (!f.sinceBaseline || f.group == core::FindingGroup::Strength)
        return "—";
    const auto from = leadingNumber(f.sinceBaseline->from);
    const auto to = leadingNumber(f.value);
    if (!from || !to)
        return "—";
    const std::string unit = f.value.find("°") != std::string::npos ? "°"
                             : f.value.ends_with(" s")               ? " s"
                                                                     : "";
    return signedNumber(static_cast<double>(*to - *from)) + (*to == *from ? "" : unit);
}

/// The rows of the findings table. Its column heads are the first and the latest visit's dates, so
/// a value carries its own date only when it was first recorded at a later visit. A finding with
/// the same value then and now goes to `unchanged` in words ("gluteus medius (left) 5") instead of
/// a row of its own, so what moved stands out and the page holds it.
std::vector<TableRow> findingTableRows(const ProgressReportInput& in, const ReportWording& words,
                                       std::vector<std::string>& unchanged)
{
    std::vector<TableRow> rows;
    const core::History& h = in.history;
    for (const core::FindingRow& f : in.findings) {
        if (f.sinceBaseline && f.sinceBaseline->from == f.value &&
            f.sinceBaseline->direction == core::FindingDirection::Same) {
            unchanged.push_back(f.label + " " + f.value);
            continue;
        }
        TableRow row;
        row.measure = f.label;
        row.now = f.value;
        row.change = findingChange(f);
        if (!f.sinceBaseline) {
            row.baseline = "—";
            row.verdict = words.baselineOnly;
            rows.push_back(std::move(row));
            continue;
        }
        const core::FindingStep& step = *f.sinceBaseline;
        row.baseline = step.from;
        if (step.fromVisit > 0 && step.fromVisit < h.visits.size())
            row.baseline += "  (" + dateOf(h, step.fromVisit, words, in.dateFormat) + ")";
        // A grade or an angle that moved less than its test can tell is within testing error; the
        // same result or time is no change.
        const bool testingError =
            f.group == core::FindingGroup::Strength || f.value.find("°") != std::string::npos;
        switch (step.direction) {
        case core::FindingDirection::Better:
            row.verdict = words.findingBetter;
            row.tone = Tone::Better;
            break;
        case core::FindingDirection::Worse:
            row.verdict = words.findingWorse;
            row.tone = Tone::Worse;
            break;
        case core::FindingDirection::Same:
            row.verdict = testingError ? words.findingWithinError : words.findingSame;
            break;
        case core::FindingDirection::Changed:
            row.verdict = words.findingChanged;
            break;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A table's title, column heads and widths (shares of the text width), the line for no rows and
/// the note printed under it.
struct TableSpec {
    std::string title;
    std::array<std::string, 5> heads;
    std::array<float, 5> shares;
    std::string whenEmpty;
    std::string summary; ///< a line under the rows, in the text colour
    std::string note;    ///< how to read the table, small and muted
};

/// Pain and questionnaires first (what a physician reads first), then movements.
std::vector<ChartSpec> reportCharts(const core::History& h, core::DateFormat format)
{
    std::vector<ChartSpec> out;
    for (auto c : {painChart(h), lefsChart(h), psfsChart(h)})
        if (c)
            out.push_back(std::move(*c));
    for (const auto& m : core::vocabulary<core::Movement>())
        if (auto c = romChart(h, m.value))
            out.push_back(std::move(*c));
    labelDates(out, h, format); // the axes write dates as the rest of the report does
    return out;
}

std::string sideText(core::ExerciseSide side, const ReportWording& words)
{
    switch (side) {
    case core::ExerciseSide::Left:
        return " " + words.sideLeft;
    case core::ExerciseSide::Right:
        return " " + words.sideRight;
    case core::ExerciseSide::Both:
        return " " + words.sideBoth;
    case core::ExerciseSide::None:
        break;
    }
    return {};
}

class ReportBuilder : private DocumentPage {
public:
    ReportBuilder(const ProgressReportInput& in, const PageStyle& style, const ReportWording& words,
                  PdfDocument& doc, DocumentFonts fonts)
        : DocumentPage(doc, style, in.branding, fonts), m_in(in), m_style(style), m_words(words), m_doc(doc),
          m_page(addPage()), m_left(left()), m_width(contentWidth()), m_bottom(bottom())
    {
    }

    std::vector<std::uint8_t> build(const std::optional<PdfImage>& logo)
    {
        m_y = drawHeaderBand(m_page, m_words.title, logo) + m_style.sectionGap * 0.8F;
        patient();
        findingsNow();
        alerts();
        // What ends the page is measured first: the clinician's words and the signature always,
        // the program with at least one exercise. The tables stop above it ("…and n more"); the
        // charts take what is left, and the program keeps at least about a fifth of the page.
        const float words = clinicianHeight();
        const float sign = signatureHeight();
        const float body = lineHeight(style(false, m_style.fontBody, m_style.text));
        const auto exercises = programLines();
        const float programLeast = headingHeight() + (exercises.empty() ? body : exercises.front().height) + body +
                                   (reportCharts(m_in.history, m_in.dateFormat).empty() ? 0.0F : body + m_style.sectionGap * 0.4F);
        const float tablesEnd = m_bottom - words - sign - programLeast;
        std::vector<std::string> sameMeasures;
        const auto measures = measureRows(m_in.history, m_words, m_in.dateFormat, sameMeasures);
        table({m_words.tableHeading,
               {m_words.columnMeasure, m_words.columnFirst, m_words.columnLatest, m_words.columnChange,
                m_words.columnVerdict},
               {0.25F, 0.2F, 0.2F, 0.08F, 0.27F},
               measures.empty() && sameMeasures.empty() ? m_words.noMeasures : std::string(),
               sameMeasures.empty() ? std::string()
                                    : fillPlaceholders(m_words.unchanged, {{"measures", joined(sameMeasures)}}),
               m_words.errorNote},
              measures, tablesEnd);
        if (!m_in.findings.empty() && !m_in.history.visits.empty()) {
            const core::History& h = m_in.history;
            std::vector<std::string> unchanged;
            const auto rows = findingTableRows(m_in, m_words, unchanged);
            const std::string summary = joined(unchanged);
            table({m_words.findingsHeading,
                   {m_words.columnFinding, dateOf(h, 0, m_words, m_in.dateFormat),
                    dateOf(h, h.visits.size() - 1, m_words, m_in.dateFormat), m_words.columnChange,
                    m_words.columnVerdict},
                   {0.3F, 0.2F, 0.2F, 0.08F, 0.22F},
                   {},
                   summary.empty() ? std::string() : fillPlaceholders(m_words.findingsUnchanged, {{"findings", summary}}),
                   m_words.findingsNote},
                  rows, tablesEnd);
        }
        const float programRoom = std::min(programHeight(), m_style.height * 0.2F);
        charts(m_bottom - programRoom - words - sign);
        program(m_bottom - words - sign);
        clinicianWords();
        signature();
        drawFooter(m_page, contactLine(), fillPlaceholders(m_words.footer, {{"date", m_in.date}}));
        m_doc.setInfo(m_words.title + " — " + m_in.patient.name + " — " + m_in.date, m_in.branding.clinicName,
                      m_words.title);
        return m_doc.save();
    }

private:
    TextStyle headingStyle() const { return style(true, m_style.fontHeading, accentInk()); }
    float headingHeight() const { return lineHeight(headingStyle()) + 2; }
    void heading(const std::string& text)
    {
        const TextStyle h = headingStyle();
        m_page.text(m_left, baseline(m_y, h), text, h);
        m_y += headingHeight();
    }

    /// Who signs: the therapist of the report's visit (workflow::documentBranding puts the visit's
    /// clinician there) with their credentials, else the clinician recorded at the latest visit.
    std::string signer() const
    {
        std::string who = m_in.branding.therapistName;
        if (!who.empty() && !m_in.branding.therapistCredentials.empty())
            who += ", " + m_in.branding.therapistCredentials;
        if (who.empty() && !m_in.history.visits.empty())
            who = m_in.history.visits.back().clinician;
        return who;
    }

    std::string contactLine() const
    {
        std::string contact = m_in.branding.clinicName;
        for (const std::string* part : {&m_in.branding.phone, &m_in.branding.email})
            if (!part->empty())
                contact += (contact.empty() ? "" : " · ") + *part;
        return contact;
    }

    /// The patient's full name with birth date and record number on one row (a physician files the
    /// report by them, so none is ever cut), then the report date, the visits and the therapist.
    void patient()
    {
        const core::History& hist = m_in.history;
        const TextStyle label = style(false, m_style.fontSmall, m_style.muted);
        const TextStyle name = style(true, m_style.fontBody + 1.5F, m_style.text);
        const TextStyle detail = style(false, m_style.fontBody, m_style.text);
        const TextStyle value = style(true, m_style.fontBody, m_style.text);
        const float labelW = m_width * 0.16F;

        std::string ids;
        if (m_in.patient.birthDate)
            ids = fillPlaceholders(m_words.born, {{"date", core::formatDate(*m_in.patient.birthDate, m_in.dateFormat)}});
        if (const std::string record = recordNumber(m_in.patient); !record.empty())
            ids += (ids.empty() ? "" : " · ") + fillPlaceholders(m_words.record, {{"record", record}});
        m_page.text(m_left, baseline(m_y, name), m_words.patientLabel, label);
        const auto nameLines = wrap(m_in.patient.name, m_width - labelW, name);
        for (const auto& line : nameLines) {
            m_page.text(m_left + labelW, baseline(m_y, name), line, name);
            m_y += lineHeight(name);
        }
        if (nameLines.empty())
            m_y += lineHeight(name);
        if (!ids.empty()) {
            // Beside the name when there is room, else under it.
            const float after = nameLines.empty() ? 0.0F : width(name, nameLines.back()) + 12;
            const float idsW = width(detail, ids);
            if (!nameLines.empty() && labelW + after + idsW <= m_width) {
                const float top = m_y - lineHeight(name);
                m_page.text(m_left + labelW + after, baseline(top, name), ids, detail);
            } else {
                for (const auto& line : wrap(ids, m_width - labelW, detail)) {
                    m_page.text(m_left + labelW, baseline(m_y, detail), line, detail);
                    m_y += lineHeight(detail);
                }
            }
        }
        m_y += 3;

        std::vector<std::pair<std::string, std::string>> cols = {{m_words.dateLabel, m_in.date}};
        if (!hist.visits.empty())
            cols.emplace_back(m_words.visitsLabel,
                              fillPlaceholders(m_words.visitsValue, {{"count", std::to_string(hist.visits.size())},
                                                                     {"date", dateOf(hist, 0, m_words, m_in.dateFormat)}}));
        if (const std::string therapist = m_in.branding.therapistName.empty() && !hist.visits.empty()
                                              ? hist.visits.back().clinician
                                              : m_in.branding.therapistName;
            !therapist.empty())
            cols.emplace_back(m_words.therapistLabel, therapist);
        const float colW = m_width / static_cast<float>(cols.size());
        float tallest = 0;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const float x = m_left + colW * static_cast<float>(i);
            m_page.text(x, baseline(m_y, label), cols[i].first, label);
            float y = m_y + lineHeight(label);
            for (const auto& line : wrap(cols[i].second, colW - 8, value)) {
                m_page.text(x, baseline(y, value), line, value);
                y += lineHeight(value);
            }
            tallest = std::max(tallest, y - m_y);
        }
        m_y += tallest + 5;
        m_page.line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.8F);
        m_y += m_style.sectionGap * 0.6F;
    }

    /// The latest visit's body chart and balance in words, when recorded (balance only when the
    /// findings table does not show it).
    void findingsNow()
    {
        if (m_in.history.visits.empty())
            return;
        const core::VisitProgress& now = m_in.history.visits.back();
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        std::vector<std::string> lines;
        if (const auto areas = core::painAreasText(now.painAreas); !areas.empty())
            lines.push_back(fillPlaceholders(m_words.painAreas, {{"areas", areas}}));
        const bool balanceInTable = std::any_of(m_in.findings.begin(), m_in.findings.end(), [](const auto& f) {
            return f.group == core::FindingGroup::Balance;
        });
        if (const auto balance = core::balanceText(now.balance); !balance.empty() && !balanceInTable)
            lines.push_back(fillPlaceholders(m_words.balance, {{"balance", balance}}));
        for (const auto& line : lines)
            for (const auto& wrapped : wrap(line, m_width, s)) {
                m_page.text(m_left, baseline(m_y, s), wrapped, s);
                m_y += lineHeight(s);
            }
        if (!lines.empty())
            m_y += m_style.sectionGap * 0.4F;
    }

    void alerts()
    {
        const auto& list = m_in.history.latestAlerts();
        if (list.empty())
            return;
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle h = style(true, m_style.fontBody + 0.5F, m_style.urgent.mix(kBlack, 0.35F));
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < list.size() && i < 4; ++i)
            for (auto& l : wrap("• " + list[i].message, m_width - 20, s))
                lines.push_back(std::move(l));
        if (list.size() > 4)
            lines.push_back(fillPlaceholders(m_words.more, {{"n", std::to_string(list.size() - 4)}}));
        const float boxH = 8 + lineHeight(h) + lineHeight(s) * static_cast<float>(lines.size()) + 6;
        const Rgb tint = m_style.urgent.mix(kWhite, 0.88F);
        m_page.roundedRect({m_left, m_y, m_width, boxH}, 4, &tint, &m_style.urgent, 1.0F);
        float y = m_y + 6;
        m_page.text(m_left + 10, baseline(y, h), m_words.alertsHeading, h);
        y += lineHeight(h);
        for (const auto& l : lines) {
            m_page.text(m_left + 10, baseline(y, s), l, s);
            y += lineHeight(s);
        }
        m_y += boxH + m_style.sectionGap * 0.6F;
    }

    /// A table of first and latest values with the change and its verdict; a cell too long for its
    /// column takes a second line rather than being cut. Rows that would run below `limit` (with the
    /// note under the table) are counted in a last "…and n more" row.
    void table(const TableSpec& spec, const std::vector<TableRow>& rows, float limit)
    {
        heading(spec.title);
        const TextStyle head = style(true, m_style.fontSmall, m_style.muted);
        const TextStyle s = style(false, m_style.fontSmall + 0.5F, m_style.text);
        const TextStyle small = style(false, m_style.fontSmall - 0.5F, m_style.muted);
        const auto columnX = [&](std::size_t c) {
            float x = m_left;
            for (std::size_t i = 0; i < c; ++i)
                x += m_width * spec.shares[i];
            return x;
        };
        const auto cellWidth = [&](std::size_t c) { return m_width * spec.shares[c] - 6; };
        const float pad = 1.5F;
        for (std::size_t c = 0; c < 5; ++c)
            m_page.text(columnX(c) + 3, baseline(m_y, head), fit(spec.heads[c], cellWidth(c), head), head);
        m_y += lineHeight(head) + 1;
        m_page.line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.6F);
        m_y += 1;
        if (rows.empty() && !spec.whenEmpty.empty()) {
            m_page.text(m_left + 3, baseline(m_y, s), spec.whenEmpty, s);
            m_y += lineHeight(s) + pad;
        }
        const TextStyle summaryStyle = style(false, m_style.fontSmall + 0.5F, m_style.text);
        const auto summaryLines = wrap(spec.summary, m_width - 6, summaryStyle);
        const auto noteLines = wrap(spec.note, m_width, small);
        const float noteHeight = 3 + lineHeight(summaryStyle) * static_cast<float>(summaryLines.size()) +
                                 lineHeight(small) * static_cast<float>(noteLines.size());
        const float moreHeight = lineHeight(s) + pad;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const TableRow& row = rows[r];
            const std::array<std::string, 5> cells = {row.measure, row.baseline, row.now, row.change, row.verdict};
            std::array<std::vector<std::string>, 5> lines;
            std::size_t tallest = 1;
            for (std::size_t c = 0; c < 5; ++c) {
                lines[c] = wrap(cells[c], cellWidth(c), s);
                tallest = std::max(tallest, lines[c].size());
            }
            const float rowH = lineHeight(s) * static_cast<float>(tallest) + pad;
            const bool last = r + 1 == rows.size();
            if (m_y + rowH + (last ? 0.0F : moreHeight) + noteHeight > limit + kSlack) {
                m_page.text(m_left + 3, baseline(m_y, s),
                            fillPlaceholders(m_words.more, {{"n", std::to_string(rows.size() - r)}}), s);
                m_y += moreHeight;
                break;
            }
            if (r % 2 == 1)
                m_page.fillRect({m_left, m_y, m_width, rowH}, accent().mix(kWhite, 0.95F));
            for (std::size_t c = 0; c < 5; ++c) {
                TextStyle cs = s;
                if (c == 4 && row.tone == Tone::Better)
                    cs = style(true, s.size, kBetterInk);
                else if (c == 4 && row.tone == Tone::Worse)
                    cs = style(true, s.size, kWorseInk);
                float y = m_y;
                for (const auto& line : lines[c]) {
                    m_page.text(columnX(c) + 3, baseline(y, s), line, cs);
                    y += lineHeight(s);
                }
            }
            m_y += rowH;
        }
        m_page.line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.6F);
        m_y += 3;
        for (const auto& l : summaryLines) {
            m_page.text(m_left + 3, baseline(m_y, summaryStyle), l, summaryStyle);
            m_y += lineHeight(summaryStyle);
        }
        for (const auto& l : noteLines) {
            m_page.text(m_left, baseline(m_y, small), l, small);
            m_y += lineHeight(small);
        }
        m_y += m_style.sectionGap * 0.6F;
    }

    /// The charts, as many rows of three as fit above `limit` (at most two rows).
    void charts(float limit)
    {
        const auto all = reportCharts(m_in.history, m_in.dateFormat);
        if (all.empty())
            return;
        const std::size_t columns = 3;
        const float gap = 10;
        const float room = limit - m_y - headingHeight() - m_style.sectionGap * 0.4F;
        const std::size_t wanted = (std::min(all.size(), kProgressReportMaxCharts) + columns - 1) / columns;
        std::size_t rowsShown = wanted;
        while (rowsShown > 0 && room < static_cast<float>(rowsShown) * (kMinChartHeight + gap))
            --rowsShown;
        const TextStyle note = style(false, m_style.fontSmall - 0.5F, m_style.muted);
        const std::size_t count = std::min(all.size(), rowsShown * columns);
        if (count == 0) {
            // No room for a readable chart: say where they are rather than squeeze them.
            m_page.text(m_left, baseline(m_y, note),
                        counted(all.size(), m_words.chartsElsewhereOne, m_words.chartsElsewhere), note);
            m_y += lineHeight(note) + m_style.sectionGap * 0.4F;
            return;
        }
        heading(m_words.chartsHeading);
        const float chartW = (m_width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float more = all.size() > count ? lineHeight(note) : 0.0F;
        const float chartH =
            std::clamp((room - more) / static_cast<float>(rowsShown) - gap, kMinChartHeight, 125.0F);
        PdfCanvas canvas(m_page);
        PdfChartText text(m_page, fonts().regular);
        for (std::size_t i = 0; i < count; ++i) {
            const float x = m_left + (chartW + gap) * static_cast<float>(i % columns);
            const float y = m_y + (chartH + gap) * static_cast<float>(i / columns);
            drawChart(canvas, text, {x, y, chartW, chartH}, all[i]);
        }
        m_y += (chartH + gap) * static_cast<float>(rowsShown);
        if (all.size() > count) {
            m_page.text(m_left, baseline(m_y, note),
                        counted(all.size() - count, m_words.moreChartsOne, m_words.moreCharts), note);
            m_y += lineHeight(note);
        }
        m_y += m_style.sectionGap * 0.4F;
    }

    /// An exercise of the program: its numbered name (left) and its whole dose (right), each
    /// wrapped in its column.
    struct ProgramLine {
        std::vector<std::string> name;
        std::vector<std::string> dose;
        float height = 0;
    };

    float nameColumn() const { return m_width * 0.42F; }

    std::vector<ProgramLine> programLines() const
    {
        std::vector<ProgramLine> out;
        if (!m_in.program)
            return out;
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle b = style(true, m_style.fontBody, m_style.text);
        const auto& items = m_in.program->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            ProgramLine line;
            line.name = wrap(std::to_string(i + 1) + ". " + items[i].name + sideText(items[i].side, m_words),
                             nameColumn() - 10, b);
            // The whole dose, on more lines when it does not fit on one: a cut dose is a wrong dose.
            line.dose = wrap(core::describeVolume(items[i].dose) + " · " + core::describeFrequency(items[i].dose),
                             m_width - nameColumn(), s);
            line.height = lineHeight(s) * static_cast<float>(std::max<std::size_t>(
                                              1, std::max(line.name.size(), line.dose.size())));
            out.push_back(std::move(line));
        }
        return out;
    }

    /// The program's height drawn whole (one line when it has no exercises).
    float programHeight() const
    {
        const auto lines = programLines();
        float h = headingHeight();
        for (const auto& line : lines)
            h += line.height;
        return lines.empty() ? h + lineHeight(style(false, m_style.fontBody, m_style.text)) : h;
    }

    /// The program down to `limit`; exercises that do not fit are counted in a last line.
    void program(float limit)
    {
        heading(m_words.programHeading);
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle b = style(true, m_style.fontBody, m_style.text);
        if (!m_in.program || m_in.program->items.empty()) {
            const std::string& why = !m_in.program            ? m_words.noProgram
                                     : m_in.program->withheld ? m_words.withheld
                                                              : m_words.emptyProgram;
            m_page.text(m_left, baseline(m_y, s), why, s);
            m_y += lineHeight(s);
            return;
        }
        const auto lines = programLines();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool last = i + 1 == lines.size();
            // The last exercise needs its own room; any other also room for the "more" line after it.
            if (m_y + lines[i].height + (last ? 0.0F : lineHeight(s)) > limit + kSlack) {
                m_page.text(m_left, baseline(m_y, s),
                            counted(lines.size() - i, m_words.moreExercisesOne, m_words.moreExercises), s);
                m_y += lineHeight(s);
                return;
            }
            float y = m_y;
            for (const auto& l : lines[i].name) {
                m_page.text(m_left, baseline(y, b), l, b);
                y += lineHeight(b);
            }
            y = m_y;
            for (const auto& l : lines[i].dose) {
                m_page.text(m_left + nameColumn(), baseline(y, s), l, s);
                y += lineHeight(s);
            }
            m_y += lines[i].height;
        }
    }

    /// The clinician's impression, plan and goals at the latest visit, as label and text rows.
    std::vector<std::pair<std::string, std::vector<std::string>>> clinicianRows() const
    {
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        std::vector<std::pair<std::string, std::vector<std::string>>> rows;
        for (const auto& [label, text] : {std::pair{&m_words.impressionLabel, &m_in.impression},
                                          std::pair{&m_words.planLabel, &m_in.plan},
                                          std::pair{&m_words.goalsLabel, &m_in.goals}})
            if (!text->empty())
                rows.emplace_back(*label, wrap(*text, m_width * 0.84F, s));
        return rows;
    }

    float clinicianHeight() const
    {
        const auto rows = clinicianRows();
        if (rows.empty())
            return 0;
        float h = m_style.sectionGap * 0.4F + headingHeight();
        for (const auto& row : rows)
            h += lineHeight(style(false, m_style.fontBody, m_style.text)) * static_cast<float>(row.second.size()) + 2;
        return h;
    }

    void clinicianWords()
    {
        const auto rows = clinicianRows();
        if (rows.empty())
            return;
        m_y += m_style.sectionGap * 0.4F;
        heading(m_words.clinicianHeading);
        const TextStyle label = style(false, m_style.fontSmall, m_style.muted);
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        for (const auto& [name, lines] : rows) {
            m_page.text(m_left, baseline(m_y, s), name, label);
            for (const auto& line : lines) {
                m_page.text(m_left + m_width * 0.16F, baseline(m_y, s), line, s);
                m_y += lineHeight(s);
            }
            m_y += 2;
        }
    }

    float signatureHeight() const
    {
        const float lh = lineHeight(style(false, m_style.fontBody, m_style.text));
        return m_style.sectionGap * 0.6F + lh * 1.4F + 3 + lh;
    }

    /// A line to sign on, with the clinician's name, credentials and the report date under it.
    void signature()
    {
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle l = style(false, m_style.fontSmall, m_style.muted);
        // At the foot of the page when there is room to spare, else right after the content.
        m_y = std::max(m_y, m_bottom - signatureHeight());
        m_y += m_style.sectionGap * 0.6F;
        const float lineY = m_y + lineHeight(s) * 1.4F;
        m_page.text(m_left, baseline(m_y, l), m_words.signatureLabel, l);
        m_page.line({m_left + m_width * 0.16F, lineY}, {m_left + m_width * 0.6F, lineY}, m_style.rule, 0.8F);
        m_y = lineY + 3;
        std::string who = signer();
        if (who.empty())
            who = "……………………………………"; // nobody recorded: the clinician writes their name by hand
        m_page.text(m_left + m_width * 0.16F, baseline(m_y, s),
                    fillPlaceholders(m_words.signedBy, {{"clinician", who}, {"date", m_in.date}}), s);
        m_y += lineHeight(s);
    }

    const ProgressReportInput& m_in;
    const PageStyle& m_style;
    const ReportWording& m_words;
    PdfDocument& m_doc;
    PdfPage m_page;
    float m_left;
    float m_width;
    float m_bottom;
    float m_y = 0;
};

} // namespace

std::vector<std::uint8_t> renderProgressReport(const ProgressReportInput& input, PageSize size,
                                               const RenderResources& resources)
{
    const PageTemplate tpl = loadPageTemplate(resources.templatesDir, size);
    PdfDocument doc;
    const DocumentFonts fonts = loadDocumentFonts(doc, resources);
    const auto logo = loadDocumentLogo(doc, input.branding, resources, "progress report");
    ReportBuilder builder(input, tpl.style, tpl.words.report, doc, fonts);
    return builder.build(logo);
}

} // namespace hiprx::render
