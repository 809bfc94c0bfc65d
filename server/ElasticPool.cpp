// SPDX-License-Identifier: GPL-3.0-or-later
#include "ElasticPool.h"

#include <algorithm>

namespace chorus::server {

ElasticPool::ElasticPool(int warmThreads, int maxThreads)
    : m_maxThreads(std::max(1, maxThreads))
{
    const std::lock_guard lock(m_mutex);
    while (int(m_threads.size()) < std::min(std::max(1, warmThreads), m_maxThreads)) {
        startThread();
    }
}

ElasticPool::~ElasticPool()
{
    shutdown();
}

void ElasticPool::startThread()
{
    m_threads.emplace_back([this] { run(); });
}

void ElasticPool::enqueue(std::function<void()> task)
{
    {
        std::unique_lock lock(m_mutex);
        if (m_stopping) {
            // Not expected (httplib stops accepting first), but the task owns a socket to close.
            lock.unlock();
            task();
            return;
        }
        m_tasks.push_back(std::move(task));
        // Idle threads already waiting will take the queued tasks; start one only for the rest.
        if (int(m_tasks.size()) > m_idle && int(m_threads.size()) < m_maxThreads) {
            startThread();
        }
    }
    m_wake.notify_one();
}

void ElasticPool::shutdown()
{
    std::vector<std::thread> threads;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        threads.swap(m_threads);
    }
    m_wake.notify_all();
    for (std::thread &t : threads) {
        t.join();
    }
}

void ElasticPool::run()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            ++m_idle;
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            --m_idle;
            // Tasks queued before shutdown are still run: each owns an accepted socket to close.
            if (m_tasks.empty()) {
                return;
            }
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
}

} // namespace chorus::server
