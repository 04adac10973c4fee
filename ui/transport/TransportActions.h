#pragma once

#include "ui/session/TransportState.h"

#include <QObject>

#include <array>

class QAction;

namespace tapedeck {

// Owns the transport QActions (Record, Play, Pause, Stop, Go to start, Go to end, Loop),
// with icons drawn in the palette's colours (TransportIcon), tooltips, accessible names and
// shortcuts. setState() enables only what makes sense and moves the Space and R shortcuts to the
// action they mean in that state (Space: play/pause, or stop a recording; R: record, or
// stop a recording). The same QAction objects go into the toolbar and the menu.
// GUI thread only.
class TransportActions : public QObject {
    Q_OBJECT
public:
    explicit TransportActions(QObject* parent = nullptr);

    QAction* action(TransportAction which) const;
    void setState(TransportState state);
    TransportState state() const { return state_; }
    bool loopEnabled() const;
    void setLoopEnabled(bool enabled);

private:
    QAction* make(TransportAction which, const QIcon& icon, const QString& text,
                  const QString& tip);
    void updateShortcuts();

    std::array<QAction*, kTransportActions.size()> actions_{};
    TransportState state_ = TransportState::NoFile;
};

} // namespace tapedeck
