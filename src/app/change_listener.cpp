// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/change_listener.h"

#include <cerrno>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace hiprx::app {

ChangeListener::ChangeListener(std::unique_ptr<store::ChangeFeed> feed, wxEvtHandler& window, Handler handler,
                               std::function<void(const std::string&)> lost)
    : m_feed(std::move(feed)), m_window(window), m_handler(std::move(handler)), m_lost(std::move(lost))
{
    if (::pipe2(m_stop, O_CLOEXEC) != 0)
        throw std::runtime_error("could not start listening for other desks' changes");
    m_thread = std::thread([this] { run(); });
}

ChangeListener::~ChangeListener()
{
    const char bye = 0;
    [[maybe_unused]] const auto written = ::write(m_stop[1], &bye, 1);
    if (m_thread.joinable())
        m_thread.join();
    ::close(m_stop[0]);
    ::close(m_stop[1]);
}

void ChangeListener::run()
{
    for (;;) {
        pollfd waits[2] = {{m_feed->socket(), POLLIN, 0}, {m_stop[0], POLLIN, 0}};
        if (::poll(waits, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if ((waits[1].revents & POLLIN) != 0)
            return; // the window is closing or changing database
        try {
            std::vector<store::Change> changes = m_feed->take();
            if (!changes.empty())
                m_window.CallAfter([handler = m_handler, changes = std::move(changes)] { handler(changes); });
        } catch (const std::exception& e) {
            m_window.CallAfter([lost = m_lost, why = std::string(e.what())] { lost(why); });
            return;
        }
    }
}

} // namespace hiprx::app
