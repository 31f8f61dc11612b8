// SPDX-License-Identifier: GPL-3.0-or-later
// A GAN project's training settings edited in the GAN training panel: every kind of field
// changes Project::gan, undo brings the old value back into the document and the form, spin
// steps merge into one undo step, a new project fills the form without writing it back.
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "Project.h"
#include "Types.h"
#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "panels/GanTrainingPanel.h"
#include "train/GanSpec.h"
#include "train/SettingsCheck.h"

using nnplay::GanLoss;
using nnplay::GanSpec;
using nnplay::NoiseDistribution;
using nnplay::Project;
using nnplay::ui::GanTrainingPanel;
using nnplay::ui::ProjectDocument;
using Network = GanTrainingPanel::Network;

namespace {

/// A document holding the default GAN project, shown in a GAN training panel.
struct Form {
    ProjectDocument document;
    GanTrainingPanel panel{&document};

    Form() {
        document.reset(Project::defaultGanProject(), {});
        panel.show();
    }
    const GanSpec& gan() const { return document.project().gan; }
    QUndoStack* undo() { return document.undoStack(); }
};

/// A whole-number field of the form: its spin box and where the document keeps its value.
struct IntField {
    QSpinBox* box = nullptr;
    std::function<int&(GanSpec&)> value;
};

IntField intField(GanTrainingPanel& panel, const QString& name) {
    if (name == "steps") return {panel.stepsBox(), [](GanSpec& g) -> int& { return g.steps; }};
    if (name == "batch size")
        return {panel.batchSizeBox(), [](GanSpec& g) -> int& { return g.batchSize; }};
    if (name == "d steps") return {panel.dStepsBox(), [](GanSpec& g) -> int& { return g.dSteps; }};
    if (name == "g steps") return {panel.gStepsBox(), [](GanSpec& g) -> int& { return g.gSteps; }};
    if (name == "noise dim")
        return {panel.noiseDimBox(), [](GanSpec& g) -> int& { return g.noise.dim; }};
    if (name == "measure every")
        return {panel.measureEveryBox(), [](GanSpec& g) -> int& { return g.measureEvery; }};
    return {};
}

int valueOf(const IntField& field, const ProjectDocument& document) {
    GanSpec gan = document.project().gan;
    return field.value(gan);
}

/// Picks the item with this data, as a click in the combo box's list does.
void pick(QComboBox* box, const QVariant& data) {
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

/// Types `text` into an editable combo box and presses Return, as a learner does.
void typeInto(QComboBox* box, const QString& text) {
    QLineEdit* edit = box->lineEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

/// Whether a project file with these settings is read back (the reader's limits and
/// checkGanSpec both).
bool fileTakes(const GanSpec& gan) {
    Project project = Project::defaultGanProject();
    project.gan = gan;
    try {
        nnplay::ProjectFile::parse(nnplay::ProjectFile::serialize(project));
        return true;
    } catch (const nnplay::InputError&) {
        return false;
    }
}

}  // namespace

class TestGanSettings : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Form> m_form;

private slots:
    void init() {
        m_form = std::make_unique<Form>();
        QVERIFY(QTest::qWaitForWindowExposed(&m_form->panel));
    }
    void cleanup() {
        // A field left with the focus commits what it shows while everything is still there.
        if (QWidget* focused = QApplication::focusWidget()) focused->clearFocus();
        m_form.reset();
    }

    void spinStepsEditTheFieldAsOneUndoStep_data() {
        QTest::addColumn<QString>("field");
        for (const char* name :
             {"steps", "batch size", "d steps", "g steps", "noise dim", "measure every"})
            QTest::newRow(name) << QString(name);
    }

    void spinStepsEditTheFieldAsOneUndoStep() {
        QFETCH(QString, field);
        Form& form = *m_form;
        const IntField f = intField(form.panel, field);
        QVERIFY(f.box);
        const GanSpec before = form.gan();
        const int old = valueOf(f, form.document);
        QCOMPARE(f.box->value(), old);
        QVERIFY(!f.box->toolTip().isEmpty());

        const int step = f.box->singleStep();
        for (int i = 0; i < 3; ++i) QTest::keyClick(f.box, Qt::Key_Up);
        QCOMPARE(valueOf(f, form.document), old + 3 * step);
        QCOMPARE(form.undo()->count(), 1);  // three clicks, one step
        // Only this field changed.
        GanSpec expected = before;
        f.value(expected) = old + 3 * step;
        QCOMPARE(form.gan(), expected);

        form.undo()->undo();
        QCOMPARE(valueOf(f, form.document), old);
        QCOMPARE(f.box->value(), old);  // the form follows undo
        QCOMPARE(form.gan(), before);
        QVERIFY(!form.undo()->canUndo());
        form.undo()->redo();
        QCOMPARE(f.box->value(), old + 3 * step);
        QCOMPARE(form.gan(), expected);
    }

    void typingIntoASpinBoxIsOneUndoStep() {
        Form& form = *m_form;
        QSpinBox* batch = form.panel.batchSizeBox();
        batch->setFocus();
        batch->selectAll();
        QTest::keyClicks(batch, "250");
        QTest::keyClick(batch, Qt::Key_Return);
        QCOMPARE(form.gan().batchSize, 250);
        QCOMPARE(form.undo()->count(), 1);
        QCOMPARE(form.undo()->undoText(), QStringLiteral("Change batch size"));
        form.undo()->undo();
        QCOMPARE(form.gan().batchSize, 64);
        QCOMPARE(batch->value(), 64);
    }

    void differentFieldsAreSeparateSteps() {
        Form& form = *m_form;
        QTest::keyClick(form.panel.stepsBox(), Qt::Key_Up);
        QTest::keyClick(form.panel.dStepsBox(), Qt::Key_Up);
        QTest::keyClick(form.panel.stepsBox(), Qt::Key_Up);
        QCOMPARE(form.undo()->count(), 3);
        const int step = form.panel.stepsBox()->singleStep();
        QCOMPARE(form.gan().steps, 3000 + 2 * step);
        QCOMPARE(form.gan().dSteps, 2);
        form.undo()->undo();
        QCOMPARE(form.gan().steps, 3000 + step);
        QCOMPARE(form.gan().dSteps, 2);
        form.undo()->undo();
        QCOMPARE(form.panel.dStepsBox()->value(), 1);
    }

    void stepsBackToTheStartLeaveNoUndoStep() {
        Form& form = *m_form;
        QTest::keyClick(form.panel.gStepsBox(), Qt::Key_Up);
        QTest::keyClick(form.panel.gStepsBox(), Qt::Key_Down);
        QCOMPARE(form.gan(), Project::defaultGanProject().gan);
        QCOMPARE(form.undo()->count(), 0);
        // editGan pushes nothing when nothing changes.
        QVERIFY(!nnplay::ui::editGan(form.document, form.gan(), "nothing"));
        QCOMPARE(form.undo()->count(), 0);
    }

    void lossChoices() {
        Form& form = *m_form;
        QComboBox* loss = form.panel.lossBox();
        QCOMPARE(loss->count(), 3);
        QStringList tips;
        for (int i = 0; i < loss->count(); ++i) {
            const QString tip = loss->itemData(i, Qt::ToolTipRole).toString();
            // One sentence each: a single full stop, at the end.
            QVERIFY2(tip.endsWith('.') && tip.count('.') == 1, qPrintable(tip));
            QVERIFY(!tips.contains(tip));
            tips << tip;
        }
        QCOMPARE(loss->currentData().toInt(), int(GanLoss::NonSaturating));
        for (GanLoss kind : {GanLoss::Minimax, GanLoss::LeastSquares}) {
            pick(loss, int(kind));
            QCOMPARE(int(form.gan().loss), int(kind));
            QCOMPARE(loss->toolTip(), loss->currentData(Qt::ToolTipRole).toString());
        }
        QCOMPARE(form.undo()->count(), 2);  // a choice is a step of its own
        form.undo()->undo();
        QCOMPARE(int(form.gan().loss), int(GanLoss::Minimax));
        QCOMPARE(loss->currentData().toInt(), int(GanLoss::Minimax));
        form.undo()->undo();
        QCOMPARE(int(form.gan().loss), int(GanLoss::NonSaturating));
        QCOMPARE(loss->currentData().toInt(), int(GanLoss::NonSaturating));
        QCOMPARE(form.gan(), Project::defaultGanProject().gan);
    }

    void noiseDistribution() {
        Form& form = *m_form;
        QComboBox* box = form.panel.noiseDistributionBox();
        QCOMPARE(box->currentData().toInt(), int(NoiseDistribution::Uniform));
        pick(box, int(NoiseDistribution::Gaussian));
        QCOMPARE(int(form.gan().noise.distribution), int(NoiseDistribution::Gaussian));
        QCOMPARE(form.gan().noise.dim, 2);
        QCOMPARE(form.undo()->count(), 1);
        form.undo()->undo();
        QCOMPARE(int(form.gan().noise.distribution), int(NoiseDistribution::Uniform));
        QCOMPARE(box->currentData().toInt(), int(NoiseDistribution::Uniform));
    }

    void seedTakesEveryUnsigned32BitValue() {
        Form& form = *m_form;
        QDoubleSpinBox* seed = form.panel.seedBox();
        QCOMPARE(seed->value(), 1.0);
        seed->setFocus();
        seed->selectAll();
        QTest::keyClicks(seed, "4000000000");  // beyond what an int holds
        QTest::keyClick(seed, Qt::Key_Return);
        QCOMPARE(form.gan().seed, std::uint32_t(4000000000u));
        QCOMPARE(form.undo()->count(), 1);
        QCOMPARE(form.undo()->undoText(), QStringLiteral("Change seed"));
        form.undo()->undo();
        QCOMPARE(form.gan().seed, std::uint32_t(1));
        QCOMPARE(seed->value(), 1.0);
    }

    void eachNetworkHasItsOwnOptimizer() {
        Form& form = *m_form;
        QCOMPARE(form.panel.group(Network::Generator)->title(), QStringLiteral("Generator"));
        QCOMPARE(form.panel.group(Network::Discriminator)->title(),
                 QStringLiteral("Discriminator"));
        QComboBox* d = form.panel.optimizerBox(Network::Discriminator);
        QComboBox* g = form.panel.optimizerBox(Network::Generator);
        for (QComboBox* box : {g, d}) {
            QCOMPARE(box->count(), 3);
            QCOMPARE(box->currentData().toString(), QStringLiteral("adam"));
            QVERIFY(!box->toolTip().isEmpty());
        }
        pick(d, QStringLiteral("sgd"));
        QCOMPARE(form.gan().discriminator.kind, std::string("sgd"));
        QCOMPARE(form.gan().generator.kind, std::string("adam"));
        pick(g, QStringLiteral("rmsprop"));
        QCOMPARE(form.gan().generator.kind, std::string("rmsprop"));
        QCOMPARE(form.gan().discriminator.kind, std::string("sgd"));
        QCOMPARE(form.undo()->count(), 2);
        form.undo()->undo();
        QCOMPARE(form.gan().generator.kind, std::string("adam"));
        QCOMPARE(g->currentData().toString(), QStringLiteral("adam"));
        QCOMPARE(d->currentData().toString(), QStringLiteral("sgd"));
        form.undo()->undo();
        QCOMPARE(d->currentData().toString(), QStringLiteral("adam"));
        QCOMPARE(form.gan(), Project::defaultGanProject().gan);
    }

    void learningRatesPerNetwork() {
        Form& form = *m_form;
        QComboBox* g = form.panel.learningRateBox(Network::Generator);
        QComboBox* d = form.panel.learningRateBox(Network::Discriminator);
        QCOMPARE(g->currentText(), QStringLiteral("0.001"));
        QCOMPARE(d->currentText(), QStringLiteral("0.001"));
        // Picked from the list, then typed: one step for the generator's rate.
        g->setCurrentIndex(g->findText(QStringLiteral("0.3")));
        emit g->activated(g->currentIndex());
        QCOMPARE(form.gan().generator.learningRate, 0.3f);
        typeInto(g, QStringLiteral("0.02"));
        QCOMPARE(form.gan().generator.learningRate, 0.02f);
        QCOMPARE(form.gan().discriminator.learningRate, 0.001f);
        QCOMPARE(form.undo()->count(), 1);
        QCOMPARE(g->currentText(), QStringLiteral("0.02"));
        // The discriminator's is a step of its own.
        typeInto(d, QStringLiteral("0.0005"));
        QCOMPARE(form.gan().discriminator.learningRate, 0.0005f);
        QCOMPARE(form.undo()->count(), 2);

        // Refused visibly, by the file's rule: a message, the rate in use shown again.
        for (const QString& bad : {QStringLiteral("-1"), QStringLiteral("abc"), QStringLiteral("0"),
                                   QStringLiteral("1e40")}) {
            typeInto(d, bad);
            QCOMPARE(form.gan().discriminator.learningRate, 0.0005f);
            QCOMPARE(d->currentText(), QStringLiteral("0.0005"));
            QVERIFY2(form.panel.learningRateRefusal(Network::Discriminator)->isVisible(),
                     qPrintable(bad));
            QVERIFY(form.panel.learningRateRefusal(Network::Generator)->isHidden());
        }
        QCOMPARE(form.undo()->count(), 2);

        form.undo()->undo();
        QCOMPARE(form.gan().discriminator.learningRate, 0.001f);
        QCOMPARE(d->currentText(), QStringLiteral("0.001"));
        form.undo()->undo();
        QCOMPARE(form.gan().generator.learningRate, 0.001f);
        QCOMPARE(g->currentText(), QStringLiteral("0.001"));
        QCOMPARE(form.gan(), Project::defaultGanProject().gan);
    }

    void rangesAreTheFilesRanges() {
        Form& form = *m_form;
        const GanSpec valid = Project::defaultGanProject().gan;
        for (const char* name :
             {"steps", "batch size", "d steps", "g steps", "noise dim", "measure every"}) {
            const IntField f = intField(form.panel, name);
            GanSpec gan = valid;
            f.value(gan) = f.box->minimum();
            QVERIFY2(fileTakes(gan), name);
            f.value(gan) = f.box->minimum() - 1;
            QVERIFY2(!fileTakes(gan), name);
            f.value(gan) = f.box->maximum();
            QVERIFY2(fileTakes(gan), name);
            f.value(gan) = f.box->maximum() + 1;
            QVERIFY2(!fileTakes(gan), name);
        }
        QCOMPARE(form.panel.noiseDimBox()->maximum(), GanSpec::kMaxNoiseDim);
        GanSpec wide = valid;
        wide.noise.dim = GanSpec::kMaxNoiseDim + 1;
        QVERIFY(!fileTakes(wide));
        QCOMPARE(form.panel.seedBox()->minimum(), 0.0);
        QCOMPARE(form.panel.seedBox()->maximum(), 4294967295.0);
        QCOMPARE(form.panel.seedBox()->decimals(), 0);
    }

    void resetToAnotherProjectFillsTheForm() {
        Form& form = *m_form;
        QTest::keyClick(form.panel.stepsBox(), Qt::Key_Up);
        typeInto(form.panel.learningRateBox(Network::Generator), QStringLiteral("-1"));
        QVERIFY(form.panel.learningRateRefusal(Network::Generator)->isVisible());

        Project other = Project::defaultGanProject();
        GanSpec& g = other.gan;
        g.steps = 12345;
        g.batchSize = 7;
        g.dSteps = 3;
        g.gSteps = 2;
        g.loss = GanLoss::LeastSquares;
        g.noise = {5, NoiseDistribution::Gaussian};
        g.measureEvery = 25;
        g.seed = 4294967295u;
        g.generator.kind = "sgd";
        g.generator.learningRate = 0.02f;
        g.discriminator.kind = "rmsprop";
        g.discriminator.learningRate = 0.0001f;
        form.document.reset(other, {});

        GanTrainingPanel& p = form.panel;
        QCOMPARE(p.stepsBox()->value(), 12345);
        QCOMPARE(p.batchSizeBox()->value(), 7);
        QCOMPARE(p.dStepsBox()->value(), 3);
        QCOMPARE(p.gStepsBox()->value(), 2);
        QCOMPARE(p.lossBox()->currentData().toInt(), int(GanLoss::LeastSquares));
        QCOMPARE(p.noiseDimBox()->value(), 5);
        QCOMPARE(p.noiseDistributionBox()->currentData().toInt(), int(NoiseDistribution::Gaussian));
        QCOMPARE(p.measureEveryBox()->value(), 25);
        QCOMPARE(p.seedBox()->value(), 4294967295.0);
        QCOMPARE(p.optimizerBox(Network::Generator)->currentData().toString(),
                 QStringLiteral("sgd"));
        QCOMPARE(p.optimizerBox(Network::Discriminator)->currentData().toString(),
                 QStringLiteral("rmsprop"));
        QCOMPARE(p.learningRateBox(Network::Generator)->currentText(), QStringLiteral("0.02"));
        QCOMPARE(p.learningRateBox(Network::Discriminator)->currentText(),
                 QStringLiteral("0.0001"));
        // The refusal spoke of the project before.
        QVERIFY(p.learningRateRefusal(Network::Generator)->isHidden());
        // Filling the form wrote nothing back.
        QCOMPARE(form.undo()->count(), 0);
        QCOMPARE(form.gan(), other.gan);

        // And it edits the new project from there.
        QTest::keyClick(p.batchSizeBox(), Qt::Key_Up);
        QCOMPARE(form.gan().batchSize, 8);
        QCOMPARE(form.gan().steps, 12345);
    }

    void formFollowsEditsMadeElsewhere() {
        Form& form = *m_form;
        GanSpec gan = form.gan();
        gan.gSteps = 4;
        gan.noise.dim = 16;
        gan.generator.learningRate = 0.01f;
        QVERIFY(nnplay::ui::editGan(form.document, gan, "Edit", nnplay::ui::kMergeNone));
        QCOMPARE(form.panel.gStepsBox()->value(), 4);
        QCOMPARE(form.panel.noiseDimBox()->value(), 16);
        QCOMPARE(form.panel.learningRateBox(Network::Generator)->currentText(),
                 QStringLiteral("0.01"));
        QCOMPARE(form.undo()->count(), 1);  // no echo from the form
        form.undo()->undo();
        QCOMPARE(form.panel.gStepsBox()->value(), 1);
        QCOMPARE(form.panel.noiseDimBox()->value(), 2);
        QCOMPARE(form.gan(), Project::defaultGanProject().gan);
    }
};

QTEST_MAIN(TestGanSettings)
#include "test_gan_settings.moc"
