#include "sim/net/detail/stable_vector.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace mailsim::sim::net::detail {
namespace {

// The network keeps string_views into node names: adding nodes must move none of them, and
// the index must reach the element added at that place.
TEST(StableVector, ElementsStayWhereTheyWereAddedAndTheIndexFindsThem) {
  StableVector<std::string> names;
  std::vector<const std::string*> where;
  std::vector<std::string_view> views;
  for (int i = 0; i < 5000; ++i) {  // many deque blocks and several growths of the index
    std::string& s = names.emplace_back();
    s = "node-" + std::to_string(i) + std::string(20, 'x');  // past the small-string buffer
    where.push_back(&s);
    views.push_back(s);
  }
  ASSERT_EQ(names.size(), 5000u);
  std::size_t i = 0;
  for (const std::string& s : names) {
    EXPECT_EQ(&s, where[i]);
    EXPECT_EQ(&names[i], where[i]);
    EXPECT_EQ(views[i].data(), s.data());
    EXPECT_EQ(s, "node-" + std::to_string(i) + std::string(20, 'x'));
    ++i;
  }
  EXPECT_EQ(i, 5000u);
  const auto& read_only = names;
  EXPECT_EQ(&read_only[4999], where[4999]);
  EXPECT_FALSE(read_only.empty());
  EXPECT_TRUE(StableVector<int>().empty());
}

}  // namespace
}  // namespace mailsim::sim::net::detail
