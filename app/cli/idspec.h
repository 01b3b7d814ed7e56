#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

// The campaigns a command names, read as the window's "Add by ID" reads them (CampaignIdParser):
// "18, 19 20-25" from the arguments, or from standard input when the argument is "-".
class IdSpec
{
    Q_DECLARE_TR_FUNCTIONS(IdSpec)
public:
    // Returns false with *error naming the bad entries (a usage error).
    static bool read(const QStringList &arguments, QTextStream &in, QList<qint64> *ids, QString *error);
    static bool parse(const QString &text, QList<qint64> *ids, QString *error);
};
