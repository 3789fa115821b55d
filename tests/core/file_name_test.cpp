// SPDX-License-Identifier: GPL-3.0-or-later
//
// Saved and sent documents are named by patient, document and date (issue 15, item 10).
#include "core/file_name.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

TEST(DocumentFileName, NamesThePatientTheDocumentAndTheDate)
{
    EXPECT_EQ(documentFileName("Lena Fischer", "home program", Date{2026, 12, 5}),
              "Lena Fischer - home program - 2026-12-05.pdf");
    EXPECT_EQ(documentFileName("Καλλιόπη Παπαδοπούλου", "visit note", Date{2026, 1, 2}),
              "Καλλιόπη Παπαδοπούλου - visit note - 2026-01-02.pdf");
}

TEST(DocumentFileName, CharactersNoFileSystemTakesBecomeSpacesAndNothingIsLeftEmpty)
{
    EXPECT_EQ(documentFileName("A/B\\C: \"D\"*?<>|\tE.", "progress report", std::nullopt),
              "A B C D E - progress report.pdf");
    EXPECT_EQ(documentFileName("", "referral letter", Date{2026, 3, 4}), "referral letter - 2026-03-04.pdf");
    EXPECT_EQ(documentFileName("../..", "home program", std::nullopt), "home program.pdf");
}

TEST(DocumentFileName, ALongNameIsCutOnACharacterBoundary)
{
    std::string longName;
    for (int i = 0; i < 60; ++i)
        longName += "é";
    const std::string name = documentFileName(longName, "home program", Date{2026, 12, 5});
    EXPECT_LE(name.size(), 120u);
    EXPECT_EQ(name.find(" - home program - 2026-12-05.pdf"), name.size() - std::string(" - home program - 2026-12-05.pdf").size());
    EXPECT_EQ(name.substr(0, 2), "é");
    EXPECT_EQ(name.size() % 2, std::string(" - home program - 2026-12-05.pdf").size() % 2) << "no half character";
}

} // namespace
} // namespace hiprx::core
