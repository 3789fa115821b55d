// SPDX-License-Identifier: GPL-3.0-or-later
//
// One page drawn top to bottom with a cursor, like the progress report: the clinic's band
// (document_page.h), address block (to, patient, contact, date), the urgency box, the letter body
// with the flags, the findings, what the patient was told and what physiotherapy was given, then
// the signature and the footer.
#include "render/referral_letter.h"

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

/// Every key of [letter] in templates/letter.ini; all are required.
const std::set<std::string> kLetterKeys = {
    "title",           "to_label",       "to_emergency",    "to_urgent",       "re_label",
    "born",            "record",         "contact_label",   "date_label",      "urgency_emergency",
    "urgency_urgent",  "greeting",       "opening",         "flags_heading",   "findings_heading",
    "no_findings",     "told_heading",   "told_emergency",  "told_urgent",     "told_note",
    "program_heading", "program_withheld", "program_given", "program_given_one", "program_none", "closing",
    "signature_label", "footer"};

using LetterWording = std::map<std::string, std::string>;

class LetterBuilder : private DocumentPage {
public:
    LetterBuilder(const ReferralLetterInput& in, const PageStyle& style, const LetterWording& words,
                  PdfDocument& doc, DocumentFonts fonts)
        : DocumentPage(doc, style, in.branding, fonts), m_in(in), m_style(style), m_words(words), m_doc(doc),
          m_page(addPage()), m_left(left()), m_width(contentWidth()), m_bottom(bottom())
    {
    }

    std::vector<std::uint8_t> build(const std::optional<PdfImage>& logo)
    {
        header(logo);
        addresses();
        urgency();
        body();
        signature();
        footer();
        m_doc.setInfo(word("title") + " — " + m_in.patient.name + " — " + m_in.date, m_in.branding.clinicName,
                      word("title"));
        return m_doc.save();
    }

private:
    const std::string& word(const std::string& key) const { return m_words.at(key); }
    std::string word(const std::string& key,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> values) const
    {
        return fillPlaceholders(word(key), values);
    }
    /// Room left above the signature block and footer.
    float room() const { return m_bottom - m_y - 5 * lineHeight(style(false, m_style.fontBody, m_style.text)); }

    /// A wrapped paragraph at `indent`; lines that would run into the signature are cut with "…".
    void paragraph(const std::string& text, const TextStyle& s, float indent = 0)
    {
        // A bullet hangs: its wrapped lines start under the text, not under the bullet.
        const float hang = text.starts_with("• ") ? width(s, "• ") : 0.0F;
        const auto lines = wrap(text, m_width - indent - hang, s, -hang);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const float x = m_left + indent + (i == 0 ? 0.0F : hang);
            if (room() < lineHeight(s)) {
                m_page.text(x, baseline(m_y, s), "…", s);
                m_y += lineHeight(s);
                return;
            }
            m_page.text(x, baseline(m_y, s), lines[i], s);
            m_y += lineHeight(s);
        }
    }

    void heading(const std::string& text)
    {
        m_y += m_style.sectionGap * 0.5F;
        const TextStyle h = style(true, m_style.fontBody + 1.5F, accent().mix(kBlack, 0.35F));
        m_page.text(m_left, baseline(m_y, h), text, h);
        m_y += lineHeight(h) + 1;
    }

    void header(const std::optional<PdfImage>& logo)
    {
        m_y = drawHeaderBand(m_page, word("title"), logo) + 8;
        // The clinic's address and contact under the band: where the reply goes.
        const TextStyle small = style(false, m_style.fontSmall, m_style.muted);
        std::string contact = m_in.branding.address;
        for (const std::string* part : {&m_in.branding.phone, &m_in.branding.email, &m_in.branding.website})
            if (!part->empty())
                contact += (contact.empty() ? "" : " · ") + *part;
        if (!contact.empty())
            paragraph(contact, small);
        m_y += m_style.sectionGap * 0.4F;
    }

    void row(const std::string& label, const std::string& value, bool bold)
    {
        const TextStyle l = style(false, m_style.fontSmall, m_style.muted);
        const TextStyle v = style(bold, m_style.fontBody + (bold ? 1.0F : 0.0F), m_style.text);
        const float labelW = m_width * 0.16F;
        m_page.text(m_left, baseline(m_y, v), label, l);
        const auto lines = wrap(value, m_width - labelW, v);
        for (const auto& line : lines) {
            m_page.text(m_left + labelW, baseline(m_y, v), line, v);
            m_y += lineHeight(v);
        }
        if (lines.empty())
            m_y += lineHeight(v);
    }

    void addresses()
    {
        const bool emergency = m_in.level == core::Urgency::Emergency;
        row(word("to_label"), !m_in.recipient.empty() ? m_in.recipient : word(emergency ? "to_emergency" : "to_urgent"),
            false);
        std::string who = m_in.patient.name;
        if (m_in.patient.birthDate)
            who += ", " + word("born", {{"date", core::formatDate(*m_in.patient.birthDate, m_in.dateFormat)},
                                        {"age", m_in.ageYears ? std::to_string(*m_in.ageYears) : "?"}});
        if (const std::string record = recordNumber(m_in.patient); !record.empty())
            who += ", " + word("record", {{"record", record}});
        row(word("re_label"), who, true);
        std::string contact = m_in.patient.phone;
        if (!m_in.patient.email.empty())
            contact += (contact.empty() ? "" : " · ") + m_in.patient.email;
        if (!contact.empty())
            row(word("contact_label"), contact, false);
        row(word("date_label"), m_in.date, false);
        m_y += m_style.sectionGap * 0.5F;
    }

    void urgency()
    {
        const bool emergency = m_in.level == core::Urgency::Emergency;
        const Rgb& edge = emergency ? m_style.emergency : m_style.urgent;
        const TextStyle s = style(true, m_style.fontBody + 1.0F, edge.mix(kBlack, 0.45F));
        const auto lines = wrap(word(emergency ? "urgency_emergency" : "urgency_urgent"), m_width - 20, s);
        const float boxH = 12 + lineHeight(s) * static_cast<float>(lines.size());
        const Rgb tint = edge.mix(kWhite, 0.85F);
        m_page.roundedRect({m_left, m_y, m_width, boxH}, 4, &tint, &edge, 1.5F);
        float y = m_y + 6;
        for (const auto& l : lines) {
            m_page.text(m_left + 10, baseline(y, s), l, s);
            y += lineHeight(s);
        }
        m_y += boxH + m_style.sectionGap * 0.5F;
    }

    void body()
    {
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle b = style(true, m_style.fontBody, m_style.text);
        paragraph(word("greeting"), s);
        m_y += 3;
        paragraph(word("opening", {{"date", m_in.date}}), s);

        heading(word("flags_heading"));
        for (const core::RedFlagWarning& w : m_in.warnings) {
            const std::string level = w.level == core::Urgency::Emergency ? "Emergency"
                                      : w.level == core::Urgency::Urgent  ? "Urgent"
                                                                          : "Routine";
            paragraph("• " + level + ": " + w.clinicianText, w.level == m_in.level ? b : s, 6);
        }

        heading(word("findings_heading"));
        if (m_in.findings.empty())
            paragraph(word("no_findings"), s);
        for (const std::string& f : m_in.findings)
            paragraph("• " + f, s, 6);

        heading(word("told_heading"));
        const bool emergency = m_in.level == core::Urgency::Emergency;
        paragraph(word(emergency ? "told_emergency" : "told_urgent"), s);
        if (!m_in.clinicianNote.empty())
            paragraph(word("told_note", {{"note", m_in.clinicianNote}}), s);

        heading(word("program_heading"));
        if (!m_in.programExercises)
            paragraph(word("program_none"), s);
        else if (*m_in.programExercises == 0)
            paragraph(word("program_withheld"), s);
        else
            paragraph(word(*m_in.programExercises == 1 ? "program_given_one" : "program_given",
                           {{"count", std::to_string(*m_in.programExercises)}}),
                      s);
        m_y += 4;
        paragraph(word("closing"), s);
    }

    void signature()
    {
        const TextStyle s = style(false, m_style.fontBody, m_style.text);
        const TextStyle l = style(false, m_style.fontSmall, m_style.muted);
        m_y = std::max(m_y + m_style.sectionGap, m_bottom - 4 * lineHeight(s));
        const float lineY = m_y + lineHeight(s) * 1.6F;
        m_page.text(m_left, baseline(m_y, l), word("signature_label"), l);
        m_page.line({m_left + m_width * 0.16F, lineY}, {m_left + m_width * 0.6F, lineY}, m_style.rule, 0.8F);
        m_y = lineY + 3;
        std::string who = m_in.branding.therapistName;
        if (!m_in.branding.therapistCredentials.empty())
            who += (who.empty() ? "" : ", ") + m_in.branding.therapistCredentials;
        if (!m_in.branding.clinicName.empty())
            who += (who.empty() ? "" : " · ") + m_in.branding.clinicName;
        m_page.text(m_left + m_width * 0.16F, baseline(m_y, s), who, s);
    }

    void footer() { drawFooter(m_page, word("footer", {{"date", m_in.date}}), {}); }

    const ReferralLetterInput& m_in;
    const PageStyle& m_style;
    const LetterWording& m_words;
    PdfDocument& m_doc;
    PdfPage m_page;
    float m_left;
    float m_width;
    float m_bottom;
    float m_y = 0;
};

} // namespace

std::vector<std::uint8_t> renderReferralLetter(const ReferralLetterInput& input, PageSize size,
                                               const RenderResources& resources)
{
    if (input.level != core::Urgency::Urgent && input.level != core::Urgency::Emergency)
        throw RenderError("a referral letter is written only for an urgent or emergency referral");
    const PageTemplate tpl = loadPageTemplate(resources.templatesDir, size);
    const LetterWording words = loadSectionWording(resources.templatesDir / "letter.ini", "letter", kLetterKeys);
    PdfDocument doc;
    const DocumentFonts fonts = loadDocumentFonts(doc, resources);
    const auto logo = loadDocumentLogo(doc, input.branding, resources, "referral letter");
    LetterBuilder builder(input, tpl.style, words, doc, fonts);
    return builder.build(logo);
}

} // namespace hiprx::render
