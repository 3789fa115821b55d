// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one wrapper over libharu. libharu reports errors through a C callback; ours only records
// the error and detail numbers in the document, and every wrapper call checks them afterwards and
// throws RenderError from C++ (never through libharu's C frames), after HPDF_ResetError so the
// document stays usable. Coordinates here are points with y measured DOWN from the page top; the
// flip to PDF's bottom-up space happens only in this file's implementation.
#pragma once

#include "render/canvas.h"
#include "render/color.h"

#include <hpdf.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hiprx::render {

/// An embedded TrueType face. Bold can be synthesised from a regular face by stroking the glyph
/// outlines, which keeps one embedded font (about 85 KB) instead of two.
struct FontFace {
    HPDF_Font font = nullptr;
    bool syntheticBold = false;
};

/// Font, size and colour of a run of text.
struct TextStyle {
    FontFace face;
    float size = 10.0F;
    Rgb color;
};

/// An image loaded into a document, with its size in pixels.
struct PdfImage {
    HPDF_Image image = nullptr;
    float width = 0.0F;
    float height = 0.0F;
};

class PdfDocument;

/// One page. Cheap to copy (a handle); valid while its document lives.
class PdfPage {
public:
    PdfPage(PdfDocument& document, HPDF_Page page, float width, float height);

    float width() const noexcept { return m_width; }
    float height() const noexcept { return m_height; }

    void fillRect(const Box& box, const Rgb& color);
    void strokeRect(const Box& box, const Rgb& color, float lineWidth);
    /// A box with rounded corners, filled and/or stroked (a null colour pointer skips that part).
    void roundedRect(const Box& box, float radius, const Rgb* fill, const Rgb* stroke, float lineWidth);
    void line(Point from, Point to, const Rgb& color, float lineWidth);
    void fillCircle(Point centre, float radius, const Rgb& color);
    /// Text with its baseline at `baseline` (y down from the page top).
    void text(float x, float baseline, std::string_view text, const TextStyle& style);
    void image(const PdfImage& image, const Box& box);

    HPDF_Page handle() const noexcept { return m_page; }
    PdfDocument& document() const noexcept { return *m_document; }
    /// PDF's bottom-up y for a top-down y.
    float pdfY(float y) const noexcept { return m_height - y; }

private:
    PdfDocument* m_document;
    HPDF_Page m_page;
    float m_width;
    float m_height;
};

/// An HPDF_Doc with full compression and UTF-8 text. Throws RenderError when libharu fails.
class PdfDocument {
public:
    /// Creates an empty document. Throws RenderError when libharu cannot start.
    PdfDocument();
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    /// Loads and embeds a TrueType font for UTF-8 text. Throws RenderError naming the file.
    FontFace loadTrueType(const std::filesystem::path& file);
    /// Loads a PNG or JPEG image, told apart by content. Throws RenderError naming the file when it
    /// is missing, damaged, not PNG or JPEG, or beyond the bounds below; never aborts.
    PdfImage loadImage(const std::filesystem::path& file);
    /// Bounds for an image (a clinic logo is drawn about 240 × 96 points): larger files would take
    /// seconds and hundreds of megabytes to embed for no visible gain.
    static constexpr std::uintmax_t kMaxImageFileBytes = 10U * 1024U * 1024U;
    static constexpr std::uint32_t kMaxImageSide = 4096;
    static constexpr std::uint64_t kMaxImagePixels = 4'000'000;
    /// Appends a page of this size in points.
    PdfPage addPage(float width, float height);
    /// Document information (title, author, creator, subject).
    void setInfo(std::string_view title, std::string_view author, std::string_view subject);
    /// The document's natural language (/Lang in the catalog, e.g. "en"), for screen readers.
    void setLanguage(std::string_view tag);

    /// Width in points of UTF-8 `text` set in `face` at `size`.
    float textWidth(const FontFace& face, float size, std::string_view text);

    /// The finished PDF file. Throws RenderError.
    std::vector<std::uint8_t> save();

    /// Throws RenderError when libharu recorded an error since the last check; `what` names the
    /// step ("loading font DejaVuSans.ttf"). Resets libharu's error state first.
    void check(std::string_view what);

    HPDF_Doc handle() const noexcept { return m_doc; }

    /// What libharu's error callback saw. Public so the C callback can reach it.
    struct ErrorState {
        HPDF_STATUS error = 0;
        HPDF_STATUS detail = 0;
    };

private:
    PdfImage loadPng(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file);
    PdfImage loadJpeg(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file);

    // Advance widths (1/1000 em) by font and code point. libharu looks each character up in the
    // TrueType cmap by linear search; layout measures every word several times, so we ask once.
    std::unordered_map<HPDF_Font, std::unordered_map<char32_t, float>> m_advances;
    std::unique_ptr<ErrorState> m_error; // a stable address for the callback
    HPDF_Doc m_doc = nullptr;
};

/// A readable sentence for a libharu error number ("the PNG image could not be read").
std::string describeHaruError(unsigned long error, unsigned long detail);

} // namespace hiprx::render
