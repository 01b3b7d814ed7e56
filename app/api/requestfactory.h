#pragma once

#include <QByteArray>
#include <QDebug>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <chrono>

// Builds every request the client sends: base URL + API path, the JSON body that carries the
// token, the common headers, the transfer timeout and the redirect policy. A value type shaped
// like Qt 6.7's QNetworkRequestFactory, so moving to it later is a rename.
class RequestFactory
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{30000};

    RequestFactory() = default;
    explicit RequestFactory(const QUrl &baseUrl);

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &baseUrl);

    bool hasToken() const { return !m_token.isEmpty(); }
    void setToken(const QString &token) { m_token = token; }
    void clearToken() { m_token.clear(); }
    // bytes with every copy of the token replaced by "[token removed]": for what a server writes
    // back (an error_text, a page that echoes the request) before anything reads it.
    QByteArray redact(const QByteArray &bytes) const;

    std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // https://host[/prefix]/api/v1.1/scampaigns/<method>. Returns an empty URL for a method name
    // that is not a plain identifier, so a path can never smuggle in another host or "..".
    QUrl url(const QString &method) const;
    enum class Effect { Read, ChangesState };
    // A read follows a redirect only within the same origin; a state-changing request follows
    // none: Qt would turn a 301/302/303 into a GET without the body, and that GET's "done"
    // would be taken for the action's.
    QNetworkRequest createRequest(const QString &method, Effect effect = Effect::Read) const;
    // The body: the given fields plus "token". The token goes in the body, never in the URL.
    QByteArray body(QJsonObject fields) const;

    static QByteArray userAgent();

private:
    friend QDebug operator<<(QDebug debug, const RequestFactory &factory);

    QUrl m_baseUrl;
    QString m_token;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
};

QDebug operator<<(QDebug debug, const RequestFactory &factory);
