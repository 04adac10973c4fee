#pragma once

#include <QTranslator>

namespace tapedeck {

// English plurals for the texts written "%n second(s)" (tr() with a count). With no
// translation loaded Qt shows such a text as written: "2 second(s)". This translator answers
// only those texts, in English: "(s)" becomes nothing for one and "s" for any other count
// ("1 second", "2 seconds"). Installed before any real translation, so one installed later
// is asked first and wins. GUI thread.
class EnglishPlurals : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;

    QString translate(const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    // Installs one on the application, once (later calls do nothing).
    static void install();
};

} // namespace tapedeck
