#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace tapedeck {

// Edit › Undo for a rename in the takes list: undo gives the take (and its sidecars) its
// old name back, redo the new one again. The rename itself is done before the command is
// pushed, so the first redo does nothing. When the files were moved or taken meanwhile the
// command becomes obsolete (nothing left to undo). GUI thread only.
class RenameTakeCommand : public QUndoCommand {
public:
    // Told after each move, with where the take was and where it is now.
    using Moved = std::function<void(const QString& from, const QString& to)>;

    RenameTakeCommand(QString from, QString to, Moved moved);

    void undo() override;
    void redo() override;

private:
    bool move(const QString& from, const QString& to);

    QString from_;
    QString to_;
    Moved moved_;
    bool done_ = false;
};

} // namespace tapedeck
