// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PictureDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include "plots/PictureExport.h"

namespace nnplay::ui {

namespace {

const char* const kGroup = "PictureDialog";
const char* const kFolderKey = "folder";
constexpr int kMaxSide = 20000;

}  // namespace

PictureDialog::PictureDialog(const QString& baseName, QSize viewSize, QWidget* parent)
    : QDialog(parent),
      m_path(new QLineEdit),
      m_width(new QSpinBox),
      m_height(new QSpinBox),
      m_scale(new QDoubleSpinBox),
      m_problem(new QLabel) {
    setWindowTitle(tr("Save Picture"));
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    const QString folder = settings.value(QLatin1String(kFolderKey), QDir::homePath()).toString();
    m_path->setText(QDir(folder).filePath(baseName + QStringLiteral(".png")));
    m_path->setMinimumWidth(m_path->fontMetrics().averageCharWidth() * 48);
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &PictureDialog::browse);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    for (QSpinBox* side : {m_width, m_height}) {
        side->setRange(16, kMaxSide);
        side->setSuffix(tr(" px"));
    }
    m_width->setValue(viewSize.width());
    m_height->setValue(viewSize.height());
    m_scale->setRange(1.0, 4.0);
    m_scale->setSingleStep(0.5);
    m_scale->setDecimals(1);
    m_scale->setSuffix(tr(" ×"));
    m_scale->setToolTip(
        tr("A PNG's pixels per pixel of the view: 2 draws the same picture "
           "with twice the detail, as on a high-density screen."));
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &PictureDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &PictureDialog::updateState);

    auto* form = new QFormLayout(this);
    form->addRow(tr("File:"), file);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("PNG scale:"), m_scale);
    form->addRow(m_problem);
    form->addRow(buttons);
    updateState();
}

QString PictureDialog::path() const { return m_path->text().trimmed(); }
void PictureDialog::setPath(const QString& path) { m_path->setText(path); }
QSize PictureDialog::pictureSize() const { return {m_width->value(), m_height->value()}; }
void PictureDialog::setPictureSize(QSize size) {
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}
double PictureDialog::scale() const { return m_scale->value(); }
void PictureDialog::setScale(double scale) { m_scale->setValue(scale); }

void PictureDialog::accept() {
    if (!PictureExport::formatOf(path())) return;
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.setValue(QLatin1String(kFolderKey), QFileInfo(path()).absolutePath());
    QDialog::accept();
}

void PictureDialog::browse() {
    QString selected;
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save Picture"), path(),
                                                        PictureExport::fileFilter(), &selected);
    if (chosen.isEmpty()) return;
    // A name typed without a suffix takes the one of the filter chosen.
    if (QFileInfo(chosen).suffix().isEmpty()) {
        const int star = selected.indexOf(QLatin1String("*."));
        m_path->setText(chosen + selected.mid(star + 1, 4));
    } else {
        m_path->setText(chosen);
    }
}

void PictureDialog::updateState() {
    const std::optional<PictureExport::Format> format = PictureExport::formatOf(path());
    m_scale->setEnabled(format == PictureExport::Format::Png);
    m_problem->setText(format ? QString()
                              : tr("End the file name in .png, .svg or .pdf to choose the "
                                   "format."));
    m_problem->setVisible(!format);
    if (m_ok) m_ok->setEnabled(format.has_value());
}

}  // namespace nnplay::ui
