// Which lowering converts which Keras layer class.
#include <map>

#include "import/keras/keras_layers.h"

namespace litelab {

LayerLowering find_layer_lowering(const std::string& class_name) {
    using namespace keras_layers;
    static const std::map<std::string, LayerLowering> table = {
        {"Dense", dense},
        {"Embedding", embedding},
        {"Activation", activation},
        {"ReLU", relu},
        {"LeakyReLU", leaky_relu},
        {"PReLU", prelu},
        {"ELU", elu},
        {"ThresholdedReLU", thresholded_relu},
        {"Softmax", softmax},
        {"Dropout", identity},
        {"SpatialDropout1D", identity},
        {"SpatialDropout2D", identity},
        {"SpatialDropout3D", identity},
        {"GaussianNoise", identity},
        {"GaussianDropout", identity},
        {"AlphaDropout", identity},
        {"ActivityRegularization", identity},
        {"Conv1D", conv},
        {"Conv2D", conv},
        {"DepthwiseConv1D", depthwise_conv},
        {"DepthwiseConv2D", depthwise_conv},
        {"SeparableConv1D", separable_conv},
        {"SeparableConv2D", separable_conv},
        {"Conv2DTranspose", conv_2d_transpose},
        {"MaxPooling1D", pooling},
        {"MaxPooling2D", pooling},
        {"AveragePooling1D", pooling},
        {"AveragePooling2D", pooling},
        {"GlobalAveragePooling1D", global_pooling},
        {"GlobalAveragePooling2D", global_pooling},
        {"GlobalMaxPooling1D", global_pooling},
        {"GlobalMaxPooling2D", global_pooling},
        {"Flatten", flatten},
        {"Reshape", reshape},
        {"Permute", permute},
        {"RepeatVector", repeat_vector},
        {"ZeroPadding1D", zero_padding},
        {"ZeroPadding2D", zero_padding},
        {"Cropping1D", cropping},
        {"Cropping2D", cropping},
        {"UpSampling1D", up_sampling},
        {"UpSampling2D", up_sampling},
        {"Add", merge},
        {"Subtract", merge},
        {"Multiply", merge},
        {"Average", merge},
        {"Maximum", merge},
        {"Minimum", merge},
        {"Concatenate", concatenate},
        {"BatchNormalization", batch_normalization},
        {"Rescaling", rescaling},
        {"Normalization", normalization},
        // Aliases older writers put in configs.
        {"Convolution1D", conv},
        {"Convolution2D", conv},
        {"SeparableConvolution2D", separable_conv},
        {"MaxPool1D", pooling},
        {"MaxPool2D", pooling},
        {"AvgPool1D", pooling},
        {"AvgPool2D", pooling},
        {"GlobalAvgPool1D", global_pooling},
        {"GlobalAvgPool2D", global_pooling},
        {"GlobalMaxPool1D", global_pooling},
        {"GlobalMaxPool2D", global_pooling},
        {"LSTM", lstm},
        {"GRU", gru},
    };
    const auto it = table.find(class_name);
    return it == table.end() ? nullptr : it->second;
}

}  // namespace litelab
