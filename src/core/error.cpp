// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

namespace hiprx {

std::string formatProblems(const std::vector<FieldProblem>& problems)
{
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty())
            out += '\n';
        out += p.message;
    }
    return out;
}

InputError::InputError(std::vector<FieldProblem> problems)
    : Error(formatProblems(problems)), m_problems(std::move(problems))
{
}

InputError::InputError(std::string path, std::string message)
    : InputError(std::vector<FieldProblem>{{std::move(path), std::move(message)}})
{
}

} // namespace hiprx
