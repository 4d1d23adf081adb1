#pragma once
// Sun position, clear-sky irradiance, beam/diffuse split, ambient temperature and PV output.
// Everything that depends only on place and time is computed once per step per ruche
// (SkyState); a household then needs a dot product and a few multiplications (PanelGeometry).

#include <cstdint>

namespace swarmergy::simulation {

struct SunPosition {
    double declinationRad = 0;
    double equationOfTimeMin = 0;
    double hourAngleRad = 0;
    double cosZenith = 0;     // = sin(elevation)
    double elevationDeg = 0;
    // Unit vector towards the sun in local East/North/Up coordinates.
    double east = 0;
    double north = 0;
    double up = 0;
};

// Spencer (1971), "Fourier series representation of the position of the sun", Search 2(5):
// declination and equation of time from the day angle Γ = 2π (doy - 1) / 365 (fractional day).
double spencerDeclinationRad(double dayAngleRad);
double spencerEquationOfTimeMin(double dayAngleRad);

// Position at a UTC instant; the hour angle uses the longitude (east positive) and the
// equation of time (apparent solar time = UTC + 4 min/deg * longitude + EoT).
SunPosition sunPosition(std::int64_t utcSeconds, double latitudeDeg, double longitudeDeg);

// Haurwitz (1945) clear-sky global horizontal irradiance: 1098 cos z exp(-0.059 / cos z) W/m2.
double haurwitzGhi(double cosZenith);

// Extraterrestrial normal irradiance with the Spencer (1971) eccentricity correction, W/m2.
double extraterrestrialNormal(double dayAngleRad);

// Erbs, Klein, Duffie (1982) diffuse fraction of GHI from the clearness index kt.
double erbsDiffuseFraction(double clearnessIndex);

// Ambient temperature, a simple climate for the west of France: annual mean 12.5 C with a
// 7.5 K seasonal swing (coldest mid-January) and a daily swing of 3..5 K peaking at 15:00 solar.
double ambientTemperatureC(double dayOfYear, double solarHour);

// What the sky gives during one step at one ruche.
struct SkyState {
    SunPosition sun;
    double ghi = 0;   // W/m2, after clouds
    double dni = 0;   // direct normal
    double dhi = 0;   // diffuse horizontal
    double ambientC = 0;
};

// Sky state for a ruche at instant utc under clear-sky index k (1 = clear).
SkyState skyState(std::int64_t utcSeconds, double latitudeDeg, double longitudeDeg,
                  double clearSkyIndex);

// A panel's orientation reduced to the factors the isotropic-sky transposition needs
// (Liu & Jordan 1963): POA = DNI max(0, n·s) + DHI (1 + cos β)/2 + GHI ρ (1 - cos β)/2.
struct PanelGeometry {
    double normalEast = 0;
    double normalNorth = 0;
    double normalUp = 1;
    double skyViewFactor = 1;      // (1 + cos β) / 2
    double groundViewFactor = 0;   // ρ (1 - cos β) / 2
};

inline constexpr double kGroundAlbedo = 0.2;

// tilt β from horizontal, azimuth γ clockwise from north (180 = south).
PanelGeometry panelGeometry(double tiltDeg, double azimuthDeg);

inline double planeOfArray(const PanelGeometry& panel, const SkyState& sky) {
    const double cosIncidence = panel.normalEast * sky.sun.east +
                                panel.normalNorth * sky.sun.north + panel.normalUp * sky.sun.up;
    const double beam = cosIncidence > 0 ? sky.dni * cosIncidence : 0.0;
    return beam + sky.dhi * panel.skyViewFactor + sky.ghi * panel.groundViewFactor;
}

// Cell temperature by the NOCT model (NOCT 45 C at 800 W/m2, 20 C ambient), and PV AC power
// kWp x POA/1000 x PR x (1 - 0.004 (Tcell - 25)) above 25 C (DOMAIN.md).
inline constexpr double kCellHeatingPerWm2 = (45.0 - 20.0) / 800.0;
inline constexpr double kPvTempCoeffPerK = 0.004;

inline double pvAcPowerKw(double peakKw, double poaWm2, double performanceRatio, double ambientC) {
    const double cellC = ambientC + kCellHeatingPerWm2 * poaWm2;
    const double derate = cellC > 25.0 ? 1.0 - kPvTempCoeffPerK * (cellC - 25.0) : 1.0;
    return peakKw * poaWm2 * 1e-3 * performanceRatio * derate;
}

}  // namespace swarmergy::simulation
