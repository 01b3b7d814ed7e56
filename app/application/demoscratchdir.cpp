#include "demoscratchdir.h"

#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <unistd.h>

namespace {
const QString kLockName = QStringLiteral("owner.lock");
} // namespace

QString DemoScratchDir::baseDirectory()
{
    // QStandardPaths would invent a runtime directory (with a warning) when the session has none.
    if (qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (!runtime.isEmpty() && QFileInfo(runtime).isWritable())
            return runtime;
    }
    return QDir::tempPath();
}

int DemoScratchDir::sweep(const QString &base)
{
    int removed = 0;
    const QFileInfoList dirs
        = QDir(base).entryInfoList({namePrefix() + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &dir : dirs) {
        if (dir.ownerId() != ::getuid())
            continue; // another user's, in a shared temporary directory
        const QString lockPath = dir.filePath() + QLatin1Char('/') + kLockName;
        // A directory a starting app made a moment ago may not hold its lock yet.
        if (!QFileInfo::exists(lockPath) && dir.lastModified().secsTo(QDateTime::currentDateTime()) < 60)
            continue;
        QLockFile lock(lockPath);
        lock.setStaleLockTime(0); // only a dead owner makes it stale, never age
        if (!lock.tryLock(0))
            continue; // its app still runs
        lock.unlock();
        if (QDir(dir.filePath()).removeRecursively()) {
            ++removed;
            qCInfo(lcApp).noquote() << "removed what a demo that ended without quitting left:" << dir.filePath();
        }
    }
    return removed;
}

DemoScratchDir::DemoScratchDir(const QString &base)
    : m_dir(base + QLatin1Char('/') + namePrefix() + QStringLiteral("XXXXXX"))
{
    if (!m_dir.isValid())
        return;
    m_lock = std::make_unique<QLockFile>(m_dir.filePath(kLockName));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        m_lock.reset();
}

DemoScratchDir::~DemoScratchDir()
{
    // The lock goes first; QTemporaryDir then removes the directory with everything in it.
    if (m_lock)
        m_lock->unlock();
}
