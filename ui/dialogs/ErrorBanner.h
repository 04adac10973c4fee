#pragma once

#include "ui/dialogs/UserMessage.h"

#include "ui/dialogs/TintedBanner.h"

class QLabel;

namespace tapedeck {

// A non-modal strip across the top of the window: what went wrong (or is about to) and what
// to do next, with a close button. Showing a new message replaces the old one. Errors are
// tinted red, warnings amber. GUI thread only.
class ErrorBanner : public TintedBanner {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(const UserMessage& text);
    void showWarning(const UserMessage& text);
    bool isWarning() const { return warning_; }
    QString message() const;
    QString nextStep() const;
    // The file's path as shown (shortened in the middle to fit) and whole (its tooltip).
    QString shownPath() const;
    QString path() const { return path_; }

protected:
    QColor tint() const override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    double tintAmount() const override;

private:
    void present(const UserMessage& text, bool warning);

    QLabel* icon_;
    QLabel* message_;
    QLabel* nextStep_;
    QLabel* pathLabel_;
    QString path_;
    bool warning_ = false;
    void elidePath();
};

} // namespace tapedeck
