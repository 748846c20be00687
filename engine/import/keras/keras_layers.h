// The lowering of each Keras layer class, grouped by family (one file each); the table in
// keras_layer_table.cpp maps class names to them.
#pragma once

#include "import/keras/keras_lowering.h"

namespace litelab::keras_layers {

using Lowered = Result<std::vector<int32_t>>;

// lower_core.cpp
Lowered dense(LayerCall& c);
Lowered embedding(LayerCall& c);
Lowered activation(LayerCall& c);
Lowered relu(LayerCall& c);
Lowered leaky_relu(LayerCall& c);
Lowered prelu(LayerCall& c);
Lowered elu(LayerCall& c);
Lowered thresholded_relu(LayerCall& c);
Lowered softmax(LayerCall& c);
Lowered identity(LayerCall& c);  // Dropout and the other training-only layers

// lower_conv.cpp
Lowered conv(LayerCall& c);  // Conv1D, Conv2D
Lowered depthwise_conv(LayerCall& c);  // DepthwiseConv1D, DepthwiseConv2D
Lowered separable_conv(LayerCall& c);  // SeparableConv1D, SeparableConv2D
Lowered conv_2d_transpose(LayerCall& c);

// lower_pooling.cpp
Lowered pooling(LayerCall& c);         // Max/AveragePooling1D/2D
Lowered global_pooling(LayerCall& c);  // GlobalMax/AveragePooling1D/2D

// lower_shaping.cpp
Lowered flatten(LayerCall& c);
Lowered reshape(LayerCall& c);
Lowered permute(LayerCall& c);
Lowered repeat_vector(LayerCall& c);
Lowered zero_padding(LayerCall& c);  // ZeroPadding1D/2D
Lowered cropping(LayerCall& c);      // Cropping1D/2D
Lowered up_sampling(LayerCall& c);   // UpSampling1D/2D

// lower_merging.cpp
Lowered merge(LayerCall& c);  // Add, Subtract, Multiply, Average, Maximum, Minimum
Lowered concatenate(LayerCall& c);

// lower_normalization.cpp
Lowered batch_normalization(LayerCall& c);
Lowered rescaling(LayerCall& c);
Lowered normalization(LayerCall& c);

// lower_recurrent.cpp
Lowered lstm(LayerCall& c);
Lowered gru(LayerCall& c);

}  // namespace litelab::keras_layers
