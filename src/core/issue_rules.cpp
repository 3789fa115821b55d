// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/issue_rules.h"

#include <algorithm>
#include <cctype>

namespace hiprx::core {

namespace {

bool blank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

} // namespace

Program prepareForIssue(Program program, const Analysis& analysis, const ExerciseLibrary& library)
{
    program.referralLevel = analysis.referral.level;
    program.withheld = analysis.referral.level == Urgency::Emergency;
    if (program.withheld)
        program.items.clear();
    program.warnings = reviewProgram(program, analysis, library);
    return program;
}

std::vector<FieldProblem> issueProblems(const Program& program, const std::string& acknowledgement)
{
    std::vector<FieldProblem> problems;
    if (program.referralLevel == Urgency::Emergency && (!program.withheld || !program.items.empty()))
        problems.push_back({"program.items",
                            "program.items: this visit has an emergency referral, so no exercise may be given; the "
                            "patient needs medical help today"});
    if (program.withheld && program.referralLevel != Urgency::Emergency)
        problems.push_back({"program.withheld",
                            "program.withheld: only an emergency referral withholds the program"});
    if (program.referralLevel == Urgency::Urgent && blank(acknowledgement))
        problems.push_back({"acknowledgement",
                            "acknowledgement: this visit has an urgent referral; say how you acted on it (for "
                            "example \"GP letter given, patient advised to book this week\") before issuing"});
    auto doses = validateProgram(program);
    problems.insert(problems.end(), doses.begin(), doses.end());
    return problems;
}

std::vector<FieldProblem> sendProblems(const Program& program)
{
    if (program.withheld || program.referralLevel == Urgency::Emergency)
        return {{"program", "program: this visit has an emergency referral and no exercise program; tell the "
                            "patient in person or by phone instead of by email"}};
    return {};
}

} // namespace hiprx::core
