// The greedy-by-size planner on hand-worked lifetimes.
#include <gtest/gtest.h>

#include "runtime/arena_planner.h"

namespace litelab {
namespace {

TEST(ArenaPlanner, ChainReusesMemoryOfDeadTensors) {
    // a -> op0 -> b -> op1 -> c -> op2 -> d: a and c never live together, nor b and d.
    const std::vector<BufferRequest> requests = {{1000, 0, 0}, {2000, 0, 1}, {1000, 1, 2}, {500, 2, 2}};
    const ArenaPlan plan = plan_arena(requests);
    // Largest first: b at 0; a and c overlap b, so both sit above it (at 2000), not overlapping
    // each other in time; d overlaps only c and lands at 0 where b is dead.
    EXPECT_EQ(plan.offsets[1], 0u);
    EXPECT_EQ(plan.offsets[0], 2000u);
    EXPECT_EQ(plan.offsets[2], 2000u);
    EXPECT_EQ(plan.offsets[3], 0u);
    EXPECT_EQ(plan.arena_bytes, 3008u);  // 3000 rounded up to 16
}

TEST(ArenaPlanner, FillsAGapBetweenPlacedBuffers) {
    // x [0,1] at 0 (size 100), y [2,3] at 0 (size 100) reuse; z [1,2] overlaps both: goes above.
    const std::vector<BufferRequest> requests = {{100, 0, 1}, {100, 2, 3}, {64, 1, 2}};
    const ArenaPlan plan = plan_arena(requests);
    EXPECT_EQ(plan.offsets[0], 0u);
    EXPECT_EQ(plan.offsets[1], 0u);
    EXPECT_EQ(plan.offsets[2], 112u);  // 100 aligned up to 16
    EXPECT_EQ(plan.arena_bytes, 176u);
}

TEST(ArenaPlanner, UsesAGapBelowALaterBuffer) {
    // big [0,2] at 0; mid [1,1] above it at 1024; small [0,0] fits above big, below nothing
    // live: it shares time with big only, so it goes at 1024 too (mid is not live at 0).
    const std::vector<BufferRequest> requests = {{1024, 0, 2}, {512, 1, 1}, {256, 0, 0}};
    const ArenaPlan plan = plan_arena(requests);
    EXPECT_EQ(plan.offsets[0], 0u);
    EXPECT_EQ(plan.offsets[1], 1024u);
    EXPECT_EQ(plan.offsets[2], 1024u);
    EXPECT_EQ(plan.arena_bytes, 1536u);
}

TEST(ArenaPlanner, NoTwoLiveBuffersOverlap) {
    std::vector<BufferRequest> requests;
    for (int i = 0; i < 200; ++i)
        requests.push_back({static_cast<size_t>(16 + (i * 7919) % 5000), (i * 31) % 50, (i * 31) % 50 + i % 7});
    const ArenaPlan plan = plan_arena(requests);
    for (size_t a = 0; a < requests.size(); ++a) {
        EXPECT_LE(plan.offsets[a] + requests[a].bytes, plan.arena_bytes);
        EXPECT_EQ(plan.offsets[a] % 16, 0u);
        for (size_t b = a + 1; b < requests.size(); ++b) {
            const bool same_time = requests[a].first_use <= requests[b].last_use && requests[b].first_use <= requests[a].last_use;
            const bool same_place = plan.offsets[a] < plan.offsets[b] + requests[b].bytes &&
                                    plan.offsets[b] < plan.offsets[a] + requests[a].bytes;
            EXPECT_FALSE(same_time && same_place) << a << " and " << b;
        }
    }
}

}  // namespace
}  // namespace litelab
