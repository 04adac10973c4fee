#include "ui/accessibility/AccessibleInterfaces.h"

#include "ui/accessibility/LevelMeterAccessible.h"
#include "ui/accessibility/WaveformAccessible.h"
#include "ui/meters/LevelMeter.h"
#include "ui/waveform/WaveformView.h"

#include <QAccessible>

namespace tapedeck {

namespace {

// Qt asks each installed factory in turn, by the object's class name; nullptr passes the
// object on to the next factory (and at last to Qt's own interfaces for its widgets).
QAccessibleInterface* makeInterface(const QString& className, QObject* object) {
    if (className == QLatin1String(LevelMeter::staticMetaObject.className()))
        return new LevelMeterAccessible(static_cast<LevelMeter*>(object));
    if (className == QLatin1String(WaveformView::staticMetaObject.className()))
        return new WaveformAccessible(static_cast<WaveformView*>(object));
    return nullptr;
}

} // namespace

void AccessibleInterfaces::install() {
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory(&makeInterface);
}

} // namespace tapedeck
