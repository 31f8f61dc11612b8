// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/ImportLayersDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "train/NetworkCheck.h"

namespace nnplay::ui {

namespace {

QString qstr(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

ImportLayersDialog::ImportLayersDialog(nnplay::Project source, const QString& sourceName,
                                       ProjectDocument* document, QWidget* parent)
    : QDialog(parent),
      m_source(std::move(source)),
      m_document(document),
      m_network(new QComboBox(this)),
      m_layers(new QListWidget(this)),
      m_replace(new QSpinBox(this)),
      m_frozen(new QCheckBox(tr("Frozen (not trained): keep what they learnt"), this)),
      m_verdict(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Import Layers from %1").arg(sourceName));
    for (const nnplay::NamedNetwork& network : m_source.networks)
        m_network->addItem(qstr(network.name));
    m_network->setVisible(m_source.networks.size() > 1);
    m_layers->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_layers->setMinimumWidth(420);
    const int targetCount = static_cast<int>(m_document->project().network().layers.size());
    m_replace->setRange(0, targetCount);
    m_replace->setSuffix(tr(" layers of the current network"));
    m_replace->setSpecialValueText(tr("none: put them before the current layers"));
    m_frozen->setChecked(true);
    m_verdict->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));

    auto* intro = new QLabel(
        tr("Choose the layers to take, with their trained weights (for a convolution base: the "
           "first layers, up to the Flatten). They go at the start of the current network."),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Replace the first"), m_replace);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_network);
    layout->addWidget(m_layers, 1);
    layout->addLayout(form);
    layout->addWidget(m_frozen);
    layout->addWidget(m_verdict);
    layout->addWidget(m_buttons);

    connect(m_network, &QComboBox::currentIndexChanged, this, [this] { fillLayers(); });
    connect(m_layers, &QListWidget::itemSelectionChanged, this, &ImportLayersDialog::update);
    connect(m_replace, &QSpinBox::valueChanged, this, &ImportLayersDialog::update);
    connect(m_frozen, &QCheckBox::toggled, this, &ImportLayersDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportLayersDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportLayersDialog::reject);
    fillLayers();
}

void ImportLayersDialog::fillLayers() {
    m_layers->clear();
    const std::string name = m_network->currentText().toStdString();
    const auto layers = nnplay::transferableLayers(m_source, name);
    for (const nnplay::TransferableLayer& layer : layers) {
        QString text = qstr(layer.name);
        if (!layer.summary.empty()) text += QStringLiteral(": ") + qstr(layer.summary);
        if (layer.hasWeights)
            text += layer.trained
                        ? tr(" — %n trained weights", nullptr, static_cast<int>(layer.storedValues))
                        : tr(" — untrained");
        if (layer.frozen) text += tr(", frozen");
        m_layers->addItem(text);
    }
    // A convolution base by default: the layers up to the last Flatten, else the first one.
    int count = 1;
    const nnplay::NetworkSpec* spec = m_source.findNetwork(name);
    for (int i = 0; spec && i < static_cast<int>(spec->layers.size()); ++i)
        if (spec->layers[static_cast<std::size_t>(i)].type == "flatten") count = i + 1;
    // A base that ends in a Flatten takes the place of the current network's own base, up to
    // its Flatten; anything else goes before the current layers.
    int replace = 0;
    const nnplay::NetworkSpec& current = m_document->project().network();
    const bool endsFlat =
        spec && count > 0 && spec->layers[static_cast<std::size_t>(count - 1)].type == "flatten";
    for (int i = 0; endsFlat && i < static_cast<int>(current.layers.size()); ++i)
        if (current.layers[static_cast<std::size_t>(i)].type == "flatten") replace = i + 1;
    {
        const QSignalBlocker blocker(m_replace);
        m_replace->setValue(replace);
    }
    selectRange(0, std::min<int>(count, static_cast<int>(layers.size())));
}

void ImportLayersDialog::selectRange(int first, int count) {
    const QSignalBlocker blocker(m_layers);
    m_layers->clearSelection();
    for (int i = first; i < first + count && i < m_layers->count(); ++i)
        m_layers->item(i)->setSelected(true);
    update();
}

void ImportLayersDialog::setReplaceCount(int count) { m_replace->setValue(count); }

void ImportLayersDialog::setFrozen(bool frozen) { m_frozen->setChecked(frozen); }

nnplay::LayerTransferRequest ImportLayersDialog::request() const {
    nnplay::LayerTransferRequest request;
    request.sourceNetwork = m_network->currentText().toStdString();
    int first = -1, last = -1;
    for (int i = 0; i < m_layers->count(); ++i) {
        if (!m_layers->item(i)->isSelected()) continue;
        if (first < 0) first = i;
        last = i;
    }
    request.first = std::max(first, 0);
    request.count = first < 0 ? 0 : last - first + 1;
    request.replace = m_replace->value();
    request.freeze = m_frozen->isChecked();
    return request;
}

QString ImportLayersDialog::message() const { return m_verdict->text(); }

void ImportLayersDialog::update() {
    m_transfer.reset();
    const nnplay::Project& project = m_document->project();
    const std::optional<nnplay::DataInfo>& data = m_document->dataInfo();
    QString verdict;
    if (!data) {
        verdict = tr("The current data cannot be read, so the layers cannot be checked.");
    } else {
        try {
            const nnplay::Shape input =
                nnplay::networkInputShape(project, project.networks.front().name, data->inputShape);
            m_transfer = nnplay::transferLayers(m_source, project, request(), input);
            QStringList lines;
            for (const std::string& note : m_transfer->notes) lines << qstr(note) + '.';
            lines << tr(
                "The rest of the network and the training start fresh; Undo brings them "
                "back.");
            verdict = lines.join('\n');
        } catch (const nnplay::InputError& e) {
            verdict = tr("These layers do not fit the current data: %1.").arg(qstr(e.what()));
        }
    }
    m_verdict->setText(verdict);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_transfer.has_value());
}

void ImportLayersDialog::accept() {
    if (!m_transfer) return;
    const int count = request().count;
    importLayers(*m_document, m_transfer->network, tr("Import %n layer(s)", nullptr, count));
    QDialog::accept();
}

}  // namespace nnplay::ui
