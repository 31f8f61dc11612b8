// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace nnplay::ui {

class ProjectFiles;
class TrainingController;
class TrainingViews;

/// File > Export of what the window shows: the view in front, the curves or the network as a
/// picture (PictureActions, the same dialog as a view's right-click), the training history and
/// the test part's predictions as CSV. Messages go through ProjectFiles::ask (tests hook them).
class ViewExport : public QObject {
    Q_OBJECT
public:
    /// None is owned; all must outlive this object. `canvas` is the network's view.
    ViewExport(TrainingViews* views, QWidget* canvas, ProjectFiles* files,
               TrainingController* training, QWidget* window);

    /// Adds the pictures' and the CSV files' actions to `menu`.
    void addActions(QMenu* menu);

    /// Writes the run's history (History::csv) to `path` atomically. Says why and returns
    /// false when nothing has trained yet or the file cannot be written.
    bool exportHistory(const QString& path);
    /// Writes the test part's predictions (PredictionCsv::testPart, computed by the worker) to
    /// `path` atomically; says why and returns false when there are none.
    bool exportPredictions(const QString& path);

signals:
    void statusMessage(const QString& message);

private:
    /// Asks for a CSV file named after the project and `what` ("history"); empty: cancelled.
    QString askCsvPath(const QString& title, const QString& what) const;
    bool writeCsv(const QString& path, const std::string& csv, const QString& title);

    TrainingViews* m_views;
    QWidget* m_canvas;
    ProjectFiles* m_files;
    TrainingController* m_training;
    QWidget* m_window;
};

}  // namespace nnplay::ui
