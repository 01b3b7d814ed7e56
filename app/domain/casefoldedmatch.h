#pragma once

#include <QString>
#include <QStringView>

// Whether a text contains a search, both case-folded as QString::toCaseFolded() folds them, but
// without folding or copying the text: the search box matches every campaign name on each
// keystroke, and a folded copy of 100,000 names held 10 MB.
class CaseFoldedMatch
{
public:
    explicit CaseFoldedMatch(const QString &search = QString());

    const QString &folded() const { return m_folded; }
    bool isEmpty() const { return m_folded.isEmpty(); }
    bool in(QStringView text) const;

private:
    QString m_folded;
};
