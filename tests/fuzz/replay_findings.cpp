// Replays each input a fuzzer found (findings/TARGET/, one file each, named after what it broke)
// through the fuzz target's own entry point: the same checks, here under GCC with the normal
// build's flags (and under ASan+UBSan in `make asan`). A finding that comes back fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

TEST(FuzzFindings, EachFixedFindingRunsCleanly) {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(MAILSIM_FINDINGS))
    if (entry.is_regular_file() && entry.path().extension() != ".md")
      inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  ASSERT_FALSE(inputs.empty()) << MAILSIM_FINDINGS << " holds no input";
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.filename().string());
    std::ifstream in(input, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    EXPECT_EQ(
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
        0);
  }
}
