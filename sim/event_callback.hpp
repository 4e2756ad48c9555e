#pragma once
// A move-only void() callable with 16 bytes of inline storage, so that an event's callback and
// its bookkeeping fit in 32 bytes. Larger callables are moved to the heap.
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace mailsim::sim {

class EventCallback {
 public:
  static constexpr std::size_t kInlineSize = 16;

  EventCallback() = default;

  template <class F, class D = std::decay_t<F>,
            class = std::enable_if_t<!std::is_same_v<D, EventCallback> && std::is_invocable_v<D&>>>
  EventCallback(F&& f) {  // NOLINT: implicit, like std::function
    emplace(std::forward<F>(f));
  }

  EventCallback(EventCallback&& other) noexcept { take(other); }
  EventCallback& operator=(EventCallback&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  EventCallback(const EventCallback&) = delete;
  EventCallback& operator=(const EventCallback&) = delete;
  ~EventCallback() { reset(); }

  template <class F>
  void emplace(F&& f) {
    using D = std::decay_t<F>;
    reset();
    if constexpr (fits_inline<D>()) {
      ::new (static_cast<void*>(buf_)) D(std::forward<F>(f));
      ops_ = &inline_ops<D>;
    } else {
      D* p = new D(std::forward<F>(f));
      std::memcpy(buf_, &p, sizeof p);
      ops_ = &heap_ops<D>;
    }
  }

  void reset() noexcept {
    if (ops_ != nullptr) {
      ops_(Op::destroy, this, nullptr);
      ops_ = nullptr;
    }
  }

  explicit operator bool() const noexcept { return ops_ != nullptr; }
  void operator()() { ops_(Op::invoke, this, nullptr); }

  // Moves the callable out, leaves this object empty, then calls it: one indirect call, and
  // the storage may be reused (or moved) by the callable itself while it runs.
  void run_once() { ops_(Op::run, this, nullptr); }

  // True when F is stored without a heap allocation.
  template <class F>
  static constexpr bool fits_inline() {
    return sizeof(F) <= kInlineSize && alignof(F) <= alignof(std::max_align_t) && alignof(F) <= 8 &&
           std::is_nothrow_move_constructible_v<F>;
  }

 private:
  enum class Op : unsigned char { invoke, run, move, destroy };
  using Ops = void (*)(Op, EventCallback*, EventCallback*);

  void take(EventCallback& other) noexcept {
    if (other.ops_ != nullptr) {
      other.ops_(Op::move, &other, this);
      ops_ = other.ops_;
      other.ops_ = nullptr;
    }
  }

  template <class F>
  static void inline_ops(Op op, EventCallback* self, EventCallback* dst) {
    F* f = std::launder(reinterpret_cast<F*>(self->buf_));
    switch (op) {
      case Op::invoke:
        (*f)();
        break;
      case Op::run: {
        F local(std::move(*f));
        f->~F();
        self->ops_ = nullptr;
        local();  // `self` may be reused from here on
        break;
      }
      case Op::move:
        ::new (static_cast<void*>(dst->buf_)) F(std::move(*f));
        f->~F();
        break;
      case Op::destroy:
        f->~F();
        break;
    }
  }

  template <class F>
  static void heap_ops(Op op, EventCallback* self, EventCallback* dst) {
    F* f;
    std::memcpy(&f, self->buf_, sizeof f);
    switch (op) {
      case Op::invoke:
        (*f)();
        break;
      case Op::run: {
        self->ops_ = nullptr;
        std::unique_ptr<F> owner(f);
        (*owner)();
        break;
      }
      case Op::move:
        std::memcpy(dst->buf_, self->buf_, sizeof f);
        break;
      case Op::destroy:
        delete f;
        break;
    }
  }

  alignas(8) unsigned char buf_[kInlineSize];
  Ops ops_ = nullptr;
};

static_assert(sizeof(EventCallback) == 24);

}  // namespace mailsim::sim
