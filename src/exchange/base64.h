// SPDX-License-Identifier: GPL-3.0-or-later
//
// Base64 (RFC 4648, standard alphabet, with padding): how a picture travels inside a JSON file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::exchange {

/// The bytes as one base64 line.
std::string encodeBase64(const std::vector<std::uint8_t>& bytes);

/// The bytes of a base64 text; nothing when it is not strict base64 (other characters, wrong
/// padding or length). Line breaks are not accepted: the writer never makes them.
std::optional<std::vector<std::uint8_t>> decodeBase64(std::string_view text);

} // namespace hiprx::exchange
