// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server: the task queue behind ConnectionServer. A connection is handed to
// an idle thread, or to a new one while fewer than `maxThreads` exist, so it never waits behind
// connections that are kept alive. Threads stay once started (the pool keeps its peak size);
// past `maxThreads` tasks queue, which only happens past the connection cap, where each task
// is a quick 503.

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chorus::server {

class ElasticPool final : public httplib::TaskQueue
{
public:
    ElasticPool(int warmThreads, int maxThreads);
    ~ElasticPool() override;

    void enqueue(std::function<void()> task) override;
    void shutdown() override;

private:
    void startThread(); // with m_mutex held
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    std::vector<std::thread> m_threads;
    int m_idle = 0;
    int m_maxThreads;
    bool m_stopping = false;
};

} // namespace chorus::server
