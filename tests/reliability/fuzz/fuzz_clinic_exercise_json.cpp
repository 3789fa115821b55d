// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target: a clinic exercise file (hiprx-clinic-exercises/1, `exercise add|import` and the
// stored rows) and the exercise library format (hiprx-exercises/1). Bad input must end in
// InputError; an accepted file must write back to the same exercises.
#include "core/clinic_exercise.h"
#include "core/error.h"
#include "exchange/clinic_exercise_json.h"
#include "exchange/json_format.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto exercises = hiprx::exchange::readClinicExercises(text);
        for (const auto& exercise : exercises)
            (void)hiprx::core::validateExercise(exercise.exercise, "exercise");
        if (!(hiprx::exchange::readClinicExercises(hiprx::exchange::writeClinicExercises(exercises)) == exercises))
            std::abort();
    } catch (const hiprx::InputError&) {
    }
    try {
        (void)hiprx::exchange::readExercises(text, false);
    } catch (const hiprx::InputError&) {
    }
    return 0;
}
