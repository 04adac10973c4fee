#include "ui/transport/TransportIcon.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <algorithm>

namespace tapedeck {

namespace {

const QColor kRecordRed(214, 40, 40);
constexpr double kMargin = 0.2;     // of the icon size, on each side
constexpr double kBarWidth = 0.14;  // pause / skip bars, of the icon size
constexpr double kLoopStroke = 0.1; // of the icon size
constexpr int kDisabledAlpha = 110;

class ShapeEngine : public QIconEngine {
public:
    explicit ShapeEngine(TransportIconShape shape) : shape_(shape) {}

    QIconEngine* clone() const override { return new ShapeEngine(shape_); }
    QString key() const override { return QStringLiteral("tapedeck-transport"); }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        const QPalette palette = QGuiApplication::palette();
        QColor colour = shape_ == TransportIconShape::Record
                            ? kRecordRed
                            : palette.color(QPalette::Active, QPalette::ButtonText);
        if (mode == QIcon::Disabled) {
            colour = shape_ == TransportIconShape::Record
                         ? kRecordRed
                         : palette.color(QPalette::Disabled, QPalette::ButtonText);
            colour.setAlpha(std::min(colour.alpha(), kDisabledAlpha));
        }
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        draw(*painter, QRectF(rect), colour);
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

private:
    void draw(QPainter& p, const QRectF& full, const QColor& colour) const {
        const double side = std::min(full.width(), full.height());
        const QRectF box(full.center().x() - side / 2, full.center().y() - side / 2, side, side);
        const QRectF r =
            box.adjusted(side * kMargin, side * kMargin, -side * kMargin, -side * kMargin);
        const double bar = side * kBarWidth;
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        switch (shape_) {
        case TransportIconShape::Record:
            p.drawEllipse(r);
            break;
        case TransportIconShape::Play:
            p.drawPolygon(
                QPolygonF({r.topLeft(), QPointF(r.right(), r.center().y()), r.bottomLeft()}));
            break;
        case TransportIconShape::Pause:
            p.drawRect(QRectF(r.left() + bar * 0.5, r.top(), bar, r.height()));
            p.drawRect(QRectF(r.right() - bar * 1.5, r.top(), bar, r.height()));
            break;
        case TransportIconShape::Stop:
            p.drawRect(r.adjusted(side * 0.03, side * 0.03, -side * 0.03, -side * 0.03));
            break;
        case TransportIconShape::GoToStart:
            p.drawRect(QRectF(r.left(), r.top(), bar, r.height()));
            p.drawPolygon(
                QPolygonF({QPointF(r.right(), r.top()), QPointF(r.left() + bar, r.center().y()),
                           QPointF(r.right(), r.bottom())}));
            break;
        case TransportIconShape::GoToEnd:
            p.drawRect(QRectF(r.right() - bar, r.top(), bar, r.height()));
            p.drawPolygon(
                QPolygonF({r.topLeft(), QPointF(r.right() - bar, r.center().y()), r.bottomLeft()}));
            break;
        case TransportIconShape::Loop: {
            // An open circle with an arrow head: "round again".
            QPen pen(colour, side * kLoopStroke, Qt::SolidLine, Qt::FlatCap);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            const QRectF ring = r.adjusted(side * 0.02, side * 0.04, -side * 0.02, -side * 0.04);
            p.drawArc(ring, 100 * 16, 290 * 16);
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            const QPointF tip(ring.center().x() - side * 0.02, ring.top());
            const double head = side * 0.17;
            p.drawPolygon(QPolygonF({QPointF(tip.x() + head, tip.y()),
                                     QPointF(tip.x() - head * 0.3, tip.y() - head * 0.9),
                                     QPointF(tip.x() - head * 0.3, tip.y() + head * 0.9)}));
            break;
        }
        case TransportIconShape::Open: {
            // A folder.
            const double tab = r.height() * 0.22;
            QPainterPath folder;
            folder.moveTo(r.left(), r.top() + tab);
            folder.lineTo(r.left(), r.bottom());
            folder.lineTo(r.right(), r.bottom());
            folder.lineTo(r.right(), r.top() + tab);
            folder.lineTo(r.left() + r.width() * 0.45, r.top() + tab);
            folder.lineTo(r.left() + r.width() * 0.35, r.top());
            folder.lineTo(r.left(), r.top());
            folder.closeSubpath();
            p.drawPath(folder);
            break;
        }
        }
    }

    TransportIconShape shape_;
};

} // namespace

QIcon transportIcon(TransportIconShape shape) {
    return QIcon(new ShapeEngine(shape));
}

} // namespace tapedeck
