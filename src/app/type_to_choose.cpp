// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/type_to_choose.h"

#include <wx/choice.h>

#include <chrono>
#include <memory>

namespace hiprx::app {

int optionForTyping(const std::vector<wxString>& options, const wxString& typed)
{
    if (typed.empty())
        return -1;
    const wxString wanted = typed.Lower();
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].Lower() == wanted)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].Lower().StartsWith(wanted))
            return static_cast<int>(i);
    return -1;
}

namespace {

constexpr auto kPause = std::chrono::milliseconds(1000);

struct Typing {
    wxString typed;
    std::chrono::steady_clock::time_point last;
};

void choose(wxChoice* choice, int index)
{
    if (index < 0 || index == choice->GetSelection())
        return;
    choice->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(index);
    event.SetString(choice->GetString(static_cast<unsigned>(index)));
    choice->ProcessWindowEvent(event);
}

} // namespace

void enableTypeToChoose(wxChoice* choice)
{
    auto typing = std::make_shared<Typing>();
    choice->Bind(wxEVT_CHAR, [choice, typing](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        if (event.HasAnyModifiers() && !event.ShiftDown()) {
            event.Skip();
            return;
        }
        if (key == WXK_BACK || key == WXK_DELETE) {
            typing->typed.clear();
            // The empty first option ("—", "judge from pain") is "not recorded".
            choose(choice, 0);
            return;
        }
        const wxChar c = event.GetUnicodeKey();
        if (c == WXK_NONE || c < 32 || c == 127 || (c == ' ' && typing->typed.empty())) {
            event.Skip(); // Tab, Enter, arrows, Space (opens the list) keep their meaning
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - typing->last > kPause)
            typing->typed.clear();
        typing->last = now;
        std::vector<wxString> options;
        for (unsigned i = 0; i < choice->GetCount(); ++i)
            options.push_back(choice->GetString(i));
        wxString candidate = typing->typed + wxString(c);
        int index = optionForTyping(options, candidate);
        if (index < 0) { // a fresh start: "p" after "n" means positive
            candidate = wxString(c);
            index = optionForTyping(options, candidate);
        }
        if (index < 0)
            return; // nothing starts so; a beep would only startle the patient
        typing->typed = candidate;
        choose(choice, index);
    });
}

} // namespace hiprx::app
