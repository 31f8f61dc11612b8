// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/CurvesPicture.h"

#include <QApplication>
#include <memory>

#include "plots/GanCurveView.h"
#include "plots/LossCurveView.h"
#include "plots/PictureExport.h"
#include "train/DataPreview.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

namespace {

/// The view of `T` showing the snapshot at the picture's size, laid out as if on a screen.
template <typename T>
std::unique_ptr<T> curvesView(const TrainingSnapshot& snapshot) {
    auto view = std::make_unique<T>();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->resize(CurvesPicture::kWidth, CurvesPicture::kHeight);
    view->show();
    view->setSnapshot(snapshot);
    return view;
}

/// Drops Qt's own chatter (the offscreen platform's notes): the command's output is its own.
void quiet(QtMsgType, const QMessageLogContext&, const QString&) {}

}  // namespace

bool CurvesPicture::knowsFormat(const std::string& path) {
    return PictureExport::formatOf(QString::fromStdString(path)).has_value();
}

std::string CurvesPicture::write(const nnplay::History& history, nnplay::Task task, bool diverged,
                                 const std::string& path) {
    std::unique_ptr<QApplication> app;
    QtMessageHandler previous = nullptr;
    if (QApplication::instance() == nullptr) {
        previous = qInstallMessageHandler(quiet);
        static int argc = 3;
        static char name[] = "nnplay-cli", platform[] = "-platform", offscreen[] = "offscreen";
        static char* argv[] = {name, platform, offscreen, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    }
    TrainingSnapshot snapshot;
    snapshot.valid = true;
    snapshot.newHistory = history;
    snapshot.epoch = history.lastEpoch();
    snapshot.diverged = diverged;
    auto data = std::make_shared<DataPreview>();
    data->info.task = task;
    snapshot.data = data;
    std::unique_ptr<QWidget> view;
    if (task == nnplay::Task::Gan)
        view = curvesView<GanCurveView>(snapshot);
    else
        view = curvesView<LossCurveView>(snapshot);
    const std::string error =
        PictureExport::save(view.get(), QString::fromStdString(path)).toStdString();
    if (app) {
        view.reset();
        app.reset();
        qInstallMessageHandler(previous);
    }
    return error;
}

}  // namespace nnplay::ui
