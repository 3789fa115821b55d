// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace hiprx {

/// Root of every exception HipRx throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One problem with one input field: `path` names the field the way the exchange format does
/// (`rom.left.hip_flexion`), `message` is the whole sentence shown to the user
/// (`rom.left.hip_flexion: 400 is outside 0–180`).
struct FieldProblem {
    std::string path;
    std::string message;

    friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

/// Input that cannot be accepted. Carries every problem found, not just the first.
class InputError : public Error {
public:
    explicit InputError(std::vector<FieldProblem> problems);
    explicit InputError(std::string path, std::string message);

    const std::vector<FieldProblem>& problems() const noexcept { return m_problems; }

private:
    std::vector<FieldProblem> m_problems;
};

/// Joins problem messages one per line, as printed by the CLI and shown in dialogs.
std::string formatProblems(const std::vector<FieldProblem>& problems);

/// The same for a screen that shows no field paths: a message's leading "path: " (e.g. "VISIT: ")
/// is left out, and the first letter is capitalised.
std::string plainProblems(const std::vector<FieldProblem>& problems);

} // namespace hiprx
