// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/library_browser.h"
#include "app/figure_view.h"
#include "app/wx_text.h"

#include "core/dose_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>

namespace hiprx::app {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

LibraryBrowser::LibraryBrowser(wxWindow* parent, const core::ExerciseLibrary& library,
                               const render::FigureDrawer& figures)
    : wxPanel(parent), m_library(library)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, "Exercise library");
    heading->SetFont(heading->GetFont().Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(4)));

    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    m_kind = new wxChoice(this, wxID_ANY);
    m_kind->SetName("library.kind");
    m_kind->Append("All kinds");
    for (const auto& e : core::vocabulary<core::ExerciseKind>())
        m_kind->Append(toWx(std::string(e.label)));
    m_kind->SetSelection(0);
    m_target = new wxChoice(this, wxID_ANY);
    m_target->SetName("library.target");
    m_target->Append("All muscles");
    for (const auto& e : core::vocabulary<core::MuscleGroup>())
        m_target->Append(toWx(std::string(e.label)));
    m_target->SetSelection(0);
    filters->Add(m_kind, wxSizerFlags(1).Border(wxRIGHT, FromDIP(4)));
    filters->Add(m_target, wxSizerFlags(1));
    sizer->Add(filters, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(4)));

    m_search = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_search->SetName("library.search");
    m_search->SetHint("Filter by name");
    sizer->Add(m_search, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));

    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(120)));
    m_list->SetName("library.list");
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(4)));

    auto* add = new wxButton(this, wxID_ADD, "&Add to program");
    sizer->Add(add, wxSizerFlags().Right().Border(wxALL, FromDIP(4)));

    // The same figure the PDF card shows, drawn by the same code.
    m_figure = new FigurePanel(this, figures, wxID_ANY, FromDIP(wxSize(270, 130)));
    sizer->Add(m_figure, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(4)));

    m_detail = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, FromDIP(120)),
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    sizer->Add(m_detail, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(4)));
    SetSizer(sizer);

    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    m_target->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refresh(); });
    m_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { showDetail(); });
    auto addSelected = [this](wxCommandEvent&) {
        if (const auto id = selectedId(); !id.empty() && m_onAdd)
            m_onAdd(id);
    };
    m_list->Bind(wxEVT_LISTBOX_DCLICK, addSelected);
    add->Bind(wxEVT_BUTTON, addSelected);
    // From the filter box, by keyboard: Up/Down move through the matches, Enter adds the
    // highlighted one (the first match when none is highlighted).
    m_search->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (selectedId().empty() && !m_shown.empty())
            select(m_shown.front());
        if (const auto id = selectedId(); !id.empty() && m_onAdd)
            m_onAdd(id);
    });
    m_search->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        if ((key != WXK_DOWN && key != WXK_UP) || m_shown.empty()) {
            event.Skip();
            return;
        }
        const int count = static_cast<int>(m_shown.size());
        const int now = m_list->GetSelection();
        const int next = now == wxNOT_FOUND ? 0 : std::clamp(now + (key == WXK_DOWN ? 1 : -1), 0, count - 1);
        select(m_shown[static_cast<std::size_t>(next)]);
    });
    refresh();
}

void LibraryBrowser::filter(const std::string& kindId, const std::string& targetId, const std::string& text)
{
    m_kind->SetSelection(0);
    int i = 1;
    for (const auto& e : core::vocabulary<core::ExerciseKind>()) {
        if (e.id == kindId)
            m_kind->SetSelection(i);
        ++i;
    }
    i = 1;
    m_target->SetSelection(0);
    for (const auto& e : core::vocabulary<core::MuscleGroup>()) {
        if (e.id == targetId)
            m_target->SetSelection(i);
        ++i;
    }
    m_search->ChangeValue(toWx(text));
    refresh();
}

void LibraryBrowser::refresh()
{
    const int kindSel = m_kind->GetSelection();
    const int targetSel = m_target->GetSelection();
    const std::string words = lower(fromWx(m_search->GetValue()));
    const std::string keep = selectedId();
    m_shown.clear();
    m_list->Freeze();
    m_list->Clear();
    for (const auto& ex : m_library.all()) {
        if (kindSel > 0 && core::vocabulary<core::ExerciseKind>()[static_cast<std::size_t>(kindSel - 1)].value != ex.kind)
            continue;
        if (targetSel > 0) {
            const auto muscle = core::vocabulary<core::MuscleGroup>()[static_cast<std::size_t>(targetSel - 1)].value;
            if (std::find(ex.targets.begin(), ex.targets.end(), muscle) == ex.targets.end())
                continue;
        }
        if (!words.empty() && lower(ex.name).find(words) == std::string::npos && ex.id.find(words) == std::string::npos)
            continue;
        m_shown.push_back(ex.id);
        m_list->Append(toWx(ex.name + "  (" + std::string(core::label(ex.kind)) + ")"));
    }
    m_list->Thaw();
    if (!keep.empty())
        select(keep);
    if (m_list->GetSelection() == wxNOT_FOUND && !m_shown.empty())
        m_list->SetSelection(0);
    showDetail();
}

void LibraryBrowser::select(const std::string& id)
{
    const auto it = std::find(m_shown.begin(), m_shown.end(), id);
    if (it != m_shown.end()) {
        m_list->SetSelection(static_cast<int>(it - m_shown.begin()));
        showDetail();
    }
}

std::string LibraryBrowser::selectedId() const
{
    const int sel = m_list->GetSelection();
    return sel == wxNOT_FOUND || static_cast<std::size_t>(sel) >= m_shown.size() ? std::string()
                                                                                  : m_shown[static_cast<std::size_t>(sel)];
}

void LibraryBrowser::showDetail()
{
    const auto* ex = m_library.find(selectedId());
    if (!ex) {
        m_detail->Clear();
        m_figure->setFigure("");
        return;
    }
    std::string text = ex->name + "\n";
    std::string targets;
    for (auto t : ex->targets)
        targets += (targets.empty() ? "" : ", ") + std::string(core::label(t));
    text += "Targets: " + targets + "\n";
    text += "Default dose: " + core::describeDose(ex->defaultDose) + "\n\n";
    text += "Start: " + ex->startPosition + "\n";
    int n = 1;
    for (const auto& step : ex->steps)
        text += std::to_string(n++) + ". " + step + "\n";
    if (!ex->keyCue.empty())
        text += "\nKey cue: " + ex->keyCue + "\n";
    if (!ex->stopIf.empty())
        text += "Stop if: " + ex->stopIf + "\n";
    m_detail->ChangeValue(toWx(text));
    m_figure->setFigure(ex->figureId.empty() ? ex->id : ex->figureId);
}

void LibraryBrowser::setFigures(const render::FigureDrawer& figures)
{
    m_figure->setDrawer(figures);
    refresh();
}

} // namespace hiprx::app
