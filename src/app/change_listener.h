// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode: hears the changes other desks commit (store::ChangeFeed) on a thread of its own that
// sleeps on the feed's socket, and hands them to the window's thread (CallAfter). Nothing polls.
#pragma once

#include "store/change_feed.h"

#include <wx/event.h>

#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace hiprx::app {

class ChangeListener {
public:
    using Handler = std::function<void(const std::vector<store::Change>&)>;
    /// `handler` runs on the thread of `window`, once per batch of changes; `lost` once if the
    /// connection is lost (with the reason).
    ChangeListener(std::unique_ptr<store::ChangeFeed> feed, wxEvtHandler& window, Handler handler,
                   std::function<void(const std::string&)> lost);
    ~ChangeListener();
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;

private:
    void run();

    std::unique_ptr<store::ChangeFeed> m_feed;
    wxEvtHandler& m_window;
    Handler m_handler;
    std::function<void(const std::string&)> m_lost;
    int m_stop[2] = {-1, -1}; ///< a pipe: writing to it wakes the thread to end
    std::thread m_thread;
};

} // namespace hiprx::app
