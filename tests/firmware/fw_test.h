// Tiny check helpers shared by the firmware tests: print what failed, count failures.
#pragma once
#include <cstdio>

namespace fwtest {
inline int &failures()
{
    static int count = 0;
    return count;
}
}  // namespace fwtest

#define FW_CHECK(cond)                                                                   \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            ++fwtest::failures();                                                        \
        }                                                                                \
    } while (0)

#define FW_CHECK_MSG(cond, ...)                                                          \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            std::fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            std::fprintf(stderr, __VA_ARGS__);                                           \
            std::fprintf(stderr, "\n");                                                  \
            ++fwtest::failures();                                                        \
        }                                                                                \
    } while (0)

#define FW_TEST_RESULT()                                                                 \
    (fwtest::failures() == 0 ? (std::printf("all checks passed\n"), 0)                  \
                             : (std::fprintf(stderr, "%d check(s) failed\n", fwtest::failures()), 1))
