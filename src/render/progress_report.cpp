// SPDX-License-Identifier: GPL-3.0-or-later
//
// One page, drawn top to bottom with a cursor: header band, patient line, alerts, the baseline-vs-now
// table, a grid of charts, the current program, footer. Everything that might not fit is measured
// first and cut with a "…and n more" line, so the report never spills onto a second page. Every fixed
// word comes from the [report*] sections of templates/wording.ini; measure names from core.
#include "render/progress_report.h"

#include "core/dose_text.h"
#include "render/chart.h"
#include "render/pdf_canvas.h"
#include "render/pdf_document.h"
#include "render/render_error.h"
#include "render/text_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hiprx::render {

namespace {

const Rgb kWhite{1.0F, 1.0F, 1.0F};
const Rgb kBlack{0.0F, 0.0F, 0.0F};

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

/// The latest value of each measure with its change since the baseline.
struct TableRow {
    std::string measure;
    std::string baseline;
    std::string now;
    std::string change;
    std::string verdict;
    core::Verdict kind = core::Verdict::WithinError;
};

std::vector<TableRow> tableRows(const core::History& h, const ReportWording& words, core::DateFormat format)
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
        TableRow row;
        row.measure = s.measure.label();
        const std::string unit(s.measure.unit());
        row.baseline = number(*s.values[*first]) + unit + "  (" + dateOf(h, *first, words, format) + ")";
        row.now = number(*s.values[*last]) + unit + "  (" + dateOf(h, *last, words, format) + ")";
        const core::MeasureValue* mv = nullptr;
        for (const auto& v : h.visits[*last].values)
            if (v.measure == s.measure)
                mv = &v;
        if (mv && mv->sinceBaseline) {
            row.change = signedNumber(mv->sinceBaseline->delta);
            row.kind = mv->sinceBaseline->verdict;
            row.verdict = std::string(verdictWord(row.kind, words));
        } else {
            row.change = "—";
            row.verdict = words.baselineOnly;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// Pain and questionnaires first (what a physician reads first), then movements.
std::vector<ChartSpec> reportCharts(const core::History& h)
{
    std::vector<ChartSpec> out;
    for (auto c : {painChart(h), lefsChart(h), psfsChart(h)})
        if (c)
            out.push_back(std::move(*c));
    for (const auto& m : core::vocabulary<core::Movement>())
        if (auto c = romChart(h, m.value))
            out.push_back(std::move(*c));
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

class ReportBuilder {
public:
    ReportBuilder(const ProgressReportInput& in, const PageStyle& style, const ReportWording& words,
                  PdfDocument& doc, FontFace regular, FontFace bold)
        : m_in(in), m_style(style), m_words(words), m_doc(doc), m_regular(regular), m_bold(bold),
          m_page(doc.addPage(style.width, style.height))
    {
        const std::string& accentText = in.branding.accentColor.empty() ? "#1F6F8B" : in.branding.accentColor;
        const auto accent = Rgb::parse(accentText);
        if (!accent)
            throw RenderError("branding accent colour '" + accentText + "' is not written as #RRGGBB");
        m_accent = *accent;
        m_ink = m_accent;
        for (int i = 0; i < 10 && 1.05F / (m_ink.luminance() + 0.05F) < 4.5F; ++i)
            m_ink = m_ink.mix(kBlack, 0.15F);
        m_left = style.marginLeft;
        m_width = style.width - style.marginLeft - style.marginRight;
        m_bottom = style.height - style.marginBottom;
    }

    std::vector<std::uint8_t> build()
    {
        header();
        patientLine();
        findingsNow();
        alerts();
        table();
        charts();
        program();
        footer();
        m_doc.setInfo(m_words.title, m_in.branding.clinicName, m_words.title);
        return m_doc.save();
    }

private:
    TextStyle style(bool bold, float size, const Rgb& color) const
    {
        return {bold ? m_bold : m_regular, size, color};
    }
    float lineHeight(const TextStyle& s) const { return s.size * m_style.lineSpacing; }
    float width(const TextStyle& s, std::string_view t) const { return m_doc.textWidth(s.face, s.size, t); }
    float baseline(float top, const TextStyle& s) const { return top + lineHeight(s) / 2 + 0.36F * s.size; }
    std::vector<std::string> wrap(std::string_view t, float w, const TextStyle& s) const
    {
        return wrapText(t, w, [&](std::string_view run) { return width(s, run); });
    }
    /// Text cut with an ellipsis to fit `w`.
    std::string fit(const std::string& t, float w, const TextStyle& s) const
    {
        auto lines = wrap(t, w, s);
        if (lines.size() <= 1)
            return t;
        return lines.front() + "…";
    }

    void heading(const std::string& text)
    {
        const TextStyle h = style(true, m_style.fontHeading, m_ink);
        m_page.text(m_left, baseline(m_y, h), text, h);
        m_y += lineHeight(h) + 2;
    }

    void header()
    {
        const float h = m_style.headerHeight * 0.75F;
        m_page.fillRect({0, 0, m_style.width, h}, m_accent);
        const Rgb ink = m_accent.readableTextOn();
        const TextStyle name = style(true, m_style.fontClinic, ink);
        const TextStyle title = style(true, m_style.fontTitle, ink);
        const std::string& titleText = m_words.title;
        const float titleW = width(title, titleText);
        m_page.text(m_left + m_width - titleW, h / 2 + 0.36F * title.size, titleText, title);
        if (!m_in.branding.clinicName.empty()) {
            // A long clinic name is set smaller (down to 70 %) before anything of it is cut.
            TextStyle fitted = name;
            while (fitted.size > name.size * 0.7F && width(fitted, m_in.branding.clinicName) > m_width - titleW - 16)
                fitted.size -= 0.5F;
            m_page.text(m_left, h / 2 + 0.36F * fitted.size,
                        fit(m_in.branding.clinicName, m_width - titleW - 16, fitted), fitted);
        }
        m_y = h + m_style.sectionGap * 0.8F;
    }

    void patientLine()
    {
        const core::History& hist = m_in.history;
        const TextStyle label = style(false, m_style.fontSmall, m_style.muted);
        const TextStyle value = style(true, m_style.fontBody + 1.0F, m_style.text);
        const TextStyle detail = style(false, m_style.fontSmall, m_style.text);
        // The patient's column is the widest: a physician files the report by full name, birth date
        // and record number, so none of them is cut while there is room.
        std::vector<std::pair<std::string, std::string>> cols = {{m_words.patientLabel, m_in.patient.name},
                                                                 {m_words.dateLabel, m_in.date}};
        if (!hist.visits.empty())
            cols.emplace_back(
                m_words.visitsLabel,
                fillPlaceholders(m_words.visitsValue, {{"count", std::to_string(hist.visits.size())},
                                                       {"date", dateOf(hist, 0, m_words, m_in.dateFormat)}}));
        const std::string therapist =
            m_in.branding.therapistName.empty()
                ? (hist.visits.empty() ? std::string() : hist.visits.back().clinician)
                : m_in.branding.therapistName;
        if (!therapist.empty())
            cols.emplace_back(m_words.therapistLabel, therapist);
        const float firstW = m_width * 0.4F;
        const float otherW = (m_width - firstW) / static_cast<float>(cols.size() - 1);
        float x = m_left;
        float tallest = 0;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const float colW = i == 0 ? firstW : otherW;
            m_page.text(x, baseline(m_y, label), cols[i].first, label);
            float y = m_y + lineHeight(label);
            const auto lines = wrap(cols[i].second, colW - 8, value);
            for (std::size_t l = 0; l < lines.size() && l < 2; ++l) {
                const std::string text = l == 1 && lines.size() > 2 ? fit(lines[1] + " " + lines[2], colW - 8, value)
                                                                    : lines[l];
                m_page.text(x, baseline(y, value), text, value);
                y += lineHeight(value);
            }
            if (i == 0) {
                std::string ids;
                if (m_in.patient.birthDate)
                    ids = "born " + core::formatDate(*m_in.patient.birthDate, m_in.dateFormat);
                const std::string record = !m_in.patient.externalId.empty() ? m_in.patient.externalId
                                           : m_in.patient.id > 0 ? std::to_string(m_in.patient.id)
                                                                 : std::string();
                if (!record.empty())
                    ids += (ids.empty() ? "" : " · ") + std::string("record ") + record;
                if (!ids.empty()) {
                    m_page.text(x, baseline(y, detail), fit(ids, colW - 8, detail), detail);
                    y += lineHeight(detail);
                }
            }
            tallest = std::max(tallest, y - m_y);
            x += colW;
        }
        m_y += tallest + 6;
        m_page.line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.8F);
        m_y += m_style.sectionGap * 0.6F;
    }

    /// The latest visit's body chart and balance in words, a line each, when recorded.
    void findingsNow()
    {
        if (m_in.history.visits.empty())
            return;
        const core::VisitProgress& now = m_in.history.visits.back();
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        std::vector<std::string> lines;
        if (const auto areas = core::painAreasText(now.painAreas); !areas.empty())
            lines.push_back(fillPlaceholders(m_words.painAreas, {{"areas", areas}}));
        if (const auto balance = core::balanceText(now.balance); !balance.empty())
            lines.push_back(fillPlaceholders(m_words.balance, {{"balance", balance}}));
        for (const auto& line : lines) {
            m_page.text(m_left, baseline(m_y, s), fit(line, m_width, s), s);
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

    void table()
    {
        const auto rows = tableRows(m_in.history, m_words, m_in.dateFormat);
        heading(m_words.tableHeading);
        const TextStyle head = style(true, m_style.fontSmall, m_style.muted);
        const TextStyle s = style(false, m_style.fontSmall + 0.5F, m_style.text);
        const float shares[] = {0.25F, 0.2F, 0.2F, 0.08F, 0.27F};
        const std::string* heads[] = {&m_words.columnMeasure, &m_words.columnFirst, &m_words.columnLatest,
                                      &m_words.columnChange, &m_words.columnVerdict};
        const auto columnX = [&](int c) {
            float x = m_left;
            for (int i = 0; i < c; ++i)
                x += m_width * shares[i];
            return x;
        };
        const float rowH = lineHeight(s) + 1.5F;
        for (int c = 0; c < 5; ++c)
            m_page.text(columnX(c) + 3, baseline(m_y, head), fit(*heads[c], m_width * shares[c] - 6, head),
                        head);
        m_y += lineHeight(head) + 1;
        m_page.line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.6F);
        m_y += 1;
        if (rows.empty()) {
            m_page.text(m_left + 3, baseline(m_y, s), m_words.noMeasures, s);
            m_y += rowH;
        }
        // At most 18 rows: every movement on both sides, pain and both questionnaires.
        const std::size_t shown = std::min<std::size_t>(rows.size(), 18);
        for (std::size_t r = 0; r < shown; ++r) {
            const TableRow& row = rows[r];
            if (r % 2 == 1)
                m_page.fillRect({m_left, m_y, m_width, rowH}, m_accent.mix(kWhite, 0.95F));
            const std::string cells[] = {row.measure, row.baseline, row.now, row.change, row.verdict};
            for (int c = 0; c < 5; ++c) {
                TextStyle cs = s;
                if (c == 4 && row.kind == core::Verdict::Improved)
                    cs = style(true, s.size, Rgb{0.10F, 0.45F, 0.20F});
                else if (c == 4 && row.kind == core::Verdict::Worse)
                    cs = style(true, s.size, Rgb{0.70F, 0.10F, 0.10F});
                m_page.text(columnX(c) + 3, baseline(m_y, s), fit(cells[c], m_width * shares[c] - 6, cs), cs);
            }
            m_y += rowH;
        }
        m_page.line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.6F);
        m_y += 3;
        const TextStyle note = style(false, m_style.fontSmall - 0.5F, m_style.muted);
        for (const auto& l : wrap(m_words.errorNote, m_width, note)) {
            m_page.text(m_left, baseline(m_y, note), l, note);
            m_y += lineHeight(note);
        }
        m_y += m_style.sectionGap * 0.6F;
    }

    void charts()
    {
        const auto all = reportCharts(m_in.history);
        if (all.empty())
            return;
        heading(m_words.chartsHeading);
        const std::size_t count = std::min(all.size(), kProgressReportMaxCharts);
        const std::size_t columns = 3;
        const std::size_t rowsNeeded = (count + columns - 1) / columns;
        const float gap = 10;
        const float chartW = (m_width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        // Leave at least a fifth of the page for the program and the footer.
        const float room = m_bottom - m_y - m_style.height * 0.2F;
        const float chartH = std::clamp(room / static_cast<float>(rowsNeeded) - gap, 60.0F, 125.0F);
        PdfCanvas canvas(m_page);
        PdfChartText text(m_page, m_regular);
        for (std::size_t i = 0; i < count; ++i) {
            const float x = m_left + (chartW + gap) * static_cast<float>(i % columns);
            const float y = m_y + (chartH + gap) * static_cast<float>(i / columns);
            drawChart(canvas, text, {x, y, chartW, chartH}, all[i]);
        }
        m_y += (chartH + gap) * static_cast<float>(rowsNeeded);
        if (all.size() > count) {
            const TextStyle note = style(false, m_style.fontSmall - 0.5F, m_style.muted);
            m_page.text(m_left, baseline(m_y, note),
                        fillPlaceholders(m_words.moreCharts, {{"n", std::to_string(all.size() - count)}}),
                        note);
            m_y += lineHeight(note);
        }
        m_y += m_style.sectionGap * 0.4F;
    }

    void program()
    {
        heading(m_words.programHeading);
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle b = style(true, m_style.fontBody, m_style.text);
        const float footerTop = m_bottom - lineHeight(s);
        if (!m_in.program || m_in.program->items.empty()) {
            const std::string& why = !m_in.program            ? m_words.noProgram
                                     : m_in.program->withheld ? m_words.withheld
                                                              : m_words.emptyProgram;
            m_page.text(m_left, baseline(m_y, s), why, s);
            m_y += lineHeight(s);
            return;
        }
        const auto& items = m_in.program->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const bool lastRoom = m_y + 3 * lineHeight(s) > footerTop; // a dose may take two lines
            if (lastRoom && i + 1 < items.size()) {
                m_page.text(
                    m_left, baseline(m_y, s),
                    fillPlaceholders(m_words.moreExercises, {{"n", std::to_string(items.size() - i)}}), s);
                m_y += lineHeight(s);
                return;
            }
            const std::string name =
                std::to_string(i + 1) + ". " + items[i].name + sideText(items[i].side, m_words);
            const std::string nameFit = fit(name, m_width * 0.5F, b);
            m_page.text(m_left, baseline(m_y, b), nameFit, b);
            const float x = m_left + std::max(width(b, nameFit) + 10, m_width * 0.42F);
            // The whole dose, on a second line when it does not fit on one: a cut dose is a wrong dose.
            const auto doseLines =
                wrap(core::describeVolume(items[i].dose) + " · " + core::describeFrequency(items[i].dose),
                     m_left + m_width - x, s);
            for (const auto& line : doseLines) {
                m_page.text(x, baseline(m_y, s), line, s);
                m_y += lineHeight(s);
            }
            if (doseLines.empty())
                m_y += lineHeight(s);
        }
    }

    void footer()
    {
        const TextStyle s = style(false, m_style.fontSmall, m_style.muted);
        const float ruleY = m_style.height - m_style.marginBottom + 10;
        m_page.line({m_left, ruleY}, {m_left + m_width, ruleY}, m_style.rule, 0.6F);
        std::string contact = m_in.branding.clinicName;
        for (const std::string* part : {&m_in.branding.phone, &m_in.branding.email})
            if (!part->empty())
                contact += (contact.empty() ? "" : " · ") + *part;
        m_page.text(m_left, baseline(ruleY + 4, s), fit(contact, m_width * 0.7F, s), s);
        const std::string made = fillPlaceholders(m_words.footer, {{"date", m_in.date}});
        m_page.text(m_left + m_width - width(s, made), baseline(ruleY + 4, s), made, s);
    }

    const ProgressReportInput& m_in;
    const PageStyle& m_style;
    const ReportWording& m_words;
    PdfDocument& m_doc;
    FontFace m_regular;
    FontFace m_bold;
    PdfPage m_page;
    Rgb m_accent;
    Rgb m_ink;
    float m_left = 0;
    float m_width = 0;
    float m_bottom = 0;
    float m_y = 0;
};

} // namespace

std::vector<std::uint8_t> renderProgressReport(const ProgressReportInput& input, PageSize size,
                                               const RenderResources& resources)
{
    const PageTemplate tpl = loadPageTemplate(resources.templatesDir, size);
    PdfDocument doc;
    // The full font: a one-page report is not speed-critical, and its tables hold free text.
    const FontFace regular =
        doc.loadTrueType(resources.fontFallback.empty() ? resources.fontRegular : resources.fontFallback);
    FontFace bold{regular.font, true};
    if (!resources.fontBold.empty())
        bold = doc.loadTrueType(resources.fontBold);
    ReportBuilder builder(input, tpl.style, tpl.words.report, doc, regular, bold);
    return builder.build();
}

} // namespace hiprx::render
