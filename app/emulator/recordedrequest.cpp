#include "recordedrequest.h"

#include "wirejson.h"

#include <QJsonDocument>
#include <QStringList>

namespace {
const QString kApiPrefix = QStringLiteral("/api/v1.1/scampaigns/");
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RecordedRequest::apiMethod() const
{
    return path.startsWith(kApiPrefix) ? path.mid(kApiPrefix.size()) : QString();
}

qint64 RecordedRequest::campaignId() const
{
    return WireJson::toInteger(json().value(QStringLiteral("id"))).value_or(0);
}

QString RecordedRequest::summary() const
{
    QString text = QString::fromLatin1(httpMethod) + QLatin1Char(' ') + path;
    QStringList details;
    if (const qint64 id = campaignId(); id != 0)
        details.append(QStringLiteral("id %1").arg(id));
    details.append(body.isEmpty() ? QStringLiteral("no body") : QStringLiteral("%1-byte body").arg(body.size()));
    if (account && !account->isEmpty())
        details.append(QStringLiteral("account %1").arg(*account));
    text += QStringLiteral(" (%1)").arg(details.join(QStringLiteral(", ")));
    if (!header("authorization").isEmpty())
        text += QStringLiteral(" [Authorization: <redacted>]");
    return text;
}

QString RecordedRequest::redactedSummary() const
{
    QString text = QString::fromLatin1(httpMethod) + QLatin1Char(' ') + path;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        QJsonObject o = doc.object();
        if (o.contains(QStringLiteral("token")))
            o.insert(QStringLiteral("token"), QStringLiteral("<redacted>"));
        text += QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    } else if (!body.isEmpty()) {
        // A body that is not JSON may still hold a token: print its size only.
        text += QStringLiteral(" <%1 bytes, not a JSON object>").arg(body.size());
    }
    if (!header("authorization").isEmpty())
        text += QStringLiteral(" [Authorization: <redacted>]");
    return text;
}
