// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/CrossValidationDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <cmath>

#include "data/DataLoader.h"

namespace nnplay::ui {

namespace {

/// The figures worth a column, in this order, when the folds report them.
const char* const kShown[] = {"val_loss",      "val_accuracy", "test_loss", "test_accuracy",
                              "test_mse",      "test_r2",      "best_epoch"};

QString header(const std::string& name) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"val_loss", QT_TRANSLATE_NOOP("CrossValidationDialog", "Held-out loss")},
        {"val_accuracy", QT_TRANSLATE_NOOP("CrossValidationDialog", "Held-out accuracy")},
        {"test_loss", QT_TRANSLATE_NOOP("CrossValidationDialog", "Test loss")},
        {"test_accuracy", QT_TRANSLATE_NOOP("CrossValidationDialog", "Test accuracy")},
        {"test_mse", QT_TRANSLATE_NOOP("CrossValidationDialog", "Test MSE")},
        {"test_r2", QT_TRANSLATE_NOOP("CrossValidationDialog", "Test R²")},
        {"best_epoch", QT_TRANSLATE_NOOP("CrossValidationDialog", "Best epoch")}};
    for (const auto& [key, text] : kNames)
        if (name == key) return CrossValidationDialog::tr(text);
    return QString::fromStdString(name);
}

QString number(double v, const std::string& name) {
    if (!std::isfinite(v)) return QStringLiteral("—");
    if (name.find("accuracy") != std::string::npos)
        return QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1);
    if (name == "best_epoch") return QString::number(v, 'f', 1);
    return QString::number(v, 'g', 4);
}

}  // namespace

CrossValidationDialog::CrossValidationDialog(const nnplay::Project& project,
                                             const QString& baseDir, QWidget* parent)
    : QDialog(parent),
      m_project(project),
      m_baseDir(baseDir),
      m_folds(new QSpinBox(this)),
      m_run(new QPushButton(tr("Run"), this)),
      m_status(new QLabel(this)),
      m_table(new QTableWidget(this)) {
    setWindowTitle(tr("Cross-validate"));
    m_folds->setRange(2, nnplay::CrossValidation::kMaxFolds);
    m_folds->setValue(5);
    m_folds->setSuffix(tr(" folds"));
    m_folds->setToolTip(tr("The training part is cut into this many folds; each is held out once "
                           "while a fresh model trains on the others."));
    auto* intro = new QLabel(
        tr("How much do the figures depend on which samples train? Each fold of the training "
           "part is held out in turn while a network with fresh weights trains %1 epochs on the "
           "rest; the spread over the folds says how far one split's figures can be trusted.")
            .arg(project.training.epochs),
        this);
    intro->setWordWrap(true);
    m_status->setWordWrap(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_folds);
    controls->addWidget(m_run);
    controls->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_thread)
            cancel();
        else
            start();
    });
    connect(this, &QDialog::rejected, this, &CrossValidationDialog::cancel);
    resize(720, 420);
}

CrossValidationDialog::~CrossValidationDialog() {
    m_cancel = true;
    if (m_thread) m_thread->wait();
}

QString CrossValidationDialog::statusText() const { return m_status->text(); }

void CrossValidationDialog::start() {
    const int folds = m_folds->value();
    m_cancel = false;
    m_columns.clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_status->setText(tr("Training fold 1 of %1…").arg(folds));
    m_run->setText(tr("Cancel"));
    m_folds->setEnabled(false);
    const nnplay::Project project = m_project;
    const std::string baseDir = m_baseDir.toStdString();
    m_thread = QThread::create([this, project, baseDir, folds] {
        try {
            nnplay::CrossValidation validation(
                project, nnplay::loadData(project.data, project.task, baseDir), folds);
            const auto summaries =
                validation.run([this](int fold, const std::vector<nnplay::Session::Figure>& f) {
                    QMetaObject::invokeMethod(this, [this, fold, f] { addFold(fold, f); },
                                              Qt::QueuedConnection);
                    return !m_cancel.load();
                });
            QMetaObject::invokeMethod(this, [this, summaries] { showSummaries(summaries); },
                                      Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, message] { fail(message); },
                                      Qt::QueuedConnection);
        }
    });
    connect(m_thread, &QThread::finished, this, &CrossValidationDialog::stopped);
    m_thread->start();
}

void CrossValidationDialog::cancel() {
    if (!m_thread) return;
    m_cancel = true;
    m_status->setText(tr("Stopping after this fold…"));
}

void CrossValidationDialog::addFold(int fold, const std::vector<nnplay::Session::Figure>& figures) {
    if (m_columns.empty()) {
        for (const char* shown : kShown)
            for (const auto& f : figures)
                if (f.name == shown && (std::isfinite(f.value) || f.name == "val_loss"))
                    m_columns.push_back(f.name);
        m_table->setColumnCount(static_cast<int>(m_columns.size()));
        QStringList labels;
        for (const std::string& c : m_columns) labels << header(c);
        m_table->setHorizontalHeaderLabels(labels);
    }
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setVerticalHeaderItem(row, new QTableWidgetItem(tr("Fold %1").arg(fold + 1)));
    for (int c = 0; c < static_cast<int>(m_columns.size()); ++c) {
        for (const auto& f : figures) {
            if (f.name != m_columns[static_cast<std::size_t>(c)]) continue;
            auto* item = new QTableWidgetItem(number(f.value, f.name));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
    }
    if (!m_cancel && fold + 1 < m_folds->value())
        m_status->setText(tr("Training fold %1 of %2…").arg(fold + 2).arg(m_folds->value()));
}

void CrossValidationDialog::showSummaries(
    const std::vector<nnplay::CrossValidation::Summary>& summaries) {
    const int trained = m_table->rowCount();
    if (trained == 0) return;
    for (const bool spread : {false, true}) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setVerticalHeaderItem(
            row, new QTableWidgetItem(spread ? tr("Spread (±)") : tr("Mean")));
        for (int c = 0; c < static_cast<int>(m_columns.size()); ++c) {
            for (const auto& s : summaries) {
                if (s.name != m_columns[static_cast<std::size_t>(c)]) continue;
                auto* item = new QTableWidgetItem(number(spread ? s.spread : s.mean, s.name));
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                m_table->setItem(row, c, item);
            }
        }
    }
    if (trained < m_folds->value()) {
        m_status->setText(tr("Stopped after %1 of %2 folds.").arg(trained).arg(m_folds->value()));
        return;
    }
    // The headline: held-out accuracy for classification, else the held-out loss.
    const nnplay::CrossValidation::Summary* headline = nullptr;
    for (const auto& s : summaries)
        if ((s.name == "val_accuracy" && std::isfinite(s.mean)) ||
            (s.name == "val_loss" && !headline))
            headline = &s;
    if (headline)
        m_status->setText(tr("%1 %2 ± %3 over %4 folds.")
                              .arg(header(headline->name),
                                   number(headline->mean, headline->name),
                                   number(headline->spread, headline->name))
                              .arg(trained));
}

void CrossValidationDialog::fail(const QString& message) {
    m_status->setText(tr("Cannot cross-validate: %1").arg(message));
}

void CrossValidationDialog::stopped() {
    m_thread->deleteLater();
    m_thread = nullptr;
    m_run->setText(tr("Run"));
    m_folds->setEnabled(true);
    emit finished();
}

}  // namespace nnplay::ui
