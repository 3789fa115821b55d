// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace hiprx::core {

/// How the clinic presents itself on the home program. Every field may be empty; a clinic without
/// a logo still gets a clean page.
struct Branding {
    std::string clinicName;
    std::string address;
    std::string phone;
    std::string email;
    std::string website;
    std::string logoPath;                 ///< PNG or JPEG file; empty for none
    std::string accentColor = "#1F6F8B";  ///< #RRGGBB
    std::string therapistName;
    std::string therapistCredentials;

    friend bool operator==(const Branding&, const Branding&) = default;
};

} // namespace hiprx::core
