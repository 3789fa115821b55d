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

std::string plainProblems(const std::vector<FieldProblem>& problems)
{
    std::string out;
    for (const auto& p : problems) {
        std::string line = p.message;
        if (!p.path.empty() && line.starts_with(p.path + ": "))
            line.erase(0, p.path.size() + 2);
        if (!line.empty() && line[0] >= 'a' && line[0] <= 'z')
            line[0] = static_cast<char>(line[0] - 'a' + 'A');
        if (!out.empty())
            out += '\n';
        out += line;
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
