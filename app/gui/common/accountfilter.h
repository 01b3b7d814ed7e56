#pragma once

#include "accountref.h"

#include <QList>

class QComboBox;

// The account filters of History and Activity: an "All accounts" first item, then one per
// account, each named as the user wrote it (plain text, bidirectional controls made visible).
namespace AccountFilter {
// Lists these accounts after the first item. Rebuilding is not the user choosing: the account
// chosen stays chosen while it is listed, and no signal goes out. Returns whether the choice
// changed (it was an account no longer listed), so the caller filters again.
bool refill(QComboBox *combo, const QList<AccountRef> &accounts);
} // namespace AccountFilter
