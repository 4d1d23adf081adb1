#pragma once
// Convex piecewise-linear functions of one variable on a closed interval (+inf outside), the
// building block of the exact storage dynamic programme (StorageDp.h).
// Representation: the left end `start`, the value there, and segments (length, slope) with
// non-decreasing slopes. Infimal convolution is then a merge of the segment lists (the
// epigraphs add as Minkowski sums; Rockafellar, Convex Analysis, 1970, §5 and §16).

#include <utility>
#include <vector>

namespace swarmergy::optimization {

struct PwlSegment {
    double length;
    double slope;
};

struct ConvexPwl {
    double start = 0;
    double valueAtStart = 0;
    std::vector<PwlSegment> segments;

    double end() const;
    // Value at x in [start, end()] (x is clamped into the domain: callers pass domain points).
    double value(double x) const;
    // Breakpoints from start to end, both included.
    void breakpoints(std::vector<double>& out) const;
};

// Linear function slope·x on [lo, hi].
ConvexPwl linearOn(double lo, double hi, double slope);
// f shifted right by d: x -> f(x - d).
void shiftRight(ConvexPwl& f, double d);
// x -> f(-x).
ConvexPwl mirrored(const ConvexPwl& f);
void mirrorInto(const ConvexPwl& f, ConvexPwl& out);
// Left and right derivative at x (−inf / +inf at the ends of the domain).
void slopesAt(const ConvexPwl& f, double x, double& left, double& right);
// f with every interior kink spread evenly over [kink − width, kink + width] in `pieces` smaller
// kinks (same domain, same value at the start, convex). Used to smooth the ruche closing cost
// during the first best-response rounds so stores can trade across a kink (README.md).
void spreadKinks(ConvexPwl& f, double width, int pieces, std::vector<std::pair<double, double>>& scratch);
// (f □ g)(x) = min_u f(u) + g(x - u). Merges equal slopes.
void infConvolve(const ConvexPwl& f, const ConvexPwl& g, ConvexPwl& out);
// f restricted to [lo, hi]; returns false when the domains do not meet.
bool restrictTo(ConvexPwl& f, double lo, double hi);
// min over u of f(u) + g(u): the minimiser (the leftmost one) and the value. Returns false when
// the domains do not meet.
bool minimizeSum(const ConvexPwl& f, const ConvexPwl& g, double& argmin, double& minimum);

}  // namespace swarmergy::optimization
