#pragma once

#include <QAbstractListModel>
#include <QCollator>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class CampaignTableModel;

// The tags, or the groups, of the campaigns in a table, one row each with how many campaigns
// carry it and a check box: the choices of a tag or group filter (CampaignFilterProxy's
// setTagFilter / setGroupFilter take checkedTags() / checkedGroupIds()).
//
// A row's key is the tag's text, or the group's ID as text. Its label is the tag, or the group's
// name (its ID when the name is empty, and "name (ID)" when two groups share a name), as
// ServerText::visible shows server text, on one line. Rows are sorted by label, locale-aware and
// case-insensitive. A checked row stays through every refresh, with a count of 0 when no
// campaign carries it any more (a saved view's choice stays visible and can be unticked).
//
// It does not watch the table: call refresh() when a load finishes.
class CampaignFacetModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Facet { Tags, Groups };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: the tag, or the group's ID as text
        CountRole, // int: campaigns in the table carrying it
    };

    explicit CampaignFacetModel(Facet facet, QObject *parent = nullptr);

    Facet facet() const { return m_facet; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Qt::CheckStateRole checks or unchecks the row; checkedChanged() follows a change.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    // Recounts every row of the table in one pass. The rows are reset when the set of keys
    // changes; otherwise the changed counts (and labels) go out as one dataChanged.
    void refresh(const CampaignTableModel &campaigns);

    QStringList checkedKeys() const; // in row order
    // Checks exactly these keys (a group's key that is not an ID is ignored); keys no campaign
    // carries get a row with a count of 0. Emits checkedChanged() when the checked set changes.
    void setCheckedKeys(const QStringList &keys);
    void clearChecks() { setCheckedKeys({}); }
    // For CampaignFilterProxy::setTagFilter / setGroupFilter; empty for the other facet.
    QSet<QString> checkedTags() const { return m_facet == Facet::Tags ? m_checked : QSet<QString>(); }
    QSet<qint64> checkedGroupIds() const;

Q_SIGNALS:
    void checkedChanged();

private:
    struct Row {
        QString key;
        QString name; // the tag, or the group's name, as the server sent it
        QString label;
        int count = 0;
    };

    Row rowFor(const QString &key, const QString &name, int count) const;
    void disambiguate(QList<Row> &rows) const;
    void sortRows(QList<Row> &rows) const;
    bool before(const Row &a, const Row &b) const;
    QString sentence(const Row &row) const;

    Facet m_facet;
    QList<Row> m_rows;
    QSet<QString> m_checked; // keys
    QCollator m_collator;
};
