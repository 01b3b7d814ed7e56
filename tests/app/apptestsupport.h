#pragma once

#include "secretscan.h"

// Shared by the tst_app_* suites: random tokens and accounts, a byte scan of files for a
// secret, a way to answer the next modal dialog (a QTimer::singleShot that looks for
// QApplication::activeModalWidget() while exec() runs), and a wait for one TokenStore answer.

#include "tokenstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>
#ifdef QT_WIDGETS_LIB
#include <QApplication>
#include <QWidget>
#endif

#include <functional>
#include <memory>

namespace AppTest {

inline QString randomAlnum(int length)
{
    static const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
    QString s;
    for (int i = 0; i < length; ++i)
        s += alphabet.at(QRandomGenerator::system()->bounded(static_cast<int>(alphabet.size())));
    return s;
}

// Like Altcraft's tokens: 32 lowercase letters and digits.
inline QString randomToken()
{
    return randomAlnum(32);
}
// An https API URL no other run uses, so keychain entries never collide.
inline QString randomApiUrl()
{
    return QStringLiteral("https://tst-%1.example.com/").arg(randomAlnum(12));
}

// ---- the secret in files ----------------------------------------------------------------------

using TestSupport::Scan;
using TestSupport::scanForSecret;

// Every directory the app writes settings or data to (QStandardPaths' test mode), plus HOME,
// which each test process gets fresh.
inline QStringList appDirectories()
{
    QStringList dirs = {
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
        QDir::homePath(),
    };
    dirs.removeDuplicates();
    return dirs;
}

#ifdef QT_WIDGETS_LIB
// ---- modal dialogs ----------------------------------------------------------------------------

// Runs handler on the next modal widget of type T once exec() has opened it: a single-shot timer
// that looks at QApplication::activeModalWidget() and tries again every 20 ms, for up to
// timeoutMs. The returned flag says whether the handler ran (check it after exec() returned).
template<typename T>
std::shared_ptr<bool> whenModal(std::function<void(T *)> handler, int timeoutMs = 15000)
{
    auto ran = std::make_shared<bool>(false);
    auto deadline = std::make_shared<QDeadlineTimer>(timeoutMs);
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [handler, ran, deadline, attempt] {
        if (auto *modal = qobject_cast<T *>(QApplication::activeModalWidget())) {
            *ran = true;
            handler(modal);
            *attempt = nullptr; // breaks the self-reference
        } else if (!deadline->hasExpired()) {
            QTimer::singleShot(20, qApp, [attempt] {
                if (*attempt)
                    (*attempt)();
            });
        } else {
            *attempt = nullptr;
        }
    };
    QTimer::singleShot(0, qApp, [attempt] {
        if (*attempt)
            (*attempt)();
    });
    return ran;
}
#endif // QT_WIDGETS_LIB

// ---- the keychain -----------------------------------------------------------------------------

// What one TokenStore operation ended with.
struct KeychainOutcome {
    QString signal; // "loaded", "saved", "forgotten", "failed" or "timeout"
    QString token;
    QString message;
};

inline KeychainOutcome runKeychain(TokenStore &store, const std::function<void()> &start)
{
    KeychainOutcome outcome;
    QEventLoop loop;
    auto record = [&](const QString &signal) {
        if (outcome.signal.isEmpty())
            outcome.signal = signal;
        loop.quit();
    };
    QObject::connect(&store, &TokenStore::loaded, &loop, [&](const QString &token) {
        outcome.token = token;
        record(QStringLiteral("loaded"));
    });
    QObject::connect(&store, &TokenStore::saved, &loop, [&] { record(QStringLiteral("saved")); });
    QObject::connect(&store, &TokenStore::forgotten, &loop, [&] { record(QStringLiteral("forgotten")); });
    QObject::connect(&store, &TokenStore::failed, &loop, [&](TokenStore::Failure, const QString &message) {
        outcome.message = message;
        record(QStringLiteral("failed"));
    });
    QTimer::singleShot(60000, &loop, [&] {
        if (outcome.signal.isEmpty())
            outcome.signal = QStringLiteral("timeout");
        loop.quit();
    });
    start();
    if (outcome.signal.isEmpty())
        loop.exec();
    return outcome;
}

// Reads the keychain entry for an API URL through a store of its own, as the app does at start.
inline KeychainOutcome loadToken(const QUrl &apiUrl)
{
    TokenStore store(apiUrl);
    return runKeychain(store, [&] { store.load(); });
}

inline KeychainOutcome saveToken(const QUrl &apiUrl, const QString &token)
{
    TokenStore store(apiUrl);
    return runKeychain(store, [&] { store.save(token); });
}

inline KeychainOutcome forgetToken(const QUrl &apiUrl)
{
    TokenStore store(apiUrl);
    return runKeychain(store, [&] { store.forget(); });
}

} // namespace AppTest
