#pragma once

#include <QString>

namespace tapedeck::testing {

// A second source that hears exactly what the test sink plays: a copy of its monitor made in
// the server's graph (pulse's module-remap-source), for two-input takes whose inputs should
// line up. Loaded while this lives. Test thread only; inside the test server.
class MonitorCopy {
public:
    explicit MonitorCopy(QString sourceName);
    ~MonitorCopy();
    MonitorCopy(const MonitorCopy&) = delete;
    MonitorCopy& operator=(const MonitorCopy&) = delete;

    bool loaded() const { return !module_.isEmpty(); }
    const QString& sourceName() const { return sourceName_; }

private:
    QString sourceName_;
    QString module_; // pactl's module index; empty if loading failed
};

} // namespace tapedeck::testing
