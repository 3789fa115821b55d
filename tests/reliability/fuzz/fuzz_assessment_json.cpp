// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target: an assessment file (hiprx-assessment/1), as `import` and `plan` read it, and a
// stored program (hiprx-program/1), as every reprint reads it. Bad input must end in InputError;
// anything HipRx accepts must write back to JSON that reads again to the same value (so an export
// can always be imported).
#include "core/assessment.h"
#include "core/date.h"
#include "core/error.h"
#include "exchange/json_format.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const hiprx::core::Date today{2026, 12, 1};
    try {
        const hiprx::core::Assessment assessment = hiprx::exchange::readAssessment(text, today);
        const std::string again = hiprx::exchange::writeAssessment(assessment);
        if (!(hiprx::exchange::readAssessment(again, today) == assessment))
            std::abort(); // written, then read back as something else
        (void)hiprx::core::validate(assessment, today);
    } catch (const hiprx::InputError&) {
    }
    try {
        const hiprx::core::Program program = hiprx::exchange::readProgram(text);
        if (!(hiprx::exchange::readProgram(hiprx::exchange::writeProgram(program)) == program))
            std::abort();
    } catch (const hiprx::InputError&) {
    }
    return 0;
}
