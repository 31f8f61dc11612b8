// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

#include "Project.h"
#include "train/SweepMetaType.h"
#include "train/SweepTable.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace nnplay::ui {

class SweepRunner;
class SweepTableModel;

/// The Sweep tab: trains the project once per value of one setting, off the UI thread
/// (SweepRunner, with sessions of its own: Play's training is untouched), and fills a table
/// (sortable; the best value highlighted) and a plot of the final training and test loss
/// against the value, or for the training samples the learning curve (error against the
/// number of samples). Export CSV… writes SweepTable::csv, the file nnplay-cli sweep writes.
class SweepView : public QWidget {
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);
    ~SweepView() override;

    /// The project a sweep starts from (the document as it is), and the folder its data
    /// paths resolve against. Refreshes the settings offered, keeping the chosen one.
    void setProject(const nnplay::Project& project, const QString& baseDir);
    /// Chooses the setting (a SweepSetting key: "learning_rate", "units:2") and fills in its
    /// suggested values; false when the project offers no such setting.
    bool chooseSetting(const QString& key);
    /// Starts the sweep of the chosen setting over the typed values, as Run does; false (the
    /// reason in the progress line) when a value or the setting is refused.
    bool run();
    /// Stops the sweep after its current training step, as Cancel does.
    void cancel();
    bool isRunning() const;
    /// Writes the table as CSV to `path` (atomically); the error, or an empty string.
    QString exportCsv(const QString& path) const;

    const nnplay::SweepTable& table() const;
    QComboBox* settingBox() const { return m_setting; }
    QLineEdit* valuesEdit() const { return m_values; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* exportButton() const { return m_export; }
    QTableView* tableView() const { return m_tableView; }
    QLabel* progressLabel() const { return m_progress; }
    QCustomPlot* plot() const { return m_plot; }

signals:
    /// A sweep ended: every value trained (`completed`), cancelled, or stopped by an error.
    void sweepFinished(bool completed);
    /// A run of the sweep finished: the Runs tab keeps it.
    void runFinished(const nnplay::RunRecord& run);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fillSettings();
    void fitButtons();
    void onSettingChosen();
    void onTable(const nnplay::SweepTable& table);
    void onProgress(int run, int runs, int epoch, int epochs);
    void onFinished(bool completed, const QString& error);
    void askAndExport();
    void redrawPlot();
    void updateButtons();
    QString currentKey() const;

    nnplay::Project m_project;
    QString m_baseDir;
    SweepRunner* m_runner;
    SweepTableModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QComboBox* m_setting;
    QLineEdit* m_values;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_export;
    QLabel* m_progress;
    QTableView* m_tableView;
    QCustomPlot* m_plot;
    QSplitter* m_split = nullptr;
    /// What the running (or last) sweep varies, for the plot and the messages.
    QString m_sweptKey;
    bool m_sweptLogScale = false;
    bool m_sweptNumeric = true;
    std::vector<std::string> m_sweptValues;
};

}  // namespace nnplay::ui
