#pragma once

#include "ui/dialogs/TintedBanner.h"

#include <QStringList>

class QLabel;
class QPushButton;

namespace tapedeck {

// A non-modal strip that offers, in one step, to recover the takes a crash left unfinished:
// "Tapedeck found 1 recording that was not finished (Take ….wav). [Recover]". GUI thread.
class RecoveryBanner : public TintedBanner {
    Q_OBJECT
public:
    explicit RecoveryBanner(QWidget* parent = nullptr);

    // Shows the offer for these take files.
    void offer(const QStringList& takePaths);
    // While the repair runs: the button is disabled and says so.
    void setWorking(bool working);

    QString message() const;
    QPushButton* recoverButton() const { return recover_; }

signals:
    void recoverRequested();

protected:
    QColor tint() const override;
    double tintAmount() const override;

private:
    QLabel* icon_;
    QLabel* message_;
    QPushButton* recover_;
};

} // namespace tapedeck
