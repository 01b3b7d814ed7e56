#include "savedviews.h"

#include "settings.h"

#include <algorithm>

namespace {
bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

SavedViews::SavedViews(Settings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    connect(settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::SavedCampaignViews || key == Settings::Key::DefaultCampaignView)
            Q_EMIT changed();
    });
}

QList<CampaignView> SavedViews::views() const
{
    QList<CampaignView> views
        = CampaignView::listFromJson(m_settings->value(Settings::Key::SavedCampaignViews).toByteArray());
    std::sort(views.begin(), views.end(), [](const CampaignView &a, const CampaignView &b) {
        return QString::localeAwareCompare(a.name.toCaseFolded(), b.name.toCaseFolded()) < 0;
    });
    return views;
}

std::optional<CampaignView> SavedViews::view(const QString &name) const
{
    for (const CampaignView &v : views()) {
        if (sameName(v.name, name))
            return v;
    }
    return std::nullopt;
}

void SavedViews::save(const CampaignView &view)
{
    if (view.name.trimmed().isEmpty())
        return;
    QList<CampaignView> list = views();
    const bool wasDefault = sameName(defaultName(), view.name);
    list.removeIf([&view](const CampaignView &v) { return sameName(v.name, view.name); });
    list << view;
    store(list);
    if (wasDefault)
        setDefaultName(view.name);
}

void SavedViews::remove(const QString &name)
{
    QList<CampaignView> list = views();
    if (list.removeIf([&name](const CampaignView &v) { return sameName(v.name, name); }) == 0)
        return;
    if (sameName(defaultName(), name))
        setDefaultName({});
    store(list);
}

void SavedViews::rename(const QString &from, const QString &to)
{
    std::optional<CampaignView> v = view(from);
    if (!v || to.trimmed().isEmpty())
        return;
    const bool wasDefault = sameName(defaultName(), from);
    QList<CampaignView> list = views();
    list.removeIf([&](const CampaignView &x) { return sameName(x.name, from) || sameName(x.name, to); });
    v->name = to.trimmed();
    list << *v;
    store(list);
    if (wasDefault)
        setDefaultName(v->name);
}

QString SavedViews::defaultName() const
{
    const QString name = m_settings->value(Settings::Key::DefaultCampaignView).toString();
    return contains(name) ? view(name)->name : QString();
}

void SavedViews::setDefaultName(const QString &name)
{
    m_settings->setValue(Settings::Key::DefaultCampaignView, name);
}

void SavedViews::store(const QList<CampaignView> &views)
{
    m_settings->setValue(Settings::Key::SavedCampaignViews, CampaignView::listToJson(views));
}
