// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "train/History.h"
#include "train/Predictor.h"
#include "train/SessionViews.h"
#include "train/TrainingSpec.h"
#include "train/ViewRequest.h"

namespace nnplay {

/// Why a session stopped taking steps.
enum class StopReason { None, EarlyStopped, Diverged };

/// Anything the training worker or the CLI can advance: a supervised model (TrainingSession) or
/// a GAN (GanSession). A session advances only when told (step), never sleeps, blocks or talks to
/// a GUI, and hands out what the views need as plain values.
class Session {
public:
    virtual ~Session() = default;

    /// Takes one unit of training (a mini-batch for supervised training). Returns true when
    /// it completed an epoch (the history then has a new row). Does nothing once stopped().
    virtual bool step() = 0;
    /// Takes one step as step() does and records it in `stages` (loss, weight gradients,
    /// weights before and after the update). Only this call copies them; step() stays free
    /// of allocations. `stages` is left empty when the step failed (a divergence).
    virtual bool stepRecorded(SessionViews::StepStages& stages) = 0;
    /// Steps until the current epoch completes or the session stops.
    void stepEpoch();
    /// Trains `epochs` more epochs, fewer when the session stops.
    void run(int epochs);

    /// Epochs completed (rows of a loaded history included).
    virtual int epoch() const = 0;
    /// Steps taken by this session.
    virtual long long steps() const = 0;
    /// Steps of the whole training where the session counts them across files (a GAN's, whose
    /// history rows hold their step); else steps().
    virtual long long totalSteps() const { return steps(); }
    /// Steps in one epoch.
    virtual int stepsPerEpoch() const = 0;
    /// One row per completed epoch, including the rows the project brought.
    virtual const History& history() const = 0;

    virtual StopReason stopReason() const = 0;
    bool stopped() const { return stopReason() != StopReason::None; }
    /// A sentence saying why training stopped and what to do; empty while it has not.
    virtual const std::string& stopMessage() const = 0;
    /// The epoch whose weights early stopping restored (the best one), while stopped by it;
    /// 0 otherwise.
    virtual int restoredEpoch() const { return 0; }
    /// Clears a stop so that step() goes on from the kept weights (the ones before a
    /// divergence, the best ones after early stopping). Does nothing while not stopped().
    virtual void resume() = 0;

    /// Applies settings that need no new session (learning rate, optimizer, penalties, batch
    /// size, patience, epochs). Throws InputError for invalid values or ones that need one.
    virtual void updateTraining(const TrainingSpec& training) = 0;
    /// Copies the trained weights and the history into `project` (its networks and history).
    virtual void storeInto(Project& project) const = 0;
    /// Sets one parameter by hand: entry (row, col) of tensor `tensor` (as LayerSpec::params
    /// lists them: 0 the weights, units x inputs; 1 the biases, units x 1) of the layer at spec
    /// index `layerIndex` of the first network. Training goes on from it, and a later return to
    /// kept weights (early stopping, a divergence) keeps it too. Throws InputError when there
    /// is no such entry or the value is not finite.
    virtual void setParameter(int layerIndex, int tensor, int row, int col, float value) = 0;

    /// A figure of the finished run, as the CLI reports it.
    struct Figure {
        Figure(std::string name, double value, bool whole = false)
            : name(std::move(name)), value(value), whole(whole) {}
        /// A list figure: one value per ensemble member.
        Figure(std::string name, std::vector<double> values)
            : name(std::move(name)), value(NAN), values(std::move(values)), list(true) {}

        std::string name;    ///< "train_loss", "val_accuracy", "best_epoch", ...
        double value;        ///< NaN where not measured (no validation part), and for a list
        bool whole = false;  ///< a count (an epoch), printed without decimals
        std::vector<double> values;
        bool list = false;  ///< printed as the list `values`
    };
    /// The run's figures of the weights it holds, in report order (one pass over each part).
    virtual std::vector<Figure> results() = 0;

    /// The data the session trains on.
    virtual const DataSplit& data() const = 0;
    /// Fills the parts of `views` that `request` asks for (forward passes between steps,
    /// never inside one). Throws when a part cannot be computed; training is unaffected.
    virtual void fillViews(const ViewRequest& request, SessionViews& views) = 0;
};

/// The epochs the project plans to train: training.epochs, or for a GAN its steps in measure
/// intervals (what Session::epoch counts for it), rounded up.
int plannedEpochs(const Project& project);

/// The session the project's task calls for, on `data`: a TrainingSession for classification
/// and regression (an EnsembleSession when training.ensemble has more than one member), a
/// GanSession for a GAN. Throws InputError when the networks
/// do not fit the data or a setting is out of range.
std::unique_ptr<Session> makeSession(const Project& project, DataSplit data);
/// The outputs of the project's trained classifier or regressor on `data`: its network, or
/// the average of its ensemble's members. Throws as makeSession does.
std::unique_ptr<Predictor> makePredictor(const Project& project, DataSplit data);
/// Loads the project's data (relative paths against baseDir), then makeSession.
std::unique_ptr<Session> makeSession(const Project& project, const std::string& baseDir);

}  // namespace nnplay
