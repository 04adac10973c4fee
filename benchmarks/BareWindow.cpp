// The yardstick of the launch benchmark: the least a Qt Widgets program does to show a
// window, one button in it. It reports its first frame as tapedeck-window does.
#include "ui/startup/FirstFrameReport.h"

#include <QApplication>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    tapedeck::FirstFrameReport::installIfAsked();
    QWidget window;
    window.setWindowTitle(QStringLiteral("Bare"));
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(new QPushButton(QStringLiteral("Record"), &window));
    window.resize(1100, 640); // the size tapedeck-window opens at: the same pixels to fill
    window.show();
    return app.exec();
}
