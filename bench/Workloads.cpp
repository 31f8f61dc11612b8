// SPDX-License-Identifier: GPL-3.0-or-later
#include "Workloads.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "data/DataLoader.h"
#include "data/Features.h"
#include "data/PlaneGenerators.h"
#include "train/Session.h"
#include "train/TrainingSession.h"

namespace nnplay::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<TrainingSession> makeSession(const Project& p) {
    auto session = std::make_unique<TrainingSession>(p, loadData(p.data, p.task, "."));
    session->setEpochEvaluation(false);  // raw training speed, as the peer scripts measure
    return session;
}

// W1: Playground's default. Circle, 250 training points, 2-4-2-1 tanh with a tanh output,
// squared error, SGD 0.03, batch 10, no shuffling, 200 epochs.
std::vector<Figure> w1(int reps) {
    Project p;
    p.data.source = "circle";
    p.data.samples = 500;
    p.data.trainFraction = 0.5;
    p.network() = NetworkSpec::multilayer({4, 2, 1}, "tanh", "tanh");
    p.training.loss = LossKind::Mse;
    p.training.optimizer.kind = "sgd";
    // Playground minimises 0.5 * squared error; mse without the half at lr/2 is the same step.
    p.training.optimizer.learningRate = 0.015f;
    p.training.batchSize = 10;
    p.training.shuffle = false;
    p.training.init = InitScheme::Playground;
    constexpr int kEpochs = 200;
    auto session = makeSession(p);
    const int n = session->data().train.sampleCount();
    session->run(kEpochs);  // warm-up
    std::vector<double> rates;
    for (int r = 0; r < reps; ++r) {
        const auto start = Clock::now();
        session->run(kEpochs);
        rates.push_back(n * kEpochs / seconds(start));
    }
    Figure f = summarize("W1", "train_samples/s", "samples/s", rates);
    f.extra.push_back(
        {"train_acc", session->classificationMetrics(session->data().train).accuracy});
    return {f};
}

}  // namespace

Project spiralProject() {
    Project p;
    p.data.source = "spiral";
    p.data.samples = 2000;  // 1000 training points
    p.data.noise = 0.2;
    p.data.trainFraction = 0.5;
    p.network() = NetworkSpec::multilayer({64, 64, 64, 1}, "relu", "sigmoid");
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 1e-3f;
    p.training.batchSize = 32;
    p.training.shuffle = true;
    p.training.init = InitScheme::PyTorch;
    return p;
}

namespace {

// W2: spiral, 2-64-64-64-1 ReLU, sigmoid+BCE fused, Adam 1e-3, batch 32, 20 epochs per rep.
// W3: forward of a 200x200 grid over the plane through W2's trained network.
std::vector<Figure> w2w3(int reps) {
    auto session = makeSession(spiralProject());
    const int n = session->data().train.sampleCount();
    constexpr int kEpochs = 20;
    session->run(kEpochs);
    std::vector<double> rates;
    for (int r = 0; r < reps; ++r) {
        const auto start = Clock::now();
        session->run(kEpochs);
        rates.push_back(n * kEpochs / seconds(start));
    }
    Figure w2 = summarize("W2", "train_samples/s", "samples/s", rates);
    w2.extra.push_back(
        {"train_acc", session->classificationMetrics(session->data().train).accuracy});

    constexpr int kSide = 200;
    Matrix points(2, kSide * kSide);
    for (int row = 0; row < kSide; ++row)
        for (int col = 0; col < kSide; ++col) {
            points(0, row * kSide + col) = kPlaneExtent * (2.0f * col / (kSide - 1) - 1.0f);
            points(1, row * kSide + col) = kPlaneExtent * (2.0f * row / (kSide - 1) - 1.0f);
        }
    Matrix inputs, out;
    const std::vector<std::string>& features = session->data().info.featureNames;
    std::vector<double> times;
    for (int r = 0; r < std::max(reps, 15) + 3; ++r) {
        const auto start = Clock::now();
        derivePlaneFeatures(points, features, inputs);
        session->predict(inputs, out);
        if (r >= 3) times.push_back(seconds(start) * 1e3);
    }
    Figure w3 = summarize("W3", "ms/grid", "ms", times);
    w3.extra.push_back({"points", kSide * kSide});
    return {w2, w3};
}

// W4: digits 64-128-10 ReLU, softmax CE fused, Adam 1e-3, batch 32, 20 epochs.
std::vector<Figure> w4(int) {
    Project p;
    p.data.source = "digits";
    p.data.trainFraction = 0.8;  // 1438 train / 359 test, as the peers
    p.network() = NetworkSpec::multilayer({128, 10}, "relu", "softmax");
    p.training.loss = LossKind::Cce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 1e-3f;
    p.training.batchSize = 32;
    p.training.init = InitScheme::PyTorch;
    p.training.seed = 5;
    {
        auto warm = makeSession(p);
        warm->run(1);
    }
    auto session = makeSession(p);
    std::vector<double> perEpoch;
    for (int e = 0; e < 20; ++e) {
        const auto start = Clock::now();
        session->stepEpoch();
        perEpoch.push_back(seconds(start));
    }
    Figure f = summarize("W4", "s/epoch", "s", perEpoch);
    f.extra.push_back(
        {"test_acc_20ep", session->classificationMetrics(session->data().test).accuracy});
    f.extra.push_back({"train_n", session->data().train.sampleCount()});
    return {f};
}

/// A network of layers given as (type, settings).
NetworkSpec layers(
    std::initializer_list<std::pair<std::string, std::map<std::string, double>>> list) {
    NetworkSpec net;
    for (const auto& [type, settings] : list) net.add(type).settings = settings;
    return net;
}

/// Trains `p` for `epochs` timed epochs after one warm-up epoch of another session.
Figure perEpoch(const std::string& id, const Project& p, int epochs) {
    {
        auto warm = makeSession(p);
        warm->stepEpoch();
    }
    auto session = makeSession(p);
    std::vector<double> times;
    for (int e = 0; e < epochs; ++e) {
        const auto start = Clock::now();
        session->stepEpoch();
        times.push_back(seconds(start));
    }
    Figure f = summarize(id, "s/epoch", "s", times);
    f.extra.push_back({"test_acc", session->classificationMetrics(session->data().test).accuracy});
    f.extra.push_back({"epochs", epochs});
    return f;
}

Project convProject(const std::string& source, NetworkSpec network, int batch) {
    Project p;
    p.data.source = source;
    p.data.trainFraction = 0.8;  // digits: 1438 train / 359 test, as the peers
    p.network() = std::move(network);
    p.training.loss = LossKind::Cce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 1e-3f;
    p.training.batchSize = batch;
    p.training.init = InitScheme::PyTorch;
    p.training.seed = 6;
    return p;
}

// W5: digits as 1x8x8, conv 3x3x8 same + ReLU, maxpool 2, dense 10, Adam 1e-3, batch 32.
std::vector<Figure> w5(int reps) {
    const Project p = convProject("digits",
                                  layers({{"conv2d", {{"filters", 8}, {"kernel_size", 3}}},
                                          {"relu", {}},
                                          {"maxpool2d", {}},
                                          {"dense", {{"units", 10}}},
                                          {"softmax", {}}}),
                                  32);
    return {perEpoch("W5", p, std::max(reps, 10))};
}

// W7: Elman RNN (tanh) 16 + dense 1 at every step, the next value of sine waves, T=20, batch
// 16, MSE, Adam 1e-3; 1024 windows of frequency 0.1..0.3 rad/step, as the peers.
std::vector<Figure> w7(int reps) {
    Project p;
    p.task = Task::Regression;
    p.data.source = "sine";
    p.data.samples = 1024 * 10 / 9;  // 1024 train after the 0.9 split
    p.data.sequenceLength = 20;
    p.data.frequencyMin = 0.1 / (2 * M_PI);
    p.data.frequencyMax = 0.3 / (2 * M_PI);
    p.data.trainFraction = 0.9;
    p.network() = layers({{"simple_rnn", {{"units", 16}, {"return_sequences", 1}}},
                          {"dense", {{"units", 1}}}});
    p.training.loss = LossKind::Mse;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 1e-3f;
    p.training.batchSize = 16;
    p.training.init = InitScheme::PyTorch;
    p.training.seed = 10;
    auto session = makeSession(p);
    session->stepEpoch();  // warm-up
    const int samples = session->data().train.sampleCount();
    std::vector<double> rates;
    for (int r = 0; r < std::max(reps, 5); ++r) {
        const auto start = Clock::now();
        for (int e = 0; e < 4; ++e) session->stepEpoch();
        rates.push_back(4.0 * samples / seconds(start));
    }
    Figure f = summarize("W7", "sequences/s", "seq/s", rates);
    f.extra.push_back({"train_sequences", samples});
    return {f};
}

// W6: a 2-D GAN on a ring of 8 Gaussians, G 2-32-32-2 and D 2-32-32-1 (ReLU; D ends in its
// logit), Adam 1e-3 both, batch 64, non-saturating loss, Gaussian noise, one D and one G update
// a step. The peers measure nothing while they train, so neither does this run (no history
// row); with the window's measurements every 100 steps is an extra figure.
std::vector<Figure> w6(int reps) {
    Project p = Project::defaultGanProject();
    const auto relu = [](int outputs) {
        return layers({{"dense", {{"units", 32}}},
                       {"relu", {}},
                       {"dense", {{"units", 32}}},
                       {"relu", {}},
                       {"dense", {{"units", outputs}}}});
    };
    *p.findNetwork(Project::kGenerator) = relu(2);
    *p.findNetwork(Project::kDiscriminator) = relu(1);
    // Ids unique across the two networks, as a project file gives them.
    int id = 1;
    for (NamedNetwork& n : p.networks)
        for (LayerSpec& layer : n.spec.layers) layer.id = id++;
    p.gan.noise.distribution = NoiseDistribution::Gaussian;
    p.gan.init = InitScheme::PyTorch;
    p.gan.seed = 8;
    constexpr int kSteps = 300;
    auto rate = [&](int measureEvery) {
        Project q = p;
        q.gan.measureEvery = measureEvery;
        std::unique_ptr<Session> session = nnplay::makeSession(q, std::string("."));
        for (int s = 0; s < kSteps; ++s) session->step();  // warm-up
        std::vector<double> rates;
        for (int r = 0; r < std::max(reps, 5); ++r) {
            const auto start = Clock::now();
            for (int s = 0; s < kSteps; ++s) session->step();
            rates.push_back(kSteps / seconds(start));
        }
        return rates;
    };
    Figure f = summarize("W6", "gan_steps/s", "steps/s", rate(1 << 30));
    const Figure measured = summarize("W6", "", "", rate(100));
    f.extra.push_back({"steps/s_measuring_every_100", measured.median});
    return {f};
}

// W8: Fashion-MNIST, conv 5x5x16 valid + ReLU, maxpool 2, conv 5x5x32 valid + ReLU, maxpool 2,
// dense 10, Adam 1e-3, batch 64; W8_EPOCHS timed epochs (2 unless set).
std::vector<Figure> w8(int) {
    const std::map<std::string, double> valid = {{"kernel_size", 5}, {"padding", 1}};
    auto with = [](std::map<std::string, double> s, double filters) {
        s["filters"] = filters;
        return s;
    };
    const Project p = convProject("fashion-mnist",
                                  layers({{"conv2d", with(valid, 16)},
                                          {"relu", {}},
                                          {"maxpool2d", {}},
                                          {"conv2d", with(valid, 32)},
                                          {"relu", {}},
                                          {"maxpool2d", {}},
                                          {"dense", {{"units", 10}}},
                                          {"softmax", {}}}),
                                  64);
    const char* epochs = std::getenv("W8_EPOCHS");
    auto session = makeSession(p);
    std::vector<double> times;
    for (int e = 0; e < (epochs ? std::max(1, std::atoi(epochs)) : 2); ++e) {
        const auto start = Clock::now();
        session->stepEpoch();
        times.push_back(seconds(start));
    }
    Figure f = summarize("W8", "s/epoch", "s", times);
    f.extra.push_back({"test_acc", session->classificationMetrics(session->data().test).accuracy});
    f.extra.push_back({"epochs", static_cast<double>(times.size())});
    return {f};
}

}  // namespace

Figure summarize(const std::string& workload, const std::string& metric, const std::string& unit,
                 std::vector<double> values) {
    std::sort(values.begin(), values.end());
    Figure f;
    f.workload = workload;
    f.metric = metric;
    f.unit = unit;
    const std::size_t n = values.size();
    f.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    f.min = values.front();
    f.max = values.back();
    f.repetitions = static_cast<int>(n);
    return f;
}

std::vector<Workload> engineWorkloads() {
    return {
        {"W1", "Playground default: circle 2-4-2-1 tanh, SGD, batch 10", w1},
        {"W2", "spiral 2-64-64-64-1 ReLU, Adam, batch 32 (and W3: 200x200 grid)", w2w3},
        {"W4", "digits 64-128-10 ReLU, Adam, batch 32", w4},
        {"W5", "digits 1x8x8: conv 3x3x8 same, ReLU, maxpool 2, dense 10; Adam, batch 32", w5},
        {"W6", "2-D GAN, ring of 8: G 2-32-32-2, D 2-32-32-1 ReLU, Adam, batch 64", w6},
        {"W7", "sine T=20: SimpleRNN 16 + dense 1 per step, MSE, Adam, batch 16", w7},
        {"W8", "Fashion-MNIST: conv 5x5x16, maxpool, conv 5x5x32, maxpool, dense 10; batch 64", w8},
    };
}

}  // namespace nnplay::bench
