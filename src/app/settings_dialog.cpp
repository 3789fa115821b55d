// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/settings_dialog.h"
#include "app/email_job.h"
#include "app/settings.h"
#include "workflow/clinic.h"
#include "app/wx_text.h"

#include "exchange/json_format.h"
#include "exchange/smtp_json.h"
#include "store/app_paths.h"
#include "store/repositories.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clrpicker.h>
#include <wx/filepicker.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>

namespace hiprx::app {

namespace {

const char* const kSecurityLabels[] = {"STARTTLS (usually port 587)", "TLS from the start (usually port 465)",
                                       "None: a relay on this computer only"};
const core::SmtpSecurity kSecurities[] = {core::SmtpSecurity::StartTls, core::SmtpSecurity::ImplicitTls,
                                          core::SmtpSecurity::None};

bool isLoopback(const std::string& host) { return core::isLoopbackHost(host); }

std::string trimmed(const wxString& text) { return fromWx(wxString(text).Strip(wxString::both)); }

} // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, store::Database& db, std::string actor)
    : wxDialog(parent, wxID_ANY, "Settings", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_actor(std::move(actor)), m_testJob(std::make_unique<EmailJob>(*this))
{
    core::Branding current;
    try {
        if (const auto json = store::SettingsRepository(m_db).get("branding"))
            current = exchange::readBranding(*json);
    } catch (const std::exception&) {
        // Start from defaults when the stored branding cannot be read; saving replaces it.
    }
    const Settings settings;

    try {
        m_clinicEditable = store::SettingsRepository(m_db).mayChange();
    } catch (const std::exception&) {
        m_clinicEditable = true; // the server still refuses what the login may not do
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (!m_clinicEditable) {
        auto* note = new wxStaticText(this, wxID_ANY,
                                      toWx("The clinic's settings (its details, email, reference set, page size, "
                                           "dates and desk lock) are kept by its administrator: your login sees "
                                           "them here but may not change them. What belongs to this computer "
                                           "can be changed."));
        note->SetName("settings.clinic_note");
        note->Wrap(FromDIP(560));
        sizer->Add(note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    }
    auto* book = new wxNotebook(this, wxID_ANY);
    m_book = book;

    auto* clinic = new wxPanel(book);
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->AddGrowableCol(1, 1);
    auto text = [&](const std::string& key, const wxString& label, const std::string& value, bool multi = false) {
        grid->Add(new wxStaticText(clinic, wxID_ANY, label), wxSizerFlags().Border(wxTOP, FromDIP(4)));
        auto* t = new wxTextCtrl(clinic, wxID_ANY, toWx(value), wxDefaultPosition,
                                 wxSize(FromDIP(340), multi ? FromDIP(50) : -1), multi ? wxTE_MULTILINE : 0);
        t->SetName(toWx(key));
        grid->Add(t, wxSizerFlags().Expand());
        m_text[key] = t;
    };
    text("clinic_name", "Clinic name", current.clinicName);
    text("address", "Address", current.address, true);
    text("phone", "Phone", current.phone);
    text("email", "Email", current.email);
    text("website", "Website", current.website);
    grid->Add(new wxStaticText(clinic, wxID_ANY, "Logo (PNG or JPEG)"), wxSizerFlags().CenterVertical());
    m_logo = new wxFilePickerCtrl(clinic, wxID_ANY, toWx(current.logoPath), "Choose the clinic logo",
                                  "Images (*.png;*.jpg;*.jpeg)|*.png;*.jpg;*.jpeg", wxDefaultPosition,
                                  wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    grid->Add(m_logo, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(clinic, wxID_ANY, "Accent colour"), wxSizerFlags().CenterVertical());
    m_accent = new wxColourPickerCtrl(clinic, wxID_ANY, wxColour(toWx(current.accentColor)));
    grid->Add(m_accent);
    text("therapist_name", "Therapist name", current.therapistName);
    text("therapist_credentials", "Credentials", current.therapistCredentials);
    auto* clinicSizer = new wxBoxSizer(wxVERTICAL);
    clinicSizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    clinic->SetSizer(clinicSizer);
    book->AddPage(clinic, "Clinic and therapist");

    core::SmtpSettings smtp;
    try {
        if (const auto json = store::SettingsRepository(m_db).get(std::string(exchange::kSmtpSettingsKey)))
            smtp = exchange::readSmtpSettings(*json);
    } catch (const std::exception&) {
        // Unreadable settings start from defaults; saving replaces them.
    }
    m_smtpTimeout = smtp.timeoutSeconds;
    auto* mail = new wxPanel(book);
    auto* egrid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    egrid->AddGrowableCol(1, 1);
    auto mailText = [&](const std::string& key, const wxString& label, const std::string& value, long style = 0,
                        int width = 340) {
        egrid->Add(new wxStaticText(mail, wxID_ANY, label), wxSizerFlags().CenterVertical());
        auto* t = new wxTextCtrl(mail, wxID_ANY, toWx(value), wxDefaultPosition, wxSize(FromDIP(width), -1), style);
        t->SetName(toWx("smtp." + key));
        egrid->Add(t, width < 340 ? wxSizerFlags() : wxSizerFlags().Expand());
        return t;
    };
    m_smtp["host"] = mailText("host", "Mail server", smtp.host);
    m_smtp["host"]->SetHint("mail.example.org");
    egrid->Add(new wxStaticText(mail, wxID_ANY, "Security"), wxSizerFlags().CenterVertical());
    m_security = new wxChoice(mail, wxID_ANY);
    m_security->SetName("smtp.security");
    for (std::size_t k = 0; k < std::size(kSecurities); ++k) {
        m_security->Append(kSecurityLabels[k]);
        if (kSecurities[k] == smtp.security)
            m_security->SetSelection(static_cast<int>(k));
    }
    egrid->Add(m_security);
    m_smtp["port"] = mailText("port", "Port", std::to_string(smtp.port), 0, 90);
    m_smtp["user"] = mailText("user", "Login name", smtp.user);
    m_smtp["user"]->SetHint("empty when the server needs no login");
    m_password = mailText("password", "Password", "", wxTE_PASSWORD);
    m_smtp["password"] = m_password;
    if (!smtp.host.empty() && !smtp.user.empty() && SmtpPasswordStore::load(smtp))
        m_password->SetHint("saved; leave empty to keep it");
    egrid->AddSpacer(0);
    auto* where = new wxStaticText(
        mail, wxID_ANY,
        toWx(SmtpPasswordStore::persistent()
                 ? "The password is kept in the system keyring, never in HipRx's database or settings file."
                 : "No system keyring is running, so HipRx keeps the password only until it closes\n"
                   "and asks for it again next time. It is never written to the database or a file."));
    where->SetName("smtp.password_note");
    egrid->Add(where);
    m_smtp["sender_name"] = mailText("sender_name", "Sender name", smtp.senderName);
    m_smtp["sender_name"]->SetHint("e.g. the clinic's name (empty = clinic name)");
    m_smtp["sender_address"] = mailText("sender_address", "Sender address", smtp.senderAddress);
    m_smtp["sender_address"]->SetHint("frontdesk@example.org (empty = clinic email)");
    auto* mailSizer = new wxBoxSizer(wxVERTICAL);
    mailSizer->Add(egrid, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    auto* testRow = new wxBoxSizer(wxHORIZONTAL);
    auto* testButton = new wxButton(mail, wxID_ANY, "Send test message");
    testButton->SetToolTip("Sends a short message to the sender address with the settings above (saves nothing)");
    testButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sendTestMessage(); });
    testRow->Add(testButton, wxSizerFlags().Top());
    m_testResult = new wxStaticText(mail, wxID_ANY, "");
    m_testResult->SetName("smtp.test_result");
    testRow->Add(m_testResult, wxSizerFlags(1).Border(wxLEFT, FromDIP(10)).CenterVertical());
    mailSizer->Add(testRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    mail->SetSizer(mailSizer);
    book->AddPage(mail, "Email");

    auto* machine = new wxPanel(book);
    auto* mgrid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    mgrid->AddGrowableCol(1, 1);
    // The reference set and the page size are the clinic's (stored in the database, the same at
    // every desk); the rest belongs to this computer.
    const workflow::Clinic stored = workflow::loadClinic(m_db);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Norm reference set (whole clinic)"),
               wxSizerFlags().CenterVertical());
    m_norms = new wxChoice(machine, wxID_ANY);
    int i = 0;
    for (auto set : core::normSets()) {
        m_norms->Append(toWx(std::string(core::normSetLabel(set))));
        if (set == stored.norms)
            m_norms->SetSelection(i);
        ++i;
    }
    mgrid->Add(m_norms);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Page size (whole clinic)"), wxSizerFlags().CenterVertical());
    m_page = new wxChoice(machine, wxID_ANY);
    m_page->Append("A4");
    m_page->Append("US Letter");
    m_page->SetSelection(stored.pageSize == render::PageSize::Letter ? 1 : 0);
    mgrid->Add(m_page);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Dates on documents (whole clinic)"),
               wxSizerFlags().CenterVertical());
    m_dateFormat = new wxChoice(machine, wxID_ANY);
    m_dateFormat->SetName("settings.date_format");
    for (std::size_t f = 0; f < core::dateFormats().size(); ++f) {
        m_dateFormat->Append(toWx(core::dateFormatLabel(core::dateFormats()[f])));
        if (core::dateFormats()[f] == stored.dateFormat)
            m_dateFormat->SetSelection(static_cast<int>(f));
    }
    mgrid->Add(m_dateFormat);
    if (m_db.isServer()) {
        mgrid->Add(new wxStaticText(machine, wxID_ANY, "Lock an unused desk after (whole clinic)"),
                   wxSizerFlags().CenterVertical());
        auto* lockRow = new wxBoxSizer(wxHORIZONTAL);
        m_lockAfter = new wxSpinCtrl(machine, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(90), -1),
                                     wxSP_ARROW_KEYS, 0, workflow::kMaxLockAfterMinutes, stored.lockAfterMinutes);
        m_lockAfter->SetName("settings.lock_after");
        lockRow->Add(m_lockAfter);
        lockRow->Add(new wxStaticText(machine, wxID_ANY, "minutes (0 = never)"),
                     wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
        mgrid->Add(lockRow);
    }
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Database"), wxSizerFlags().CenterVertical());
    m_database = new wxTextCtrl(machine, wxID_ANY,
                                toWx(settings.databasePath().empty() ? m_db.location() : settings.databasePath()));
    mgrid->Add(m_database, wxSizerFlags().Expand());
    mgrid->AddSpacer(0);
    m_database->SetToolTip("A database file, or the clinic server's address: postgresql://LOGIN@HOST/DATABASE");
    mgrid->Add(new wxStaticText(machine, wxID_ANY,
                                "A file, or a clinic server: postgresql://LOGIN@HOST/DATABASE (you then log in).\n"
                                "Another database is used as soon as you press OK (the open visit is closed first)."));
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Backup folder"), wxSizerFlags().CenterVertical());
    std::string backups = settings.backupDir();
    if (backups.empty()) {
        try {
            backups = store::AppPaths().backupsDir().string();
        } catch (const std::exception&) {
        }
    }
    m_backups = new wxDirPickerCtrl(machine, wxID_ANY, toWx(backups), "Folder for backups", wxDefaultPosition,
                                    wxDefaultSize, wxDIRP_USE_TEXTCTRL);
    mgrid->Add(m_backups, wxSizerFlags().Expand());
    auto* machineSizer = new wxBoxSizer(wxVERTICAL);
    machineSizer->Add(mgrid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    machine->SetSizer(machineSizer);
    book->AddPage(machine, "This computer");

    if (!m_clinicEditable) {
        clinic->Enable(false);
        mail->Enable(false);
        for (wxWindow* shared : {static_cast<wxWindow*>(m_norms), static_cast<wxWindow*>(m_page),
                                 static_cast<wxWindow*>(m_dateFormat), static_cast<wxWindow*>(m_lockAfter)})
            if (shared != nullptr)
                shared->Enable(false);
    }
    sizer->Add(book, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
    m_problems = new wxStaticText(this, wxID_ANY, "");
    m_problems->SetForegroundColour(wxColour(183, 28, 28));
    sizer->Add(m_problems, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizerAndFit(sizer);

    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (save())
            e.Skip();
    }, wxID_OK);
    // A running test send is cancelled first; its result must not arrive at a closed dialog.
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        m_testJob->cancel();
        e.Skip();
    }, wxID_CANCEL);
}

SettingsDialog::~SettingsDialog() = default;

core::Branding SettingsDialog::branding() const
{
    core::Branding b;
    auto get = [&](const char* key) { return fromWx(m_text.at(key)->GetValue().Strip(wxString::both)); };
    b.clinicName = get("clinic_name");
    b.address = get("address");
    b.phone = get("phone");
    b.email = get("email");
    b.website = get("website");
    b.therapistName = get("therapist_name");
    b.therapistCredentials = get("therapist_credentials");
    b.logoPath = fromWx(m_logo->GetPath());
    b.accentColor = fromWx(m_accent->GetColour().GetAsString(wxC2S_HTML_SYNTAX));
    return b;
}

void SettingsDialog::setField(const std::string& key, const std::string& value)
{
    m_text.at(key)->SetValue(toWx(value));
}

std::optional<core::SmtpSettings> SettingsDialog::smtpSettings() const
{
    const auto get = [&](const char* key) { return trimmed(m_smtp.at(key)->GetValue()); };
    const std::string password = fromWx(m_password->GetValue());
    core::SmtpSettings s;
    s.host = get("host");
    s.user = get("user");
    s.senderName = get("sender_name");
    s.senderAddress = get("sender_address");
    s.timeoutSeconds = m_smtpTimeout;
    const int sel = m_security->GetSelection();
    s.security = sel >= 0 ? kSecurities[sel] : core::SmtpSecurity::StartTls;
    const std::string portText = get("port");
    if (s.host.empty() && s.user.empty() && s.senderName.empty() && s.senderAddress.empty() && password.empty())
        return std::nullopt; // email is not set up; the port alone means nothing

    std::vector<FieldProblem> problems;
    if (s.host.empty())
        problems.push_back({"smtp.host", "smtp.host: enter the mail server's name, e.g. mail.example.org"});
    else if (s.host.size() > 253 || std::any_of(s.host.begin(), s.host.end(), [](unsigned char c) {
                 return std::isspace(c) || c == '/' || c == '@' || c < 0x20;
             }))
        problems.push_back({"smtp.host", "smtp.host: \"" + s.host +
                                             "\" is not a server name; give the name only, e.g. mail.example.org"});
    const bool digits = !portText.empty() && portText.size() <= 5 &&
                        std::all_of(portText.begin(), portText.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!digits) {
        problems.push_back({"smtp.port", "smtp.port: \"" + portText + "\" is not a port number; allowed 1–65535"});
        s.port = 587; // checked above; keeps the exchange check below from repeating it
    } else {
        s.port = std::stoi(portText);
    }
    if (!s.user.empty() && s.security == core::SmtpSecurity::None && !isLoopback(s.host))
        problems.push_back({"smtp.security", "smtp.security: a login without encryption would send the password "
                                             "openly; choose STARTTLS or TLS (no encryption only for a relay on "
                                             "this computer)"});
    if (s.user.empty() && !password.empty())
        problems.push_back({"smtp.password", "smtp.password: a password needs a login name (smtp.user)"});
    // The exchange reader owns the remaining rules (port 1–65535, sender address format): run our
    // own JSON through it, as the branding does.
    try {
        exchange::readSmtpSettings(exchange::writeSmtpSettings(s));
    } catch (const InputError& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
    if (!problems.empty())
        throw InputError(std::move(problems));
    return s;
}

void SettingsDialog::setSmtpField(const std::string& key, const std::string& value)
{
    m_smtp.at(key)->SetValue(toWx(value));
}

void SettingsDialog::setSmtpSecurity(core::SmtpSecurity security)
{
    for (std::size_t k = 0; k < std::size(kSecurities); ++k)
        if (kSecurities[k] == security)
            m_security->SetSelection(static_cast<int>(k));
}

void SettingsDialog::showPage(int index) { m_book->SetSelection(static_cast<std::size_t>(index)); }

std::string SettingsDialog::problems() const { return fromWx(m_problems->GetLabel()); }

bool SettingsDialog::testSending() const { return m_testInFlight || m_testJob->running(); }

std::string SettingsDialog::testResult() const { return m_testText; }

bool SettingsDialog::sendTestMessage()
{
    const auto show = [&](const std::string& text, bool problem) {
        m_testResult->SetForegroundColour(problem ? wxColour(183, 28, 28) : wxColour(27, 94, 32));
        m_testText = text;
        m_testResult->SetLabel(toWx(text));
        m_testResult->Wrap(FromDIP(380));
        Layout();
        return false;
    };
    if (testSending())
        return show("A test message is being sent.", true);
    std::optional<core::SmtpSettings> smtp;
    try {
        smtp = smtpSettings();
    } catch (const InputError& e) {
        return show(formatProblems(e.problems()), true);
    }
    if (!smtp)
        return show("Fill in the mail server first.", true);
    if (smtp->senderAddress.empty())
        smtp->senderAddress = trimmed(m_text.at("email")->GetValue());
    if (smtp->senderName.empty())
        smtp->senderName = trimmed(m_text.at("clinic_name")->GetValue());
    if (smtp->senderAddress.empty())
        return show("smtp.sender_address: enter the sender address; the test message goes to it.", true);
    std::string password = fromWx(m_password->GetValue());
    if (password.empty() && !smtp->user.empty())
        password = SmtpPasswordStore::load(*smtp).value_or("");
    if (password.empty() && !smtp->user.empty())
        return show("smtp.password: enter the password for " + smtp->user + " to test the login.", true);

    delivery::EmailMessage message;
    message.fromName = smtp->senderName;
    message.fromAddress = smtp->senderAddress;
    message.toAddress = smtp->senderAddress;
    message.subject = "HipRx test message";
    message.body = "This is a test message from HipRx. The clinic's email settings work: programs can be "
                   "emailed to patients.\n";
    const std::string to = smtp->senderAddress;
    const bool started = sendWithProgress(
        this, *m_testJob, *smtp, std::move(message), std::move(password),
        toWx("Sending a test message to " + to + "…"), 0, [this, to, show](const delivery::SendResult& result) {
            m_testInFlight = false;
            if (result.sent())
                show("The mail server accepted the test message for " + to + ". Check that it arrives.", false);
            else
                show("Not sent: " + result.message, true);
        });
    if (!started)
        return show("A test message is being sent.", true);
    m_testInFlight = true;
    show("Sending a test message to " + to + "…", false);
    return true;
}

void SettingsDialog::setLockAfter(int minutes)
{
    if (m_lockAfter != nullptr)
        m_lockAfter->SetValue(minutes);
}

bool SettingsDialog::save()
{
    if (!m_clinicEditable) // only this computer's choices: the clinic's pages are read-only
        return saveThisComputer();
    // Everything is checked before anything is written, so a half-valid dialog saves nothing.
    std::string brandingJson;
    std::optional<core::SmtpSettings> smtp;
    std::vector<FieldProblem> problems;
    try {
        // Reading our own JSON back runs the exchange layer's checks (e-mail, colour) in one place.
        brandingJson = exchange::writeBranding(branding());
        exchange::readBranding(brandingJson);
    } catch (const InputError& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
    try {
        smtp = smtpSettings();
    } catch (const InputError& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
    const auto show = [&](const std::string& text) {
        m_problems->SetLabel(toWx(text));
        Fit();
        return false;
    };
    if (!problems.empty())
        return show(formatProblems(problems));
    try {
        const std::string password = fromWx(m_password->GetValue());
        if (smtp && !smtp->user.empty() && !password.empty()) {
            std::string error;
            if (!SmtpPasswordStore::save(*smtp, password, error))
                return show(error + " Nothing was saved.");
            SmtpPasswordStore::fallbackNotice(); // the note on the Email page has said it already
        }
        const bool hadSmtp = store::SettingsRepository(m_db).get(std::string(exchange::kSmtpSettingsKey)).has_value();
        const store::Actor actor{m_actor.empty() ? branding().therapistName : m_actor};
        const int normSel = m_norms->GetSelection();
        m_db.transaction([&] {
            store::SettingsRepository repo(m_db);
            repo.set(workflow::kBrandingKey, brandingJson, actor);
            if (normSel >= 0)
                workflow::saveNormSet(m_db, core::normSets()[static_cast<std::size_t>(normSel)], actor);
            workflow::savePageSize(m_db, m_page->GetSelection() == 1 ? render::PageSize::Letter : render::PageSize::A4,
                                   actor);
            if (const int dateSel = m_dateFormat->GetSelection(); dateSel >= 0)
                workflow::saveDateFormat(m_db, core::dateFormats()[static_cast<std::size_t>(dateSel)], actor);
            // A cleared Email page is stored as "no server", so nothing is sent with old settings.
            if (smtp || hadSmtp)
                repo.set(std::string(exchange::kSmtpSettingsKey),
                         exchange::writeSmtpSettings(smtp.value_or(core::SmtpSettings{})), actor);
            if (m_lockAfter != nullptr)
                workflow::saveLockAfter(m_db, m_lockAfter->GetValue(), actor);
        });
    } catch (const std::exception& e) {
        return show(std::string("The settings could not be saved: ") + e.what());
    }
    return saveThisComputer();
}

bool SettingsDialog::saveThisComputer()
{
    Settings settings;
    const std::string dbPath = fromWx(m_database->GetValue().Strip(wxString::both));
    settings.setDatabasePath(dbPath == m_db.location() ? settings.databasePath() : dbPath);
    settings.setBackupDir(fromWx(m_backups->GetPath()));
    return true;
}

} // namespace hiprx::app
