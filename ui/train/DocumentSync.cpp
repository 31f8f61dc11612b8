// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/DocumentSync.h"

#include <QTimer>

#include "data/DataLoader.h"
#include "document/ProjectDocument.h"
#include "train/EditRules.h"
#include "train/TrainingController.h"

namespace nnplay::ui {

DocumentSync::DocumentSync(ProjectDocument* document, TrainingController* training, QObject* parent)
    : QObject(parent), m_document(document), m_training(training), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &DocumentSync::flush);

    connect(m_document, &ProjectDocument::networkChanged, this, [this](bool structural) {
        m_layersEdited = m_layersEdited || structural;
        schedule(structural ? Reload::Fresh : Reload::KeepWeights);
    });
    connect(m_document, &ProjectDocument::dataChanged, this, [this] {
        m_dataEdited = true;
        schedule(Reload::Fresh);
    });
    connect(m_document, &ProjectDocument::trainingChanged, this, &DocumentSync::onTrainingChanged);
    connect(m_document, &ProjectDocument::ganChanged, this, &DocumentSync::onGanChanged);
    connect(m_document, &ProjectDocument::projectReplaced, this, &DocumentSync::loadProject);
    connect(m_training, &TrainingController::trainedStateReady, this,
            &DocumentSync::onTrainedState);
    connect(m_document, &ProjectDocument::parameterChanged, this,
            [this](int layerIndex, int tensor, int row, int col, float value) {
                m_training->send(&TrainingWorker::setParameter, layerIndex, tensor, row, col,
                                 value);
            });
}

bool DocumentSync::prepareParameterEdit() {
    flush();
    if (m_training->isRunning()) {
        m_training->send(&TrainingWorker::pause);
        emit statusMessage(tr("Paused training to set a weight by hand. Press Play to go on."));
    }
    takeSessionWeights();
    return m_document->project().network().hasParams();
}

void DocumentSync::takeSessionWeights() {
    flush();
    std::vector<NamedNetwork> networks;
    History history;
    if (m_training->fetchCurrentState(networks, history) &&
        sameLayers(networks, m_document->project().networks)) {
        m_document->setTrainedState(networks, history);
    }
}

void DocumentSync::loadProject() {
    m_timer->stop();
    m_pending = Reload::None;
    m_sentTraining = m_document->project().training;
    m_sentGan = m_document->project().gan;
    m_sentData = m_document->project().data;
    m_dataEdited = m_layersEdited = false;
    m_training->load(m_document->project(), m_document->baseDir());
    emit sessionReplaced(true);
}

void DocumentSync::schedule(Reload kind) {
    // One edit can emit several signals (new data also drops the weights): rebuild once.
    if (kind == Reload::Fresh || m_pending == Reload::None) m_pending = kind;
    m_timer->start();
}

void DocumentSync::flush() {
    m_timer->stop();
    const Reload kind = m_pending;
    m_pending = Reload::None;
    if (kind == Reload::None) return;
    const QString message = kind == Reload::Fresh ? freshStartMessage() : QString();
    m_sentTraining = m_document->project().training;
    m_sentGan = m_document->project().gan;
    m_sentData = m_document->project().data;
    m_dataEdited = m_layersEdited = false;
    m_training->rebuild(m_document->project(), kind == Reload::KeepWeights);
    emit sessionReplaced(kind == Reload::Fresh);
    if (!message.isEmpty()) emit statusMessage(message);
}

QString DocumentSync::freshStartMessage() const {
    // Say what the learner did: one data edit can also change the network's inputs.
    const bool trained = hasTrained();
    const QString fresh = tr("the weights start fresh");
    if (!m_dataEdited) {
        return m_layersEdited && trained ? tr("Changed the layers: %1.").arg(fresh) : QString();
    }
    const DataSpec& now = m_document->project().data;
    QString what;
    if (now.source != m_sentData.source) {
        const SourceInfo* source = findSource(now.source);
        what = now.source == "csv"
                   ? tr("Switched to the CSV data")
                   : tr("Switched to %1 data")
                         .arg(QString::fromStdString(source ? source->shortName : now.source));
    } else {
        DataSpec reseeded = m_sentData;
        reseeded.seed = now.seed;
        what = reseeded == now ? tr("Drew new points") : tr("Changed the data");
    }
    return trained ? tr("%1: %2.").arg(what, fresh) : tr("%1.").arg(what);
}

void DocumentSync::onTrainingChanged() {
    const TrainingSpec& training = m_document->project().training;
    if (trainingEditNeedsRebuild(m_sentTraining, training)) {
        schedule(Reload::KeepWeights);
        return;
    }
    m_sentTraining = training;
    m_training->send(&TrainingWorker::updateTraining, training);
}

void DocumentSync::onGanChanged() {
    const GanSpec& gan = m_document->project().gan;
    if (ganEditNeedsRebuild(m_sentGan, gan)) {
        schedule(Reload::KeepWeights);
        return;
    }
    m_sentGan = gan;
    m_training->send(&TrainingWorker::updateGan, gan);
}

void DocumentSync::onTrainedState(const std::vector<NamedNetwork>& networks,
                                  const History& history) {
    // Only weights of the networks the document still has (an edit may be on its way).
    if (m_pending != Reload::None) return;
    if (!sameLayers(networks, m_document->project().networks)) return;
    m_document->setTrainedState(networks, history);
}

bool DocumentSync::hasTrained() const {
    const TrainingSnapshot& last = m_training->lastSnapshot();
    return last.batches > 0 || last.historySize() > 0;
}

}  // namespace nnplay::ui
