// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

namespace hiprx::render {

/// An sRGB colour with components in 0–1, the form PDF operators take.
struct Rgb {
    float r = 0.0F;
    float g = 0.0F;
    float b = 0.0F;

    /// Parses `#RRGGBB` (case-insensitive); nothing for anything else.
    static std::optional<Rgb> parse(std::string_view hex);

    /// This colour moved `amount` (0–1) of the way towards `other`; used for light tints of the accent.
    Rgb mix(const Rgb& other, float amount) const;

    /// WCAG relative luminance (0 black – 1 white).
    float luminance() const;

    /// Black-ish or white, whichever reads better on this colour as a background.
    Rgb readableTextOn() const;

    friend bool operator==(const Rgb&, const Rgb&) = default;
};

} // namespace hiprx::render
