#include "ui/model_loader.h"

#include <QFile>

#include "tflite/analyzer_dump.h"
#include "tflite/reader.h"
#include "viewers/dump_view.h"

namespace litelab::ui {

LoadResult load_model(const QString& path) {
    const std::string local_path = QFile::encodeName(path).toStdString();
    auto read = read_tflite_file(local_path);
    if (!read) return read.error();

    auto loaded = std::make_shared<LoadedModel>();
    loaded->path = path;
    loaded->file_size = read->file_size;
    for (const auto& warning : read->warnings) loaded->warnings << QString::fromStdString(warning);

    AnalyzerDumpOptions options;
    options.model_name = local_path;  // the header names the file as the CLI does
    options.file_size = read->file_size;
    loaded->dump = viewers::DumpView::make_dump_text(read->model, options);
    loaded->model = std::move(read->model);
    return std::shared_ptr<const LoadedModel>(std::move(loaded));
}

}  // namespace litelab::ui
