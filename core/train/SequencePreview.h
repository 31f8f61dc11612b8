// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/SessionViews.h"
#include "train/ViewRequest.h"

namespace nnplay {

class TrainingSession;

/// Computes the Sequence view of a supervised session on sequence data
/// (SessionViews::SequenceViews) with a SequenceGenerator on the session's model: for the sine
/// data a clean wave of the middle of the spec's frequency and phase ranges, the network's
/// one-step-ahead predictions along it and its free-running continuation after the primed
/// window; for text the greedy continuation of the first test window and a sample at the
/// request's temperature. Either way it follows a recurrent layer (the request's
/// sequenceLayer, else the first) through the free-running part. Costs a few hundred forward
/// passes of one sample.
class SequencePreview {
public:
    /// Characters generated after the start window of a text.
    static constexpr int kTextCharacters = 64;
    /// Steps of a series after the primed window: three windows, within these bounds.
    static constexpr int kMinContinuation = 32;
    static constexpr int kMaxContinuation = 200;
    static int continuationSteps(int windowSteps);

    /// Fills `out` (left empty, step -1, unless the session's data are sine or text).
    static void fill(TrainingSession& session, const ViewRequest& request,
                     SessionViews::SequenceViews& out);
};

}  // namespace nnplay
