#include "TransportActions.h"

#include <QAction>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace tapedeck {

namespace {

constexpr std::array kRecordIconSizes = {16, 22, 24, 32, 48, 64};
const QColor kRecordRed(204, 32, 32);

// The record icon from the theme, or a red dot drawn at every common size.
QIcon recordIcon() {
    QIcon drawn;
    for (int size : kRecordIconSizes) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kRecordRed);
        const qreal margin = size * 0.2;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        drawn.addPixmap(pixmap);
    }
    return QIcon::fromTheme(QStringLiteral("media-record"), drawn);
}

std::size_t indexOf(TransportAction which) {
    return static_cast<std::size_t>(which);
}

} // namespace

TransportActions::TransportActions(QStyle* style, QObject* parent) : QObject(parent) {
    using A = TransportAction;
    make(A::Record, recordIcon(), tr("&Record"), tr("Start recording a new take"));
    make(A::Play,
         QIcon::fromTheme(QStringLiteral("media-playback-start"),
                          style->standardIcon(QStyle::SP_MediaPlay)),
         tr("&Play"), tr("Play from the current position"));
    make(A::Pause,
         QIcon::fromTheme(QStringLiteral("media-playback-pause"),
                          style->standardIcon(QStyle::SP_MediaPause)),
         tr("P&ause"), tr("Pause playback, keeping the position"));
    make(A::Stop,
         QIcon::fromTheme(QStringLiteral("media-playback-stop"),
                          style->standardIcon(QStyle::SP_MediaStop)),
         tr("&Stop"), tr("Stop playback or finish the recording"));
    make(A::GoToStart,
         QIcon::fromTheme(QStringLiteral("media-skip-backward"),
                          style->standardIcon(QStyle::SP_MediaSkipBackward)),
         tr("Go to &Start"), tr("Move to the start of the file"));
    make(A::GoToEnd,
         QIcon::fromTheme(QStringLiteral("media-skip-forward"),
                          style->standardIcon(QStyle::SP_MediaSkipForward)),
         tr("Go to &End"), tr("Move to the end of the file"));
    make(A::Loop,
         QIcon::fromTheme(QStringLiteral("media-playlist-repeat"),
                          style->standardIcon(QStyle::SP_BrowserReload)),
         tr("&Loop"), tr("Start again from the beginning when playback reaches the end"));

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
}

} // namespace tapedeck
