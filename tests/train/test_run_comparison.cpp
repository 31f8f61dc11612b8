// SPDX-License-Identifier: GPL-3.0-or-later
// What comparing runs rests on: TensorBoard's smoothing and the settings two runs differ in.
#include <QtTest>
#include <cmath>

#include "Project.h"
#include "io/RunSettings.h"
#include "train/Smoothing.h"

using namespace nnplay;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

class TestRunComparison : public QObject {
    Q_OBJECT

private slots:
    void smoothingMatchesHandComputedValues() {
        // weight 0.5: averages 0.5, 1.25, 2.125 divided by 1 - 0.5^n = 0.5, 0.75, 0.875.
        const std::vector<double> out = smoothCurve({1.0, 2.0, 3.0}, 0.5);
        QCOMPARE(out.size(), std::size_t(3));
        QCOMPARE(out[0], 1.0);
        QVERIFY(std::abs(out[1] - 1.25 / 0.75) < 1e-12);
        QVERIFY(std::abs(out[2] - 2.125 / 0.875) < 1e-12);
        // weight 0.9 from 10 then 0: the averages are 1 and 0.9, debiased by 0.1 and 0.19.
        const std::vector<double> hard = smoothCurve({10.0, 0.0}, 0.9);
        QVERIFY(std::abs(hard[0] - 10.0) < 1e-12);
        QVERIFY(std::abs(hard[1] - 0.9 / 0.19) < 1e-12);
    }

    void smoothingLeavesGapsConstantsAndZeroWeightAlone() {
        const std::vector<double> gap = smoothCurve({1.0, NAN, 3.0}, 0.5);
        QCOMPARE(gap[0], 1.0);
        QVERIFY(std::isnan(gap[1]));
        // The gap does not count: the second finite value is averaged as the second.
        QVERIFY(std::abs(gap[2] - (0.25 + 1.5) / 0.75) < 1e-12);
        QCOMPARE(smoothCurve({2.0, 2.0, 2.0}, 0.9), (std::vector<double>{2.0, 2.0, 2.0}));
        QCOMPARE(smoothCurve({1.0, 5.0}, 0.0), (std::vector<double>{1.0, 5.0}));
        QVERIFY(smoothCurve({}, 0.6).empty());
    }

    void runNamesAreMadeUnique() {
        std::vector<RunRecord> runs{{"L2", "", History{}, false}, {"L2 (2)", "", History{}, false}};
        QCOMPARE(qs(uniqueRunName(runs, "L2")), QStringLiteral("L2 (3)"));
        QCOMPARE(qs(uniqueRunName(runs, "dropout")), QStringLiteral("dropout"));
        QCOMPARE(qs(uniqueRunName({}, "L2")), QStringLiteral("L2"));
    }

    void settingsLeaveOutWeightsIdsAndKeptData() {
        Project project = Project::defaultProject();
        project.title = "A title";
        project.network().layers[0].params = {Matrix::Ones(4, 2), Matrix::Zero(4, 1)};
        project.data.source = "csv";
        project.data.csvText = "x1,x2,label\n1,2,a\n";
        const std::string settings = RunSettings::of(project);
        QVERIFY(settings.find("A title") == std::string::npos);
        QVERIFY(settings.find("\"id\"") == std::string::npos);
        QVERIFY(settings.find("csv_text") == std::string::npos);
        QVERIFY(settings.find("\"learning_rate\"") != std::string::npos);
        QVERIFY(settings.find("\"dense\"") != std::string::npos);
        // The weights are gone, so a trained and an untrained network compare equal.
        Project untrained = project;
        untrained.network().layers[0].params.clear();
        QVERIFY(RunSettings::differences(settings, RunSettings::of(untrained)).empty());
    }

    void differencesNameTheSettingAndBothValues() {
        const Project a = Project::defaultProject();
        Project b = a;
        b.training.l2 = 0.01f;
        b.network().layers[0].settings["units"] = 8;
        const auto d = RunSettings::differences(RunSettings::of(a), RunSettings::of(b));
        QCOMPARE(d.size(), std::size_t(2));
        QCOMPARE(qs(d[0].key), QStringLiteral("network.layers[0].units"));
        QCOMPARE(qs(d[0].first), QStringLiteral("4"));
        QCOMPARE(qs(d[0].second), QStringLiteral("8"));
        QCOMPARE(qs(d[1].key), QStringLiteral("training.l2"));
        QCOMPARE(qs(d[1].first), QStringLiteral("0.0"));
        QCOMPARE(qs(d[1].second), QStringLiteral("0.01"));
    }

    void aLayerMoreIsOneDifference() {
        const Project a = Project::defaultProject();
        Project b = a;
        LayerSpec dropout;
        dropout.type = "dropout";
        b.network().layers.insert(b.network().layers.begin() + 2, dropout);
        const auto d = RunSettings::differences(RunSettings::of(a), RunSettings::of(b));
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(qs(d[0].key), QStringLiteral("network.layers"));
        QVERIFY(qs(d[0].second).contains(QStringLiteral("dropout")));
        QVERIFY(!qs(d[0].first).contains(QStringLiteral("dropout")));
    }

    void aMissingSettingIsSaidSo() {
        const Project a = Project::defaultProject();
        Project b = a;
        b.data.validationFraction = 0.2;
        const auto d = RunSettings::differences(RunSettings::of(a), RunSettings::of(b));
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(qs(d[0].key), QStringLiteral("data.validation_fraction"));
        QCOMPARE(qs(d[0].first), QStringLiteral("—"));
        // Runs of files written before settings were kept compare as having none.
        QCOMPARE(RunSettings::differences("", "").size(), std::size_t(0));
        QVERIFY(!RunSettings::differences("", RunSettings::of(a)).empty());
    }
};

QTEST_APPLESS_MAIN(TestRunComparison)
#include "test_run_comparison.moc"
