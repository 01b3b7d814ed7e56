#include "tokenstore.h"

#include "logging.h"

#include <QRegularExpression>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {

bool retriesOnThisPlatform()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return true;
#else
    return false;
#endif
}

} // namespace

TokenStore::TokenStore(const QString &account, QObject *parent) : QObject(parent), m_key(keyFor(account))
{ }

TokenStore::TokenStore(const QUrl &apiUrl, QObject *parent) : TokenStore(accountFor(apiUrl), parent)
{ }

TokenStore::TokenStore(KeyTag, const QString &key, QObject *parent) : QObject(parent), m_key(key)
{ }

TokenStore *TokenStore::forAccount(const QString &accountId, QObject *parent)
{
    return new TokenStore(KeyTag{}, keyForAccountId(accountId), parent);
}

TokenStore::~TokenStore() = default;

QString TokenStore::serviceName()
{
    return QStringLiteral("campaign-manager");
}

QString TokenStore::accountFor(const QUrl &apiUrl)
{
    QString account = QString::fromLatin1(QUrl::toAce(apiUrl.host()));
    if (account.isEmpty())
        account = apiUrl.host().toLower();
    if (account.contains(QLatin1Char(':'))) // an IPv6 literal
        account = QLatin1Char('[') + account + QLatin1Char(']');
    if (apiUrl.port() > 0)
        account += QLatin1Char(':') + QString::number(apiUrl.port());
    return account;
}

QString TokenStore::keyFor(const QString &account)
{
    return QStringLiteral("api-token@") + account.trimmed().toLower();
}

QString TokenStore::keyForAccountId(const QString &accountId)
{
    return QStringLiteral("api-token#") + accountId;
}

QString TokenStore::clean(const QString &token)
{
    return token.trimmed();
}

TokenStore::Failure TokenStore::classify(int keychainError, const QString &errorString)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Failure::NoKeychain;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Failure::AccessDenied;
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry: {
        // libsecret reports an unreachable session bus or a missing Secret Service as a plain
        // OtherError; its text is the only way to tell it from other failures.
        static const QRegularExpression dbus(
            QStringLiteral("d-?bus|could not connect|autolaunch|org\\.freedesktop\\.secrets|"
                           "serviceunknown|not provided by any \\.service"),
            QRegularExpression::CaseInsensitiveOption);
        return dbus.match(errorString).hasMatch() ? Failure::NoKeychain : Failure::Other;
    }
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        break;
    }
    return Failure::Other;
}

QString TokenStore::failureMessage(Failure kind)
{
    switch (kind) {
    case Failure::NoKeychain:
        return tr("No keychain is available on this computer (the Secret Service is not running), so the API token "
                  "cannot be stored securely. You can use the token for this session only.");
    case Failure::AccessDenied:
        return tr("The keychain refused access to the API token. Unlock your keychain and try again.");
    case Failure::Other:
        break;
    }
    return tr("The keychain could not store or read the API token. Try again, or use the token for this session only.");
}

void TokenStore::load()
{
    if (m_sessionOnly) {
        // Answer from memory, but asynchronously like every other answer.
        ++m_pending;
        QMetaObject::invokeMethod(
            this,
            [this] {
                --m_pending;
                m_lastAttempts = 0;
                m_lastErrorDetail.clear();
                qCDebug(lcSettings) << "keychain entry" << m_key
                                    << "from this session:" << (m_token.isEmpty() ? "empty" : "value is set");
                Q_EMIT loaded(m_token);
            },
            Qt::QueuedConnection);
        return;
    }
    run(Op::Load, QString(), 1);
}

void TokenStore::save(const QString &token)
{
    const QString cleaned = clean(token);
    if (cleaned.isEmpty()) {
        forget();
        return;
    }
    run(Op::Save, cleaned, 1);
}

void TokenStore::forget()
{
    if (m_sessionOnly) {
        // The session token was never written anywhere: dropping it from memory is all there is.
        m_token.clear();
        m_sessionOnly = false;
        ++m_pending;
        QMetaObject::invokeMethod(
            this,
            [this] {
                --m_pending;
                m_lastAttempts = 0;
                qCDebug(lcSettings) << "keychain entry" << m_key << "forgotten for this session";
                Q_EMIT forgotten();
            },
            Qt::QueuedConnection);
        return;
    }
    run(Op::Forget, QString(), 1);
}

void TokenStore::useForSessionOnly(const QString &token)
{
    m_token = clean(token);
    m_sessionOnly = true;
    qCDebug(lcSettings) << "keychain entry" << m_key
                        << "kept for this session only:" << (m_token.isEmpty() ? "empty" : "value is set");
}

void TokenStore::run(Op op, const QString &token, int attempt)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Load:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Op::Save: {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setTextData(token);
        job = write;
        break;
    }
    case Op::Forget:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // No parent: the backend (libsecret) calls back into the job, so it must outlive this
    // store if the store dies first. autoDelete frees it after it has finished.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy in QSettings
    job->setKey(m_key);
    ++m_pending;
    connect(job, &QKeychain::Job::finished, this, [this, op, token, attempt](QKeychain::Job *finished) {
        --m_pending;
        finishJob(op, token, attempt, finished);
    });
    job->start();
}

void TokenStore::finishJob(Op op, const QString &token, int attempt, QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    const QString detail = job->errorString();
    if (error == QKeychain::NoError) {
        m_lastAttempts = attempt;
        m_lastErrorDetail.clear();
        switch (op) {
        case Op::Load: {
            const auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
            m_token = clean(read->textData());
            m_sessionOnly = false;
            qCDebug(lcSettings) << "keychain entry" << m_key
                                << "read from the keychain:" << (m_token.isEmpty() ? "empty" : "value is set");
            Q_EMIT loaded(m_token);
            return;
        }
        case Op::Save:
            m_token = token;
            m_sessionOnly = false;
            qCDebug(lcSettings) << "keychain entry" << m_key << "saved to the keychain: value is set";
            Q_EMIT saved();
            return;
        case Op::Forget:
            m_token.clear();
            qCDebug(lcSettings) << "keychain entry" << m_key << "removed from the keychain: not set";
            Q_EMIT forgotten();
            return;
        }
        return;
    }

    if (error == QKeychain::EntryNotFound && op != Op::Save) {
        m_lastAttempts = attempt;
        m_lastErrorDetail.clear();
        m_token.clear();
        if (op == Op::Load) {
            qCDebug(lcSettings) << "keychain entry" << m_key << "is not in the keychain: not set";
            Q_EMIT loaded(QString());
        } else {
            qCDebug(lcSettings) << "keychain entry" << m_key << "was not in the keychain: not set";
            Q_EMIT forgotten();
        }
        return;
    }

    // The Secret Service may not be up yet right after login: try once more a little later.
    const bool retry = retriesOnThisPlatform() && attempt == 1
        && (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError);
    if (retry) {
        qCDebug(lcSettings) << "Keychain not ready for" << m_key << "(error" << int(error) << ":" << detail
                            << "); retrying in" << m_retryDelayMs << "ms";
        ++m_pending;
        QTimer::singleShot(m_retryDelayMs, this, [this, op, token] {
            --m_pending;
            run(op, token, 2);
        });
        return;
    }
    fail(classify(error, detail), detail, attempt);
}

void TokenStore::fail(Failure kind, const QString &detail, int attempts)
{
    m_lastAttempts = attempts;
    m_lastErrorDetail = detail;
    qCWarning(lcSettings) << "Keychain operation for" << m_key << "failed after" << attempts << "attempt(s):" << kind
                          << detail;
    Q_EMIT failed(kind, failureMessage(kind));
}
