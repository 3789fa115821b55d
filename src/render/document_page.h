// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the clinical documents (visit note, referral letter, progress report) draw the same way: the
// clinic's band across the top of page 1 (the logo on a white tile, the clinic's name set smaller or
// on two lines rather than cut, the document's title), the footer under its rule, and the measuring
// and wrapping of text. The handout has its own, taller band with the contacts (home_program.cpp).
#pragma once

#include "core/assessment.h"
#include "core/branding.h"
#include "render/home_program.h"
#include "render/page_template.h"
#include "render/pdf_document.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::render {

/// A document's faces: the full font (names and free text may be in any script) and its bold.
struct DocumentFonts {
    FontFace regular;
    FontFace bold;
};

/// Embeds the fonts of `resources` in `doc`. Throws RenderError naming a font file that cannot be used.
DocumentFonts loadDocumentFonts(PdfDocument& doc, const RenderResources& resources);

/// The clinic's logo embedded in `doc`, or nothing when the branding has none. A logo that is missing
/// or cannot be used is left out, never the document: `resources.warn` (else standard error) is told
/// in a sentence naming the file and `document` ("visit note").
std::optional<PdfImage> loadDocumentLogo(PdfDocument& doc, const core::Branding& branding,
                                         const RenderResources& resources, std::string_view document);

/// The record number a document prints: the clinic's own id, else HipRx's number; empty for neither.
std::string recordNumber(const core::Patient& patient);

/// The frame every page of a clinical document shares, and the text measures its builder uses (a
/// document's builder inherits it privately). Holds references: `doc`, `style` and `branding` must
/// outlive it.
class DocumentPage {
public:
    /// Throws RenderError when the branding's accent colour is not written as #RRGGBB.
    DocumentPage(PdfDocument& doc, const PageStyle& style, const core::Branding& branding, DocumentFonts fonts);

    const PageStyle& pageStyle() const noexcept { return m_style; }
    const DocumentFonts& fonts() const noexcept { return m_fonts; }
    /// The branding's accent (the band), and a shade of it that reads on white (WCAG AA, 4.5:1).
    const Rgb& accent() const noexcept { return m_accent; }
    const Rgb& accentInk() const noexcept { return m_accentInk; }
    float left() const noexcept { return m_left; }
    float contentWidth() const noexcept { return m_width; }
    /// The lowest y text may reach (the footer is below it).
    float bottom() const noexcept { return m_bottom; }

    /// The regular or bold face at `size` in `color`.
    TextStyle style(bool bold, float size, const Rgb& color) const;
    float lineHeight(const TextStyle& s) const { return s.size * m_style.lineSpacing; }
    float width(const TextStyle& s, std::string_view t) const;
    /// The baseline of a line of `s` whose box starts at `top`.
    float baseline(float top, const TextStyle& s) const { return top + lineHeight(s) / 2 + 0.36F * s.size; }
    /// `t` broken into lines no wider than `w` (text_layout.h); `firstIndent` narrows the first.
    std::vector<std::string> wrap(std::string_view t, float w, const TextStyle& s, float firstIndent = 0) const;
    /// `t` whole when it fits `w`, else its first line with "…": for a table cell, never a name.
    std::string fit(const std::string& t, float w, const TextStyle& s) const;

    /// A new page of the style's size.
    PdfPage addPage();
    /// The clinic's band across the top of `page`: the logo at the left (when given), the clinic's
    /// name beside it — set down to 70 % of its size, then on two lines (down to 60 %), then
    /// smaller still, never cut — and `title` at the right. Returns the band's height.
    float drawHeaderBand(PdfPage& page, const std::string& title, const std::optional<PdfImage>& logo) const;
    /// The footer under its rule in the bottom margin: `right` on one line at the right (may be
    /// empty), `left` wrapped in the rest.
    void drawFooter(PdfPage& page, const std::string& left, const std::string& right) const;

private:
    PdfDocument& m_doc;
    const PageStyle& m_style;
    const core::Branding& m_branding;
    DocumentFonts m_fonts;
    Rgb m_accent;
    Rgb m_accentInk;
    float m_left = 0;
    float m_width = 0;
    float m_bottom = 0;
};

} // namespace hiprx::render
