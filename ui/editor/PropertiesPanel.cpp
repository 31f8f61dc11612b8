// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/PropertiesPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "layers/LayerRegistry.h"

namespace nnplay::ui {

PropertiesPanel::PropertiesPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_title(new QLabel(this)),
      m_description(new QLabel(this)),
      m_empty(
          new QLabel(tr("Select a layer in the network to see and change its settings."), this)),
      m_form(new QWidget(this)),
      m_formLayout(new QFormLayout(m_form)),
      m_frozen(new QCheckBox(tr("Frozen (not trained)"), this)),
      m_remove(new QPushButton(tr("Remove layer"), this)) {
    applyTitleFont();
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_formLayout->setContentsMargins(0, 4, 0, 4);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_remove->setToolTip(tr("Remove this layer from the network (Delete)"));
    m_frozen->setObjectName(QStringLiteral("frozen"));
    m_frozen->setToolTip(
        tr("Training leaves a frozen layer's weights as they are; gradients still "
           "pass through it to the layers before. Also the lock on the canvas."));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_form);
    layout->addWidget(m_frozen);
    layout->addWidget(m_remove, 0, Qt::AlignLeft);
    layout->addStretch(1);

    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_layerId >= 0) removeLayer(*m_document, m_layerId);
    });
    connect(m_frozen, &QCheckBox::toggled, this, [this](bool on) {
        if (m_layerId >= 0) setLayerFrozen(*m_document, m_layerId, on);
    });
    connect(m_document, &ProjectDocument::networkChanged, this,
            &PropertiesPanel::onDocumentChanged);
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] { setLayer(-1); });
    rebuild();
}

void PropertiesPanel::setLayer(int layerId) {
    if (!m_document->networkHolding(layerId)) layerId = -1;
    if (layerId == m_layerId) return;
    m_layerId = layerId;
    rebuild();
}

QWidget* PropertiesPanel::editorFor(const QString& key) const {
    for (const Editor& editor : m_editors)
        if (editor.key == key.toStdString()) return editor.box;
    return nullptr;
}

void PropertiesPanel::onDocumentChanged() {
    const nnplay::NamedNetwork* network = m_document->networkHolding(m_layerId);
    const nnplay::NetworkSpec& spec = network ? network->spec : m_document->project().network();
    const int index = network ? spec.indexOf(m_layerId) : -1;
    if (index < 0) {
        if (m_layerId >= 0) {
            m_layerId = -1;
            rebuild();
        }
        return;
    }
    if (spec.layers[static_cast<std::size_t>(index)].type != m_type) {
        rebuild();
        return;
    }
    // The position may have changed (a move); the form stays, so typing is not interrupted.
    m_title->setText(
        tr("%1 (layer %2)").arg(m_title->property("displayName").toString()).arg(index + 1));
    refreshValues();
}

void PropertiesPanel::rebuild() {
    m_editors.clear();
    while (m_formLayout->rowCount() > 0) m_formLayout->removeRow(0);
    const nnplay::NamedNetwork* network = m_document->networkHolding(m_layerId);
    const nnplay::NetworkSpec& spec = network ? network->spec : m_document->project().network();
    const int index = network ? spec.indexOf(m_layerId) : -1;
    const nnplay::LayerInfo* info = index >= 0
                                        ? nnplay::LayerRegistry::builtin().find(
                                              spec.layers[static_cast<std::size_t>(index)].type)
                                        : nullptr;
    const bool shown = info != nullptr;
    m_empty->setVisible(!shown);
    m_title->setVisible(shown);
    m_description->setVisible(shown);
    m_form->setVisible(shown);
    m_remove->setVisible(shown);
    m_frozen->setVisible(shown && info->hasWeights());
    if (!shown) {
        m_type.clear();
        return;
    }
    m_type = info->type;
    const QString displayName = QString::fromStdString(info->displayName);
    m_title->setProperty("displayName", displayName);
    m_title->setText(tr("%1 (layer %2)").arg(displayName).arg(index + 1));
    m_description->setText(QString::fromStdString(info->description));

    const int layerId = m_layerId;
    for (int s = 0; s < static_cast<int>(info->settings.size()); ++s) {
        const nnplay::SettingInfo& setting = info->settings[static_cast<std::size_t>(s)];
        const QString tip = QString::fromStdString(setting.tooltip);
        const std::string key = setting.key;
        const int mergeId = layerSettingMergeId(layerId, s);
        QWidget* box = nullptr;
        if (setting.kind == nnplay::SettingInfo::Kind::Choice) {
            auto* combo = new QComboBox(m_form);
            for (const std::string& name : setting.choices)
                combo->addItem(QString::fromStdString(name));
            connect(combo, &QComboBox::activated, this, [this, layerId, key, mergeId](int index) {
                setLayerSetting(*m_document, layerId, key, index, mergeId);
            });
            box = combo;
        } else if (setting.kind == nnplay::SettingInfo::Kind::Flag) {
            auto* check = new QCheckBox(m_form);
            connect(check, &QCheckBox::toggled, this, [this, layerId, key, mergeId](bool on) {
                setLayerSetting(*m_document, layerId, key, on ? 1 : 0, mergeId);
            });
            box = check;
        } else if (setting.integer) {
            auto* spin = new QSpinBox(m_form);
            spin->setRange(static_cast<int>(setting.minimum), static_cast<int>(setting.maximum));
            connect(spin, &QSpinBox::valueChanged, this, [this, layerId, key, mergeId](int value) {
                setLayerSetting(*m_document, layerId, key, value, mergeId);
            });
            box = spin;
        } else {
            auto* spin = new QDoubleSpinBox(m_form);
            const double range = setting.maximum - setting.minimum;
            spin->setDecimals(range <= 1 ? 3 : 2);
            spin->setSingleStep(range <= 1 ? 0.01
                                           : std::pow(10.0, std::floor(std::log10(range)) - 1));
            spin->setRange(setting.minimum, setting.maximum);
            connect(spin, &QDoubleSpinBox::valueChanged, this,
                    [this, layerId, key, mergeId](double value) {
                        setLayerSetting(*m_document, layerId, key, value, mergeId);
                    });
            box = spin;
        }
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(box)) spin->setAccelerated(true);
        box->setObjectName(QString::fromStdString(key));
        box->setToolTip(tip);
        auto* label = new QLabel(QString::fromStdString(setting.label) + QLatin1Char(':'), m_form);
        label->setToolTip(tip);
        label->setBuddy(box);
        m_formLayout->addRow(label, box);
        m_editors.push_back({key, box});
    }
    refreshValues();
}

void PropertiesPanel::refreshValues() {
    const nnplay::NamedNetwork* network = m_document->networkHolding(m_layerId);
    const nnplay::NetworkSpec& spec = network ? network->spec : m_document->project().network();
    const int index = network ? spec.indexOf(m_layerId) : -1;
    if (index < 0) return;
    const nnplay::LayerSpec& layer = spec.layers[static_cast<std::size_t>(index)];
    {
        const QSignalBlocker blocker(m_frozen);
        m_frozen->setChecked(!layer.trainable);
    }
    for (const Editor& editor : m_editors) {
        const double value = layer.setting(editor.key);
        const QSignalBlocker blocker(editor.box);
        // Only when different, so the cursor of a box being typed into stays put.
        if (auto* spin = qobject_cast<QSpinBox*>(editor.box)) {
            if (spin->value() != static_cast<int>(value)) spin->setValue(static_cast<int>(value));
        } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor.box)) {
            if (std::abs(spin->value() - value) > 1e-12) spin->setValue(value);
        } else if (auto* combo = qobject_cast<QComboBox*>(editor.box)) {
            combo->setCurrentIndex(static_cast<int>(value));
        } else if (auto* check = qobject_cast<QCheckBox*>(editor.box)) {
            check->setChecked(value != 0);
        }
    }
}

void PropertiesPanel::applyTitleFont() {
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
}

void PropertiesPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) applyTitleFont();  // the panel's, enlarged
    QWidget::changeEvent(event);
}

}  // namespace nnplay::ui
