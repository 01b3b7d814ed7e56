#pragma once

#include <QLockFile>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// Where demo mode keeps its files (History): a private directory of its own, removed when the
// app ends. One left behind by a crash is removed at the next start (sweep()): its lock file
// names a process that no longer runs.
class DemoScratchDir
{
public:
    // Under the user's runtime directory ($XDG_RUNTIME_DIR, a tmpfs emptied at logout), else the
    // temporary directory.
    static QString baseDirectory();
    static QString namePrefix() { return QStringLiteral("campaign-manager-demo-"); }

    // Removes the demo directories whose app is gone; returns how many. Cheap: one listing.
    static int sweep(const QString &base = baseDirectory());

    explicit DemoScratchDir(const QString &base = baseDirectory());
    ~DemoScratchDir();
    DemoScratchDir(const DemoScratchDir &) = delete;
    DemoScratchDir &operator=(const DemoScratchDir &) = delete;

    bool isValid() const { return m_dir.isValid() && m_lock && m_lock->isLocked(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString errorString() const { return m_dir.errorString(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QLockFile> m_lock;
};
