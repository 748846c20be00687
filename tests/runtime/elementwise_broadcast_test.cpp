// The broadcasting helpers other kernels build on: shapes, merged loops, partial ranges.
#include <gtest/gtest.h>

#include <vector>

#include "runtime/kernels/elementwise/broadcast.h"

namespace litelab {
namespace {

using Shape = std::vector<int32_t>;

TEST(ElementwiseBroadcast, ShapesAlignAtTheLastDimension) {
    EXPECT_EQ(broadcast_shapes(Shape{2, 1, 3}, Shape{4, 1}), (Shape{2, 4, 3}));
    EXPECT_EQ(broadcast_shapes(Shape{}, Shape{5}), (Shape{5}));
    EXPECT_EQ(broadcast_shapes(Shape{0, 1}, Shape{1, 3}), (Shape{0, 3}));
    EXPECT_FALSE(broadcast_shapes(Shape{2, 3}, Shape{4}));
}

TEST(ElementwiseBroadcast, MergesDimensionsThatBroadcastAlike) {
    // [1,8,8,32] + [32]: the 8x8 rows merge into 64, b repeats along them.
    const auto plan = plan_broadcast(Shape{1, 8, 8, 32}, Shape{32});
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->rank, 2);
    EXPECT_EQ(plan->dims[0], 64);
    EXPECT_EQ(plan->dims[1], 32);
    EXPECT_EQ(plan->a_strides[0], 32);
    EXPECT_EQ(plan->a_strides[1], 1);
    EXPECT_EQ(plan->b_strides[0], 0);
    EXPECT_EQ(plan->b_strides[1], 1);
    EXPECT_EQ(plan->elements, 2048);
    // Equal shapes are one flat loop.
    const auto flat = plan_broadcast(Shape{2, 3, 4}, Shape{2, 3, 4});
    ASSERT_TRUE(flat);
    EXPECT_EQ(flat->rank, 1);
    EXPECT_EQ(flat->dims[0], 24);
}

TEST(ElementwiseBroadcast, TooManyAlternatingDimensionsAreRefused) {
    EXPECT_TRUE(plan_broadcast(Shape{2, 1, 2, 1, 2, 1}, Shape{1, 2, 1, 2, 1, 2}));
    EXPECT_FALSE(plan_broadcast(Shape{2, 1, 2, 1, 2, 1, 2}, Shape{1, 2, 1, 2, 1, 2, 1}));
}

TEST(ElementwiseBroadcast, AnyRangeOfTheOutputMatchesTheNaiveIndexing) {
    // a [3,1,4], b [2,1]: out [3,2,4]; out[i,j,k] = a[i,0,k] * 10 + b[j,0].
    const Shape sa{3, 1, 4};
    const Shape sb{2, 1};
    std::vector<int> a(12);
    std::vector<int> b(2);
    for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<int>(i);
    b = {100, 200};
    const auto plan = plan_broadcast(sa, sb);
    ASSERT_TRUE(plan);
    std::vector<int> expected;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 2; ++j)
            for (int k = 0; k < 4; ++k) expected.push_back(a[static_cast<size_t>(i * 4 + k)] * 10 + b[static_cast<size_t>(j)]);
    const auto fn = [](int x, int y) { return x * 10 + y; };
    for (int64_t begin = 0; begin <= 24; begin += 5) {
        std::vector<int> out(24, -1);
        for_each_broadcast(*plan, a.data(), b.data(), out.data(), begin, 24, fn);
        for_each_broadcast(*plan, a.data(), b.data(), out.data(), 0, begin, fn);
        EXPECT_EQ(out, expected) << "split at " << begin;
    }
}

}  // namespace
}  // namespace litelab
