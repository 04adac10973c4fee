#pragma once

#include "UserMessage.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace tapedeck {

// A non-modal strip across the top of the window: what went wrong (or is about to) and what
// to do next, with a close button. Showing a new message replaces the old one. Errors are
// tinted red, warnings amber. GUI thread only.
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(const UserMessage& text);
    void showWarning(const UserMessage& text);
    bool isWarning() const { return warning_; }
    QString message() const;
    QString nextStep() const;

signals:
    void dismissed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
    void present(const UserMessage& text, bool warning);

    QLabel* icon_;
    QLabel* message_;
    QLabel* nextStep_;
    QToolButton* close_;
    bool warning_ = false;
};

} // namespace tapedeck
