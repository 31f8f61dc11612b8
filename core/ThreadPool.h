// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace nnplay {

/// Worker threads that the engine's heavy layers (convolutions) share to split a batch. One
/// thread (the default) runs everything on the caller; the CLI uses every core, the window
/// leaves one free for drawing (threadsFor), nnplay-bench takes --threads. Results depend on the
/// thread count only through the order of float sums, never on timing.
class ThreadPool {
public:
    explicit ThreadPool(int threads = 1);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    /// The pool the layers use.
    static ThreadPool& shared();

    /// Threads for a program that keeps `keepFree` cores for other work (the window keeps one
    /// for drawing): the machine's cores less keepFree, at least 1. NNPLAY_THREADS, a whole
    /// number from 1 to the number of cores, chooses instead; other values are ignored.
    static int threadsFor(int keepFree);

    /// Threads that run() may use, the caller's included (at least 1). Not to be called while
    /// a run() is under way.
    void setThreadCount(int threads);
    int threadCount() const { return static_cast<int>(m_workers.size()) + 1; }

    /// Calls task(i) for every i in [0, count), spread over the threads, and returns when all
    /// are done. Runs them one after another on the caller when the pool has one thread or is
    /// busy with another caller's run (so nested and concurrent calls never wait on each other).
    template <class F>
    void run(int count, F&& task) {
        using Task = std::remove_reference_t<F>;
        runTasks(
            count, [](void* t, int i) { (*static_cast<Task*>(t))(i); }, &task);
    }

    /// Values of element-wise work (activations, pooling) below which a batch stays on one
    /// thread: fewer take less time to go through than waking a worker costs.
    static constexpr std::int64_t kMinValuesToShare = 1 << 15;

    /// Cuts [0, n) into contiguous ranges, one per thread or fewer so that each holds at least
    /// `minimum` items, and calls part(first, last) for each through run(). Layers cut a batch
    /// this way so that each core keeps working on the samples it had before.
    template <class F>
    void forRanges(std::int64_t n, std::int64_t minimum, F&& part) {
        const std::int64_t most = n / std::max<std::int64_t>(minimum, 1);
        const int tasks = static_cast<int>(std::clamp<std::int64_t>(most, 1, threadCount()));
        run(tasks, [&](int t) { part(n * t / tasks, n * (t + 1) / tasks); });
    }

private:
    using TaskFunction = void (*)(void*, int);
    void runTasks(int count, TaskFunction function, void* task);
    /// Waits for runs after the one numbered `seen` and takes their tasks.
    void workerLoop(std::uint64_t seen);
    /// Takes tasks of the current run until none are left.
    void takeTasks();
    void stopWorkers();

    std::vector<std::thread> m_workers;
    std::mutex m_runMutex;  // held by the caller whose tasks the workers run
    std::mutex m_mutex;     // guards everything below but m_next
    std::condition_variable m_wake, m_done;
    // Counts runs, so a worker sees each run once; read without the lock by spinning workers.
    std::atomic<std::uint64_t> m_generation{0};
    bool m_stop = false;
    std::atomic<int> m_busyWorkers{0};  // read without the lock by the spinning caller
    TaskFunction m_function = nullptr;
    void* m_task = nullptr;
    int m_count = 0;
    std::atomic<int> m_next{0};
};

}  // namespace nnplay
