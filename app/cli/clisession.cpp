#include "clisession.h"

#include "accountstore.h"
#include "altcraftclient.h"
#include "clientbinder.h"
#include "clioptions.h"
#include "settings.h"
#include "tokenstore.h"

#include <QEventLoop>

CliSession::CliSession(Settings *settings)
    : m_settings(settings), m_accounts(std::make_unique<AccountStore>(settings)),
      m_client(std::make_unique<AltcraftClient>()), m_binder(std::make_unique<ClientBinder>(m_client.get(), settings))
{
    // A command line waits for its answers: no pause between read retries longer than needed.
    m_client->setRetryBaseDelay(100);
}

CliSession::~CliSession() = default;

QString CliSession::unknownAccountText(const QString &name) const
{
    QStringList names;
    for (const Account &a : m_accounts->savedAccounts())
        names << a.name;
    return tr("No account is called \"%1\".").arg(name) + QLatin1Char(' ')
        + (names.isEmpty() ? tr("No account is saved yet: add one in the window's Settings.")
                           : tr("Accounts: %1").arg(names.join(QStringLiteral(", "))));
}

QString CliSession::loadToken(const QString &accountId, QString *error)
{
    QEventLoop loop;
    QString token;
    auto *store = TokenStore::forAccount(accountId);
    QObject::connect(store, &TokenStore::loaded, &loop, [&](const QString &t) {
        token = t;
        loop.quit();
    });
    QObject::connect(store, &TokenStore::failed, &loop, [&](TokenStore::Failure, const QString &message) {
        if (error)
            *error = message;
        loop.quit();
    });
    store->load();
    loop.exec();
    store->deleteLater();
    return token;
}

std::optional<ExitCode> CliSession::open(const CliOptions &options, QString *error)
{
    if (!options.accountName.isEmpty()) {
        const std::optional<Account> saved = m_accounts->findByName(options.accountName);
        if (!saved || saved->isDemo()) {
            *error = unknownAccountText(options.accountName);
            return ExitCode::Usage;
        }
        m_account = *saved;
    } else {
        // A saved account at that address brings its token and safety rules; otherwise the
        // address is a one-off for this run.
        for (const Account &saved : m_accounts->savedAccounts()) {
            if (saved.apiUrl.adjusted(QUrl::StripTrailingSlash) == options.apiUrl.adjusted(QUrl::StripTrailingSlash))
                m_account = saved;
        }
        if (m_account.id.isEmpty()) {
            m_account.name = options.apiUrl.host();
            m_account.apiUrl = options.apiUrl;
        }
    }
    // --account: the account's own token, from the keychain. A token in the environment may be
    // another client's, and is never sent to this account's server.
    const bool byName = !options.accountName.isEmpty();
    QString token = byName ? QString() : options.envToken;
    if (byName && !options.envToken.isEmpty())
        m_notice
            = tr("ALTCRAFT_API_TOKEN is ignored with --account: the token saved for %1 is used.").arg(m_account.name);
    if (token.isEmpty() && !m_account.id.isEmpty()) {
        QString keychainError;
        token = loadToken(m_account.id, &keychainError);
        if (token.isEmpty() && !keychainError.isEmpty()) {
            *error = tr("The token of %1 could not be read from the keychain: %2").arg(m_account.name, keychainError);
            return ExitCode::Access;
        }
    }
    if (token.isEmpty()) {
        *error = m_account.id.isEmpty() ? tr("No API token for %1: set ALTCRAFT_API_TOKEN.").arg(m_account.name)
            : byName ? tr("No API token is saved for %1: save it in the window's Settings.").arg(m_account.name)
                     : tr("No API token is saved for %1: save it in the window's Settings, or set ALTCRAFT_API_TOKEN.")
                           .arg(m_account.name);
        return ExitCode::Access;
    }
    m_client->setReadOnly(m_account.readOnly);
    m_binder->setConnection(m_account.apiUrl, token);
    return std::nullopt;
}
