// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/GanDataPanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "Project.h"
#include "data/FashionMnist.h"
#include "data/GanTargets.h"
#include "data/PlaneGenerators.h"
#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "panels/ShowValue.h"
#include "panels/SourceIcons.h"
#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

constexpr int kIconSize = 40;
constexpr int kColumns = 3;
constexpr int kVisibleRows = 4;
/// The pictures draw this many real samples of this seed, whatever the project uses.
constexpr int kPictureSamples = 400;
constexpr std::uint32_t kPictureSeed = 1;
constexpr int kClasses = 10;

/// The Samples plot's colour for real samples.
QColor realColor() { return PlotStyle::classColor(2); }

/// Pixel position of a point of the plane in a picture `size` pixels square.
QPointF toPicture(float x, float y, int size) {
    return {(x + kPlaneExtent) / (2 * kPlaneExtent) * size,
            (kPlaneExtent - y) / (2 * kPlaneExtent) * size};
}

/// A white square with the list's grey edge, for `draw` to paint on.
template <class Draw>
QImage framedPicture(int size, Draw draw) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    draw(p);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(QColor(180, 180, 180)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(0, 0, size - 1, size - 1);
    return image;
}

/// Real samples of a generated target, as the engine draws them for a fixed seed.
QImage samplesPicture(const std::string& target, int size) {
    return framedPicture(size, [&](QPainter& p) {
        DataSpec spec;
        spec.source = target;
        spec.samples = kPictureSamples;
        spec.seed = kPictureSeed;
        try {
            const Matrix points = loadGanTarget(spec, {}).train.inputs;
            QColor color = realColor();
            color.setAlpha(170);
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            const double radius = std::max(1.0, size / 40.0);
            for (Eigen::Index i = 0; i < points.cols(); ++i)
                p.drawEllipse(toPicture(points(0, i), points(1, i), size), radius, radius);
        } catch (const std::exception&) {
            // A target the engine cannot draw stays an empty square; the list still works.
        }
    });
}

/// Points drawn by hand: a stroke of a pen with the points it left.
QImage drawnPointsPicture(int size) {
    return framedPicture(size, [&](QPainter& p) {
        QPainterPath stroke;
        stroke.moveTo(toPicture(-4.5f, -3.5f, size));
        stroke.cubicTo(toPicture(-3.0f, 4.0f, size), toPicture(1.0f, -4.0f, size),
                       toPicture(4.5f, 3.5f, size));
        p.setPen(QPen(QColor(150, 150, 150), std::max(1.0, size / 30.0), Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawPath(stroke);
        p.setPen(Qt::NoPen);
        p.setBrush(realColor());
        const double radius = std::max(1.5, size / 16.0);
        for (int i = 0; i <= 4; ++i) p.drawEllipse(stroke.pointAtPercent(i / 4.0), radius, radius);
    });
}

/// The name under a target's picture: short enough for three pictures in a row.
QString shortName(const GanTargetInfo& target) {
    static const std::map<std::string, const char*> names{
        {"ring", QT_TRANSLATE_NOOP("GanDataPanel", "Ring")},
        {"grid", QT_TRANSLATE_NOOP("GanDataPanel", "Grid")},
        {"line", QT_TRANSLATE_NOOP("GanDataPanel", "Line")},
        {"moons", QT_TRANSLATE_NOOP("GanDataPanel", "Moons")},
        {"spiral", QT_TRANSLATE_NOOP("GanDataPanel", "Spiral")},
        {"regions", QT_TRANSLATE_NOOP("GanDataPanel", "Regions")},
        // "CSV…": the click asks for a file.
        {"csv", QT_TRANSLATE_NOOP("GanDataPanel", "CSV…")},
        {"points", QT_TRANSLATE_NOOP("GanDataPanel", "Draw")},
        {"digits", QT_TRANSLATE_NOOP("GanDataPanel", "Digits")},
        {"fashion-mnist", QT_TRANSLATE_NOOP("GanDataPanel", "Fashion")},
    };
    const auto it = names.find(target.name);
    return it == names.end() ? QString::fromStdString(target.displayName)
                             : QCoreApplication::translate("GanDataPanel", it->second);
}

/// What a target is, for its tooltip.
QString description(const GanTargetInfo& target) {
    static const std::map<std::string, const char*> texts{
        {"ring", QT_TRANSLATE_NOOP("GanDataPanel",
                                   "Eight Gaussians on a circle: does the generator find every "
                                   "one, or collapse onto a few?")},
        {"grid", QT_TRANSLATE_NOOP("GanDataPanel", "25 small Gaussians on a 5x5 grid.")},
        {"line", QT_TRANSLATE_NOOP("GanDataPanel",
                                   "Points along a straight line: the generator must squeeze "
                                   "its noise onto one dimension.")},
        {"moons", QT_TRANSLATE_NOOP("GanDataPanel", "Two interleaving half circles.")},
        {"spiral", QT_TRANSLATE_NOOP("GanDataPanel", "Two arms winding around the centre.")},
        {"regions", QT_TRANSLATE_NOOP("GanDataPanel",
                                      "Three separate regions: the generator must learn to "
                                      "leave the gaps between them empty.")},
        {"csv", QT_TRANSLATE_NOOP("GanDataPanel",
                                  "Your own points: a CSV file with a header and two numeric "
                                  "columns (x1, x2).")},
        {"points",
         QT_TRANSLATE_NOOP("GanDataPanel", "Points you draw by hand on the Samples plot.")},
        {"digits", QT_TRANSLATE_NOOP("GanDataPanel",
                                     "1,797 handwritten digits of 8x8 pixels: all ten or one.")},
        {"fashion-mnist", QT_TRANSLATE_NOOP("GanDataPanel",
                                            "60,000 photos of clothes of 28x28 pixels (Debian's "
                                            "dataset-fashion-mnist package): all ten classes or "
                                            "one.")},
    };
    const auto it = texts.find(target.name);
    return it == texts.end() ? QString() : QCoreApplication::translate("GanDataPanel", it->second);
}

QString tooltip(const GanTargetInfo& target, const QString& extra = {}) {
    QString tip = QStringLiteral("<b>%1</b><br>%2")
                      .arg(QString::fromStdString(target.displayName).toHtmlEscaped(),
                           description(target).toHtmlEscaped());
    if (!extra.isEmpty()) tip += QStringLiteral("<br><i>%1</i>").arg(extra.toHtmlEscaped());
    return tip;
}

/// The engine's message when the Fashion-MNIST package is missing, else empty.
QString fashionMnistMissing() {
    try {
        checkFashionMnistInstalled();
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace

QIcon ganTargetIcon(const std::string& target, int size) {
    if (target == "points") return QIcon(QPixmap::fromImage(drawnPointsPicture(size)));
    const GanTargetInfo* info = findGanTarget(target);
    if (!info || !info->generated) return sourceIcon(target, size);
    // Kept as images, which need no running application to be destroyed at exit.
    static std::map<std::pair<std::string, int>, QImage> cache;
    auto it = cache.find({target, size});
    if (it == cache.end())
        it = cache.emplace(std::pair(target, size), samplesPicture(target, size)).first;
    return QIcon(QPixmap::fromImage(it->second));
}

std::vector<std::array<float, 2>> GanDataPanel::defaultDrawnPoints() {
    return {{-4.0f, -4.0f}, {-2.0f, -2.0f}, {0.0f, 0.0f}, {2.0f, 2.0f}, {4.0f, 4.0f}};
}

GanDataPanel::GanDataPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_targets(new QListWidget(this)),
      m_targetInfo(new QLabel(this)),
      m_form(new QFormLayout),
      m_samples(new QSpinBox(this)),
      m_samplesLabel(new QLabel(tr("Samples"), this)),
      m_digit(new QComboBox(this)),
      m_digitLabel(new QLabel(tr("Digit"), this)),
      m_class(new QComboBox(this)),
      m_classLabel(new QLabel(tr("Class"), this)),
      m_newSamples(new QPushButton(tr("Draw new samples"), this)),
      m_chooseCsv(new QPushButton(tr("Choose CSV file…"), this)),
      m_pointsHint(new QLabel(tr("Draw the points on the Samples plot."), this)),
      m_clearPoints(new QPushButton(tr("Start the drawing over"), this)) {
    // The data panel's look: pictures three in a row, their names under them.
    m_targets->setViewMode(QListView::IconMode);
    m_targets->setIconSize(QSize(kIconSize, kIconSize));
    m_targets->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_targets->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_targets->setSpacing(0);
    m_targets->setMovement(QListView::Static);
    m_targets->setResizeMode(QListView::Adjust);
    m_targets->setWrapping(true);
    m_targets->setWordWrap(true);
    m_targets->setUniformItemSizes(true);
    m_targets->setSelectionMode(QAbstractItemView::SingleSelection);
    m_targets->setToolTip(tr("What the generator learns to imitate; click one to switch."));
    const int textMargin =
        m_targets->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_targets) + 1;
    int cellWidth = kIconSize + 16;
    for (const GanTargetInfo& target : ganTargets()) {
        auto* item = new QListWidgetItem(ganTargetIcon(target.name, kIconSize), shortName(target));
        item->setData(Qt::UserRole, QString::fromStdString(target.name));
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        item->setToolTip(tooltip(target));
        m_targets->addItem(item);
        cellWidth = std::max(cellWidth, m_targets->fontMetrics().horizontalAdvance(item->text()) +
                                            2 * textMargin + 8);
    }
    m_targets->setGridSize(QSize(cellWidth, kIconSize + fontMetrics().height() + 8));
    for (int i = 0; i < m_targets->count(); ++i)
        m_targets->item(i)->setSizeHint(m_targets->gridSize() - QSize(4, 4));
    const int rows = std::min((m_targets->count() + kColumns - 1) / kColumns, kVisibleRows);
    const int frame = 2 * m_targets->frameWidth() + 4;
    m_targets->setFixedHeight(rows * m_targets->gridSize().height() + frame - 4);
    m_targets->setMinimumWidth(kColumns * m_targets->gridSize().width() + frame +
                               m_targets->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    m_targetInfo->setWordWrap(true);

    m_samples->setRange(nnplay::kGanMinSamples, nnplay::kGanMaxSamples);
    m_samples->setSingleStep(100);
    m_samples->setKeyboardTracking(false);
    m_samples->setToolTip(tr("How many real samples the generator learns to imitate."));
    m_newSamples->setToolTip(
        tr("Draw a fresh set of real samples from the same target (a new random seed)."));
    m_digit->addItem(tr("All digits"));
    for (int digit = 0; digit < kClasses; ++digit) m_digit->addItem(QString::number(digit));
    m_digit->setToolTip(tr("Imitate one digit only, or all ten."));
    m_class->addItem(tr("All classes"));
    for (const std::string& name : fashionMnistClassNames())
        m_class->addItem(QString::fromStdString(name));
    m_class->setToolTip(tr("Imitate one kind of clothing only, or all ten."));
    m_chooseCsv->setToolTip(tr("Pick the CSV file of points (a header, then x1 and x2)."));
    m_pointsHint->setWordWrap(true);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(m_samplesLabel, m_samples);
    m_form->addRow(m_digitLabel, m_digit);
    m_form->addRow(m_classLabel, m_class);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_targets);
    layout->addWidget(m_targetInfo);
    layout->addLayout(m_form);
    layout->addWidget(m_newSamples);
    layout->addWidget(m_chooseCsv);
    layout->addWidget(m_pointsHint);
    layout->addWidget(m_clearPoints);
    layout->addStretch(1);

    connect(m_targets, &QListWidget::itemClicked, this, &GanDataPanel::onTargetClicked);
    connect(m_samples, &QSpinBox::valueChanged, this, [this](int samples) {
        DataSpec d = m_document->project().data;
        const GanTargetInfo* target = findGanTarget(d.source);
        if (!target || !target->generated) return;
        d.samples = samples;
        editData(*m_document, d, Task::Gan, tr("Change sample count"), kMergeSamples);
    });
    m_clearPoints->setToolTip(
        tr("Back to the few points a new drawing starts from (Undo brings "
           "the drawing back)."));
    connect(m_clearPoints, &QPushButton::clicked, this, [this] {
        DataSpec d = m_document->project().data;
        if (d.source != "points") return;
        d.points = defaultDrawnPoints();
        editData(*m_document, d, Task::Gan, tr("Start the drawing over"));
    });
    connect(m_newSamples, &QPushButton::clicked, this, [this] {
        DataSpec d = m_document->project().data;
        d.seed += 1;
        editData(*m_document, d, Task::Gan, tr("Draw new samples"));
    });
    connect(m_digit, &QComboBox::currentIndexChanged, this, [this](int index) {
        DataSpec d = m_document->project().data;
        if (d.source != "digits") return;
        d.digit = index > 0 ? std::optional<int>(index - 1) : std::nullopt;
        editData(*m_document, d, Task::Gan,
                 d.digit ? tr("Imitate the digit %1").arg(*d.digit) : tr("Imitate all digits"));
    });
    connect(m_class, &QComboBox::currentIndexChanged, this, [this](int index) {
        DataSpec d = m_document->project().data;
        if (d.source != "fashion-mnist") return;
        d.imageClass = index > 0 ? std::optional<int>(index - 1) : std::nullopt;
        editData(*m_document, d, Task::Gan,
                 d.imageClass ? tr("Imitate %1").arg(m_class->itemText(index))
                              : tr("Imitate all classes"));
    });
    connect(m_chooseCsv, &QPushButton::clicked, this, &GanDataPanel::chooseCsv);
    connect(m_document, &ProjectDocument::dataChanged, this, &GanDataPanel::refresh);
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_lastDrawnPoints.clear();  // they belonged to the project before
        refresh();
    });
    refresh();
}

void GanDataPanel::refresh() {
    const Project& project = m_document->project();
    const DataSpec& d = project.data;
    const bool gan = project.task == Task::Gan;
    setEnabled(gan);
    if (gan && d.source == "points" && !d.points.empty()) m_lastDrawnPoints = d.points;
    const GanTargetInfo* target = gan ? findGanTarget(d.source) : nullptr;
    const QSignalBlocker b1(m_targets), b2(m_samples), b3(m_digit), b4(m_class);

    QListWidgetItem* current = nullptr;
    const QString missing = fashionMnistMissing();
    for (int i = 0; i < m_targets->count(); ++i) {
        QListWidgetItem* item = m_targets->item(i);
        const std::string name = item->data(Qt::UserRole).toString().toStdString();
        if (target && name == target->name) current = item;
        if (name == "fashion-mnist") item->setToolTip(tooltip(*findGanTarget(name), missing));
    }
    m_targets->setCurrentItem(current);
    if (!current) m_targets->clearSelection();

    // Only what applies to the target shows, so the panel stays short.
    const bool generated = target && target->generated;
    const bool digits = target && target->name == "digits";
    const bool fashion = target && target->name == "fashion-mnist";
    const bool csv = target && target->name == "csv";
    const bool points = target && target->name == "points";
    m_form->setRowVisible(m_samplesLabel, generated);
    m_newSamples->setVisible(generated);
    m_form->setRowVisible(m_digitLabel, digits);
    m_form->setRowVisible(m_classLabel, fashion);
    m_chooseCsv->setVisible(csv);
    m_pointsHint->setVisible(points);
    m_clearPoints->setVisible(points);
    showValue(m_samples, d.samples);
    const auto inClasses = [](const std::optional<int>& value) {
        return value && *value >= 0 && *value < kClasses ? *value + 1 : 0;
    };
    m_digit->setCurrentIndex(inClasses(d.digit));
    m_class->setCurrentIndex(inClasses(d.imageClass));

    if (!gan) {
        m_targetInfo->setText(tr("Not a GAN project."));
        return;
    }
    if (!target) {
        m_targetInfo->setText(tr("Unknown GAN target “%1”").arg(QString::fromStdString(d.source)));
        return;
    }
    const QString name = QString::fromStdString(target->displayName);
    if (generated) {
        m_targetInfo->setText(tr("%1: %2 samples (seed %3)").arg(name).arg(d.samples).arg(d.seed));
    } else if (csv) {
        const QString file = QFileInfo(QString::fromStdString(d.path)).fileName();
        m_targetInfo->setText(tr("%1: %2").arg(name, !d.csvText.empty()
                                                         ? tr("%1 (kept in the project)").arg(file)
                                                     : file.isEmpty() ? tr("no file chosen")
                                                                      : file));
    } else if (points) {
        m_targetInfo->setText(tr("%1: %2 points").arg(name).arg(d.points.size()));
    } else if (digits) {
        m_targetInfo->setText(d.digit ? tr("%1: only the digit %2").arg(name).arg(*d.digit)
                                      : tr("%1: all ten digits").arg(name));
    } else if (fashion) {
        QString text = d.imageClass ? tr("%1: only “%2”").arg(name, m_class->currentText())
                                    : tr("%1: all ten classes").arg(name);
        if (!missing.isEmpty()) text += QStringLiteral("\n") + missing;
        m_targetInfo->setText(text);
    } else {
        m_targetInfo->setText(name);
    }
}

DataSpec GanDataPanel::switchedTo(const std::string& target) const {
    DataSpec d = m_document->project().data;
    d.source = target;
    // checkGanTarget() refuses a setting that belongs to another target.
    if (target != "digits") d.digit.reset();
    if (target != "fashion-mnist") {
        d.imageClass.reset();
        d.trainLimit = 0;
    }
    if (target != "points") {
        d.points.clear();
    } else if (d.points.empty()) {
        d.points = m_lastDrawnPoints.empty() ? defaultDrawnPoints() : m_lastDrawnPoints;
    }
    const GanTargetInfo* info = findGanTarget(target);
    if (info && info->generated)
        d.samples = std::clamp(d.samples, nnplay::kGanMinSamples, nnplay::kGanMaxSamples);
    return d;
}

void GanDataPanel::onTargetClicked(QListWidgetItem* item) {
    const std::string name = item->data(Qt::UserRole).toString().toStdString();
    const Project& project = m_document->project();
    const GanTargetInfo* target = findGanTarget(name);
    if (project.task != Task::Gan || !target || name == project.data.source) {
        refresh();
        return;
    }
    if (name == "csv") {
        chooseCsv();
        return;
    }
    editData(*m_document, switchedTo(name), Task::Gan,
             tr("Imitate %1").arg(QString::fromStdString(target->displayName)));
    refresh();
}

void GanDataPanel::chooseCsv() {
    const QString title = tr("Choose a CSV file of points");
    const QString filter = tr("CSV files (*.csv *.csv.gz *.txt);;All files (*)");
    const QString path =
        m_chooseFile ? m_chooseFile(this, title, filter)
                     : QFileDialog::getOpenFileName(this, title, m_document->baseDir(), filter);
    if (path.isEmpty()) {
        refresh();  // the list shows the target in use again
        return;
    }
    useCsvFile(path);
}

bool GanDataPanel::useCsvFile(const QString& path) {
    DataSpec d = switchedTo("csv");
    // Absolute in the document; saving writes it relative to the project file.
    d.path = QFileInfo(path).absoluteFilePath().toStdString();
    d.csvText.clear();  // the file chosen now is the data, not a copy kept before
    try {
        loadGanTarget(d, m_document->baseDir().toStdString());
    } catch (const std::exception& e) {
        refresh();
        emit csvFailed(QString::fromStdString(e.what()));
        return false;
    }
    editData(*m_document, d, Task::Gan,
             tr("Imitate the points of %1").arg(QFileInfo(path).fileName()));
    refresh();
    return true;
}

}  // namespace nnplay::ui
