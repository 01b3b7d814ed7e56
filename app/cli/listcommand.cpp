#include "listcommand.h"

#include "altcraftclient.h"
#include "casefoldedmatch.h"
#include "clioptions.h"
#include "clisession.h"
#include "idspec.h"
#include "recordwriter.h"

#include <QEventLoop>
#include <QSet>
#include <QTextStream>

ExitCode ListCommand::run(const CommandContext &context, CliSession &session)
{
    const CliOptions &o = context.options;
    CampaignFilter filter;
    if (!o.status.isEmpty()) {
        if (CampaignStatuses::fromApiString(o.status) == CampaignStatus::Unknown) {
            context.err << tr("--status: \"%1\" is not a status; use cloning, inactive, waiting, active, completed "
                              "or deleted.")
                               .arg(o.status)
                        << '\n';
            return ExitCode::Usage;
        }
        filter.state = o.status;
    }
    filter.tags = o.tags;
    for (const QString &group : o.groups) {
        bool isId = false;
        const qint64 id = group.toLongLong(&isId);
        if (isId)
            filter.groupIds << id;
        else
            filter.groups << group;
    }
    QSet<qint64> only;
    if (!o.ids.isEmpty()) {
        QList<qint64> ids;
        QString error;
        if (!IdSpec::parse(o.ids, &ids, &error)) {
            context.err << error << '\n';
            return ExitCode::Usage;
        }
        only = QSet<qint64>(ids.cbegin(), ids.cend());
    }
    const CaseFoldedMatch search(o.search);

    RecordWriter writer(&context.out, o.format,
                        {{QStringLiteral("id"), tr("ID"), true},
                         {QStringLiteral("name"), tr("Name")},
                         {QStringLiteral("status"), tr("Status")},
                         {QStringLiteral("tags"), tr("Tags")},
                         {QStringLiteral("groups"), tr("Groups")},
                         {QStringLiteral("updated"), tr("Updated")}});
    QEventLoop loop;
    ApiError error;
    session.client()->listCampaigns(
        filter, &loop,
        [&](QList<Campaign> &&page) {
            for (const Campaign &c : page) {
                if (!only.isEmpty() && !only.contains(c.id))
                    continue;
                if (!search.isEmpty() && !search.in(c.name))
                    continue;
                QStringList groups;
                for (const CampaignGroup &g : c.groups)
                    groups << g.name;
                writer.add({QString::number(c.id), c.name, c.statusText, c.tags.join(QStringLiteral(", ")),
                            groups.join(QStringLiteral(", ")), c.updated.toUTC().toString(Qt::ISODate)});
            }
            if (context.progress) {
                context.err << '\r' << tr("%n campaign(s) read", nullptr, writer.count());
                context.err.flush();
            }
        },
        [&](const ApiError &e, const ListOutcome &) {
            error = e;
            loop.quit();
        });
    loop.exec();
    if (context.progress)
        context.err << CommandContext::kClearProgress << Qt::flush;
    writer.finish();
    if (!error.isNone()) {
        context.err << error.message() << '\n';
        return CommandContext::exitFor(error);
    }
    context.err << tr("%n campaign(s)", nullptr, writer.count()) << '\n';
    return ExitCode::Ok;
}
