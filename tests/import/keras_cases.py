#!/usr/bin/python3
"""Writes the Keras test models of tests/import, in Keras' own file layouts, without Keras.

  keras_cases.py OUT_DIR

Every case is a small model with seeded random weights covering some of the layers LiteLab
converts. Each is written as a Keras 2 whole-model HDF5 file (attributes model_config,
keras_version, backend; group model_weights/<layer>/<weight path> with layer_names and
weight_names attributes, as tf.keras 2.x saves), and some also as a Keras 3 `.keras` archive
(config.json, metadata.json, model.weights.h5 with layers/<class_name>/vars/<i>) holding the
same weights. OUT_DIR/cases.json lists the cases: file names, which independent reference
computes their outputs (keras_ref.py, keras_tfjs, or `expected` arrays this script computes
itself with NumPy for the layers neither oracle has), and the inputs to feed.
"""
import io
import json
import os
import sys
import zipfile

import h5py
import numpy as np

RNG = np.random.default_rng(0)


def reset_rng(case_name):
    """Each case draws its weights from its own seed: rebuilding a case gives the same weights."""
    global RNG
    RNG = np.random.default_rng(sum(case_name.encode()) * 7919)


# --- model description -----------------------------------------------------------------------
class Layer:
    def __init__(self, cls, name, config, weights=None, inbound=None, model=None):
        self.cls, self.name, self.config = cls, name, dict(config, name=name)
        self.weights = weights or []  # [(variable name, array)] in Keras' order
        self.inbound = inbound or []  # Functional: [[(layer, node, tensor)], ...]
        self.model = model            # a nested Model


class Model:
    def __init__(self, cls, name, layers, inputs=None, outputs=None):
        self.cls, self.name, self.layers = cls, name, layers
        self.inputs, self.outputs = inputs or [], outputs or []


def w(*shape, scale=0.5):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def positive(*shape):
    return RNG.uniform(0.5, 1.5, shape).astype(np.float32)


def inp(name, shape, dtype="float32"):
    return Layer("InputLayer", name, {"batch_input_shape": [None] + list(shape), "dtype": dtype, "sparse": False})


def dense(name, units, fan_in, activation="linear", bias=True, ins=None, scale=0.5):
    ws = [("kernel", w(fan_in, units, scale=scale))] + ([("bias", w(units, scale=scale))] if bias else [])
    return Layer("Dense", name, {"units": units, "activation": activation, "use_bias": bias}, ws, ins)


def conv(name, cls, filters, k, cin, ins=None, groups=1, bias=True, **cfg):
    kernel = tuple(k) if isinstance(k, (list, tuple)) else (k,) * (2 if "2D" in cls else 1)
    ws = [("kernel", w(*kernel, cin // groups, filters))] + ([("bias", w(filters))] if bias else [])
    config = {"filters": filters, "kernel_size": list(kernel), "use_bias": bias, "groups": groups,
              "padding": "valid", "strides": [1] * len(kernel), "dilation_rate": [1] * len(kernel),
              "activation": "linear", "data_format": "channels_last"}
    config.update(cfg)
    return Layer(cls, name, config, ws, ins)


def batch_norm(name, channels, ins=None, scale=True, center=True, axis=-1):
    ws = ([("gamma", positive(channels))] if scale else []) + ([("beta", w(channels))] if center else [])
    ws += [("moving_mean", w(channels)), ("moving_variance", positive(channels))]
    return Layer("BatchNormalization", name, {"axis": axis, "epsilon": 0.001, "scale": scale, "center": center,
                                               "momentum": 0.99}, ws, ins)


def simple(cls, name, ins=None, **config):
    return Layer(cls, name, config, [], ins)


def seq(name, layers):
    return Model("Sequential", name, layers)


def functional(name, layers, inputs, outputs):
    return Model("Functional", name, layers, inputs, outputs)


def call(*names):
    return [[(n, 0, 0) for n in names]]


# --- Keras 2 HDF5 -----------------------------------------------------------------------------
def layer_config(layer, functional_parent, keras3):
    if layer.model is not None:
        entry = model_config(layer.model, keras3)
        entry["config"]["name"] = layer.name
    else:
        config = dict(layer.config)
        if keras3 and layer.cls == "InputLayer":
            config["batch_shape"] = config.pop("batch_input_shape")
        entry = {"class_name": layer.cls, "config": config}
        if keras3:
            entry["module"] = "keras.layers"
            entry["registered_name"] = None
    if functional_parent:
        entry["name"] = layer.name
        if keras3:
            entry["inbound_nodes"] = [
                {"args": [[{"class_name": "__keras_tensor__",
                            "config": {"shape": None, "dtype": "float32", "keras_history": list(r)}} for r in node]]
                 if len(node) > 1 else
                 [{"class_name": "__keras_tensor__",
                   "config": {"shape": None, "dtype": "float32", "keras_history": list(node[0])}}],
                 "kwargs": {}} for node in layer.inbound]
        else:
            entry["inbound_nodes"] = [[[r[0], r[1], r[2], {}] for r in node] for node in layer.inbound]
    return entry


def model_config(model, keras3=False):
    functional_model = model.cls == "Functional"
    layers = [layer_config(l, functional_model, keras3) for l in model.layers]
    config = {"name": model.name, "layers": layers}
    if functional_model:
        config["input_layers"] = [list(r) for r in model.inputs]
        config["output_layers"] = [list(r) for r in model.outputs]
    entry = {"class_name": model.cls, "config": config}
    if keras3:
        entry["module"] = "keras"
        entry["registered_name"] = None
    return entry


def weighted_layers(model):
    """(layer, path prefix) for every weighted layer, nested models flattened."""
    for layer in model.layers:
        if layer.model is not None:
            yield from weighted_layers(layer.model)
        elif layer.weights:
            yield layer


def variable_path(layer, variable, style):
    if layer.cls in ("LSTM", "GRU") and style == "tf2":
        return "%s/%s_cell/%s:0" % (layer.name, layer.cls.lower(), variable)
    return "%s/%s:0" % (layer.name, variable)


def write_h5(path, model, keras_version="2.4.0", rnn_style="tf2", optimizer=False, text_attributes=False):
    """text_attributes: the root attributes as Python str, which h5py stores as variable-length
    UTF-8 strings (as newer tf.keras writes keras_version and backend), instead of bytes."""
    as_stored = (lambda text: text) if text_attributes else (lambda text: text.encode())
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = as_stored(json.dumps(model_config(model)))
        if optimizer:  # model.save() after compile() and fit(): training state beside the weights
            f.attrs["training_config"] = json.dumps({"loss": "mse", "optimizer_config": {
                "class_name": "Adam", "config": {"learning_rate": 0.001}}}).encode()
            opt = f.create_group("optimizer_weights")
            names = []
            for layer in weighted_layers(model):
                for variable, value in layer.weights:
                    p = "training/Adam/%s/%s/m:0" % (layer.name, variable)
                    opt.create_dataset(p, data=np.zeros_like(value))
                    names.append(p.encode())
            opt.attrs["weight_names"] = np.array(names, dtype="S")
        f.attrs["keras_version"] = as_stored(keras_version)
        f.attrs["backend"] = as_stored("tensorflow")
        g = f.create_group("model_weights")
        # Keras lists model.layers: a Sequential's InputLayer is not one of them, a Functional's is.
        layers = [l for l in model.layers if not (model.cls == "Sequential" and l.cls == "InputLayer")]
        g.attrs["layer_names"] = np.array([l.name.encode() for l in layers])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = keras_version.encode()
        for layer in layers:
            group = g.create_group(layer.name)
            owned = list(weighted_layers(layer.model)) if layer.model is not None else ([layer] if layer.weights else [])
            names = []
            for l in owned:
                for variable, value in l.weights:
                    p = variable_path(l, variable, rnn_style)
                    group.create_dataset(p, data=value)
                    names.append(p.encode())
            # Keras writes an empty float array for layers without weights.
            group.attrs["weight_names"] = np.array(names, dtype="S") if names else np.array([])


# --- Keras 3 .keras ---------------------------------------------------------------------------
def snake(cls):
    import re
    s = re.sub(r"\W+", "", cls)
    s = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", s)
    return re.sub("([a-z])([A-Z])", r"\1_\2", s).lower()


def write_keras3_vars(h5, model, prefix):
    used = {}
    for layer in model.layers:
        if model.cls == "Sequential" and layer.cls == "InputLayer":
            continue
        name = snake(layer.cls)
        if name in used:
            used[name] += 1
            name = "%s_%d" % (name, used[name])
        else:
            used[name] = 0
        path = prefix + "layers/" + name
        if layer.model is not None:
            write_keras3_vars(h5, layer.model, path + "/")
            continue
        vars_path = path + ("/cell" if layer.cls in ("LSTM", "GRU") else "") + "/vars"
        group = h5.require_group(vars_path)
        for i, (_, value) in enumerate(layer.weights):
            group.create_dataset(str(i), data=value)


def write_keras(path, model):
    config = model_config(model, keras3=True)
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        write_keras3_vars(h5, model, "")
    metadata = {"keras_version": "3.3.3", "date_saved": "2024-06-11@00:00:00"}
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("metadata.json", json.dumps(metadata))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", buffer.getvalue())


# --- the cases --------------------------------------------------------------------------------
def case_dense_mlp():
    return seq("dense_mlp", [inp("features", [8]), dense("hidden", 16, 8, "relu"), simple("Dropout", "drop", rate=0.5),
                             dense("logits", 4, 16, "softmax")])


def case_dense_batch_norm():
    # Dense layers (with and without bias) followed by batch norms that fold, on 3-D input too.
    return seq("dense_batch_norm", [inp("tokens", [5, 6]), dense("proj", 7, 6), batch_norm("proj_bn", 7),
                                    simple("Activation", "proj_act", activation="tanh"),
                                    dense("nobias", 3, 7, bias=False), batch_norm("nobias_bn", 3, scale=False),
                                    simple("Flatten", "flat"), dense("out", 2, 15, "sigmoid")])


def case_conv2d_family():
    return seq("conv2d_family", [
        inp("image", [12, 12, 3]),
        conv("conv_a", "Conv2D", 8, 3, 3, padding="same"), batch_norm("conv_a_bn", 8),
        simple("ReLU", "conv_a_relu", max_value=6.0, negative_slope=0.0, threshold=0.0),
        Layer("DepthwiseConv2D", "dw", {"kernel_size": [3, 3], "strides": [2, 2], "padding": "same",
                                        "depth_multiplier": 2, "dilation_rate": [1, 1], "use_bias": False,
                                        "activation": "linear", "data_format": "channels_last"},
              [("depthwise_kernel", w(3, 3, 8, 2))]),
        batch_norm("dw_bn", 16), simple("ReLU", "dw_relu"),
        Layer("SeparableConv2D", "sep", {"filters": 6, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
                                         "depth_multiplier": 1, "dilation_rate": [1, 1], "use_bias": True,
                                         "activation": "relu", "data_format": "channels_last"},
              [("depthwise_kernel", w(3, 3, 16, 1)), ("pointwise_kernel", w(1, 1, 16, 6)), ("bias", w(6))]),
        conv("dilated", "Conv2D", 5, 2, 6, dilation_rate=[2, 2], padding="same", activation="relu6"),
        conv("grouped", "Conv2D", 4, 1, 5, groups=1, bias=False), batch_norm("grouped_bn", 4, center=False),
        simple("MaxPooling2D", "max_pool", pool_size=[2, 2], strides=[1, 1], padding="valid",
               data_format="channels_last"),
        simple("AveragePooling2D", "avg_pool", pool_size=[2, 2], strides=[2, 2], padding="same",
               data_format="channels_last"),
        simple("GlobalAveragePooling2D", "gap", data_format="channels_last"),
        dense("head", 3, 4, "softmax")])


def case_conv2d_groups():
    return seq("conv2d_groups", [inp("image", [6, 6, 4]),
                                 conv("group_conv", "Conv2D", 6, 3, 4, groups=2, strides=[2, 1], padding="same"),
                                 simple("GlobalMaxPooling2D", "gmp", data_format="channels_last")])


def case_conv1d_family():
    return seq("conv1d_family", [
        inp("signal", [20, 4]),
        conv("causal", "Conv1D", 8, 3, 4, padding="causal", dilation_rate=[2], activation="relu"),
        conv("strided", "Conv1D", 6, 3, 8, strides=[2], padding="same"), batch_norm("strided_bn", 6),
        Layer("SeparableConv1D", "sep1d", {"filters": 5, "kernel_size": [3], "strides": [1], "padding": "same",
                                           "depth_multiplier": 2, "dilation_rate": [1], "use_bias": True,
                                           "activation": "tanh", "data_format": "channels_last"},
              [("depthwise_kernel", w(3, 6, 2)), ("pointwise_kernel", w(1, 12, 5)), ("bias", w(5))]),
        Layer("DepthwiseConv1D", "dw1d", {"kernel_size": [3], "strides": [1], "padding": "valid",
                                          "depth_multiplier": 1, "dilation_rate": [1], "use_bias": True,
                                          "activation": "linear", "data_format": "channels_last"},
              [("depthwise_kernel", w(3, 5, 1)), ("bias", w(5))]),
        simple("MaxPooling1D", "max1d", pool_size=[2], strides=[2], padding="valid", data_format="channels_last"),
        simple("AveragePooling1D", "avg1d", pool_size=[2], strides=[1], padding="same", data_format="channels_last"),
        simple("ZeroPadding1D", "pad1d", padding=[1, 2]),
        simple("Cropping1D", "crop1d", cropping=[2, 1]),
        simple("UpSampling1D", "up1d", size=2),
        simple("GlobalAveragePooling1D", "gap1d", data_format="channels_last"),
        dense("out", 2, 5)])


# hard_sigmoid has a case of its own: Keras 3 changed its definition.
ACTIVATION_NAMES = ["relu", "relu6", "sigmoid", "tanh", "softmax", "linear", "elu", "selu", "swish", "silu", "gelu",
                    "hard_swish", "softplus", "softsign", "exponential", "mish", "leaky_relu"]


def case_activations():
    layers = [inp("x", [6]), dense("pre", 6, 6, ins=call("x"))]
    names = []
    for a in ACTIVATION_NAMES:
        layers.append(simple("Activation", "act_" + a, ins=call("pre"), activation=a))
        names.append("act_" + a)
    layers.append(simple("Concatenate", "all", ins=call(*names), axis=-1))
    return functional("activations", layers, [("x", 0, 0)], [("all", 0, 0)])


def case_hard_sigmoid():
    return seq("hard_sigmoid", [inp("x", [6]), dense("pre", 6, 6, scale=2.0),
                                simple("Activation", "hard", activation="hard_sigmoid")])


def hard_sigmoid_keras3_expected(model, x):
    """Keras 3's hard_sigmoid, relu6(x + 3) / 6, after the Dense layer, in float64."""
    weights = dict(model.layers[1].weights)
    pre = x.astype(np.float64) @ weights["kernel"] + weights["bias"]
    return (np.clip(pre + 3, 0, 6) / 6).astype(np.float32)


def case_upsampling_bilinear():
    return seq("upsampling_bilinear", [inp("image", [3, 4, 2]),
                                       simple("UpSampling2D", "up", size=[2, 3], interpolation="bilinear",
                                              data_format="channels_last")])


def bilinear_expected(x, factors):
    """tf.image.resize(method="bilinear"), which UpSampling2D calls: half-pixel centres, in NumPy."""
    def taps(in_size, out_size):
        scale = in_size / out_size
        centre = (np.arange(out_size) + 0.5) * scale - 0.5
        floor = np.floor(centre)
        lower = np.maximum(floor, 0).astype(int)
        upper = np.minimum(np.ceil(centre), in_size - 1).astype(int)
        return lower, upper, centre - floor
    n, h, w, c = x.shape
    y0, y1, fy = taps(h, h * factors[0])
    x0, x1, fx = taps(w, w * factors[1])
    v = x.astype(np.float64)
    top = v[:, y0][:, :, x0] * (1 - fx)[None, None, :, None] + v[:, y0][:, :, x1] * fx[None, None, :, None]
    bottom = v[:, y1][:, :, x0] * (1 - fx)[None, None, :, None] + v[:, y1][:, :, x1] * fx[None, None, :, None]
    return (top * (1 - fy)[None, :, None, None] + bottom * fy[None, :, None, None]).astype(np.float32)


def case_relu_variants():
    x = "x"
    layers = [inp(x, [4, 5]), dense("pre", 5, 5, ins=call(x))]
    branches = [
        simple("ReLU", "relu_cap", ins=call("pre"), max_value=0.8, negative_slope=0.0, threshold=0.0),
        simple("ReLU", "relu_leaky", ins=call("pre"), max_value=None, negative_slope=0.1, threshold=0.0),
        simple("ReLU", "relu_threshold", ins=call("pre"), max_value=None, negative_slope=0.0, threshold=0.3),
        simple("ReLU", "relu_all", ins=call("pre"), max_value=1.5, negative_slope=0.2, threshold=-0.2),
        simple("LeakyReLU", "leaky", ins=call("pre"), alpha=0.25),
        Layer("PReLU", "prelu", {"shared_axes": [1]}, [("alpha", w(1, 5))], call("pre")),
        simple("ELU", "elu_07", ins=call("pre"), alpha=0.7),
        simple("ThresholdedReLU", "thresholded", ins=call("pre"), theta=0.4),
        simple("Softmax", "softmax_last", ins=call("pre"), axis=-1),
        simple("Softmax", "softmax_mid", ins=call("pre"), axis=1),
    ]
    layers += branches
    layers.append(simple("Concatenate", "all", ins=call(*[b.name for b in branches]), axis=-1))
    return functional("relu_variants", layers, [(x, 0, 0)], [("all", 0, 0)])


def case_shaping():
    return seq("shaping", [
        inp("grid", [4, 6, 3]),
        simple("Reshape", "reshape", target_shape=[6, -1, 3]),
        simple("Permute", "permute", dims=[2, 1, 3]),
        simple("ZeroPadding2D", "pad", padding=[[1, 0], [2, 1]], data_format="channels_last"),
        simple("Cropping2D", "crop", cropping=[[1, 1], [0, 2]], data_format="channels_last"),
        simple("UpSampling2D", "up", size=[2, 1], interpolation="nearest", data_format="channels_last"),
        simple("Flatten", "flatten", data_format="channels_last"),
        simple("RepeatVector", "repeat", n=2),
        simple("Reshape", "back", target_shape=[-1]),
    ])


def case_merging():
    a, b = "left", "right"
    layers = [inp(a, [3, 4]), inp(b, [3, 4])]
    merges = [simple(cls, cls.lower(), ins=call(a, b)) for cls in ("Add", "Subtract", "Multiply", "Average",
                                                                       "Maximum", "Minimum")]
    layers += merges
    layers.append(simple("Concatenate", "time_concat", ins=call(a, b), axis=1))
    layers.append(simple("Concatenate", "feature_concat", ins=call(*[m.name for m in merges]), axis=-1))
    layers.append(dense("mixed", 2, 24, "relu", ins=call("feature_concat")))
    return functional("merging", layers, [(a, 0, 0), (b, 0, 0)], [("mixed", 0, 0), ("time_concat", 0, 0)])


def case_scaling():
    return seq("scaling", [inp("pixels", [5, 3]), simple("Rescaling", "rescale", scale=1.0 / 127.5, offset=-1.0),
                           batch_norm("standalone_bn", 3), batch_norm("bn_axis1", 5, axis=1)])


def case_nested():
    # Teachable Machine's shape: Sequential > [Sequential > Functional feature extractor, Sequential head].
    inner = functional("features", [
        inp("inner_in", [8, 8, 2]),
        conv("stem", "Conv2D", 4, 3, 2, ins=call("inner_in"), padding="same"), batch_norm("stem_bn", 4, ins=call("stem")),
        simple("ReLU", "stem_relu", ins=call("stem_bn"), max_value=6.0),
        conv("branch", "Conv2D", 4, 1, 4, ins=call("stem_relu")), batch_norm("branch_bn", 4, ins=call("branch")),
        simple("Add", "residual", ins=call("stem_relu", "branch_bn")),
    ], [("inner_in", 0, 0)], [("residual", 0, 0)])
    body = seq("body", [inp("body_in", [8, 8, 2]), Layer("Functional", "features", {}, model=inner),
                        simple("GlobalAveragePooling2D", "pool", data_format="channels_last")])
    head = seq("head", [inp("head_in", [4]), dense("fc1", 6, 4, "relu"), dense("fc2", 3, 6, "softmax", bias=False)])
    return seq("nested", [inp("nested_in", [8, 8, 2]), Layer("Sequential", "body", {}, model=body),
                          Layer("Sequential", "head", {}, model=head)])


def recurrent(cls, name, units, features, gates, ins=None, bias_rows=1, **cfg):
    ws = [("kernel", w(features, gates * units)), ("recurrent_kernel", w(units, gates * units))]
    ws.append(("bias", w(bias_rows, gates * units) if bias_rows > 1 else w(gates * units)))
    config = {"units": units, "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
              "return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
              "unroll": False, "time_major": False,
              # Real files name their initializers; tfjs-layers runs them before loading the
              # weights, and its Orthogonal initializer fails under Node, so Zeros here.
              "kernel_initializer": {"class_name": "Zeros", "config": {}},
              "recurrent_initializer": {"class_name": "Zeros", "config": {}},
              "bias_initializer": {"class_name": "Zeros", "config": {}}}
    config.update(cfg)
    return Layer(cls, name, config, ws, ins)


def case_lstm():
    return seq("lstm", [inp("sequence", [6, 5]), recurrent("LSTM", "lstm_seq", 8, 5, 4, return_sequences=True),
                        recurrent("LSTM", "lstm_last", 4, 8, 4), dense("out", 3, 4)])


def case_lstm_unrolled():
    return seq("lstm_unrolled", [inp("sequence", [5, 3]),
                                 recurrent("LSTM", "lstm_hard", 4, 3, 4, recurrent_activation="hard_sigmoid",
                                           return_sequences=True),
                                 recurrent("LSTM", "lstm_back", 3, 4, 4, go_backwards=True)])


def case_gru():
    return seq("gru", [inp("sequence", [5, 4]),
                       recurrent("GRU", "gru_seq", 6, 4, 3, reset_after=False, return_sequences=True),
                       recurrent("GRU", "gru_last", 3, 6, 3, reset_after=False)])


def case_gru_reset_after():
    # tf.keras 2.x's default GRU (reset_after=True, CuDNN-compatible); tfjs-layers lacks it.
    return seq("gru_reset_after", [inp("sequence", [4, 3]),
                                   recurrent("GRU", "gru_after", 5, 3, 3, bias_rows=2, reset_after=True,
                                             return_sequences=True)])


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def gru_reset_after_expected(model, x):
    """Keras' GRU (reset_after=True) in NumPy, float64: the reference for gru_reset_after."""
    layer = model.layers[1]
    weights = dict(layer.weights)
    kernel, recurrent_kernel, bias = (weights[k].astype(np.float64) for k in ("kernel", "recurrent_kernel", "bias"))
    units = layer.config["units"]
    h = np.zeros((x.shape[0], units))
    outputs = []
    for t in range(x.shape[1]):
        xp = x[:, t, :].astype(np.float64) @ kernel + bias[0]
        hp = h @ recurrent_kernel + bias[1]
        z = sigmoid(xp[:, :units] + hp[:, :units])
        r = sigmoid(xp[:, units:2 * units] + hp[:, units:2 * units])
        candidate = np.tanh(xp[:, 2 * units:] + r * hp[:, 2 * units:])
        h = z * h + (1 - z) * candidate
        outputs.append(h)
    return np.stack(outputs, axis=1).astype(np.float32)


def case_conv_transpose():
    def transpose(name, filters, k, cin, **cfg):
        config = {"filters": filters, "kernel_size": [k, k], "strides": [2, 2], "padding": "same",
                  "output_padding": None, "dilation_rate": [1, 1], "activation": "linear", "use_bias": True,
                  "data_format": "channels_last"}
        config.update(cfg)
        return Layer("Conv2DTranspose", name, config, [("kernel", w(k, k, filters, cin)), ("bias", w(filters))])
    return seq("conv_transpose", [inp("image", [4, 5, 3]), transpose("up_same", 4, 3, 3, activation="relu"),
                                  transpose("up_valid", 2, 3, 4, padding="valid", strides=[1, 2])])


def case_embedding():
    return seq("embedding", [inp("ids", [7], dtype="int32"),
                             Layer("Embedding", "embed", {"input_dim": 30, "output_dim": 5, "mask_zero": False},
                                   [("embeddings", w(30, 5))]),
                             simple("GlobalAveragePooling1D", "mean", data_format="channels_last"),
                             dense("out", 2, 5)])


def case_normalization():
    mean, variance = w(4), positive(4)
    layers = [inp("raw", [3, 4]),
              Layer("Normalization", "norm", {"axis": [-1], "invert": False}, [("mean", mean), ("variance", variance),
                                                                               ("count", np.array(100, np.int64))])]
    return seq("normalization", layers), (mean, variance)


def normalization_expected(x, mean, variance):
    return ((x.astype(np.float64) - mean) / np.maximum(np.sqrt(variance.astype(np.float64)), 1e-7)).astype(np.float32)


def inputs_for(model, batch=2):
    """Seeded inputs for the model's InputLayers (ints below the smallest Embedding input_dim)."""
    rng = np.random.default_rng(7)
    arrays = []
    inputs = [l for l in model.layers if l.cls == "InputLayer"]
    if model.cls == "Functional":
        inputs = [next(l for l in model.layers if l.name == r[0]) for r in model.inputs]
    for layer in inputs[:1] if model.cls == "Sequential" else inputs:
        shape = [batch] + layer.config["batch_input_shape"][1:]
        if layer.config["dtype"] == "int32":
            arrays.append(rng.integers(0, 30, shape).astype(np.int32))
        else:
            arrays.append(rng.uniform(-1, 1, shape).astype(np.float32))
    return arrays


# name -> (builder, reference, also as .keras)
CASES = {
    "dense_mlp": (case_dense_mlp, "keras_ref", True),
    "dense_batch_norm": (case_dense_batch_norm, "keras_ref", True),
    "conv2d_family": (case_conv2d_family, "keras_ref", True),
    "conv2d_groups": (case_conv2d_groups, "keras_ref", False),
    "conv1d_family": (case_conv1d_family, "keras_ref", True),
    "activations": (case_activations, "keras_ref", True),
    "hard_sigmoid": (case_hard_sigmoid, "keras_ref", False),
    "relu_variants": (case_relu_variants, "keras_ref", False),
    "shaping": (case_shaping, "keras_ref", True),
    "merging": (case_merging, "keras_ref", True),
    "scaling": (case_scaling, "keras_ref", True),
    "nested": (case_nested, "keras_ref", True),
    "lstm": (case_lstm, "keras_tfjs", True),
    "lstm_unrolled": (case_lstm_unrolled, "keras_tfjs", False),
    "gru": (case_gru, "keras_tfjs", True),
    "conv_transpose": (case_conv_transpose, "keras_tfjs", True),
    "embedding": (case_embedding, "keras_tfjs", True),
}


def write_bad_files(out):
    """Damaged and unsupported files, each with a phrase its one-line error must contain."""
    bad = []

    def add(name, expect):
        bad.append({"name": name, "bad": name, "expect": expect, "reference": "error", "inputs": 0})

    reset_rng("dense_mlp")
    good = case_dense_mlp()
    write_h5(os.path.join(out, "bad_weights_only.h5"), good)
    with h5py.File(os.path.join(out, "bad_weights_only.h5"), "a") as f:
        del f.attrs["model_config"]
    add("bad_weights_only.h5", "weights-only")

    write_h5(os.path.join(out, "bad_missing_weight.h5"), good)
    with h5py.File(os.path.join(out, "bad_missing_weight.h5"), "a") as f:
        del f["model_weights/logits/logits/bias:0"]
    add("bad_missing_weight.h5", "logits")

    wrong = case_dense_mlp()
    wrong.layers[1].config["units"] = 12  # the kernel stays [8, 16]
    write_h5(os.path.join(out, "bad_shape_mismatch.h5"), wrong)
    add("bad_shape_mismatch.h5", "layer 'hidden'")

    custom = seq("custom", [inp("x", [4]), simple("Lambda", "lambda_1", function="x * 2"),
                            dense("ok", 2, 4), simple("MyCustomLayer", "mine"),
                            Layer("Sequential", "inner", {}, model=seq("inner", [inp("inner_x", [2]),
                                                                                   simple("Attention", "attend")]))])
    write_h5(os.path.join(out, "bad_unsupported.h5"), custom)
    add("bad_unsupported.h5", "3 unsupported layers: Lambda 'lambda_1', MyCustomLayer 'mine', Attention 'attend'")

    write_h5(os.path.join(out, "bad_keras1.h5"), good, keras_version="1.2.2")
    add("bad_keras1.h5", "Keras 1")

    write_h5(os.path.join(out, "bad_config_json.h5"), good)
    with h5py.File(os.path.join(out, "bad_config_json.h5"), "a") as f:
        f.attrs["model_config"] = b'{"class_name": "Sequential", "config": {"layers": [ '
    add("bad_config_json.h5", "not valid JSON")

    write_h5(os.path.join(out, "bad_subclassed.h5"), good)
    with h5py.File(os.path.join(out, "bad_subclassed.h5"), "a") as f:
        f.attrs["model_config"] = json.dumps({"class_name": "MyModel", "config": {}}).encode()
    add("bad_subclassed.h5", "subclassed")

    with open(os.path.join(out, "dense_mlp.h5"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "bad_truncated.h5"), "wb") as f:
        f.write(data[:len(data) // 3])
    add("bad_truncated.h5", "bad_truncated.h5")

    write_keras(os.path.join(out, "bad_truncated.keras"), good)
    with open(os.path.join(out, "bad_truncated.keras"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "bad_truncated.keras"), "wb") as f:
        f.write(data[:len(data) // 2])
    add("bad_truncated.keras", "bad_truncated.keras")

    with zipfile.ZipFile(os.path.join(out, "bad_no_config.keras"), "w") as z:
        z.writestr("metadata.json", "{}")
    add("bad_no_config.keras", "no config.json")

    with open(os.path.join(out, "bad_not_keras.h5"), "wb") as f:
        f.write(b"just some text, not a model\n" * 10)
    add("bad_not_keras.h5", "not a Keras model")
    return bad


def save_inputs(path, arrays, outputs=()):
    payload = {"in_%d" % i: a for i, a in enumerate(arrays)}
    payload.update({"out_%d" % i: a for i, a in enumerate(outputs)})
    payload["meta"] = np.array(json.dumps({"tool": "keras_cases.py"}))
    np.savez(path, **payload)


def main(argv):
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    out = argv[0]
    os.makedirs(out, exist_ok=True)
    listing = []
    for name, (build, reference, keras3) in CASES.items():
        reset_rng(name)
        model = build()
        # LSTM/GRU weights in Keras 2.2's naming ("lstm/kernel:0"), which tfjs-layers reads; the
        # tf.keras naming ("lstm/lstm_cell/kernel:0") is written as a second file below.
        style = "keras22" if reference == "keras_tfjs" else "tf2"
        write_h5(os.path.join(out, name + ".h5"), model, "2.2.4" if style == "keras22" else "2.4.0", style,
                 optimizer=name == "dense_mlp", text_attributes=name == "conv2d_family")
        arrays = inputs_for(model)
        save_inputs(os.path.join(out, name + ".inputs.npz"), arrays)
        for i, a in enumerate(arrays):
            np.save(os.path.join(out, "%s.in%d.npy" % (name, i)), a)
        entry = {"name": name, "h5": name + ".h5", "reference": reference, "inputs": len(arrays)}
        if keras3:
            write_keras(os.path.join(out, name + ".keras"), model)
            entry["keras"] = name + ".keras"
        listing.append(entry)
    # The same recurrent weights under tf.keras 2.x's variable names.
    for name, build in (("lstm", case_lstm), ("gru", case_gru)):
        reset_rng(name)
        write_h5(os.path.join(out, name + "_tf2_names.h5"), build(), "2.4.0", "tf2")
    # The LSTM case's weights for sequences of any length (time steps None).
    reset_rng("lstm")
    model = case_lstm()
    model.layers[0].config["batch_input_shape"] = [None, None, 5]
    write_h5(os.path.join(out, "lstm_any_length.h5"), model, "2.2.4", "keras22")
    # Normalization: neither oracle has it; the expected outputs come from NumPy here.
    reset_rng("normalization")
    model, (mean, variance) = case_normalization()
    write_h5(os.path.join(out, "normalization.h5"), model)
    write_keras(os.path.join(out, "normalization.keras"), model)
    arrays = inputs_for(model)
    save_inputs(os.path.join(out, "normalization.inputs.npz"), arrays, [normalization_expected(arrays[0], mean, variance)])
    listing.append({"name": "normalization", "h5": "normalization.h5", "keras": "normalization.keras",
                    "reference": "expected", "inputs": 1})
    reset_rng("hard_sigmoid")
    model = case_hard_sigmoid()
    write_keras(os.path.join(out, "hard_sigmoid_keras3.keras"), model)
    arrays = inputs_for(model)
    save_inputs(os.path.join(out, "hard_sigmoid_keras3.inputs.npz"), arrays, [hard_sigmoid_keras3_expected(model, arrays[0])])
    listing.append({"name": "hard_sigmoid_keras3", "keras": "hard_sigmoid_keras3.keras", "reference": "expected",
                    "inputs": 1})
    listing += write_bad_files(out)
    reset_rng("upsampling_bilinear")
    model = case_upsampling_bilinear()
    write_h5(os.path.join(out, "upsampling_bilinear.h5"), model)
    write_keras(os.path.join(out, "upsampling_bilinear.keras"), model)
    arrays = inputs_for(model)
    save_inputs(os.path.join(out, "upsampling_bilinear.inputs.npz"), arrays, [bilinear_expected(arrays[0], (2, 3))])
    listing.append({"name": "upsampling_bilinear", "h5": "upsampling_bilinear.h5", "keras": "upsampling_bilinear.keras",
                    "reference": "expected", "inputs": 1})
    reset_rng("gru_reset_after")
    model = case_gru_reset_after()
    write_h5(os.path.join(out, "gru_reset_after.h5"), model, "2.4.0", "tf2")
    write_keras(os.path.join(out, "gru_reset_after.keras"), model)
    arrays = inputs_for(model)
    save_inputs(os.path.join(out, "gru_reset_after.inputs.npz"), arrays, [gru_reset_after_expected(model, arrays[0])])
    listing.append({"name": "gru_reset_after", "h5": "gru_reset_after.h5", "keras": "gru_reset_after.keras",
                    "reference": "expected", "inputs": 1})
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(listing, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
