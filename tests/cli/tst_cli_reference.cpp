// campaign-manager-cli's man page and shell completions, as the build makes them and as a
// package installs them: every command and option of each command's --help is in all three,
// groff reads the man page without a warning, bash really completes from the script, zsh
// parses its own; and the program speaks Russian when asked, while the build's output stays
// English.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProcess(const QString &program, const QStringList &arguments, const QString &language = u"C.UTF-8"_s,
               const QString &home = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, language);
    env.insert(u"LC_ALL"_s, language);
    env.remove(u"LANGUAGE"_s);
    if (!home.isEmpty()) {
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    }
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run r;
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000))
        return r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

Run cli(const QStringList &arguments, const QString &language = u"C.UTF-8"_s, const QString &home = {})
{
    return runProcess(QStringLiteral(CAMPAIGN_MANAGER_CLI_PATH), arguments, language, home);
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QStringList kCommands
    = {u"list"_s, u"status"_s, u"deactivate"_s, u"activate"_s, u"complete"_s, u"history"_s, u"accounts"_s};

} // namespace

class TestCliReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCommandAndOptionIsInAllThree();
    void buildOutputIsWhatTheProgramGenerates();
    void groffReadsTheManPageWithoutWarnings();
    void bashCompletesCommandsOptionsAndValues_data();
    void bashCompletesCommandsOptionsAndValues();
    void zshParsesItsCompletion();
    void generateRefusesAnUnknownKind();
    void russianHelpAndMessagesButEnglishReference();

private:
    QTemporaryDir m_dir;
    QString m_man, m_bash, m_zsh;
};

void TestCliReference::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_man = m_dir.filePath(u"campaign-manager-cli.1"_s);
    m_bash = m_dir.filePath(u"campaign-manager-cli.bash"_s);
    m_zsh = m_dir.filePath(u"_campaign-manager-cli"_s);
    for (const auto &[kind, path] : {std::pair{u"man"_s, m_man}, {u"bash"_s, m_bash}, {u"zsh"_s, m_zsh}}) {
        const Run r = cli({u"--generate"_s, kind, path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(QFile(path).size() > 500, qPrintable(path));
    }
}

void TestCliReference::everyCommandAndOptionIsInAllThree()
{
    const QString man = readAll(m_man);
    const QString bash = readAll(m_bash);
    const QString zsh = readAll(m_zsh);
    static const QRegularExpression option(u"^\\s+(?:-\\w, )?--([a-z-]+)"_s, QRegularExpression::MultilineOption);
    int options = 0;
    for (const QString &command : kCommands) {
        const Run help = cli({command, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(man.contains(u".SS \""_s + command + u' '), qPrintable(command));
        QVERIFY2(bash.contains(u"    "_s + command + u") COMPREPLY"_s), qPrintable(command));
        QVERIFY2(zsh.contains(u"    "_s + command + u")\n"_s) && zsh.contains(u"'"_s + command + u':'),
                 qPrintable(command));
        for (const QRegularExpressionMatch &m : option.globalMatch(help.out)) {
            const QString name = m.captured(1);
            ++options;
            QString inMan = name;
            inMan.replace(u'-', u"\\-"_s);
            QVERIFY2(man.contains(u".B \\-\\-"_s + inMan), qPrintable(command + u" --"_s + name));
            QVERIFY2(bash.contains(u"--"_s + name), qPrintable(command + u" --"_s + name));
            QVERIFY2(zsh.contains(u"'--"_s + name + u'[') || zsh.contains(u"'--"_s + name + u"=["_s),
                     qPrintable(command + u" --"_s + name));
        }
    }
    QVERIFY2(options > 40, "too few options were found in the help for the test to mean anything");
    // The sections a man page reader looks for.
    for (const char *section : {".SH NAME", ".SH SYNOPSIS", ".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH EXAMPLES"})
        QVERIFY2(man.contains(QLatin1String(section)), section);
}

void TestCliReference::buildOutputIsWhatTheProgramGenerates()
{
    // The files the build made (and `cmake --install` installs) are the program's current output.
    QCOMPARE(readAll(QStringLiteral(CM_CLI_MAN_PAGE)), readAll(m_man));
    QCOMPARE(readAll(QStringLiteral(CM_CLI_BASH_COMPLETION)), readAll(m_bash));
    QCOMPARE(readAll(QStringLiteral(CM_CLI_ZSH_COMPLETION)), readAll(m_zsh));
}

void TestCliReference::groffReadsTheManPageWithoutWarnings()
{
    const Run r = runProcess(u"groff"_s, {u"-t"_s, u"-man"_s, u"-Tascii"_s, u"-ww"_s, m_man});
    QVERIFY2(r.exitCode == 0, "groff is missing or failed: scripts/setup installs groff-base");
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QString page = r.out;
    page.remove(QRegularExpression(u".\b"_s)); // bold and underline are overstruck
    QVERIFY2(page.contains(u"campaign-manager-cli - list Altcraft campaigns"_s) && page.contains(u"EXIT STATUS"_s)
                 && page.contains(u"--confirm-count N"_s),
             qPrintable(page));
}

void TestCliReference::bashCompletesCommandsOptionsAndValues_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("expected");
    QTest::newRow("command") << u"campaign-manager-cli deac"_s << u"deactivate"_s;
    QTest::newRow("commands starting with a") << u"campaign-manager-cli a"_s << u"activate accounts"_s;
    QTest::newRow("complete's own option") << u"campaign-manager-cli complete --conf"_s << u"--confirm-count"_s;
    QTest::newRow("not another command's") << u"campaign-manager-cli deactivate --conf"_s << QString();
    QTest::newRow("status values") << u"campaign-manager-cli list --status ac"_s << u"active"_s;
    QTest::newRow("action values") << u"campaign-manager-cli history --action c"_s << u"complete"_s;
    QTest::newRow("free text value") << u"campaign-manager-cli deactivate --reason -"_s << QString();
}

void TestCliReference::bashCompletesCommandsOptionsAndValues()
{
    QFETCH(QString, words);
    QFETCH(QString, expected);
    const QString script = u"source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                           u"_campaign_manager_cli; echo \"${COMPREPLY[*]}\""_s;
    const Run r = runProcess(u"bash"_s, {u"--norc"_s, u"-c"_s, script, u"bash"_s, m_bash, words});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), expected);
}

void TestCliReference::zshParsesItsCompletion()
{
    const Run r = runProcess(u"zsh"_s, {u"-n"_s, m_zsh});
    QVERIFY2(r.exitCode == 0,
             qPrintable(u"zsh is missing (scripts/setup installs it) or rejects the script: "_s + r.err));
    QVERIFY(readAll(m_zsh).startsWith(u"#compdef campaign-manager-cli\n"_s));
}

void TestCliReference::generateRefusesAnUnknownKind()
{
    const Run r = cli({u"--generate"_s, u"fish"_s, m_dir.filePath(u"fish"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"man, bash, zsh"_s), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"fish"_s)));
}

void TestCliReference::russianHelpAndMessagesButEnglishReference()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const Run help = cli({u"deactivate"_s, u"--help"_s}, u"ru_RU.UTF-8"_s, home.path());
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"Показать, что было бы отправлено, и ничего не отправлять."_s), qPrintable(help.out));
    const Run usage = cli({u"explode"_s}, u"ru_RU.UTF-8"_s, home.path());
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.contains(u"Неизвестная команда «explode»."_s), qPrintable(usage.err));
    // The build's reference stays English whatever the builder's language.
    const QString man = m_dir.filePath(u"ru.1"_s);
    QCOMPARE(cli({u"--generate"_s, u"man"_s, man}, u"ru_RU.UTF-8"_s, home.path()).exitCode, 0);
    QCOMPARE(readAll(man), readAll(m_man));
}

QTEST_GUILESS_MAIN(TestCliReference)
#include "tst_cli_reference.moc"
