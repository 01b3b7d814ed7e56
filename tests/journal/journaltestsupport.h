#pragma once

// Shared by the journal tests: idRange, and RawDb, an independent SQLite connection
// to a journal file (what another process, or a forensic look after a crash, would see).

#include "campaign.h"
#include "campaignactions.h"
#include "journalentry.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QTest>
#include <QUuid>
#include <QVariant>
#include <QVariantMap>

namespace JournalTest {

inline QList<qint64> idRange(qint64 first, int count)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i)
        ids.append(first + i);
    return ids;
}

// A connection of its own to a SQLite file, independent of any Journal. Queries are finished
// before each call returns, so it never holds a read transaction open between calls.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("rawdb-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool isOpen() const { return m_open; }
    QString lastError() const { return m_error; }

    bool exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            return false;
        }
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
        return true;
    }

    // Every row as column name -> value; an empty list on error (see lastError()).
    QList<QVariantMap> rows(const QString &sql, const QVariantList &binds = {})
    {
        QList<QVariantMap> result;
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            return result;
        }
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return result;
        }
        while (q.next()) {
            QVariantMap row;
            const QSqlRecord rec = q.record();
            for (int i = 0; i < rec.count(); ++i)
                row.insert(rec.fieldName(i), q.value(i));
            result.append(row);
        }
        q.finish();
        return result;
    }

    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        const QList<QVariantMap> r = rows(sql, binds);
        return r.isEmpty() || r.first().isEmpty() ? QVariant() : r.first().first();
    }

    int userVersion() { return scalar(QStringLiteral("PRAGMA user_version")).toInt(); }

    QStringList columns(const QString &table)
    {
        QStringList names;
        for (const QVariantMap &r : rows(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
            names << r.value(QStringLiteral("name")).toString();
        return names;
    }

private:
    QString m_name;
    QString m_error;
    bool m_open = false;
};

} // namespace JournalTest

namespace QTest {
template<>
inline char *toString(const JournalEntry::Outcome &outcome)
{
    return qstrdup(JournalEntry::outcomeKey(outcome).toUtf8().constData());
}
template<>
inline char *toString(const CampaignStatus &status)
{
    const QString s = CampaignStatuses::toApiString(status);
    return qstrdup(s.isEmpty() ? "<unknown>" : s.toUtf8().constData());
}
template<>
inline char *toString(const CampaignAction &action)
{
    return qstrdup(CampaignActions::apiMethod(action).toUtf8().constData());
}
} // namespace QTest
