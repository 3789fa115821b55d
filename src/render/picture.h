// SPDX-License-Identifier: GPL-3.0-or-later
//
// A clinic exercise's picture (a photo or drawing, PNG or JPEG): checked and scaled down when it
// is imported, and drawn on the handout card in place of the stick figure.
//
// Decoding is done here, never by libharu: libharu lets libpng abort() the process on a damaged
// PNG. PNG goes through libpng's simplified API and JPEG through TurboJPEG (libjpeg-turbo), both
// of which report errors as return values (no longjmp or exception crosses our code). libharu only
// ever receives pixels, or a baseline JPEG that TurboJPEG itself has just written.
#pragma once

#include "core/clinic_exercise.h"
#include "core/error.h"
#include "render/canvas.h"

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::render {

class PdfDocument;
struct PdfImage;

/// Bounds on a picture file as the clinic gives it (before it is scaled down to
/// core::PictureLimits::kMaxSide): a phone photo fits; a file that would take gigabytes of memory
/// to decode does not.
struct PictureFileLimits {
    static constexpr std::size_t kMaxFileBytes = 40U * 1024U * 1024U;
    static constexpr int kMaxSide = 20000;
    /// A PNG is decoded whole; a JPEG is decoded already reduced (1/2 … 1/8), so it may be larger.
    static constexpr std::uint64_t kMaxPngPixels = 50'000'000;
    static constexpr std::uint64_t kMaxJpegPixels = 200'000'000;
};

/// Decoded pixels, 8 bits a channel, rows top to bottom: 1 = grey, 2 = grey + alpha, 3 = RGB,
/// 4 = RGBA.
struct Pixels {
    int width = 0;
    int height = 0;
    int channels = 3;
    std::vector<std::uint8_t> data;
};

/// The type of a picture file told by its first bytes, or nothing when it is neither PNG nor JPEG.
std::optional<core::PictureType> sniffPictureType(std::span<const std::uint8_t> bytes);

/// Decodes a PNG or JPEG. A JPEG may come back reduced by 1/2, 1/4 or 1/8 when it stays at least
/// `atLeastSide` pixels on its longer side (0 = full size). Throws InputError at `field` with a
/// sentence saying what is wrong (damaged, not PNG or JPEG, too large, CMYK).
Pixels decodePicture(std::span<const std::uint8_t> bytes, core::PictureType type, const std::string& field,
                     int atLeastSide = 0);

/// `pixels` scaled (area average) to fit `maxSide` on its longer side; as given when it fits.
Pixels fitWithin(const Pixels& pixels, int maxSide);

/// Encodes pixels as PNG (lossless) or JPEG (quality 88, baseline). Throws Error when the encoder fails.
std::vector<std::uint8_t> encodePicture(const Pixels& pixels, core::PictureType type);

/// A picture file ready to store: checked to decode, and when a side is longer than
/// core::PictureLimits::kMaxSide, scaled down and encoded again in its own format; otherwise the
/// bytes exactly as given. Throws InputError at `field` ("--picture") naming what is wrong.
core::ExercisePicture preparePicture(std::vector<std::uint8_t> bytes, const std::string& field);

/// Problems with a stored picture record at `path` (core::validatePicture, and that the data
/// decodes to the width and height it claims). Used by an import before anything is saved.
std::vector<FieldProblem> checkPicture(const core::ExercisePicture& picture, const std::string& path);

/// Embeds a picture in `document`, at a resolution that prints sharply in `size` (points, 300 dpi)
/// and no more. Throws InputError when the picture does not decode, RenderError when libharu fails.
PdfImage embedPicture(PdfDocument& document, const core::ExercisePicture& picture, float widthPt,
                      float heightPt);

/// The box of `width` × `height` pixels scaled to fit inside `box`, centred, proportions kept.
Box fitPicture(int width, int height, const Box& box);

/// Exercise figures with the clinic's pictures in front: a figure id that has a picture (a clinic
/// exercise's own id, core::pictureFigureId) shows the picture, any other id is passed to
/// `figures` (which may be null). A picture is never mirrored: it shows what it shows. When a
/// picture cannot be drawn (a damaged file, a canvas without pictures) the figure of the same id is
/// drawn instead if there is one, and `warn` (when set) is told once per id in a sentence.
class PictureFigures final : public FigureDrawer {
public:
    PictureFigures(std::map<std::string, core::ExercisePicture, std::less<>> pictures, const FigureDrawer* figures,
                   std::function<void(const std::string&)> warn = {});

    bool has(std::string_view figureId) const override;
    bool draw(std::string_view figureId, Canvas& canvas, const Box& box) const override;
    bool drawForSide(std::string_view figureId, Canvas& canvas, const Box& box, bool mirrored) const override;

private:
    std::map<std::string, core::ExercisePicture, std::less<>> m_pictures;
    const FigureDrawer* m_figures;
    std::function<void(const std::string&)> m_warn;
};

} // namespace hiprx::render
