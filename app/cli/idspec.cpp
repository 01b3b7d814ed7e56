#include "idspec.h"

#include "campaignidparser.h"

#include <QTextStream>

bool IdSpec::parse(const QString &text, QList<qint64> *ids, QString *error)
{
    const CampaignIdParser::Result r = CampaignIdParser::parse(text);
    if (!r.errors.isEmpty()) {
        *error = tr("Bad campaign IDs: %1").arg(r.errors.join(QStringLiteral("; ")));
        return false;
    }
    if (r.ids.isEmpty()) {
        *error = tr("No campaign ID was given.");
        return false;
    }
    *ids = r.ids;
    return true;
}

bool IdSpec::read(const QStringList &arguments, QTextStream &in, QList<qint64> *ids, QString *error)
{
    if (arguments == QStringList{QStringLiteral("-")})
        return parse(in.readAll(), ids, error);
    if (arguments.contains(QStringLiteral("-"))) {
        *error = tr("\"-\" reads the IDs from standard input and cannot be mixed with IDs.");
        return false;
    }
    return parse(arguments.join(QLatin1Char(' ')), ids, error);
}
