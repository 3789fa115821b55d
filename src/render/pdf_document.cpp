// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pdf_document.h"

#include "render/render_error.h"
#include "render/text_layout.h"

#include <algorithm>

#include <png.h>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace hiprx::render {
namespace {

// libharu 2.3 gives a UTF-8 font a "ToUnicode" CMap copied from its encoder: a begincidrange, which
// a ToUnicode map may not hold (poppler warns on every file and text extraction guesses). Its codes
// are the UTF-16 units of the text (the CIDs of the Identity-H font, mapped to glyphs by
// CIDToGIDMap), so the correct map is the identity as bfranges, one per high byte (a range may
// differ only in its last byte), leaving out the surrogates.
std::string identityToUnicodeCMap()
{
    std::vector<std::string> ranges;
    char buf[40];
    for (int high = 0; high <= 0xFF; ++high) {
        if (high >= 0xD8 && high <= 0xDF)
            continue;
        std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        ranges.emplace_back(buf);
    }
    std::string out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < ranges.size(); i += 100) { // at most 100 entries per block
        const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
        out += std::to_string(n) + " beginbfrange\n";
        for (std::size_t j = i; j < i + n; ++j)
            out += ranges[j];
        out += "endbfrange\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

/// Rewrites the ToUnicode stream of a UTF-8 Type0 font libharu made (see identityToUnicodeCMap()).
void replaceToUnicode(HPDF_Font font)
{
    auto* toUnicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (toUnicode == nullptr || toUnicode->stream == nullptr)
        return;
    static const std::string cmap = identityToUnicodeCMap();
    HPDF_MemStream_FreeData(toUnicode->stream);
    HPDF_Stream_WriteStr(toUnicode->stream, cmap.c_str());
}


// libharu calls this from C. It must not throw or longjmp: it only records what went wrong, and
// PdfDocument::check() turns that into an exception back in C++.
void recordHaruError(HPDF_STATUS error, HPDF_STATUS detail, void* userData)
{
    auto* state = static_cast<PdfDocument::ErrorState*>(userData);
    if (state->error == 0) { // keep the first error: later ones are usually its consequences
        state->error = error;
        state->detail = detail;
    }
}

std::vector<std::uint8_t> readWholeFile(const std::filesystem::path& file, std::string_view kind)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw RenderError(std::string(kind) + " file not found: " + file.string());
    std::ifstream in(file, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw RenderError(std::string(kind) + " file could not be read: " + file.string());
    return bytes;
}

// Our own rounded-rectangle path: libharu has arcs but no rounded rectangle. Bezier control
// distance 0.5523 × r approximates a quarter circle.
void roundedPath(HPDF_Page page, float left, float bottom, float width, float height, float r)
{
    const float k = 0.5523F * r;
    const float right = left + width;
    const float top = bottom + height;
    HPDF_Page_MoveTo(page, left + r, bottom);
    HPDF_Page_LineTo(page, right - r, bottom);
    HPDF_Page_CurveTo(page, right - r + k, bottom, right, bottom + r - k, right, bottom + r);
    HPDF_Page_LineTo(page, right, top - r);
    HPDF_Page_CurveTo(page, right, top - r + k, right - r + k, top, right - r, top);
    HPDF_Page_LineTo(page, left + r, top);
    HPDF_Page_CurveTo(page, left + r - k, top, left, top - r + k, left, top - r);
    HPDF_Page_LineTo(page, left, bottom + r);
    HPDF_Page_CurveTo(page, left, bottom + r - k, left + r - k, bottom, left + r, bottom);
    HPDF_Page_ClosePath(page);
}

} // namespace

std::string describeHaruError(unsigned long error, unsigned long detail)
{
    std::string what;
    switch (error) {
    case HPDF_FAILD_TO_ALLOC_MEM:
        what = "out of memory";
        break;
    case HPDF_FILE_IO_ERROR:
        what = "a file could not be read or written";
        break;
    case HPDF_FILE_OPEN_ERROR:
        what = "a file could not be opened";
        break;
    case HPDF_LIBPNG_ERROR:
    case HPDF_INVALID_PNG_IMAGE:
        what = "the PNG image could not be read (use an 8-bit, non-interlaced PNG)";
        break;
    case HPDF_INVALID_JPEG_DATA:
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
        what = "the JPEG image could not be read";
        break;
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        what = "the font does not allow embedding";
        break;
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_INVALID_FONTDEF_DATA:
        what = "the font is not a usable TrueType file";
        break;
    case HPDF_PAGE_INVALID_FONT_SIZE:
        what = "a font size is out of range";
        break;
    case HPDF_PAGE_INVALID_SIZE:
        what = "the page size is out of range";
        break;
    case HPDF_ZLIB_ERROR:
        what = "compression failed";
        break;
    case HPDF_INVALID_DOCUMENT:
        what = "the document is in an error state";
        break;
    default:
        what = "libharu reported an error";
        break;
    }
    char code[48];
    std::snprintf(code, sizeof code, " (libharu 0x%04lX, detail %lu)", error, detail);
    return what + code;
}

PdfPage::PdfPage(PdfDocument& document, HPDF_Page page, float width, float height)
    : m_document(&document), m_page(page), m_width(width), m_height(height)
{
}

void PdfPage::fillRect(const Box& box, const Rgb& color)
{
    HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
    HPDF_Page_Rectangle(m_page, box.x, pdfY(box.y + box.height), box.width, box.height);
    HPDF_Page_Fill(m_page);
    m_document->check("drawing a filled box");
}

void PdfPage::strokeRect(const Box& box, const Rgb& color, float lineWidth)
{
    HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
    HPDF_Page_SetLineWidth(m_page, lineWidth);
    HPDF_Page_Rectangle(m_page, box.x, pdfY(box.y + box.height), box.width, box.height);
    HPDF_Page_Stroke(m_page);
    m_document->check("drawing a box");
}

void PdfPage::roundedRect(const Box& box, float radius, const Rgb* fill, const Rgb* stroke, float lineWidth)
{
    if (fill == nullptr && stroke == nullptr)
        return;
    if (fill != nullptr)
        HPDF_Page_SetRGBFill(m_page, fill->r, fill->g, fill->b);
    if (stroke != nullptr) {
        HPDF_Page_SetRGBStroke(m_page, stroke->r, stroke->g, stroke->b);
        HPDF_Page_SetLineWidth(m_page, lineWidth);
    }
    roundedPath(m_page, box.x, pdfY(box.y + box.height), box.width, box.height, radius);
    if (fill != nullptr && stroke != nullptr)
        HPDF_Page_FillStroke(m_page);
    else if (fill != nullptr)
        HPDF_Page_Fill(m_page);
    else
        HPDF_Page_Stroke(m_page);
    m_document->check("drawing a rounded box");
}

void PdfPage::line(Point from, Point to, const Rgb& color, float lineWidth)
{
    HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
    HPDF_Page_SetLineWidth(m_page, lineWidth);
    HPDF_Page_MoveTo(m_page, from.x, pdfY(from.y));
    HPDF_Page_LineTo(m_page, to.x, pdfY(to.y));
    HPDF_Page_Stroke(m_page);
    m_document->check("drawing a line");
}

void PdfPage::fillCircle(Point centre, float radius, const Rgb& color)
{
    HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
    HPDF_Page_Circle(m_page, centre.x, pdfY(centre.y), radius);
    HPDF_Page_Fill(m_page);
    m_document->check("drawing a circle");
}

void PdfPage::text(float x, float baseline, std::string_view text, const TextStyle& style)
{
    if (text.empty())
        return;
    const std::string zeroTerminated(text);
    HPDF_Page_SetRGBFill(m_page, style.color.r, style.color.g, style.color.b);
    if (style.face.syntheticBold) {
        // Stroking the outline in the fill colour thickens each stem by the line width.
        HPDF_Page_SetRGBStroke(m_page, style.color.r, style.color.g, style.color.b);
        HPDF_Page_SetLineWidth(m_page, style.size * 0.045F);
    }
    HPDF_Page_BeginText(m_page);
    HPDF_Page_SetFontAndSize(m_page, style.face.font, style.size);
    HPDF_Page_SetTextRenderingMode(m_page, style.face.syntheticBold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
    HPDF_Page_TextOut(m_page, x, pdfY(baseline), zeroTerminated.c_str());
    HPDF_Page_EndText(m_page);
    m_document->check("writing text");
}

void PdfPage::image(const PdfImage& image, const Box& box)
{
    HPDF_Page_DrawImage(m_page, image.image, box.x, pdfY(box.y + box.height), box.width, box.height);
    m_document->check("placing an image");
}

PdfDocument::PdfDocument() : m_error(std::make_unique<ErrorState>())
{
    m_doc = HPDF_New(recordHaruError, m_error.get());
    if (m_doc == nullptr)
        throw RenderError("the PDF library could not start (out of memory?)");
    HPDF_SetCompressionMode(m_doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(m_doc);
    HPDF_SetCurrentEncoder(m_doc, "UTF-8");
    check("starting a PDF document");
}

PdfDocument::~PdfDocument()
{
    HPDF_Free(m_doc);
}

void PdfDocument::check(std::string_view what)
{
    if (m_error->error == 0)
        return;
    const ErrorState seen = *m_error;
    *m_error = {};
    HPDF_ResetError(m_doc);
    throw RenderError(std::string(what) + ": " + describeHaruError(seen.error, seen.detail));
}

FontFace PdfDocument::loadTrueType(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw RenderError("font file not found: " + file.string());
    const std::string path = file.string();
    const char* name = HPDF_LoadTTFontFromFile(m_doc, path.c_str(), HPDF_TRUE);
    check("loading font " + path);
    HPDF_Font font = HPDF_GetFont(m_doc, name, "UTF-8");
    check("loading font " + path);
    if (font == nullptr)
        throw RenderError("font could not be loaded: " + path);
    replaceToUnicode(font);
    check("loading font " + path);
    return FontFace{font, false};
}

PdfImage PdfDocument::loadImage(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw RenderError("image file not found: " + file.string());
    const auto fileSize = std::filesystem::file_size(file, ec);
    if (ec || fileSize > kMaxImageFileBytes)
        throw RenderError("image is larger than " + std::to_string(kMaxImageFileBytes / (1024 * 1024)) +
                          " MB: " + file.string());
    const auto bytes = readWholeFile(file, "image");
    if (bytes.size() >= 8 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G')
        return loadPng(bytes, file);
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        return loadJpeg(bytes, file);
    throw RenderError("image is neither PNG nor JPEG: " + file.string());
}

// libharu's own PNG reader hands libpng an error function that returns, and libpng then calls
// abort(): a truncated or damaged PNG would end the process. So the PNG is decoded here, through
// libpng's simplified API (which catches its own errors and returns them), within fixed bounds,
// and libharu receives plain pixels: the colour as one image, the alpha channel as its soft mask.
PdfImage PdfDocument::loadPng(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file)
{
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    const auto unusable = [&](const std::string& why) {
        png_image_free(&png);
        return RenderError("the PNG image " + file.string() + " cannot be used: " + why);
    };
    if (png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()) == 0)
        throw unusable(png.message);
    if (png.width == 0 || png.height == 0 || png.width > kMaxImageSide || png.height > kMaxImageSide ||
        std::uint64_t{png.width} * png.height > kMaxImagePixels)
        throw unusable(std::to_string(png.width) + "\xC3\x97" + std::to_string(png.height) +
                       " pixels is more than a logo needs (at most " + std::to_string(kMaxImageSide) +
                       " pixels a side and " + std::to_string(kMaxImagePixels / 1000000) +
                       " megapixels)");
    const bool alpha = (png.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    const bool colour = (png.format & PNG_FORMAT_FLAG_COLOR) != 0;
    png.format = (colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0U);
    std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(png));
    if (png_image_finish_read(&png, nullptr, pixels.data(), 0, nullptr) == 0)
        throw unusable(png.message); // also frees
    png_image_free(&png);

    const std::size_t count = std::size_t{png.width} * png.height;
    const std::size_t channels = colour ? 3 : 1;
    std::vector<std::uint8_t> colourPlane;
    std::vector<std::uint8_t> alphaPlane;
    if (alpha) {
        colourPlane.resize(count * channels);
        alphaPlane.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            std::copy_n(pixels.data() + i * (channels + 1), channels, colourPlane.data() + i * channels);
            alphaPlane[i] = pixels[i * (channels + 1) + channels];
        }
    } else {
        colourPlane = std::move(pixels);
    }
    const std::string what = "loading image " + file.string();
    HPDF_Image image = HPDF_LoadRawImageFromMem(m_doc, colourPlane.data(), png.width, png.height,
                                                colour ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
    check(what);
    if (image == nullptr)
        throw RenderError("image could not be loaded: " + file.string());
    image->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (alpha) {
        HPDF_Image mask =
            HPDF_LoadRawImageFromMem(m_doc, alphaPlane.data(), png.width, png.height, HPDF_CS_DEVICE_GRAY, 8);
        check(what);
        if (mask == nullptr)
            throw RenderError("image could not be loaded: " + file.string());
        mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Image_AddSMask(image, mask);
        check(what);
    }
    return PdfImage{image, static_cast<float>(png.width), static_cast<float>(png.height)};
}

// libharu reads a JPEG's markers itself (no decoding, no libjpeg) and embeds the file as it is;
// its errors come back through the callback. Only the size is bounded here.
PdfImage PdfDocument::loadJpeg(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file)
{
    HPDF_Image image = HPDF_LoadJpegImageFromMem(m_doc, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
    check("loading image " + file.string());
    if (image == nullptr)
        throw RenderError("image could not be loaded: " + file.string());
    const HPDF_Point pixels = HPDF_Image_GetSize(image);
    check("loading image " + file.string());
    if (pixels.x <= 0 || pixels.y <= 0)
        throw RenderError("image has no pixels: " + file.string());
    if (pixels.x > kMaxImageSide || pixels.y > kMaxImageSide)
        throw RenderError("the JPEG image " + file.string() + " is larger than " + std::to_string(kMaxImageSide) +
                          " pixels a side, more than a logo needs");
    return PdfImage{image, pixels.x, pixels.y};
}

PdfPage PdfDocument::addPage(float width, float height)
{
    HPDF_Page page = HPDF_AddPage(m_doc);
    check("adding a page");
    HPDF_Page_SetWidth(page, width);
    HPDF_Page_SetHeight(page, height);
    check("sizing a page");
    return PdfPage(*this, page, width, height);
}

void PdfDocument::setLanguage(std::string_view tag)
{
    const std::string text(tag);
    HPDF_String lang = HPDF_String_New(m_doc->mmgr, text.c_str(), nullptr);
    if (lang == nullptr || HPDF_Dict_Add(m_doc->catalog, "Lang", lang) != HPDF_OK)
        check("setting the document language");
    check("setting the document language");
}

void PdfDocument::setInfo(std::string_view title, std::string_view author, std::string_view subject)
{
    // Info strings go through the current (UTF-8) encoder.
    const auto set = [this](HPDF_InfoType type, std::string_view value) {
        if (value.empty())
            return;
        const std::string text(value);
        HPDF_SetInfoAttr(m_doc, type, text.c_str());
        check("setting document information");
    };
    set(HPDF_INFO_TITLE, title);
    set(HPDF_INFO_AUTHOR, author);
    set(HPDF_INFO_SUBJECT, subject);
    set(HPDF_INFO_CREATOR, "HipRx");
}

float PdfDocument::textWidth(const FontFace& face, float size, std::string_view text)
{
    auto& advances = m_advances[face.font];
    float units = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t code = nextCodePoint(text, i);
        auto found = advances.find(code);
        if (found == advances.end()) {
            const HPDF_TextWidth width =
                HPDF_Font_TextWidth(face.font, reinterpret_cast<const HPDF_BYTE*>(text.data() + start),
                                    static_cast<HPDF_UINT>(i - start));
            check("measuring text");
            found = advances.emplace(code, static_cast<float>(width.width)).first;
        }
        units += found->second;
    }
    // Widths are in 1/1000 of the font size (libharu applies no kerning, so they simply add up).
    // Synthetic bold's stroke reaches only half a line width past each end, less than a space, so
    // it is left out: widths must add up word by word.
    return units * size / 1000.0F;
}

std::vector<std::uint8_t> PdfDocument::save()
{
    HPDF_SaveToStream(m_doc);
    check("writing the PDF");
    std::vector<std::uint8_t> out(HPDF_GetStreamSize(m_doc));
    HPDF_ResetStream(m_doc);
    std::size_t filled = 0;
    while (filled < out.size()) {
        auto chunk = static_cast<HPDF_UINT32>(out.size() - filled);
        const HPDF_STATUS status = HPDF_ReadFromStream(m_doc, out.data() + filled, &chunk);
        filled += chunk;
        if (status == HPDF_STREAM_EOF || chunk == 0)
            break;
        check("reading the PDF back");
    }
    // Reaching the end of the stream is reported as an error too; it is not one here.
    *m_error = {};
    HPDF_ResetError(m_doc);
    out.resize(filled);
    return out;
}

} // namespace hiprx::render
