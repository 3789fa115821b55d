// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target: the clinic-editable template files (templates/*.ini): the ini syntax itself,
// the page styles (page-a4.ini, page-letter.ini), the handout wording (wording.ini) and the care
// notes (precautions.ini). Bad input must end in RenderError naming the file and line.
#include "render/ini_file.h"
#include "render/page_template.h"
#include "render/render_error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)hiprx::render::parseIni(text, "fuzz.ini");
    } catch (const hiprx::render::RenderError&) {
    }
    try {
        (void)hiprx::render::parsePageStyle(text, "page-a4.ini");
    } catch (const hiprx::render::RenderError&) {
    }
    try {
        (void)hiprx::render::parseWording(text, "wording.ini");
    } catch (const hiprx::render::RenderError&) {
    }
    try {
        (void)hiprx::render::parseCareWording(text, "precautions.ini");
    } catch (const hiprx::render::RenderError&) {
    }
    return 0;
}
