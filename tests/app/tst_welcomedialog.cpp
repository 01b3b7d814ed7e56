// The first-run WelcomeDialog, offscreen: each button gives its choice, and closing the dialog
// any other way gives none (main() then exits). Shown modally with exec(), as main() does, and
// answered from a timer that finds QApplication::activeModalWidget().

#include "apptestsupport.h"
#include "welcomedialog.h"

#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QTest>

Q_DECLARE_METATYPE(WelcomeDialog::Choice)

namespace QTest {
template<>
inline char *toString(const WelcomeDialog::Choice &choice)
{
    switch (choice) {
    case WelcomeDialog::Choice::None:
        return qstrdup("None");
    case WelcomeDialog::Choice::Connect:
        return qstrdup("Connect");
    case WelcomeDialog::Choice::Demo:
        return qstrdup("Demo");
    }
    return qstrdup("?");
}
} // namespace QTest

class TestWelcomeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithNoChoice();
    void clickingAButtonGivesItsChoice_data();
    void clickingAButtonGivesItsChoice();
    void keyboardActivationGivesTheFocusedButtonsChoice_data();
    void keyboardActivationGivesTheFocusedButtonsChoice();
    void escapeGivesNoChoice();
    void withoutTheEmulatorTheDemoButtonIsOffAndSaysWhy();
};

void TestWelcomeDialog::startsWithNoChoice()
{
    WelcomeDialog dialog;
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("connectButton")));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("demoButton")));
}

void TestWelcomeDialog::clickingAButtonGivesItsChoice_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<WelcomeDialog::Choice>("expected");
    QTest::newRow("Connect") << QStringLiteral("connectButton") << WelcomeDialog::Choice::Connect;
    QTest::newRow("Demo") << QStringLiteral("demoButton") << WelcomeDialog::Choice::Demo;
}

void TestWelcomeDialog::clickingAButtonGivesItsChoice()
{
    QFETCH(QString, button);
    QFETCH(WelcomeDialog::Choice, expected);

    WelcomeDialog dialog;
    bool found = false;
    const auto ran = AppTest::whenModal<WelcomeDialog>([&](WelcomeDialog *modal) {
        if (auto *b = modal->findChild<QPushButton *>(button)) {
            found = true;
            QTest::mouseClick(b, Qt::LeftButton);
        } else {
            modal->reject();
        }
    });
    QTimer::singleShot(60000, &dialog, &QDialog::reject); // never hang on a missed click
    const int result = dialog.exec();
    QVERIFY2(*ran, "the modal welcome dialog was never found");
    QVERIFY2(found, qPrintable(button + QStringLiteral(" is missing")));
    QCOMPARE(result, int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), expected);
}

void TestWelcomeDialog::keyboardActivationGivesTheFocusedButtonsChoice_data()
{
    clickingAButtonGivesItsChoice_data();
}

void TestWelcomeDialog::keyboardActivationGivesTheFocusedButtonsChoice()
{
    QFETCH(QString, button);
    QFETCH(WelcomeDialog::Choice, expected);

    WelcomeDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *b = dialog.findChild<QPushButton *>(button);
    QVERIFY(b);
    QTest::keyClick(b, Qt::Key_Space);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), expected);
}

void TestWelcomeDialog::escapeGivesNoChoice()
{
    WelcomeDialog dialog;
    const auto ran
        = AppTest::whenModal<WelcomeDialog>([](WelcomeDialog *modal) { QTest::keyClick(modal, Qt::Key_Escape); });
    QTimer::singleShot(60000, &dialog, &QDialog::accept); // never hang; would fail the checks below
    const int result = dialog.exec();
    QVERIFY(*ran);
    QCOMPARE(result, int(QDialog::Rejected));
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
}

void TestWelcomeDialog::withoutTheEmulatorTheDemoButtonIsOffAndSaysWhy()
{
    WelcomeDialog dialog;
    dialog.show();
    auto *demo = dialog.findChild<QPushButton *>(QStringLiteral("demoButton"));
    auto *why = dialog.findChild<QLabel *>(QStringLiteral("demoUnavailableLabel"));
    QVERIFY(why);
    QVERIFY(demo->isEnabled());
    QVERIFY(!why->isVisible());

    const QString text = QStringLiteral("Install <b>campaign-manager-emulator</b>.");
    dialog.setDemoUnavailable(text);
    QVERIFY(!demo->isEnabled());
    QVERIFY(why->isVisible());
    QCOMPARE(why->text(), text);
    QCOMPARE(why->textFormat(), Qt::PlainText); // said as written, never as markup
    QCOMPARE(demo->accessibleDescription(), text);
    // The dialog grows to show the whole sentence.
    QVERIFY(dialog.height() >= dialog.layout()->totalHeightForWidth(dialog.width()));
    QVERIFY(why->geometry().bottom() < dialog.height());
    // A click on the greyed button chooses nothing.
    QTest::mouseClick(demo, Qt::LeftButton);
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
    QVERIFY(dialog.isVisible());
}

QTEST_MAIN(TestWelcomeDialog)
#include "tst_welcomedialog.moc"
