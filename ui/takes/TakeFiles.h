#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tapedeck {

// A take and the files that travel with it: "NAME.wav.dropouts", "NAME.wav.tapedeck-journal",
// a markers file, anything named after the take plus a further suffix. GUI thread (renames
// within one folder; no copying).
class TakeFiles {
public:
    // The sidecars of `take` that exist now.
    static QStringList sidecarsOf(const QString& take);
    // What a name typed for `take` becomes. The take keeps its real extension: a name typed
    // without one ("interview"), with an unknown one ("Mr. Smith") or with the extension of
    // another format ("interview.flac" for a WAV: renaming converts nothing) gets the take's
    // own ("interview.wav"); an extension of the same format ("Take.AIF" for "Take.aiff")
    // is kept as typed. Refused, with the reason in words for people: an empty name, one
    // with "/", "." or "..", and one a file in the folder already has.
    struct RenamePlan {
        QString name;    // the new file name; empty when refused
        QString refusal; // why not
        QString note;    // what was changed in the typed name ("the extension stays .wav")
    };
    static RenamePlan planRename(const QString& take, const QString& typed);
    // Whether two file extensions name the same format ("aif" and "aiff", "ogg" and "oga").
    static bool sameFormat(const QString& extension, const QString& other);

    // Renames the take to `newName` (a file name in the same folder) and its sidecars with
    // it. Never over an existing file. Says why not, in words for people, when it cannot.
    static std::optional<QString> rename(const QString& take, const QString& newName);

    // A take and its sidecars as moved to the trash, to be brought back.
    struct Trashed {
        QString original;
        QString inTrash;
        std::vector<std::pair<QString, QString>> sidecars; // original, in the trash
    };
    // Moves the take and its sidecars to the desktop's trash; nothing when the take cannot be.
    static std::optional<Trashed> moveToTrash(const QString& take);
    // Puts them back; false when the take cannot be.
    static bool restore(const Trashed& trashed);
};

} // namespace tapedeck
