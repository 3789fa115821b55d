// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/color.h"

#include <cmath>

namespace hiprx::render {
namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

float linear(float channel)
{
    return channel <= 0.03928F ? channel / 12.92F : std::pow((channel + 0.055F) / 1.055F, 2.4F);
}

} // namespace

std::optional<Rgb> Rgb::parse(std::string_view hex)
{
    if (hex.size() != 7 || hex[0] != '#')
        return std::nullopt;
    float channels[3] = {};
    for (int i = 0; i < 3; ++i) {
        const int hi = hexDigit(hex[static_cast<std::size_t>(1 + 2 * i)]);
        const int lo = hexDigit(hex[static_cast<std::size_t>(2 + 2 * i)]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        channels[i] = static_cast<float>(hi * 16 + lo) / 255.0F;
    }
    return Rgb{channels[0], channels[1], channels[2]};
}

Rgb Rgb::mix(const Rgb& other, float amount) const
{
    return {r + (other.r - r) * amount, g + (other.g - g) * amount, b + (other.b - b) * amount};
}

float Rgb::luminance() const
{
    return 0.2126F * linear(r) + 0.7152F * linear(g) + 0.0722F * linear(b);
}

Rgb Rgb::readableTextOn() const
{
    // Contrast ratio against white is 1.05 / (L + 0.05), against near-black (L ≈ 0.013) it is
    // (L + 0.05) / 0.063; pick the larger so a pale accent gets dark text.
    const float l = luminance();
    const float onWhite = 1.05F / (l + 0.05F);
    const float onDark = (l + 0.05F) / 0.063F;
    return onWhite >= onDark ? Rgb{1.0F, 1.0F, 1.0F} : Rgb{0.11F, 0.11F, 0.11F};
}

} // namespace hiprx::render
