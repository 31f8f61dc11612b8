// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "ThreadPool.h"

using namespace nnplay;

class TestThreadPool : public QObject {
    Q_OBJECT

private slots:
    void everyTaskRunsOnce_data();
    void everyTaskRunsOnce();
    void nestedRunsDoNotWait();
    void rangesCoverEveryItemOnce_data();
    void rangesCoverEveryItemOnce();
    void threadsForKeepCoresFree();
};

void TestThreadPool::everyTaskRunsOnce_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("count");
    QTest::newRow("one thread") << 1 << 5;
    QTest::newRow("fewer tasks than threads") << 3 << 2;
    QTest::newRow("as many as threads") << 3 << 3;
    QTest::newRow("more tasks than threads") << 3 << 17;
}

void TestThreadPool::everyTaskRunsOnce() {
    QFETCH(int, threads);
    QFETCH(int, count);
    ThreadPool pool(threads);
    for (int run = 0; run < 50; ++run) {
        std::vector<std::atomic<int>> calls(static_cast<std::size_t>(count));
        pool.run(count, [&](int i) { calls[static_cast<std::size_t>(i)].fetch_add(1); });
        for (int i = 0; i < count; ++i) QCOMPARE(calls[static_cast<std::size_t>(i)].load(), 1);
    }
}

void TestThreadPool::nestedRunsDoNotWait() {
    ThreadPool pool(2);
    std::atomic<int> inner{0};
    pool.run(2, [&](int) { pool.run(3, [&](int) { inner.fetch_add(1); }); });
    QCOMPARE(inner.load(), 6);
}

void TestThreadPool::rangesCoverEveryItemOnce_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("ranges");
    QTest::newRow("one thread") << 1 << 100 << 1 << 1;
    QTest::newRow("one range per thread") << 3 << 100 << 1 << 3;
    QTest::newRow("minimum limits the ranges") << 3 << 100 << 40 << 2;
    QTest::newRow("fewer items than the minimum") << 3 << 10 << 40 << 1;
    QTest::newRow("fewer items than threads") << 3 << 2 << 1 << 2;
    QTest::newRow("no items") << 3 << 0 << 1 << 1;
}

void TestThreadPool::rangesCoverEveryItemOnce() {
    QFETCH(int, threads);
    QFETCH(int, n);
    QFETCH(int, minimum);
    QFETCH(int, ranges);
    ThreadPool pool(threads);
    std::vector<std::atomic<int>> calls(static_cast<std::size_t>(n));
    std::atomic<int> parts{0}, smallest{n};
    pool.forRanges(n, minimum, [&](std::int64_t first, std::int64_t last) {
        parts.fetch_add(1);
        const int size = static_cast<int>(last - first);
        for (int now = smallest.load(); size < now && !smallest.compare_exchange_weak(now, size);) {
        }
        for (std::int64_t i = first; i < last; ++i) calls[static_cast<std::size_t>(i)].fetch_add(1);
    });
    QCOMPARE(parts.load(), ranges);
    for (int i = 0; i < n; ++i) QCOMPARE(calls[static_cast<std::size_t>(i)].load(), 1);
    if (ranges > 1) QVERIFY(smallest.load() >= minimum);
}

void TestThreadPool::threadsForKeepCoresFree() {
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    qunsetenv("NNPLAY_THREADS");
    QCOMPARE(ThreadPool::threadsFor(0), cores);
    QCOMPARE(ThreadPool::threadsFor(1), std::max(1, cores - 1));
    QCOMPARE(ThreadPool::threadsFor(cores + 3), 1);
    qputenv("NNPLAY_THREADS", "1");
    QCOMPARE(ThreadPool::threadsFor(0), 1);
    qputenv("NNPLAY_THREADS", QByteArray::number(cores));
    QCOMPARE(ThreadPool::threadsFor(1), cores);
    // Not a count of this machine's cores: the default.
    for (const QByteArray& bad : {QByteArray("0"), QByteArray("-2"), QByteArray("2x"),
                                  QByteArray(""), QByteArray::number(cores + 1)}) {
        qputenv("NNPLAY_THREADS", bad);
        QCOMPARE(ThreadPool::threadsFor(0), cores);
    }
    qunsetenv("NNPLAY_THREADS");
}

QTEST_GUILESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
