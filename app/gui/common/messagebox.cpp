#include "messagebox.h"

#include <QMessageBox>
#include <QPushButton>

namespace {
std::optional<MessageBox::Answer> s_nextAnswer;
QList<MessageBox::Record> s_answered;
} // namespace

std::optional<MessageBox::Record> MessageBox::takeNextAnswer(QWidget *parent, const QString &title, const QString &text,
                                                             const QString &details)
{
    if (!s_nextAnswer)
        return std::nullopt;
    Record r{parent, title, text, details, *std::exchange(s_nextAnswer, std::nullopt)};
    s_answered.append(r);
    return r;
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    if (takeNextAnswer(parent, title, text, details))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MessageBox::ask(QWidget *parent, const QString &title, const QString &text, const QString &acceptText)
{
    if (const auto answered = takeNextAnswer(parent, title, text, {}))
        return answered->answer == Answer::Accept || answered->answer == Answer::Ok;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == accept;
}

void MessageBox::setNextAnswer(Answer answer)
{
    s_nextAnswer = answer;
}

QList<MessageBox::Record> MessageBox::answered()
{
    return s_answered;
}

void MessageBox::clearAnswered()
{
    s_answered.clear();
    s_nextAnswer.reset();
}
