#include "ui/schedule/ScheduleDialog.h"

#include "core/recording/TakeSchedule.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <ctime>

namespace tapedeck {

namespace {
constexpr auto kDefaultLead = std::chrono::minutes(5);

// Five minutes from now, on the minute: "14:35", or with the date when that is tomorrow.
QString defaultStart(ScheduleDialog::Clock::time_point now) {
    using namespace std::chrono;
    const auto at = ceil<minutes>(now + kDefaultLead);
    const std::time_t nowSeconds = ScheduleDialog::Clock::to_time_t(now);
    const std::time_t atSeconds = ScheduleDialog::Clock::to_time_t(at);
    std::tm today{};
    std::tm then{};
    localtime_r(&nowSeconds, &today);
    localtime_r(&atSeconds, &then);
    char text[32];
    const bool sameDay = today.tm_yday == then.tm_yday && today.tm_year == then.tm_year;
    std::strftime(text, sizeof text, sameDay ? "%H:%M" : "%Y-%m-%d %H:%M", &then);
    return QString::fromLatin1(text);
}
} // namespace

ScheduleDialog::ScheduleDialog(Destination destination, QWidget* parent, Now now)
    : QDialog(parent), destinationFor_(std::move(destination)), now_(std::move(now)) {
    setWindowTitle(tr("Schedule a Recording"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    startField_ = new QLineEdit(defaultStart(now_()), this);
    startField_->setAccessibleName(tr("Start time"));
    startField_->setAccessibleDescription(
        tr("A time of day, such as 14:30, or a date and time, such as 2026-12-04 14:30"));
    startField_->setPlaceholderText(tr("14:30 or 2026-12-04 14:30"));
    form->addRow(tr("&Start at:"), startField_);
    lengthField_ = new QLineEdit(this);
    lengthField_->setAccessibleName(tr("Length"));
    lengthField_->setAccessibleDescription(
        tr("How long to record, such as 90s, 45m or 1h30m; empty records until you press Stop"));
    lengthField_->setPlaceholderText(tr("Until Stop (or 90s, 45m, 1h30m)"));
    form->addRow(tr("&Length:"), lengthField_);
    layout->addLayout(form);

    when_ = new QLabel(this);
    when_->setWordWrap(true);
    when_->setAccessibleName(tr("When the take starts"));
    layout->addWidget(when_);
    destination_ = new QLabel(this);
    destination_->setWordWrap(true);
    destination_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    destination_->setAccessibleName(tr("Where the take is saved"));
    layout->addWidget(destination_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    scheduleButton_ = buttons->addButton(tr("Schedule"), QDialogButtonBox::AcceptRole);
    scheduleButton_->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ScheduleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ScheduleDialog::reject);
    connect(startField_, &QLineEdit::textChanged, this, &ScheduleDialog::refresh);
    connect(lengthField_, &QLineEdit::textChanged, this, &ScheduleDialog::refresh);
    refresh();
}

bool ScheduleDialog::read(QString& problem) {
    const Clock::time_point now = now_();
    const auto start = parseStartTime(startField_->text().trimmed().toStdString(), now);
    if (!start) {
        problem = tr("Write the start as a time of day, such as 14:30, or as a date and time, "
                     "such as 2026-12-04 14:30.");
        return false;
    }
    if (*start <= now) {
        problem = tr("%1 has already passed. Choose a later time; a time that has passed is "
                     "not taken to mean tomorrow.")
                      .arg(QString::fromStdString(localTimeText(*start)));
        return false;
    }
    double length = 0;
    if (const QString text = lengthField_->text().trimmed(); !text.isEmpty()) {
        const auto seconds = parseDuration(text.toStdString());
        if (!seconds) {
            problem = tr("Write the length as 90s, 45m or 1h30m, or leave it empty to record "
                         "until you press Stop.");
            return false;
        }
        length = *seconds;
    }
    start_ = *start;
    lengthSeconds_ = length;
    return true;
}

void ScheduleDialog::refresh() {
    QString problem;
    if (!read(problem)) {
        when_->setText(problem);
        destination_->clear();
        return;
    }
    const QString startText = QString::fromStdString(localTimeText(start_));
    const QString wait = QString::fromStdString(waitText(start_ - now_()));
    const QString length =
        lengthSeconds_ > 0
            ? tr("It records for %1.")
                  .arg(QString::fromStdString(waitText(std::chrono::duration_cast<Clock::duration>(
                      std::chrono::duration<double>(lengthSeconds_)))))
            : tr("It records until you press Stop.");
    when_->setText(tr("The take starts at %1, in %2. %3").arg(startText, wait, length));
    destination_->setText(tr("It will be saved as %1").arg(destinationFor_(start_)));
}

void ScheduleDialog::accept() {
    QString problem;
    if (!read(problem)) {
        when_->setText(problem);
        destination_->clear();
        startField_->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace tapedeck
