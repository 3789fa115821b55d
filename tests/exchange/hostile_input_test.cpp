// SPDX-License-Identifier: GPL-3.0-or-later
//
// Input that used to crash a reader, escape as an internal error or slip through (issue 19, items
// 4 and 7): nesting deep enough to overflow the stack, numbers beyond a double, control characters
// in names and keys. Each must be an InputError that names the field.
#include "exchange/figure_json.h"
#include "exchange/json_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

using namespace hiprx;
using hiprx::exchange::readAssessment;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const core::Date kToday{2026, 11, 21};

/// The single message of the InputError `read` throws; fails the test when it throws nothing or
/// anything else.
template <typename Read>
std::string inputErrorOf(Read read)
{
    try {
        read();
    } catch (const InputError& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "not an InputError: " << e.what();
        return {};
    }
    ADD_FAILURE() << "accepted";
    return {};
}

std::string nested(std::size_t depth, char open, char close, const std::string& inner = "1")
{
    return std::string(depth, open) + inner + std::string(depth, close);
}

} // namespace

TEST(HostileInput, DeepNestingIsRefusedBeforeItCanOverflowTheStack)
{
    // 100,000 levels overflowed the stack in `plan` and `import`.
    for (const std::string& text :
         {nested(100000, '[', ']'), "{\"patient\": " + nested(100000, '[', ']') + "}",
          std::string(100000, '[') /* unterminated as well */}) {
        const std::string message = inputErrorOf([&] { readAssessment(text, kToday); });
        EXPECT_THAT(message, HasSubstr("nested more than"));
        EXPECT_THAT(message, HasSubstr("line 1"));
    }
    EXPECT_THAT(inputErrorOf([&] { exchange::readExercises(nested(50000, '[', ']'), true); }),
                HasSubstr("nested"));
    EXPECT_THAT(inputErrorOf([&] { exchange::readBranding(nested(50000, '[', ']')); }), HasSubstr("nested"));
    EXPECT_THAT(inputErrorOf([&] { exchange::readFigure(nested(50000, '[', ']'), "bridge.json"); }),
                HasSubstr("nested"));
}

TEST(HostileInput, BracketsInsideTextAreNotNesting)
{
    const std::string text = R"({"patient": {"name": ")" + std::string(150, '[') + R"(\"{{{"}})";
    EXPECT_EQ(readAssessment(text, kToday).patient.name, std::string(150, '[') + "\"{{{");
}

TEST(HostileInput, ANumberBeyondADoubleIsBadInputNamingTheField)
{
    const std::string message = inputErrorOf([&] {
        readAssessment(R"({"patient": {"name": "Ana"}, "rom": {"left": {"hip_flexion": 1e400}}})", kToday);
    });
    EXPECT_THAT(message, HasSubstr("rom.left.hip_flexion"));
    EXPECT_THAT(message, HasSubstr("too large"));
    EXPECT_THAT(message, Not(HasSubstr("json.exception")));
}

TEST(HostileInput, ControlCharactersInANameAreRefusedNamingTheField)
{
    for (const char* name : {R"(Ana\u0000Ruiz)", R"(Ana\nRuiz)", R"(Ana\rRuiz)", R"(Ana\u001bRuiz)"}) {
        const std::string json = std::string(R"({"patient": {"name": ")") + name + R"("}})";
        const std::string message = inputErrorOf([&] { readAssessment(json, kToday); });
        EXPECT_THAT(message, HasSubstr("patient.name")) << name;
        EXPECT_EQ(message.find('\0'), std::string::npos);
    }
    const std::string clinician = inputErrorOf([&] {
        readAssessment(R"({"patient": {"name": "Ana"}, "visit": {"clinician": "J.\nPark"}})", kToday);
    });
    EXPECT_THAT(clinician, HasSubstr("visit.clinician"));
    EXPECT_THAT(clinician, HasSubstr("one line"));

    // Notes may have paragraphs, never a NUL.
    EXPECT_EQ(readAssessment(R"({"patient": {"name": "Ana"}, "visit": {"notes": "one\ntwo"}})", kToday).visit.notes,
              "one\ntwo");
    EXPECT_THAT(inputErrorOf([&] {
                    readAssessment(R"({"patient": {"name": "Ana"}, "visit": {"notes": "a\u0000b"}})", kToday);
                }),
                HasSubstr("visit.notes"));
}

TEST(HostileInput, AControlCharacterInAKeyIsShownEscapedNotCutShort)
{
    const std::string message = inputErrorOf(
        [&] { readAssessment(R"({"patient": {"name": "Ana", "na\u0000me\n": 1}})", kToday); });
    EXPECT_THAT(message, HasSubstr("patient.na\\u0000me\\u000A"));
    EXPECT_THAT(message, HasSubstr("unknown field"));
    EXPECT_EQ(message.find('\0'), std::string::npos);
    EXPECT_EQ(std::string(message.c_str()), message) << "what() would be cut at the NUL";
}
