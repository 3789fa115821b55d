// SPDX-License-Identifier: GPL-3.0-or-later
//
// A clinic logo that cannot be used never takes the process down and never costs the handout:
// damaged, truncated or absurdly large PNGs are left out with a warning (issue 19, item 3).
#include "render/home_program.h"

#include "pdf_tools.h"
#include "render/render_error.h"
#include "render_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <png.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace hiprx::render {
namespace {

using render::pdfcheck::TempDir;
using ::testing::HasSubstr;

using Bytes = std::vector<std::uint8_t>;

/// A real PNG of `width` × `height` pixels with an alpha channel, written by libpng.
Bytes makePng(std::uint32_t width, std::uint32_t height)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_RGBA;
    std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<std::uint8_t>(i * 7 % 251);
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
    Bytes out(size);
    EXPECT_NE(png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr), 0);
    out.resize(size);
    return out;
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

void putBigEndian(Bytes& bytes, std::size_t at, std::uint32_t value)
{
    bytes[at] = static_cast<std::uint8_t>(value >> 24);
    bytes[at + 1] = static_cast<std::uint8_t>(value >> 16);
    bytes[at + 2] = static_cast<std::uint8_t>(value >> 8);
    bytes[at + 3] = static_cast<std::uint8_t>(value);
}

/// `png` with its IHDR claiming `width` × `height` (CRC corrected, so only the size is wrong).
Bytes withHeaderSize(Bytes png, std::uint32_t width, std::uint32_t height)
{
    // signature (8), IHDR length (4), "IHDR" (4), width at 16, height at 20, CRC at 29.
    putBigEndian(png, 16, width);
    putBigEndian(png, 20, height);
    putBigEndian(png, 29, crc32(png.data() + 12, 17));
    return png;
}

class Logo : public ::testing::Test {
protected:
    /// Renders a one-exercise handout with `logo` as the clinic logo; returns the PDF.
    Bytes renderWith(const Bytes& logo)
    {
        const auto file = m_dir.path() / "logo.png";
        std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(logo.data()),
                                                    static_cast<std::streamsize>(logo.size()));
        HomeProgramInput in = fixtures::input("Ana Ruiz", 1, core::Urgency::None);
        in.branding.logoPath = file.string();
        RenderResources resources = defaultResources(fixtures::templatesDir());
        resources.warn = [this](const std::string& w) { m_warnings.push_back(w); };
        return renderHomeProgram(in, PageSize::A4, resources);
    }

    static bool hasImage(const Bytes& pdf)
    {
        const std::string text(pdf.begin(), pdf.end());
        return text.find("/Subtype /Image") != std::string::npos;
    }

    TempDir m_dir;
    std::vector<std::string> m_warnings;
};

TEST_F(Logo, AGoodPngWithTransparencyIsEmbeddedWithItsMask)
{
    const Bytes pdf = renderWith(makePng(240, 96));
    EXPECT_TRUE(m_warnings.empty()) << m_warnings.front();
    EXPECT_TRUE(hasImage(pdf));
    const std::string text(pdf.begin(), pdf.end());
    EXPECT_NE(text.find("/SMask"), std::string::npos);
}

TEST_F(Logo, ATruncatedPngIsLeftOutWithAWarning)
{
    Bytes png = makePng(240, 96);
    png.resize(png.size() / 2);
    const Bytes pdf = renderWith(png);
    ASSERT_EQ(m_warnings.size(), 1U);
    EXPECT_THAT(m_warnings[0], HasSubstr("logo.png"));
    EXPECT_THAT(m_warnings[0], HasSubstr("left out"));
    EXPECT_FALSE(hasImage(pdf));
}

TEST_F(Logo, APngWithADamagedHeaderIsLeftOutWithAWarning)
{
    Bytes png = makePng(16, 16);
    png[20] ^= 0x55; // IHDR height, CRC now wrong
    EXPECT_FALSE(hasImage(renderWith(png)));
    EXPECT_EQ(m_warnings.size(), 1U);

    m_warnings.clear();
    // A valid CRC over an impossible size: 2^31-1 pixels wide.
    EXPECT_FALSE(hasImage(renderWith(withHeaderSize(makePng(16, 16), 0x7FFFFFFFU, 16))));
    EXPECT_EQ(m_warnings.size(), 1U);
}

TEST_F(Logo, AHugePngIsRefusedQuicklyWithoutDecodingIt)
{
    // A 20000 × 20000 logo took 16 s and 1.2 GB; its header alone is enough to refuse it.
    const auto start = std::chrono::steady_clock::now();
    const Bytes pdf = renderWith(withHeaderSize(makePng(64, 64), 20000, 20000));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_EQ(m_warnings.size(), 1U);
    EXPECT_THAT(m_warnings[0], HasSubstr("20000"));
    EXPECT_FALSE(hasImage(pdf));
    EXPECT_LT(elapsed, std::chrono::seconds(3));
}

TEST_F(Logo, APngJustWithinTheBoundsIsStillUsed)
{
    EXPECT_TRUE(hasImage(renderWith(makePng(1800, 600))));
    EXPECT_TRUE(m_warnings.empty());
}

} // namespace
} // namespace hiprx::render
