#pragma once

#include "campaignview.h"

#include <QObject>

#include <optional>

class Settings;

// The named views of the account in Settings' scope, and which one it opens with. Names are
// unique without regard to case: "Sale" replaces "sale".
class SavedViews : public QObject
{
    Q_OBJECT
public:
    explicit SavedViews(Settings *settings, QObject *parent = nullptr);

    QList<CampaignView> views() const; // sorted by name
    std::optional<CampaignView> view(const QString &name) const;
    bool contains(const QString &name) const { return view(name).has_value(); }
    // Adds the view, or replaces the one with its name (keeping whether it is the default).
    void save(const CampaignView &view);
    void remove(const QString &name);
    void rename(const QString &from, const QString &to);
    QString defaultName() const; // "" when the account opens as it was left
    void setDefaultName(const QString &name);

Q_SIGNALS:
    // The list or the default changed, here or by an account switch.
    void changed();

private:
    void store(const QList<CampaignView> &views);

    Settings *m_settings;
};
