// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SupervisedFigures.h"

#include <algorithm>
#include <cctype>

namespace nnplay {

std::vector<Session::Figure> supervisedFigures(Predictor& predictor, int bestEpoch) {
    using Figure = Session::Figure;
    const DataSplit& data = predictor.data();
    const PartScore train = predictor.score(data.train);
    const PartScore validation = predictor.score(data.validation);
    const PartScore test = predictor.score(data.test);
    std::vector<Figure> figures{
        {"train_loss", train.loss}, {"val_loss", validation.loss}, {"test_loss", test.loss}};
    if (data.info.task == Task::Classification) {
        const bool tested = data.test.sampleCount() > 0;
        const ClassificationMetrics metrics =
            tested ? predictor.classificationMetrics(data.test) : ClassificationMetrics{};
        figures.insert(figures.end(),
                       {{"train_accuracy", train.accuracy},
                        {"val_accuracy", validation.accuracy},
                        {"test_accuracy", test.accuracy},
                        {"test_macro_f1", tested ? metrics.macroF1 : NAN},
                        {"test_precision", tested ? metrics.headlinePrecision() : NAN},
                        {"test_recall", tested ? metrics.headlineRecall() : NAN},
                        {"test_f1", tested ? metrics.headlineF1() : NAN}});
        // Data of groups: each group's test accuracy ("test_accuracy_a") and the gap.
        const std::vector<std::string>& groups = data.info.groupNames;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            std::string name = "test_accuracy_" + groups[g];
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            figures.push_back(
                {name, g < metrics.groupAccuracy.size() ? metrics.groupAccuracy[g] : NAN});
        }
        if (!groups.empty()) figures.push_back({"group_gap", groupGap(metrics.groupAccuracy)});
    } else {
        const RegressionMetrics metrics = predictor.regressionMetrics(data.test);
        figures.insert(figures.end(), {{"test_mse", metrics.mse}, {"test_r2", metrics.r2}});
    }
    figures.push_back({"best_epoch", static_cast<double>(bestEpoch), true});
    return figures;
}

}  // namespace nnplay
