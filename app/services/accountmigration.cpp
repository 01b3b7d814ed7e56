#include "accountmigration.h"

#include "accountstore.h"
#include "logging.h"
#include "settings.h"
#include "tokenstore.h"

AccountMigration::AccountMigration(Settings *settings, AccountStore *accounts, QObject *parent)
    : QObject(parent), m_settings(settings), m_accounts(accounts)
{ }

bool AccountMigration::isNeeded() const
{
    return !m_settings->value(Settings::Key::ApiUrl).toString().isEmpty();
}

Account AccountMigration::accountForLegacyUrl(const QUrl &url)
{
    for (const Account &account : m_accounts->savedAccounts()) {
        if (account.apiUrl == url)
            return account; // made by an earlier, interrupted run of this migration
    }
    const QString host = url.host().isEmpty() ? url.toString() : url.host();
    Account account = Account::create(m_accounts->uniqueName(host), url);
    const QString problem = m_accounts->add(account);
    if (!problem.isEmpty())
        qCWarning(lcSettings) << "migration: cannot add the account:" << problem;
    return account;
}

void AccountMigration::start()
{
    const QUrl url(m_settings->value(Settings::Key::ApiUrl).toString());
    m_account = accountForLegacyUrl(url);
    m_settings->adoptUnscopedValues(m_account.id);
    if (m_accounts->current().isDemo())
        m_accounts->setCurrent(m_account.id);
    qCInfo(lcSettings) << "migration: the saved URL becomes account" << m_account.id;
    m_legacy = new TokenStore(url, this);
    connect(m_legacy, &TokenStore::loaded, this, [this](const QString &token) {
        if (token.isEmpty())
            done();
        else
            moveToken(token);
    });
    connect(m_legacy, &TokenStore::forgotten, this, &AccountMigration::done);
    connect(m_legacy, &TokenStore::failed, this,
            [this](TokenStore::Failure, const QString &message) { fail(message); });
    m_legacy->load();
}

void AccountMigration::moveToken(const QString &token)
{
    m_target = TokenStore::forAccount(m_account.id, this);
    connect(m_target, &TokenStore::saved, this, [this] { m_legacy->forget(); });
    connect(m_target, &TokenStore::failed, this,
            [this](TokenStore::Failure, const QString &message) { fail(message); });
    m_target->save(token);
}

void AccountMigration::done()
{
    m_settings->reset(Settings::Key::ApiUrl);
    qCInfo(lcSettings) << "migration: done for account" << m_account.id;
    Q_EMIT finished(m_account);
}

void AccountMigration::fail(const QString &message)
{
    qCWarning(lcSettings) << "migration: kept the old keychain entry:" << message;
    Q_EMIT failed(m_account, message);
}
