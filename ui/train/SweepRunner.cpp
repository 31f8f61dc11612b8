// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SweepRunner.h"

#include "train/Sweep.h"
#include "train/SweepWorker.h"

namespace nnplay::ui {

SweepRunner::SweepRunner(QObject* parent)
    : QObject(parent), m_worker(nullptr), m_wanted(std::make_shared<std::atomic<int>>(0)) {
    qRegisterMetaType<nnplay::SweepTable>();
    qRegisterMetaType<nnplay::RunRecord>();
    m_worker = new SweepWorker(m_wanted);
    m_thread.setObjectName(QStringLiteral("nnplay sweep"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SweepWorker::tableChanged, this,
            [this](int number, const SweepTable& table) {
                if (number == m_number) emit tableChanged(table);
            });
    connect(m_worker, &SweepWorker::runFinished, this,
            [this](int number, const RunRecord& run) {
                if (number == m_number) emit runFinished(run);
            });
    connect(m_worker, &SweepWorker::progress, this,
            [this](int number, int run, int runs, int epoch, int epochs) {
                if (number == m_number && m_running) emit progress(run, runs, epoch, epochs);
            });
    connect(m_worker, &SweepWorker::finished, this,
            [this](int number, bool completed, const QString& error) {
                if (number != m_number) return;
                m_running = false;
                emit finished(completed, error);
            });
    m_thread.start();
}

SweepRunner::~SweepRunner() {
    m_wanted->store(-1);
    m_thread.quit();
    m_thread.wait();
}

void SweepRunner::start(std::shared_ptr<Sweep> sweep) {
    m_number += 1;
    m_wanted->store(m_number);
    m_running = true;
    const int number = m_number;
    SweepWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, sweep = std::move(sweep), number] { worker->run(sweep, number); },
        Qt::QueuedConnection);
}

void SweepRunner::cancel() { m_wanted->store(-1); }

}  // namespace nnplay::ui
