#pragma once

#include "UserMessage.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace tapedeck {

// A non-modal strip across the top of the window: what went wrong and what to do next,
// with a close button. Showing a new message replaces the old one. GUI thread only.
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(const UserMessage& text);
    QString message() const;
    QString nextStep() const;

signals:
    void dismissed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* icon_;
    QLabel* message_;
    QLabel* nextStep_;
    QToolButton* close_;
};

} // namespace tapedeck
