#pragma once

// Looks for a secret's bytes in files: used by every test that promises a token is written
// nowhere (settings, data and keyring-less runs).

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

namespace TestSupport {

struct Scan {
    QStringList files; // every regular file read
    QStringList hits; // files holding the secret in any of its encodings
};

// Reads every file under the roots and looks for the secret's bytes: UTF-8, UTF-16 (both byte
// orders) and base64.
inline Scan scanForSecret(const QStringList &roots, const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    QByteArray utf16le, utf16be;
    for (const QChar c : secret) {
        utf16le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    const QList<QByteArray> needles = {utf8, utf16le, utf16be, utf8.toBase64()};
    Scan scan;
    QSet<QString> seen;
    for (const QString &root : roots) {
        if (!QFileInfo(root).isDir())
            continue;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = QFileInfo(it.next()).absoluteFilePath();
            if (seen.contains(path))
                continue;
            seen.insert(path);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            scan.files.append(path);
            for (const QByteArray &needle : needles) {
                if (content.contains(needle)) {
                    scan.hits.append(path);
                    break;
                }
            }
        }
    }
    return scan;
}

} // namespace TestSupport
