// SPDX-License-Identifier: GPL-3.0-or-later
//
// How the home program is put together: each part of the document becomes a Block of rows whose
// heights are measured first (our own UTF-8 line breaking over libharu's glyph widths); paginate()
// decides where every block goes; then the blocks, the page-1 header band, running heads and
// "Page x of y" footers are drawn. Drawing is deferred so the footers know the page count.
#include "render/home_program.h"

#include "core/dose_text.h"

#include "render/figure_drawer.h"
#include "render/flow_layout.h"
#include "render/ini_file.h"
#include "render/output_file.h"
#include "render/pdf_canvas.h"
#include "render/pdf_document.h"
#include "render/qr_code.h"
#include "render/render_error.h"
#include "render/text_layout.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

namespace hiprx::render {
namespace {

const Rgb kWhite{1.0F, 1.0F, 1.0F};
/// A compact card's figure band is this share of figure_height: about 1.4 inches high on the
/// templates, still twice the figures of the first handouts.
constexpr float kCompactFigureShare = 0.7F;
const Rgb kBlack{0.0F, 0.0F, 0.0F};

/// A rounded box filled with `fill` and outlined in `color`, with a solid bar of `bar` points down
/// its left edge (the referral, warning-signs and precautions boxes). `inset` keeps the square
/// join of bar and fill inside the outline.
void drawBarredBox(PdfPage& page, const Box& box, const Rgb& fill, const Rgb& color, float line, float bar,
                   float inset)
{
    page.roundedRect(box, 5, &fill, &color, line);
    page.roundedRect({box.x, box.y, bar + 5, box.height}, 5, &color, nullptr, 0);
    page.fillRect({box.x + bar, box.y + inset, 5, box.height - 2 * inset}, fill);
}

/// One unbreakable strip of a block; draws itself with its top edge at `top`.
struct Row {
    float height = 0;
    std::function<void(PdfPage&, float top)> draw;
};

/// Rows plus what is drawn behind and over each fragment of them (card frames, tints, QR codes).
struct Block {
    std::vector<Row> rows;
    std::size_t headerRows = 0;
    float padTop = 0;
    float padBottom = 0;
    float gapAfter = 0;
    bool keepWithNext = false;
    std::function<void(PdfPage&, const Box&, const Fragment&)> background;
    std::function<void(PdfPage&, const Box&, const Fragment&)> overlay;
    /// The same content laid out more compactly (flow_layout uses it where it saves room).
    std::shared_ptr<Block> compactLayout;
    std::string name; ///< what the layout report calls it ("card 3", "log")

    BlockMetrics metrics() const
    {
        BlockMetrics m;
        m.rows.reserve(rows.size());
        for (const Row& r : rows)
            m.rows.push_back(r.height);
        m.headerRows = headerRows;
        m.padTop = padTop;
        m.padBottom = padBottom;
        m.gapAfter = gapAfter;
        m.keepWithNext = keepWithNext;
        if (compactLayout)
            m.compactHeight = compactLayout->metrics().height();
        return m;
    }
};

/// A darker shade of `color` until it reads on white at WCAG AA (4.5:1), for headings in the accent.
Rgb inkOnWhite(Rgb color)
{
    for (int i = 0; i < 10 && 1.05F / (color.luminance() + 0.05F) < 4.5F; ++i)
        color = color.mix(kBlack, 0.15F);
    return color;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const auto& p : parts) {
        if (p.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += p;
    }
    return out;
}

/// `text` split into the label to print and the rest: when `text` opens with the label's words
/// ("Stop if" for the label "Stop if:"), those words are the label and the rest follows; otherwise
/// the label as it is and the whole text.
std::pair<std::string, std::string> splitLead(std::string_view text, std::string_view label)
{
    std::string_view words = label;
    while (!words.empty() && (words.back() == ':' || words.back() == ' '))
        words.remove_suffix(1);
    if (!words.empty() && text.size() > words.size() &&
        core::asciiLower(text.substr(0, words.size())) == core::asciiLower(words)) {
        std::string_view rest = text.substr(words.size());
        if (rest.front() == ' ' || rest.front() == ':' || rest.front() == ',') {
            while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':' || rest.front() == ','))
                rest.remove_prefix(1);
            return {std::string(text.substr(0, words.size())), std::string(rest)};
        }
    }
    return {std::string(label), std::string(text)};
}

class HomeProgramBuilder {
public:
    HomeProgramBuilder(const HomeProgramInput& input, const PageTemplate& tpl, const WarningSigns& nerveSigns,
                       PdfDocument& doc, FontFace regular, FontFace bold, const FigureDrawer* figures)
        : m_in(input), m_style(input.largePrint ? tpl.style.largePrint() : tpl.style), m_words(tpl.words), m_care(tpl.care),
          m_nerveSigns(nerveSigns), m_doc(doc), m_regular(regular), m_bold(bold), m_figures(figures)
    {
        const std::string& accentText =
            input.branding.accentColor.empty() ? "#1F6F8B" : input.branding.accentColor;
        const auto accent = Rgb::parse(accentText);
        if (!accent)
            throw RenderError("branding accent colour '" + accentText + "' is not written as #RRGGBB");
        m_accent = *accent;
        m_accentInk = inkOnWhite(m_accent);
        m_accentTint = m_accent.mix(kWhite, 0.9F);
        m_left = m_style.marginLeft;
        m_width = m_style.width - m_style.marginLeft - m_style.marginRight;
    }

    std::vector<std::uint8_t> build(const std::optional<PdfImage>& logo, std::vector<HandoutPage>* layout)
    {
        const bool emergency = m_in.referral.level == core::Urgency::Emergency || m_in.program.withheld;
        const bool hasExercises = !emergency && !m_in.program.items.empty();
        for (Section section : m_style.sections) {
            switch (section) {
            case Section::Patient:
                addPatient();
                break;
            case Section::Referral:
                addReferral();
                // The patient's precautions follow the referral box wherever a template puts it:
                // they bind every exercise below, so no template can leave them out.
                if (!emergency)
                    addPrecautions();
                break;
            case Section::HowTo:
                if (hasExercises)
                    addHowTo();
                break;
            case Section::Exercises:
                if (hasExercises)
                    addExercises();
                break;
            case Section::AdherenceLog:
                if (hasExercises)
                    addAdherenceLog();
                break;
            }
        }

        std::vector<BlockMetrics> metrics;
        metrics.reserve(m_blocks.size());
        for (const Block& b : m_blocks)
            metrics.push_back(b.metrics());
        const float bottom = m_style.height - m_style.marginBottom;
        const PageArea first{m_style.headerHeight + m_style.sectionGap, bottom};
        const PageArea next{m_style.marginTop + runningHeadHeight(), bottom};
        // "How to do your program" is general advice: when keeping it before the cards would push
        // every card off page 1 and leave that page more than a quarter empty, it goes after the last
        // card, so the patient's first exercise starts on page 1 (issue 16). The precautions box, the
        // rules the patient must keep to, always stays first.
        const auto named = [&](auto pred) {
            for (std::size_t i = 0; i < m_blocks.size(); ++i)
                if (pred(m_blocks[i].name))
                    return i;
            return m_blocks.size();
        };
        const std::size_t howTo = named([](const std::string& n) { return n == "how_to"; });
        const std::size_t cardsHeading = named([](const std::string& n) { return n == "exercises heading"; });
        std::size_t afterCards = m_blocks.size();
        for (std::size_t i = cardsHeading;
             i < m_blocks.size() && (i == cardsHeading || m_blocks[i].name.starts_with("card ")); ++i)
            afterCards = i + 1;
        const std::vector<Fragment> fragments =
            howTo < cardsHeading && cardsHeading < m_blocks.size()
                ? paginateDeferring(metrics, first, next, howTo, afterCards).fragments
                : paginate(metrics, first, next);

        const std::size_t pageCount = fragments.empty() ? 1 : fragments.back().page + 1;
        if (layout) {
            layout->assign(pageCount, {});
            for (std::size_t i = 0; i < pageCount; ++i) {
                const PageArea area = i == 0 ? first : next;
                (*layout)[i].usable = area.bottom - area.top;
            }
            for (const Fragment& f : fragments) {
                HandoutPage& p = (*layout)[f.page];
                p.used = f.top + f.height - (f.page == 0 ? first.top : next.top);
                p.parts.push_back(m_blocks[f.block].name + (f.compact ? " (compact)" : ""));
            }
        }
        std::vector<PdfPage> pages;
        for (std::size_t i = 0; i < pageCount; ++i)
            pages.push_back(m_doc.addPage(m_style.width, m_style.height));

        drawHeaderBand(pages.front(), logo);
        for (std::size_t i = 1; i < pageCount; ++i)
            drawRunningHead(pages[i]);
        for (const Fragment& f : fragments)
            drawFragment(pages[f.page], m_blocks[f.block], f);
        for (std::size_t i = 0; i < pageCount; ++i)
            drawFooter(pages[i], i + 1, pageCount);

        // "Home exercise program — Ana Ruiz — 2026-11-20": a title that tells files apart.
        const std::string title = joined({m_words.runningHeader, m_in.patient.name, m_in.date}, " — ");
        m_doc.setInfo(title, m_in.branding.clinicName, emergency ? m_words.emergencyTitle : m_words.title);
        m_doc.setLanguage("en");
        return m_doc.save();
    }

private:
    // ---- text helpers -------------------------------------------------------------------------

    TextStyle style(bool bold, float size, const Rgb& color) const
    {
        return {bold ? m_bold : m_regular, size, color};
    }
    TextStyle body() const { return style(false, m_style.fontBody, m_style.text); }
    TextStyle small() const { return style(false, m_style.fontSmall, m_style.muted); }
    float lineHeight(const TextStyle& s) const { return s.size * m_style.lineSpacing; }
    float width(const TextStyle& s, std::string_view text) const
    {
        return m_doc.textWidth(s.face, s.size, text);
    }

    std::vector<std::string> wrap(std::string_view text, float maxWidth, const TextStyle& s,
                                  float indent = 0) const
    {
        return wrapText(
            text, maxWidth, [&](std::string_view run) { return width(s, run); }, indent);
    }

    // Baseline of a line of text of `s` in a row of its line height starting at `top`.
    float baseline(float top, const TextStyle& s) const { return top + lineHeight(s) / 2 + 0.36F * s.size; }

    /// Rows of a wrapped paragraph at x, one row per line.
    void addParagraph(std::vector<Row>& rows, std::string_view text, float x, float maxWidth,
                      const TextStyle& s)
    {
        for (std::string& line : wrap(text, maxWidth, s))
            rows.push_back({lineHeight(s), [this, x, s, line = std::move(line)](PdfPage& page, float top) {
                                page.text(x, baseline(top, s), line, s);
                            }});
    }

    /// "Label: text" where the label is set in `labelStyle` and the text wraps under the label.
    void addLabelled(std::vector<Row>& rows, std::string_view label, std::string_view text, float x,
                     float maxWidth, const TextStyle& labelStyle, const TextStyle& textStyle)
    {
        if (text.empty())
            return;
        const std::string lead = std::string(label) + " ";
        const float leadWidth = width(labelStyle, lead);
        auto lines = wrap(text, maxWidth, textStyle, leadWidth);
        const float h = std::max(lineHeight(labelStyle), lineHeight(textStyle));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool first = i == 0;
            rows.push_back({h, [this, x, h, first, lead, leadWidth, labelStyle, textStyle,
                                line = std::move(lines[i])](PdfPage& page, float top) {
                                const float base = top + h / 2 + 0.36F * textStyle.size;
                                if (first)
                                    page.text(x, base, lead, labelStyle);
                                page.text(first ? x + leadWidth : x, base, line, textStyle);
                            }});
        }
    }

    /// A bulleted paragraph with a hanging indent.
    void addBullet(std::vector<Row>& rows, std::string_view text, float x, float maxWidth, const TextStyle& s,
                   const Rgb& bulletColor)
    {
        const float indent = s.size * 1.1F;
        auto lines = wrap(text, maxWidth - indent, s);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool first = i == 0;
            rows.push_back({lineHeight(s), [this, x, indent, first, s, bulletColor,
                                            line = std::move(lines[i])](PdfPage& page, float top) {
                                if (first)
                                    page.fillCircle({x + s.size * 0.3F, top + lineHeight(s) / 2},
                                                    s.size * 0.17F, bulletColor);
                                page.text(x + indent, baseline(top, s), line, s);
                            }});
        }
    }

    static Row spacer(float height)
    {
        return {height, [](PdfPage&, float) {}};
    }

    // ---- page furniture -------------------------------------------------------------------------

    float runningHeadHeight() const { return m_style.fontSmall * 2.6F; }

    void drawHeaderBand(PdfPage& page, const std::optional<PdfImage>& logo)
    {
        const core::Branding& b = m_in.branding;
        const float h = m_style.headerHeight;
        page.fillRect({0, 0, m_style.width, h}, m_accent);
        const Rgb ink = m_accent.readableTextOn();
        float x = m_left;
        const float right = m_left + m_width;

        if (logo) {
            // The logo sits on a white tile: a logo is drawn for white paper, not for our accent.
            const float pad = 5;
            const float tileH = h - 2 * 10;
            const float scale =
                std::min((tileH - 2 * pad) / logo->height, (m_style.logoMaxWidth - 2 * pad) / logo->width);
            const float w = logo->width * scale;
            const float lh = logo->height * scale;
            const Box tile{x, (h - tileH) / 2, w + 2 * pad, tileH};
            page.roundedRect(tile, 4, &kWhite, nullptr, 0);
            page.image(*logo, {tile.x + pad, tile.y + (tileH - lh) / 2, w, lh});
            x += tile.width + 12;
        }

        // Contact lines on the right, at most half the band.
        const TextStyle contact = style(false, m_style.fontSmall, ink);
        std::vector<std::string> contactLines;
        for (const std::string* s : {&b.address, &b.phone, &b.email, &b.website})
            if (!s->empty())
                contactLines.push_back(*s);
        const float contactMax = (right - x) * 0.45F;
        std::vector<std::string> wrapped;
        for (const auto& l : contactLines)
            for (auto& w : wrap(l, contactMax, contact))
                wrapped.push_back(std::move(w));
        while (wrapped.size() > 4) // the band has room for four lines; the footer repeats them
            wrapped.pop_back();
        float contactWidth = 0;
        for (const auto& l : wrapped)
            contactWidth = std::max(contactWidth, width(contact, l));
        const float clh = lineHeight(contact);
        float cy = (h - clh * static_cast<float>(wrapped.size())) / 2;
        for (const auto& l : wrapped) {
            page.text(right - width(contact, l), baseline(cy, contact), l, contact);
            cy += clh;
        }

        // Clinic name (up to two lines), with the therapist beneath in small type.
        const float nameWidth = right - x - contactWidth - (contactWidth > 0 ? 16 : 0);
        // A long name is set smaller until it fits in two lines, never cut (down to 60 % of the
        // template's size, below which a word that still does not fit is shrunk on its own line).
        TextStyle name = style(true, m_style.fontClinic, ink);
        auto nameLines = wrap(b.clinicName, nameWidth, name);
        const auto tooWide = [&](const std::vector<std::string>& lines) {
            return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return width(name, l) > nameWidth; });
        };
        while ((nameLines.size() > 2 || tooWide(nameLines)) && name.size > m_style.fontClinic * 0.6F) {
            name.size -= 0.5F;
            nameLines = wrap(b.clinicName, nameWidth, name);
        }
        // At the smallest size a third line is better than smaller type, when the band holds it.
        const bool threeFit = nameLines.size() == 3 && !tooWide(nameLines) && 3 * lineHeight(name) <= h - 12;
        if (!threeFit && (nameLines.size() > 2 || tooWide(nameLines))) {
            // Still too long at the smallest size: two lines, each shrunk to its own width.
            const std::size_t half = (nameLines.size() + 1) / 2;
            std::vector<std::string> two(2);
            for (std::size_t i = 0; i < nameLines.size(); ++i)
                two[i < half ? 0 : 1] += (two[i < half ? 0 : 1].empty() ? "" : " ") + nameLines[i];
            if (two[1].empty())
                two.pop_back();
            float widest = 0;
            for (const auto& l : two)
                widest = std::max(widest, width(name, l));
            if (widest > nameWidth)
                name.size *= nameWidth / widest;
            nameLines = std::move(two);
        }
        const float nlh = lineHeight(name);
        float ny = (h - nlh * static_cast<float>(nameLines.size())) / 2;
        for (const auto& l : nameLines) {
            page.text(x, baseline(ny, name), l, name);
            ny += nlh;
        }
    }

    void drawRunningHead(PdfPage& page)
    {
        const TextStyle s = small();
        const float top = m_style.marginTop;
        const std::string left = joined({m_words.runningHeader, m_in.patient.name, m_in.date}, "  ·  ");
        const std::string& clinic = m_in.branding.clinicName;
        // A long clinic name takes at most half the line, set smaller when it must be.
        TextStyle clinicStyle = style(true, m_style.fontSmall, m_accentInk);
        if (const float natural = width(clinicStyle, clinic); natural > m_width / 2)
            clinicStyle.size *= m_width / 2 / natural;
        const float clinicWidth = width(clinicStyle, clinic);
        // Whose handout and its date always show: without the label when the line is short of room
        // (a long date, large print), then set smaller.
        const float room = m_width - clinicWidth - 12;
        std::string whose = left;
        if (width(s, whose) > room)
            whose = joined({m_in.patient.name, m_in.date}, "  ·  ");
        TextStyle leftStyle = s;
        if (const float natural = width(s, whose); natural > room)
            leftStyle.size *= std::max(0.75F, room / natural);
        auto leftLines = wrap(whose, room, leftStyle);
        if (!leftLines.empty())
            page.text(m_left, baseline(top, s), leftLines.front(), leftStyle);
        page.text(m_left + m_width - clinicWidth, baseline(top, s), clinic, clinicStyle);
        const float ruleY = top + lineHeight(s) + 3;
        page.line({m_left, ruleY}, {m_left + m_width, ruleY}, m_style.rule, 0.6F);
    }

    void drawFooter(PdfPage& page, std::size_t number, std::size_t count)
    {
        const core::Branding& b = m_in.branding;
        const TextStyle s = small();
        const float ruleY = m_style.height - m_style.marginBottom + 10;
        page.line({m_left, ruleY}, {m_left + m_width, ruleY}, m_style.rule, 0.6F);
        const std::string pageLabel = fillPlaceholders(
            m_words.footerPage, {{"page", std::to_string(number)}, {"pages", std::to_string(count)}});
        const float labelWidth = width(s, pageLabel);
        const std::string contact = fillPlaceholders(m_words.footerContact, {{"clinic", b.clinicName},
                                                                             {"address", b.address},
                                                                             {"phone", b.phone},
                                                                             {"email", b.email},
                                                                             {"website", b.website}});
        // Empty fields leave separators behind ("A ·  · C"); drop the empty pieces.
        std::vector<std::string> pieces;
        std::size_t start = 0;
        while (start <= contact.size()) {
            const auto dot = contact.find(" · ", start);
            const auto piece =
                contact.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            if (piece.find_first_not_of(' ') != std::string::npos)
                pieces.push_back(piece);
            if (dot == std::string::npos)
                break;
            start = dot + 3;
        }
        auto lines = wrap(joined(pieces, " · "), m_width - labelWidth - 16, s);
        float y = ruleY + 4;
        for (std::size_t i = 0; i < lines.size() && i < 2; ++i) {
            page.text(m_left, baseline(y, s), lines[i], s);
            y += lineHeight(s);
        }
        page.text(m_left + m_width - labelWidth, baseline(ruleY + 4, s), pageLabel, s);
    }

    void drawFragment(PdfPage& page, const Block& whole, const Fragment& placed)
    {
        const bool compact = placed.compact && whole.compactLayout;
        const Block& block = compact ? *whole.compactLayout : whole;
        Fragment f = placed;
        if (compact) {
            f.firstRow = 0;
            f.endRow = block.rows.size();
        }
        const Box frame{m_left, f.top, m_width, f.height};
        if (block.background)
            block.background(page, frame, f);
        float y = f.top + block.padTop;
        if (f.continued)
            for (std::size_t r = 0; r < block.headerRows; ++r) {
                block.rows[r].draw(page, y);
                y += block.rows[r].height;
            }
        for (std::size_t r = f.firstRow; r < f.endRow; ++r) {
            block.rows[r].draw(page, y);
            y += block.rows[r].height;
        }
        if (block.overlay)
            block.overlay(page, frame, f);
    }

    // ---- sections -----------------------------------------------------------------------------

    void push(Block b, std::string name)
    {
        b.name = std::move(name);
        m_blocks.push_back(std::move(b));
    }

    /// A section heading, kept with what follows; `name` names it in the layout report.
    void addHeading(std::string_view text, std::string_view intro, std::string_view name)
    {
        Block b;
        const TextStyle h = style(true, m_style.fontHeading, m_accentInk);
        addParagraph(b.rows, text, m_left, m_width, h);
        if (!intro.empty()) {
            b.rows.push_back(spacer(2));
            addParagraph(b.rows, intro, m_left, m_width, style(false, m_style.fontBody, m_style.muted));
        }
        b.gapAfter = m_style.cardGap * 0.8F;
        b.keepWithNext = true;
        push(std::move(b), std::string(name));
    }

    void addPatient()
    {
        Block b;
        const bool emergency = m_in.referral.level == core::Urgency::Emergency || m_in.program.withheld;
        addParagraph(
            b.rows, emergency ? m_words.emergencyTitle : m_words.title, m_left, m_width,
            style(true, m_style.fontTitle, emergency ? inkOnWhite(m_style.emergency) : m_style.text));
        b.rows.push_back(spacer(6));

        const std::string therapist =
            joined({m_in.branding.therapistName, m_in.branding.therapistCredentials}, ", ");
        struct Column {
            std::string label;
            std::string value;
            float share;
        };
        std::vector<Column> columns = {{m_words.patientLabel, m_in.patient.name, 0.42F},
                                       {m_words.dateLabel, m_in.date, 0.2F}};
        if (!therapist.empty())
            columns.push_back({m_words.therapistLabel, therapist, 0.38F});
        const TextStyle label = small();
        const TextStyle value = style(true, m_style.fontBody + 1.5F, m_style.text);
        // The date stays on one line ("28 September 2026" in large print is wider than its share):
        // its column takes what it needs from the others.
        const float dateShare = std::min(0.4F, (width(value, m_in.date) + 14) / m_width);
        if (dateShare > columns[1].share && columns.size() > 2) {
            const float take = dateShare - columns[1].share;
            const float others = columns[0].share + columns[2].share;
            columns[0].share -= take * columns[0].share / others;
            columns[2].share -= take * columns[2].share / others;
        }
        columns[1].share = std::max(columns[1].share, dateShare);
        std::vector<std::vector<std::string>> values;
        std::size_t lines = 1;
        for (const Column& c : columns) {
            values.push_back(wrap(c.value, m_width * c.share - 12, value));
            lines = std::max(lines, values.back().size());
        }
        const float h = lineHeight(label) + lineHeight(value) * static_cast<float>(lines);
        b.rows.push_back({h, [this, columns, values, label, value](PdfPage& page, float top) {
                              float x = m_left;
                              for (std::size_t i = 0; i < columns.size(); ++i) {
                                  page.text(x, baseline(top, label), columns[i].label, label);
                                  float y = top + lineHeight(label);
                                  for (const auto& l : values[i]) {
                                      page.text(x, baseline(y, value), l, value);
                                      y += lineHeight(value);
                                  }
                                  x += m_width * columns[i].share;
                              }
                          }});
        b.padBottom = 10;
        b.background = [this](PdfPage& page, const Box& box, const Fragment&) {
            const float y = box.y + box.height - 1;
            page.line({box.x, y}, {box.x + box.width, y}, m_style.rule, 0.8F);
        };
        b.gapAfter = m_style.sectionGap;
        push(std::move(b), "patient");
    }

    void addReferral()
    {
        const core::Referral& ref = m_in.referral;
        if (ref.level == core::Urgency::None)
            return;
        const ReferralWording& w = ref.level == core::Urgency::Emergency ? m_words.emergency
                                   : ref.level == core::Urgency::Urgent  ? m_words.urgent
                                                                         : m_words.routine;
        const Rgb color = ref.level == core::Urgency::Emergency ? m_style.emergency
                          : ref.level == core::Urgency::Urgent  ? m_style.urgent
                                                                : m_style.routine;
        const Rgb ink = inkOnWhite(color);
        const float bar = 6;
        const float pad = m_style.cardPadding + 2;
        const float x = m_left + bar + pad;
        const float w0 = m_width - bar - 2 * pad;

        Block b;
        // An emergency sets its heading white on a solid red band; the others in colour on the tint.
        const bool emergency = ref.level == core::Urgency::Emergency;
        const float headingSize = m_style.fontHeading * (emergency ? 1.35F : 1.1F);
        const TextStyle heading = style(true, headingSize, emergency ? color.readableTextOn() : ink);
        const Rgb markColor = emergency ? color.readableTextOn() : color;
        const float icon = headingSize * 1.25F;
        auto headingLines = wrap(w.heading, w0 - icon - 8, heading);
        for (std::size_t i = 0; i < headingLines.size(); ++i) {
            const bool first = i == 0;
            b.rows.push_back(
                {lineHeight(heading), [this, first, x, icon, heading, markColor,
                                       line = std::move(headingLines[i])](PdfPage& page, float top) {
                     if (first) {
                         // A warning mark drawn, not typed: a filled disc with "!".
                         const float cy = top + lineHeight(heading) / 2;
                         page.fillCircle({x + icon / 2, cy}, icon / 2, markColor);
                         const TextStyle mark = style(true, icon * 0.8F, markColor.readableTextOn());
                         page.text(x + icon / 2 - width(mark, "!") / 2, cy + 0.36F * mark.size, "!", mark);
                     }
                     page.text(x + icon + 8, baseline(top, heading), line, heading);
                 }});
        }
        const float bandH = pad + lineHeight(heading) * static_cast<float>(headingLines.size()) + pad * 0.7F;
        b.rows.push_back(spacer(emergency ? pad * 0.7F + 6 : 4));
        const TextStyle text = style(false, m_style.fontBody + (emergency ? 1.5F : 0.5F), m_style.text);
        addParagraph(b.rows, w.intro, x, w0, text);
        b.rows.push_back(spacer(3));
        // One message per reason: a single flag's own warning whose flag an earlier (higher or combined)
        // one already covers says nothing new; a combination always says its own (a scan for the groin
        // is not the fracture check of the back, though both rest on fragile bone). On the emergency
        // sheet only what sends the patient today is printed, so "go now" is never diluted by "mention
        // it at your next visit".
        std::vector<std::string> said;
        std::set<core::RedFlag> covered;
        for (const core::RedFlagWarning& warning : ref.warnings) {
            if (emergency && warning.level != core::Urgency::Emergency)
                continue;
            const bool singleFlag = warning.flags.size() == 1 && core::toId(warning.flags.front()) == warning.id;
            const bool coveredAlready = singleFlag && covered.count(warning.flags.front()) > 0;
            if (warning.patientText.empty() || coveredAlready ||
                std::find(said.begin(), said.end(), warning.patientText) != said.end())
                continue;
            said.push_back(warning.patientText);
            covered.insert(warning.flags.begin(), warning.flags.end());
            addBullet(b.rows, warning.patientText, x, w0, text, color);
        }
        b.rows.push_back(spacer(5));
        const std::string& action =
            m_in.program.items.empty() && !w.actionNoExercises.empty() ? w.actionNoExercises : w.action;
        addParagraph(b.rows, action, x, w0, style(true, m_style.fontBody + (emergency ? 2.0F : 1.0F), ink));
        if (!w.closing.empty()) {
            b.rows.push_back(spacer(3));
            addParagraph(b.rows, w.closing, x, w0, text);
        }
        b.padTop = pad;
        b.padBottom = pad;
        b.gapAfter = m_style.sectionGap;
        b.background = [color, bar, emergency, bandH](PdfPage& page, const Box& box, const Fragment& f) {
            const Rgb tint = color.mix(kWhite, 0.9F);
            drawBarredBox(page, box, tint, color, emergency ? 2.5F : 1.4F, bar, 0.7F);
            if (emergency && !f.continued) {
                page.roundedRect({box.x, box.y, box.width, bandH}, 5, &color, nullptr, 0);
                page.fillRect({box.x, box.y + bandH - 5, box.width, 5}, color);
            }
        };
        push(std::move(b), "referral");
        if (emergency && sendsForPressedNerves(ref))
            addNerveSigns();
    }

    /// Sent today because nerves in the lower back may be pressed on: the signs that mean "go now,
    /// or call an ambulance", for the way there and the wait, in a box of their own under the
    /// referral box (framed in the emergency colour), so in large print the referral box still
    /// starts on page 1 and this one follows whole, or splits between its lines when it must.
    void addNerveSigns()
    {
        const WarningSigns& s = m_nerveSigns;
        const Rgb color = m_style.emergency;
        const Rgb ink = inkOnWhite(color);
        const float bar = 6;
        const float pad = m_style.cardPadding + 2;
        const float x = m_left + bar + pad;
        const float w0 = m_width - bar - 2 * pad;
        const TextStyle text = style(false, m_style.fontBody + 1.5F, m_style.text);

        Block b;
        addParagraph(b.rows, s.heading, x, w0, style(true, m_style.fontHeading * 1.1F, ink));
        b.headerRows = 1; // the heading repeats if the box must split
        b.rows.push_back(spacer(3));
        addParagraph(b.rows, s.intro, x, w0, text);
        b.rows.push_back(spacer(3));
        for (const std::string& sign : s.signs)
            addBullet(b.rows, sign, x, w0, text, color);
        b.rows.push_back(spacer(4));
        addParagraph(b.rows, s.waiting, x, w0, text);
        b.padTop = pad;
        b.padBottom = pad;
        b.gapAfter = m_style.sectionGap;
        b.background = [color, bar](PdfPage& page, const Box& box, const Fragment&) {
            drawBarredBox(page, box, kWhite, color, 1.8F, bar, 0.9F);
        };
        push(std::move(b), "warning signs");
    }

    /// True when an emergency warning on the sheet comes from a sign that nerves in the lower back
    /// may be pressed on (possible cauda equina syndrome or cord compression), by its flags or, for
    /// a warning of one flag, by its id.
    static bool sendsForPressedNerves(const core::Referral& ref)
    {
        static constexpr core::RedFlag kNerveFlags[] = {
            core::RedFlag::SaddleAnaesthesia, core::RedFlag::BladderBowelDysfunction,
            core::RedFlag::BilateralNeuroSymptoms, core::RedFlag::ProgressiveNeuroDeficit,
            core::RedFlag::SexualDysfunctionNew};
        return std::any_of(ref.warnings.begin(), ref.warnings.end(), [](const core::RedFlagWarning& w) {
            if (w.level != core::Urgency::Emergency)
                return false;
            return std::any_of(std::begin(kNerveFlags), std::end(kNerveFlags), [&](core::RedFlag f) {
                return w.id == core::toId(f) || std::find(w.flags.begin(), w.flags.end(), f) != w.flags.end();
            });
        });
    }

    /// "Your precautions": one item per care note, worded by precautions.ini (the note's own line
    /// when a template lacks it), framed in the stop colour so it reads as a rule, not advice.
    void addPrecautions()
    {
        if (m_in.takeCare.empty())
            return;
        const Rgb color = m_style.stop;
        const Rgb ink = inkOnWhite(color);
        const float bar = 6;
        const float pad = m_style.cardPadding + 2;
        const float x = m_left + bar + pad;
        const float w0 = m_width - bar - 2 * pad;

        Block b;
        addParagraph(b.rows, m_words.precautionsHeading, x, w0, style(true, m_style.fontHeading * 1.1F, ink));
        if (!m_words.precautionsIntro.empty()) {
            b.rows.push_back(spacer(1));
            addParagraph(b.rows, m_words.precautionsIntro, x, w0, style(false, m_style.fontBody, m_style.muted));
        }
        const TextStyle itemHeading = style(true, m_style.fontBody + 1.0F, m_style.text);
        for (const core::CareNote& note : m_in.takeCare) {
            b.rows.push_back(spacer(5));
            const auto found = m_care.find(note.key);
            if (found == m_care.end()) {
                addBullet(b.rows, note.text, x, w0, style(true, m_style.fontBody, m_style.text), color);
                continue;
            }
            const CareWording& c = found->second;
            addParagraph(b.rows, c.heading, x, w0, itemHeading);
            for (const auto& point : c.points)
                addBullet(b.rows, point, x, w0, body(), ink);
            if (!c.stops.empty()) {
                b.rows.push_back(spacer(2));
                addParagraph(b.rows, c.stopHeading, x, w0, style(true, m_style.fontBody, ink));
                for (const auto& stop : c.stops)
                    addBullet(b.rows, stop, x, w0, body(), color);
            }
        }
        b.headerRows = 1; // the box's heading repeats if it must split
        b.padTop = pad;
        b.padBottom = pad;
        b.gapAfter = m_style.sectionGap;
        b.background = [color, bar](PdfPage& page, const Box& box, const Fragment&) {
            drawBarredBox(page, box, kWhite, color, 1.4F, bar, 0.7F);
        };
        push(std::move(b), "precautions");
    }

    void addHowTo()
    {
        const float pad = m_style.cardPadding + 2;
        const float gutter = 18;
        const float colWidth = (m_width - 2 * pad - gutter) / 2;
        const float leftX = m_left + pad;
        const float rightX = leftX + colWidth + gutter;

        // Two independent columns measured as row lists, then drawn side by side in one row.
        std::vector<Row> left;
        std::vector<Row> right;
        addParagraph(left, m_words.howToHeading, leftX, colWidth,
                     style(true, m_style.fontHeading, m_accentInk));
        left.push_back(spacer(3));
        for (const auto& p : m_words.howToPoints)
            addBullet(left, p, leftX, colWidth, body(), m_accentInk);
        addParagraph(right, m_words.stopHeading, rightX, colWidth,
                     style(true, m_style.fontHeading, inkOnWhite(m_style.stop)));
        right.push_back(spacer(3));
        for (const auto& p : m_words.stopPoints)
            addBullet(right, p, rightX, colWidth, body(), m_style.stop);
        // Whom to call, always: the clinic's phone, or its name when it has set none.
        right.push_back(spacer(4));
        const std::string call =
            !m_in.branding.phone.empty()
                ? fillPlaceholders(m_words.call, {{"phone", m_in.branding.phone}, {"clinic", m_in.branding.clinicName}})
            : m_in.branding.clinicName.empty()
                ? m_words.callNoDetails
                : fillPlaceholders(m_words.callNoPhone, {{"clinic", m_in.branding.clinicName}});
        addParagraph(right, call, rightX, colWidth, style(true, m_style.fontBody + 1.0F, inkOnWhite(m_style.stop)));

        const auto total = [](const std::vector<Row>& rows) {
            float h = 0;
            for (const Row& r : rows)
                h += r.height;
            return h;
        };
        Block b;
        b.rows.push_back({std::max(total(left), total(right)), [left, right](PdfPage& page, float top) {
                              for (const auto* column : {&left, &right}) {
                                  float y = top;
                                  for (const Row& r : *column) {
                                      r.draw(page, y);
                                      y += r.height;
                                  }
                              }
                          }});
        b.padTop = pad;
        b.padBottom = pad;
        b.gapAfter = m_style.sectionGap;
        b.background = [this, leftX, colWidth, gutter](PdfPage& page, const Box& box, const Fragment&) {
            page.roundedRect(box, m_style.cardRadius, &m_accentTint, nullptr, 0);
            const float x = leftX + colWidth + gutter / 2;
            page.line({x, box.y + 10}, {x, box.y + box.height - 10}, m_accent.mix(kWhite, 0.6F), 0.6F);
        };
        push(std::move(b), "how_to");
    }

    /// The dose as one plain sentence on a tint ("10 times on each side, 3 sets, once a day, 5 days
    /// a week."), the dose notes under it as whole sentences.
    void addDose(std::vector<Row>& rows, const core::Dose& d, core::ExerciseSide side, float x, float maxWidth)
    {
        const TextStyle value = style(true, m_style.fontBody + 0.5F, m_style.text);
        const TextStyle note = style(false, m_style.fontSmall + 0.5F, m_style.text);
        const float pad = 5;
        const float inner = maxWidth - 2 * pad;
        const auto lines = wrap(core::doseSentence(d, side, m_words.dose), inner, value);
        const auto notes = wrap(core::noteText(d.notes), inner, note);
        // One row for the whole dose box: it is small, and a split would separate the sentence from its notes.
        const float h = 2 * pad + static_cast<float>(lines.size()) * lineHeight(value) +
                        static_cast<float>(notes.size()) * lineHeight(note);
        rows.push_back(spacer(4));
        rows.push_back({h, [this, x, maxWidth, h, pad, lines, notes, value, note](PdfPage& page, float top) {
                            const Rgb fill = m_accent.mix(kWhite, 0.93F);
                            const Rgb edge = m_accent.mix(kWhite, 0.7F);
                            page.roundedRect({x, top, maxWidth, h}, 3, &fill, &edge, 0.6F);
                            float y = top + pad;
                            for (const auto& l : lines) {
                                page.text(x + pad, baseline(y, value), l, value);
                                y += lineHeight(value);
                            }
                            for (const auto& n : notes) {
                                page.text(x + pad, baseline(y, note), n, note);
                                y += lineHeight(note);
                            }
                        }});
    }

    std::string sideLabel(core::ExerciseSide side) const
    {
        switch (side) {
        case core::ExerciseSide::Left:
            return m_words.sideLeft;
        case core::ExerciseSide::Right:
            return m_words.sideRight;
        case core::ExerciseSide::Both:
            return m_words.sideBoth;
        case core::ExerciseSide::None:
            break;
        }
        return {};
    }

    void addExercises()
    {
        addHeading(m_words.exercisesHeading, m_words.exercisesIntro, "exercises heading");
        const auto& items = m_in.program.items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const core::ProgramItem& item = items[i];
            const bool last = i + 1 == items.size();
            const bool figure = m_figures != nullptr && !item.figureId.empty() && m_figures->has(item.figureId);
            std::optional<QrCode> qr;
            if (!item.videoUrl.empty())
                qr = QrCode::encode(item.videoUrl);
            Block card = cardBlock(item, i + 1, last, figure, qr, false);
            if (figure) {
                // The same card with a lower figure band, for where the page has room for that and
                // not for the whole card (flow_layout decides).
                auto compact = std::make_shared<Block>(cardBlock(item, i + 1, last, figure, qr, true));
                if (compact->metrics().height() < card.metrics().height() - 1)
                    card.compactLayout = std::move(compact);
            }
            push(std::move(card), "card " + std::to_string(i + 1));
        }
    }

    /// One exercise card: the figure as a band across the card under the title (start and end panels
    /// side by side, figure_height high, at most figure_width wide) and the text below it. When
    /// `compact`, the band is kCompactFigureShare as high (the panels keep their shape, so a band
    /// beside the text would leave them smaller still).
    Block cardBlock(const core::ProgramItem& item, std::size_t number, bool last, bool figure,
                    const std::optional<QrCode>& qr, bool compact)
    {
        const float pad = m_style.cardPadding;
        const float outerX = m_left;
        const float outerW = m_width;

        const float qrW = qr ? m_style.qrSize + pad : 0;
        const float x = outerX + pad;
        const float w = outerW - 2 * pad - qrW;
        const float figureH = m_style.figureHeight * (compact ? kCompactFigureShare : 1.0F);
        const float figureBandH = figure ? figureH + pad * 0.6F : 0;

        Block b;
        // Header strip: number disc, name, side tag. It repeats if a huge card must split.
        const TextStyle title = style(true, m_style.fontCardTitle, m_style.text);
        const std::string side = sideLabel(item.side);
        const TextStyle tag = style(true, m_style.fontSmall, m_accentInk);
        const float tagW = side.empty() ? 0 : width(tag, side) + 12;
        const float disc = m_style.fontCardTitle * 1.6F;
        const float nameX = outerX + pad + disc + 8;
        auto nameLines = wrap(item.name, outerX + outerW - pad - (tagW > 0 ? tagW + 10 : 0) - nameX, title);
        const float stripPad = 6;
        const float stripH =
            std::max(disc,
                     lineHeight(title) * static_cast<float>(std::max<std::size_t>(1, nameLines.size()))) +
            2 * stripPad;
        b.rows.push_back(
            {stripH, [this, outerX, outerW, pad, stripH, stripPad, disc, nameX, title, tag, tagW, side,
                      number, nameLines](PdfPage& page, float top) {
                 const Rgb strip = m_accent.mix(kWhite, 0.86F);
                 page.roundedRect({outerX, top, outerW, stripH}, m_style.cardRadius, &strip, nullptr, 0);
                 page.fillRect({outerX, top + stripH - m_style.cardRadius, outerW, m_style.cardRadius},
                               strip);
                 const Point c{outerX + pad + disc / 2, top + stripH / 2};
                 page.fillCircle(c, disc / 2, m_accent);
                 const TextStyle num = style(true, m_style.fontCardTitle * 0.85F, m_accent.readableTextOn());
                 const std::string n = std::to_string(number);
                 page.text(c.x - width(num, n) / 2, c.y + 0.36F * num.size, n, num);
                 float y = top + (stripH - lineHeight(title) * static_cast<float>(nameLines.size())) / 2;
                 for (const auto& l : nameLines) {
                     page.text(nameX, baseline(y, title), l, title);
                     y += lineHeight(title);
                 }
                 if (tagW > 0) {
                     const float th = lineHeight(tag) + 3;
                     const Box box{outerX + outerW - pad - tagW, top + (stripH - th) / 2, tagW, th};
                     page.roundedRect(box, th / 2, &kWhite, &m_accent, 0.8F);
                     page.text(box.x + 6, baseline(box.y + 1.5F, tag), side, tag);
                 }
             }});
        b.headerRows = 1;
        b.rows.push_back(spacer(pad * 0.8F));
        if (figureBandH > 0) {
            const float bandW = std::min(outerW - 2 * pad, std::max(m_style.figureWidth, 1.0F));
            b.rows.push_back({figureBandH, [this, item, outerX, outerW, bandW, figureH](PdfPage& page, float top) {
                                  PdfCanvas canvas(page);
                                  const Box band{outerX + (outerW - bandW) / 2, top, bandW, figureH};
                                  // Figure data shows the right side; a left-side exercise is its mirror.
                                  m_figures->drawForSide(item.figureId, canvas, band, mirrorFor(item.side));
                              }});
        }
        const std::size_t bodyStart = b.rows.size();

        const TextStyle text = body();
        const TextStyle label = style(true, m_style.fontBody, m_style.text);
        addLabelled(b.rows, m_words.startLabel, item.startPosition, x, w, label, text);
        if (!item.equipment.empty())
            addLabelled(b.rows, m_words.equipmentLabel, joined(item.equipment, ", "), x, w,
                        style(true, m_style.fontSmall + 0.5F, m_style.muted),
                        style(false, m_style.fontSmall + 0.5F, m_style.muted));
        if (!item.steps.empty())
            b.rows.push_back(spacer(3));
        const float numW = width(label, std::to_string(item.steps.size()) + ".") + 5;
        for (std::size_t s = 0; s < item.steps.size(); ++s) {
            auto lines = wrap(item.steps[s], w - numW, text);
            for (std::size_t l = 0; l < lines.size(); ++l) {
                const std::string num = l == 0 ? std::to_string(s + 1) + "." : std::string();
                b.rows.push_back({lineHeight(text), [this, x, numW, num, text, label,
                                                     line = std::move(lines[l])](PdfPage& page, float top) {
                                      if (!num.empty())
                                          page.text(x + numW - 5 - width(label, num), baseline(top, text),
                                                    num, style(true, text.size, m_accentInk));
                                      page.text(x + numW, baseline(top, text), line, text);
                                  }});
            }
            b.rows.push_back(spacer(1.5F));
        }
        if (!item.keyCue.empty()) {
            b.rows.push_back(spacer(2));
            addLabelled(b.rows, m_words.keyCueLabel, item.keyCue, x, w,
                        style(true, m_style.fontBody, m_accentInk), text);
        }
        if (!item.stopIf.empty()) {
            b.rows.push_back(spacer(2));
            // Library texts already open with "Stop if …": that opening becomes the label, so the
            // card never reads "Stop if: Stop if you feel…".
            const auto [lead, rest] = splitLead(item.stopIf, m_words.stopIfLabel);
            addLabelled(b.rows, lead, rest, x, w, style(true, m_style.fontBody, inkOnWhite(m_style.stop)), text);
        }
        addDose(b.rows, item.dose, item.side, x, w);
        if (!item.notes.empty()) {
            b.rows.push_back(spacer(3));
            addLabelled(b.rows, m_words.notesLabel, item.notes, x, w, label, text);
        }

        // The side columns must fit beside the text; pad the body when the text is shorter.
        float bodyH = 0;
        for (std::size_t r = bodyStart; r < b.rows.size(); ++r)
            bodyH += b.rows[r].height;
        const TextStyle caption = style(false, m_style.fontSmall - 0.5F, m_style.muted);
        const float qrH = qr ? m_style.qrSize + lineHeight(caption) * 2 : 0;
        const float sideH = qrH;
        if (sideH > bodyH)
            b.rows.push_back(spacer(sideH - bodyH));
        b.rows.push_back(spacer(pad));

        b.gapAfter = last ? m_style.sectionGap : m_style.cardGap;
        b.overlay = [this, qr, figureBandH, pad, stripH, caption](PdfPage& page, const Box& box,
                                                                  const Fragment& f) {
            page.roundedRect(box, m_style.cardRadius, nullptr, &m_style.cardBorder, 0.9F);
            if (f.continued)
                return; // side pictures only beside the start of the card
            const float top = box.y + stripH + pad * 0.8F + figureBandH;
            if (qr) {
                const float size = m_style.qrSize;
                const float left = box.x + box.width - pad - size;
                drawQr(page, *qr, {left, top, size, size});
                auto lines = wrap(m_words.videoCaption, size + pad, caption);
                float y = top + size + 1;
                for (std::size_t i = 0; i < lines.size() && i < 2; ++i) {
                    page.text(left + (size - width(caption, lines[i])) / 2, baseline(y, caption), lines[i],
                              caption);
                    y += lineHeight(caption);
                }
            }
        };
        return b;
    }

    void drawQr(PdfPage& page, const QrCode& qr, const Box& box)
    {
        // The quiet zone of 2 modules is white paper; dark runs in a row are merged into one
        // rectangle so the content stream stays small.
        const float module = box.width / static_cast<float>(qr.size + 4);
        HPDF_Page p = page.handle();
        HPDF_Page_SetRGBFill(p, 0, 0, 0);
        for (int y = 0; y < qr.size; ++y) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.dark(x, y)) {
                    ++x;
                    continue;
                }
                const int start = x;
                while (x < qr.size && qr.dark(x, y))
                    ++x;
                const float top = box.y + module * static_cast<float>(y + 2);
                HPDF_Page_Rectangle(p, box.x + module * static_cast<float>(start + 2),
                                    page.pdfY(top + module), module * static_cast<float>(x - start), module);
            }
        }
        HPDF_Page_Fill(p);
        m_doc.check("drawing a QR code");
    }

    void addAdherenceLog()
    {
        addHeading(m_words.logHeading, m_words.logIntro, "log heading");

        const auto& items = m_in.program.items;
        const TextStyle s = style(false, m_style.fontSmall + 0.5F, m_style.text);
        const TextStyle head = style(true, m_style.fontSmall, m_style.muted);
        const float dayW = std::min(22.0F, (m_width * 0.62F) / 14);
        const float nameW = m_width - 14 * dayW;
        const float daysX = m_left + nameW;

        Block b;
        const float headH = lineHeight(head) + 4;
        b.rows.push_back({headH, [this, head, dayW, daysX](PdfPage& page, float top) {
                              page.text(m_left + 4, baseline(top + 2, head), m_words.logExercise, head);
                              for (int week = 0; week < 2; ++week) {
                                  const std::string label =
                                      fillPlaceholders(m_words.logWeek, {{"n", std::to_string(week + 1)}});
                                  const float x = daysX + dayW * 7 * static_cast<float>(week);
                                  page.text(x + (dayW * 7 - width(head, label)) / 2, baseline(top + 2, head),
                                            label, head);
                              }
                          }});
        b.rows.push_back(
            {headH, [this, head, headH, dayW, daysX](PdfPage& page, float top) {
                 for (int d = 0; d < 14; ++d) {
                     const std::string n = std::to_string(d + 1);
                     const float x = daysX + dayW * static_cast<float>(d);
                     page.text(x + (dayW - width(head, n)) / 2, baseline(top, head), n, head);
                 }
                 page.line({m_left, top + headH}, {m_left + m_width, top + headH}, m_style.rule, 0.8F);
             }});
        b.headerRows = 2;

        const auto addLine = [&](const std::string& name, bool shaded, bool boxes) {
            auto lines = wrap(name, nameW - 10, s);
            const float h =
                std::max(m_style.logRowHeight, lineHeight(s) * static_cast<float>(lines.size()) + 6);
            b.rows.push_back(
                {h, [this, lines, s, h, shaded, boxes, dayW, daysX](PdfPage& page, float top) {
                     if (shaded)
                         page.fillRect({m_left, top, m_width, h}, m_accent.mix(kWhite, 0.95F));
                     float y = top + (h - lineHeight(s) * static_cast<float>(lines.size())) / 2;
                     for (const auto& l : lines) {
                         page.text(m_left + 4, baseline(y, s), l, s);
                         y += lineHeight(s);
                     }
                     const float box = m_style.logBoxSize;
                     for (int d = 0; d < 14; ++d) {
                         const float x = daysX + dayW * static_cast<float>(d);
                         if (boxes)
                             page.strokeRect({x + (dayW - box) / 2, top + (h - box) / 2, box, box},
                                             m_style.muted, 0.7F);
                         else
                             page.line({x + 3, top + h - 5}, {x + dayW - 3, top + h - 5}, m_style.muted,
                                       0.6F);
                     }
                     page.line({m_left, top + h}, {m_left + m_width, top + h}, m_style.rule, 0.4F);
                 }});
        };
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string name = std::to_string(i + 1) + ". " + items[i].name;
            const std::string side = sideLabel(items[i].side);
            if (!side.empty())
                name += " (" + side + ")";
            addLine(name, i % 2 == 0, true);
        }
        addLine(m_words.logPainRow, false, false);

        b.overlay = [this, dayW, daysX](PdfPage& page, const Box& box, const Fragment&) {
            // The week divider and the frame are drawn last so row shading does not cover them.
            const float x = daysX + dayW * 7;
            page.line({x, box.y}, {x, box.y + box.height}, m_style.muted, 0.8F);
            page.line({daysX, box.y}, {daysX, box.y + box.height}, m_style.rule, 0.6F);
            page.strokeRect(box, m_style.rule, 0.8F);
        };
        b.gapAfter = m_style.sectionGap;
        push(std::move(b), "log");
    }

    const HomeProgramInput& m_in;
    const PageStyle m_style; ///< the template's, or its large-print sizes
    const Wording& m_words;
    const std::map<std::string, CareWording>& m_care;
    const WarningSigns& m_nerveSigns; ///< printed on an emergency sheet sent for pressed nerves
    PdfDocument& m_doc;
    FontFace m_regular;
    FontFace m_bold;
    const FigureDrawer* m_figures;
    Rgb m_accent;
    Rgb m_accentInk;
    Rgb m_accentTint;
    float m_left = 0;
    float m_width = 0;
    std::vector<Block> m_blocks;
};

} // namespace

namespace {

/// Every text of the input a person typed or the program carries; the fixed wording of the templates
/// is HipRx's own and stays inside the subset (tested).
std::vector<std::string_view> documentTexts(const HomeProgramInput& input)
{
    std::vector<std::string_view> texts = {input.patient.name,       input.date,
                                           input.branding.clinicName, input.branding.address,
                                           input.branding.phone,      input.branding.email,
                                           input.branding.website,    input.branding.therapistName,
                                           input.branding.therapistCredentials};
    for (const auto& warning : input.referral.warnings)
        texts.push_back(warning.patientText);
    for (const auto& note : input.takeCare)
        texts.push_back(note.text);
    for (const auto& item : input.program.items) {
        for (const std::string* text : {&item.name, &item.notes, &item.startPosition, &item.keyCue, &item.stopIf,
                                        &item.dose.load, &item.dose.notes})
            texts.push_back(*text);
        texts.insert(texts.end(), item.steps.begin(), item.steps.end());
        texts.insert(texts.end(), item.equipment.begin(), item.equipment.end());
    }
    return texts;
}

} // namespace

WarningSigns parseWarningSigns(std::string_view text, const std::string& fileName)
{
    static const std::string kSection = "signs.cauda_equina";
    const IniFile ini = parseIni(text, fileName);
    const auto at = [&](int line) { return fileName + ":" + std::to_string(line) + ": "; };
    for (const IniSection& section : ini.sections)
        if (section.name != kSection)
            throw RenderError(at(section.line) + "unknown section [" + section.name + "]");
    WarningSigns signs;
    std::map<std::string, int> seen;
    for (const IniEntry& e : ini.entries) {
        if (e.section != kSection)
            throw RenderError(at(e.line) + "unknown section [" + e.section + "]");
        std::string* single = e.key == "heading" ? &signs.heading
                              : e.key == "intro"  ? &signs.intro
                              : e.key == "waiting" ? &signs.waiting
                                                   : nullptr;
        if (!single && e.key != "sign")
            throw RenderError(at(e.line) + "unknown key '" + e.key + "' in [" + kSection + "]");
        if (single) {
            if (const auto before = seen.find(e.key); before != seen.end())
                throw RenderError(at(e.line) + "'" + e.key + "' is already set on line " +
                                  std::to_string(before->second));
            seen.emplace(e.key, e.line);
            *single = e.value;
        } else {
            signs.signs.push_back(e.value);
        }
    }
    for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"heading", &signs.heading},
                                     {"intro", &signs.intro},
                                     {"waiting", &signs.waiting}})
        if (value->empty())
            throw RenderError(fileName + ": [" + kSection + "] is missing '" + key + "'");
    if (signs.signs.empty())
        throw RenderError(fileName + ": [" + kSection + "] is missing 'sign'");
    return signs;
}

const std::filesystem::path& RenderResources::fontFor(const std::vector<std::string_view>& texts) const
{
    if (fontCoverage.empty() || fontFallback.empty())
        return fontRegular;
    const bool covered =
        std::all_of(texts.begin(), texts.end(), [&](std::string_view t) { return fontCoverage.covers(t); });
    return covered ? fontRegular : fontFallback;
}

RenderResources defaultResources(const std::filesystem::path& templatesDir)
{
    static const std::filesystem::path kSystemFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    RenderResources r;
    r.templatesDir = templatesDir;
    r.fontRegular = kSystemFont;
    // templates/ and assets/ are siblings in the source tree, an installation and HIPRX_DATA_DIR.
    const auto fonts = (templatesDir / ".." / "assets" / "fonts").lexically_normal();
    if (std::filesystem::exists(fonts / "DejaVuSans-HipRx-subset.ttf") &&
        std::filesystem::exists(fonts / "subset-unicodes.txt")) {
        r.fontRegular = fonts / "DejaVuSans-HipRx-subset.ttf";
        r.fontCoverage = FontCoverage::read(fonts / "subset-unicodes.txt");
        r.fontFallback = kSystemFont;
    }
    return r;
}

std::vector<std::uint8_t> renderHomeProgram(const HomeProgramInput& input, PageSize size,
                                            const RenderResources& resources, std::vector<HandoutPage>* layout)
{
    const PageTemplate tpl = loadPageTemplate(resources.templatesDir, size);
    PdfDocument doc;
    const FontFace regular = doc.loadTrueType(resources.fontFor(documentTexts(input)));
    FontFace bold{regular.font, true};
    if (!resources.fontBold.empty())
        bold = doc.loadTrueType(resources.fontBold);
    std::optional<PdfImage> logo;
    if (!input.branding.logoPath.empty()) {
        // The handout matters more than the logo: a logo that is missing or cannot be used is left
        // out, and the user told.
        const auto leaveOut = [&](const std::string& why) {
            const std::string warning =
                "warning: the clinic logo was left out of the handout: " + why + ". Choose another logo in the settings.";
            if (resources.warn)
                resources.warn(warning);
            else
                std::cerr << warning << '\n';
        };
        const std::filesystem::path logoFile = input.branding.logoPath;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(logoFile, ec)) {
            leaveOut("logo file not found: " + logoFile.string());
        } else {
            try {
                logo = doc.loadImage(logoFile);
            } catch (const RenderError& e) {
                leaveOut(e.what());
            }
        }
    }
    const std::filesystem::path signsFile = resources.templatesDir / "warning-signs.ini";
    std::ifstream signsIn(signsFile, std::ios::binary);
    if (!signsIn)
        throw RenderError("template file not found: " + signsFile.string());
    std::ostringstream signsText;
    signsText << signsIn.rdbuf();
    const WarningSigns nerveSigns = parseWarningSigns(signsText.str(), signsFile.string());
    HomeProgramBuilder builder(input, tpl, nerveSigns, doc, regular, bold, resources.figures);
    return builder.build(logo, layout);
}

void writeFile(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file)
{
    writeFileAtomically(file, {reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

} // namespace hiprx::render
