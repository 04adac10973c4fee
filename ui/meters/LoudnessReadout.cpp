#include "ui/meters/LoudnessReadout.h"

#include <QHBoxLayout>
#include <QLabel>

namespace tapedeck {

LoudnessReadout::LoudnessReadout(QWidget* parent, bool large) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Room between the three figures, so M, S and I read as three and not one line.
    layout->setSpacing(large ? kLargeSpacing : kSpacing);
    const auto makeLabel = [this, layout, large](const QString& toolTip) {
        auto* label = new QLabel(this);
        label->setToolTip(toolTip);
        label->setAccessibleName(toolTip);
        label->setTextFormat(Qt::PlainText);
        if (large) {
            QFont font = label->font();
            font.setPointSizeF(font.pointSizeF() * 1.6);
            label->setFont(font);
        }
        layout->addWidget(label);
        return label;
    };
    momentary_ = makeLabel(tr("Momentary loudness: the last 400 ms, in LUFS"));
    shortTerm_ = makeLabel(tr("Short-term loudness: the last 3 seconds, in LUFS"));
    integrated_ = makeLabel(tr("Integrated loudness of the take so far, in LUFS (EBU R128)"));
    layout->addStretch(1);
    timer_.setInterval(kRefreshMs);
    connect(&timer_, &QTimer::timeout, this, &LoudnessReadout::refresh);
    show(LoudnessFigures{});
}

void LoudnessReadout::setSource(std::shared_ptr<const LoudnessSource> source, Scope scope) {
    source_ = std::move(source);
    const QString integrated =
        scope == Scope::WholeFile
            ? tr("Integrated loudness of the whole file, in LUFS (EBU R128)")
            : tr("Integrated loudness of the take so far, in LUFS (EBU R128)");
    integrated_->setToolTip(integrated);
    integrated_->setAccessibleName(integrated);
    show(LoudnessFigures{});
    if (source_)
        timer_.start();
    else
        timer_.stop();
}

void LoudnessReadout::stop() {
    if (!timer_.isActive())
        return;
    refresh();
    timer_.stop();
}

void LoudnessReadout::refresh() {
    if (source_)
        show(source_->figures());
}

QString LoudnessReadout::formatLufs(const std::optional<double>& lufs) {
    if (!lufs)
        return QStringLiteral("—");
    QString text = QString::number(*lufs, 'f', 1);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

void LoudnessReadout::show(const LoudnessFigures& figures) {
    momentary_->setText(tr("M %1").arg(formatLufs(figures.momentaryLufs)));
    shortTerm_->setText(tr("S %1").arg(formatLufs(figures.shortTermLufs)));
    integrated_->setText(tr("I %1 LUFS").arg(formatLufs(figures.integratedLufs)));
}

QString LoudnessReadout::momentaryText() const {
    return momentary_->text();
}
QString LoudnessReadout::shortTermText() const {
    return shortTerm_->text();
}
QString LoudnessReadout::integratedText() const {
    return integrated_->text();
}

} // namespace tapedeck
