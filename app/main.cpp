// campaign-manager: reads the command line, builds the Application, runs it. Everything else
// lives in app/application/application.cpp, which the end-to-end tests build the same way.
#include "application.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    Application::identify();
    LaunchOptions options;
    if (const auto exitCode = Application::answerWithoutDisplay(argc, argv, &options))
        return *exitCode;
    QApplication qapp(argc, argv);
    Application app(std::move(options));
    return app.run();
}
