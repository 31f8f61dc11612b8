// SPDX-License-Identifier: GPL-3.0-or-later
// The lines nnplay-cli prints while a GAN trains.
#include <QtTest>
#include <cmath>

#include "cli/GanCommands.h"

using namespace nnplay;

class TestGanCommands : public QObject {
    Q_OBJECT

private slots:
    void progressLineOfARow();
    void progressLineSaysDashForWhatIsNotANumber();
};

namespace {

History mixtureHistory() {
    using namespace HistoryColumn;
    return History(
        {kStep, kDLoss, kGLoss, kJsDivergence, kKlDivergence, kModesCovered, kModesTotal});
}

void setRow(History& history, std::size_t row, float dLoss, float modesCovered) {
    using namespace HistoryColumn;
    history.set(row, kStep, 100.0f * static_cast<float>(row + 1));
    history.set(row, kDLoss, dLoss);
    history.set(row, kGLoss, 0.5f);
    history.set(row, kJsDivergence, 0.125f);
    history.set(row, kKlDivergence, 0.25f);
    history.set(row, kModesCovered, modesCovered);
    history.set(row, kModesTotal, 8.0f);
}

}  // namespace

void TestGanCommands::progressLineOfARow() {
    History history = mixtureHistory();
    setRow(history, history.addRow(), 1.25f, 7.0f);
    QCOMPARE(cli::ganProgressLine(history, 0),
             std::string("step 100  d_loss 1.2500  g_loss 0.5000  js 0.1250  modes 7/8"));
}

// NaN where a loss or a count belongs (null in a file's history) reads "-": a cast of NaN to
// int is undefined.
void TestGanCommands::progressLineSaysDashForWhatIsNotANumber() {
    History history = mixtureHistory();
    setRow(history, history.addRow(), 1.25f, 7.0f);
    setRow(history, history.addRow(), NAN, NAN);
    QCOMPARE(cli::ganProgressLine(history, 1),
             std::string("step 200  d_loss -  g_loss 0.5000  js 0.1250  modes -/8"));
}

QTEST_GUILESS_MAIN(TestGanCommands)
#include "test_gan_commands.moc"
