#include "facetpane.h"

#include "accessibility.h"
#include "campaignfacetmodel.h"
#include "ui_facetpane.h"

#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

namespace {
// Each entry's count at the right, in the placeholder colour: how many campaigns a tick keeps
// is seen before ticking.
class CountDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString count = QLocale().toString(index.data(CampaignFacetModel::CountRole).toInt());
        const int width = option.fontMetrics.horizontalAdvance(count) + 8;
        QStyleOptionViewItem narrowed = option;
        narrowed.rect.setRight(option.rect.right() - width);
        // The row's background across the whole width, then the label beside the count.
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
        option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
        QStyledItemDelegate::paint(painter, narrowed, index);
        painter->save();
        painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                              : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, count);
        painter->restore();
    }
};
} // namespace

FacetPane::FacetPane(CampaignFacetModel *tags, CampaignFacetModel *groups, QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::FacetPane>()), m_tags(new QSortFilterProxyModel(this)),
      m_groups(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    // The find box narrows both lists; ticked entries are in the models, so a hidden tick stays.
    for (auto [proxy, model, view] :
         {std::tuple{m_tags, tags, ui->tagList}, std::tuple{m_groups, groups, ui->groupList}}) {
        proxy->setSourceModel(model);
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        view->setModel(proxy);
        view->setItemDelegate(new CountDelegate(view));
        connect(ui->findEdit, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    }
    Accessibility::nameClearButton(ui->findEdit, tr("Clear"));
    connect(ui->clearButton, &QPushButton::clicked, this, &FacetPane::clearRequested);
    auto updateClear = [this, tags, groups] {
        ui->clearButton->setEnabled(!tags->checkedKeys().isEmpty() || !groups->checkedKeys().isEmpty());
    };
    connect(tags, &CampaignFacetModel::checkedChanged, this, updateClear);
    connect(groups, &CampaignFacetModel::checkedChanged, this, updateClear);
    updateClear();
    setNote({});
}

FacetPane::~FacetPane() = default;

void FacetPane::setNote(const QString &note)
{
    ui->serverNote->setText(note);
    ui->serverNote->setVisible(!note.isEmpty());
}
