// SPDX-License-Identifier: GPL-3.0-or-later
//
// Shared by the GUI tests: a temporary database folder, event pumping, and prompts that answer
// questions from a script instead of opening modal dialogs.
#pragma once

#include "app/main_frame.h"
#include "app/visit_page.h"
#include "app/wx_text.h"
#include "core/date.h"

#include "store/database.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/utils.h>

#include <deque>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace hiprx::app::test_support {

/// The date every GUI test runs on: gui_test_main fixes the app's clock to it (app/today.h), so no
/// test depends on the wall clock.
inline constexpr core::Date kTestToday{2026, 11, 21};

/// Runs the event loop for about `ms` milliseconds (timers, idle events, paints).
inline void pump(int ms = 50)
{
    const wxLongLong end = wxGetLocalTimeMillis() + ms;
    do {
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    } while (wxGetLocalTimeMillis() < end);
}

/// Answers yes/no questions in order (then `fallback`) and records every message.
struct ScriptedPrompts {
    std::deque<bool> answers;
    bool fallback = false;
    std::vector<std::string> questions;
    std::vector<std::string> errors;
    std::vector<std::string> statuses;
    std::deque<std::string> texts; ///< answers to ask(), in order; then "" (cancelled)

    Prompts prompts()
    {
        Prompts p;
        p.confirm = [this](const wxString& q) {
            questions.push_back(fromWx(q));
            if (answers.empty())
                return fallback;
            const bool a = answers.front();
            answers.pop_front();
            return a;
        };
        p.error = [this](const wxString& m) { errors.push_back(fromWx(m)); };
        p.status = [this](const wxString& s) { statuses.push_back(fromWx(s)); };
        p.ask = [this](const wxString& q, const wxString&) {
            questions.push_back(fromWx(q));
            if (texts.empty())
                return wxString();
            const std::string answer = texts.front();
            texts.pop_front();
            return toWx(answer);
        };
        return p;
    }
};

/// A fresh folder for one test's database, removed afterwards.
class TempFolder {
public:
    TempFolder()
        : m_path(std::filesystem::temp_directory_path() / ("hiprx-gui-" + std::to_string(std::random_device{}())))
    {
        std::filesystem::create_directories(m_path);
    }
    ~TempFolder() { std::filesystem::remove_all(m_path); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// A 1280×800 main window on a new database, with an invented patient and a new visit open; the
/// prompts are scripted. Fixtures that need more derive from it and call its SetUp() first.
class NewVisitWindow : public testing::Test {
protected:
    void SetUp() override
    {
        m_frame = new MainFrame(store::Database::open(m_dir.path() / "gui.sqlite"));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
        core::Patient p;
        p.name = "Kai Invented";
        ASSERT_TRUE(m_frame->createPatient(p));
        m_visit = m_frame->newVisit();
        ASSERT_NE(m_visit, nullptr);
        pump();
    }
    void TearDown() override
    {
        m_frame->Destroy();
        pump();
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
    VisitPage* m_visit = nullptr;
};

} // namespace hiprx::app::test_support
