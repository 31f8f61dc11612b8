// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ProjectCard.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace nnplay::ui {

namespace {

constexpr qreal kRadius = 8.0;

QColor mix(const QColor& a, const QColor& b, qreal amount) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * amount),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

}  // namespace

ProjectCard::ProjectCard(const QPixmap& thumbnail, const QString& title, const QString& text,
                         QWidget* parent)
    : QAbstractButton(parent),
      m_picture(new QLabel),
      m_title(new QLabel(title)),
      m_text(new QLabel(text)) {
    setText(title);
    setAccessibleName(title);
    setAccessibleDescription(text);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_Hover);
    setFixedWidth(kWidth);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);

    m_picture->setPixmap(thumbnail);
    m_picture->setFixedSize(thumbnailSize());
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_text->setWordWrap(true);
    m_text->setVisible(!text.isEmpty());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kPadding, kPadding, kPadding, kPadding);
    layout->setSpacing(6);
    layout->addWidget(m_picture);
    layout->addSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addStretch(1);
    for (QLabel* label : {m_picture, m_title, m_text}) {
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setForegroundRole(QPalette::Text);
    }
}

QString ProjectCard::title() const { return m_title->text(); }

QString ProjectCard::text() const { return m_text->text(); }

QPixmap ProjectCard::thumbnail() const { return m_picture->pixmap(); }

QSize ProjectCard::sizeHint() const { return {kWidth, heightForWidth(kWidth)}; }

int ProjectCard::heightForWidth(int width) const { return layout()->totalHeightForWidth(width); }

void ProjectCard::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& p = palette();
    const QColor base = p.color(QPalette::Base);
    const QColor highlight = p.color(QPalette::Highlight);
    const bool hovered = underMouse();
    QColor fill = base;
    if (isDown())
        fill = mix(base, highlight, 0.16);
    else if (hovered)
        fill = mix(base, highlight, 0.07);
    const qreal border = hasFocus() ? 2.0 : 1.0;
    const QColor edge = hasFocus() || hovered ? highlight : mix(base, p.color(QPalette::Mid), 0.6);
    painter.setPen(QPen(edge, border));
    painter.setBrush(fill);
    const qreal inset = border / 2;
    painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), kRadius,
                            kRadius);
}

void ProjectCard::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            event->accept();
            click();
            return;
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
            // For the grid: QAbstractButton would take all four for Tab and Shift+Tab.
            event->ignore();
            return;
        default:
            QAbstractButton::keyPressEvent(event);
    }
}

}  // namespace nnplay::ui
