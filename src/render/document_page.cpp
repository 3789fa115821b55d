// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/document_page.h"

#include "render/render_error.h"
#include "render/text_layout.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>

namespace hiprx::render {

namespace {

const Rgb kWhite{1.0F, 1.0F, 1.0F};
const Rgb kBlack{0.0F, 0.0F, 0.0F};

/// The band is three quarters of the handout's: a document's first page is for its content.
constexpr float kBandShare = 0.75F;

} // namespace

DocumentFonts loadDocumentFonts(PdfDocument& doc, const RenderResources& resources)
{
    // The full font: names, addresses and the clinician's words may be in any script, and these
    // documents are made one at a time, so the subset's speed does not matter.
    DocumentFonts fonts;
    fonts.regular = doc.loadTrueType(resources.fontFallback.empty() ? resources.fontRegular : resources.fontFallback);
    fonts.bold = FontFace{fonts.regular.font, true};
    if (!resources.fontBold.empty())
        fonts.bold = doc.loadTrueType(resources.fontBold);
    return fonts;
}

std::optional<PdfImage> loadDocumentLogo(PdfDocument& doc, const core::Branding& branding,
                                         const RenderResources& resources, std::string_view document)
{
    if (branding.logoPath.empty())
        return std::nullopt;
    const auto leaveOut = [&](const std::string& why) {
        const std::string warning = "warning: the clinic logo was left out of the " + std::string(document) + ": " +
                                    why + ". Choose another logo in the settings.";
        if (resources.warn)
            resources.warn(warning);
        else
            std::cerr << warning << '\n';
    };
    const std::filesystem::path file = branding.logoPath;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        leaveOut("logo file not found: " + file.string());
        return std::nullopt;
    }
    try {
        return doc.loadImage(file);
    } catch (const RenderError& e) {
        leaveOut(e.what());
    }
    return std::nullopt;
}

std::string recordNumber(const core::Patient& patient)
{
    if (!patient.externalId.empty())
        return patient.externalId;
    return patient.id > 0 ? std::to_string(patient.id) : std::string();
}

DocumentPage::DocumentPage(PdfDocument& doc, const PageStyle& style, const core::Branding& branding,
                           DocumentFonts fonts)
    : m_doc(doc), m_style(style), m_branding(branding), m_fonts(fonts)
{
    const std::string& accentText = branding.accentColor.empty() ? "#1F6F8B" : branding.accentColor;
    const auto accent = Rgb::parse(accentText);
    if (!accent)
        throw RenderError("branding accent colour '" + accentText + "' is not written as #RRGGBB");
    m_accent = *accent;
    m_accentInk = m_accent;
    for (int i = 0; i < 10 && 1.05F / (m_accentInk.luminance() + 0.05F) < 4.5F; ++i)
        m_accentInk = m_accentInk.mix(kBlack, 0.15F);
    m_left = style.marginLeft;
    m_width = style.width - style.marginLeft - style.marginRight;
    m_bottom = style.height - style.marginBottom;
}

TextStyle DocumentPage::style(bool bold, float size, const Rgb& color) const
{
    return {bold ? m_fonts.bold : m_fonts.regular, size, color};
}

float DocumentPage::width(const TextStyle& s, std::string_view t) const { return m_doc.textWidth(s.face, s.size, t); }

std::vector<std::string> DocumentPage::wrap(std::string_view t, float w, const TextStyle& s, float firstIndent) const
{
    return wrapText(t, w, [&](std::string_view run) { return width(s, run); }, firstIndent);
}

std::string DocumentPage::fit(const std::string& t, float w, const TextStyle& s) const
{
    const auto lines = wrap(t, w, s);
    if (lines.size() <= 1)
        return t;
    return lines.front() + "…";
}

PdfPage DocumentPage::addPage() { return m_doc.addPage(m_style.width, m_style.height); }

float DocumentPage::drawHeaderBand(PdfPage& page, const std::string& title, const std::optional<PdfImage>& logo) const
{
    const float h = m_style.headerHeight * kBandShare;
    page.fillRect({0, 0, m_style.width, h}, m_accent);
    const Rgb ink = m_accent.readableTextOn();
    float x = m_left;
    if (logo && logo->width > 0 && logo->height > 0) {
        // On a white tile, as on the handout: a logo is drawn for white paper, not for our accent.
        const float pad = 4;
        const float tileH = h - 2 * 8;
        const float scale = std::min((tileH - 2 * pad) / logo->height, (m_style.logoMaxWidth - 2 * pad) / logo->width);
        const float w = logo->width * scale;
        const float lh = logo->height * scale;
        const Box tile{x, (h - tileH) / 2, w + 2 * pad, tileH};
        page.roundedRect(tile, 4, &kWhite, nullptr, 0);
        page.image(*logo, {tile.x + pad, tile.y + (tileH - lh) / 2, w, lh});
        x += tile.width + 12;
    }
    const TextStyle titleStyle = style(true, m_style.fontTitle, ink);
    const float titleW = width(titleStyle, title);
    page.text(m_left + m_width - titleW, h / 2 + 0.36F * titleStyle.size, title, titleStyle);

    const std::string& clinic = m_branding.clinicName;
    if (clinic.empty())
        return h;
    const float room = m_left + m_width - titleW - 16 - x;
    // Smaller first (to 70 %), then on two lines, then smaller still: a clinic's name is never cut,
    // and a physician files by it.
    TextStyle name = style(true, m_style.fontClinic, ink);
    while (name.size > m_style.fontClinic * 0.7F && width(name, clinic) > room)
        name.size -= 0.5F;
    std::vector<std::string> lines{clinic};
    if (width(name, clinic) > room) {
        // Two lines at the largest size that holds them (down to 60 %).
        const auto tooWide = [&] {
            return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return width(name, l) > room; });
        };
        name.size = m_style.fontClinic;
        lines = wrap(clinic, room, name);
        while ((lines.size() > 2 || tooWide()) && name.size > m_style.fontClinic * 0.6F) {
            name.size -= 0.5F;
            lines = wrap(clinic, room, name);
        }
        if (lines.size() > 2) {
            // Two lines split by words at the middle, the type shrunk until the wider one fits.
            std::vector<std::string> words;
            for (std::size_t at = 0; at < clinic.size();) {
                const std::size_t space = std::min(clinic.find(' ', at), clinic.size());
                if (space > at)
                    words.push_back(clinic.substr(at, space - at));
                at = space + 1;
            }
            std::vector<std::string> two(2);
            float firstWidth = 0;
            const float half = width(name, clinic) / 2;
            for (const auto& word : words) {
                const bool first = two[1].empty() && (two[0].empty() || firstWidth < half);
                std::string& line = two[first ? 0 : 1];
                line += (line.empty() ? "" : " ") + word;
                if (first)
                    firstWidth = width(name, line);
            }
            if (two[1].empty())
                two.pop_back();
            lines = std::move(two);
        }
        float widest = 0;
        for (const auto& l : lines)
            widest = std::max(widest, width(name, l));
        if (widest > room)
            name.size *= room / widest;
    }
    const float lh = lineHeight(name);
    float top = (h - lh * static_cast<float>(lines.size())) / 2;
    for (const auto& l : lines) {
        page.text(x, baseline(top, name), l, name);
        top += lh;
    }
    return h;
}

void DocumentPage::drawFooter(PdfPage& page, const std::string& left, const std::string& right) const
{
    const TextStyle s = style(false, m_style.fontSmall - 0.5F, m_style.muted);
    const float ruleY = m_style.height - m_style.marginBottom + 10;
    page.line({m_left, ruleY}, {m_left + m_width, ruleY}, m_style.rule, 0.6F);
    const float top = ruleY + 3;
    const float rightW = right.empty() ? 0.0F : width(s, right);
    if (!right.empty())
        page.text(m_left + m_width - rightW, baseline(top, s), right, s);
    float y = top;
    for (const auto& l : wrap(left, m_width - (right.empty() ? 0.0F : rightW + 12), s)) {
        page.text(m_left, baseline(y, s), l, s);
        y += lineHeight(s);
    }
}

} // namespace hiprx::render
