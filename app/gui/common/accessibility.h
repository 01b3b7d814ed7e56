#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QLineEdit>

namespace Accessibility {

// A line edit's built-in clear button has no name of its own: give it one, so a screen reader
// does not announce an anonymous button.
inline void nameClearButton(QLineEdit *edit, const QString &name)
{
    for (QAbstractButton *b : edit->findChildren<QAbstractButton *>()) {
        if (b->accessibleName().isEmpty())
            b->setAccessibleName(name);
    }
}

// The table's corner button selects all rows; Qt leaves it unnamed.
inline void nameCornerButton(QAbstractItemView *table, const QString &name)
{
    for (QAbstractButton *b : table->findChildren<QAbstractButton *>(Qt::FindDirectChildrenOnly)) {
        if (b->text().isEmpty() && b->accessibleName().isEmpty())
            b->setAccessibleName(name);
    }
}

} // namespace Accessibility
