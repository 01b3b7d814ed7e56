// Saved views over a real INI file: kept per account, replaced by name without regard to case,
// renamed and deleted with their default, and read tolerantly from a damaged file.

#include "campaignview.h"
#include "savedviews.h"
#include "settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
CampaignView view(const QString &name, const QString &search = {})
{
    CampaignView v;
    v.name = name;
    v.search = search;
    v.status = QStringLiteral("active");
    v.tags = {QStringLiteral("summer"), QStringLiteral("vip, \"gold\"")};
    v.groupIds = {7, 9};
    v.columns = {{QStringLiteral("watched"), 30, false},
                 {QStringLiteral("id"), 70, false},
                 {QStringLiteral("name"), 300, false},
                 {QStringLiteral("created"), 120, false},
                 {QStringLiteral("updated_by"), 110, true}};
    v.sortKey = QStringLiteral("name");
    v.sortDescending = true;
    return v;
}
} // namespace

class TestSavedViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void viewSurvivesJson()
    {
        const CampaignView v = view(QStringLiteral("Sale"), QStringLiteral("Чёрная пятница"));
        QCOMPARE(CampaignView::fromJson(v.toJson()), v);
        QCOMPARE(CampaignView::listFromJson(CampaignView::listToJson({v, view(QStringLiteral("B"))})).size(), 2);
    }

    void damagedJsonLosesOnlyWhatIsWrong()
    {
        const QByteArray json = R"([{"name":"  Ok  ","tags":["a",5,"a","b"],"groups_id":[1,-2,1.5,"x",3],
            "columns":[{"key":"id","width":99999},{"key":"id"},{"width":5},{"key":"future_column","width":40}],
            "sort":7},{"search":"no name"},"not an object",{"name":""}])";
        const QList<CampaignView> views = CampaignView::listFromJson(json);
        QCOMPARE(views.size(), 1);
        const CampaignView &v = views.first();
        QCOMPARE(v.name, QStringLiteral("Ok"));
        QCOMPARE(v.tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(v.groupIds, (QList<qint64>{1, 3}));
        QCOMPARE(v.columns.size(), 2); // id once (width clamped), the unknown key kept for a later version
        QCOMPARE(v.columns.first().width, 5000);
        QCOMPARE(v.sortKey, QStringLiteral("id"));
        QVERIFY(CampaignView::listFromJson("{").isEmpty());
    }

    void looksLikeIgnoresNamesAndWidthsOnly()
    {
        CampaignView a = view(QStringLiteral("A")), b = view(QStringLiteral("B"));
        b.columns[2].width = 500;
        QVERIFY(a.looksLike(b));
        b.columns[4].hidden = false;
        QVERIFY(!a.looksLike(b));
        b = a;
        b.tags.removeLast();
        QVERIFY(!a.looksLike(b));
        b = a;
        std::swap(b.columns[0], b.columns[1]);
        QVERIFY(!a.looksLike(b));
        b = a;
        b.sortDescending = false;
        QVERIFY(!a.looksLike(b));
    }

    void viewsArePerAccountAndNamedWithoutCase()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            Settings settings(ini);
            SavedViews views(&settings);
            QSignalSpy changed(&views, &SavedViews::changed);
            settings.setAccountScope(QStringLiteral("client-a"));
            changed.clear();
            views.save(view(QStringLiteral("sale"), QStringLiteral("one")));
            views.save(view(QStringLiteral("Archive")));
            views.save(view(QStringLiteral("Sale"), QStringLiteral("two"))); // replaces "sale"
            QCOMPARE(changed.size(), 3);
            QCOMPARE(views.views().size(), 2);
            QCOMPARE(views.views().first().name, QStringLiteral("Archive")); // sorted by name
            QCOMPARE(views.view(QStringLiteral("SALE"))->search, QStringLiteral("two"));
            views.setDefaultName(QStringLiteral("Sale"));
            views.rename(QStringLiteral("sale"), QStringLiteral("Sale 2026"));
            QCOMPARE(views.defaultName(), QStringLiteral("Sale 2026")); // the default follows the rename

            settings.setAccountScope(QStringLiteral("client-b"));
            QVERIFY(views.views().isEmpty());
            QVERIFY(views.defaultName().isEmpty());
            views.save(view(QStringLiteral("B only")));
            settings.sync();
        }
        Settings settings(ini);
        SavedViews views(&settings);
        settings.setAccountScope(QStringLiteral("client-a"));
        QCOMPARE(views.views().size(), 2);
        QCOMPARE(views.defaultName(), QStringLiteral("Sale 2026"));
        QCOMPARE(*views.view(QStringLiteral("Sale 2026")), [] {
            CampaignView v = view(QStringLiteral("Sale 2026"), QStringLiteral("two"));
            return v;
        }());
        views.remove(QStringLiteral("sale 2026"));
        QVERIFY(views.defaultName().isEmpty()); // removing the default leaves none
        QCOMPARE(views.views().size(), 1);
        settings.setAccountScope(QStringLiteral("client-b"));
        QCOMPARE(views.views().size(), 1);
        QCOMPARE(views.views().first().name, QStringLiteral("B only"));
    }
};

QTEST_GUILESS_MAIN(TestSavedViews)
#include "tst_savedviews.moc"
