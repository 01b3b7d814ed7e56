#include "statusappearance.h"

#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

QColor baseColor(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Active:
        return QColor(0x1e, 0x8e, 0x3e); // green
    case CampaignStatus::Waiting:
        return QColor(0x1a, 0x73, 0xe8); // blue
    case CampaignStatus::Inactive:
        return QColor(0xb0, 0x6b, 0x00); // amber
    case CampaignStatus::Completed:
        return QColor(0x5f, 0x63, 0x68); // grey
    case CampaignStatus::Deleted:
        return QColor(0xc5, 0x22, 0x1f); // red
    case CampaignStatus::Cloning:
        return QColor(0x81, 0x3d, 0x9c); // purple
    case CampaignStatus::Unknown:
        break;
    }
    return QColor(0x5f, 0x63, 0x68);
}

class StatusIconEngine : public QIconEngine
{
public:
    explicit StatusIconEngine(CampaignStatus status) : m_status(status) { }

    QIconEngine *clone() const override { return new StatusIconEngine(m_status); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor c = baseColor(m_status);
        if (mode == QIcon::Disabled)
            c.setAlphaF(0.4f);
        const qreal s = std::min(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - s) / 2, rect.y() + (rect.height() - s) / 2, s, s);
        const QRectF r = box.adjusted(s * 0.1, s * 0.1, -s * 0.1, -s * 0.1);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen(c, std::max<qreal>(1.0, s * 0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        switch (m_status) {
        case CampaignStatus::Active: { // a "play" triangle in a filled disc
            painter->setPen(Qt::NoPen);
            painter->setBrush(c);
            painter->drawEllipse(r);
            QPainterPath play;
            play.moveTo(r.left() + r.width() * 0.40, r.top() + r.height() * 0.28);
            play.lineTo(r.left() + r.width() * 0.74, r.center().y());
            play.lineTo(r.left() + r.width() * 0.40, r.top() + r.height() * 0.72);
            play.closeSubpath();
            painter->setBrush(Qt::white);
            painter->drawPath(play);
            break;
        }
        case CampaignStatus::Inactive: { // "pause" bars in a ring
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04));
            const qreal x1 = r.left() + r.width() * 0.38, x2 = r.left() + r.width() * 0.62;
            painter->drawLine(QPointF(x1, r.top() + r.height() * 0.3), QPointF(x1, r.top() + r.height() * 0.7));
            painter->drawLine(QPointF(x2, r.top() + r.height() * 0.3), QPointF(x2, r.top() + r.height() * 0.7));
            break;
        }
        case CampaignStatus::Waiting: { // a clock
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04));
            const QPointF centre = r.center();
            painter->drawLine(centre, QPointF(centre.x(), r.top() + r.height() * 0.25));
            painter->drawLine(centre, QPointF(r.left() + r.width() * 0.72, centre.y()));
            break;
        }
        case CampaignStatus::Completed: { // a check mark in a filled disc
            painter->setPen(Qt::NoPen);
            painter->setBrush(c);
            painter->drawEllipse(r);
            QPen white(Qt::white, std::max<qreal>(1.0, s * 0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            painter->setPen(white);
            QPainterPath check;
            check.moveTo(r.left() + r.width() * 0.28, r.top() + r.height() * 0.52);
            check.lineTo(r.left() + r.width() * 0.44, r.top() + r.height() * 0.68);
            check.lineTo(r.left() + r.width() * 0.74, r.top() + r.height() * 0.34);
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(check);
            break;
        }
        case CampaignStatus::Deleted: { // a cross
            painter->setPen(pen);
            painter->drawLine(r.topLeft() + QPointF(s * 0.15, s * 0.15), r.bottomRight() - QPointF(s * 0.15, s * 0.15));
            painter->drawLine(r.topRight() + QPointF(-s * 0.15, s * 0.15),
                              r.bottomLeft() + QPointF(s * 0.15, -s * 0.15));
            break;
        }
        case CampaignStatus::Cloning: { // two overlapping squares
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            const qreal w = r.width() * 0.55;
            painter->drawRoundedRect(QRectF(r.left(), r.top(), w, w), s * 0.08, s * 0.08);
            painter->drawRoundedRect(QRectF(r.right() - w, r.bottom() - w, w, w), s * 0.08, s * 0.08);
            break;
        }
        case CampaignStatus::Unknown: { // a dashed ring
            pen.setStyle(Qt::DotLine);
            painter->setPen(pen);
            painter->drawEllipse(r.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04));
            break;
        }
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

private:
    CampaignStatus m_status;
};

} // namespace

QIcon StatusAppearance::icon(CampaignStatus status)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(status);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, QIcon(new StatusIconEngine(status)));
    return *it;
}

QColor StatusAppearance::color(CampaignStatus status, const QPalette &palette)
{
    QColor c = baseColor(status);
    // On a dark base, lift the colour so text keeps its contrast.
    if (palette.color(QPalette::Base).lightnessF() < 0.5)
        c = c.lighter(170);
    return c;
}
