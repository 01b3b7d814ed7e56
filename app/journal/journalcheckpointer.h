#pragma once

#include <QObject>
#include <QString>
#include <QThread>

// Copies the journal's write-ahead log into the database file on a thread of its own, through
// a second SQLite connection. SQLite would otherwise do it inside a commit on the UI thread
// every thousand pages, with two fdatasync()s that take tens of milliseconds on a busy disk:
// a window frozen in the middle of a bulk run. A passive checkpoint never blocks the writer.
class JournalCheckpointer : public QObject
{
    Q_OBJECT
public:
    explicit JournalCheckpointer(const QString &path, QObject *parent = nullptr);
    // Waits for a checkpoint under way, closes the second connection and ends the thread.
    ~JournalCheckpointer() override;

    // Asks for a checkpoint; requests while one is queued or running make no second one.
    void request();
    // For tests: checkpoints finished (whether they copied anything or not).
    int completed() const;

Q_SIGNALS:
    void checkpointed();

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker;
};
