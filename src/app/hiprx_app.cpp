// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HipRx desktop application object: opens the user's database and shows the main window.
// Errors at start-up become a dialog that says what failed and what to do, never a crash.
#include "app/main_frame.h"
#include "app/wx_text.h"

#include "store/app_paths.h"
#include "store/database.h"

#include <wx/app.h>
#include <wx/msgdlg.h>

namespace hiprx::app {

class HipRxApp : public wxApp {
public:
    bool OnInit() override
    {
        if (!wxApp::OnInit())
            return false;
        SetAppName("hiprx");
        SetAppDisplayName("HipRx");
        try {
            auto db = store::Database::open(store::AppPaths().databasePath());
            auto* frame = new MainFrame(std::move(db));
            frame->Show();
            return true;
        } catch (const std::exception& e) {
            wxMessageBox(toWx(std::string("HipRx could not open its database.\n\n") + e.what()),
                         "HipRx", wxOK | wxICON_ERROR);
            return false;
        }
    }

    bool OnExceptionInMainLoop() override
    {
        try {
            throw;
        } catch (const std::exception& e) {
            wxMessageBox(toWx(std::string("Something went wrong: ") + e.what() +
                              "\n\nYour saved data is safe. Try again; if it keeps happening, restart HipRx."),
                         "HipRx", wxOK | wxICON_ERROR);
        }
        return true; // keep running
    }
};

} // namespace hiprx::app

wxIMPLEMENT_APP(hiprx::app::HipRxApp);
