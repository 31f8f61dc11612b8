// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/AugmentationGroup.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
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
      m_grid(new QGridLayout(this)),
      m_shift(new QSpinBox(this)),
      m_rotation(new QDoubleSpinBox(this)),
      m_noise(new QDoubleSpinBox(this)),
      m_flip(new QCheckBox(tr("Flip"), this)),
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
    m_flipWarning->setText(
        tr("A mirrored 2 or 7 is no digit: the network learns from "
           "pictures the test set never shows."));
    m_flipWarning->setStyleSheet(QStringLiteral("QLabel { color: #b9770e; }"));
    m_jitter->setRange(0.0, AugmentationSpec::kMaxJitter);
    m_jitter->setDecimals(2);
    m_jitter->setSingleStep(0.05);
    m_jitter->setSpecialValueText(tr("Off"));
    m_jitter->setToolTip(
        tr("Moves each training point by a random amount of about this size (standard "
           "deviation) before its features are computed."));

    // Two settings a row: the training settings above already fill most of the dock.
    const auto label = [this](const QString& text, QWidget* field) {
        auto* l = new QLabel(text, this);
        l->setBuddy(field);
        m_labels[field] = l;
        return l;
    };
    m_grid->addWidget(label(tr("Shift"), m_shift), 0, 0);
    m_grid->addWidget(m_shift, 0, 1);
    m_grid->addWidget(label(tr("Turn"), m_rotation), 0, 2);
    m_grid->addWidget(m_rotation, 0, 3);
    m_grid->addWidget(label(tr("Noise"), m_noise), 1, 0);
    m_grid->addWidget(m_noise, 1, 1);
    m_grid->addWidget(m_flip, 1, 2, 1, 2);
    m_grid->addWidget(m_flipWarning, 2, 0, 1, 4);
    m_grid->addWidget(label(tr("Jitter"), m_jitter), 3, 0);
    m_grid->addWidget(m_jitter, 3, 1, 1, 3);
    m_grid->addWidget(m_preview, 4, 0, 1, 4);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, 1);
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
    return !isHidden() && field->isVisibleTo(this);
}

void AugmentationGroup::showField(QWidget* field, bool on) {
    field->setVisible(on);
    if (QLabel* l = m_labels.value(field)) l->setVisible(on);
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
    showField(m_shift, images || a.shift > 0);
    showField(m_rotation, images || a.rotation > 0.0f);
    showField(m_noise, images || a.noise > 0.0f);
    showField(m_flip, images || a.flip);
    showField(m_flipWarning, a.flip && flipMayChangeClass(project.data.source));
    showField(m_jitter, points || a.jitter > 0.0f);
    setVisible(images || points || a.active());
    m_preview->setSpec(a);
}

}  // namespace nnplay::ui
