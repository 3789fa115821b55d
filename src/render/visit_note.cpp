// SPDX-License-Identifier: GPL-3.0-or-later
//
// Drawn top to bottom with a cursor that moves to a new page when a line would run into the
// signature area or footer. Page 1 has the clinic's band (document_page.h); every page names the
// patient; the footers ("page x of y") are drawn once the page count is known.
#include "render/visit_note.h"

#include "render/document_page.h"
#include "render/ini_file.h"
#include "render/pdf_document.h"
#include "render/render_error.h"

#include <map>
#include <set>

namespace hiprx::render {

namespace {

const Rgb kWhite{1.0F, 1.0F, 1.0F};
const Rgb kBlack{0.0F, 0.0F, 0.0F};

const std::set<std::string> kNoteKeys = {"title",      "patient_label", "born",       "record",
                                         "date_label", "clinician_label", "subjective", "objective",
                                         "assessment", "plan",          "signature_label", "signed",
                                         "footer",     "page"};

class NoteBuilder : private DocumentPage {
public:
    NoteBuilder(const VisitNoteInput& in, const PageStyle& style, const std::map<std::string, std::string>& words,
                PdfDocument& doc, DocumentFonts fonts, const std::optional<PdfImage>& logo)
        : DocumentPage(doc, style, in.branding, fonts), m_in(in), m_style(style), m_words(words), m_doc(doc),
          m_logo(logo), m_left(left()), m_width(contentWidth()), m_bottom(bottom())
    {
    }

    std::vector<std::uint8_t> build()
    {
        newPage();
        if (m_in.referral != core::Urgency::None && !m_in.referralLine.empty())
            referralBox();
        for (std::size_t i = 0; i < m_in.sections.size(); ++i)
            drawSection(m_in.sections[i], i + 1 == m_in.sections.size());
        signature();
        for (std::size_t i = 0; i < m_pages.size(); ++i)
            footer(m_pages[i], i + 1, m_pages.size());
        m_doc.setInfo(word("title") + " — " + m_in.patient.name + " — " + m_in.date, m_in.branding.clinicName,
                      word("title"));
        return m_doc.save();
    }

private:
    const std::string& word(const std::string& key) const
    {
        const auto found = m_words.find(key);
        if (found == m_words.end())
            throw RenderError("the visit note has no heading for section '" + key + "'");
        return found->second;
    }
    PdfPage& page() { return m_pages.back(); }

    /// Who the patient is: name, birth date and age, record number; the visit date and clinician.
    std::string identity() const
    {
        std::string who = m_in.patient.name;
        if (m_in.patient.birthDate)
            who += ", " + fillPlaceholders(word("born"), {{"date", core::formatDate(*m_in.patient.birthDate, m_in.dateFormat)},
                                                          {"age", m_in.ageYears ? std::to_string(*m_in.ageYears) : "?"}});
        if (const std::string record = recordNumber(m_in.patient); !record.empty())
            who += ", " + fillPlaceholders(word("record"), {{"record", record}});
        return who;
    }

    void newPage()
    {
        m_pages.push_back(addPage());
        const TextStyle small = style(false, m_style.fontSmall, m_style.muted);
        if (m_pages.size() == 1) {
            m_y = drawHeaderBand(page(), word("title"), m_logo) + 8;
            const TextStyle label = style(false, m_style.fontSmall, m_style.muted);
            const TextStyle value = style(true, m_style.fontBody + 1.0F, m_style.text);
            const std::pair<std::string, std::string> rows[] = {
                {word("patient_label"), identity()},
                {word("date_label"), m_in.date},
                {word("clinician_label"), m_in.branding.therapistName}};
            for (const auto& [l, v] : rows) {
                if (v.empty())
                    continue;
                page().text(m_left, baseline(m_y, value), l, label);
                for (const auto& line : wrap(v, m_width * 0.84F, value)) {
                    page().text(m_left + m_width * 0.16F, baseline(m_y, value), line, value);
                    m_y += lineHeight(value);
                }
            }
            m_y += 4;
            page().line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.8F);
            m_y += m_style.sectionGap * 0.5F;
        } else {
            // Every later page names the patient, so a loose page is never filed under someone else.
            m_y = m_style.marginTop;
            for (const auto& line : wrap(word("title") + " · " + identity() + " · " + m_in.date, m_width, small)) {
                page().text(m_left, baseline(m_y, small), line, small);
                m_y += lineHeight(small);
            }
            m_y += 4;
            page().line({m_left, m_y}, {m_left + m_width, m_y}, m_style.rule, 0.6F);
            m_y += 6;
        }
    }

    void ensureRoom(float needed)
    {
        if (m_y + needed > m_bottom)
            newPage();
    }

    void referralBox()
    {
        const bool emergency = m_in.referral == core::Urgency::Emergency;
        const Rgb& edge = emergency ? m_style.emergency : m_in.referral == core::Urgency::Urgent ? m_style.urgent
                                                                                                  : m_style.routine;
        const TextStyle s = style(true, m_style.fontBody + 0.5F, edge.mix(kBlack, 0.45F));
        const auto lines = wrap(m_in.referralLine, m_width - 20, s);
        const float boxH = 12 + lineHeight(s) * static_cast<float>(lines.size());
        const Rgb tint = edge.mix(kWhite, 0.85F);
        page().roundedRect({m_left, m_y, m_width, boxH}, 4, &tint, &edge, 1.5F);
        float y = m_y + 6;
        for (const auto& l : lines) {
            page().text(m_left + 10, baseline(y, s), l, s);
            y += lineHeight(s);
        }
        m_y += boxH + m_style.sectionGap * 0.5F;
    }

    /// One printed row of a section: a sub-heading ("Findings:") or a wrapped line of a bullet.
    struct Row {
        std::string text;
        bool subheading = false;
        bool continuation = false; ///< a wrapped bullet's second and later lines, indented
    };

    std::vector<Row> rowsOf(const NoteSection& section, const TextStyle& s) const
    {
        const float bullet = width(s, "• ");
        std::vector<Row> rows;
        for (const std::string& line : section.lines) {
            if (!line.empty() && line.back() == ':') {
                rows.push_back({line, true, false});
                continue;
            }
            const auto lines = wrap("• " + line, m_width - 6 - bullet, s, -bullet);
            for (std::size_t i = 0; i < lines.size(); ++i)
                rows.push_back({lines[i], false, i > 0});
        }
        return rows;
    }

    /// The height signature() takes, so the last section can keep lines with it.
    float signatureHeight() const
    {
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        return m_style.sectionGap + lineHeight(s) * 2.4F + 3;
    }

    /// `last`: the section the signature follows. Its last two rows go to the next page with the
    /// signature rather than leave the signature alone there.
    void drawSection(const NoteSection& section, bool last)
    {
        const TextStyle h = style(true, m_style.fontHeading, accent().mix(kBlack, 0.35F));
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle sub = style(true, m_style.fontBody, m_style.text);
        const std::vector<Row> rows = rowsOf(section, s);
        constexpr std::size_t kKeptWithSignature = 2;
        const auto tailHeight = [&](std::size_t from) {
            float height = 0;
            for (std::size_t i = from; i < rows.size(); ++i)
                height += lineHeight(rows[i].subheading ? sub : s) + (rows[i].subheading ? 2.0F : 0.0F);
            return height;
        };
        const bool shortLast = last && rows.size() <= kKeptWithSignature;
        // Never a heading alone at the foot of a page; a short last section stays with the signature.
        ensureRoom(lineHeight(h) + 2 * lineHeight(s) + (shortLast ? tailHeight(0) + signatureHeight() : 0.0F));
        m_y += m_style.sectionGap * 0.3F;
        page().text(m_left, baseline(m_y, h), word(section.key), h);
        m_y += lineHeight(h) + 2;
        const float bullet = width(s, "• ");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& row = rows[i];
            const bool keepWithSignature = last && !shortLast && i + kKeptWithSignature == rows.size();
            if (keepWithSignature)
                ensureRoom(tailHeight(i) + signatureHeight());
            if (row.subheading) {
                ensureRoom(2 * lineHeight(s));
                m_y += 2;
                page().text(m_left, baseline(m_y, sub), row.text, sub);
                m_y += lineHeight(sub);
                continue;
            }
            ensureRoom(lineHeight(s));
            page().text(m_left + 6 + (row.continuation ? bullet : 0.0F), baseline(m_y, s), row.text, s);
            m_y += lineHeight(s);
        }
    }

    void signature()
    {
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle l = style(false, m_style.fontSmall, m_style.muted);
        ensureRoom(signatureHeight());
        m_y += m_style.sectionGap;
        const float lineY = m_y + lineHeight(s) * 1.4F;
        page().text(m_left, baseline(m_y, l), word("signature_label"), l);
        page().line({m_left + m_width * 0.16F, lineY}, {m_left + m_width * 0.6F, lineY}, m_style.rule, 0.8F);
        m_y = lineY + 3;
        std::string who = m_in.branding.therapistName;
        if (!m_in.branding.therapistCredentials.empty())
            who += (who.empty() ? "" : ", ") + m_in.branding.therapistCredentials;
        if (who.empty())
            who = "……………………………………"; // nobody recorded: the clinician writes their name by hand
        page().text(m_left + m_width * 0.16F, baseline(m_y, s),
                    fillPlaceholders(word("signed"), {{"clinician", who}, {"date", m_in.date}}), s);
        m_y += lineHeight(s);
    }

    void footer(PdfPage& p, std::size_t number, std::size_t count)
    {
        std::string left = fillPlaceholders(word("footer"), {{"date", m_in.madeOn}});
        if (!m_in.branding.clinicName.empty())
            left = m_in.branding.clinicName + " · " + left;
        drawFooter(p, left,
                   fillPlaceholders(word("page"), {{"page", std::to_string(number)}, {"pages", std::to_string(count)}}));
    }

    const VisitNoteInput& m_in;
    const PageStyle& m_style;
    const std::map<std::string, std::string>& m_words;
    PdfDocument& m_doc;
    const std::optional<PdfImage>& m_logo;
    std::vector<PdfPage> m_pages;
    float m_left;
    float m_width;
    float m_bottom;
    float m_y = 0;
};

} // namespace

std::vector<std::uint8_t> renderVisitNote(const VisitNoteInput& input, PageSize size, const RenderResources& resources)
{
    const PageTemplate tpl = loadPageTemplate(resources.templatesDir, size);
    const auto words = loadSectionWording(resources.templatesDir / "note.ini", "note", kNoteKeys);
    PdfDocument doc;
    const DocumentFonts fonts = loadDocumentFonts(doc, resources);
    const auto logo = loadDocumentLogo(doc, input.branding, resources, "visit note");
    NoteBuilder builder(input, tpl.style, words, doc, fonts, logo);
    return builder.build();
}

} // namespace hiprx::render
