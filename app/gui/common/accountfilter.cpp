#include "accountfilter.h"

#include "servertext.h"

#include <QComboBox>
#include <QSignalBlocker>

#include <algorithm>

bool AccountFilter::refill(QComboBox *combo, const QList<AccountRef> &accounts)
{
    const QString chosen = combo->currentData().toString();
    {
        const QSignalBlocker quiet(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const AccountRef &a : accounts) {
            combo->addItem(ServerText::visible(a.name.isEmpty() ? a.id : a.name), a.id);
            combo->setItemData(combo->count() - 1, ServerText::toolTip(a.id), Qt::ToolTipRole);
        }
        combo->setCurrentIndex(chosen.isEmpty() ? 0 : std::max(0, combo->findData(chosen)));
    }
    return combo->currentData().toString() != chosen;
}
