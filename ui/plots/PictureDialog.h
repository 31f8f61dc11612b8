// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace nnplay::ui {

/// Where a picture of a view goes and how large it is: a file (its suffix picks PNG, SVG or
/// PDF; Browse… opens a file dialog), width and height in pixels (the view's size to start
/// with) and, for a PNG, a scale (2 gives twice as many pixels each way, as on a high-density
/// screen). OK is offered only for a name with a known suffix. The folder is remembered in
/// QSettings (group "PictureDialog").
class PictureDialog : public QDialog {
    Q_OBJECT
public:
    /// `baseName` names the file to start with ("loss" gives loss.png in the last folder used).
    PictureDialog(const QString& baseName, QSize viewSize, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);
    QSize pictureSize() const;
    void setPictureSize(QSize size);
    double scale() const;
    void setScale(double scale);

    /// Saves the folder of path() for the next dialog.
    void accept() override;

private:
    void browse();
    void updateState();

    QLineEdit* m_path;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QDoubleSpinBox* m_scale;
    QLabel* m_problem;
    QPushButton* m_ok = nullptr;
};

}  // namespace nnplay::ui
