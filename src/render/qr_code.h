// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <vector>

namespace hiprx::render {

/// A QR code as a square of modules (true = dark), without the quiet zone around it.
struct QrCode {
    int size = 0;
    std::vector<bool> modules; ///< row by row, size × size

    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }

    /// Encodes UTF-8 `text` (a video link) at error correction level M through libqrencode.
    /// Throws RenderError when the text is empty or too long for a QR code.
    static QrCode encode(std::string_view text);
};

} // namespace hiprx::render
