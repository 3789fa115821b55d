// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HipRx desktop application object: one instance per user, opens the user's database and shows
// the main window. Errors at start-up become a dialog that says what failed and what to do, never a
// crash.
#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "app/settings.h"
#include "app/wx_text.h"

#include "store/app_paths.h"
#include "store/database.h"

#include <wx/app.h>
#include <wx/msgdlg.h>
#include <wx/snglinst.h>

#include <memory>

namespace hiprx::app {

class HipRxApp : public wxApp {
public:
    bool OnInit() override
    {
        if (!wxApp::OnInit())
            return false;
        SetAppName("hiprx");
        SetAppDisplayName("HipRx");
        // Two copies writing drafts for the same visit would overwrite each other's typing.
        m_single = std::make_unique<wxSingleInstanceChecker>();
        if (m_single->IsAnotherRunning()) {
            wxMessageBox("HipRx is already open. Switch to its window (it may be behind others).", "HipRx",
                         wxOK | wxICON_INFORMATION);
            return false;
        }
        try {
            // A file, or in clinic mode the clinic server's address (then the person logs in).
            const std::string chosen = Settings().databasePath();
            const std::string location = chosen.empty() ? store::AppPaths().databasePath().string() : chosen;
            auto db = openWithLogin(nullptr, location);
            if (!db)
                return false; // the login was cancelled
            auto* frame = new MainFrame(std::move(*db));
            frame->Show();
            // After the window is up: the welcome on a first start, who is working here, the demo patient.
            frame->CallAfter([frame] { frame->startUp(); });
            return true;
        } catch (const std::exception& e) {
            wxMessageBox(toWx(std::string("HipRx could not open its database.\n\n") + e.what() +
                              "\n\nCheck that the folder exists and you may write to it; to use another "
                              "file, set HIPRX_DB or change the database file in Settings."),
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

private:
    std::unique_ptr<wxSingleInstanceChecker> m_single;
};

} // namespace hiprx::app

wxIMPLEMENT_APP(hiprx::app::HipRxApp);
