#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace QKeychain {
class Job;
}

// The API token, kept in the OS keychain (Secret Service, Keychain, Credential Manager) through
// QtKeychain, and nowhere else: never in QSettings, never in a file, never in a log (the log
// says only "token set" / "not set"). There is no plaintext fallback: when no keychain is
// available, failed(NoKeychain, …) is reported and the app may offer useForSessionOnly().
//
// One entry per account: service "campaign-manager", key "api-token#<account id>" for a saved
// account (forAccount()), so the entry survives renaming the account or editing its URL. Versions
// before accounts keyed the one token by host, "api-token@<host>[:port]" (the constructors below);
// AccountMigration moves such an entry to its account.
//
// All keychain operations are asynchronous and end with exactly one signal:
//   load()   -> loaded(token)  | failed(kind, message)
//              A missing entry is not an error: loaded() is emitted with an empty token.
//   save(t)  -> saved()        | failed(kind, message)   (an empty token after clean() forgets)
//   forget() -> forgotten()    | failed(kind, message)   (forgetting a missing entry succeeds)
// On Linux a first attempt that fails with NoBackendAvailable or OtherError is retried once,
// after retryDelay() ms, since the Secret Service may not be up yet right after login.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Failure {
        NoKeychain, // no Secret Service / keychain backend, or D-Bus is unreachable
        AccessDenied, // the keychain is locked or the user refused access
        Other,
    };
    Q_ENUM(Failure)

    static constexpr int kDefaultRetryDelayMs = 500;

    // account: the API host, optionally with ":port" (e.g. "ru.altkraft.com", "127.0.0.1:8080").
    explicit TokenStore(const QString &account, QObject *parent = nullptr);
    // The account is taken from the API URL's host and port.
    explicit TokenStore(const QUrl &apiUrl, QObject *parent = nullptr);
    // The entry of a saved account (Account::id).
    static TokenStore *forAccount(const QString &accountId, QObject *parent = nullptr);
    ~TokenStore() override;

    static QString serviceName(); // "campaign-manager"
    static QString accountFor(const QUrl &apiUrl); // "host" or "host:port", host in ACE form
    static QString keyFor(const QString &account); // "api-token@" + account (lowercased)
    static QString keyForAccountId(const QString &accountId); // "api-token#" + id
    // A pasted token without surrounding whitespace (spaces, tabs, newlines).
    static QString clean(const QString &token);
    // How a QKeychain::Error (given as int) and its error string map onto Failure.
    static Failure classify(int keychainError, const QString &errorString);

    QString key() const { return m_key; }

    void load();
    void save(const QString &token);
    void forget();

    // Keeps the token in memory for this run only; nothing is written to the keychain or to disk.
    // Synchronous: token() returns it at once, and load() answers with it without the keychain.
    void useForSessionOnly(const QString &token);
    bool isSessionOnly() const { return m_sessionOnly; }

    // The token last loaded, saved or given for the session; empty when none.
    QString token() const { return m_token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    bool isBusy() const { return m_pending > 0; }
    // Keychain attempts the last finished operation made: 1, or 2 after the retry.
    int lastAttempts() const { return m_lastAttempts; }
    // The keychain's own error text of the last failure, for a details pane (never the token).
    QString lastErrorDetail() const { return m_lastErrorDetail; }

    int retryDelay() const { return m_retryDelayMs; }
    void setRetryDelay(int ms) { m_retryDelayMs = ms; }

Q_SIGNALS:
    void loaded(const QString &token);
    void saved();
    void forgotten();
    void failed(TokenStore::Failure kind, const QString &message);

private:
    struct KeyTag { };
    TokenStore(KeyTag, const QString &key, QObject *parent);
    enum class Op { Load, Save, Forget };
    void run(Op op, const QString &token, int attempt);
    void finishJob(Op op, const QString &token, int attempt, QKeychain::Job *job);
    void fail(Failure kind, const QString &detail, int attempts);
    static QString failureMessage(Failure kind);

    QString m_key;
    QString m_token;
    QString m_lastErrorDetail;
    bool m_sessionOnly = false;
    int m_pending = 0;
    int m_lastAttempts = 0;
    int m_retryDelayMs = kDefaultRetryDelayMs;
};
