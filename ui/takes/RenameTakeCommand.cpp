#include "ui/takes/RenameTakeCommand.h"

#include "ui/takes/TakeFiles.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tapedeck {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(tapedeck::RenameTakeCommand)
};

} // namespace

RenameTakeCommand::RenameTakeCommand(QString from, QString to, Moved moved)
    : QUndoCommand(
          Text::tr("Rename %1 to %2").arg(QFileInfo(from).fileName(), QFileInfo(to).fileName())),
      from_(std::move(from)), to_(std::move(to)), moved_(std::move(moved)) {}

void RenameTakeCommand::undo() {
    if (!move(to_, from_))
        setObsolete(true);
}

void RenameTakeCommand::redo() {
    if (!done_) {
        done_ = true; // the first redo is the rename itself, already done
        return;
    }
    if (!move(from_, to_))
        setObsolete(true);
}

bool RenameTakeCommand::move(const QString& from, const QString& to) {
    if (!QFileInfo::exists(from) || TakeFiles::rename(from, QFileInfo(to).fileName()))
        return false;
    if (moved_)
        moved_(from, to);
    return true;
}

} // namespace tapedeck
