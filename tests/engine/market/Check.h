#pragma once
// Minimal checks for plain test executables: print each failure, count them.
#include <cmath>
#include <cstdio>

inline int g_failures = 0;
#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);               \
            ++g_failures;                                                             \
        }                                                                             \
    } while (0)
#define CHECK_NEAR(a, b, tol)                                                         \
    do {                                                                              \
        const double a_ = (a), b_ = (b);                                              \
        if (!(std::abs(a_ - b_) <= (tol))) {                                          \
            std::printf("FAIL %s:%d: %s = %.12g, expected %.12g\n", __FILE__, __LINE__, \
                        #a, a_, b_);                                                  \
            ++g_failures;                                                             \
        }                                                                             \
    } while (0)
#define CHECK_THROWS(expr)                                                            \
    do {                                                                              \
        bool thrown_ = false;                                                         \
        try { (void)(expr); } catch (const std::exception&) { thrown_ = true; }       \
        if (!thrown_) {                                                               \
            std::printf("FAIL %s:%d: %s did not throw\n", __FILE__, __LINE__, #expr); \
            ++g_failures;                                                             \
        }                                                                             \
    } while (0)
inline int finish(const char* name) {
    std::printf("%s: %s\n", name, g_failures ? "FAILED" : "all passed");
    return g_failures ? 1 : 0;
}
