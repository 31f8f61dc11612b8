// SPDX-License-Identifier: GPL-3.0-or-later
// k-fold cross-validation: folds that partition the training part and keep class shares, each
// fold trained as a separate run would be, and the mean and spread over the folds.
#include <QtTest>
#include <cmath>
#include <set>

#include "Project.h"
#include "data/DataLoader.h"
#include "train/CrossValidation.h"
#include "train/Session.h"

using namespace nnplay;

namespace {

/// Moons with a share of positives far from half, so stratification has something to keep.
Project smallProject() {
    Project p = Project::defaultProject();
    p.data.source = "moons";
    p.data.samples = 90;
    p.data.positiveShare = 0.3;
    p.data.trainFraction = 0.6;
    p.data.validationFraction = 0.2;
    p.training.epochs = 4;
    return p;
}

double figure(const std::vector<Session::Figure>& figures, const std::string& name) {
    for (const auto& f : figures)
        if (f.name == name) return f.value;
    return NAN;
}

}  // namespace

class TestCrossValidation : public QObject {
    Q_OBJECT

private slots:
    void foldsPartitionTheTrainingPartAndKeepClassShares() {
        const Project p = smallProject();
        const DataSplit data = loadData(p.data, p.task, ".");
        const int pool = data.train.sampleCount() + data.validation.sampleCount();
        CrossValidation validation(p, data, 5);
        std::set<int> seen;
        int positives = 0;
        for (int f = 0; f < 5; ++f) {
            const auto& samples = validation.foldSamples(f);
            QVERIFY(std::abs(static_cast<int>(samples.size()) - pool / 5) <= 1);
            for (int i : samples) QVERIFY(seen.insert(i).second);
            const DataSplit fold = validation.foldData(f);
            QCOMPARE(fold.validation.sampleCount(), static_cast<int>(samples.size()));
            QCOMPARE(fold.train.sampleCount(), pool - static_cast<int>(samples.size()));
            QCOMPARE(fold.test.sampleCount(), data.test.sampleCount());
            int foldPositives = 0;
            for (int label : fold.validation.labels) foldPositives += label;
            positives += foldPositives;
            // Each fold holds the pool's share of positives, to one sample.
            const double expected = static_cast<double>(samples.size()) * 0.3;
            QVERIFY2(std::abs(foldPositives - expected) <= 1.5,
                     qPrintable(QStringLiteral("fold %1: %2 positives").arg(f).arg(foldPositives)));
        }
        QCOMPARE(static_cast<int>(seen.size()), pool);
        QVERIFY(positives > 0);
    }

    void eachFoldTrainsAsASeparateRunWould() {
        const Project p = smallProject();
        CrossValidation validation(p, loadData(p.data, p.task, "."), 3);
        std::vector<std::vector<Session::Figure>> reported;
        const auto summaries = validation.run([&](int, const std::vector<Session::Figure>& f) {
            reported.push_back(f);
            return true;
        });
        QCOMPARE(reported.size(), std::size_t(3));
        auto alone = makeSession(p, validation.foldData(1));
        alone->run(p.training.epochs);
        const auto figures = alone->results();
        QCOMPARE(figure(reported[1], "val_accuracy"), figure(figures, "val_accuracy"));
        QCOMPARE(figure(reported[1], "test_loss"), figure(figures, "test_loss"));
        bool found = false;
        for (const auto& s : summaries) {
            if (s.name != "val_accuracy") continue;
            found = true;
            QCOMPARE(s.perFold.size(), std::size_t(3));
            QCOMPARE(s.perFold[1], figure(reported[1], "val_accuracy"));
        }
        QVERIFY(found);
        // Stopping after the first fold trains no more.
        int folds = 0;
        validation.run([&](int, const std::vector<Session::Figure>&) { return ++folds < 1; });
        QCOMPARE(folds, 1);
    }

    void meanAndSpreadMatchHandComputedValues() {
        std::vector<std::vector<Session::Figure>> folds;
        for (double v : {0.8, 0.9, 1.0}) folds.push_back({{"val_accuracy", v}, {"val_loss", NAN}});
        const auto s = CrossValidation::summarize(folds);
        QCOMPARE(s.size(), std::size_t(2));
        QVERIFY(std::abs(s[0].mean - 0.9) < 1e-12);
        // numpy.std([0.8, 0.9, 1.0]) = sqrt(0.02 / 3)
        QVERIFY(std::abs(s[0].spread - std::sqrt(0.02 / 3.0)) < 1e-12);
        QVERIFY(std::isnan(s[1].mean));
    }

    void refusesImpossibleFoldCounts() {
        Project p = smallProject();
        const DataSplit data = loadData(p.data, p.task, ".");
        QVERIFY_THROWS_EXCEPTION(InputError, CrossValidation(p, data, 1));
        QVERIFY_THROWS_EXCEPTION(InputError, CrossValidation(p, data, CrossValidation::kMaxFolds + 1));
        p.data.samples = 20;  // 12 training samples, fewer than 15 folds
        try {
            CrossValidation(p, loadData(p.data, p.task, "."), 15);
            QFAIL("15 folds of 12 samples were accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("the training part has 12"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestCrossValidation)
#include "test_cross_validation.moc"
