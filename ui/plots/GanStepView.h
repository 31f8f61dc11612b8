// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <array>
#include <vector>

#include "data/Dataset.h"
#include "train/GanStepRecord.h"

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPItemLine;
class QColor;
class QLabel;

namespace nnplay::ui {

struct DataPreview;
class SampleGallery;

/// The plane of a recorded GAN step (GanStepRecord, 2-D data) as one part of its slow motion
/// shows it, in the Samples plot's colours (green real, purple generated, D(x) as the
/// background): 1 the batch's real and fake points, 2-3 and 7-8 each point filled with D's
/// verdict on it (and the loss), 4 D's map before its update with its gradients' sizes, 5 the
/// map after it, 6 the fresh noise, 9 the arrows along which G moves each fake, 10 the fakes
/// moving from before to after the update. For image data the same parts are small pictures
/// (SampleGallery): the batch's real images and fakes, framed in D's verdict colours in parts
/// 2-3 and 7-8, the noise (6), where G moves each fake's pixels (9) and the fakes before and
/// after the update (10).
class GanStepView : public QWidget {
    Q_OBJECT
public:
    /// Verdict colours in steps from "surely fake" to "surely real".
    static constexpr int kVerdictSteps = 10;

    explicit GanStepView(QWidget* parent = nullptr);

    /// Takes the step. `data` (may be null) is the session's data: its train points fit the
    /// axes with the batch, its image shape draws the pictures of image data.
    void setRecord(const nnplay::GanStepRecord& record, const DataPreview* data);
    /// Names of the networks' layers by spec index ("Dense 32", see LayerNames), for the
    /// gradients' sizes; a layer without a name is called by its number.
    void setLayerNames(const QStringList& generator, const QStringList& discriminator);
    /// Shows part 1..10.
    void setPart(int part);
    int part() const { return m_part; }
    /// False for image data (or a record without 2-D samples).
    bool showsPlane() const { return m_plane; }

    // For tests: what the plot draws now.

    int realPointCount() const;
    int fakePointCount() const;
    /// Points drawn in their verdict's colour (parts 2, 3, 7 and 8).
    int verdictPointCount() const;
    int noisePointCount() const;
    int arrowCount() const;
    /// The map shows D after its update (parts 5-10), else before it.
    bool showsMapAfter() const { return m_mapAfter; }
    bool showsMap() const;
    /// The line under the plot (the loss, the gradients' sizes), empty when none.
    QString note() const;
    QCustomPlot* plot() const { return m_plot; }
    /// Image data: the part's pictures.
    SampleGallery* gallery() const { return m_gallery; }

    QSize sizeHint() const override { return {460, 400}; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    void drawPlane();
    /// Image data: the part's groups of pictures.
    void showPictures();
    /// The note under the plot or the pictures for the current part.
    QString partNote() const;
    /// D's verdict colour of each column of `values`.
    static std::vector<QColor> verdictColors(const nnplay::GanStepRecord& record,
                                             const nnplay::Matrix& values);
    /// "Size of G's gradients: 0.112 in Dense 32, 0.271 in Dense 2" for the layers with any.
    static QString gradientNote(const QString& network, const std::vector<float>& norms,
                                const QStringList& names);
    void fitAxes(const nnplay::Matrix& trainPoints);
    void showMap(const std::vector<float>& grid);
    /// Points `samples` drawn plain (`verdicts` empty) or in their verdicts' colours.
    void showPoints(bool real, const nnplay::Matrix& samples, const nnplay::Matrix& values,
                    bool verdicts);
    /// Arrows from each column of `from` to `from + scale * delta`.
    void showArrows(const nnplay::Matrix& from, const nnplay::Matrix& delta, double scale,
                    const QColor& color);
    void clear();
    QCPItemLine* arrowItem(std::size_t index);
    void applyStyle();

    QWidget* m_plotArea;
    QCustomPlot* m_plot;
    SampleGallery* m_gallery;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QCPCurve* m_real;
    QCPCurve* m_fake;
    QCPCurve* m_faded;  // fakes before the G update (part 10)
    QCPCurve* m_noise;
    std::array<QCPCurve*, 2 * kVerdictSteps> m_verdicts{};  // real steps, then fake steps
    std::vector<QCPItemLine*> m_arrows;
    QLabel* m_note;  // under the plot, so it hides no point

    nnplay::GanStepRecord m_record;
    nnplay::DataInfo m_info;
    QStringList m_generatorNames;
    QStringList m_discriminatorNames;
    int m_part = 1;
    bool m_plane = false;
    bool m_mapAfter = false;
};

}  // namespace nnplay::ui
