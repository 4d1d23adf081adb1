// Sun position and PV model against independent reference values.
#include <cmath>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/SolarModel.h"
#include "tests/support/Check.h"

using namespace swarmergy::simulation;

// Highest elevation over a UTC day, scanned each 30 s, and when it happens.
static void solarNoon(const char* dayIso, double lat, double lon, double& maxElevationDeg,
                      double& noonUtcHours) {
    const std::int64_t day = parseIsoUtc(dayIso);
    maxElevationDeg = -90;
    for (std::int64_t s = 0; s < 86400; s += 30) {
        const double e = sunPosition(day + s, lat, lon).elevationDeg;
        if (e > maxElevationDeg) {
            maxElevationDeg = e;
            noonUtcHours = s / 3600.0;
        }
    }
}

static void testNoonElevation() {
    // Expected: 90 - |latitude - declination| with the declination published by NOAA's solar
    // calculator (gml.noaa.gov/grad/solcalc) near noon: 2026-06-21 +23.44 deg,
    // 2026-12-21 -23.44 deg, 2026-03-20 about -0.05 deg (March equinox 14:46 UTC).
    struct Case { const char* day; double lat, lon, declinationDeg; };
    const Case cases[] = {
        {"2026-06-21T00:00:00Z", 47.22, -1.55, 23.44},
        {"2026-12-21T00:00:00Z", 47.22, -1.55, -23.44},
        {"2026-03-20T00:00:00Z", 47.22, -1.55, -0.05},
        {"2026-06-21T00:00:00Z", 52.52, 13.40, 23.44},   // Berlin
    };
    for (const Case& c : cases) {
        double elevation = 0, noon = 0;
        solarNoon(c.day, c.lat, c.lon, elevation, noon);
        CHECK_NEAR(elevation, 90 - std::fabs(c.lat - c.declinationDeg), 0.5);
    }
}

static void testSolarNoonTime() {
    // Solar noon = 12:00 - 4 min/deg x longitude - equation of time. NOAA gives EoT
    // -1.8 min on 21 June and +16.4 min on 3 November, so at 1.55 deg W noon is near
    // 12:08 UTC and 11:52 UTC.
    double elevation = 0, noon = 0;
    solarNoon("2026-06-21T00:00:00Z", 47.22, -1.55, elevation, noon);
    CHECK_NEAR(noon * 60, 12 * 60 + 1.55 * 4 + 1.8, 1.5);
    solarNoon("2026-11-03T00:00:00Z", 47.22, -1.55, elevation, noon);
    CHECK_NEAR(noon * 60, 12 * 60 + 1.55 * 4 - 16.4, 1.5);
}

static void testIrradianceAndPv() {
    // Haurwitz at the zenith: 1098 exp(-0.059).
    CHECK_NEAR(haurwitzGhi(1.0), 1098 * std::exp(-0.059), 1e-9);
    CHECK(haurwitzGhi(-0.1) == 0.0);
    // Night: no irradiance whatever the clouds.
    const SkyState night = skyState(parseIsoUtc("2026-06-21T00:00:00Z"), 47.22, -1.55, 1.0);
    CHECK(night.ghi == 0.0 && night.dni == 0.0);
    // Clear summer noon: components add up, GHI = DNI cos z + DHI.
    const SkyState noon = skyState(parseIsoUtc("2026-06-21T12:00:00Z"), 47.22, -1.55, 1.0);
    CHECK_NEAR(noon.dni * noon.sun.cosZenith + noon.dhi, noon.ghi, 1e-9);
    CHECK(noon.ghi > 800 && noon.ghi < 1000);
    // A south panel tilted at the noon zenith angle sees the beam head-on.
    const double zenithDeg = 90 - noon.sun.elevationDeg;
    const PanelGeometry facing = panelGeometry(zenithDeg, 180);
    CHECK(planeOfArray(facing, noon) > noon.ghi);
    const PanelGeometry north = panelGeometry(60, 0);
    CHECK(planeOfArray(north, noon) < planeOfArray(facing, noon) * 0.6);
    // PV: 5 kWp at 1000 W/m2, PR 0.8, 20 C ambient -> cell 51.25 C, -0.4 %/K above 25 C.
    CHECK_NEAR(pvAcPowerKw(5, 1000, 0.8, 20), 5 * 0.8 * (1 - 0.004 * 26.25), 1e-9);
    CHECK_NEAR(pvAcPowerKw(5, 200, 0.8, 0), 5 * 0.2 * 0.8, 1e-9);   // cold: no derating
}

int main() {
    testNoonElevation();
    testSolarNoonTime();
    testIrradianceAndPv();
    return testResult("tst_solar");
}
