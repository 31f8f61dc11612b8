// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "data/Preprocessing.h"
#include "export/TorchNetwork.h"

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
    /// when the project has no trained weights, is a GAN or trains an ensemble.
    PyTorchExport(const Project& project, DataSplit data);

    /// Writes any trained project as a PyTorch script: a GAN through GanPyTorchExport, the
    /// others through PyTorchExport. Returns the names written; throws as they do.
    static std::vector<std::string> writeProject(const Project& project, DataSplit data,
                                                 const std::string& scriptPath);

    /// The script (named scriptName), its weights (stem.weights.json) and its data
    /// (stem.data.csv): scriptName "out/model.py" gives "model.py", "model.weights.json" and
    /// "model.data.csv", to be written into one folder.
    std::vector<File> files(const std::string& scriptName) const;
    /// Writes files(scriptPath) into the script's folder, each atomically, and makes the
    /// script executable. Returns the names written. Throws InputError naming what failed.
    std::vector<std::string> write(const std::string& scriptPath) const;

    // What both exports share.

    /// The stem of a script's file name ("out/model.py" gives "model"). Throws InputError when
    /// the script would be named after a module it imports (Python would import the script).
    static std::string checkedStem(const std::string& scriptName);
    /// Writes `files` into the folder of `scriptPath`, each atomically, and makes the script
    /// executable. Returns the names written.
    static std::vector<std::string> writeFiles(const std::vector<File>& files,
                                               const std::string& scriptPath);
    /// Replaces each @@KEY@@ of `text` by its value.
    static void fillTemplate(std::string& text, const std::map<std::string, std::string>& keys);

private:
    std::string script(const std::string& scriptName, const std::string& weightsName,
                       const std::string& dataName) const;
    std::string weightsJson() const;
    std::string dataCsv() const;

    Project m_project;
    DataSplit m_data;
    TorchNetwork m_torch;
    Preprocessing m_preprocessing;
};

}  // namespace nnplay
