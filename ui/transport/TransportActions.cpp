#include "ui/transport/TransportActions.h"

#include "ui/transport/TransportIcon.h"

#include <QAction>

namespace tapedeck {

namespace {

std::size_t indexOf(TransportAction which) {
    return static_cast<std::size_t>(which);
}

} // namespace

TransportActions::TransportActions(QObject* parent) : QObject(parent) {
    using A = TransportAction;
    using S = TransportIconShape;
    make(A::Record, transportIcon(S::Record), tr("&Record"), tr("Start recording a new take"));
    make(A::Play, transportIcon(S::Play), tr("&Play"), tr("Play from the current position"));
    make(A::Pause, transportIcon(S::Pause), tr("P&ause"),
         tr("Pause playback, or pause the take (P again resumes it into the same file)"));
    make(A::Stop, transportIcon(S::Stop), tr("&Stop"), tr("Stop playback or finish the recording"));
    make(A::GoToStart, transportIcon(S::GoToStart), tr("&Go to Start"),
         tr("Move to the start of the file"));
    make(A::GoToEnd, transportIcon(S::GoToEnd), tr("Go to &End"),
         tr("Move to the end of the file"));
    make(A::Loop, transportIcon(S::Loop), tr("&Loop"),
         tr("Start again from the beginning when playback reaches the end"));

    action(A::GoToStart)->setShortcut(QKeySequence(Qt::Key_Home));
    action(A::GoToEnd)->setShortcut(QKeySequence(Qt::Key_End));
    action(A::Loop)->setShortcut(QKeySequence(Qt::Key_L));
    action(A::Loop)->setCheckable(true);
    setState(TransportState::NoFile);
}

QAction* TransportActions::make(TransportAction which, const QIcon& icon, const QString& text,
                                const QString& tip) {
    auto* created = new QAction(icon, text, this);
    created->setToolTip(tip);
    created->setStatusTip(tip);
    // Shortcuts work anywhere in the window, whatever has focus.
    created->setShortcutContext(Qt::WindowShortcut);
    actions_[indexOf(which)] = created;
    return created;
}

QAction* TransportActions::action(TransportAction which) const {
    return actions_[indexOf(which)];
}

bool TransportActions::loopEnabled() const {
    return action(TransportAction::Loop)->isChecked();
}

void TransportActions::setLoopEnabled(bool enabled) {
    action(TransportAction::Loop)->setChecked(enabled);
}

void TransportActions::setState(TransportState state) {
    state_ = state;
    for (TransportAction which : kTransportActions)
        action(which)->setEnabled(isTransportActionEnabled(which, state));
    updateShortcuts();
}

void TransportActions::updateShortcuts() {
    using A = TransportAction;
    // Only one enabled action may own a key at a time, or Qt reports it as ambiguous.
    for (A which : {A::Record, A::Play, A::Pause, A::Stop})
        action(which)->setShortcuts({});
    const A space = spaceKeyAction(state_);
    const A record = recordKeyAction(state_);
    if (space == record) {
        action(space)->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_R)});
    } else {
        action(space)->setShortcut(QKeySequence(Qt::Key_Space));
        action(record)->setShortcut(QKeySequence(Qt::Key_R));
    }
    // P always pauses (and resumes a paused take); never taken by Space or R.
    QList<QKeySequence> pauseKeys = action(A::Pause)->shortcuts();
    pauseKeys.append(QKeySequence(Qt::Key_P));
    action(A::Pause)->setShortcuts(pauseKeys);
}

} // namespace tapedeck
