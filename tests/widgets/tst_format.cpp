// Number + unit formatting: decimals by magnitude, MW above 1,000 kW, locale separators.
#include "widgets/components/Format.h"

#include <QtTest>
#include <limits>

using namespace swarmergy::widgets;

namespace {
const QString nbsp(QChar(0x00A0));
QString u(const char* number, const char* unit) { return QString::fromUtf8(number) + nbsp + QString::fromUtf8(unit); }
}  // namespace

class TestFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void powerDecimalsFollowMagnitude() {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(formatPowerKw(0.0, en), u("0.00", "kW"));
        QCOMPARE(formatPowerKw(1.234, en), u("1.23", "kW"));
        QCOMPARE(formatPowerKw(12.34, en), u("12.3", "kW"));
        QCOMPARE(formatPowerKw(123.4, en), u("123", "kW"));
        QCOMPARE(formatPowerKw(-42.0, en), u("-42.0", "kW"));
        QCOMPARE(formatPowerKw(-0.001, en), u("0.00", "kW"));   // no "-0.00"
    }
    void megaAboveOneThousand() {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(formatPowerKw(999.0, en), u("999", "kW"));
        QCOMPARE(formatPowerKw(1000.0, en), u("1.00", "MW"));
        QCOMPARE(formatPowerKw(1250.0, en), u("1.25", "MW"));
        QCOMPARE(formatPowerKw(-23456.0, en), u("-23.5", "MW"));
        QCOMPARE(formatEnergyKwh(3000.0, en), u("3.00", "MWh"));
        QCOMPARE(formatEnergyKwh(48.0, en), u("48.0", "kWh"));
    }
    void frenchUsesCommaDecimals() {
        const QLocale fr(QLocale::French, QLocale::France);
        QCOMPARE(formatPowerKw(12.34, fr), u("12,3", "kW"));
        QCOMPARE(formatPercent(0.834, fr), u("83,4", "%"));
        QCOMPARE(formatMoney(4.371, fr), u("4,37", "cu"));
    }
    void percentMoneyAndPrice() {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(formatPercent(0.5, en), u("50.0", "%"));
        QCOMPARE(formatPercent(1.0, en), u("100.0", "%"));
        QCOMPARE(formatMoney(-3.4, en), u("-3.40", "cu"));
        QCOMPARE(formatPricePerKwh(0.215, en), u("0.215", "cu/kWh"));
    }
    void nonFiniteIsADashNotACrash() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(formatPowerKw(nan), QStringLiteral("—") + nbsp + QStringLiteral("kW"));
        QCOMPARE(formatPercent(std::numeric_limits<double>::infinity()), QStringLiteral("—") + nbsp + QStringLiteral("%"));
    }
};

QTEST_MAIN(TestFormat)
#include "tst_format.moc"
