#include "scenarios/load/key_recorder.hpp"

namespace mailsim::scenarios {
namespace {
KeyCollector* g_collector = nullptr;
}  // namespace

KeyCollector::KeyCollector() : previous_(g_collector) {
  g_collector = this;
}

KeyCollector::~KeyCollector() {
  g_collector = previous_;
}

void record_key(std::string_view map_path, std::string_view key) {
  if (g_collector == nullptr) return;
  std::string path(map_path);
  if (!map_path.ends_with(".*")) path += (path.empty() ? "" : ".") + std::string(key);
  g_collector->keys_.insert(std::move(path));
}

}  // namespace mailsim::scenarios
