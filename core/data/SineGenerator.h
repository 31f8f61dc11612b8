// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// Windows of sine waves for sequence regression (the "sine" source). Sample s has its own
/// frequency f (cycles per step) and phase p (cycles), drawn uniformly from the spec's ranges
/// with Random(spec.seed); its wave is x(t) = sin(2 pi (f t + p)). Fills
/// - `inputs`: sequenceLength x samples, x(0) .. x(T-1), each plus Gaussian noise of standard
///   deviation spec.noise (Shape::sequence(T, 1));
/// - `targets`: horizon x samples, the clean values x(T) .. x(T+k-1) after the window;
/// - `stepTargets`: T*k x samples, step-major: rows [t*k, (t+1)*k) hold the clean x(t+1) ..
///   x(t+k), what step t of a sequence output predicts (the last step's are `targets`).
/// The same spec gives the same samples on every platform. Call checkSineSpec first.
Dataset generateSineData(const DataSpec& spec);

/// The clean wave of the sine source at step t: sin(2 pi (frequency t + phase)).
float sineValue(double frequency, double phase, int t);

/// What loadData() reports for the sine data: regression, input Shape::sequence(T, 1) with the
/// feature name "value", `horizon` targets in [-1, 1] (targets carry no noise).
DataInfo sineDataInfo(const DataSpec& spec);

/// The sine settings: samples 2..100000, noise 0..0.5, sequence_length 2..1000, horizon
/// 1..100, 0 < frequency_min <= frequency_max <= 0.5 (two samples per cycle), 0 <= phase_min
/// <= phase_max <= 1, and at most kMaxSineValues values in all. Throws InputError naming the
/// setting's file key.
void checkSineSpec(const DataSpec& spec);

/// The most values (inputs and step targets) the sine data may hold: 80 MB of floats.
inline constexpr long long kMaxSineValues = 20'000'000;

}  // namespace nnplay
