// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace hiprx::core {

/// `pattern` with each `{key}` replaced by its value; an unknown placeholder (a typo such as
/// {firstname}) stays as written, so whoever edits a template sees it. Used by the PDF templates and
/// the email templates.
std::string fillPlaceholders(std::string_view pattern,
                             std::initializer_list<std::pair<std::string_view, std::string_view>> values);

/// `text` with ASCII letters in lower case (other bytes, such as UTF-8, unchanged): for matching
/// words in notes and templates without regard to case.
std::string asciiLower(std::string_view text);

} // namespace hiprx::core
