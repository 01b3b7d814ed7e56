#include "journalcheckpointer.h"

#include "logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>

// Lives on the checkpointer's thread: its connection is created, used and removed there only,
// as Qt SQL requires.
class JournalCheckpointer::Worker : public QObject
{
public:
    explicit Worker(const QString &path)
        : m_path(path),
          m_connection(QStringLiteral("journal-checkpoint-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    { }

    void checkpoint()
    {
        m_queued = false;
        if (!QSqlDatabase::contains(m_connection)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(m_path);
            if (!db.open()) {
                qCWarning(lcJournal) << "checkpoint connection:" << db.lastError().text();
                return;
            }
            QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        }
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            qCWarning(lcJournal) << "checkpoint failed:" << q.lastError().text();
        ++m_completed;
    }

    void closeConnection()
    {
        if (QSqlDatabase::contains(m_connection)) {
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
        }
    }

    const QString m_path;
    const QString m_connection;
    std::atomic<bool> m_queued = false;
    std::atomic<int> m_completed = 0;
};

JournalCheckpointer::JournalCheckpointer(const QString &path, QObject *parent)
    : QObject(parent), m_worker(new Worker(path))
{
    m_thread.setObjectName(QStringLiteral("journal checkpoint"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

JournalCheckpointer::~JournalCheckpointer()
{
    // The second connection closes before the first: the last one to close removes the -wal file.
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->closeConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void JournalCheckpointer::request()
{
    if (m_worker->m_queued.exchange(true))
        return;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker] {
        worker->checkpoint();
        Q_EMIT checkpointed();
    });
}

int JournalCheckpointer::completed() const
{
    return m_worker->m_completed;
}
