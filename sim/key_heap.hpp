#pragma once
// A 4-ary min-heap of 128-bit keys, laid out so that the four children of a node share one
// 64-byte cache line: the ordering half of the event queue, without its callbacks.
#include <algorithm>
#include <cstddef>
#include <new>
#include <vector>

namespace mailsim::sim {

namespace detail {
// std::allocator with cache-line alignment, for the heap's layout.
template <class T>
struct CacheAligned {
  using value_type = T;
  CacheAligned() = default;
  template <class U>
  CacheAligned(const CacheAligned<U>&) {}
  T* allocate(std::size_t n) {
    return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(64)));
  }
  void deallocate(T* p, std::size_t n) {
    ::operator delete(p, n * sizeof(T), std::align_val_t(64));
  }
  friend bool operator==(const CacheAligned&, const CacheAligned&) { return true; }
};
}  // namespace detail

class KeyHeap {
 public:
  using Key = unsigned __int128;

  KeyHeap() : keys_(kPad) {}

  bool empty() const { return keys_.size() == kPad; }
  std::size_t size() const { return keys_.size() - kPad; }
  std::size_t capacity() const { return keys_.capacity() - kPad; }
  // The least key; the heap must not be empty.
  Key top() const { return keys_[kPad]; }
  // Node i; node 0 is the top, the children of i are 4i+1..4i+4.
  Key operator[](std::size_t i) const { return keys_[i + kPad]; }

  void push(Key k) {
    keys_.push_back(k);
    sift_up(size() - 1);
  }
  // Removes the top; the heap must not be empty.
  void pop();
  // The least of the top's children (the next top, unless a push comes first); the heap must
  // hold at least five keys.
  Key least_child_of_top() const {
    const Key* c = keys_.data() + kPad + 1;
    const Key a = c[1] < c[0] ? c[1] : c[0];
    const Key b = c[3] < c[2] ? c[3] : c[2];
    return b < a ? b : a;
  }

  // Drops the keys for which `dead` returns true, then rebuilds the heap.
  template <class Dead>
  void erase_if(Dead dead) {
    keys_.erase(std::remove_if(keys_.begin() + kPad, keys_.end(), dead), keys_.end());
    heapify();
  }
  void clear() { keys_.resize(kPad); }

 private:
  // Node i lives at keys_[i + kPad]; with a 64-byte aligned buffer, the children 4i+1..4i+4
  // then start on a cache-line boundary.
  static constexpr std::size_t kPad = 3;

  void sift_up(std::size_t i);
  void heapify();

  std::vector<Key, detail::CacheAligned<Key>> keys_;
};

}  // namespace mailsim::sim
