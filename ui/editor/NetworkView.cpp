// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/NetworkView.h"

#include <QDragEnterEvent>
#include <QFontInfo>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <algorithm>
#include <cmath>

#include "editor/EditorStyle.h"
#include "editor/LayerMime.h"
#include "editor/NetworkScene.h"
#include "style/UiScale.h"

namespace nnplay::ui {

NetworkView::NetworkView(NetworkScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene) {
    setAcceptDrops(true);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform |
                   QPainter::TextAntialiasing);
    setAlignment(Qt::AlignCenter);
    setDragMode(QGraphicsView::NoDrag);
    setFrameShape(QFrame::NoFrame);
    // Scroll bars only when the network does not fit even at the smallest readable zoom.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setToolTip(QString());
    m_scene->setPalette(palette());
    connect(m_scene, &NetworkScene::layoutChanged, this, &NetworkView::fitScene);
    fitScene();
}

double NetworkView::minimumScale() const {
    if (UiScale::instance()->percent() == UiScale::kMinPercent) return kMinScale;
    const double labelsAsText =
        QFontInfo(font()).pixelSize() / double(EditorStyle::labelFont().pixelSize());
    return std::max(kMinScale * UiScale::factor(), labelsAsText);
}

int NetworkView::readableWidth() const {
    return static_cast<int>(std::ceil(m_scene->sceneRect().width() * minimumScale())) +
           2 * frameWidth();
}

void NetworkView::fitScene() {
    const QRectF rect = m_scene->sceneRect();
    const QSize area = viewport()->size();
    if (rect.isEmpty() || area.isEmpty()) return;
    const double smallest = minimumScale();
    const double scale =
        std::clamp(std::min(area.width() / rect.width(), area.height() / rect.height()), smallest,
                   std::max(smallest, kMaxScale));
    const bool rescaled = transform().m11() != scale;
    setTransform(QTransform::fromScale(scale, scale));
    // A network that has to scroll starts at its inputs, then keeps where the learner
    // scrolled to.
    if (rect.width() * scale <= area.width())
        centerOn(rect.center());
    else if (rescaled)
        horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
}

void NetworkView::dragEnterEvent(QDragEnterEvent* event) {
    dragMoveEvent(event);  // an enter is the first move
}

void NetworkView::dragMoveEvent(QDragMoveEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    if (!LayerMime::canDecode(event->mimeData()) || !m_scene->acceptsDropAt(at)) {
        m_scene->hideInsertionMarker();
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    m_scene->showInsertionMarker(m_scene->insertionIndexAt(at));
}

void NetworkView::dragLeaveEvent(QDragLeaveEvent* event) {
    m_scene->hideInsertionMarker();
    event->accept();
}

void NetworkView::dropEvent(QDropEvent* event) {
    m_scene->hideInsertionMarker();
    const QString type = LayerMime::decode(event->mimeData());
    const QPointF at = mapToScene(event->position().toPoint());
    if (type.isEmpty() || !m_scene->acceptsDropAt(at)) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    m_scene->insertLayerAt(m_scene->insertionIndexAt(at), type);
    setFocus(Qt::OtherFocusReason);
}

void NetworkView::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        m_scene->selectedLayerId() >= 0) {
        m_scene->removeSelectedLayer();
        event->accept();
        return;
    }
    // + and - (also = for + without Shift, and the keypad's) add or remove a unit of the
    // selected layer, as its ± buttons do.
    const int delta = event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal ? 1
                      : event->key() == Qt::Key_Minus                               ? -1
                                                                                    : 0;
    if (delta != 0 && m_scene->selectedLayerId() >= 0) {
        m_scene->changeUnits(m_scene->selectedLayerId(), delta);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    QGraphicsView::mousePressEvent(event);
    // A press on the empty canvas (which clears the selection) stays with the canvas.
    event->accept();
    setFocus(Qt::MouseFocusReason);
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitScene();
}

void NetworkView::showEvent(QShowEvent* event) {
    QGraphicsView::showEvent(event);
    fitScene();
}

void NetworkView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) m_scene->setPalette(palette());
    if (event->type() == QEvent::FontChange) fitScene();  // minimumScale() follows the font
}

}  // namespace nnplay::ui
