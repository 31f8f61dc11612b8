// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/EnsembleControls.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "panels/ShowValue.h"

namespace nnplay::ui {

EnsembleControls::EnsembleControls(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_members(new QSpinBox(this)),
      m_bootstrap(new QCheckBox(tr("Bootstrap"), this)) {
    m_members->setObjectName(QStringLiteral("ensembleMembers"));
    m_bootstrap->setObjectName(QStringLiteral("ensembleBootstrap"));
    m_members->setRange(1, TrainingSpec::Ensemble::kMaxMembers);
    m_members->setSpecialValueText(tr("Off"));
    m_members->setToolTip(
        tr("Train this many copies of the network, each from its own random start, and "
           "average their answers. The Ensemble tab compares them."));
    m_bootstrap->setToolTip(
        tr("Train each network on its own sample of the training data, drawn with "
           "replacement (some points twice, some not at all), so the networks differ more."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_members, 1);
    layout->addWidget(m_bootstrap);

    connect(m_members, &QSpinBox::valueChanged, this, [this](int members) {
        TrainingSpec training = m_document->project().training;
        training.ensemble.members = members;
        editTraining(*m_document, training, tr("Change ensemble members"), kMergeEnsembleMembers);
    });
    connect(m_bootstrap, &QCheckBox::toggled, this, [this](bool on) {
        TrainingSpec training = m_document->project().training;
        training.ensemble.bootstrap = on;
        editTraining(*m_document, training,
                     on ? tr("Turn bootstrap on") : tr("Turn bootstrap off"));
    });
    connect(m_document, &ProjectDocument::trainingChanged, this, &EnsembleControls::refresh);
    connect(m_document, &ProjectDocument::projectReplaced, this, &EnsembleControls::refresh);
    refresh();
}

void EnsembleControls::refresh() {
    const TrainingSpec::Ensemble& e = m_document->project().training.ensemble;
    const QSignalBlocker b1(m_members), b2(m_bootstrap);
    showValue(m_members, e.members);
    m_bootstrap->setChecked(e.bootstrap);
    m_bootstrap->setEnabled(e.members > 1);
}

}  // namespace nnplay::ui
