// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ViewExport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QStackedWidget>
#include <exception>

#include "io/AtomicFile.h"
#include "plots/PictureActions.h"
#include "train/TrainingController.h"
#include "window/ProjectFiles.h"
#include "window/TrainingViews.h"

namespace nnplay::ui {

ViewExport::ViewExport(TrainingViews* views, QWidget* canvas, ProjectFiles* files,
                       TrainingController* training, QWidget* window)
    : QObject(window),
      m_views(views),
      m_canvas(canvas),
      m_files(files),
      m_training(training),
      m_window(window) {}

void ViewExport::addActions(QMenu* menu) {
    QAction* view = menu->addAction(tr("Export &View as Picture…"), this, [this] {
        PictureActions::saveWithDialog(m_views->currentView(),
                                       m_views->currentViewTitle().toLower().replace(' ', '-'),
                                       m_window);
    });
    view->setToolTip(tr("Save the view in front as a PNG, SVG or PDF file."));
    menu->addAction(tr("Export &Curves as Picture…"), this, [this] {
        PictureActions::saveWithDialog(m_views->curves()->currentWidget(), QStringLiteral("curves"),
                                       m_window);
    });
    menu->addAction(tr("Export &Network as Picture…"), this, [this] {
        PictureActions::saveWithDialog(m_canvas, QStringLiteral("network"), m_window);
    });
    menu->addAction(tr("Export &History as CSV…"), this, [this] {
        const QString path = askCsvPath(tr("Export History as CSV"), QStringLiteral("history"));
        if (!path.isEmpty()) exportHistory(path);
    });
    menu->addAction(tr("Export Test &Predictions as CSV…"), this, [this] {
        const QString path =
            askCsvPath(tr("Export Test Predictions as CSV"), QStringLiteral("predictions"));
        if (!path.isEmpty()) exportPredictions(path);
    });
}

bool ViewExport::exportHistory(const QString& path) {
    const nnplay::History history = m_files->projectToSave().history;
    const QString title = tr("Cannot export the history");
    if (history.empty()) {
        m_files->showError(title, tr("Nothing has trained yet: press Play, then export."));
        return false;
    }
    return writeCsv(path, history.csv(), title);
}

bool ViewExport::exportPredictions(const QString& path) {
    std::string csv;
    QString error;
    const QString title = tr("Cannot export the predictions");
    if (!m_training->fetchTestPredictions(csv, error)) {
        m_files->showError(title, error);
        return false;
    }
    return writeCsv(path, csv, title);
}

QString ViewExport::askCsvPath(const QString& title, const QString& what) const {
    const QString project = m_files->displayName();
    const QFileInfo file(project);
    const QString base =
        (file.completeBaseName().isEmpty() ? QStringLiteral("nnplay") : file.completeBaseName()) +
        QLatin1Char('-') + what + QStringLiteral(".csv");
    QString path = QFileDialog::getSaveFileName(m_window, title, QDir::home().filePath(base),
                                                tr("CSV files (*.csv)"));
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
    return path;
}

bool ViewExport::writeCsv(const QString& path, const std::string& csv, const QString& title) {
    try {
        nnplay::AtomicFile file(path.toStdString());
        file.commit(csv);
    } catch (const std::exception& e) {
        m_files->showError(title, QString::fromStdString(e.what()));
        return false;
    }
    emit statusMessage(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

}  // namespace nnplay::ui
