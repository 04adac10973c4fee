#include "ui/selection/SelectionBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

constexpr int kSecondsPerMinute = 60;
constexpr int kSecondsPerHour = 3600;
constexpr int kMillisPerSecond = 1000;
constexpr int kFieldCharacters = 11; // "1:02:03.500"

QLineEdit* makeField(QWidget* parent, const QString& name, const QString& tip) {
    auto* field = new QLineEdit(parent);
    field->setAccessibleName(name);
    field->setToolTip(tip);
    field->setPlaceholderText(QStringLiteral("–"));
    field->setMaximumWidth(field->fontMetrics().horizontalAdvance(QLatin1Char('0')) *
                               (kFieldCharacters + 2) +
                           2 * field->fontMetrics().averageCharWidth());
    return field;
}

} // namespace

SelectionBar::SelectionBar(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Selection"));
    start_ = makeField(this, tr("Selection start"), tr("Where the selection starts; type a time"));
    end_ = makeField(this, tr("Selection end"), tr("Where the selection ends; type a time"));
    length_ = makeField(this, tr("Selection length"), tr("How long the selection is; type a time"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addPair = [this, layout](const QString& text, QLineEdit* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
    };
    layout->addWidget(new QLabel(tr("Selection:"), this));
    addPair(tr("&Start"), start_);
    addPair(tr("E&nd"), end_);
    addPair(tr("Len&gth"), length_);
    layout->addStretch(1);
    for (QLineEdit* field : {start_, end_, length_})
        connect(field, &QLineEdit::editingFinished, this, [this, field] { onEdited(field); });
    showValues();
}

QString SelectionBar::formatTime(double seconds) {
    const auto millis = static_cast<std::int64_t>(std::llround(std::max(0.0, seconds) * 1000));
    const std::int64_t whole = millis / kMillisPerSecond;
    const std::int64_t hours = whole / kSecondsPerHour;
    const std::int64_t minutes = (whole % kSecondsPerHour) / kSecondsPerMinute;
    const std::int64_t secs = whole % kSecondsPerMinute;
    const std::int64_t rest = millis % kMillisPerSecond;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3.%4")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(secs, 2, 10, QLatin1Char('0'))
            .arg(rest, 3, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2.%3")
        .arg(minutes)
        .arg(secs, 2, 10, QLatin1Char('0'))
        .arg(rest, 3, 10, QLatin1Char('0'));
}

std::optional<double> SelectionBar::parseTime(const QString& text) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:[.,]\d*)?)\s*$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString secondsText = match.captured(3);
    secondsText.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double secs = secondsText.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const double hours = match.captured(1).isEmpty() ? 0 : match.captured(1).toDouble();
    const double minutes = match.captured(2).isEmpty() ? 0 : match.captured(2).toDouble();
    return hours * kSecondsPerHour + minutes * kSecondsPerMinute + secs;
}

void SelectionBar::setSelection(std::int64_t start, std::int64_t end, std::int64_t frames,
                                int sampleRate) {
    selStart_ = start < 0 || end <= start ? -1 : start;
    selEnd_ = selStart_ < 0 ? -1 : end;
    frames_ = frames;
    rate_ = sampleRate;
    showValues();
}

void SelectionBar::showValues() {
    setEnabled(rate_ > 0 && frames_ > 0);
    if (selStart_ < 0 || rate_ <= 0) {
        for (QLineEdit* field : {start_, end_, length_})
            field->clear();
        return;
    }
    const auto seconds = [this](std::int64_t frames) {
        return formatTime(static_cast<double>(frames) / rate_);
    };
    start_->setText(seconds(selStart_));
    end_->setText(seconds(selEnd_));
    length_->setText(seconds(selEnd_ - selStart_));
}

void SelectionBar::onEdited(QLineEdit* field) {
    if (rate_ <= 0)
        return;
    const std::optional<double> typed = parseTime(field->text());
    if (!typed) {
        showValues(); // not a time: back to what it was
        return;
    }
    const std::int64_t frame = std::clamp<std::int64_t>(std::llround(*typed * rate_), 0, frames_);
    std::int64_t start = selStart_;
    std::int64_t end = selEnd_;
    if (field == start_) {
        start = frame;
        if (end < 0) // a start alone selects to the end
            end = frames_;
    } else if (field == end_) {
        end = frame;
        if (start < 0)
            start = 0;
    } else {
        if (start < 0)
            start = 0;
        end = std::min(frames_, start + frame);
    }
    if (end < start)
        std::swap(start, end);
    if (start == selStart_ && end == selEnd_) {
        showValues();
        return;
    }
    emit selectionEdited(start, end);
}

} // namespace tapedeck
