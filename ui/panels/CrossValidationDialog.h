// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>
#include <atomic>
#include <vector>

#include "Project.h"
#include "train/CrossValidation.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QThread;

namespace nnplay::ui {

/// Train > Cross-validate: k-fold cross-validation of the project as it is
/// (nnplay::CrossValidation) on a thread of its own, so neither the window nor the training
/// worker waits. A table fills fold by fold (the held-out fold's loss and accuracy, the test
/// part's, the best epoch), then the mean and the spread of each figure over the folds. Cancel
/// stops after the fold that trains; closing the dialog cancels.
class CrossValidationDialog : public QDialog {
    Q_OBJECT
public:
    /// `project`'s data is read relative to `baseDir`.
    CrossValidationDialog(const nnplay::Project& project, const QString& baseDir,
                          QWidget* parent = nullptr);
    ~CrossValidationDialog() override;

    QSpinBox* foldsBox() const { return m_folds; }
    QPushButton* runButton() const { return m_run; }
    QTableWidget* table() const { return m_table; }
    QString statusText() const;
    bool isRunning() const { return m_thread != nullptr; }

signals:
    /// The folds are done (all of them, or those before a cancel) or it failed.
    void finished();

private:
    void start();
    void cancel();
    void addFold(int fold, const std::vector<nnplay::Session::Figure>& figures);
    void showSummaries(const std::vector<nnplay::CrossValidation::Summary>& summaries);
    void fail(const QString& message);
    void stopped();

    nnplay::Project m_project;
    QString m_baseDir;
    QSpinBox* m_folds;
    QPushButton* m_run;
    QLabel* m_status;
    QTableWidget* m_table;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    std::vector<std::string> m_columns;  // the figures the table shows, in its column order
};

}  // namespace nnplay::ui
