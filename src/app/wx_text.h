// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <wx/string.h>

#include <string>

namespace hiprx::app {

/// The one place UTF-8 std::string (used by every layer below) meets wxString.
inline wxString toWx(const std::string& utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline std::string fromWx(const wxString& text)
{
    const auto buf = text.utf8_str();
    return std::string(buf.data(), buf.length());
}

} // namespace hiprx::app
