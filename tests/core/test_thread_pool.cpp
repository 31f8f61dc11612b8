// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <atomic>
#include <vector>

#include "ThreadPool.h"

using namespace nnplay;

class TestThreadPool : public QObject {
    Q_OBJECT

private slots:
    void everyTaskRunsOnce_data();
    void everyTaskRunsOnce();
    void nestedRunsDoNotWait();
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

QTEST_GUILESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
