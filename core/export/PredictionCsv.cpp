// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/PredictionCsv.h"

#include "data/CsvCell.h"
#include "train/Predictor.h"

namespace nnplay {

namespace {

/// "name" for one column, "name_1" .. "name_k" for k.
std::vector<std::string> numbered(const std::string& name, Eigen::Index count) {
    if (count == 1) return {name};
    std::vector<std::string> names;
    for (Eigen::Index k = 1; k <= count; ++k) names.push_back(name + "_" + std::to_string(k));
    return names;
}

}  // namespace

std::string PredictionCsv::write(const Predictor& session, Matrix outputs,
                                 const Preprocessing& preprocessing, const Leading* leading) {
    const bool classification = session.data().info.task == Task::Classification;
    const std::vector<std::string>& classes = preprocessing.classNames;
    std::vector<std::string> headers = leading ? leading->headers : std::vector<std::string>{};
    if (classification) {
        headers.push_back("prediction");
        if (outputs.rows() == 1)
            headers.push_back("probability_" + classes[1]);
        else
            for (const std::string& c : classes) headers.push_back("probability_" + c);
    } else {
        preprocessing.restoreTargets(outputs);
        for (std::string& h : numbered("prediction", outputs.rows())) headers.push_back(h);
    }
    std::string csv = CsvCell::line(headers);
    const OutputReading& reading = session.outputReading();
    const std::vector<int> predicted =
        classification ? session.classify(outputs) : std::vector<int>{};
    std::vector<std::string> cells;
    for (Eigen::Index i = 0; i < outputs.cols(); ++i) {
        cells = leading ? leading->rows[static_cast<std::size_t>(i)] : std::vector<std::string>{};
        if (classification) {
            cells.push_back(classes[static_cast<std::size_t>(predicted[i])]);
            if (outputs.rows() == 1)
                cells.push_back(CsvCell::number(reading.probability(outputs, i, 1)));
            else
                for (int k = 0; k < outputs.rows(); ++k)
                    cells.push_back(CsvCell::number(reading.probability(outputs, i, k)));
        } else {
            for (Eigen::Index k = 0; k < outputs.rows(); ++k)
                cells.push_back(CsvCell::number(outputs(k, i)));
        }
        csv += CsvCell::line(cells);
    }
    return csv;
}

std::string PredictionCsv::testPart(Predictor& session, const Preprocessing& preprocessing) {
    const DataSplit& data = session.data();
    const Dataset& test = data.test;
    const DataInfo& info = data.info;
    Leading leading;
    const bool withInputs = info.inputShape.steps == 1 &&
                            static_cast<int>(info.featureNames.size()) == test.inputs.rows() &&
                            test.inputs.rows() <= kMaxInputColumns;
    Matrix inputs;
    if (withInputs) {
        leading.headers = info.featureNames;
        inputs = test.inputs;
        data.standardizer.restore(inputs);
    }
    const bool classification = info.task == Task::Classification;
    const auto n = static_cast<std::size_t>(test.inputs.cols());
    if (classification ? test.labels.size() != n
                       : static_cast<std::size_t>(test.targets.cols()) != n)
        throw InputError(
            "The network predicts every step of a sequence, which does not fit one row per "
            "sample: use nnplay-cli generate to see what it writes");
    Matrix targets = test.targets;
    if (classification) {
        leading.headers.push_back("label");
    } else {
        data.targetStandardizer.restore(targets);
        for (std::string& h : numbered("target", targets.rows())) leading.headers.push_back(h);
    }
    leading.rows.resize(static_cast<std::size_t>(test.inputs.cols()));
    for (Eigen::Index i = 0; i < test.inputs.cols(); ++i) {
        std::vector<std::string>& row = leading.rows[static_cast<std::size_t>(i)];
        if (withInputs)
            for (Eigen::Index f = 0; f < inputs.rows(); ++f)
                row.push_back(CsvCell::number(inputs(f, i)));
        if (classification)
            row.push_back(info.classNames[static_cast<std::size_t>(
                test.labels[static_cast<std::size_t>(i)])]);
        else
            for (Eigen::Index k = 0; k < targets.rows(); ++k)
                row.push_back(CsvCell::number(targets(k, i)));
    }
    Matrix outputs;
    session.predict(test.inputs, outputs);
    return write(session, std::move(outputs), preprocessing, &leading);
}

}  // namespace nnplay
