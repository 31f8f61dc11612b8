// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>
#include <QWidget>
#include <vector>

namespace nnplay::ui {

/// The overview of a GAN's two networks for its slow motion (GanSlowMotionPanel): noise z ->
/// Generator -> fake x -> Discriminator <- real x, Discriminator -> D(x) -> loss, and the
/// gradients going back (loss -> D, and through D and the fakes to G). For the part of a step
/// it shows (1..10, GanSlowMotionPanel::partTitle), the network being updated is outlined
/// strongly and marked "learning" (the other "held fixed"), and the arrows of that part's
/// flow are drawn thick; the others are faint. Part 0 shows the diagram without a part.
class GanFlowDiagram : public QWidget {
    Q_OBJECT
public:
    enum class Network { None, Generator, Discriminator };
    /// The arrows: forward, then the gradients going back.
    enum class Flow {
        NoiseToGenerator,
        GeneratorToFake,
        FakeToDiscriminator,
        RealToDiscriminator,
        DiscriminatorToVerdict,
        VerdictToLoss,
        LossToDiscriminator,
        DiscriminatorToFake,
        FakeToGenerator,
    };
    static constexpr int kFlowCount = 9;

    explicit GanFlowDiagram(QWidget* parent = nullptr);

    /// Shows part `part` (0: none, 1..10).
    void setPart(int part);
    int part() const { return m_part; }
    /// The network the part updates: D in parts 1-5, G in 6-10.
    static Network updatedNetwork(int part);
    Network updatedNetwork() const { return updatedNetwork(m_part); }
    /// Whether the part's flow uses the arrow (drawn thick).
    static bool isFlowStrong(int part, Flow flow);
    bool isFlowStrong(Flow flow) const { return isFlowStrong(m_part, flow); }

    /// For tests: where the boxes are drawn (noise z, G, fake x, real x, D, D(x), loss).
    std::vector<QRectF> boxRects() const;

    QSize sizeHint() const override;
    /// Tall enough for the three rows of boxes not to touch in the widget's font.
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    enum Node { Noise, Generator, Fake, Real, Discriminator, Verdict, Loss, kNodeCount };
    QSizeF nodeSize(Node node) const;
    QRectF nodeRect(Node node) const;
    /// Whether the part's flow starts or ends at the node (drawn in full colour).
    bool isNodeActive(Node node) const;

    int m_part = 0;
};

}  // namespace nnplay::ui
