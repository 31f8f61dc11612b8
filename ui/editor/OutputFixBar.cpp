// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/OutputFixBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"

namespace nnplay::ui {

OutputFixBar::OutputFixBar(ProjectDocument* document, QWidget* parent)
    : QFrame(parent), m_document(document), m_text(new QLabel(this)),
      m_fix(new QPushButton(tr("Fix it"), this)) {
    setObjectName(QStringLiteral("outputFixBar"));
    setFrameShape(QFrame::StyledPanel);
    // The warning colours of the canvas, readable in the light and the dark theme.
    setStyleSheet(QStringLiteral("#outputFixBar { background: #fdf0d5; border: 1px solid #e0a030; "
                                 "border-radius: 4px; } #outputFixBar QLabel { color: #5a3b00; }"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_fix->setToolTip(tr("Change the last layers and the loss to what the data needs "
                         "(Undo takes it back)."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_fix);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (m_proposal) applyOutputFix(*m_document, *m_proposal);
    });
    connect(m_document, &ProjectDocument::networkChanged, this, &OutputFixBar::refresh);
    connect(m_document, &ProjectDocument::dataChanged, this, &OutputFixBar::refresh);
    connect(m_document, &ProjectDocument::trainingChanged, this, &OutputFixBar::refresh);
    connect(m_document, &ProjectDocument::projectReplaced, this, &OutputFixBar::refresh);
    refresh();
}

void OutputFixBar::refresh() {
    const std::optional<nnplay::DataInfo>& info = m_document->dataInfo();
    m_proposal.reset();
    if (info) {
        try {
            m_proposal = nnplay::proposeOutputFix(m_document->project(), *info);
        } catch (const std::exception&) {
            // A network the registry cannot read is the canvas's message to give, not ours.
        }
    }
    if (m_proposal) {
        m_text->setText(tr("The output does not fit the data. %1.")
                            .arg(QString::fromStdString(m_proposal->summary)));
    }
    setVisible(m_proposal.has_value());
}

}  // namespace nnplay::ui
