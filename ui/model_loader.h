// Reading a model for the GUI: the engine's reader plus the Analyzer dump, done together on a
// worker so the GUI thread only swaps in the finished text. The result is an immutable snapshot.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

#include "core/result.h"
#include "model/model.h"

namespace litelab::ui {

struct LoadedModel {
    QString path;
    Model model;
    QStringList warnings;  // one line each, without the file name
    uint64_t file_size = 0;
    QString dump;  // the Analyzer dump, as `litelab inspect` prints it
};

using LoadResult = Result<std::shared_ptr<const LoadedModel>>;

// Safe to call on any thread. Errors are the engine's one-line "PATH: problem" messages.
LoadResult load_model(const QString& path);

}  // namespace litelab::ui
