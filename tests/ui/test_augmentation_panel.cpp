// SPDX-License-Identifier: GPL-3.0-or-later
// The Augmentation group of the training settings: the controls the data take, undoable edits
// that merge while spinning, the flip warning for digits, and a preview of augmented training
// samples that follows every change.
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

#include "Project.h"
#include "data/DataLoader.h"
#include "document/ProjectDocument.h"
#include "panels/AugmentationGroup.h"
#include "panels/TrainingPanel.h"
#include "plots/AugmentationPreview.h"
#include "plots/PictureActions.h"
#include "train/SnapshotBuilder.h"

using namespace nnplay;
using nnplay::ui::AugmentationGroup;
using nnplay::ui::AugmentationPreview;
using nnplay::ui::ProjectDocument;
using nnplay::ui::TrainingPanel;

namespace {

Project projectOf(const std::string& source) {
    Project p;
    p.data.source = source;
    if (source == "digits") {
        p.data.trainFraction = 0.1;
        p.network() = NetworkSpec::multilayer({16, 10}, "relu", "softmax");
        p.training.loss = LossKind::Cce;
    }
    if (source == "sine") p.task = Task::Regression;
    return p;
}

/// A document holding `project`, shown in a training panel.
struct Form {
    ProjectDocument document;
    TrainingPanel panel{&document};

    explicit Form(const Project& project) {
        document.reset(project, {});
        panel.show();
    }
    AugmentationGroup& group() { return *panel.augmentation(); }
    const AugmentationSpec& spec() const { return document.project().training.augmentation; }
    /// Gives the preview the data of the document as a session would.
    void loadPreview() {
        const Project& p = document.project();
        group().setData(
            ui::SnapshotBuilder::makePreview(loadData(p.data, p.task, "."), p.network()));
    }
};

}  // namespace

class TestAugmentationPanel : public QObject {
    Q_OBJECT
private slots:
    void digitsShowImageControls() {
        Form form(projectOf("digits"));
        AugmentationGroup& g = form.group();
        QVERIFY(g.isVisible());
        for (QWidget* field : std::initializer_list<QWidget*>{g.shiftBox(), g.rotationBox(),
                                                              g.noiseBox(), g.flipBox()})
            QVERIFY2(g.rowShown(field), qPrintable(field->toolTip()));
        QVERIFY(!g.rowShown(g.jitterBox()));
        QVERIFY(!g.rowShown(g.flipWarning()));
        // Every shown row gets its height (the group was laid out for the 2-D rows before).
        form.panel.resize(300, 800);
        QTRY_VERIFY(g.shiftBox()->height() > 0);
        QVERIFY(g.rotationBox()->height() > 0);
        QVERIFY(g.noiseBox()->y() >= g.shiftBox()->geometry().bottom());
        QVERIFY(g.preview()->y() >= g.flipBox()->geometry().bottom());
    }

    void planeDataShowJitterOnly() {
        Form form(projectOf("moons"));
        AugmentationGroup& g = form.group();
        QVERIFY(g.isVisible());
        QVERIFY(g.rowShown(g.jitterBox()));
        for (QWidget* field : std::initializer_list<QWidget*>{g.shiftBox(), g.rotationBox(),
                                                              g.noiseBox(), g.flipBox()})
            QVERIFY(!g.rowShown(field));
    }

    void sequencesHideTheGroupUnlessASettingIsOn() {
        Form form(projectOf("sine"));
        QVERIFY(!form.group().isVisible());
        // A shift left over from other data shows, so that it can be turned off.
        Project p = projectOf("sine");
        p.training.augmentation.shift = 2;
        form.document.reset(p, {});
        QVERIFY(form.group().isVisible());
        QVERIFY(form.group().rowShown(form.group().shiftBox()));
        QVERIFY(!form.group().rowShown(form.group().rotationBox()));
        form.group().shiftBox()->setValue(0);
        QCOMPARE(form.spec().shift, 0);
        QVERIFY(!form.group().isVisible());
    }

    void editsAreUndoableAndSpinningMerges() {
        Form form(projectOf("digits"));
        QUndoStack* undo = form.document.undoStack();
        const int before = undo->count();
        AugmentationGroup& g = form.group();
        g.rotationBox()->stepBy(1);
        g.rotationBox()->stepBy(1);
        QCOMPARE(form.spec().rotation, 10.0f);
        QCOMPARE(undo->count(), before + 1);  // one step for both
        g.shiftBox()->stepBy(1);
        QCOMPARE(form.spec().shift, 1);
        QTest::mouseClick(g.flipBox(), Qt::LeftButton, {}, QPoint(6, g.flipBox()->height() / 2));
        QVERIFY(form.spec().flip);
        g.noiseBox()->setValue(0.2);
        QCOMPARE(form.spec().noise, 0.2f);
        QCOMPARE(undo->count(), before + 4);
        undo->undo();
        undo->undo();
        QVERIFY(!form.spec().flip);
        QVERIFY(!g.flipBox()->isChecked());
        QCOMPARE(g.noiseBox()->value(), 0.0);
        undo->undo();
        undo->undo();
        QCOMPARE(form.spec(), AugmentationSpec{});
        QCOMPARE(g.rotationBox()->value(), 0.0);
        QCOMPARE(g.shiftBox()->text(), QStringLiteral("Off"));
        undo->redo();
        QCOMPARE(g.rotationBox()->value(), 10.0);
    }

    void flipWarnsForDigitsOnly() {
        Form form(projectOf("digits"));
        AugmentationGroup& g = form.group();
        QTest::mouseClick(g.flipBox(), Qt::LeftButton, {}, QPoint(6, g.flipBox()->height() / 2));
        QVERIFY(form.spec().flip);  // warned, not forbidden
        QVERIFY(g.rowShown(g.flipWarning()));
        QVERIFY(g.flipWarning()->text().contains("digit"));
        Project fashion = projectOf("fashion-mnist");
        fashion.training.augmentation.flip = true;
        form.document.reset(fashion, {});
        QVERIFY(g.rowShown(g.flipBox()));
        QVERIFY(!g.rowShown(g.flipWarning()));
    }

    void previewFollowsTheSettings() {
        Form form(projectOf("digits"));
        form.loadPreview();
        AugmentationPreview* preview = form.group().preview();
        QCOMPARE(preview->shows(), AugmentedData::Images);
        QCOMPARE(preview->pictureRows(), 1);
        QCOMPARE(preview->shownSample(), 0);
        QTRY_VERIFY(preview->height() > 0);
        QVERIFY(ui::PictureActions::saveAction(preview));
        const Project& p = form.document.project();
        const DataSplit data = loadData(p.data, p.task, ".");
        // Off: every copy is the stored training picture.
        for (int c = 0; c < AugmentationPreview::kCopies; ++c)
            QCOMPARE(preview->copyOf(0, c), Vector(data.train.inputs.col(0)));
        form.group().rotationBox()->setValue(20.0);
        const Vector turned = preview->copyOf(0, 0);
        QVERIFY((turned - Vector(data.train.inputs.col(0))).cwiseAbs().maxCoeff() > 0.01f);
        QVERIFY(preview->copyOf(0, 0) != preview->copyOf(0, 1));
        // The same settings show the same copies; a click draws others.
        form.group().rotationBox()->setValue(10.0);
        form.group().rotationBox()->setValue(20.0);
        QCOMPARE(preview->copyOf(0, 0), turned);
        QTest::mouseClick(preview, Qt::LeftButton);
        QCOMPARE(preview->shownSample(), 1);
        QVERIFY(preview->copyOf(0, 0) != turned);
        form.document.undoStack()->undo();  // the rotation edits merged into one step
        QCOMPARE(preview->spec().rotation, 0.0f);
    }

    void previewJittersThePoints() {
        Form form(projectOf("moons"));
        form.loadPreview();
        AugmentationPreview* preview = form.group().preview();
        QCOMPARE(preview->shows(), AugmentedData::Points);
        form.group().jitterBox()->setValue(0.5);
        const Matrix moved = preview->jitteredPoints();
        const Project& p = form.document.project();
        const Matrix stored = loadData(p.data, p.task, ".").train.points;
        QCOMPARE(moved.cols(), stored.cols() * AugmentationPreview::kPointCopies);
        const Matrix first = moved.leftCols(stored.cols()) - stored;
        const double sd = std::sqrt(first.array().square().mean());
        QVERIFY2(std::abs(sd - 0.5) < 0.1, qPrintable(QString::number(sd)));
        form.group().jitterBox()->setValue(0.0);
        QCOMPARE(form.spec().jitter, 0.0f);
    }
};

QTEST_MAIN(TestAugmentationPanel)
#include "test_augmentation_panel.moc"
