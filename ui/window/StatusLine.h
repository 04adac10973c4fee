#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QStatusBar;

namespace tapedeck {

// The status bar's passing messages. A message longer than the room left of the permanent
// status panel is shortened with "…" (the whole text is the status bar's tooltip), so it
// never runs into the time. An error's message goes away when the error is cleared (another
// file opened), instead of lingering beside a file it is not about. GUI thread only.
class StatusLine : public QObject {
    Q_OBJECT
public:
    // `permanent`: the widget at the bar's right the text must stay clear of.
    StatusLine(QStatusBar* bar, QWidget* permanent, QObject* parent = nullptr);

    // Shows `text` for `timeoutMs` (0: until replaced).
    void show(const QString& text, int timeoutMs = 0);
    // The same, remembered as an error so that clearError() can take it away.
    void showError(const QString& text, int timeoutMs);
    // Removes the message if it is still the last error's.
    void clearError();

    // The whole message (the bar may show it shortened).
    QString fullText() const;
    // Pixels the message may use, left of the permanent widget.
    int availableWidth() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void present();

    QStatusBar* bar_;
    QWidget* permanent_;
    QString text_;
    bool isError_ = false;
    int timeoutMs_ = 0;
    QElapsedTimer shownFor_;
};

} // namespace tapedeck
