// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThreadPool.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace nnplay {

namespace {

/// How long a worker watches for the next run, and the caller for the workers to finish,
/// before sleeping. A batch's convolutions come a fraction of a millisecond apart, and
/// waking a sleeping thread costs tens of microseconds on a virtual machine, so within
/// training nobody sleeps; an idle pool sleeps after this long.
constexpr auto kSpin = std::chrono::milliseconds(1);

/// Waits until done() holds or kSpin has passed; whether done() holds.
template <class Done>
bool spinUntil(Done done) {
    const auto end = std::chrono::steady_clock::now() + kSpin;
    for (int i = 0;; ++i) {
        if (done()) return true;
#if defined(__x86_64__) || defined(__i386__)
        _mm_pause();
#else
        std::this_thread::yield();
#endif
        if (i % 64 == 63 && std::chrono::steady_clock::now() > end) return false;
    }
}

}  // namespace

ThreadPool::ThreadPool(int threads) { setThreadCount(threads); }

ThreadPool::~ThreadPool() { stopWorkers(); }

ThreadPool& ThreadPool::shared() {
    static ThreadPool pool;
    return pool;
}

int ThreadPool::threadsFor(int keepFree) {
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    if (const char* env = std::getenv("NNPLAY_THREADS"); env != nullptr) {
        char* end = nullptr;
        const long chosen = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && chosen >= 1 && chosen <= cores)
            return static_cast<int>(chosen);
    }
    return std::max(1, cores - keepFree);
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
    const auto finished = [this] { return m_busyWorkers.load(std::memory_order_acquire) == 0; };
    if (spinUntil(finished)) return;
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, finished);
}

void ThreadPool::takeTasks() {
    for (int i = m_next.fetch_add(1, std::memory_order_relaxed); i < m_count;
         i = m_next.fetch_add(1, std::memory_order_relaxed))
        m_function(m_task, i);
}

void ThreadPool::workerLoop(std::uint64_t seen) {
    for (;;) {
        spinUntil([&] { return m_generation.load(std::memory_order_acquire) != seen; });
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
