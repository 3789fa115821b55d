// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/login_dialog.h"

#include "app/wx_text.h"
#include "delivery/password_store.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/log.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <cstdlib>

namespace hiprx::app {

namespace {

/// The keyring entry (under the server's address) holding the login last remembered there; no
/// PostgreSQL login can be named this (it has a space).
constexpr const char* kLastLoginKey = "last login";

/// The user named in a postgresql:// address, or "".
std::string userOf(const std::string& location)
{
    const std::size_t start = location.find("://");
    if (start == std::string::npos)
        return {};
    const std::size_t at = location.find('@', start + 3);
    const std::size_t slash = location.find('/', start + 3);
    if (at == std::string::npos || (slash != std::string::npos && slash < at))
        return {};
    const std::string user = location.substr(start + 3, at - start - 3);
    return user.substr(0, user.find(':'));
}

} // namespace

LoginDialog::LoginDialog(wxWindow* parent, const std::string& location, const std::string& login)
    : wxDialog(parent, wxID_ANY, "Log in to the clinic server")
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   toWx("This computer uses the clinic's shared database on\n" + location +
                                        "\n\nLog in as yourself: what you do is recorded under your login."));
    sizer->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, "Login"), wxSizerFlags().CenterVertical());
    m_login = new wxTextCtrl(this, wxID_ANY, toWx(login), wxDefaultPosition, FromDIP(wxSize(260, -1)));
    m_login->SetName("login");
    grid->Add(m_login, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, "Password"), wxSizerFlags().CenterVertical());
    m_password = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(260, -1)), wxTE_PASSWORD);
    m_password->SetName("password");
    grid->Add(m_password, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    m_remember = new wxCheckBox(this, wxID_ANY, "Remember my password on this computer");
    m_remember->SetName("remember");
    m_remember->Hide(); // offered only where a keyring keeps it (offerToRemember)
    sizer->Add(m_remember, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));

    m_problem = new wxStaticText(this, wxID_ANY, "");
    m_problem->SetForegroundColour(wxColour(170, 20, 20));
    sizer->Add(m_problem, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, "Log in");
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, "Cancel"));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    CentreOnParent();
    (login.empty() ? m_login : m_password)->SetFocus();
}

std::string LoginDialog::login() const { return fromWx(m_login->GetValue().Strip(wxString::both)); }

std::string LoginDialog::password() const { return fromWx(m_password->GetValue()); }

void LoginDialog::showProblem(const std::string& problem)
{
    m_problem->SetLabel(toWx(problem));
    m_problem->Wrap(FromDIP(420));
    m_password->Clear();
    m_password->SetFocus();
    GetSizer()->Fit(this);
}

void LoginDialog::lockToLogin()
{
    m_login->SetEditable(false);
    m_login->Disable();
    m_password->SetFocus();
}

std::string LoginDialog::problem() const { return fromWx(m_problem->GetLabel()); }

void LoginDialog::offerToRemember(const std::string& where, bool remembered)
{
    m_remember->SetLabel(toWx("Remember my password on this computer (in " + where + ")"));
    m_remember->SetValue(remembered);
    m_remember->Show();
    GetSizer()->Fit(this);
}

bool LoginDialog::remember() const { return m_remember->IsShown() && m_remember->GetValue(); }

void LoginDialog::setRemember(bool remember) { m_remember->SetValue(remember); }

void LoginDialog::setTyped(const std::string& login, const std::string& password)
{
    m_login->SetValue(toWx(login));
    m_password->SetValue(toWx(password));
}

std::optional<store::Database> openWithLogin(wxWindow* parent, const std::string& location,
                                             const std::function<bool(LoginDialog&)>& ask,
                                             delivery::PasswordStore* keyring)
{
    if (!store::Database::isServerLocation(location))
        return store::Database::open(location);
    delivery::PasswordStore& store = keyring ? *keyring : delivery::passwordStore();
    const bool keeps = store.persistent(); // a memory store would forget it at exit: not offered
    std::string login = userOf(location);
    if (login.empty())
        login = fromWx(wxGetUserId());
    // The keyring's key is the server's address as configured (no password in it) and the login; the
    // login last remembered for this server is kept beside it, so a person whose login differs from
    // their desktop account is found again.
    std::string problem;
    if (keeps) {
        if (const auto last = store.load(location, kLastLoginKey); last && !last->empty() && userOf(location).empty())
            login = *last;
        if (const auto saved = store.load(location, login)) {
            try {
                wxBusyCursor busy;
                return store::Database::openLocation(location, {login, *saved});
            } catch (const std::exception& e) {
                // Only a refused password is forgotten: a server that is down or a network error says
                // nothing about the password, which is kept for the next try.
                const std::string why = e.what();
                if (why.find("authentication failed") != std::string::npos) {
                    store.erase(location, login);
                    problem = "The password remembered on this computer no longer works, so it was forgotten: " + why;
                } else {
                    problem = why;
                }
            }
        }
    }
    LoginDialog dialog(parent, location, login);
    if (keeps)
        dialog.offerToRemember(store.where(), false);
    if (!problem.empty())
        dialog.showProblem(problem);
    for (;;) {
        const bool chosen = ask ? ask(dialog) : dialog.ShowModal() == wxID_OK;
        if (!chosen)
            return std::nullopt;
        try {
            wxBusyCursor busy;
            auto db = store::Database::openLocation(location, {dialog.login(), dialog.password()});
            if (keeps) {
                if (dialog.remember()) {
                    std::string error;
                    if (!store.save(location, dialog.login(), dialog.password(), error) ||
                        !store.save(location, kLastLoginKey, dialog.login(), error))
                        wxLogWarning("%s", toWx("HipRx could not remember the password: " + error));
                } else {
                    store.erase(location, dialog.login());
                    store.erase(location, kLastLoginKey);
                }
            }
            return db;
        } catch (const std::exception& e) {
            dialog.showProblem(e.what());
        }
    }
}

} // namespace hiprx::app
