// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target: a branding file (`clinic --branding`, `plan --branding`, the stored setting).
// Bad input must end in InputError; accepted branding must write back to the same value.
#include "core/branding.h"
#include "core/error.h"
#include "exchange/json_format.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const hiprx::core::Branding branding = hiprx::exchange::readBranding(text);
        if (!(hiprx::exchange::readBranding(hiprx::exchange::writeBranding(branding)) == branding))
            std::abort();
    } catch (const hiprx::InputError&) {
    }
    return 0;
}
