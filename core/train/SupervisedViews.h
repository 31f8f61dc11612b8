// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Types.h"
#include "train/SessionViews.h"
#include "train/ViewRequest.h"

namespace nnplay {

class Model;
class Predictor;
class TrainingSession;

/// Computes the views of a supervised session: the output over a grid on the plane, neuron
/// thumbnails, dense weights, test metrics, sample predictions, one test sample's trace and
/// saliency (InputSaliency) and one point's activations. Keeps its grid buffers between
/// calls so that a frame allocates little. Owned by the session it reads.
class SupervisedViews {
public:
    /// Fills the parts of `views` that `request` asks for (plane grids only for 2-D data).
    void fill(TrainingSession& session, const ViewRequest& request, SessionViews& views);
    /// The same with the outputs (boundary, metrics, sample predictions) taken from `outputs`
    /// (an ensemble's average) and the network's insides from `session` (one member).
    void fill(TrainingSession& session, Predictor& outputs, const ViewRequest& request,
              SessionViews& views);

    /// Which matrix of a layer's first parameter copyDenseWeights copies.
    enum class Part { Values, Gradients };
    /// Per layer index of `model`, its weights or their gradients (units x inputs), empty for
    /// layers without weights: the shape of SessionViews::weights.
    static void copyDenseWeights(Model& model, Part part, std::vector<Matrix>& out);

private:
    struct Grid {
        Matrix points;    // 2 x size^2
        Matrix features;  // derived and standardised as the session's inputs
        int size = 0;
    };
    /// Features of a size x size grid over the plane, cached per size.
    const Matrix& gridFeatures(const Predictor& session, int size, Grid& grid);
    void fillBoundary(Predictor& session, int size, SessionViews& views);
    void fillThumbnails(TrainingSession& session, int size, SessionViews& views);
    static void fillWeights(TrainingSession& session, SessionViews& views);
    static void fillUnitStates(TrainingSession& session, SessionViews& views);
    static void fillMetrics(Predictor& session, SessionViews& views);
    void fillSamples(Predictor& session, SessionViews& views);
    static void fillTrace(TrainingSession& session, int sample, SessionViews& views);
    /// The activations of every layer for one point of the plane (SessionViews::probe).
    static void fillProbe(TrainingSession& session, float x1, float x2, SessionViews& views);

    Grid m_boundaryGrid, m_thumbnailGrid;
    Matrix m_out;
};

}  // namespace nnplay
