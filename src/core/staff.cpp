// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/staff.h"

#include <algorithm>
#include <cctype>

namespace hiprx::core {

namespace {

bool hasControl(const std::string& text)
{
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

std::string staffLabel(const StaffMember& member)
{
    const std::string name = trimmed(member.name);
    const std::string credentials = trimmed(member.credentials);
    return credentials.empty() ? name : name + ", " + credentials;
}

std::vector<FieldProblem> validateStaff(const StaffMember& member)
{
    std::vector<FieldProblem> problems;
    const std::string name = trimmed(member.name);
    if (name.empty())
        problems.push_back({"staff.name", "staff.name: a name is needed (1 to 120 characters)"});
    else if (name.size() > 120)
        problems.push_back({"staff.name", "staff.name: at most 120 characters"});
    if (hasControl(member.name))
        problems.push_back({"staff.name", "staff.name: line breaks and control characters are not allowed"});
    if (trimmed(member.credentials).size() > 60)
        problems.push_back({"staff.credentials", "staff.credentials: at most 60 characters (e.g. \"PT, DPT\")"});
    if (hasControl(member.credentials))
        problems.push_back(
            {"staff.credentials", "staff.credentials: line breaks and control characters are not allowed"});
    return problems;
}

} // namespace hiprx::core
