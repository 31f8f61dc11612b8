// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"

namespace nnplay {

/// Turns a trained classification or regression project into a PyTorch script: the network as
/// a torch.nn.Module with one attribute per layer (named type_id, "dense_3"), its weights as a
/// JSON state_dict, the preprocessing, loss, optimizer and training settings as constants, and
/// the data (the network's inputs and the loss's targets) as a CSV beside it. See docs/export.md.
class PyTorchExport {
public:
    /// One file to write: its name (beside the script) and its text.
    struct File {
        std::string name;
        std::string text;
    };

    /// Checks that every layer exports. `data` is the project's loaded split (its parts become
    /// the data file). Throws InputError naming the first layer that cannot be exported, or
    /// when the project has no trained weights.
    PyTorchExport(const Project& project, DataSplit data);

    /// The script (named scriptName), its weights (stem.weights.json) and its data
    /// (stem.data.csv): scriptName "out/model.py" gives "model.py", "model.weights.json" and
    /// "model.data.csv", to be written into one folder.
    std::vector<File> files(const std::string& scriptName) const;
    /// Writes files(scriptPath) into the script's folder, each atomically, and makes the
    /// script executable. Returns the names written. Throws InputError naming what failed.
    std::vector<std::string> write(const std::string& scriptPath) const;

private:
    std::string script(const std::string& scriptName, const std::string& weightsName,
                       const std::string& dataName) const;
    std::string weightsJson() const;
    std::string dataCsv() const;

    Project m_project;
    DataSplit m_data;
    Preprocessing m_preprocessing;
    /// Input shape of each layer and of the output (layers.size() + 1 entries).
    std::vector<Shape> m_shapes;
};

}  // namespace nnplay
