#include "facetpane.h"

#include "accessibility.h"
#include "campaignfacetmodel.h"
#include "ui_facetpane.h"

#include <QSortFilterProxyModel>

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
