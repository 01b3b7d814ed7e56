#pragma once

// Shared by the emulator tests: a real QNetworkAccessManager that POSTs JSON to the emulator
// (in-process or the altcraft-emulator executable) and hands back what came over the wire.
// Campaigns come from the shared CampaignBuilder (tests/support).

#include "campaignbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

#include <algorithm>

namespace EmulatorHttp {

inline QString apiPath(const QString &method)
{
    return QStringLiteral("api/v1.1/scampaigns/") + method;
}

// What one HTTP exchange produced. finished is false when the reply did not arrive in time
// (then every other field is empty and httpStatus is 0).
struct HttpResult {
    bool finished = false;
    int httpStatus = 0; // 0 when no HTTP response arrived (connection closed, aborted)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        return std::any_of(headers.cbegin(), headers.cend(), [&name](const QNetworkReply::RawHeaderPair &h) {
            return h.first.compare(name, Qt::CaseInsensitive) == 0;
        });
    }
    bool isJsonObject() const
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        return error.error == QJsonParseError::NoError && doc.isObject();
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // The envelope's fields; apiError() is -1 when "error" is missing or not a number.
    int apiError() const
    {
        const QJsonValue v = json().value(QStringLiteral("error"));
        return v.isDouble() ? v.toInt() : -1;
    }
    QString errorText() const { return json().value(QStringLiteral("error_text")).toString(); }
    QJsonValue data() const { return json().value(QStringLiteral("data")); }
    // For QVERIFY2 messages.
    QByteArray describe() const
    {
        return "HTTP " + QByteArray::number(httpStatus) + " (network error "
            + QByteArray::number(static_cast<int>(networkError)) + "): " + body.left(400);
    }
};

inline HttpResult waitForReply(QNetworkReply *reply, int timeoutMs = 10000)
{
    HttpResult result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(timeoutMs)) {
            reply->abort();
            reply->deleteLater();
            return result;
        }
    }
    result.finished = true;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.httpStatus = status.isValid() ? status.toInt() : 0;
    result.networkError = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

class HttpClient
{
public:
    explicit HttpClient(QUrl baseUrl) : m_base(std::move(baseUrl)) { }

    QNetworkAccessManager &nam() { return m_nam; }
    QUrl url(const QString &relativePath) const { return m_base.resolved(QUrl(relativePath)); }

    // A JSON POST request for a path relative to the base URL ("api/v1.1/scampaigns/list").
    QNetworkRequest request(const QString &relativePath, const QByteArray &bearerToken = {}) const
    {
        QNetworkRequest req(url(relativePath));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!bearerToken.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + bearerToken);
        return req;
    }

    QNetworkReply *startPost(const QNetworkRequest &req, const QByteArray &body) { return m_nam.post(req, body); }
    QNetworkReply *startPost(const QString &method, const QJsonObject &body, const QByteArray &bearerToken = {})
    {
        return m_nam.post(request(apiPath(method), bearerToken), QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    HttpResult post(const QString &method, const QJsonObject &body, const QByteArray &bearerToken = {})
    {
        return waitForReply(startPost(method, body, bearerToken));
    }
    HttpResult postRaw(const QString &relativePath, const QByteArray &body)
    {
        return waitForReply(m_nam.post(request(relativePath), body));
    }
    HttpResult send(const QNetworkRequest &req, const QByteArray &verb, const QByteArray &body = {},
                    int timeoutMs = 10000)
    {
        return waitForReply(m_nam.sendCustomRequest(req, verb, body), timeoutMs);
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

inline QDateTime oldTime()
{
    return CampaignBuilder::defaultTime();
}

// The documentation's state values (altcraft-api.md, "Campaign statuses"), written out here so
// that an emulator test never reads a spelling back through the emulator's own table.
inline EmulatedState documentedState(const QString &value)
{
    static const QList<std::pair<QString, EmulatedState>> table = {
        {QStringLiteral("cloning"), EmulatedState::Cloning},     {QStringLiteral("inactive"), EmulatedState::Inactive},
        {QStringLiteral("waiting"), EmulatedState::Waiting},     {QStringLiteral("active"), EmulatedState::Active},
        {QStringLiteral("completed"), EmulatedState::Completed}, {QStringLiteral("deleted"), EmulatedState::Deleted},
    };
    for (const auto &entry : table) {
        if (entry.first == value)
            return entry.second;
    }
    qFatal("not a documented state: %s", qPrintable(value));
}

inline QList<qint64> idsOf(const QJsonValue &data)
{
    QList<qint64> ids;
    for (const QJsonValue &v : data.toArray())
        ids.append(static_cast<qint64>(v.toObject().value(QStringLiteral("id")).toDouble()));
    return ids;
}

} // namespace EmulatorHttp
