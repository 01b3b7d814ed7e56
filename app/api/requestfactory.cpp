#include "requestfactory.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace {
const QString kApiPath = QStringLiteral("api/v1.1/scampaigns/");
}

RequestFactory::RequestFactory(const QUrl &baseUrl)
{
    setBaseUrl(baseUrl);
}

void RequestFactory::setBaseUrl(const QUrl &baseUrl)
{
    QUrl url = baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QString path = url.path();
    // Users paste the API root as often as the site root: keep only the prefix before it.
    static const QRegularExpression apiTail(QStringLiteral("/api(/v1\\.1(/scampaigns)?)?/?$"));
    path.remove(apiTail);
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path);
    m_baseUrl = url;
}

QUrl RequestFactory::url(const QString &method) const
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z_]+$"));
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty() || !identifier.match(method).hasMatch())
        return {};
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + kApiPath + method);
    return url;
}

QNetworkRequest RequestFactory::createRequest(const QString &method, Effect effect) const
{
    QNetworkRequest request(url(method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    // Requests waiting inside Qt for a connection: reads first. A bulk action hands Qt its next
    // writes early (BulkRunner::handOverLimit), and the reads that confirm them must not queue
    // behind them.
    request.setPriority(effect == Effect::Read ? QNetworkRequest::HighPriority : QNetworkRequest::NormalPriority);
    // The body carries the token: a redirect to another origin must never receive it.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         effect == Effect::Read ? QNetworkRequest::SameOriginRedirectPolicy
                                                : QNetworkRequest::ManualRedirectPolicy);
    return request;
}

QByteArray RequestFactory::body(QJsonObject fields) const
{
    fields.insert(QStringLiteral("token"), m_token);
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QByteArray RequestFactory::userAgent()
{
    return QByteArrayLiteral("CampaignManager/" CM_VERSION);
}

QDebug operator<<(QDebug debug, const RequestFactory &factory)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "RequestFactory(base=" << factory.m_baseUrl.toString() << ", token "
                    << (factory.hasToken() ? "set" : "not set") << ", timeout=" << factory.m_timeout.count() << "ms)";
    return debug;
}

QByteArray RequestFactory::redact(const QByteArray &bytes) const
{
    const QByteArray token = m_token.toUtf8();
    if (token.isEmpty() || !bytes.contains(token))
        return bytes;
    QByteArray out = bytes;
    return out.replace(token, QByteArrayLiteral("[token removed]"));
}
