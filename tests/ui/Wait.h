// SPDX-License-Identifier: GPL-3.0-or-later
// Waiting in widget tests: on a condition, never on the clock.
#pragma once

#include <QDeadlineTimer>
#include <QTest>
#include <QtGlobal>

namespace nnplay::test {

/// How long a wait gives up after; generous, so a loaded machine only makes a test slower.
constexpr int kWaitMs = 20000;

/// Processes events until `done()` holds and returns true; after `timeoutMs` without it,
/// warns "timed out waiting until <what>" and returns false. Use as
/// QVERIFY(waitUntil([&] { return ...; }, "training is paused")).
template <class Predicate>
[[nodiscard]] bool waitUntil(Predicate&& done, const char* what, int timeoutMs = kWaitMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            qWarning("Timed out after %d ms waiting until %s", timeoutMs, what);
            return false;
        }
        QTest::qWait(5);
    }
    return true;
}

/// Waits until the newest session `training` (a TrainingController) asked for is built and
/// valid.
template <class Controller>
[[nodiscard]] bool waitForValidSession(Controller* training) {
    return waitUntil(
        [&] {
            const auto& s = training->lastSnapshot();
            return s.generation == training->generation() && s.valid;
        },
        "the current session is built");
}

}  // namespace nnplay::test
