// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/AugmentationGroup.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "panels/ShowValue.h"
#include "plots/AugmentationPreview.h"
#include "plots/PictureActions.h"

namespace nnplay::ui {

AugmentationGroup::AugmentationGroup(ProjectDocument* document, QWidget* parent)
    : QGroupBox(tr("Augmentation"), parent),
      m_document(document),
      m_form(new QFormLayout(this)),
      m_shift(new QSpinBox(this)),
      m_rotation(new QDoubleSpinBox(this)),
      m_noise(new QDoubleSpinBox(this)),
      m_flip(new QCheckBox(tr("Mirror half of them"), this)),
      m_flipWarning(new QLabel(this)),
      m_jitter(new QDoubleSpinBox(this)),
      m_preview(new AugmentationPreview(this)) {
    setObjectName(QStringLiteral("augmentationGroup"));
    setToolTip(
        tr("Every batch trains on changed copies of its samples, so the network sees more "
           "variety than the data hold. Test samples are never changed."));
    m_shift->setRange(0, AugmentationSpec::kMaxShift);
    m_shift->setSpecialValueText(tr("Off"));
    m_shift->setSuffix(tr(" px"));
    m_shift->setToolTip(
        tr("Moves each picture by up to this many pixels left or right and up or down."));
    m_rotation->setRange(0.0, AugmentationSpec::kMaxRotation);
    m_rotation->setDecimals(1);
    m_rotation->setSingleStep(5.0);
    m_rotation->setSpecialValueText(tr("Off"));
    m_rotation->setSuffix(tr("°"));
    m_rotation->setToolTip(tr("Turns each picture by up to this many degrees either way."));
    m_noise->setRange(0.0, AugmentationSpec::kMaxNoise);
    m_noise->setDecimals(2);
    m_noise->setSingleStep(0.05);
    m_noise->setSpecialValueText(tr("Off"));
    m_noise->setToolTip(
        tr("Adds random speckles to every pixel: their typical size (standard deviation), on "
           "the pixel scale 0 (background) to 1 (ink)."));
    m_flip->setToolTip(
        tr("Mirrors each picture left to right with probability one half. Good for photos of "
           "clothes; a mirrored digit is often no digit at all."));
    m_flipWarning->setObjectName(QStringLiteral("flipWarning"));
    m_flipWarning->setWordWrap(true);
    m_flipWarning->setText(tr("A mirrored 2 or 7 is no digit: the network learns from "
                              "pictures the test set never shows."));
    m_flipWarning->setStyleSheet(QStringLiteral("QLabel { color: #b9770e; }"));
    m_jitter->setRange(0.0, AugmentationSpec::kMaxJitter);
    m_jitter->setDecimals(2);
    m_jitter->setSingleStep(0.05);
    m_jitter->setSpecialValueText(tr("Off"));
    m_jitter->setToolTip(
        tr("Moves each training point by a random amount of about this size (standard "
           "deviation) before its features are computed."));

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // No row wrapping: Qt 6.4's height-for-width of a wrapping form forgets rows shown again
    // by setRowVisible, and the group would keep the height of the rows it showed before.
    m_form->addRow(tr("Shift"), m_shift);
    m_form->addRow(tr("Rotation"), m_rotation);
    m_form->addRow(tr("Noise"), m_noise);
    m_form->addRow(tr("Flip"), m_flip);
    m_form->addRow(m_flipWarning);
    m_form->addRow(tr("Jitter"), m_jitter);
    m_form->addRow(m_preview);
    PictureActions::install(m_preview, QStringLiteral("augmentation"));

    auto edit = [this](auto change, const QString& text, int mergeId) {
        TrainingSpec training = m_document->project().training;
        change(training.augmentation);
        editTraining(*m_document, training, text, mergeId);
    };
    connect(m_shift, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](AugmentationSpec& a) { a.shift = v; }, tr("Change augmentation shift"),
             kMergeAugmentShift);
    });
    connect(m_rotation, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        edit([v](AugmentationSpec& a) { a.rotation = static_cast<float>(v); },
             tr("Change augmentation rotation"), kMergeAugmentRotation);
    });
    connect(m_noise, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        edit([v](AugmentationSpec& a) { a.noise = static_cast<float>(v); },
             tr("Change augmentation noise"), kMergeAugmentNoise);
    });
    connect(m_flip, &QCheckBox::toggled, this, [edit](bool on) {
        edit([on](AugmentationSpec& a) { a.flip = on; },
             on ? tr("Turn flip on") : tr("Turn flip off"), kMergeNone);
    });
    connect(m_jitter, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        edit([v](AugmentationSpec& a) { a.jitter = static_cast<float>(v); },
             tr("Change augmentation jitter"), kMergeAugmentJitter);
    });
    connect(m_document, &ProjectDocument::trainingChanged, this, &AugmentationGroup::refresh);
    connect(m_document, &ProjectDocument::dataChanged, this, &AugmentationGroup::refresh);
    connect(m_document, &ProjectDocument::projectReplaced, this, &AugmentationGroup::refresh);
    refresh();
}

void AugmentationGroup::setData(std::shared_ptr<const DataPreview> data) {
    m_preview->setData(std::move(data));
}

bool AugmentationGroup::rowShown(QWidget* field) const {
    int row = -1;
    QFormLayout::ItemRole role;
    m_form->getWidgetPosition(field, &row, &role);
    return row >= 0 && m_form->isRowVisible(row) && !isHidden();
}

void AugmentationGroup::refresh() {
    const Project& project = m_document->project();
    const AugmentationSpec& a = project.training.augmentation;
    const QSignalBlocker b1(m_shift), b2(m_rotation), b3(m_noise), b4(m_flip), b5(m_jitter);
    showValue(m_shift, a.shift);
    showValue(m_rotation, double(a.rotation));
    showValue(m_noise, double(a.noise));
    m_flip->setChecked(a.flip);
    showValue(m_jitter, double(a.jitter));

    const AugmentedData kind =
        project.task == Task::Gan ? AugmentedData::None : augmentedDataOf(project.data.source);
    const bool images = kind == AugmentedData::Images;
    const bool points = kind == AugmentedData::Points;
    m_form->setRowVisible(m_shift, images || a.shift > 0);
    m_form->setRowVisible(m_rotation, images || a.rotation > 0.0f);
    m_form->setRowVisible(m_noise, images || a.noise > 0.0f);
    m_form->setRowVisible(m_flip, images || a.flip);
    m_form->setRowVisible(m_flipWarning, a.flip && flipMayChangeClass(project.data.source));
    m_form->setRowVisible(m_jitter, points || a.jitter > 0.0f);
    setVisible(images || points || a.active());
    m_preview->setSpec(a);
}

}  // namespace nnplay::ui
