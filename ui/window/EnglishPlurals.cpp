#include "ui/window/EnglishPlurals.h"

#include <QCoreApplication>

#include <cstring>

namespace tapedeck {

QString EnglishPlurals::translate(const char* /*context*/, const char* sourceText,
                                  const char* /*disambiguation*/, int n) const {
    if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
        return {}; // not a plural: the source text stands
    QString text = QString::fromUtf8(sourceText);
    text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return text; // Qt puts the count in for %n
}

void EnglishPlurals::install() {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || app->findChild<EnglishPlurals*>(QString(), Qt::FindDirectChildrenOnly))
        return;
    QCoreApplication::installTranslator(new EnglishPlurals(app));
}

} // namespace tapedeck
