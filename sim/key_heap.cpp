#include "sim/key_heap.hpp"

namespace mailsim::sim {

namespace {
// Moves the hole at node i up past the keys greater than `moving`, then puts `moving` in it.
inline void place_up(KeyHeap::Key* h, std::size_t i, KeyHeap::Key moving) {
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(moving < h[parent])) break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = moving;
}
}  // namespace

void KeyHeap::sift_up(std::size_t i) {
  Key* h = keys_.data() + kPad;
  place_up(h, i, h[i]);
}

// Bottom-up deletion (Wegener): walk the hole down along the smallest children to a leaf,
// then sift the last key up from there. The last key almost always belongs near the bottom,
// so this saves a comparison per level over the classic top-down walk.
void KeyHeap::pop() {
  const Key last = keys_.back();
  keys_.pop_back();
  const std::size_t n = size();
  if (n == 0) return;
  Key* h = keys_.data() + kPad;
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first + 3 < n) {
      // The grandchildren are 16 consecutive keys (four cache lines): fetch them while this
      // level is compared, so that the walk down overlaps its memory latency.
      const std::size_t grand = 4 * first + 1;
      if (grand < n) {
        const char* g = reinterpret_cast<const char*>(h + grand);
        __builtin_prefetch(g);
        __builtin_prefetch(g + 64);
        __builtin_prefetch(g + 128);
        __builtin_prefetch(g + 192);
      }
      // Full block of four: branch-free minimum.
      // Index arithmetic on comparison results (setb) instead of ?:, which GCC sometimes
      // turns into a branch that mispredicts half of the time.
      const std::size_t a = first + static_cast<std::size_t>(h[first + 1] < h[first]);
      const std::size_t b = first + 2 + static_cast<std::size_t>(h[first + 3] < h[first + 2]);
      const std::size_t take_b = 0 - static_cast<std::size_t>(h[b] < h[a]);
      const std::size_t best = a ^ ((a ^ b) & take_b);
      h[i] = h[best];
      i = best;
    } else {
      if (first < n) {
        std::size_t best = first;
        for (std::size_t c = first + 1; c < n; ++c)
          if (h[c] < h[best]) best = c;
        h[i] = h[best];
        i = best;
      }
      break;
    }
  }
  place_up(h, i, last);
}

void KeyHeap::heapify() {
  const std::size_t n = size();
  if (n < 2) return;
  Key* h = keys_.data() + kPad;
  for (std::size_t start = (n - 2) / 4 + 1; start-- > 0;) {
    // Classic top-down sift for heap construction.
    std::size_t i = start;
    const Key moving = h[i];
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < std::min(first + 4, n); ++c)
        if (h[c] < h[best]) best = c;
      if (!(h[best] < moving)) break;
      h[i] = h[best];
      i = best;
    }
    h[i] = moving;
  }
}

}  // namespace mailsim::sim
