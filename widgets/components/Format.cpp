#include "widgets/components/Format.h"

#include <QCoreApplication>
#include <cmath>

namespace swarmergy::widgets {

namespace {

// A no-break space keeps the number and its unit on one line, as SI style asks
// (U+00A0 rather than the narrow U+202F: every font has it).
const QChar kUnitSpace(0x00A0);

QString withUnit(const QString& number, const QString& unit) {
    return number + kUnitSpace + unit;
}

// "-0.0" reads like a fault on an operator screen: print a plain zero.
double cleanZero(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) == 0.0 ? 0.0 : value;
}

QString scaled(double value, const QString& unit, const QString& megaUnit, const QLocale& locale) {
    if (!std::isfinite(value)) {
        return withUnit(QStringLiteral("—"), unit);
    }
    if (std::abs(value) >= 1000.0) {
        const double mega = value / 1000.0;
        const int decimals = decimalsForMagnitude(mega);
        return withUnit(locale.toString(cleanZero(mega, decimals), 'f', decimals), megaUnit);
    }
    const int decimals = decimalsForMagnitude(value);
    return withUnit(locale.toString(cleanZero(value, decimals), 'f', decimals), unit);
}

}  // namespace

int decimalsForMagnitude(double value) {
    const double magnitude = std::abs(value);
    if (magnitude < 9.995) return 2;
    if (magnitude < 99.95) return 1;
    return 0;
}

QString formatNumber(double value, const QLocale& locale) {
    const int decimals = decimalsForMagnitude(value);
    return locale.toString(cleanZero(value, decimals), 'f', decimals);
}

QString formatPowerKw(double powerKw, const QLocale& locale) {
    return scaled(powerKw, QStringLiteral("kW"), QStringLiteral("MW"), locale);
}

QString formatEnergyKwh(double energyKwh, const QLocale& locale) {
    return scaled(energyKwh, QStringLiteral("kWh"), QStringLiteral("MWh"), locale);
}

QString formatPercent(double fraction, const QLocale& locale) {
    if (!std::isfinite(fraction)) return withUnit(QStringLiteral("—"), QStringLiteral("%"));
    const double percent = cleanZero(fraction * 100.0, 1);
    return withUnit(locale.toString(percent, 'f', 1), QStringLiteral("%"));
}

QString formatMoney(double amountCu, const QLocale& locale) {
    // "cu" (currency units) is the scenario's money; translators may localise the symbol.
    const QString unit = QCoreApplication::translate("swarmergy::widgets::Units", "cu");
    if (!std::isfinite(amountCu)) return withUnit(QStringLiteral("—"), unit);
    return withUnit(locale.toString(cleanZero(amountCu, 2), 'f', 2), unit);
}

QString formatPricePerKwh(double priceCuPerKwh, const QLocale& locale) {
    const QString unit = QCoreApplication::translate("swarmergy::widgets::Units", "cu/kWh");
    if (!std::isfinite(priceCuPerKwh)) return withUnit(QStringLiteral("—"), unit);
    return withUnit(locale.toString(cleanZero(priceCuPerKwh, 3), 'f', 3), unit);
}

}  // namespace swarmergy::widgets

namespace swarmergy::widgets {

QString formatSimTimeUtc(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

}  // namespace swarmergy::widgets
