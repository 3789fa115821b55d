// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/picture.h"

#include "render/pdf_document.h"
#include "render/render_error.h"

#include <png.h>
#include <turbojpeg.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace hiprx::render {

namespace {

/// Print resolution the PDF copy of a picture is made for.
constexpr float kPrintDpi = 300.0F;
/// JPEG quality of a picture scaled down on import and of the PDF copy: no visible loss on paper.
constexpr int kJpegQuality = 88;

/// A reason a picture cannot be used; turned into an InputError (or a problem) at the caller's field.
struct Unusable {
    std::string why;
};

std::string pixelsText(std::uint64_t width, std::uint64_t height)
{
    return std::to_string(width) + "\xC3\x97" + std::to_string(height) + " pixels";
}

void checkSize(std::uint64_t width, std::uint64_t height, std::uint64_t maxPixels)
{
    if (width == 0 || height == 0)
        throw Unusable{"the picture has no pixels"};
    if (width > PictureFileLimits::kMaxSide || height > PictureFileLimits::kMaxSide || width * height > maxPixels)
        throw Unusable{"the picture is " + pixelsText(width, height) + ", more than HipRx can take (at most " +
                       std::to_string(PictureFileLimits::kMaxSide) + " pixels a side and " +
                       std::to_string(maxPixels / 1'000'000) + " megapixels); make it smaller first"};
}

Pixels decodePng(std::span<const std::uint8_t> bytes)
{
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    // png_image_free is safe to call twice and after a failed call (the simplified API frees on error).
    const auto fail = [&png](const std::string& why) {
        png_image_free(&png);
        return Unusable{why};
    };
    if (png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()) == 0)
        throw fail(std::string("the PNG file is damaged (") + png.message + ")");
    try {
        checkSize(png.width, png.height, PictureFileLimits::kMaxPngPixels);
    } catch (const Unusable& e) {
        throw fail(e.why);
    }
    const bool alpha = (png.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    const bool colour = (png.format & PNG_FORMAT_FLAG_COLOR) != 0;
    png.format = (colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0U);
    Pixels out;
    out.width = static_cast<int>(png.width);
    out.height = static_cast<int>(png.height);
    out.channels = (colour ? 3 : 1) + (alpha ? 1 : 0);
    out.data.resize(PNG_IMAGE_SIZE(png));
    if (png_image_finish_read(&png, nullptr, out.data.data(), 0, nullptr) == 0)
        throw fail(std::string("the PNG file is damaged (") + png.message + ")");
    png_image_free(&png);
    return out;
}

/// A TurboJPEG handle freed on every path.
struct TjHandle {
    explicit TjHandle(tjhandle h) : handle(h)
    {
        if (handle == nullptr)
            throw Error("the JPEG library could not start (out of memory?)");
    }
    ~TjHandle() { tjDestroy(handle); }
    TjHandle(const TjHandle&) = delete;
    TjHandle& operator=(const TjHandle&) = delete;
    tjhandle handle;
};

Pixels decodeJpeg(std::span<const std::uint8_t> bytes, int atLeastSide)
{
    TjHandle tj(tjInitDecompress());
    int width = 0;
    int height = 0;
    int subsampling = 0;
    int colourspace = 0;
    if (tjDecompressHeader3(tj.handle, bytes.data(), static_cast<unsigned long>(bytes.size()), &width, &height,
                            &subsampling, &colourspace) != 0)
        throw Unusable{std::string("the JPEG file is damaged (") + tjGetErrorStr2(tj.handle) + ")"};
    checkSize(static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height),
              PictureFileLimits::kMaxJpegPixels);
    if (colourspace == TJCS_CMYK || colourspace == TJCS_YCCK)
        throw Unusable{"the JPEG file is in CMYK (made for a print shop); save it as an ordinary RGB JPEG or a PNG"};

    // The smallest reduction libjpeg offers that keeps the longer side at least atLeastSide.
    int scaledW = width;
    int scaledH = height;
    int factors = 0;
    if (const tjscalingfactor* sf = tjGetScalingFactors(&factors); sf != nullptr && atLeastSide > 0) {
        for (int i = 0; i < factors; ++i) {
            if (sf[i].num >= sf[i].denom)
                continue;
            const int w = TJSCALED(width, sf[i]);
            const int h = TJSCALED(height, sf[i]);
            if (std::max(w, h) >= atLeastSide && w < scaledW) {
                scaledW = w;
                scaledH = h;
            }
        }
    }
    const bool grey = colourspace == TJCS_GRAY;
    Pixels out;
    out.width = scaledW;
    out.height = scaledH;
    out.channels = grey ? 1 : 3;
    out.data.resize(static_cast<std::size_t>(scaledW) * static_cast<std::size_t>(scaledH) *
                    static_cast<std::size_t>(out.channels));
    // A warning (a truncated file, bad data) counts as damage: what would print is not the picture.
    if (tjDecompress2(tj.handle, bytes.data(), static_cast<unsigned long>(bytes.size()), out.data.data(), scaledW, 0,
                      scaledH, grey ? TJPF_GRAY : TJPF_RGB, TJFLAG_ACCURATEDCT | TJFLAG_LIMITSCANS) != 0)
        throw Unusable{std::string("the JPEG file is damaged (") + tjGetErrorStr2(tj.handle) + ")"};
    return out;
}

Pixels decodeOrThrowUnusable(std::span<const std::uint8_t> bytes, core::PictureType type, int atLeastSide)
{
    if (bytes.size() > PictureFileLimits::kMaxFileBytes)
        throw Unusable{"the file is " + std::to_string(bytes.size() / (1024 * 1024)) + " MB, more than the " +
                       std::to_string(PictureFileLimits::kMaxFileBytes / (1024 * 1024)) + " MB HipRx takes"};
    const auto sniffed = sniffPictureType(bytes);
    if (!sniffed)
        throw Unusable{"the file is not a PNG or JPEG picture"};
    if (*sniffed != type)
        throw Unusable{std::string("the file is a ") + (*sniffed == core::PictureType::Png ? "PNG" : "JPEG") +
                       " picture, not a " + (type == core::PictureType::Png ? "PNG" : "JPEG") + " as its type says"};
    return type == core::PictureType::Png ? decodePng(bytes) : decodeJpeg(bytes, atLeastSide);
}

/// One axis of an area-average resampling: each output sample averages the input samples its
/// footprint covers, weighted by how much of each it covers.
struct AxisWeights {
    std::vector<int> first;
    std::vector<std::vector<float>> weights;
};

AxisWeights axisWeights(int from, int to)
{
    AxisWeights axis;
    const double scale = static_cast<double>(from) / to;
    for (int o = 0; o < to; ++o) {
        const double start = o * scale;
        const double end = (o + 1) * scale;
        const int i0 = static_cast<int>(std::floor(start));
        const int i1 = std::min(from, static_cast<int>(std::ceil(end)));
        std::vector<float> w;
        for (int i = i0; i < i1; ++i)
            w.push_back(static_cast<float>((std::min<double>(end, i + 1) - std::max<double>(start, i)) / scale));
        axis.first.push_back(i0);
        axis.weights.push_back(std::move(w));
    }
    return axis;
}

/// `pixels` scaled to exactly `width` × `height` (smaller or equal in both).
Pixels resample(const Pixels& in, int width, int height)
{
    const int c = in.channels;
    const AxisWeights xs = axisWeights(in.width, width);
    const AxisWeights ys = axisWeights(in.height, height);
    std::vector<float> rows(static_cast<std::size_t>(width) * in.height * c);
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* src = in.data.data() + static_cast<std::size_t>(y) * in.width * c;
        float* dst = rows.data() + static_cast<std::size_t>(y) * width * c;
        for (int x = 0; x < width; ++x)
            for (std::size_t k = 0; k < xs.weights[x].size(); ++k)
                for (int ch = 0; ch < c; ++ch)
                    dst[x * c + ch] += xs.weights[x][k] * src[(xs.first[x] + static_cast<int>(k)) * c + ch];
    }
    Pixels out;
    out.width = width;
    out.height = height;
    out.channels = c;
    out.data.resize(static_cast<std::size_t>(width) * height * c);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width * c; ++x) {
            float sum = 0;
            for (std::size_t k = 0; k < ys.weights[y].size(); ++k)
                sum += ys.weights[y][k] * rows[(static_cast<std::size_t>(ys.first[y]) + k) * width * c + x];
            out.data[static_cast<std::size_t>(y) * width * c + x] =
                static_cast<std::uint8_t>(std::clamp(std::lround(sum), 0L, 255L));
        }
    }
    return out;
}

/// `pixels` scaled to fit `maxWidth` × `maxHeight`, proportions kept; as given when it fits.
Pixels fitInto(const Pixels& pixels, int maxWidth, int maxHeight)
{
    if (pixels.width <= maxWidth && pixels.height <= maxHeight)
        return pixels;
    const double scale = std::min(static_cast<double>(maxWidth) / pixels.width,
                                  static_cast<double>(maxHeight) / pixels.height);
    const int width = std::max(1, static_cast<int>(std::lround(pixels.width * scale)));
    const int height = std::max(1, static_cast<int>(std::lround(pixels.height * scale)));
    return resample(pixels, std::min(width, maxWidth), std::min(height, maxHeight));
}

/// Colour (or grey) without alpha, laid on white, and the alpha plane if there was one.
std::pair<Pixels, std::vector<std::uint8_t>> splitAlpha(const Pixels& in)
{
    if (in.channels == 1 || in.channels == 3)
        return {in, {}};
    const int colour = in.channels - 1;
    const std::size_t count = static_cast<std::size_t>(in.width) * in.height;
    Pixels out{in.width, in.height, colour, std::vector<std::uint8_t>(count * colour)};
    std::vector<std::uint8_t> alpha(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::copy_n(in.data.data() + i * in.channels, colour, out.data.data() + i * colour);
        alpha[i] = in.data[i * in.channels + colour];
    }
    return {std::move(out), std::move(alpha)};
}

/// Laid on white (a JPEG has no transparency).
Pixels onWhite(const Pixels& in)
{
    if (in.channels == 1 || in.channels == 3)
        return in;
    const int colour = in.channels - 1;
    const std::size_t count = static_cast<std::size_t>(in.width) * in.height;
    Pixels out{in.width, in.height, colour, std::vector<std::uint8_t>(count * colour)};
    for (std::size_t i = 0; i < count; ++i) {
        const int a = in.data[i * in.channels + colour];
        for (int ch = 0; ch < colour; ++ch)
            out.data[i * colour + ch] =
                static_cast<std::uint8_t>((in.data[i * in.channels + ch] * a + 255 * (255 - a) + 127) / 255);
    }
    return out;
}

} // namespace

std::optional<core::PictureType> sniffPictureType(std::span<const std::uint8_t> bytes)
{
    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() >= sizeof kPng && std::equal(std::begin(kPng), std::end(kPng), bytes.begin()))
        return core::PictureType::Png;
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        return core::PictureType::Jpeg;
    return std::nullopt;
}

Pixels decodePicture(std::span<const std::uint8_t> bytes, core::PictureType type, const std::string& field,
                     int atLeastSide)
{
    try {
        return decodeOrThrowUnusable(bytes, type, atLeastSide);
    } catch (const Unusable& e) {
        throw InputError(field, field + ": " + e.why);
    }
}

Pixels fitWithin(const Pixels& pixels, int maxSide)
{
    return fitInto(pixels, maxSide, maxSide);
}

std::vector<std::uint8_t> encodePicture(const Pixels& pixels, core::PictureType type)
{
    if (type == core::PictureType::Png) {
        png_image png{};
        png.version = PNG_IMAGE_VERSION;
        png.width = static_cast<png_uint_32>(pixels.width);
        png.height = static_cast<png_uint_32>(pixels.height);
        static constexpr png_uint_32 kFormats[] = {PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB, PNG_FORMAT_RGBA};
        png.format = kFormats[std::clamp(pixels.channels, 1, 4) - 1];
        png_alloc_size_t size = 0;
        if (png_image_write_to_memory(&png, nullptr, &size, 0, pixels.data.data(), 0, nullptr) == 0)
            throw Error(std::string("the picture could not be written as PNG: ") + png.message);
        std::vector<std::uint8_t> out(size);
        if (png_image_write_to_memory(&png, out.data(), &size, 0, pixels.data.data(), 0, nullptr) == 0)
            throw Error(std::string("the picture could not be written as PNG: ") + png.message);
        out.resize(size);
        return out;
    }
    const Pixels flat = onWhite(pixels);
    TjHandle tj(tjInitCompress());
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    const bool grey = flat.channels == 1;
    const int result = tjCompress2(tj.handle, flat.data.data(), flat.width, 0, flat.height, grey ? TJPF_GRAY : TJPF_RGB,
                                   &buffer, &size, grey ? TJSAMP_GRAY : TJSAMP_420, kJpegQuality, TJFLAG_ACCURATEDCT);
    const std::unique_ptr<unsigned char, void (*)(unsigned char*)> owned(buffer, tjFree);
    if (result != 0)
        throw Error(std::string("the picture could not be written as JPEG: ") + tjGetErrorStr2(tj.handle));
    return {buffer, buffer + size};
}

core::ExercisePicture preparePicture(std::vector<std::uint8_t> bytes, const std::string& field)
{
    const auto type = sniffPictureType(bytes);
    if (!type)
        throw InputError(field, field + ": the file is not a PNG or JPEG picture");
    const int maxSide = core::PictureLimits::kMaxSide;
    Pixels pixels = decodePicture(bytes, *type, field, maxSide);
    core::ExercisePicture picture;
    picture.type = *type;
    if (std::max(pixels.width, pixels.height) > maxSide) {
        pixels = fitWithin(pixels, maxSide);
        bytes = encodePicture(pixels, *type);
    } else if (bytes.size() > core::PictureLimits::kMaxStoredBytes) {
        bytes = encodePicture(pixels, *type); // small in pixels but bloated (metadata, no compression)
    }
    picture.width = pixels.width;
    picture.height = pixels.height;
    picture.bytes = std::move(bytes);
    if (picture.bytes.size() > core::PictureLimits::kMaxStoredBytes)
        throw InputError(field, field + ": even at " + pixelsText(picture.width, picture.height) +
                                    " the picture takes more than " +
                                    std::to_string(core::PictureLimits::kMaxStoredBytes / (1024 * 1024)) +
                                    " MB; save it as a JPEG");
    return picture;
}

std::vector<FieldProblem> checkPicture(const core::ExercisePicture& picture, const std::string& path)
{
    std::vector<FieldProblem> problems = core::validatePicture(picture, path);
    if (!problems.empty())
        return problems;
    try {
        const Pixels pixels = decodeOrThrowUnusable(picture.bytes, picture.type, 0);
        if (pixels.width != picture.width || pixels.height != picture.height) {
            const std::string at = path + ".width";
            problems.push_back({at, at + ": the picture is " + pixelsText(pixels.width, pixels.height) + ", not " +
                                        std::to_string(picture.width) + "\xC3\x97" + std::to_string(picture.height) +
                                        " as written"});
        }
    } catch (const Unusable& e) {
        const std::string at = path + ".data";
        problems.push_back({at, at + ": " + e.why});
    }
    return problems;
}

PdfImage embedPicture(PdfDocument& document, const core::ExercisePicture& picture, float widthPt, float heightPt)
{
    const int maxW = std::max(1, static_cast<int>(std::ceil(widthPt * kPrintDpi / 72.0F)));
    const int maxH = std::max(1, static_cast<int>(std::ceil(heightPt * kPrintDpi / 72.0F)));
    const Pixels pixels =
        fitInto(decodePicture(picture.bytes, picture.type, "picture", std::max(maxW, maxH)), maxW, maxH);
    const std::string what = "placing an exercise picture";
    if (picture.type == core::PictureType::Jpeg) {
        // Our own baseline JPEG at print size: small, and libharu reads its markers safely.
        const std::vector<std::uint8_t> jpeg = encodePicture(pixels, core::PictureType::Jpeg);
        HPDF_Image image =
            HPDF_LoadJpegImageFromMem(document.handle(), jpeg.data(), static_cast<HPDF_UINT>(jpeg.size()));
        document.check(what);
        if (image == nullptr)
            throw RenderError("an exercise picture could not be placed in the PDF");
        return PdfImage{image, static_cast<float>(pixels.width), static_cast<float>(pixels.height)};
    }
    const auto [colour, alpha] = splitAlpha(pixels);
    HPDF_Image image =
        HPDF_LoadRawImageFromMem(document.handle(), colour.data.data(), static_cast<HPDF_UINT>(colour.width),
                                 static_cast<HPDF_UINT>(colour.height),
                                 colour.channels == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
    document.check(what);
    if (image == nullptr)
        throw RenderError("an exercise picture could not be placed in the PDF");
    image->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (!alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(document.handle(), alpha.data(), static_cast<HPDF_UINT>(colour.width),
                                                   static_cast<HPDF_UINT>(colour.height), HPDF_CS_DEVICE_GRAY, 8);
        document.check(what);
        if (mask == nullptr)
            throw RenderError("an exercise picture could not be placed in the PDF");
        mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Image_AddSMask(image, mask);
        document.check(what);
    }
    return PdfImage{image, static_cast<float>(colour.width), static_cast<float>(colour.height)};
}

Box fitPicture(int width, int height, const Box& box)
{
    if (width <= 0 || height <= 0 || box.width <= 0 || box.height <= 0)
        return {box.x, box.y, 0, 0};
    const float scale = std::min(box.width / static_cast<float>(width), box.height / static_cast<float>(height));
    const float w = static_cast<float>(width) * scale;
    const float h = static_cast<float>(height) * scale;
    return {box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h};
}

PictureFigures::PictureFigures(std::map<std::string, core::ExercisePicture, std::less<>> pictures,
                               const FigureDrawer* figures, std::function<void(const std::string&)> warn)
    : m_pictures(std::move(pictures)), m_figures(figures), m_warn(std::move(warn))
{
}

bool PictureFigures::has(std::string_view figureId) const
{
    return m_pictures.find(figureId) != m_pictures.end() || (m_figures != nullptr && m_figures->has(figureId));
}

bool PictureFigures::draw(std::string_view figureId, Canvas& canvas, const Box& box) const
{
    return drawForSide(figureId, canvas, box, false);
}

bool PictureFigures::drawForSide(std::string_view figureId, Canvas& canvas, const Box& box, bool mirrored) const
{
    if (const auto found = m_pictures.find(figureId); found != m_pictures.end()) {
        const core::ExercisePicture& picture = found->second;
        if (canvas.picture(picture, fitPicture(picture.width, picture.height, box)))
            return true;
        if (m_warn)
            m_warn("The picture of the exercise \"" + std::string(figureId) +
                   "\" could not be drawn (it does not decode); it is left out.");
    }
    return m_figures != nullptr && m_figures->has(figureId) && m_figures->drawForSide(figureId, canvas, box, mirrored);
}

} // namespace hiprx::render
