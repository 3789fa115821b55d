// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/qr_code.h"

#include "render/render_error.h"

#include <gtest/gtest.h>

namespace hiprx::render {
namespace {

// A finder pattern: a 7×7 dark ring, a light ring inside it, and a dark 3×3 centre.
bool finderAt(const QrCode& qr, int left, int top)
{
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (qr.dark(left + x, top + y) != (ring || centre))
                return false;
        }
    return true;
}

TEST(QrCode, EncodesALinkAsAValidSymbol)
{
    const QrCode qr = QrCode::encode("https://example.org/v/hip-flexor-stretch");
    EXPECT_EQ((qr.size - 17) % 4, 0) << "QR sizes are 21, 25, 29, …";
    EXPECT_GE(qr.size, 29);
    EXPECT_TRUE(finderAt(qr, 0, 0));
    EXPECT_TRUE(finderAt(qr, qr.size - 7, 0));
    EXPECT_TRUE(finderAt(qr, 0, qr.size - 7));
    EXPECT_FALSE(finderAt(qr, qr.size - 7, qr.size - 7));
}

TEST(QrCode, RefusesEmptyAndOverlongText)
{
    EXPECT_THROW(QrCode::encode(""), RenderError);
    EXPECT_THROW(QrCode::encode(std::string(5000, 'x')), RenderError);
}

} // namespace
} // namespace hiprx::render
