// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text_template.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

TEST(TextTemplate, ReplacesKnownPlaceholders)
{
    EXPECT_EQ(fillPlaceholders("Page {page} of {pages}", {{"page", "2"}, {"pages", "3"}}), "Page 2 of 3");
    EXPECT_EQ(fillPlaceholders("Hi {first_name}!", {{"first_name", "Łucja"}}), "Hi Łucja!");
}

TEST(TextTemplate, LeavesUnknownAndUnclosedPlaceholdersAsWritten)
{
    EXPECT_EQ(fillPlaceholders("{sets} × {reps} {x}", {{"sets", "2"}, {"reps", "10"}}), "2 × 10 {x}");
    EXPECT_EQ(fillPlaceholders("Hi {firstname} {", {{"first_name", "Ana"}}), "Hi {firstname} {");
    EXPECT_EQ(fillPlaceholders("{", {}), "{");
}

} // namespace
} // namespace hiprx::core
