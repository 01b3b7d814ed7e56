#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

class Settings;

// The campaigns each account watches in the background, kept in Settings per account (an
// account's id; "" for a one-off --api-url session). The window's star, its Watch action and the
// watch itself all read and change it here.
class WatchList : public QObject
{
    Q_OBJECT
public:
    explicit WatchList(Settings *settings, QObject *parent = nullptr);

    QList<qint64> ids(const QString &accountId) const;
    QSet<qint64> idSet(const QString &accountId) const;
    bool isWatched(const QString &accountId, qint64 id) const;

public Q_SLOTS:
    // Adds or removes the campaigns, keeping the others; emits changed() once when the list changed.
    void setWatched(const QString &accountId, const QList<qint64> &ids, bool watch);
    void clear(const QString &accountId);

Q_SIGNALS:
    void changed(const QString &accountId);

private:
    Settings *m_settings;
};
