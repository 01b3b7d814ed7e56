#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

// Every question and error box of the app goes through here (KeePassXC's MessageBox is the
// model). Boxes show plain text only: server words are data, never links or pictures. Tests
// answer the next box with setNextAnswer(): it is then not shown, only recorded.
class MessageBox
{
    Q_DECLARE_TR_FUNCTIONS(MessageBox)
public:
    enum class Answer { Ok, Accept, Cancel };

    struct Record {
        QPointer<QWidget> parent;
        QString title;
        QString text;
        QString details;
        Answer answer = Answer::Ok;
    };

    // A warning with OK. Opened window-modal without blocking: the caller's slot returns at once.
    static void warning(QWidget *parent, const QString &title, const QString &text, const QString &details = {});
    // A warning with OK that blocks until read: for what ends the program, which must not vanish
    // with it.
    static void warningBeforeExit(QWidget *parent, const QString &title, const QString &text);
    // A question with one accepting button (acceptText) and Cancel, the default. Blocks until
    // answered; true when accepted.
    static bool ask(QWidget *parent, const QString &title, const QString &text, const QString &acceptText);

    // Asks for one line of text (a saved view's name, say), offering initial. nullopt when
    // cancelled; the text as typed, trimmed, otherwise (never empty: OK waits for some text).
    static std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                          const QString &initial, const QString &acceptText);

    // Tests: the next box is answered with answer without being shown.
    static void setNextAnswer(Answer answer);
    // Tests: what the next askText() "types" when it is answered with Accept or Ok.
    static void setNextText(const QString &text);
    // Tests: the boxes answered through setNextAnswer, oldest first.
    static QList<Record> answered();
    static void clearAnswered();

private:
    static std::optional<Record> takeNextAnswer(QWidget *parent, const QString &title, const QString &text,
                                                const QString &details);
};
