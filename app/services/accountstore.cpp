#include "accountstore.h"

#include "settings.h"

#include <QUuid>

AccountStore::AccountStore(Settings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    const QVariantList saved = m_settings->value(Settings::Key::Accounts).toList();
    for (const QVariant &entry : saved) {
        Account account = Account::fromMap(entry.toMap());
        // A damaged or hand-edited entry is skipped rather than half-used.
        if (account.isValid() && !account.isDemo() && !find(account.id))
            m_accounts.append(account);
    }
}

QList<Account> AccountStore::accounts() const
{
    QList<Account> all = Account::demoAccounts(m_demoUrl);
    all += m_accounts;
    return all;
}

std::optional<Account> AccountStore::find(const QString &id) const
{
    if (id == Account::kDemoId)
        return Account::demo(m_demoUrl);
    if (id == Account::kSecondDemoId)
        return Account::secondDemo(m_demoUrl);
    for (const Account &account : m_accounts) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

std::optional<Account> AccountStore::findByName(const QString &name) const
{
    for (const Account &account : accounts()) {
        if (account.name.trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return account;
    }
    return std::nullopt;
}

QString AccountStore::check(const Account &account, const QString &ignoreId) const
{
    if (account.isDemo())
        return tr("The demo account cannot be changed.");
    if (account.id.isEmpty())
        return tr("The account has no id.");
    if (account.name.trimmed().isEmpty())
        return tr("Give the account a name.");
    if (!account.apiUrl.isValid() || account.apiUrl.isEmpty())
        return tr("Enter the account's API address.");
    for (const Account &other : accounts()) {
        if (other.id != ignoreId && other.name.trimmed().compare(account.name.trimmed(), Qt::CaseInsensitive) == 0)
            return tr("Another account is already called \"%1\".").arg(other.name);
    }
    return QString();
}

QString AccountStore::add(const Account &account)
{
    if (find(account.id))
        return tr("An account with this id exists already.");
    if (QString problem = check(account, QString()); !problem.isEmpty())
        return problem;
    m_accounts.append(account);
    save();
    return QString();
}

QString AccountStore::update(const Account &account)
{
    if (account.isDemo())
        return tr("The demo account cannot be changed.");
    const auto at = std::find_if(m_accounts.begin(), m_accounts.end(),
                                 [&account](const Account &saved) { return saved.id == account.id; });
    if (at == m_accounts.end())
        return tr("This account no longer exists.");
    if (QString problem = check(account, account.id); !problem.isEmpty())
        return problem;
    *at = account;
    save();
    if (m_settings->value(Settings::Key::CurrentAccountId).toString() == account.id)
        Q_EMIT currentChanged(account);
    return QString();
}

QString AccountStore::remove(const QString &id)
{
    if (Account::isDemoId(id))
        return tr("The demo account cannot be removed.");
    const qsizetype removed = m_accounts.removeIf([&id](const Account &account) { return account.id == id; });
    if (removed == 0)
        return tr("This account no longer exists.");
    save();
    if (m_settings->value(Settings::Key::CurrentAccountId).toString() == id) {
        m_settings->reset(Settings::Key::CurrentAccountId);
        Q_EMIT currentChanged(current());
    }
    return QString();
}

QString AccountStore::uniqueName(const QString &wanted) const
{
    QString base = wanted.trimmed();
    if (!findByName(base))
        return base;
    for (int n = 1;; ++n) {
        QString candidate = n == 1 ? tr("%1 (copy)").arg(base) : tr("%1 (copy %2)").arg(base).arg(n);
        if (!findByName(candidate))
            return candidate;
    }
}

Account AccountStore::duplicateOf(const Account &account) const
{
    Account copy = account;
    copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    copy.name = uniqueName(account.name);
    if (account.isDemo()) {
        // A copy of the demo is an ordinary account the user can point anywhere.
        copy.environment = Account::Environment::Test;
        copy.colour = Account::defaultColour(copy.environment);
    }
    return copy;
}

Account AccountStore::current() const
{
    if (auto account = find(m_settings->value(Settings::Key::CurrentAccountId).toString()))
        return *account;
    return Account::demo(m_demoUrl);
}

void AccountStore::setCurrent(const QString &id)
{
    const std::optional<Account> account = find(id);
    if (!account || m_settings->value(Settings::Key::CurrentAccountId).toString() == id)
        return;
    m_settings->setValue(Settings::Key::CurrentAccountId, id);
    Q_EMIT currentChanged(*account);
}

void AccountStore::save()
{
    QVariantList list;
    for (const Account &account : std::as_const(m_accounts))
        list.append(account.toMap());
    m_settings->setValue(Settings::Key::Accounts, list);
    Q_EMIT accountsChanged();
}
