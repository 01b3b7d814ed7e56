#include "notificationserver.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMetaType>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

// Numbers as numbers, whatever their D-Bus width, so a test compares values; the signature of
// each hint goes out beside it, so a test can also tell a byte from an int.
QJsonValue hintValue(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::UChar:
        return int(value.value<uchar>());
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::QString:
        return value.toString();
    case QMetaType::QStringList:
        return QJsonArray::fromStringList(value.toStringList());
    default:
        // Structures (image-data and such) are not inspected; their signature is enough.
        return QJsonValue::Null;
    }
}

QString hintSignature(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>())
        return value.value<QDBusArgument>().currentSignature();
    return QString::fromLatin1(QDBusMetaType::typeToSignature(value.metaType()));
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

NotificationServer::NotificationServer(const QStringList &capabilities, const QString &serverName, QObject *parent)
    : QObject(parent), m_capabilities(capabilities), m_serverName(serverName)
{ }

void NotificationServer::invoke(uint id, const QString &actionKey)
{
    // As a real daemon does: the click, then the notification goes away (reason 2: dismissed).
    Q_EMIT ActionInvoked(id, actionKey);
    Q_EMIT NotificationClosed(id, 2);
}

void NotificationServer::close(uint id)
{
    Q_EMIT NotificationClosed(id, 3);
}

QStringList NotificationServer::GetCapabilities() const
{
    return m_capabilities;
}

uint NotificationServer::Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                                const QString &body, const QStringList &actions, const QVariantMap &hints,
                                int expireTimeout)
{
    if (m_refuseNotify) {
        sendErrorReply(QDBusError::Failed, QStringLiteral("Notify refused (--refuse-notify)"));
        return 0;
    }
    const uint id = replacesId != 0 ? replacesId : ++m_lastId;
    QJsonObject hintValues;
    QJsonObject hintTypes;
    for (auto it = hints.constBegin(); it != hints.constEnd(); ++it) {
        hintValues.insert(it.key(), hintValue(it.value()));
        hintTypes.insert(it.key(), hintSignature(it.value()));
    }
    const QJsonObject line{{QStringLiteral("id"), qint64(id)},
                           {QStringLiteral("app_name"), appName},
                           {QStringLiteral("replaces_id"), qint64(replacesId)},
                           {QStringLiteral("app_icon"), appIcon},
                           {QStringLiteral("summary"), summary},
                           {QStringLiteral("body"), body},
                           {QStringLiteral("actions"), QJsonArray::fromStringList(actions)},
                           {QStringLiteral("hints"), hintValues},
                           {QStringLiteral("hint_types"), hintTypes},
                           {QStringLiteral("expire_timeout"), expireTimeout}};
    printLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
    return id;
}

void NotificationServer::CloseNotification(uint id)
{
    close(id);
}

QString NotificationServer::GetServerInformation(QString &vendor, QString &version, QString &specVersion) const
{
    vendor = QStringLiteral("Campaign Manager tests");
    version = QStringLiteral("1.0");
    specVersion = QStringLiteral("1.2");
    return m_serverName;
}
