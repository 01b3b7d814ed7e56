// campaign-manager-cli: the command line of Campaign Manager. Everything lives in app/cli/.
#include "cliapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    CliApp::identify();
    QCoreApplication app(argc, argv);
    return CliApp::run(QCoreApplication::arguments());
}
