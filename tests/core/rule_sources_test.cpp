// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sources a therapist reads ("why did HipRx say this?") must name a work they can look up, and
// db/SOURCES.md, which ships with HipRx, must list it. The internal fact base the rules were written
// from does not ship, so a pointer into it ("facts §5") would be a dead end for the reader.
#include "core/analysis.h"
#include "core/norms.h"
#include "core/program.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hiprx::core {
namespace {

const std::string& sourcesDocument()
{
    static const std::string text = [] {
        std::ifstream in(HIPRX_SOURCE_DIR "/db/SOURCES.md", std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }();
    return text;
}

/// True when the text points into the unshipped fact base in any of the spellings used so far.
bool pointsIntoFactBase(std::string_view text)
{
    for (std::string_view bad : {"facts §", "facts:§", "facts.md", "§"})
        if (text.find(bad) != std::string_view::npos)
            return true;
    return false;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(' ');
    return std::string(text.substr(first, last - first + 1));
}

/// The cited works of a source line: every part between ';' outside brackets that starts with a
/// capital letter, up to its first ',', '(' or ':' ("Ellison 1990, Phys Ther (…)" → "Ellison 1990").
/// Parts in lower case are remarks on the citation ("the 70° cut-off is clinical consensus").
std::vector<std::string> citedWorks(std::string_view source)
{
    std::vector<std::string> parts(1);
    int depth = 0;
    for (char c : source) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (c == ';' && depth == 0)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    std::vector<std::string> works;
    for (const auto& raw : parts) {
        const std::string part = trimmed(raw);
        if (!part.empty() && part[0] >= 'A' && part[0] <= 'Z')
            works.push_back(trimmed(std::string_view(part).substr(0, part.find_first_of(",(:"))));
    }
    return works;
}

TEST(RuleSources, CitedWorksAreSplitFromTheirRemarks)
{
    EXPECT_EQ(citedWorks("Ellison 1990, Phys Ther (10° rule); Pua 2008, Arch Phys Med Rehabil"),
              (std::vector<std::string>{"Ellison 1990", "Pua 2008"}));
    EXPECT_EQ(citedWorks("Strand 2014, J Hum Kinet; the 30 s cut-off is a HipRx design choice"),
              std::vector<std::string>{"Strand 2014"});
    EXPECT_EQ(citedWorks("AAOS 1965 (norm 45°; recalled); Pua 2008"),
              (std::vector<std::string>{"AAOS 1965", "Pua 2008"}));
    EXPECT_TRUE(pointsIntoFactBase("NICE NG59; facts §5 tier 3"));
    EXPECT_FALSE(pointsIntoFactBase("NICE NG59, Low back pain and sciatica in over 16s"));
}

TEST(RuleSources, SourcesDocumentShipsWithTheRepository)
{
    ASSERT_FALSE(sourcesDocument().empty()) << HIPRX_SOURCE_DIR "/db/SOURCES.md is missing or empty";
    // It explains the library's `facts:§N` tags, but never sends the reader to the fact base itself.
    EXPECT_EQ(sourcesDocument().find("facts §"), std::string::npos);
    EXPECT_EQ(sourcesDocument().find("facts.md"), std::string::npos);
}

TEST(RuleSources, EveryRuleNamesASourceTheReaderCanLookUp)
{
    ASSERT_FALSE(ruleTable().empty());
    for (const auto& row : ruleTable()) {
        EXPECT_FALSE(row.source.empty()) << row.id;
        EXPECT_FALSE(pointsIntoFactBase(row.source)) << row.id << ": " << row.source;
        EXPECT_FALSE(pointsIntoFactBase(row.rationale)) << row.id;
        const auto works = citedWorks(row.source);
        EXPECT_FALSE(works.empty()) << row.id << " cites nothing: " << row.source;
        for (const auto& work : works)
            EXPECT_NE(sourcesDocument().find(work), std::string::npos)
                << row.id << ": \"" << work << "\" is not listed in db/SOURCES.md";
    }
}

TEST(RuleSources, EveryNormValueNamesAListedSource)
{
    for (NormSet set : normSets())
        for (const auto& entry : vocabulary<Movement>()) {
            const auto value = norm(set, entry.value);
            if (!value)
                continue;
            EXPECT_FALSE(pointsIntoFactBase(value->source)) << normSetId(set);
            for (const auto& work : citedWorks(value->source))
                EXPECT_NE(sourcesDocument().find(work), std::string::npos)
                    << normSetId(set) << ": \"" << work << "\" is not listed in db/SOURCES.md";
        }
}

TEST(RuleSources, PrecautionReasonsDoNotPointIntoTheFactBase)
{
    for (const auto& entry : vocabulary<Precaution>()) {
        EXPECT_FALSE(precautionRationale(entry.value).empty()) << entry.id;
        EXPECT_FALSE(pointsIntoFactBase(precautionRationale(entry.value))) << entry.id;
    }
}

} // namespace
} // namespace hiprx::core
