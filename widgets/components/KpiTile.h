#pragma once
// A key-figure tile: a small caption, one large value with its unit, an optional hint,
// and an accent bar in the colour of what it measures. Painted, not a stack of QLabels,
// so a row of tiles costs one paint each and looks the same on every style.

#include <QColor>
#include <QString>
#include <QWidget>

namespace swarmergy::widgets {

class KpiTile : public QWidget {
    Q_OBJECT
public:
    explicit KpiTile(QWidget* parent = nullptr);

    // Title and hint are already translated by the owner (it retranslates on LanguageChange).
    void setTitle(const QString& title);
    void setValueText(const QString& valueText);
    void setHint(const QString& hint);
    void setAccent(const QColor& accent);

    QString title() const { return title_; }
    QString valueText() const { return valueText_; }
    QString hint() const { return hint_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString title_;
    QString valueText_;
    QString hint_;
    QColor accent_;
};

}  // namespace swarmergy::widgets
