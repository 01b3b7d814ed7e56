#include "accountlabel.h"

#include "account.h"

#include <QLabel>

void AccountLabel::apply(QLabel *label, const QString &name, const QString &environment, const QString &colour)
{
    label->setTextFormat(Qt::PlainText);
    label->setVisible(!name.isEmpty());
    // "In account: Demo (Demo)" would say it twice.
    const bool sameWords = name.compare(environment, Qt::CaseInsensitive) == 0;
    label->setText(sameWords ? tr("In account: %1").arg(name) : tr("In account: %1 (%2)").arg(name, environment));
    if (Account::isColour(colour)) {
        // A full border: Qt draws no left border alone on a label.
        label->setStyleSheet(QStringLiteral("QLabel { border: 1px solid %1; border-left: 6px solid %1; "
                                            "border-radius: 3px; padding: 4px 8px; font-weight: bold; }")
                                 .arg(colour));
    }
}
