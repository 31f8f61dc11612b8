// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "Project.h"
#include "data/DataSpec.h"
#include "train/GanSpec.h"
#include "train/History.h"
#include "train/TrainingSpec.h"

class QTimer;

namespace nnplay::ui {

class ProjectDocument;
class TrainingController;

/// Keeps the training worker in step with the document, by the rules of core/train/EditRules.h.
/// A structural edit of the network or new data builds a fresh session (new weights); other
/// network edits and a new loss, initialisation or seed keep the learned weights; learning rate,
/// optimizer, penalties, batch size, epochs and patience go to the running session without a reset,
/// and so do a GAN's settings but its loss, noise, initialisation and seed.
/// Several signals of one edit lead to one rebuild. The worker's trained weights go back into the
/// document (for Save) while they still fit it.
class DocumentSync : public QObject {
    Q_OBJECT
public:
    /// Neither is owned; both must outlive this object.
    DocumentSync(ProjectDocument* document, TrainingController* training,
                 QObject* parent = nullptr);

    /// Builds a session for the whole document (start-up, New, Open).
    void loadProject();
    /// Sends an edit still waiting for the end of the current event (before saving).
    void flush();
    /// Called before a weight or bias is set by hand: pauses training (the optimizer would
    /// overwrite the value at once, so the learner could not see what it does) and puts the
    /// session's weights as they are now, trained or still random, into the document, so that
    /// the edit starts from what the canvas shows. False when there are no weights to edit.
    bool prepareParameterEdit();
    /// Puts the session's weights as they are now into the document (when its layers are the
    /// document's), so that an edit that drops them can bring them back on undo.
    void takeSessionWeights();

signals:
    /// A sentence for the status bar ("Switched to XOR data: the weights start fresh.").
    void statusMessage(const QString& message);
    /// A new session was asked for; `freshWeights` when it starts from new weights.
    void sessionReplaced(bool freshWeights);

private:
    enum class Reload { None, KeepWeights, Fresh };

    void schedule(Reload kind);
    void onTrainingChanged();
    void onGanChanged();
    void onTrainedState(const std::vector<nnplay::NamedNetwork>& networks,
                        const nnplay::History& history);
    /// True when the worker has trained anything the user would lose.
    bool hasTrained() const;
    /// What the pending edit did, for a session that starts from new weights ("Switched to
    /// XOR data: the weights start fresh."); empty when there is nothing worth saying.
    QString freshStartMessage() const;

    ProjectDocument* m_document;
    TrainingController* m_training;
    QTimer* m_timer;
    Reload m_pending = Reload::None;
    nnplay::TrainingSpec m_sentTraining;  // what the worker trains with
    nnplay::GanSpec m_sentGan;            // what the worker trains a GAN with
    nnplay::DataSpec m_sentData;          // the data the worker's session was built for
    bool m_dataEdited = false;            // since the last session: the data changed
    bool m_layersEdited = false;          // since the last session: a structural layer edit
};

}  // namespace nnplay::ui
