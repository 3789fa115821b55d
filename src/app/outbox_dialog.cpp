// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outbox_dialog.h"
#include "app/email_job.h"
#include "app/local_time.h"
#include "app/wx_text.h"

#include "core/error.h"
#include "exchange/json_format.h"
#include "exchange/smtp_json.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"
#include "workflow/email.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <utility>

namespace hiprx::app {

namespace {

std::string statusWords(const store::OutboxEntry& e)
{
    if (outboxSending(e.id))
        return "sending now";
    switch (e.status) {
    case store::OutboxStatus::Queued:
        return e.attempts == 0 ? "not tried yet" : "waiting";
    case store::OutboxStatus::Failed:
        return e.attempts == 1 ? "not sent (1 try)" : "not sent (" + std::to_string(e.attempts) + " tries)";
    case store::OutboxStatus::Sent:
        return "sent";
    case store::OutboxStatus::Discarded:
        return "discarded";
    }
    return "";
}

} // namespace

OutboxDialog::OutboxDialog(wxWindow* parent, store::Database& db, std::string clinician)
    : wxDialog(parent, wxID_ANY, "Outbox", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_clinician(std::move(clinician)), m_job(std::make_unique<EmailJob>(*this))
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                toWx("Emails that have not gone out yet. Select one and choose Retry; "
                                     "it is marked sent only when the mail server has accepted it.")),
               wxSizerFlags().Border(wxALL, FromDIP(10)));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(1000), FromDIP(240)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn("Patient", wxLIST_FORMAT_LEFT, FromDIP(140));
    m_list->AppendColumn("To", wxLIST_FORMAT_LEFT, FromDIP(170));
    m_list->AppendColumn("When", wxLIST_FORMAT_LEFT, FromDIP(160));
    m_list->AppendColumn("Program", wxLIST_FORMAT_LEFT, FromDIP(70));
    m_list->AppendColumn("Status", wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn("Why it was not sent", wxLIST_FORMAT_LEFT, FromDIP(440));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    // The whole reason for the selected row: the column above is often too narrow for it.
    m_details = new wxStaticText(this, wxID_ANY, "");
    m_details->SetName("outbox.details");
    sizer->Add(m_details, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    m_status = new wxStaticText(this, wxID_ANY, "");
    m_status->SetName("outbox.status");
    sizer->Add(m_status, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_retry = new wxButton(this, wxID_ANY, "&Retry");
    m_discard = new wxButton(this, wxID_ANY, toWx("&Discard…"));
    m_discard->SetToolTip(toWx("Take the message out of the outbox without sending it (for a wrong address or a "
                               "program since replaced). It stays in the patient's email history."));
    auto* close = new wxButton(this, wxID_CLOSE, "&Close");
    buttons->Add(m_retry);
    buttons->Add(m_discard, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    buttons->AddStretchSpacer();
    buttons->Add(close);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    m_retry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retrySelected(); });
    m_discard->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { discardSelected(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { retrySelected(); });
    // The title-bar × and Alt+F4 (a close event), Close and Esc (a click on the escape button) all
    // end in requestClose(). The close event is not skipped: wx's default would click the Close
    // button, and a Close() from there would be ignored as a nested close.
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (!requestClose(e.CanVeto()))
            e.Veto();
    });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { requestClose(true); });
    refresh();
    if (rows() == 0)
        setStatus("Nothing is waiting: every email has gone out.", false);
}

OutboxDialog::~OutboxDialog() = default;

void OutboxDialog::refresh()
{
    const std::int64_t selected = [&]() -> std::int64_t {
        const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        return row >= 0 && static_cast<std::size_t>(row) < m_ids.size() ? m_ids[static_cast<std::size_t>(row)] : 0;
    }();
    m_list->DeleteAllItems();
    m_ids.clear();
    try {
        store::VisitRepository visits(m_db);
        for (const auto& e : store::OutboxRepository(m_db).pending()) {
            const auto visit = visits.find(e.visitId);
            const long row = m_list->InsertItem(m_list->GetItemCount(),
                                                toWx(visit ? visit->assessment.patient.name : std::string("?")));
            m_list->SetItem(row, 1, toWx(e.recipient));
            m_list->SetItem(row, 2, toWx(localTimeText(e.lastAttemptAt.empty() ? e.createdAt : e.lastAttemptAt)));
            m_list->SetItem(row, 3, toWx("version " + std::to_string(e.programVersion)));
            m_list->SetItem(row, 4, toWx(statusWords(e)));
            m_list->SetItem(row, 5, toWx(e.error));
            m_ids.push_back(e.id);
            if (e.id == selected)
                m_list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        }
    } catch (const std::exception& e) {
        setStatus(std::string("The outbox could not be read: ") + e.what(), true);
    }
    if (!m_ids.empty() && m_list->GetSelectedItemCount() == 0)
        m_list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    updateButtons();
}

int OutboxDialog::rows() const { return m_list->GetItemCount(); }

std::int64_t OutboxDialog::entryAt(int row) const { return m_ids.at(static_cast<std::size_t>(row)); }

std::string OutboxDialog::cell(int row, int column) const { return fromWx(m_list->GetItemText(row, column)); }

void OutboxDialog::select(int row)
{
    m_list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    updateButtons();
}

bool OutboxDialog::sending() const { return m_inFlight || m_job->running(); }

bool OutboxDialog::requestClose(bool canWait)
{
    // While a retry runs the dialog stays, so its result is always recorded and shown first.
    if (sending() && canWait) {
        m_closeWhenSent = true;
        m_job->cancel();
        setStatus("Cancelling the send; the window closes when the server has answered.", false);
        return false;
    }
    EndDialog(wxID_CLOSE); // EndModal() when shown modally, Hide() otherwise
    return true;
}

std::string OutboxDialog::statusText() const { return m_statusText; }

void OutboxDialog::setStatus(const std::string& text, bool problem)
{
    m_status->SetForegroundColour(problem ? wxColour(183, 28, 28) : GetForegroundColour());
    m_statusText = text;
    m_status->SetLabel(toWx(text));
    m_status->Wrap(FromDIP(980));
    Layout();
}

void OutboxDialog::updateButtons()
{
    m_retry->Enable(!sending() && m_list->GetSelectedItemCount() == 1);
    m_discard->Enable(!sending() && m_list->GetSelectedItemCount() == 1);
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const std::string why = row >= 0 ? cell(static_cast<int>(row), 5) : std::string();
    const wxString details = why.empty() ? wxString() : toWx("Last try: " + why);
    if (m_details->GetLabel() != details) {
        m_details->SetLabel(details);
        m_details->Wrap(FromDIP(980));
        Layout();
    }
}

bool OutboxDialog::discardSelected()
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (sending() || row < 0 || static_cast<std::size_t>(row) >= m_ids.size())
        return false;
    const std::int64_t id = m_ids[static_cast<std::size_t>(row)];
    const wxString question = toWx("Discard the email to " + cell(static_cast<int>(row), 1) + " for " +
                                   cell(static_cast<int>(row), 0) +
                                   "?\n\nIt will not be sent. It stays in the patient's email history as "
                                   "discarded; to send the program later, email it again.");
    const bool yes = m_confirm ? m_confirm(question)
                               : wxMessageBox(question, "Discard email", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                                              this) == wxYES;
    if (!yes)
        return false;
    try {
        store::OutboxRepository(m_db).discard(id, {m_clinician});
    } catch (const std::exception& e) {
        setStatus(std::string("The message could not be discarded: ") + e.what(), true);
        return false;
    }
    refresh();
    setStatus("Discarded; it stays in the patient's email history.", false);
    return true;
}

bool OutboxDialog::retrySelected()
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= m_ids.size()) {
        setStatus("Select a message first.", true);
        return false;
    }
    if (sending()) {
        setStatus("A message is being sent; wait for it or cancel it first.", true);
        return false;
    }
    const std::int64_t id = m_ids[static_cast<std::size_t>(row)];
    try {
        const auto entry = store::OutboxRepository(m_db).find(id);
        if (!entry || entry->status == store::OutboxStatus::Sent) {
            refresh();
            setStatus("That message has already been sent.", false);
            return false;
        }
        if (outboxSending(id)) {
            setStatus("That message is being sent right now.", true);
            return false;
        }
        const core::SmtpSettings smtp = workflow::clinicSmtp(m_db, workflow::loadClinic(m_db));
        // The message as it was written, with the program version it was written for.
        delivery::EmailMessage message = workflow::outboxMessage(m_db, id, smtp);
        std::string password;
        if (!smtp.user.empty()) {
            if (auto saved = SmtpPasswordStore::load(smtp)) {
                password = *saved;
            } else {
                const wxString entered = wxGetPasswordFromUser(
                    toWx("Password for " + smtp.user + " on " + smtp.host + ":"), "Retry email", {}, this);
                if (entered.empty())
                    return false;
                password = fromWx(entered);
                std::string ignored; // a store that refuses only means asking again next time
                SmtpPasswordStore::save(smtp, password, ignored);
                if (const auto notice = SmtpPasswordStore::fallbackNotice(); !notice.empty())
                    wxMessageBox(toWx(notice), "Email password", wxOK | wxICON_INFORMATION, this);
            }
        }
        const std::string to = entry->recipient;
        const bool started = sendWithProgress(
            this, *m_job, smtp, std::move(message), std::move(password), toWx("Sending the program to " + to + "…"),
            id, [this, id, to](const delivery::SendResult& result) {
                m_inFlight = false;
                // Closing was asked for while it was being sent: close once the result is recorded.
                const bool closeAfter = std::exchange(m_closeWhenSent, false);
                try {
                    workflow::recordSend(m_db, id, result, store::Actor{m_clinician});
                } catch (const std::exception& e) {
                    // The send's outcome still has to reach the user even if the record failed.
                    setStatus((result.sent() ? "Sent to " + to + ", but" : "Not sent, and") +
                                  std::string(" the outbox could not be updated: ") + e.what(),
                              true);
                    refresh();
                    return;
                }
                refresh();
                if (result.sent())
                    setStatus("Sent to " + to + ". The mail server accepted it.", false);
                else
                    setStatus("Not sent; it stays in the outbox (the reason is above).", true);
                if (closeAfter)
                    requestClose(true);
            });
        if (!started) {
            setStatus("A message is being sent; wait for it or cancel it first.", true);
            return false;
        }
        m_inFlight = true;
        setStatus("Sending to " + to + "…", false);
        refresh();
        updateButtons();
        return true;
    } catch (const InputError& e) {
        setStatus(plainProblems(e.problems()), true);
        return false;
    } catch (const std::exception& e) {
        setStatus(std::string("The message could not be prepared: ") + e.what(), true);
        return false;
    }
}

void showOutboxDialog(wxWindow* parent, store::Database& db, const std::string& clinician)
{
    OutboxDialog dialog(parent, db, clinician);
    dialog.ShowModal();
}

} // namespace hiprx::app
