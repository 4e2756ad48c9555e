#pragma once
// The bytes of a stored message, and the arena a mail store keeps them in.
//
// Stores lay their messages' bytes one after the other in large chunks instead of one heap
// block per message: a city's mailboxes hold a gigabyte, and a block per message, each kept
// for the whole run among the simulation's short-lived ones, scattered those across the heap
// and made every later allocation slower (bench/README.md, "The city"). A text is read-only;
// copies share its bytes. A chunk is freed with the last text in it, so a removed message's
// bytes are given back once its neighbours in the chunk are gone too.
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace mailsim::proto::mailbox {

class MessageText {
 public:
  MessageText() = default;

  std::string_view view() const { return {data_.get(), size_}; }
  operator std::string_view() const { return view(); }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string str() const { return std::string(view()); }

  friend bool operator==(const MessageText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const MessageText& a, const MessageText& b) {
    return a.view() == b.view();
  }

 private:
  friend class TextArena;
  MessageText(std::shared_ptr<const char> data, std::size_t size)
      : data_(std::move(data)), size_(size) {}

  std::shared_ptr<const char> data_;  // aliases the chunk that holds the bytes
  std::size_t size_ = 0;
};

// Lays texts one after the other in chunks of kChunk bytes; a text larger than a quarter of
// a chunk gets a block of its own. A chunk is freed with the last text in it.
class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;

  // The calling thread's arena, which every store on the thread shares: a city's thousand
  // stores fill a few hundred chunks between them, not a thousand half-empty ones each.
  static TextArena& of_this_thread();

  // A text of `parts` one after the other, copied once.
  MessageText make(std::initializer_list<std::string_view> parts);

  static constexpr std::size_t kChunk = std::size_t{4} << 20;

 private:
  std::shared_ptr<char[]> chunk_;
  std::size_t used_ = 0;
};

}  // namespace mailsim::proto::mailbox
