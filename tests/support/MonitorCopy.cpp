#include "MonitorCopy.h"

#include <QProcess>

namespace tapedeck::testing {

namespace {
constexpr int kTimeoutMs = 5000;

QString pactl(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    process.waitForFinished(kTimeoutMs);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
} // namespace

MonitorCopy::MonitorCopy(QString sourceName)
    : sourceName_(std::move(sourceName)),
      module_(pactl({QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
                     QStringLiteral("master=testsink.monitor"),
                     QStringLiteral("source_name=") + sourceName_, QStringLiteral("channels=2")})) {
}

MonitorCopy::~MonitorCopy() {
    if (loaded()) {
        pactl({QStringLiteral("unload-module"), module_});
    }
}

} // namespace tapedeck::testing
