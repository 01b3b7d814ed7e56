#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// Reads campaign IDs as people paste them: "18, 19 20-25", one per line, "#42", en dashes.
// Bad entries are named in errors; duplicates are dropped and counted; order is kept.
class CampaignIdParser
{
    Q_DECLARE_TR_FUNCTIONS(CampaignIdParser)
public:
    static constexpr qint64 kMaxRangeSize = 1000;
    static constexpr int kMaxIds = 10000;

    struct Result {
        QList<qint64> ids;
        QStringList errors;
        int duplicates = 0;
        bool ok() const { return errors.isEmpty() && !ids.isEmpty(); }
    };

    static Result parse(const QString &text);
};
