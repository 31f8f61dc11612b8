// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "data/DataLoader.h"
#include "export/PyTorchExport.h"
#include "io/ProjectFile.h"
#include "train/EnsembleSession.h"
#include "train/SettingsCheck.h"

using namespace nnplay;

namespace {

/// Noisy moons, few points, a network big enough to overfit them.
Project noisyProject(int members, bool bootstrap) {
    Project p;
    p.data.source = "moons";
    p.data.samples = 200;
    p.data.noise = 0.3;
    p.data.trainFraction = 0.5;
    p.network() = NetworkSpec::multilayer({32, 32, 1}, "tanh", "sigmoid");
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.01f;
    p.training.batchSize = 10;
    p.training.epochs = 60;
    p.training.ensemble = {members, bootstrap};
    return p;
}

std::unique_ptr<EnsembleSession> ensembleFor(const Project& p) {
    return std::make_unique<EnsembleSession>(p, loadData(p.data, p.task, "."));
}

}  // namespace

class TestEnsembleSession : public QObject {
    Q_OBJECT
private slots:
    void makeSessionPicksTheEnsemble() {
        const Project one = noisyProject(1, false);
        QVERIFY(dynamic_cast<TrainingSession*>(makeSession(one, ".").get()));
        const Project three = noisyProject(3, true);
        QVERIFY(dynamic_cast<EnsembleSession*>(makeSession(three, ".").get()));
    }

    void membersOutOfRangeAreRefused() {
        for (const int members : {0, TrainingSpec::Ensemble::kMaxMembers + 1}) {
            TrainingSpec t;
            t.ensemble.members = members;
            try {
                checkTrainingSpec(t);
                QFAIL("accepted");
            } catch (const InputError& e) {
                QVERIFY2(
                    std::string(e.what()).find("training.ensemble.members") != std::string::npos,
                    e.what());
            }
        }
    }

    void bootstrapSamplesDifferAndKeepTheTrainingSize() {
        auto session = ensembleFor(noisyProject(4, true));
        const int n = session->data().train.sampleCount();
        std::set<std::vector<int>> samples;
        for (int k = 0; k < session->memberCount(); ++k) {
            std::vector<int> sample = session->member(k).trainingSamples();
            QCOMPARE(static_cast<int>(sample.size()), n);
            QVERIFY(
                std::all_of(sample.begin(), sample.end(), [n](int i) { return i >= 0 && i < n; }));
            std::sort(sample.begin(), sample.end());
            // With replacement: some samples come twice, so some are missing.
            QVERIFY(std::adjacent_find(sample.begin(), sample.end()) != sample.end());
            samples.insert(sample);
        }
        QCOMPARE(static_cast<int>(samples.size()), session->memberCount());
        // Without bootstrap every member sees each sample once.
        auto plain = ensembleFor(noisyProject(2, false));
        std::vector<int> all = plain->member(1).trainingSamples();
        std::sort(all.begin(), all.end());
        std::vector<int> expected(static_cast<std::size_t>(n));
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(all, expected);
    }

    void membersStartAndEndWithDifferentWeights() {
        auto session = ensembleFor(noisyProject(3, false));
        const Matrix start0 = session->member(0).model().paramValues().front();
        const Matrix start1 = session->member(1).model().paramValues().front();
        QVERIFY(!start0.isApprox(start1));
        session->run(5);
        QVERIFY(!session->member(0).model().paramValues().front().isApprox(
            session->member(1).model().paramValues().front()));
        // Member 1 trains as the single network of the same project does.
        const Project single = noisyProject(1, false);
        TrainingSession alone(single, loadData(single.data, single.task, "."));
        alone.run(5);
        QVERIFY(alone.model().paramValues().front().isApprox(
            session->member(0).model().paramValues().front()));
    }

    void predictionAveragesTheMembers() {
        auto session = ensembleFor(noisyProject(3, true));
        session->run(3);
        const Matrix& inputs = session->data().test.inputs;
        Matrix averaged, one, sum;
        session->predict(inputs, averaged);
        for (int k = 0; k < session->memberCount(); ++k) {
            session->member(k).predict(inputs, one);
            if (k == 0)
                sum = one;
            else
                sum += one;
        }
        sum /= static_cast<float>(session->memberCount());
        QCOMPARE(averaged.rows(), sum.rows());
        QCOMPARE(averaged.cols(), sum.cols());
        QVERIFY((averaged - sum).cwiseAbs().maxCoeff() < 1e-6f);
    }

    void ensembleIsAtLeastAsAccurateAsItsAverageMember() {
        auto session = ensembleFor(noisyProject(5, true));
        session->run(60);
        const std::vector<double> members = session->memberTestFigures();
        QCOMPARE(static_cast<int>(members.size()), 5);
        const double mean = std::accumulate(members.begin(), members.end(), 0.0) / 5.0;
        const double ensemble = session->score(session->data().test).accuracy;
        QVERIFY2(ensemble >= mean, qPrintable(QString("%1 < %2").arg(ensemble).arg(mean)));
        // The history shows the ensemble: its last row is the averaged output's score.
        const History& h = session->history();
        QCOMPARE(h.size(), std::size_t(60));
        QCOMPARE(h.value(h.size() - 1, h.column(HistoryColumn::kTestAccuracy)),
                 static_cast<float>(ensemble));
    }

    void resultsListEveryMember() {
        auto session = ensembleFor(noisyProject(3, false));
        session->run(2);
        const std::vector<Session::Figure> figures = session->results();
        const auto list = std::find_if(figures.begin(), figures.end(), [](const auto& f) {
            return f.name == "member_test_accuracy";
        });
        QVERIFY(list != figures.end());
        QVERIFY(list->list);
        QCOMPARE(list->values, session->memberTestFigures());
        QVERIFY(std::any_of(figures.begin(), figures.end(),
                            [](const auto& f) { return f.name == "test_accuracy"; }));
    }

    void aRegressionListsEveryMembersMse() {
        Project p;
        p.task = Task::Regression;
        p.data.source = "plane";
        p.data.samples = 200;
        p.network() = NetworkSpec::multilayer({8, 1}, "tanh", "linear");
        p.training.loss = LossKind::Mse;
        p.training.optimizer.kind = "adam";
        p.training.optimizer.learningRate = 0.01f;
        p.training.ensemble = {3, true};
        auto session = ensembleFor(p);
        session->run(10);
        const std::vector<Session::Figure> figures = session->results();
        const auto list = std::find_if(figures.begin(), figures.end(),
                                       [](const auto& f) { return f.name == "member_test_mse"; });
        QVERIFY(list != figures.end());
        QCOMPARE(list->values.size(), std::size_t(3));
        // The mean of the members' values has a squared error no larger than their mean one.
        const double mean = std::accumulate(list->values.begin(), list->values.end(), 0.0) / 3.0;
        QVERIFY(session->regressionMetrics(session->data().test).mse <= mean + 1e-9);
    }

    void viewsShowTheAverageAndEachMember() {
        auto session = ensembleFor(noisyProject(3, true));
        session->run(2);
        ViewRequest request;
        request.gridSize = 16;
        request.members = true;
        SessionViews views;
        session->fillViews(request, views);
        QCOMPARE(views.ensemble.boundaries.size(), std::size_t(3));
        QCOMPARE(views.ensemble.gridSize, SessionViews::EnsembleViews::kGridSize);
        QCOMPARE(views.ensemble.boundaries[0][0].size(),
                 std::size_t(SessionViews::EnsembleViews::kGridSize *
                             SessionViews::EnsembleViews::kGridSize));
        QCOMPARE(views.ensemble.testFigures, session->memberTestFigures());
        QCOMPARE(views.ensemble.ensembleFigure, session->score(session->data().test).accuracy);
        QVERIFY(views.hasMetrics);
        QCOMPARE(views.test.classification->accuracy, views.ensemble.ensembleFigure);
        QCOMPARE(views.boundary.size(), std::size_t(1));
    }

    void storedMembersComeBackFromTheFile() {
        Project p = noisyProject(3, true);
        auto session = ensembleFor(p);
        session->run(3);
        session->storeInto(p);
        QCOMPARE(p.ensembleMembers.size(), std::size_t(2));
        const Project loaded = ProjectFile::parse(ProjectFile::serialize(p));
        QCOMPARE(loaded.training.ensemble, p.training.ensemble);
        QCOMPARE(loaded.ensembleMembers.size(), std::size_t(2));
        auto again = ensembleFor(loaded);
        QCOMPARE(again->epoch(), 3);
        const Matrix& inputs = session->data().test.inputs;
        Matrix before, after;
        for (int k = 0; k < 3; ++k) {
            session->member(k).predict(inputs, before);
            again->member(k).predict(inputs, after);
            QVERIFY2((before - after).cwiseAbs().maxCoeff() < 1e-4f,
                     qPrintable(QString::number(k)));
        }
        // A file of one network has no ensemble keys.
        Project single = noisyProject(1, false);
        const std::string text = ProjectFile::serialize(single);
        QVERIFY(text.find("ensemble") == std::string::npos);
    }

    void aSequenceOutputIsRefused() {
        Project p;
        p.task = Task::Regression;
        p.data.source = "sine";
        p.network().add("simple_rnn", 8).settings["return_sequences"] = 1;
        p.network().add("dense", 1);
        p.training.loss = LossKind::Mse;
        p.training.ensemble.members = 2;
        try {
            ensembleFor(p);
            QFAIL("accepted");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("ensemble") != std::string::npos, e.what());
        }
    }

    void pyTorchExportRefusesAnEnsemble() {
        Project p = noisyProject(2, false);
        auto session = ensembleFor(p);
        session->run(1);
        session->storeInto(p);
        try {
            PyTorchExport(p, loadData(p.data, p.task, "."));
            QFAIL("accepted");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("ensemble of 2") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestEnsembleSession)
#include "test_ensemble_session.moc"
