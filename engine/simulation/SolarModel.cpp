#include "engine/simulation/SolarModel.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/simulation/Calendar.h"

namespace swarmergy::simulation {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kDegToRad = kPi / 180.0;

}  // namespace

double spencerDeclinationRad(double g) {
    return 0.006918 - 0.399912 * std::cos(g) + 0.070257 * std::sin(g) -
           0.006758 * std::cos(2 * g) + 0.000907 * std::sin(2 * g) -
           0.002697 * std::cos(3 * g) + 0.00148 * std::sin(3 * g);
}

double spencerEquationOfTimeMin(double g) {
    // 229.18 = minutes per radian of hour angle (1440 / 2π).
    return 229.18 * (0.000075 + 0.001868 * std::cos(g) - 0.032077 * std::sin(g) -
                     0.014615 * std::cos(2 * g) - 0.040849 * std::sin(2 * g));
}

double extraterrestrialNormal(double g) {
    return 1367.0 * (1.000110 + 0.034221 * std::cos(g) + 0.001280 * std::sin(g) +
                     0.000719 * std::cos(2 * g) + 0.000077 * std::sin(2 * g));
}

SunPosition sunPosition(std::int64_t utcSeconds, double latitudeDeg, double longitudeDeg) {
    const std::int64_t days = floorDiv(utcSeconds, 86400);
    const double utcHours = static_cast<double>(utcSeconds - days * 86400) / 3600.0;
    const CivilDate date = civilFromDays(days);
    const double yearDays = isLeapYear(date.year) ? 366.0 : 365.0;
    const double dayAngle = 2 * kPi * (dayOfYear(date) - 1 + utcHours / 24.0) / yearDays;

    SunPosition sun;
    sun.declinationRad = spencerDeclinationRad(dayAngle);
    sun.equationOfTimeMin = spencerEquationOfTimeMin(dayAngle);
    const double solarHours = utcHours + longitudeDeg / 15.0 + sun.equationOfTimeMin / 60.0;
    sun.hourAngleRad = (solarHours - 12.0) * 15.0 * kDegToRad;

    const double phi = latitudeDeg * kDegToRad;
    const double sinDec = std::sin(sun.declinationRad), cosDec = std::cos(sun.declinationRad);
    const double sinPhi = std::sin(phi), cosPhi = std::cos(phi);
    const double cosH = std::cos(sun.hourAngleRad), sinH = std::sin(sun.hourAngleRad);
    sun.up = sinPhi * sinDec + cosPhi * cosDec * cosH;
    sun.east = -cosDec * sinH;
    sun.north = cosPhi * sinDec - sinPhi * cosDec * cosH;
    sun.cosZenith = sun.up;
    sun.elevationDeg = std::asin(std::clamp(sun.up, -1.0, 1.0)) / kDegToRad;
    return sun;
}

double haurwitzGhi(double cosZenith) {
    if (cosZenith <= 0.0) return 0.0;
    return 1098.0 * cosZenith * std::exp(-0.059 / cosZenith);
}

double erbsDiffuseFraction(double kt) {
    if (kt <= 0.22) return 1.0 - 0.09 * kt;
    if (kt <= 0.80) {
        return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt +
               12.336 * kt * kt * kt * kt;
    }
    return 0.165;
}

double ambientTemperatureC(double dayOfYearValue, double solarHour) {
    const double seasonal = 12.5 - 7.5 * std::cos(2 * kPi * (dayOfYearValue - 15.0) / 365.0);
    const double dailySwing = 4.0 - 1.0 * std::cos(2 * kPi * (dayOfYearValue - 15.0) / 365.0);
    return seasonal + dailySwing * std::cos(2 * kPi * (solarHour - 15.0) / 24.0);
}

SkyState skyState(std::int64_t utcSeconds, double latitudeDeg, double longitudeDeg,
                  double clearSkyIndex) {
    SkyState sky;
    sky.sun = sunPosition(utcSeconds, latitudeDeg, longitudeDeg);
    const std::int64_t days = floorDiv(utcSeconds, 86400);
    const CivilDate date = civilFromDays(days);
    const double doy = dayOfYear(date);
    const double solarHour = sky.sun.hourAngleRad / (15.0 * kDegToRad) + 12.0;
    sky.ambientC = ambientTemperatureC(doy, solarHour);
    // Below ~1° elevation Haurwitz and the beam split are meaningless; no PV output.
    if (sky.sun.cosZenith < 0.02) return sky;
    const double clear = haurwitzGhi(sky.sun.cosZenith);
    sky.ghi = clear * std::clamp(clearSkyIndex, 0.0, 1.0);
    const double g = 2 * kPi * (doy - 1) / 365.0;
    const double kt = std::clamp(sky.ghi / (extraterrestrialNormal(g) * sky.sun.cosZenith), 0.0, 1.0);
    sky.dhi = sky.ghi * erbsDiffuseFraction(kt);
    sky.dni = (sky.ghi - sky.dhi) / sky.sun.cosZenith;
    return sky;
}

PanelGeometry panelGeometry(double tiltDeg, double azimuthDeg) {
    const double beta = tiltDeg * kDegToRad;
    const double gamma = azimuthDeg * kDegToRad;
    PanelGeometry panel;
    panel.normalEast = std::sin(beta) * std::sin(gamma);
    panel.normalNorth = std::sin(beta) * std::cos(gamma);
    panel.normalUp = std::cos(beta);
    panel.skyViewFactor = (1 + std::cos(beta)) / 2;
    panel.groundViewFactor = kGroundAlbedo * (1 - std::cos(beta)) / 2;
    return panel;
}

}  // namespace swarmergy::simulation
