#include "accountlistmodel.h"

#include "accountstore.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

AccountListModel::AccountListModel(AccountStore *store, Show show, QObject *parent)
    : QAbstractListModel(parent), m_store(store), m_show(show)
{
    connect(store, &AccountStore::accountsChanged, this, &AccountListModel::reload);
    reload();
}

void AccountListModel::reload()
{
    // A handful of rows: a reset is simpler than diffing and cheap.
    beginResetModel();
    m_accounts.clear();
    for (const Account &account : m_store->accounts()) {
        if (m_show == Show::All || (m_show == Show::DemoOnly) == account.isDemo())
            m_accounts.append(account);
    }
    endResetModel();
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

QString AccountListModel::label(const Account &account)
{
    return tr("%1 — %2", "account name — environment").arg(account.name, account.environmentLabel());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &account = m_accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return label(account);
    case Qt::ToolTipRole:
        return account.apiUrl.toDisplayString();
    case Qt::DecorationRole: {
        QPixmap swatch(16, 16);
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QColor(0, 0, 0, 90));
        painter.setBrush(QColor(account.colour));
        painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
        return QIcon(swatch);
    }
    case IdRole:
        return account.id;
    case AccountRole:
        return QVariant::fromValue(account);
    case EnvironmentRole:
        return account.environmentLabel();
    case ColourRole:
        return QColor(account.colour);
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "accountId");
    names.insert(EnvironmentRole, "environment");
    names.insert(ColourRole, "colour");
    return names;
}

int AccountListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).id == id)
            return row;
    }
    return -1;
}

Account AccountListModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? m_accounts.at(row) : Account();
}
