// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThreadPool.h"

#include <algorithm>

namespace nnplay {

ThreadPool::ThreadPool(int threads) { setThreadCount(threads); }

ThreadPool::~ThreadPool() { stopWorkers(); }

ThreadPool& ThreadPool::shared() {
    static ThreadPool pool;
    return pool;
}

void ThreadPool::setThreadCount(int threads) {
    threads = std::max(threads, 1);
    if (threads == threadCount()) return;
    stopWorkers();
    m_stop = false;
    const std::uint64_t generation = m_generation;
    for (int i = 1; i < threads; ++i)
        m_workers.emplace_back([this, generation] { workerLoop(generation); });
}

void ThreadPool::stopWorkers() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_workers) t.join();
    m_workers.clear();
}

void ThreadPool::runTasks(int count, TaskFunction function, void* task) {
    if (count <= 0) return;
    std::unique_lock busy(m_runMutex, std::try_to_lock);
    if (count == 1 || m_workers.empty() || !busy.owns_lock()) {
        for (int i = 0; i < count; ++i) function(task, i);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_function = function;
        m_task = task;
        m_count = count;
        m_next.store(0, std::memory_order_relaxed);
        m_busyWorkers = static_cast<int>(m_workers.size());
        ++m_generation;
    }
    m_wake.notify_all();
    takeTasks();
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busyWorkers == 0; });
}

void ThreadPool::takeTasks() {
    for (int i = m_next.fetch_add(1, std::memory_order_relaxed); i < m_count;
         i = m_next.fetch_add(1, std::memory_order_relaxed))
        m_function(m_task, i);
}

void ThreadPool::workerLoop(std::uint64_t seen) {
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop) return;
            seen = m_generation;
        }
        takeTasks();
        std::lock_guard lock(m_mutex);
        if (--m_busyWorkers == 0) m_done.notify_one();
    }
}

}  // namespace nnplay
