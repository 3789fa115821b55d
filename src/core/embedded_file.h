// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string_view>

namespace hiprx {

/// A text file compiled into the binary (see cmake/EmbedFiles.cmake).
struct EmbeddedFile {
    std::string_view name;
    std::string_view content;
};

} // namespace hiprx
