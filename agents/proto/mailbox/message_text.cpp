#include "agents/proto/mailbox/message_text.hpp"

#include <cstring>

namespace mailsim::proto::mailbox {

TextArena& TextArena::of_this_thread() {
  thread_local TextArena arena;
  return arena;
}

MessageText TextArena::make(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts)
    size += p.size();
  if (size == 0) return {};
  std::shared_ptr<char[]> chunk;
  char* at = nullptr;
  if (size > kChunk / 4) {
    chunk = std::shared_ptr<char[]>(new char[size]);
    at = chunk.get();
  } else {
    if (!chunk_ || size > kChunk - used_) {
      chunk_ = std::shared_ptr<char[]>(new char[kChunk]);
      used_ = 0;
    }
    chunk = chunk_;
    at = chunk_.get() + used_;
    used_ += size;
  }
  char* out = at;
  for (std::string_view p : parts) {
    if (!p.empty()) std::memcpy(out, p.data(), p.size());
    out += p.size();
  }
  return MessageText(std::shared_ptr<const char>(std::move(chunk), at), size);
}

}  // namespace mailsim::proto::mailbox
