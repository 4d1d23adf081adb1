#pragma once
// Minimal test helpers: plain executables that print what failed and return non-zero.
#include <cmath>
#include <cstdio>
#include <exception>

namespace swarmergy::test {
inline int failures = 0;
}

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);               \
            ++swarmergy::test::failures;                                              \
        }                                                                             \
    } while (0)

#define CHECK_NEAR(actual, expected, tol)                                             \
    do {                                                                              \
        const double a_ = (actual), e_ = (expected);                                  \
        if (!(std::fabs(a_ - e_) <= (tol))) {                                         \
            std::printf("FAIL %s:%d: %s = %.9g, expected %.9g +/- %.3g\n", __FILE__,  \
                        __LINE__, #actual, a_, e_, static_cast<double>(tol));         \
            ++swarmergy::test::failures;                                              \
        }                                                                             \
    } while (0)

#define CHECK_THROWS(expr)                                                            \
    do {                                                                              \
        bool thrown_ = false;                                                         \
        try { (void)(expr); } catch (const std::exception&) { thrown_ = true; }       \
        if (!thrown_) {                                                               \
            std::printf("FAIL %s:%d: %s did not throw\n", __FILE__, __LINE__, #expr); \
            ++swarmergy::test::failures;                                              \
        }                                                                             \
    } while (0)

inline int testResult(const char* name) {
    if (swarmergy::test::failures == 0) std::printf("PASS %s\n", name);
    else std::printf("%d failure(s) in %s\n", swarmergy::test::failures, name);
    return swarmergy::test::failures == 0 ? 0 : 1;
}
