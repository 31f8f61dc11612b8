// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "export/PyTorchExport.h"
#include "export/TorchNetwork.h"

namespace nnplay {

/// Turns a trained GAN project into a PyTorch script: the generator and the discriminator as
/// torch.nn.Module classes (TorchNetwork, the layers and names of the supervised export), both
/// networks' weights as JSON state_dicts, the noise (drawn as nnplay's Random draws it, so a
/// seed gives nnplay-cli generate's samples), the GAN loss as GanObjective computes it, each
/// network's optimizer and the step settings as constants, and the real samples as a CSV beside
/// it (Fashion-MNIST is read from its package instead). See docs/export.md.
class GanPyTorchExport {
public:
    /// Checks that both networks fit and every layer exports. `data` is the GAN's loaded target
    /// (its real samples become the data file). Throws InputError naming the network and the
    /// first layer that cannot be exported, or when the GAN has no trained weights.
    GanPyTorchExport(const Project& project, DataSplit data);

    /// The script (named scriptName), both networks' weights (stem.weights.json) and, but for
    /// Fashion-MNIST, the real samples (stem.data.csv), to be written into one folder.
    std::vector<PyTorchExport::File> files(const std::string& scriptName) const;
    /// Writes files(scriptPath) into the script's folder (PyTorchExport::writeFiles). Returns
    /// the names written. Throws InputError naming what failed.
    std::vector<std::string> write(const std::string& scriptPath) const;

private:
    std::string script(const std::string& scriptName, const std::string& weightsName,
                       const std::string& dataName) const;
    std::string weightsJson() const;
    std::string dataCsv() const;
    /// The real samples are read from Debian's Fashion-MNIST package, not written.
    bool readsFashionMnist() const { return m_project.data.source == "fashion-mnist"; }

    Project m_project;
    DataSplit m_data;
    TorchNetwork m_generator;
    TorchNetwork m_discriminator;
    /// Layers of the discriminator the loss reads (all but a final sigmoid when it reads the
    /// logit), as GanSession runs them.
    int m_valuesEnd = 0;
};

}  // namespace nnplay
