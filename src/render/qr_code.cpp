// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/qr_code.h"

#include "render/render_error.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace hiprx::render {

QrCode QrCode::encode(std::string_view text)
{
    if (text.empty())
        throw RenderError("a QR code needs a link to encode");
    const std::string zeroTerminated(text);
    // Version 0 lets libqrencode pick the smallest symbol; level M survives a smudged print.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(zeroTerminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        throw RenderError("the video link is too long for a QR code (" + std::to_string(text.size()) +
                          " bytes)");
    QrCode out;
    out.size = code->width;
    out.modules.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < out.modules.size(); ++i)
        out.modules[i] = (code->data[i] & 1U) != 0; // bit 0 is the module colour
    return out;
}

} // namespace hiprx::render
