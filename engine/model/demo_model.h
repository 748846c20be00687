// The demo model LiteLab builds for itself when no model is at hand: a small keyword-spotting
// CNN shaped like the ones shipped to microcontrollers (MFCC frames [-1, 50, 13, 1] ->
// CONV_2D 3x3 relu -> MAX_POOL_2D 2x2 -> RESHAPE -> FULLY_CONNECTED -> SOFTMAX). Its weights are
// deterministic pseudo-random values: it shows structure, not skill.
#pragma once

#include "model/model.h"

namespace litelab {

Model make_demo_model();

}  // namespace litelab
