// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PictureActions.h"

#include <qcustomplot.h>

#include <QAction>
#include <QMessageBox>
#include <QWidget>

#include "plots/PictureDialog.h"
#include "plots/PictureExport.h"

namespace nnplay::ui {

namespace {

const char* const kSaveName = "savePictureAction";
const char* const kCopyName = "copyPictureAction";

QAction* findAction(const QWidget* view, const char* name) {
    for (QAction* action : view->actions())
        if (action->objectName() == QLatin1String(name)) return action;
    return nullptr;
}

}  // namespace

void PictureActions::install(QWidget* view, const QString& baseName) {
    if (saveAction(view)) return;
    auto* save = new QAction(QObject::tr("Save picture…"), view);
    save->setObjectName(QLatin1String(kSaveName));
    save->setToolTip(QObject::tr("Save this view as a PNG, SVG or PDF file."));
    QObject::connect(save, &QAction::triggered, view,
                     [view, baseName] { saveWithDialog(view, baseName, view->window()); });
    auto* copy = new QAction(QObject::tr("Copy picture"), view);
    copy->setObjectName(QLatin1String(kCopyName));
    QObject::connect(copy, &QAction::triggered, view,
                     [view] { PictureExport::copyToClipboard(view); });
    // Plots keep mouse events to themselves (Qt::WA_NoMousePropagation), so a right-click on
    // one never reaches the view: they offer the view's actions themselves.
    QList<QWidget*> targets{view};
    for (QCustomPlot* plot : view->findChildren<QCustomPlot*>()) targets << plot;
    for (QWidget* target : targets) {
        target->addAction(save);
        target->addAction(copy);
        target->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
}

QAction* PictureActions::saveAction(const QWidget* view) { return findAction(view, kSaveName); }
QAction* PictureActions::copyAction(const QWidget* view) { return findAction(view, kCopyName); }

QString PictureActions::saveWithDialog(QWidget* view, const QString& baseName, QWidget* parent) {
    PictureDialog dialog(baseName, view->size(), parent);
    if (dialog.exec() != QDialog::Accepted) return {};
    const QString error =
        PictureExport::save(view, dialog.path(), dialog.pictureSize(), dialog.scale());
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Cannot save the picture"), error);
        return {};
    }
    return dialog.path();
}

}  // namespace nnplay::ui
