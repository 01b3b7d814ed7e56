#include "apiurl.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace {

ApiUrlCheck failure(const QString &message)
{
    return ApiUrlCheck{QUrl(), message};
}

bool isDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

bool ApiUrl::isLoopbackHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    if (h.isEmpty())
        return false;
    if (h == QLatin1String("localhost"))
        return true;
    // Only a literal address counts: "127.0.0.1.example.com" does not parse, so it is not loopback.
    QHostAddress address;
    if (!address.setAddress(h))
        return false;
    return address.isLoopback();
}

ApiUrlCheck ApiUrl::normalise(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return failure(tr("Enter the API URL, for example https://ru.altkraft.com/."));
    for (const QChar c : text) {
        if (c.isSpace())
            return failure(tr("The API URL must not contain spaces. Check it for typing mistakes."));
    }

    // The scheme: "https://…" or "http://…"; without one the URL is https. "host:8080" has no
    // scheme (a port follows the colon), while "ftp:host" or "https:host" names one without "//".
    static const QRegularExpression withSlashes(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    static const QRegularExpression withoutSlashes(QStringLiteral("^([A-Za-z][A-Za-z0-9+-]*):(?![0-9])"));
    QString full = text;
    QString scheme;
    if (const auto m = withSlashes.match(text); m.hasMatch()) {
        scheme = m.captured(1).toLower();
    } else if (const auto m2 = withoutSlashes.match(text); m2.hasMatch()) {
        scheme = m2.captured(1).toLower();
        if (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
            return failure(
                tr("The API URL is malformed: write it as https://host/, for example https://ru.altkraft.com/."));
        return failure(tr("The API URL must start with https:// (“%1:” is not supported).").arg(scheme));
    } else {
        scheme = QStringLiteral("https");
        full = QStringLiteral("https://") + text;
    }
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return failure(tr("The API URL must start with https:// (“%1://” is not supported).").arg(scheme));

    // Look at the authority ourselves first: QUrl's own errors do not say what to fix.
    const qsizetype authorityStart = full.indexOf(QLatin1String("://")) + 3;
    static const QRegularExpression authorityEnd(QStringLiteral("[/?#]"));
    qsizetype end = full.indexOf(authorityEnd, authorityStart);
    if (end < 0)
        end = full.size();
    const QString authority = full.mid(authorityStart, end - authorityStart);
    if (authority.contains(QLatin1Char('@')))
        return failure(tr("Remove the user name and password from the API URL. Credentials never go in a URL: "
                          "enter the API token in its own field."));
    QString hostPart = authority;
    QString portPart;
    bool hasPort = false;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return failure(tr("The API URL has an incomplete IPv6 address: a “]” is missing."));
        hostPart = authority.left(close + 1);
        const QString rest = authority.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return failure(tr("The API URL is not valid: unexpected text after the IPv6 address."));
            hasPort = true;
            portPart = rest.mid(1);
        }
    } else if (const qsizetype colon = authority.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        hostPart = authority.left(colon);
        portPart = authority.mid(colon + 1);
        hasPort = true;
    }
    if (hostPart.isEmpty() || hostPart == QLatin1String("[]"))
        return failure(tr("The API URL has no host name. Enter it like https://ru.altkraft.com/."));
    if (hasPort) {
        bool numeric = false;
        const int port = portPart.toInt(&numeric);
        if (!isDigits(portPart) || !numeric || port < 1 || port > 65535)
            return failure(
                tr("The port “%1” in the API URL is not valid: it must be a number from 1 to 65535.").arg(portPart));
    }

    QUrl url(full, QUrl::StrictMode);
    if (!url.isValid())
        return failure(tr("The API URL is not valid (%1). Check it for typing mistakes.").arg(url.errorString()));
    if (url.host().isEmpty())
        return failure(tr("The API URL has no host name. Enter it like https://ru.altkraft.com/."));
    if (url.hasQuery() || url.hasFragment())
        return failure(
            tr("Remove the part after “?” or “#” from the API URL: it must be the address of the site only."));
    url.setScheme(scheme);
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return failure(tr("Use https:// for the API URL: the token must not travel unencrypted. "
                          "Only a local test server (localhost) may use http://."));
    if ((scheme == QLatin1String("https") && url.port() == 443)
        || (scheme == QLatin1String("http") && url.port() == 80))
        url.setPort(-1);

    // The path: resolve "." and "..", collapse doubled slashes, drop a pasted API root (keeping
    // any on-premises prefix before "/api"), and end with exactly one slash.
    url = url.adjusted(QUrl::NormalizePathSegments);
    QString path = url.path(QUrl::FullyEncoded);
    static const QRegularExpression slashes(QStringLiteral("/{2,}"));
    path.replace(slashes, QStringLiteral("/"));
    static const QRegularExpression apiTail(QStringLiteral("/api(/v[0-9]+(\\.[0-9]+)?(/.*)?)?/?$"));
    path.remove(apiTail);
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path, QUrl::TolerantMode);
    if (!url.isValid())
        return failure(tr("The API URL is not valid (%1). Check it for typing mistakes.").arg(url.errorString()));
    return ApiUrlCheck{url, QString()};
}
