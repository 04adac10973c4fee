#pragma once

#include "core/base/Error.h"

#include <QString>

#include <utility>

namespace tapedeck {

// An error as shown to a person: what happened, and what to do next.
struct UserMessage {
    UserMessage() = default;
    // A constructor rather than an aggregate, so a message given without a path needs no
    // empty third field.
    UserMessage(QString what, QString next = {}, QString file = {})
        : message(std::move(what)), nextStep(std::move(next)), path(std::move(file)) {}

    QString message;
    QString nextStep;
    // The file the message is about, shown once on a line of its own (shortened in the
    // middle when long); empty: none.
    QString path;
};

// Pairs the engine's plain-language message with advice for its error code. Any thread.
UserMessage describeError(const Error& error);
// For a failure known only by its code (an error event whose details were not kept).
UserMessage describeError(ErrorCode code);

} // namespace tapedeck
