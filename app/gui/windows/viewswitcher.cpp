#include "viewswitcher.h"

#include "messagebox.h"
#include "savedviews.h"

#include <QActionGroup>
#include <QComboBox>
#include <QMenu>

namespace {
// The chooser's entry for the standard view: no saved view can be named so (names are trimmed).
const QString kStandard = QStringLiteral(" standard");
} // namespace

ViewSwitcher::ViewSwitcher(SavedViews *views, const CampaignView &standard, Capture capture, Apply apply,
                           QWidget *window)
    : QObject(window), m_window(window), m_views(views), m_standard(standard), m_capture(std::move(capture)),
      m_apply(std::move(apply)), m_chooser(new QComboBox(window)), m_menu(new QMenu(tr("Saved V&iews"), window)),
      m_viewActions(new QActionGroup(this))
{
    m_chooser->setObjectName(QStringLiteral("viewChooser"));
    m_chooser->setAccessibleName(tr("Saved view"));
    m_chooser->setToolTip(tr("Switch to a saved search, filter and column set"));
    m_chooser->setPlaceholderText(tr("Unsaved view"));
    // A fixed width, long names elided: the filter row keeps room for the search.
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(14);
    connect(m_chooser, &QComboBox::activated, this, [this](int index) {
        const QString name = m_chooser->itemData(index).toString();
        if (name == kStandard)
            showStandard();
        else
            show(name);
    });

    m_standardAction = m_menu->addAction(tr("S&tandard View"), this, &ViewSwitcher::showStandard);
    m_standardAction->setToolTip(tr("Every campaign, the standard columns, sorted by ID"));
    m_menu->addSeparator();
    m_viewsEnd = m_menu->addSeparator();
    m_save = m_menu->addAction(tr("&Save View…"), this, &ViewSwitcher::saveCurrent);
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_rename = m_menu->addAction(tr("&Rename View…"), this, &ViewSwitcher::renameCurrent);
    m_delete = m_menu->addAction(tr("&Delete View…"), this, &ViewSwitcher::deleteCurrent);
    m_default = m_menu->addAction(tr("&Open the Account With This View"));
    m_default->setCheckable(true);
    m_default->setToolTip(tr("The account opens with this view, whatever was on screen when it closed"));
    connect(m_default, &QAction::toggled, this, [this](bool on) {
        if (!m_updating)
            setCurrentAsDefault(on);
    });
    connect(views, &SavedViews::changed, this, &ViewSwitcher::refresh);
    refresh();
}

QString ViewSwitcher::currentName() const
{
    const CampaignView now = m_capture();
    for (const CampaignView &v : m_views->views()) {
        if (v.looksLike(now))
            return v.name;
    }
    return {};
}

bool ViewSwitcher::openDefault()
{
    const QString name = m_views->defaultName();
    if (name.isEmpty())
        return false;
    show(name);
    return true;
}

void ViewSwitcher::refresh()
{
    m_updating = true;
    const QList<CampaignView> views = m_views->views();
    const QString defaultName = m_views->defaultName();
    m_chooser->clear();
    m_chooser->addItem(tr("Standard view"), kStandard);
    for (QAction *a : m_viewActions->actions())
        delete a;
    for (const CampaignView &v : views) {
        const QString label = v.name == defaultName ? tr("%1 (default)").arg(v.name) : v.name;
        m_chooser->addItem(label, v.name);
        auto *a = new QAction(QString(label).replace(QLatin1Char('&'), QStringLiteral("&&")), m_viewActions);
        a->setCheckable(true);
        a->setData(v.name);
        connect(a, &QAction::triggered, this, [this, name = v.name] { show(name); });
        m_menu->insertAction(m_viewsEnd, a);
    }
    m_updating = false;
    noteChanged();
}

void ViewSwitcher::noteChanged()
{
    m_updating = true;
    const QString name = currentName();
    const bool standard = name.isEmpty() && m_standard.looksLike(m_capture());
    m_chooser->setCurrentIndex(standard ? 0 : name.isEmpty() ? -1 : m_chooser->findData(name));
    for (QAction *a : m_viewActions->actions())
        a->setChecked(!name.isEmpty() && a->data().toString() == name);
    m_rename->setEnabled(!name.isEmpty());
    m_delete->setEnabled(!name.isEmpty());
    m_default->setEnabled(!name.isEmpty());
    m_default->setChecked(!name.isEmpty() && name == m_views->defaultName());
    m_updating = false;
}

void ViewSwitcher::saveCurrent()
{
    const std::optional<QString> name
        = MessageBox::askText(m_window, tr("Save View"),
                              tr("Name the current search, filters and columns. The view is kept for this account."),
                              currentName(), tr("Save"));
    if (!name)
        return;
    if (m_views->contains(*name) && currentName().compare(*name, Qt::CaseInsensitive) != 0
        && !MessageBox::ask(m_window, tr("Replace View"),
                            tr("A view named “%1” exists. Replace it with what the table shows now?").arg(*name),
                            tr("Replace")))
        return;
    CampaignView view = m_capture();
    view.name = *name;
    m_views->save(view);
}

void ViewSwitcher::renameCurrent()
{
    const QString from = currentName();
    if (from.isEmpty())
        return;
    const std::optional<QString> to = MessageBox::askText(
        m_window, tr("Rename View"), tr("New name for the view “%1”:").arg(from), from, tr("Rename"));
    if (!to || *to == from)
        return;
    if (m_views->contains(*to) && to->compare(from, Qt::CaseInsensitive) != 0
        && !MessageBox::ask(m_window, tr("Replace View"),
                            tr("A view named “%1” exists. Replace it with the view “%2”?").arg(*to, from),
                            tr("Replace")))
        return;
    m_views->rename(from, *to);
}

void ViewSwitcher::deleteCurrent()
{
    const QString name = currentName();
    if (name.isEmpty()
        || !MessageBox::ask(m_window, tr("Delete View"),
                            tr("Delete the view “%1”? The campaigns are not affected.").arg(name), tr("Delete")))
        return;
    m_views->remove(name);
}

void ViewSwitcher::setCurrentAsDefault(bool on)
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    m_views->setDefaultName(on ? name : QString());
}

void ViewSwitcher::showStandard()
{
    m_apply(m_standard);
    noteChanged();
}

void ViewSwitcher::show(const QString &name)
{
    if (const std::optional<CampaignView> view = m_views->view(name))
        m_apply(*view);
    noteChanged();
}
