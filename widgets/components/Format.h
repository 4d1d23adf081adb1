#pragma once
// Number + unit formatting shared by every view, so "12.3 kW" reads the same on the
// flow diagram, in the fleet table and in tooltips. Decimals follow the magnitude (three
// significant figures is what an operator can read at a glance) and the separators follow
// the locale (QLocale() is the application's default, switched with the language).

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace swarmergy::widgets {

// Decimals for a magnitude: 2 below 10, 1 below 100, 0 above.
int decimalsForMagnitude(double value);

// "12.3 kW"; from 1,000 kW on, "1.25 MW". Sign kept.
QString formatPowerKw(double powerKw, const QLocale& locale = QLocale());
// "12.3 kWh"; from 1,000 kWh on, "1.25 MWh".
QString formatEnergyKwh(double energyKwh, const QLocale& locale = QLocale());
// fraction 0..1 -> "42.0 %" (one decimal: self-sufficiency moves slowly).
QString formatPercent(double fraction, const QLocale& locale = QLocale());
// currency units with two decimals, always: "-3.40 cu".
QString formatMoney(double amountCu, const QLocale& locale = QLocale());
// price per kWh with three decimals: "0.215 cu/kWh".
QString formatPricePerKwh(double priceCuPerKwh, const QLocale& locale = QLocale());
// Plain number without unit, locale separators, magnitude decimals.
QString formatNumber(double value, const QLocale& locale = QLocale());
// Simulated instants read the same in every language and sort as text: "2026-06-21 23:45 UTC".
QString formatSimTimeUtc(const QDateTime& time);

}  // namespace swarmergy::widgets
