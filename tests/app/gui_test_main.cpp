// SPDX-License-Identifier: GPL-3.0-or-later
//
// GoogleTest main for GUI tests: starts wxWidgets once, runs the tests, shuts it down. Listing the
// tests (CTest discovery) needs no display.
#include "app/today.h"
#include "gui_test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/debug.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/init.h>

namespace {

/// A wx assertion fails the running test instead of opening a modal dialog that would hang CI.
void failOnAssert(const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg)
{
    ADD_FAILURE_AT(file.utf8_str().data(), line)
        << "wx assertion in " << func.utf8_str().data() << ": " << cond.utf8_str().data() << " "
        << msg.utf8_str().data();
}

} // namespace

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    if (testing::GTEST_FLAG(list_tests))
        return RUN_ALL_TESTS();
    wxSetAssertHandler(failOnAssert);
    wxApp::SetInstance(new wxApp);
    if (!wxEntryStart(argc, argv))
        return 1;
    wxTheApp->CallOnInit();
    // No GUI test reads the wall clock: the app's "today" is this fixed date in every test.
    hiprx::app::fixToday(hiprx::app::test_support::kTestToday);
    // Window size, recent patients and other wxConfig settings go to a throwaway file, never to the
    // config of the user running the tests.
    const wxString configFile = wxFileName::CreateTempFileName("hiprx-test-config");
    delete wxConfigBase::Set(new wxFileConfig("hiprx-test", "", configFile, "", wxCONFIG_USE_LOCAL_FILE));
    const int result = RUN_ALL_TESTS();
    delete wxConfigBase::Set(nullptr);
    wxRemoveFile(configFile);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
