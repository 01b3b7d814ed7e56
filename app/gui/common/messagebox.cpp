#include "messagebox.h"

#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace {
std::optional<MessageBox::Answer> s_nextAnswer;
QString s_nextText;
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

void MessageBox::warningBeforeExit(QWidget *parent, const QString &title, const QString &text)
{
    if (takeNextAnswer(parent, title, text, {}))
        return;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
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

std::optional<QString> MessageBox::askText(QWidget *parent, const QString &title, const QString &label,
                                           const QString &initial, const QString &acceptText)
{
    if (const auto answered = takeNextAnswer(parent, title, label, initial)) {
        const QString typed = std::exchange(s_nextText, QString()).trimmed();
        if (answered->answer == Answer::Cancel || typed.isEmpty())
            return std::nullopt;
        return typed;
    }
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setTextValue(initial);
    dialog.setOkButtonText(acceptText);
    dialog.setInputMode(QInputDialog::TextInput);
    for (QLabel *l : dialog.findChildren<QLabel *>())
        l->setTextFormat(Qt::PlainText); // the label may quote a name someone typed
    // OK only with some text: an empty name is not a name.
    if (auto *edit = dialog.findChild<QLineEdit *>()) {
        edit->setMaxLength(100);
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        auto update = [edit, buttons] {
            if (buttons && buttons->button(QDialogButtonBox::Ok))
                buttons->button(QDialogButtonBox::Ok)->setEnabled(!edit->text().trimmed().isEmpty());
        };
        QObject::connect(edit, &QLineEdit::textChanged, &dialog, update);
        update();
    }
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty())
        return std::nullopt;
    return dialog.textValue().trimmed();
}

void MessageBox::setNextText(const QString &text)
{
    s_nextText = text;
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
    s_nextText.clear();
}
