#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// How the campaign table is looked at: the search, the status, tag and group filters, and the
// columns (which, in what order, how wide, sorted by which). The window captures and applies it;
// a saved view is one with a name. Columns are named by CampaignTableModel::columnKey(), so a
// view saved by this version still applies after columns are added.
struct CampaignView {
    struct Column {
        QString key;
        int width = 0; // 0: the window's default width
        bool hidden = false;
        friend bool operator==(const Column &, const Column &) = default;
    };

    QString name; // empty for the table as last left
    QString search;
    QString status; // "" every status, "watched", or one status as the API spells it
    QStringList tags; // any of them
    QList<qint64> groupIds; // any of them
    QList<Column> columns; // on-screen order; empty: the standard layout
    QString sortKey = QStringLiteral("id");
    bool sortDescending = false;

    QJsonObject toJson() const;
    static CampaignView fromJson(const QJsonObject &object);
    // Views as Settings keep them: a JSON array, compact.
    static QByteArray listToJson(const QList<CampaignView> &views);
    static QList<CampaignView> listFromJson(const QByteArray &json);

    // The same search, filters, columns and sort, whatever the names and the columns' widths.
    bool looksLike(const CampaignView &other) const;
    bool hasFilters() const { return !search.isEmpty() || !status.isEmpty() || !tags.isEmpty() || !groupIds.isEmpty(); }

    friend bool operator==(const CampaignView &, const CampaignView &) = default;
};
