// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace nnplay::ui {

class NetworkScene;

/// Shows a NetworkScene, scaled to fit (within limits, so text stays readable on a projector),
/// and accepts layer kinds dropped from the LayerPalette (LayerMime data): while a drag moves
/// over it, the scene shows an insertion marker; a drop inserts the layer there (one undo
/// step). Delete or Backspace removes the selected layer.
class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    /// The scene is not owned.
    explicit NetworkView(NetworkScene* scene, QWidget* parent = nullptr);

    NetworkScene* networkScene() const { return m_scene; }
    /// Scales the scene to fit the viewport (called on resize and after every rebuild).
    void fitScene();

    QSize sizeHint() const override { return {900, 520}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

    /// Largest and smallest zoom fitScene() uses; beyond the smallest, scroll bars appear.
    static constexpr double kMaxScale = 1.6;
    static constexpr double kMinScale = 0.5;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    NetworkScene* m_scene;
};

}  // namespace nnplay::ui
