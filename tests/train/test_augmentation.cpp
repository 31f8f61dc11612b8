// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "data/DataLoader.h"
#include "data/Features.h"
#include "train/Augmenter.h"
#include "train/EditRules.h"
#include "train/SettingsCheck.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

const Shape kDigit{1, 8, 8};

DataInfo imageInfo(const Shape& shape) {
    DataInfo info;
    info.inputShape = shape;
    info.imageShape = shape;
    return info;
}

Vector onePixel(const Shape& shape, int x, int y) {
    Vector image = Vector::Zero(shape.stepSize());
    image[y * shape.width + x] = 1.0f;
    return image;
}

/// A picture with no symmetry: every pixel a different value.
Vector ramp(const Shape& shape) {
    Vector image(shape.stepSize());
    for (int i = 0; i < image.size(); ++i) image[i] = 0.01f * static_cast<float>(i * 7 % 61);
    return image;
}

Vector moved(const Vector& in, const Shape& shape, const Augmenter::Move& move) {
    Vector out(in.size());
    Augmenter::moveImage(in.data(), shape, move, out.data());
    return out;
}

/// Digits with few training images and a dense net that overfits them: the lesson's setting.
Project fewDigits() {
    Project p;
    p.data.source = "digits";
    p.data.trainFraction = 0.1;  // 180 training images, 1617 test images
    p.network() = NetworkSpec::multilayer({128, 10}, "relu", "softmax");
    p.training.loss = LossKind::Cce;
    p.training.optimizer.learningRate = 0.003f;
    p.training.batchSize = 16;
    return p;
}

std::unique_ptr<TrainingSession> sessionFor(const Project& p) {
    return std::make_unique<TrainingSession>(p, loadData(p.data, p.task, "."));
}

QString refusal(const Project& p) {
    try {
        sessionFor(p);
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestAugmentation : public QObject {
    Q_OBJECT
private slots:
    void shiftMovesAPixelByExactlyK_data();
    void shiftMovesAPixelByExactlyK();
    void shiftFillsWithBackground();
    void rotationOfZeroIsIdentity();
    void quarterTurnTurnsThePicture();
    void flipMirrorsAndTwiceIsIdentity();
    void noiseHasTheStandardDeviationAsked();
    void jitterRecomputesDerivedFeatures();
    void augmentsEachChannelAlike();
    void trainingBatchesChangeAndStoredDataNever();
    void sameSeedSameTraining();
    void raisesTestAccuracyOnFewDigits();
    void changeWhilePausedKeepsWeights();
    void refusesSettingsOutOfRange();
    void refusesDataItDoesNotApplyTo();
};

void TestAugmentation::shiftMovesAPixelByExactlyK_data() {
    QTest::addColumn<int>("dx");
    QTest::addColumn<int>("dy");
    QTest::newRow("right 2") << 2 << 0;
    QTest::newRow("up 1") << 0 << -1;
    QTest::newRow("left 3 down 2") << -3 << 2;
}

void TestAugmentation::shiftMovesAPixelByExactlyK() {
    QFETCH(int, dx);
    QFETCH(int, dy);
    const Vector out = moved(onePixel(kDigit, 4, 3), kDigit, {dx, dy, 0.0f, false});
    QCOMPARE(out, onePixel(kDigit, 4 + dx, 3 + dy));  // exactly: no interpolation blur
}

void TestAugmentation::shiftFillsWithBackground() {
    const Vector out = moved(Vector::Ones(kDigit.stepSize()), kDigit, {2, 0, 0.0f, false});
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) QCOMPARE(out[y * 8 + x], x < 2 ? 0.0f : 1.0f);
}

void TestAugmentation::rotationOfZeroIsIdentity() {
    const Vector in = ramp(kDigit);
    QCOMPARE(moved(in, kDigit, {}), in);
    AugmentationSpec spec;
    spec.rotation = 0.0f;
    spec.shift = 0;
    spec.noise = 0.0f;
    Augmenter augmenter(spec, imageInfo(kDigit), {}, 1);
    QVERIFY(!augmenter.active());
    Vector out(in.size());
    augmenter.augmentImage(in, out);
    QCOMPARE(out, in);
}

void TestAugmentation::quarterTurnTurnsThePicture() {
    // A turn of 90 degrees lands every pixel on a pixel: the picture turns without blur.
    const Vector in = ramp(kDigit);
    const Vector out = moved(in, kDigit, {0, 0, 90.0f, false});
    const Vector back = moved(out, kDigit, {0, 0, -90.0f, false});
    QVERIFY((back - in).cwiseAbs().maxCoeff() < 1e-4f);
    QVERIFY((out - in).cwiseAbs().maxCoeff() > 0.1f);
    // The corner pixel goes to another corner, which one depends only on the direction.
    const Vector corner = moved(onePixel(kDigit, 0, 0), kDigit, {0, 0, 90.0f, false});
    const float corners = corner[0] + corner[7] + corner[56] + corner[63];
    QVERIFY(std::abs(corners - 1.0f) < 1e-4f);
    QVERIFY(corner[0] < 1e-4f);
}

void TestAugmentation::flipMirrorsAndTwiceIsIdentity() {
    const Vector out = moved(onePixel(kDigit, 1, 2), kDigit, {0, 0, 0.0f, true});
    QCOMPARE(out, onePixel(kDigit, 6, 2));
    const Vector in = ramp(kDigit);
    QCOMPARE(moved(moved(in, kDigit, {0, 0, 0.0f, true}), kDigit, {0, 0, 0.0f, true}), in);

    // The augmenter flips about half of the samples.
    AugmentationSpec spec;
    spec.flip = true;
    Augmenter augmenter(spec, imageInfo(kDigit), {}, 3);
    const Vector mirrored = moved(in, kDigit, {0, 0, 0.0f, true});
    int flipped = 0;
    Vector outBuffer(in.size());
    for (int i = 0; i < 1000; ++i) {
        augmenter.augmentImage(in, outBuffer);
        if (outBuffer == mirrored)
            ++flipped;
        else
            QCOMPARE(outBuffer, in);
    }
    QVERIFY2(flipped > 440 && flipped < 560, qPrintable(QString::number(flipped)));
}

void TestAugmentation::noiseHasTheStandardDeviationAsked() {
    const Shape shape{1, 28, 28};
    AugmentationSpec spec;
    spec.noise = 0.2f;
    Augmenter augmenter(spec, imageInfo(shape), {}, 5);
    const Vector in = Vector::Constant(shape.stepSize(), 0.5f);
    Vector out(in.size());
    double sum = 0.0, squares = 0.0;
    long long n = 0;
    for (int i = 0; i < 50; ++i) {
        augmenter.augmentImage(in, out);
        for (Eigen::Index k = 0; k < out.size(); ++k) {
            const double d = out[k] - 0.5;
            sum += d;
            squares += d * d;
            ++n;
        }
    }
    const double mean = sum / static_cast<double>(n);
    const double sd = std::sqrt(squares / static_cast<double>(n) - mean * mean);
    QVERIFY2(std::abs(mean) < 0.005, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(sd - 0.2) < 0.004, qPrintable(QString::number(sd)));
}

void TestAugmentation::jitterRecomputesDerivedFeatures() {
    Project p;
    p.data.source = "circle";
    p.data.features = {"x1", "x1^2", "sin(x2)"};
    const DataSplit data = loadData(p.data, p.task, ".");
    QCOMPARE(data.train.inputs.rows(), 3);
    AugmentationSpec spec;
    spec.jitter = 0.5f;
    Augmenter augmenter(spec, data.info, p.data.features, 7);
    QVERIFY(augmenter.active());
    Vector out(3);
    double squares = 0.0;
    const int n = data.train.sampleCount();
    for (int i = 0; i < n; ++i) {
        augmenter.augment(data.train, i, out);
        // Every feature is that of the same moved point.
        QCOMPARE(out[1], out[0] * out[0]);
        const double d = out[0] - data.train.points(0, i);
        squares += d * d;
    }
    const double sd = std::sqrt(squares / n);
    QVERIFY2(std::abs(sd - 0.5) < 0.08, qPrintable(QString::number(sd)));
    // The same stream with the raw features: sin(x2) is the sine of the moved x2.
    Augmenter again(spec, data.info, p.data.features, 7);
    Augmenter points(spec, data.info, {"x1", "x2"}, 7);
    Vector xy(2);
    for (int i = 0; i < 20; ++i) {
        again.augment(data.train, i, out);
        points.augment(data.train, i, xy);
        QCOMPARE(out[0], xy[0]);
        QCOMPARE(out[2], std::sin(xy[1]));
    }
}

void TestAugmentation::augmentsEachChannelAlike() {
    const Shape rgb{3, 6, 6};
    Vector in = Vector::Zero(rgb.stepSize());
    for (int c = 0; c < 3; ++c) in[c * 36 + 2 * 6 + 1] = static_cast<float>(c + 1);
    const Vector out = moved(in, rgb, {1, 2, 0.0f, true});
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(out.segment(c * 36, 36).sum(), static_cast<float>(c + 1));
        QCOMPARE(out[c * 36 + 4 * 6 + 5], static_cast<float>(c + 1));  // x 1 -> 4 -> 5, y 2 -> 4
    }
}

void TestAugmentation::trainingBatchesChangeAndStoredDataNever() {
    Project p = fewDigits();
    Project augmented = p;
    augmented.training.augmentation.rotation = 12.0f;
    augmented.training.augmentation.noise = 0.25f;
    auto plain = sessionFor(p);
    auto changed = sessionFor(augmented);
    const Matrix train = changed->data().train.inputs;
    const Matrix test = changed->data().test.inputs;
    QCOMPARE(plain->model().paramValues()[0], changed->model().paramValues()[0]);
    plain->step();
    changed->step();
    // The same samples in the same order (the shuffle has its own stream), other inputs.
    QVERIFY(plain->model().paramValues()[0] != changed->model().paramValues()[0]);
    changed->run(3);
    QCOMPARE(changed->data().train.inputs, train);
    QCOMPARE(changed->data().test.inputs, test);
    // Test figures are measured on the stored test images: scoring twice gives the same.
    QCOMPARE(changed->score(changed->data().test).loss, changed->score(changed->data().test).loss);
}

void TestAugmentation::sameSeedSameTraining() {
    Project p = fewDigits();
    p.training.augmentation = {1, 10.0f, 0.1f, true, 0.0f};
    auto a = sessionFor(p);
    auto b = sessionFor(p);
    a->run(3);
    b->run(3);
    QCOMPARE(a->history(), b->history());
    QCOMPARE(a->model().paramValues()[0], b->model().paramValues()[0]);
    p.training.seed = 2;
    auto c = sessionFor(p);
    c->run(3);
    QVERIFY(!(c->history() == a->history()));

    Project points;
    points.data.source = "spiral";
    points.network() = NetworkSpec::multilayer({8, 1}, "tanh", "sigmoid");
    points.training.augmentation.jitter = 0.3f;
    auto d = sessionFor(points);
    auto e = sessionFor(points);
    d->run(2);
    e->run(2);
    QCOMPARE(d->history(), e->history());
}

void TestAugmentation::raisesTestAccuracyOnFewDigits() {
    Project p = fewDigits();
    p.training.epochs = 120;
    Project augmented = p;
    augmented.training.augmentation.rotation = 12.0f;
    augmented.training.augmentation.noise = 0.25f;
    for (std::uint32_t seed : {1u, 2u}) {
        p.training.seed = augmented.training.seed = seed;
        auto plain = sessionFor(p);
        auto changed = sessionFor(augmented);
        plain->run(p.training.epochs);
        changed->run(p.training.epochs);
        const double before = plain->score(plain->data().test).accuracy;
        const double after = changed->score(changed->data().test).accuracy;
        QVERIFY2(after > before + 0.005,
                 qPrintable(QString("seed %1: %2 -> %3").arg(seed).arg(before).arg(after)));
    }
}

void TestAugmentation::changeWhilePausedKeepsWeights() {
    Project p = fewDigits();
    auto session = sessionFor(p);
    session->run(2);
    const std::vector<Matrix> before = session->model().paramValues();
    TrainingSpec t = session->training();
    t.augmentation.shift = 1;
    t.augmentation.flip = true;
    QVERIFY(!trainingEditNeedsRebuild(session->training(), t));
    session->updateTraining(t);
    QCOMPARE(session->model().paramValues()[0], before[0]);
    QCOMPARE(session->training().augmentation, t.augmentation);
    QCOMPARE(session->epoch(), 2);
    session->stepEpoch();
    QCOMPARE(session->epoch(), 3);
    t.augmentation.jitter = 0.2f;  // not for images
    QVERIFY_THROWS_EXCEPTION(InputError, session->updateTraining(t));
}

void TestAugmentation::refusesSettingsOutOfRange() {
    const auto message = [](const AugmentationSpec& a) {
        TrainingSpec t;
        t.augmentation = a;
        try {
            checkTrainingSpec(t);
        } catch (const InputError& e) {
            return QString::fromStdString(e.what());
        }
        return QString();
    };
    QVERIFY(message({}).isEmpty());
    QVERIFY(message({8, 45.0f, 1.0f, true, 2.0f}).isEmpty());
    QVERIFY(message({9, 0, 0, false, 0}).contains("training.augmentation.shift"));
    QVERIFY(message({-1, 0, 0, false, 0}).contains("training.augmentation.shift"));
    QVERIFY(message({0, 50.0f, 0, false, 0}).contains("training.augmentation.rotation"));
    QVERIFY(message({0, -1.0f, 0, false, 0}).contains("training.augmentation.rotation"));
    QVERIFY(message({0, 0, 1.5f, false, 0}).contains("training.augmentation.noise"));
    QVERIFY(message({0, 0, 0, false, NAN}).contains("training.augmentation.jitter"));
}

void TestAugmentation::refusesDataItDoesNotApplyTo() {
    Project sine;
    sine.task = Task::Regression;
    sine.data.source = "sine";
    sine.network() = NetworkSpec::multilayer({4, 1}, "tanh", "linear");
    sine.training.loss = LossKind::Mse;
    sine.training.augmentation.shift = 2;
    QString text = refusal(sine);
    QVERIFY2(text.contains("training.augmentation.shift") && text.contains("not pictures"),
             qPrintable(text));

    Project digits = fewDigits();
    digits.training.augmentation.jitter = 0.3f;
    text = refusal(digits);
    QVERIFY2(text.contains("training.augmentation.jitter") && text.contains("shift, rotation"),
             qPrintable(text));

    Project plane;
    plane.data.source = "xor";
    plane.network() = NetworkSpec::multilayer({4, 1}, "tanh", "sigmoid");
    plane.training.augmentation.flip = true;
    text = refusal(plane);
    QVERIFY2(text.contains("training.augmentation.flip") && text.contains("use jitter"),
             qPrintable(text));
    plane.training.augmentation = {};
    plane.training.augmentation.jitter = 0.2f;
    QVERIFY(refusal(plane).isEmpty());

    QCOMPARE(augmentedDataOf("digits"), AugmentedData::Images);
    QCOMPARE(augmentedDataOf("fashion-mnist"), AugmentedData::Images);
    QCOMPARE(augmentedDataOf("moons"), AugmentedData::Points);
    QCOMPARE(augmentedDataOf("csv"), AugmentedData::None);
    QCOMPARE(augmentedDataOf("text"), AugmentedData::None);
}

QTEST_GUILESS_MAIN(TestAugmentation)
#include "test_augmentation.moc"
