// The campaign table as a working tool, end to end: the real Application in demo mode (its
// emulator on loopback), driven through the real window. Columns chosen from the header's menu,
// tag and group filters ticked in the pane, a view saved and made the default, then the program
// quit and started again: the view is back. Export and Copy write what the table shows. When the
// table cannot hold the whole account, ticking a tag makes the server list only what matches
// (read from the emulator's own request log).

#include "altcraftemulator.h"
#include "campaignfacetmodel.h"
#include "campaignfilterproxy.h"
#include "demoserver.h"
#include "e2etestsupport.h"
#include "facetpane.h"
#include "messagebox.h"
#include "tablecolumns.h"
#include "tabulartext.h"
#include "viewswitcher.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

using namespace E2E;

namespace {

LaunchOptions demoOptions()
{
    LaunchOptions options;
    options.demo = true;
    return options;
}

// Starts the demo with this many campaigns and no latency; true once its list is in the window.
bool startDemo(Application &app, int campaigns)
{
    app.setDemoOptions({campaigns, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    return app.start() && waitForFirstLoad(app, loaded);
}

QAction *columnAction(const Application &app, int column)
{
    for (QAction *a : app.mainWindow()->columns()->menu()->actions()) {
        if (a->isCheckable() && a->data().toInt() == column)
            return a;
    }
    return nullptr;
}

// Ticks a facet's entry as a click on its check box does (the view's model is the pane's proxy).
bool tick(CampaignFacetModel *facets, const QString &key)
{
    for (int row = 0; row < facets->rowCount(); ++row) {
        const QModelIndex index = facets->index(row, 0);
        if (index.data(CampaignFacetModel::KeyRole).toString() == key)
            return facets->setData(index, Qt::Checked, Qt::CheckStateRole);
    }
    return false;
}

// The facet entry carried by most campaigns in the table, and by fewer than all of them.
QString commonKey(CampaignFacetModel *facets, int total)
{
    QString best;
    int bestCount = 0;
    for (int row = 0; row < facets->rowCount(); ++row) {
        const QModelIndex index = facets->index(row, 0);
        const int count = index.data(CampaignFacetModel::CountRole).toInt();
        if (count > bestCount && count < total) {
            bestCount = count;
            best = index.data(CampaignFacetModel::KeyRole).toString();
        }
    }
    return best;
}

QStringList shownHeaders(const Application &app)
{
    QStringList headers;
    QHeaderView *header = table(app)->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            headers << CampaignTableModel::columnKey(column);
    }
    return headers;
}

QList<qint64> visibleIds(const Application &app)
{
    QList<qint64> ids;
    QAbstractItemModel *proxy = table(app)->model();
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids << proxy->index(row, 0).data(CampaignTableModel::IdRole).toLongLong();
    return ids;
}

} // namespace

class TestTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        resetState();
        MessageBox::clearAnswered();
    }
    void aSavedDefaultViewComesBackAfterARestart();
    void tagAndGroupFiltersCombineWithSearchAndStatus();
    void exportAndCopyWriteWhatTheTableShows();
    void aTableThatCannotHoldTheAccountIsFilteredByTheServer();
    void aFilterOnWhenTheListStopsAtTheCeilingMovesToTheServer();
};

void TestTable::aSavedDefaultViewComesBackAfterARestart()
{
    QString tag;
    CampaignView saved;
    {
        Application app(demoOptions());
        QVERIFY(startDemo(app, 120));
        MainWindow *window = app.mainWindow();

        // Columns from the header's menu: Created and Groups on, Updated by off.
        QVERIFY(!columnAction(app, CampaignTableModel::CreatedColumn)->isChecked());
        columnAction(app, CampaignTableModel::CreatedColumn)->trigger();
        columnAction(app, CampaignTableModel::GroupsColumn)->trigger();
        columnAction(app, CampaignTableModel::UpdatedByColumn)->trigger();
        QVERIFY(!columnAction(app, CampaignTableModel::NameColumn)->isEnabled()); // the name always shows
        QVERIFY(shownHeaders(app).contains(QStringLiteral("created")));
        QVERIFY(!shownHeaders(app).contains(QStringLiteral("updated_by")));
        // Sorted by name, descending, as a click on the header does.
        table(app)->sortByColumn(CampaignTableModel::NameColumn, Qt::DescendingOrder);

        tag = commonKey(window->tagFacets(), table(app)->model()->rowCount());
        QVERIFY(!tag.isEmpty());
        QVERIFY(tick(window->tagFacets(), tag));
        auto *status = window->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(static_cast<int>(CampaignStatus::Active)));
        QVERIFY(table(app)->model()->rowCount() > 0);
        QCOMPARE(window->views()->chooser()->currentIndex(), -1); // "Unsaved view"

        // Save View…, named as the user types it; then "Open the Account With This View".
        MessageBox::setNextAnswer(MessageBox::Answer::Accept);
        MessageBox::setNextText(QStringLiteral("  Active & tagged  "));
        window->views()->saveAction()->trigger();
        QCOMPARE(window->views()->currentName(), QStringLiteral("Active & tagged"));
        window->views()->setCurrentAsDefault(true);
        QCOMPARE(window->views()->chooser()->currentText(), QStringLiteral("Active & tagged (default)"));
        saved = window->currentView();

        // Back to the standard view before quitting: the default, not the last state, must return.
        window->views()->showStandard();
        QCOMPARE(window->views()->chooser()->currentIndex(), 0);
        QVERIFY(window->tagFacets()->checkedKeys().isEmpty());
        QVERIFY(!shownHeaders(app).contains(QStringLiteral("created")));
        action(app, "actionQuit")->trigger();
    }
    {
        Application app(demoOptions());
        QVERIFY(startDemo(app, 120));
        MainWindow *window = app.mainWindow();
        QCOMPARE(window->views()->currentName(), QStringLiteral("Active & tagged"));
        QCOMPARE(window->tagFacets()->checkedKeys(), QStringList{tag});
        QCOMPARE(window->findChild<QComboBox *>(QStringLiteral("statusFilter"))->currentData().toInt(),
                 static_cast<int>(CampaignStatus::Active));
        QVERIFY(shownHeaders(app).contains(QStringLiteral("created")));
        QVERIFY(shownHeaders(app).contains(QStringLiteral("groups")));
        QVERIFY(!shownHeaders(app).contains(QStringLiteral("updated_by")));
        QCOMPARE(table(app)->horizontalHeader()->sortIndicatorSection(), int(CampaignTableModel::NameColumn));
        QCOMPARE(table(app)->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(window->currentView().looksLike(saved));
        // Every row shown is active and carries the tag; none hidden is both.
        const QList<qint64> shown = visibleIds(app);
        QVERIFY(!shown.isEmpty());
        const CampaignTableModel *model = app.service()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const Campaign &c = model->campaignAt(row);
            QCOMPARE(shown.contains(c.id), c.status == CampaignStatus::Active && c.tags.contains(tag));
        }
        // The view can be deleted; the account then opens as it was left.
        MessageBox::setNextAnswer(MessageBox::Answer::Accept);
        window->views()->deleteCurrent();
        QVERIFY(window->views()->currentName().isEmpty());
        QCOMPARE(window->views()->chooser()->findText(QStringLiteral("Active & tagged (default)")), -1);
    }
}

void TestTable::tagAndGroupFiltersCombineWithSearchAndStatus()
{
    Application app(demoOptions());
    QVERIFY(startDemo(app, 200));
    MainWindow *window = app.mainWindow();
    const int total = table(app)->model()->rowCount();
    // The pane is made when first shown. Its find box narrows both lists through its own proxies:
    // checked like every model.
    QVERIFY(!window->findChild<FacetPane *>());
    action(app, "actionFacets")->trigger();
    auto *pane = window->findChild<FacetPane *>();
    QVERIFY(pane && pane->isVisibleTo(window));
    QAbstractItemModelTester tagViewTester(pane->tagView(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester groupViewTester(pane->groupView(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *find = pane->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    find->setText(QStringLiteral("zz-no-such-tag"));
    QCOMPARE(pane->tagView()->rowCount(), 0);
    find->clear();
    QCOMPARE(pane->tagView()->rowCount(), window->tagFacets()->rowCount());
    const QString tag = commonKey(window->tagFacets(), total);
    const QString group = commonKey(window->groupFacets(), total);
    QVERIFY(!tag.isEmpty());
    QVERIFY(!group.isEmpty());
    QVERIFY(tick(window->tagFacets(), tag));
    QVERIFY(tick(window->groupFacets(), group));
    // The chip says what narrows the table, and clears it.
    auto *chip = window->findChild<QLabel *>(QStringLiteral("facetSummary"));
    QVERIFY(chip->isVisibleTo(window));
    QCOMPARE(chip->textFormat(), Qt::PlainText);
    QVERIFY2(chip->accessibleName().contains(tag), qPrintable(chip->accessibleName()));

    const CampaignTableModel *model = app.service()->model();
    auto matches = [&](const Campaign &c) {
        const bool inGroup = std::any_of(c.groups.cbegin(), c.groups.cend(),
                                         [&](const CampaignGroup &g) { return QString::number(g.id) == group; });
        return c.tags.contains(tag) && inGroup;
    };
    QList<qint64> expected;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (matches(model->campaignAt(row)))
            expected << model->campaignAt(row).id;
    }
    std::sort(expected.begin(), expected.end());
    QList<qint64> shown = visibleIds(app);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected);

    // The chip's Clear: every campaign again.
    QToolButton *clear = nullptr;
    for (QToolButton *b : window->findChildren<QToolButton *>()) {
        if (b->accessibleName() == QStringLiteral("Clear tag and group filters"))
            clear = b;
    }
    QVERIFY(clear && clear->isVisibleTo(window));
    clear->click();
    QCOMPARE(table(app)->model()->rowCount(), total);
    QVERIFY(!chip->isVisibleTo(window));
}

void TestTable::exportAndCopyWriteWhatTheTableShows()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    QVERIFY(startDemo(app, 60));
    MainWindow *window = app.mainWindow();
    // A hostile name, as a colleague could type it in Altcraft.
    const QString hostile = QStringLiteral("=HYPERLINK(\"http://x\"), \"quoted\"\r\nsecond line\tand a tab");
    const qint64 id = visibleIds(app).first();
    E2E::demoServer(app)->inspect([&](AltcraftEmulator &e) {
        EmulatedCampaign c = *e.store().find(id);
        c.name = hostile;
        e.store().upsert(c);
        return 0;
    });
    QSignalSpy reloaded(app.service(), &CampaignService::loadFinished);
    action(app, "actionRefresh")->trigger();
    QVERIFY(reloaded.wait(20000));
    QCOMPARE(app.service()->model()->campaign(id)->name, hostile);
    columnAction(app, CampaignTableModel::DescriptionColumn)->trigger();
    window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(QStringLiteral("HYPERLINK"));
    QCOMPARE(visibleIds(app), QList<qint64>{id});

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("campaigns.csv"));
    QString error;
    QVERIFY2(window->exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = TabularText::parseCsv(bytes);
    QCOMPARE(rows.size(), 2); // the header and the one row the search leaves
    QStringList expectedHeader;
    for (const QString &key : shownHeaders(app)) {
        const int column = CampaignTableModel::columnForKey(key);
        const QString accessible
            = app.service()->model()->headerData(column, Qt::Horizontal, Qt::AccessibleTextRole).toString();
        expectedHeader << (accessible.isEmpty() ? app.service()->model()->headerData(column, Qt::Horizontal).toString()
                                                : accessible);
    }
    QCOMPARE(rows.first(), expectedHeader);
    const int nameAt = shownHeaders(app).indexOf(QStringLiteral("name"));
    const int idAt = shownHeaders(app).indexOf(QStringLiteral("id"));
    QCOMPARE(TabularText::undefuse(rows.at(1).at(nameAt)), hostile);
    QVERIFY(rows.at(1).at(nameAt).startsWith(QLatin1Char('\''))); // opens as text, not a formula
    QCOMPARE(rows.at(1).at(idAt), QString::number(id));

    // Copy: the selected rows as a spreadsheet pastes them.
    window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->clear();
    clickRow(app, id);
    action(app, "actionCopy")->trigger();
    const QList<QStringList> copied = TabularText::parseTsv(QGuiApplication::clipboard()->text());
    QCOMPARE(copied.size(), 2);
    QCOMPARE(TabularText::undefuse(copied.at(1).at(nameAt)), hostile);
    // Copy All Visible Rows: every row, in the table's order.
    action(app, "actionCopyVisible")->trigger();
    const QList<QStringList> all = TabularText::parseTsv(QGuiApplication::clipboard()->text());
    QCOMPARE(all.size(), table(app)->model()->rowCount() + 1);
    const QList<qint64> order = visibleIds(app);
    for (int row = 0; row < order.size(); ++row)
        QCOMPARE(all.at(row + 1).at(idAt).toLongLong(), order.at(row));
}

void TestTable::aTableThatCannotHoldTheAccountIsFilteredByTheServer()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    QVERIFY(startDemo(app, 150));
    MainWindow *window = app.mainWindow();
    const QString tag = commonKey(window->tagFacets(), 150);
    QVERIFY(!tag.isEmpty());

    // The table may hold only 60: the list stops there and says so.
    app.service()->client()->setMaxListedCampaigns(60);
    MessageBox::setNextAnswer(MessageBox::Answer::Ok);
    QSignalSpy reloaded(app.service(), &CampaignService::loadFinished);
    action(app, "actionRefresh")->trigger();
    QVERIFY(reloaded.wait(20000));
    QVERIFY(app.service()->isCapped());
    E2E::demoServer(app)->inspect([](AltcraftEmulator &e) {
        e.clearRequests();
        return 0;
    });

    // Ticking the tag lists, on the server, only the campaigns carrying it.
    reloaded.clear();
    QVERIFY(tick(window->tagFacets(), tag));
    QVERIFY(reloaded.wait(20000));
    const QList<RecordedRequest> requests
        = E2E::demoServer(app)->inspect([](AltcraftEmulator &e) { return e.requests(); });
    QVERIFY(!requests.isEmpty());
    bool sawTag = false;
    for (const RecordedRequest &r : requests) {
        if (!r.path.endsWith(QLatin1String("/list")))
            continue;
        const QJsonArray tags = r.json().value(QStringLiteral("ui_tags")).toArray();
        QCOMPARE(tags, QJsonArray{tag});
        sawTag = true;
    }
    QVERIFY(sawTag);
    const QList<qint64> expected = E2E::demoServer(app)->inspect([&tag](AltcraftEmulator &e) {
        QList<qint64> ids;
        for (qint64 id : e.store().ids()) {
            if (e.store().find(id)->tags.contains(tag))
                ids << id;
        }
        return ids;
    });
    QList<qint64> shown = visibleIds(app);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected.mid(0, 60));
    // Said above the table, and in the pane once it is open.
    auto *notice = window->findChild<QLabel *>(QStringLiteral("listNotice"));
    QVERIFY(notice->isVisibleTo(window));
    QVERIFY2(notice->text().contains(QStringLiteral("Altcraft listed only")), qPrintable(notice->text()));
    action(app, "actionFacets")->trigger();
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("serverNote"))->isVisibleTo(window));

    // Unticking lists everything again (up to the ceiling) and the note goes.
    reloaded.clear();
    window->tagFacets()->clearChecks();
    QVERIFY(reloaded.wait(20000));
    QVERIFY(!app.service()->hasServerFilter());
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("serverNote"))->isVisibleTo(window));
    // The first 60 again; rows the filtered list brought from past the ceiling may stay (a list
    // that stopped at the ceiling removes nothing).
    const QList<qint64> first60
        = E2E::demoServer(app)->inspect([](AltcraftEmulator &e) { return e.store().ids().mid(0, 60); });
    for (qint64 id : first60)
        QVERIFY2(app.service()->model()->rowOf(id) >= 0, qPrintable(QString::number(id)));
}

void TestTable::aFilterOnWhenTheListStopsAtTheCeilingMovesToTheServer()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    QVERIFY(startDemo(app, 150));
    MainWindow *window = app.mainWindow();
    auto *status = window->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    status->setCurrentIndex(status->findData(static_cast<int>(CampaignStatus::Active)));
    app.service()->client()->setMaxListedCampaigns(60);
    E2E::demoServer(app)->inspect([](AltcraftEmulator &e) {
        e.clearRequests();
        return 0;
    });
    MessageBox::setNextAnswer(MessageBox::Answer::Ok);
    QSignalSpy reloaded(app.service(), &CampaignService::loadFinished);
    action(app, "actionRefresh")->trigger();
    // The list stops at the ceiling; the status filter then goes to the server, which lists the
    // active campaigns only.
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 2, 20000);
    QVERIFY(app.service()->isCapped());
    QCOMPARE(app.service()->serverFilter().state, QStringLiteral("active"));
    const QList<RecordedRequest> requests
        = E2E::demoServer(app)->inspect([](AltcraftEmulator &e) { return e.requests(); });
    QVERIFY(std::any_of(requests.cbegin(), requests.cend(), [](const RecordedRequest &r) {
        return r.path.endsWith(QLatin1String("/list"))
            && r.json().value(QStringLiteral("state")).toString() == QLatin1String("active");
    }));
    const QList<qint64> active = E2E::demoServer(app)->inspect([](AltcraftEmulator &e) {
        QList<qint64> ids;
        for (qint64 id : e.store().ids()) {
            if (e.store().find(id)->state == EmulatedState::Active)
                ids << id;
        }
        return ids;
    });
    QList<qint64> shown = visibleIds(app);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, active.mid(0, 60));
}

E2E_MAIN(TestTable)
#include "tst_e2e_table.moc"
