// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic branding as a small JSON object (`hiprx-cli --branding FILE.json`, and the app's settings
// export). Every key is optional; a missing key keeps core::Branding's default.
#include "exchange/json_format.h"
#include "exchange/json_support.h"

namespace hiprx::exchange {

using detail::Json;
using detail::JsonReader;
using detail::member;

namespace {

bool isHexColor(std::string_view text) noexcept
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    for (char c : text.substr(1))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    return true;
}

} // namespace

core::Branding readBranding(std::string_view json)
{
    const Json root = detail::parseDocument(json);
    if (!root.is_object())
        throw InputError("", "expected branding (a JSON object) at the top level, got " +
                                 detail::describe(root));
    JsonReader r;
    r.checkKeys(root, "", {"clinic_name", "address", "phone", "email", "website", "logo", "accent_color",
                           "therapist_name", "therapist_credentials"});
    core::Branding b;
    // Long texts (an address, a logo path) get the text limit, names the name limit.
    const auto text = [&](const char* key, std::string& out, std::size_t maxLength) {
        const Json* v = member(root, key);
        if (!v)
            return;
        auto value = r.text(*v, key);
        if (!value)
            return;
        if (!core::isValidUtf8(*value))
            r.problem(key, "not valid UTF-8 text");
        else if (core::utf8Length(*value) > maxLength)
            r.problem(key, std::to_string(core::utf8Length(*value)) + " characters, at most " +
                               std::to_string(maxLength));
        else
            out = std::move(*value);
    };
    text("clinic_name", b.clinicName, core::kMaxNameLength);
    text("address", b.address, core::kMaxTextLength);
    text("phone", b.phone, core::kMaxNameLength);
    text("email", b.email, core::kMaxNameLength);
    text("website", b.website, core::kMaxNameLength);
    text("logo", b.logoPath, core::kMaxTextLength);
    text("accent_color", b.accentColor, core::kMaxNameLength);
    text("therapist_name", b.therapistName, core::kMaxNameLength);
    text("therapist_credentials", b.therapistCredentials, core::kMaxNameLength);

    if (!b.email.empty() && !core::isEmailAddress(b.email))
        r.problem("email", "\"" + b.email + "\" is not an email address");
    if (!isHexColor(b.accentColor) && !r.hasProblemAt("accent_color"))
        r.problem("accent_color", detail::describe(Json(b.accentColor)) +
                                      " is not a colour (expected #RRGGBB, e.g. \"#1F6F8B\")");
    r.throwIfProblems();
    return b;
}

std::string writeBranding(const core::Branding& b)
{
    Json root = Json::object();
    root["clinic_name"] = b.clinicName;
    root["address"] = b.address;
    root["phone"] = b.phone;
    root["email"] = b.email;
    root["website"] = b.website;
    root["logo"] = b.logoPath;
    root["accent_color"] = b.accentColor;
    root["therapist_name"] = b.therapistName;
    root["therapist_credentials"] = b.therapistCredentials;
    return detail::dumpDocument(root);
}

} // namespace hiprx::exchange
