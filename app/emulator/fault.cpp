#include "fault.h"

namespace {
struct KindName {
    Fault::Kind kind;
    const char *name;
};
constexpr KindName kKindNames[] = {
    {Fault::Kind::Hang, "hang"},
    {Fault::Kind::Http500, "500"},
    {Fault::Kind::Http502, "502"},
    {Fault::Kind::Http503, "503"},
    {Fault::Kind::TooManyRequests, "429"},
    {Fault::Kind::HtmlPage, "html"},
    {Fault::Kind::TruncatedJson, "truncated"},
    {Fault::Kind::WrongTypes, "wrong-types"},
    {Fault::Kind::Oversized, "oversized"},
    {Fault::Kind::Redirect302, "302"},
    {Fault::Kind::Redirect307, "307"},
    {Fault::Kind::ApiError, "api-error"},
    {Fault::Kind::CloseConnection, "close"},
};
} // namespace

bool Fault::matches(const QString &apiMethod, std::optional<qint64> id) const
{
    if (remaining == 0)
        return false;
    if (method != QLatin1String("*") && method != apiMethod)
        return false;
    return !campaignId || campaignId == id;
}

std::optional<Fault::Kind> Fault::kindFromName(const QString &name)
{
    for (const KindName &k : kKindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QStringList Fault::kindNames()
{
    QStringList names;
    for (const KindName &k : kKindNames)
        names.append(QLatin1String(k.name));
    return names;
}

std::optional<Fault> Fault::parse(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    auto fail = [&](const QString &why) -> std::optional<Fault> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty())
        return fail(QStringLiteral("fault '%1' is not METHOD:KIND[:COUNT]").arg(spec));
    const auto kind = kindFromName(parts.at(1));
    if (!kind)
        return fail(QStringLiteral("fault kind '%1' is unknown; use one of: %2")
                        .arg(parts.at(1), kindNames().join(QStringLiteral(", "))));
    Fault f;
    f.method = parts.at(0);
    f.kind = *kind;
    if (parts.size() == 3) {
        bool ok = false;
        f.remaining = parts.at(2).toInt(&ok);
        if (!ok || f.remaining <= 0)
            return fail(QStringLiteral("fault count '%1' is not a positive number").arg(parts.at(2)));
    }
    return f;
}
