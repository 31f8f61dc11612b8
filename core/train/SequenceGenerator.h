// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/Dataset.h"
#include "train/Model.h"
#include "train/OutputReading.h"

namespace nnplay {

/// Runs a trained sequence model on its own predictions: for a character-level text model it
/// samples one character at a time and feeds it back into the window; for a series (sine) it
/// predicts the next value, appends it and slides the window. The model sees windows of exactly
/// the data's sequence length, as it was trained.
class SequenceGenerator {
public:
    /// `model` (not owned; it must outlive the generator) built for `info.inputShape`, a
    /// sequence of T steps of F values: for classification F is the number of classes, each
    /// step one-hot; for regression F is 1 (one value per step). `reading` reads the model's
    /// output (its per-step output count); a sequence output is read at its last step. Throws
    /// InputError when the data are not sequences.
    SequenceGenerator(Model& model, const DataInfo& info, OutputReading reading);

    int windowSteps() const { return m_steps; }

    /// Text: the probability of each class for the character after `window` (class indices;
    /// only its last windowSteps() are used, and a shorter window is preceded by steps of all
    /// zeros), sharpened or flattened by `temperature` (p^(1/T), renormalised); temperature 0
    /// puts all of it on the most likely class (OutputReading::classOf).
    std::vector<double> nextClassDistribution(const std::vector<int>& window, double temperature);

    /// Text: `count` classes drawn one after another from nextClassDistribution, each appended
    /// to the window before the next is drawn, from `start` (at least one class). Temperature 0
    /// is the greedy (argmax) sequence and uses no random numbers.
    std::vector<int> sampleClasses(const std::vector<int>& start, int count, double temperature,
                                   std::uint32_t seed);

    /// Series: `count` values, each the model's prediction of the value after the window (the
    /// first target when it predicts several), appended before the next; `start` holds at least
    /// windowSteps() values (the last of them are the first window).
    std::vector<float> continueSeries(const std::vector<float>& start, int count);

    /// What one layer of the model held through the last sampleClasses or continueSeries, for
    /// each value or class it read: on the first window the steps that hold one (a shorter
    /// start's padding is left out), then the last step of every later window, which is what
    /// the next prediction came from. steps() x units, step-major; gates in the same shape
    /// (Layer::stepGates, in gateNames order).
    struct Followed {
        int units = 0;
        std::vector<float> states;
        std::vector<std::string> gateNames;
        std::vector<std::vector<float>> gates;

        int steps() const { return units > 0 ? static_cast<int>(states.size()) / units : 0; }
    };
    /// Follows layer `layer` of the model (one with Layer::stepStates, else nothing is
    /// recorded) through the next generations; -1 follows none.
    void follow(int layer) { m_followLayer = layer; }
    const Followed& followed() const { return m_followed; }

    /// The classes of a UTF-8 text by the data's class names (characterClassName). Throws
    /// InputError for invalid UTF-8, an empty text or characters that are no class, naming them
    /// ("--start has characters the text has not: 'Q', 'é'"); `what` names the text.
    static std::vector<int> classesOfText(const std::string& text, const DataInfo& info,
                                          const std::string& what);
    /// The UTF-8 text of classes (characterOfClassName of each class name).
    static std::string textOfClasses(const std::vector<int>& classes, const DataInfo& info);

private:
    /// Runs the window in m_input; returns the output column.
    ConstMatrixRef run();
    /// Appends steps [fromStep, windowSteps()) of the followed layer's last run to m_followed.
    void recordFollowed(int fromStep);

    Model& m_model;
    OutputReading m_reading;
    Task m_task;
    int m_steps = 0;     // T
    int m_features = 0;  // F
    Matrix m_input;      // T*F x 1, reused
    Matrix m_output;     // the model's output for m_input
    int m_followLayer = -1;
    Followed m_followed;
};

}  // namespace nnplay
