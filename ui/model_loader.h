// Reading a model for the GUI: a .tflite file directly, a Keras (.h5, .keras) or ONNX file
// through the engine's converter; then the Analyzer dump and a laid-out graph scene for every
// subgraph. All of it runs on a worker so the GUI thread only swaps in the finished snapshot.
#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/result.h"
#include "model/model.h"
#include "viewers/graph/graph_scene.h"

namespace litelab::ui {

struct LoadedModel {
    QString path;
    QString format;  // "TFLite", "Keras HDF5", "Keras archive", "ONNX"
    bool converted = false;
    std::shared_ptr<const Model> model;
    QStringList warnings;  // reader warnings and converter notes, one line each
    uint64_t file_size = 0;
    QString dump;  // the Analyzer dump, as `litelab inspect` prints it
    std::vector<std::shared_ptr<const viewers::GraphScene>> scenes;  // one per subgraph
};

using LoadResult = Result<std::shared_ptr<const LoadedModel>>;

// Safe to call on any thread; `font` measures the graph's labels. Errors are the engine's
// one-line "PATH: problem" messages.
LoadResult load_model(const QString& path, const QFont& font);

}  // namespace litelab::ui
