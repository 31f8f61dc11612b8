// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/LayerImporter.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <exception>

#include "document/ProjectDocument.h"
#include "editor/ImportLayersDialog.h"
#include "io/ProjectFile.h"
#include "train/DocumentSync.h"

namespace nnplay::ui {

LayerImporter::LayerImporter(ProjectDocument* document, DocumentSync* sync, QWidget* window)
    : QObject(window),
      m_document(document),
      m_sync(sync),
      m_window(window),
      m_action(new QAction(tr("&Import Layers from Project…"), this)) {
    m_action->setObjectName(QStringLiteral("importLayers"));
    m_action->setStatusTip(
        tr("Take trained layers (a convolution base) from another project into this network"));
    connect(m_action, &QAction::triggered, this, &LayerImporter::choose);
}

void LayerImporter::choose() {
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Layers from Project"),
                                                      QFileInfo(m_document->filePath()).path(),
                                                      tr("nnplay projects (*.nnplay)"));
    if (!path.isEmpty()) openFrom(path);
}

bool LayerImporter::openFrom(const QString& path) {
    nnplay::Project source;
    try {
        source = nnplay::ProjectFile::load(path.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Import Layers"),
                             tr("Could not read %1: %2")
                                 .arg(QFileInfo(path).fileName(), QString::fromUtf8(e.what())));
        return false;
    }
    if (m_sync) m_sync->takeSessionWeights();
    auto* dialog =
        new ImportLayersDialog(std::move(source), QFileInfo(path).fileName(), m_document, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(true);
    dialog->show();
    emit dialogOpened(dialog);
    return true;
}

}  // namespace nnplay::ui
