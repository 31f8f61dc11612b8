// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SequenceGenerator.h"

#include <algorithm>
#include <cmath>

#include "MessageText.h"
#include "Random.h"
#include "data/TextLoader.h"

namespace nnplay {

SequenceGenerator::SequenceGenerator(Model& model, const DataInfo& info, OutputReading reading)
    : m_model(model),
      m_reading(reading),
      m_task(info.task),
      m_steps(info.inputShape.steps),
      m_features(info.inputShape.stepSize()) {
    if (!info.inputShape.isSequence())
        throw InputError("only sequence data (sine, text) can be generated; these samples are " +
                         info.inputShape.toString());
    if (m_task == Task::Classification && m_features != info.classCount())
        throw InputError("text generation needs one input per class at every step (" +
                         std::to_string(info.classCount()) + "), but a step has " +
                         std::to_string(m_features));
    if (m_task == Task::Regression && m_features != 1)
        throw InputError("a series is generated one value per step, but a step has " +
                         std::to_string(m_features) + " values");
    m_input.setZero(static_cast<Eigen::Index>(m_steps) * m_features, 1);
}

ConstMatrixRef SequenceGenerator::run() {
    m_output = m_model.forward(m_input, Mode::Infer);
    return m_output;
}

void SequenceGenerator::recordFollowed(int fromStep) {
    if (m_followLayer < 0 || m_followLayer >= m_model.layerCount()) return;
    Layer& layer = m_model.layer(m_followLayer);
    const ConstMatrixRef states = layer.stepStates();
    if (states.rows() == 0) return;
    const int units = static_cast<int>(states.rows()) / m_steps;
    if (m_followed.units != units) {
        m_followed = {};
        m_followed.units = units;
    }
    if (m_followed.gateNames.empty()) {
        m_followed.gateNames = layer.gateNames();
        m_followed.gates.resize(m_followed.gateNames.size());
    }
    for (int t = fromStep; t < m_steps; ++t)
        for (int u = 0; u < units; ++u) m_followed.states.push_back(states(t * units + u, 0));
    appendStepGates(layer.stepGates(), 0, units, fromStep, m_steps, m_followed.gates);
}

std::vector<double> SequenceGenerator::nextClassDistribution(const std::vector<int>& window,
                                                             double temperature) {
    m_input.setZero();
    const int used = std::min<int>(m_steps, static_cast<int>(window.size()));
    const int firstStep = m_steps - used;  // earlier steps stay all zeros
    for (int t = 0; t < used; ++t) {
        const int klass = window[window.size() - static_cast<std::size_t>(used - t)];
        m_input((firstStep + t) * m_features + klass, 0) = 1.0f;
    }
    const ConstMatrixRef out = run();
    const int classes = m_features;
    std::vector<double> p(static_cast<std::size_t>(classes), 0.0);
    const int best = m_reading.classOf(out, 0);
    double largest = 0.0;
    for (int k = 0; k < classes; ++k) {
        p[k] = m_reading.probability(out, 0, k);
        largest = std::max(largest, p[k]);
    }
    if (temperature <= 0.0 || largest <= 0.0) {
        std::fill(p.begin(), p.end(), 0.0);
        p[static_cast<std::size_t>(best)] = 1.0;
        return p;
    }
    // p^(1/T) relative to the largest, in logarithms so a small T does not underflow to 0/0.
    double sum = 0.0;
    for (double& v : p) {
        v = v > 0.0 ? std::exp((std::log(v) - std::log(largest)) / temperature) : 0.0;
        sum += v;
    }
    for (double& v : p) v /= sum;
    return p;
}

std::vector<int> SequenceGenerator::sampleClasses(const std::vector<int>& start, int count,
                                                  double temperature, std::uint32_t seed) {
    if (start.empty()) throw InputError("text generation needs at least one character to start");
    Random rng(seed);
    std::vector<int> window = start;
    std::vector<int> out;
    out.reserve(static_cast<std::size_t>(std::max(count, 0)));
    m_followed = {};
    for (int i = 0; i < count; ++i) {
        const std::vector<double> p = nextClassDistribution(window, temperature);
        recordFollowed(i == 0 ? std::max(0, m_steps - static_cast<int>(window.size()))
                              : m_steps - 1);
        int chosen = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
        if (temperature > 0.0) {
            const double u = rng.uniform();
            double cumulative = 0.0;
            for (std::size_t k = 0; k < p.size(); ++k) {
                cumulative += p[k];
                if (p[k] > 0.0 && u < cumulative) {
                    chosen = static_cast<int>(k);
                    break;
                }
            }
        }
        out.push_back(chosen);
        window.push_back(chosen);
        if (static_cast<int>(window.size()) > 2 * m_steps)  // keep only what the window reads
            window.erase(window.begin(), window.end() - m_steps);
    }
    return out;
}

std::vector<float> SequenceGenerator::continueSeries(const std::vector<float>& start, int count) {
    if (static_cast<int>(start.size()) < m_steps)
        throw InputError("a series continues from a window of " + std::to_string(m_steps) +
                         " values, but only " + std::to_string(start.size()) + " were given");
    std::vector<float> window(start.end() - m_steps, start.end());
    std::vector<float> out;
    out.reserve(static_cast<std::size_t>(std::max(count, 0)));
    const int perStep = m_reading.outputs();
    m_followed = {};
    for (int i = 0; i < count; ++i) {
        for (int t = 0; t < m_steps; ++t) m_input(t, 0) = window[static_cast<std::size_t>(t)];
        const ConstMatrixRef y = run();
        recordFollowed(i == 0 ? 0 : m_steps - 1);
        // A sequence output (steps * perStep rows) is read at its last step.
        const Eigen::Index first = y.rows() > perStep ? y.rows() - perStep : 0;
        const float next = y(first, 0);
        out.push_back(next);
        std::rotate(window.begin(), window.begin() + 1, window.end());
        window.back() = next;
    }
    return out;
}

std::vector<int> SequenceGenerator::classesOfText(const std::string& text, const DataInfo& info,
                                                  const std::string& what) {
    const CharacterText decoded = parseCharacterText(text, what);
    std::vector<int> classOf(decoded.alphabet.size(), -1);
    std::string unknown;
    for (std::size_t a = 0; a < decoded.alphabet.size(); ++a) {
        const std::string name = characterClassName(decoded.alphabet[a]);
        const auto it = std::find(info.classNames.begin(), info.classNames.end(), name);
        if (it == info.classNames.end())
            unknown += (unknown.empty() ? "" : ", ") + quoteForMessage(name);
        else
            classOf[a] = static_cast<int>(it - info.classNames.begin());
    }
    if (!unknown.empty())
        throw InputError(what + " has characters the project's text does not have: " + unknown +
                         "; the network knows only the " + std::to_string(info.classCount()) +
                         " characters of its text");
    std::vector<int> classes;
    classes.reserve(decoded.classes.size());
    for (const int c : decoded.classes) classes.push_back(classOf[static_cast<std::size_t>(c)]);
    return classes;
}

std::string SequenceGenerator::textOfClasses(const std::vector<int>& classes,
                                             const DataInfo& info) {
    std::string text;
    for (const int c : classes)
        text += characterOfClassName(info.classNames[static_cast<std::size_t>(c)]);
    return text;
}

}  // namespace nnplay
