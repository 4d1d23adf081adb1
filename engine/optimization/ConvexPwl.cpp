#include "engine/optimization/ConvexPwl.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace swarmergy::optimization {

namespace {
// Segments shorter than this are dropped (kW·h scale values around 1e0..1e5).
constexpr double kTinyLength = 1e-13;
constexpr double kSameSlope = 1e-13;

void push(std::vector<PwlSegment>& segs, double length, double slope)
{
    if (length <= kTinyLength) return;
    if (!segs.empty() && std::abs(segs.back().slope - slope) <= kSameSlope * std::max(1.0, std::abs(slope))) {
        segs.back().length += length;
        return;
    }
    segs.push_back({length, slope});
}
}  // namespace

double ConvexPwl::end() const
{
    double x = start;
    for (const auto& s : segments) x += s.length;
    return x;
}

double ConvexPwl::value(double x) const
{
    double v = valueAtStart, at = start;
    for (const auto& s : segments) {
        if (x <= at) break;
        const double step = std::min(s.length, x - at);
        v += step * s.slope;
        at += s.length;
    }
    return v;
}

void ConvexPwl::breakpoints(std::vector<double>& out) const
{
    double x = start;
    out.push_back(x);
    for (const auto& s : segments) {
        x += s.length;
        out.push_back(x);
    }
}

ConvexPwl linearOn(double lo, double hi, double slope)
{
    ConvexPwl f;
    f.start = lo;
    f.valueAtStart = slope * lo;
    push(f.segments, hi - lo, slope);
    return f;
}

void shiftRight(ConvexPwl& f, double d) { f.start += d; }

ConvexPwl mirrored(const ConvexPwl& f)
{
    ConvexPwl m;
    mirrorInto(f, m);
    return m;
}

void mirrorInto(const ConvexPwl& f, ConvexPwl& m)
{
    double e = f.start, v = f.valueAtStart;
    for (const auto& s : f.segments) {
        e += s.length;
        v += s.length * s.slope;
    }
    m.start = -e;
    m.valueAtStart = v;
    m.segments.clear();
    for (auto it = f.segments.rbegin(); it != f.segments.rend(); ++it) push(m.segments, it->length, -it->slope);
}

void slopesAt(const ConvexPwl& f, double x, double& left, double& right)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double tol = 1e-9 * std::max(1.0, std::abs(x));
    left = -inf;
    right = inf;
    double at = f.start;
    for (const auto& s : f.segments) {
        const double segEnd = at + s.length;
        if (at < x - tol) left = s.slope;
        if (segEnd > x + tol) {
            right = s.slope;
            break;
        }
        at = segEnd;
    }
    if (x > at + tol && right == inf) left = f.segments.empty() ? -inf : f.segments.back().slope;
}

void infConvolve(const ConvexPwl& f, const ConvexPwl& g, ConvexPwl& out)
{
    out.start = f.start + g.start;
    out.valueAtStart = f.valueAtStart + g.valueAtStart;
    out.segments.clear();
    out.segments.reserve(f.segments.size() + g.segments.size());
    std::size_t i = 0, j = 0;
    while (i < f.segments.size() || j < g.segments.size()) {
        const bool takeF = j >= g.segments.size() || (i < f.segments.size() && f.segments[i].slope <= g.segments[j].slope);
        const PwlSegment& s = takeF ? f.segments[i++] : g.segments[j++];
        push(out.segments, s.length, s.slope);
    }
}

bool restrictTo(ConvexPwl& f, double lo, double hi)
{
    const double e = f.end();
    const double a = std::max(lo, f.start), b = std::min(hi, e);
    if (a > b) {
        // Round-off may leave a touching domain a hair apart.
        if (a - b > 1e-9 * std::max(1.0, std::abs(a))) return false;
        const double v = f.value(std::min(std::max(a, f.start), e));
        f.start = a;
        f.valueAtStart = v;
        f.segments.clear();
        return true;
    }
    if (a == f.start && b == e) return true;
    const double vAtA = f.value(a);
    std::size_t kept = 0;
    double at = f.start;
    for (std::size_t i = 0; i < f.segments.size(); ++i) {
        const PwlSegment s = f.segments[i];
        const double segEnd = at + s.length;
        const double from = std::max(at, a), to = std::min(segEnd, b);
        if (to - from > kTinyLength) f.segments[kept++] = {to - from, s.slope};
        at = segEnd;
    }
    f.segments.resize(kept);
    f.start = a;
    f.valueAtStart = vAtA;
    return true;
}

void spreadKinks(ConvexPwl& f, double width, int pieces, std::vector<std::pair<double, double>>& kinks)
{
    if (width <= 0 || f.segments.size() < 2) return;
    const double lo = f.start, hi = f.end();
    kinks.clear();
    double at = f.start;
    for (std::size_t i = 1; i < f.segments.size(); ++i) {
        at += f.segments[i - 1].length;
        const double jump = (f.segments[i].slope - f.segments[i - 1].slope) / pieces;
        for (int k = 0; k < pieces; ++k) {
            const double offset = width * (2.0 * (k + 0.5) / pieces - 1.0);
            kinks.emplace_back(std::min(std::max(at + offset, lo), hi), jump);
        }
    }
    std::sort(kinks.begin(), kinks.end());
    double slope = f.segments.front().slope;
    f.segments.clear();
    double x = lo;
    for (const auto& [position, jump] : kinks) {
        push(f.segments, position - x, slope);
        x = std::max(x, position);
        slope += jump;
    }
    push(f.segments, hi - x, slope);
}

bool minimizeSum(const ConvexPwl& f, const ConvexPwl& g, double& argmin, double& minimum)
{
    const double lo = std::max(f.start, g.start);
    const double hi = std::min(f.end(), g.end());
    if (lo > hi + 1e-9 * std::max(1.0, std::abs(lo))) return false;
    // Walk both slope sequences from lo; stop where the summed slope turns non-negative.
    std::size_t i = 0, j = 0;
    double fEnd = f.start, gEnd = g.start;
    while (i < f.segments.size() && fEnd + f.segments[i].length <= lo) fEnd += f.segments[i++].length;
    while (j < g.segments.size() && gEnd + g.segments[j].length <= lo) gEnd += g.segments[j++].length;
    double x = lo;
    while (x < hi) {
        const bool fHas = i < f.segments.size(), gHas = j < g.segments.size();
        if (!fHas || !gHas) break;   // a domain ended (x == hi up to round-off)
        if (f.segments[i].slope + g.segments[j].slope >= 0) break;
        const double nextF = fEnd + f.segments[i].length, nextG = gEnd + g.segments[j].length;
        const double next = std::min({nextF, nextG, hi});
        x = next;
        if (nextF <= next) fEnd = nextF, ++i;
        if (nextG <= next) gEnd = nextG, ++j;
    }
    argmin = std::min(std::max(x, lo), std::max(lo, hi));
    minimum = f.value(argmin) + g.value(argmin);
    return true;
}

}  // namespace swarmergy::optimization
