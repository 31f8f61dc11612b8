// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/LessonController.h"

#include <QAction>
#include <QKeySequence>
#include <QLocale>
#include <QStringList>
#include <QUndoStack>
#include <exception>

#include "data/DataLoader.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "train/DocumentSync.h"
#include "train/EditRules.h"
#include "train/LayerTransfer.h"
#include "train/TrainingController.h"

namespace nnplay::ui {

namespace {

/// The layers of a network as a variant defines them: no ids, no weights.
NetworkSpec layersOnly(NetworkSpec network) {
    network.clearParams();
    for (LayerSpec& layer : network.layers) layer.id = 0;
    return network;
}

/// Every network's layers as a variant defines them, by name.
std::vector<NamedNetwork> layersOnly(std::vector<NamedNetwork> networks) {
    for (NamedNetwork& network : networks) network.spec = layersOnly(network.spec);
    return networks;
}

bool sameVariant(const Project& a, const Project& b) {
    return a.task == b.task && a.data == b.data && a.training == b.training && a.gan == b.gan &&
           layersOnly(a.networks) == layersOnly(b.networks);
}

QString number(double value) { return QLocale().toString(value, 'g', 6); }

}  // namespace

LessonController::LessonController(ProjectDocument* document, DocumentSync* sync,
                                   TrainingController* training, QObject* parent)
    : QObject(parent),
      m_document(document),
      m_sync(sync),
      m_training(training),
      m_next(new QAction(tr("&Next Variant"), this)),
      m_previous(new QAction(tr("&Previous Variant"), this)) {
    m_next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    m_previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    m_next->setToolTip(tr("Switch the lesson to its next variant"));
    m_previous->setToolTip(tr("Switch the lesson to its previous variant"));
    connect(m_next, &QAction::triggered, this, &LessonController::nextVariant);
    connect(m_previous, &QAction::triggered, this, &LessonController::previousVariant);

    connect(m_document, &ProjectDocument::projectReplaced, this,
            &LessonController::onProjectReplaced);
    connect(m_document, &ProjectDocument::networkChanged, this, &LessonController::updateCurrent);
    connect(m_document, &ProjectDocument::dataChanged, this, &LessonController::updateCurrent);
    connect(m_document, &ProjectDocument::trainingChanged, this, &LessonController::updateCurrent);
    connect(m_document, &ProjectDocument::ganChanged, this, &LessonController::updateCurrent);
    onProjectReplaced();
}

QString LessonController::title() const {
    return m_base.title.empty() ? tr("Lesson") : QString::fromStdString(m_base.title);
}

const Project* LessonController::variantProject(int index) const {
    if (index < 0 || index >= variantCount()) return nullptr;
    const std::optional<Project>& variant = m_variants[static_cast<std::size_t>(index)];
    return variant ? &*variant : nullptr;
}

void LessonController::onProjectReplaced() {
    m_base = m_document->project();
    for (NamedNetwork& network : m_base.networks) dropLearnedWeights(network.spec);
    m_base.history = {};
    m_base.preprocessing = {};
    m_variants.clear();
    for (const LessonVariant& variant : m_base.lesson.variants) {
        try {
            m_variants.emplace_back(ProjectFile::applyVariant(m_base, variant));
        } catch (const std::exception& e) {
            // The reader checked every variant; one that fails here is left without a button.
            qWarning("%s", e.what());
            m_variants.emplace_back(std::nullopt);
        }
    }
    m_showAll = false;
    m_next->setEnabled(variantCount() > 0);
    m_previous->setEnabled(variantCount() > 0);
    m_current = -2;  // always announce the first match
    updateCurrent();
    emit lessonChanged();
    emit hiddenControlsChanged(hiddenControls());
    if (isLesson())
        emit statusMessage(tr("Lesson “%1”: pick a variant, then press Play.").arg(title()));
}

void LessonController::updateCurrent() {
    int current = -1;
    for (int i = 0; i < variantCount() && current < 0; ++i) {
        const Project* variant = variantProject(i);
        if (variant && sameVariant(*variant, m_document->project())) current = i;
    }
    if (current == m_current) return;
    m_current = current;
    emit currentVariantChanged(current);
}

bool LessonController::switchToVariant(int index) {
    const Project* target = variantProject(index);
    if (!target) return false;
    // Whatever the worker trained goes into the document first, so that the switch drops it
    // (fresh weights, as check-lesson trains a variant) and undo brings it back.
    m_sync->flush();
    std::vector<NamedNetwork> trained;
    History history;
    if (m_training->fetchTrainedState(trained, history) &&
        sameLayers(trained, m_document->project().networks))
        m_document->setTrainedState(trained, history);

    const Project& now = m_document->project();
    std::vector<NamedNetwork> networks = target->networks;
    for (NamedNetwork& network : networks) {
        // The same layers keep their ids, so what the canvas has selected stays selected.
        const NetworkSpec* current = now.findNetwork(network.name);
        if (current && layersOnly(network.spec) == layersOnly(*current)) network.spec = *current;
        dropLearnedWeights(network.spec);
    }
    const QString name = QString::fromStdString(m_base.lesson.variants[index].name);
    const QString message = describeChange(*target);

    const bool dataChanges = now.data != target->data || now.task != target->task;
    const bool changes = dataChanges || networks != now.networks ||
                         now.training != target->training || now.gan != target->gan;
    if (changes) {
        const QString text = tr("Switch to variant “%1”").arg(name);
        QUndoStack* undo = m_document->undoStack();
        undo->beginMacro(text);
        if (dataChanges) editData(*m_document, target->data, target->task, text);
        // A frozen base the lesson ships keeps its weights (importLayers keeps what it is given).
        for (const NamedNetwork& network : networks)
            network.spec.hasParams()
                ? importLayers(*m_document, network.spec, text, network.name)
                : editNetwork(*m_document, network.spec, text, -1, network.name);
        editTraining(*m_document, target->training, text);
        editGan(*m_document, target->gan, text);
        undo->endMacro();
    }
    m_sync->flush();  // the worker takes the variant now; its own message comes before ours
    QString status;
    if (!changes)
        status = tr("Variant “%1”: press Play to train it.").arg(name);
    else if (message.isEmpty())
        status = tr("Variant “%1”: the weights start fresh, press Play to train it.").arg(name);
    else
        status = tr("Variant “%1”: %2. The weights start fresh, press Play to train it.")
                     .arg(name, message);
    emit statusMessage(status);
    return true;
}

void LessonController::nextVariant() {
    if (variantCount() == 0) return;
    switchToVariant(m_current < 0 ? 0 : (m_current + 1) % variantCount());
}

void LessonController::previousVariant() {
    if (variantCount() == 0) return;
    switchToVariant(m_current < 0 ? variantCount() - 1
                                  : (m_current + variantCount() - 1) % variantCount());
}

std::vector<std::string> LessonController::hiddenControls() const {
    if (!isLesson() || m_showAll) return {};
    return m_base.lesson.hide;
}

void LessonController::setShowAllControls(bool show) {
    if (show == m_showAll) return;
    m_showAll = show;
    emit hiddenControlsChanged(hiddenControls());
}

QString LessonController::describeChange(const Project& target) const {
    const Project& now = m_document->project();
    QStringList parts;
    const DataSpec& a = now.data;
    const DataSpec& b = target.data;
    if (a != b || now.task != target.task) {
        DataSpec rest = a;
        if (a.source != b.source) {
            const SourceInfo* source = findSource(b.source);
            parts << tr("%1 data").arg(
                QString::fromStdString(source ? source->shortName : b.source));
            rest.source = b.source;
        }
        if (a.features != b.features) {
            QStringList names;
            for (const std::string& feature : b.features) names << QString::fromStdString(feature);
            parts << tr("inputs %1").arg(names.join(QStringLiteral(", ")));
            rest.features = b.features;
        }
        if (a.noise != b.noise) {
            parts << tr("noise %1").arg(number(b.noise));
            rest.noise = b.noise;
        }
        if (a.validationFraction != b.validationFraction) {
            parts << (b.validationFraction > 0.0
                          ? tr("%1% of the training data kept for validation")
                                .arg(number(b.validationFraction * 100.0))
                          : tr("no validation data"));
            rest.validationFraction = b.validationFraction;
        }
        if (rest != b || now.task != target.task) parts << tr("other data");
    }
    if (layersOnly(now.networks) != layersOnly(target.networks)) parts << tr("other layers");
    const GanSpec& g = now.gan;
    const GanSpec& h = target.gan;
    if (now.task == Task::Gan && g != h) {
        GanSpec rest = g;
        if (g.loss != h.loss) {
            parts << tr("%1 loss").arg(QString::fromStdString(toString(h.loss)).replace('_', ' '));
            rest.loss = h.loss;
        }
        if (g.generator.learningRate != h.generator.learningRate) {
            parts << tr("generator learning rate %1").arg(number(h.generator.learningRate));
            rest.generator.learningRate = h.generator.learningRate;
        }
        if (g.discriminator.learningRate != h.discriminator.learningRate) {
            parts << tr("discriminator learning rate %1").arg(number(h.discriminator.learningRate));
            rest.discriminator.learningRate = h.discriminator.learningRate;
        }
        if (g.dSteps != h.dSteps || g.gSteps != h.gSteps) {
            parts << tr("%1 D and %2 G updates a step").arg(h.dSteps).arg(h.gSteps);
            rest.dSteps = h.dSteps;
            rest.gSteps = h.gSteps;
        }
        if (g.noise != h.noise) {
            parts << tr("%1 noise values").arg(h.noise.dim);
            rest.noise = h.noise;
        }
        if (g.steps != h.steps) {
            parts << tr("%1 steps").arg(h.steps);
            rest.steps = h.steps;
        }
        if (rest != h) parts << tr("other GAN settings");
    }
    const TrainingSpec& s = now.training;
    const TrainingSpec& t = target.training;
    if (s != t) {
        TrainingSpec rest = s;
        if (s.optimizer.learningRate != t.optimizer.learningRate) {
            parts << tr("learning rate %1").arg(number(t.optimizer.learningRate));
            rest.optimizer.learningRate = t.optimizer.learningRate;
        }
        if (s.l1 != t.l1) {
            parts << (t.l1 > 0 ? tr("L1 penalty %1").arg(number(t.l1)) : tr("no L1 penalty"));
            rest.l1 = t.l1;
        }
        if (s.l2 != t.l2) {
            parts << (t.l2 > 0 ? tr("L2 penalty %1").arg(number(t.l2)) : tr("no L2 penalty"));
            rest.l2 = t.l2;
        }
        if (s.patience != t.patience) {
            parts << (t.patience > 0
                          ? tr("early stopping after %1 epochs without progress").arg(t.patience)
                          : tr("no early stopping"));
            rest.patience = t.patience;
        }
        if (s.epochs != t.epochs) {
            parts << tr("%1 epochs").arg(t.epochs);
            rest.epochs = t.epochs;
        }
        if (s.batchSize != t.batchSize) {
            parts << tr("batch size %1").arg(t.batchSize);
            rest.batchSize = t.batchSize;
        }
        if (rest != t) parts << tr("other training settings");
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace nnplay::ui
