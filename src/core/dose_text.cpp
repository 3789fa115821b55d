// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dose_text.h"

namespace hiprx::core {

std::string describeVolume(const Dose& dose)
{
    const std::string sets = dose.sets > 1 ? std::to_string(dose.sets) + " sets of " : "";
    std::string text;
    if (dose.holdS > 0)
        text = sets + std::to_string(dose.reps) + " × " + std::to_string(dose.holdS) + " s hold";
    else
        text = dose.sets > 1 ? std::to_string(dose.sets) + " sets × " + std::to_string(dose.reps) + " reps"
                             : std::to_string(dose.reps) + (dose.reps == 1 ? " rep" : " reps");
    if (dose.restS > 0 && dose.sets > 1)
        text += ", rest " + std::to_string(dose.restS) + " s between sets";
    return text;
}

std::string describeFrequency(const Dose& dose)
{
    std::string text = dose.perDay == 1   ? "once a day"
                       : dose.perDay == 2 ? "twice a day"
                                          : std::to_string(dose.perDay) + " times a day";
    text += dose.daysPerWeek >= 7 ? ", every day" : ", " + std::to_string(dose.daysPerWeek) +
                                                        (dose.daysPerWeek == 1 ? " day a week" : " days a week");
    return text;
}

std::string describeDose(const Dose& dose)
{
    std::string text = describeVolume(dose) + " · " + describeFrequency(dose);
    if (!dose.load.empty())
        text += " · " + dose.load;
    if (!dose.notes.empty())
        text += " · " + dose.notes;
    return text;
}

} // namespace hiprx::core
