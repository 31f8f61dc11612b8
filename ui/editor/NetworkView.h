// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace nnplay::ui {

class NetworkScene;

/// Shows a NetworkScene scaled to fit the viewport, keeping the aspect ratio (small networks
/// are enlarged up to kMaxScale); a network too wide to fit at minimumScale(), where its text
/// is still readable, scrolls sideways instead of shrinking further,
/// and accepts layer kinds dropped from the LayerPalette (LayerMime data): while a drag moves
/// over it, the scene shows an insertion marker; a drop inserts the layer there (one undo
/// step). Delete or Backspace removes the selected layer.
class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    /// The scene is not owned.
    explicit NetworkView(NetworkScene* scene, QWidget* parent = nullptr);

    NetworkScene* networkScene() const { return m_scene; }
    /// Scales the scene to fit the viewport and centres it (called when shown, on resize and
    /// after every rebuild).
    void fitScene();

    QSize sizeHint() const override { return {900, 520}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

    /// Largest zoom fitScene() uses, so a tiny network does not fill the screen with one card.
    static constexpr double kMaxScale = 2.5;
    /// Smallest zoom at UiScale's 100 %: the canvas's smallest text (15 px,
    /// EditorStyle::smallFont) stays 9 px on screen.
    static constexpr double kMinScale = 0.6;
    /// Smallest zoom fitScene() uses: kMinScale at 100 %, growing with UiScale's zoom so
    /// that the canvas labels (EditorStyle::labelFont) are never smaller than the window's
    /// text once it is enlarged.
    double minimumScale() const;
    /// The width the whole drawing takes at minimumScale(): what the canvas needs so that
    /// nothing scrolls.
    int readableWidth() const;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    NetworkScene* m_scene;
};

}  // namespace nnplay::ui
