// SPDX-License-Identifier: GPL-3.0-or-later
//
// A clinic exercise's picture: checked and scaled down on import, never handed to libharu
// undecoded, and drawn on the handout card in place of the figure (steps and dose unchanged).
#include "render/picture.h"

#include "pdf_tools.h"
#include "recording_canvas.h"
#include "render/home_program.h"
#include "render_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace hiprx::render {
namespace {

using ::testing::HasSubstr;
using Bytes = std::vector<std::uint8_t>;

/// A picture with a pattern, `channels` 1–4, encoded as `type`.
Bytes makePicture(int width, int height, core::PictureType type, int channels = 3)
{
    Pixels p{width, height, channels, {}};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                p.data.push_back(static_cast<std::uint8_t>(c == 3 ? 255 - x % 256 : (x * (c + 1) + y * 3) % 256));
    return encodePicture(p, type);
}

std::uint32_t crc32(const std::uint8_t* data, std::size_t size)
{
    std::uint32_t crc = 0xFFFFFFFFU;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
    }
    return ~crc;
}

/// `png` with its IHDR claiming `width` × `height` (CRC corrected, so only the size is wrong).
Bytes withHeaderSize(Bytes png, std::uint32_t width, std::uint32_t height)
{
    const auto put = [&png](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            png[at + i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
    };
    put(16, width);
    put(20, height);
    put(29, crc32(png.data() + 12, 17));
    return png;
}

std::string messageOf(const std::function<void()>& work)
{
    try {
        work();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

/// A canvas that records the pictures it is asked to draw.
class PictureCanvas final : public Canvas {
public:
    void setStrokeColor(const Rgb&) override {}
    void setFillColor(const Rgb&) override {}
    void setLineWidth(float) override {}
    void setRoundLines(bool) override {}
    void moveTo(Point) override { ++paths; }
    void lineTo(Point) override { ++paths; }
    void curveTo(Point, Point, Point) override { ++paths; }
    void closePath() override {}
    void rectangle(const Box&) override { ++paths; }
    void circle(Point, float) override { ++paths; }
    void stroke() override {}
    void fill() override {}
    void fillAndStroke() override {}
    bool picture(const core::ExercisePicture& picture, const Box& box) override
    {
        pictures.push_back({picture.width, box});
        return true;
    }
    int paths = 0;
    std::vector<std::pair<int, Box>> pictures;
};

/// A figure drawer that knows one id and draws a line for it.
class OneFigure final : public FigureDrawer {
public:
    bool has(std::string_view id) const override { return id == "towel_slide"; }
    bool draw(std::string_view id, Canvas& canvas, const Box& box) const override
    {
        if (!has(id))
            return false;
        canvas.moveTo({box.x, box.y});
        canvas.lineTo({box.x + box.width, box.y + box.height});
        canvas.stroke();
        return true;
    }
};

core::ExercisePicture stored(const Bytes& bytes, core::PictureType type, int width, int height)
{
    return core::ExercisePicture{type, width, height, bytes};
}

} // namespace

TEST(Picture, ASmallPictureIsKeptByteForByte)
{
    for (const auto type : {core::PictureType::Png, core::PictureType::Jpeg}) {
        const Bytes file = makePicture(640, 480, type);
        const core::ExercisePicture picture = preparePicture(file, "--picture");
        EXPECT_EQ(picture.type, type);
        EXPECT_EQ(picture.width, 640);
        EXPECT_EQ(picture.height, 480);
        EXPECT_EQ(picture.bytes, file);
        EXPECT_TRUE(checkPicture(picture, "exercises[0].picture").empty());
    }
}

TEST(Picture, ALargePictureIsScaledDownInItsOwnFormat)
{
    const core::ExercisePicture jpeg = preparePicture(makePicture(4000, 3000, core::PictureType::Jpeg), "--picture");
    EXPECT_EQ(jpeg.type, core::PictureType::Jpeg);
    EXPECT_EQ(jpeg.width, 1200);
    EXPECT_EQ(jpeg.height, 900);
    EXPECT_TRUE(checkPicture(jpeg, "p").empty());

    const core::ExercisePicture png = preparePicture(makePicture(900, 2400, core::PictureType::Png, 4), "--picture");
    EXPECT_EQ(png.type, core::PictureType::Png);
    EXPECT_EQ(png.width, 450);
    EXPECT_EQ(png.height, 1200);
    EXPECT_TRUE(checkPicture(png, "p").empty());
}

TEST(Picture, WhatIsNotASanePictureIsRefusedInWords)
{
    const std::string text = "plain text";
    EXPECT_EQ(messageOf([&] { preparePicture(Bytes(text.begin(), text.end()), "--picture"); }),
              "--picture: the file is not a PNG or JPEG picture");

    const Bytes huge = withHeaderSize(makePicture(8, 8, core::PictureType::Png), 30000, 30000);
    EXPECT_THAT(messageOf([&] { preparePicture(huge, "--picture"); }),
                HasSubstr("--picture: the picture is 30000×30000 pixels, more than HipRx can take"));

    Bytes truncated = makePicture(300, 200, core::PictureType::Jpeg);
    truncated.resize(truncated.size() / 2);
    EXPECT_THAT(messageOf([&] { preparePicture(truncated, "--picture"); }),
                HasSubstr("--picture: the JPEG file is damaged"));

    Bytes damagedPng = makePicture(300, 200, core::PictureType::Png);
    damagedPng.resize(damagedPng.size() / 2);
    EXPECT_THAT(messageOf([&] { preparePicture(damagedPng, "--picture"); }), HasSubstr("the PNG file is damaged"));
}

TEST(Picture, AStoredRecordMustDecodeToTheSizeItClaims)
{
    const Bytes file = makePicture(64, 32, core::PictureType::Png);
    const auto problems = checkPicture(stored(file, core::PictureType::Png, 64, 33), "exercises[1].picture");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "exercises[1].picture.width: the picture is 64×32 pixels, not 64×33 as written");

    const auto wrongType = checkPicture(stored(file, core::PictureType::Jpeg, 64, 32), "p");
    ASSERT_EQ(wrongType.size(), 1u);
    EXPECT_EQ(wrongType[0].path, "p.data");
}

TEST(Picture, FitKeepsProportionsAndCentres)
{
    const Box fitted = fitPicture(400, 300, {10, 20, 500, 136});
    EXPECT_FLOAT_EQ(fitted.height, 136);
    EXPECT_FLOAT_EQ(fitted.width, 136 * 4.0F / 3.0F);
    EXPECT_FLOAT_EQ(fitted.x, 10 + (500 - fitted.width) / 2);
    EXPECT_FLOAT_EQ(fitted.y, 20);
}

TEST(PictureFigures, APictureIsDrawnInPlaceOfTheFigureAndNeverMirrored)
{
    OneFigure figures;
    std::map<std::string, core::ExercisePicture, std::less<>> pictures;
    pictures.emplace("towel_slide", stored(makePicture(400, 300, core::PictureType::Jpeg), core::PictureType::Jpeg,
                                           400, 300));
    const PictureFigures drawer(std::move(pictures), &figures);
    EXPECT_TRUE(drawer.has("towel_slide"));
    EXPECT_FALSE(drawer.has("other"));

    PictureCanvas canvas;
    const Box band{50, 100, 500, 136};
    ASSERT_TRUE(drawer.drawForSide("towel_slide", canvas, band, true));
    ASSERT_EQ(canvas.pictures.size(), 1u);
    EXPECT_EQ(canvas.paths, 0); // the figure is not drawn as well
    const Box& box = canvas.pictures[0].second;
    EXPECT_FLOAT_EQ(box.height, 136);
    EXPECT_FLOAT_EQ(box.x, 50 + (500 - box.width) / 2);

    // A canvas that cannot show pictures gets the figure of the same id instead.
    testing::RecordingCanvas plain;
    std::vector<std::string> warnings;
    const PictureFigures warning(
        {{"towel_slide", stored(makePicture(40, 30, core::PictureType::Png), core::PictureType::Png, 40, 30)}},
        &figures, [&](const std::string& w) { warnings.push_back(w); });
    EXPECT_TRUE(warning.draw("towel_slide", plain, band));
    EXPECT_GT(plain.paints, 0);
    EXPECT_EQ(warnings.size(), 1u);
}

TEST(PictureFigures, TheCardShowsThePictureWithItsStepsAndDose)
{
    HomeProgramInput in = fixtures::input("Ana Ruiz", 1, core::Urgency::None);
    core::ProgramItem& item = in.program.items.at(0);
    item.figureId = "clinic_towel_slide";
    item.name = "Towel slide";
    item.steps = {"Sit with a towel under your foot.", "Slide the foot forward and back.", "Keep the knee soft."};

    RenderResources resources = defaultResources(fixtures::templatesDir());
    std::vector<std::string> warnings;
    resources.warn = [&](const std::string& w) { warnings.push_back(w); };
    const Bytes without = renderHomeProgram(in, PageSize::A4, resources);

    const PictureFigures drawer(
        {{"clinic_towel_slide", preparePicture(makePicture(1200, 900, core::PictureType::Jpeg), "p")}}, nullptr);
    resources.figures = &drawer;
    const Bytes with = renderHomeProgram(in, PageSize::A4, resources);
    EXPECT_TRUE(warnings.empty());

    const auto hasImage = [](const Bytes& pdf) {
        return std::string(pdf.begin(), pdf.end()).find("/Subtype /Image") != std::string::npos;
    };
    EXPECT_FALSE(hasImage(without));
    EXPECT_TRUE(hasImage(with));
    // Downscaled for print: far smaller than the 1200-pixel picture would be.
    EXPECT_LT(with.size(), without.size() + 400'000);

    pdfcheck::TempDir dir;
    const auto file = dir.path() / "card.pdf";
    writeFile(with, file);
    const std::string text = pdfcheck::squeezed(pdfcheck::pdfText(file));
    EXPECT_THAT(text, HasSubstr("Towel slide"));
    EXPECT_THAT(text, HasSubstr("Slide the foot forward and back."));
    const std::string images = pdfcheck::run("pdfimages -list '" + file.string() + "'");
    EXPECT_THAT(images, HasSubstr("jpeg")) << images;
}

} // namespace hiprx::render
