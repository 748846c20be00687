#include "test_models.h"

#include <QFile>
#include <QRandomGenerator>

#include "model/demo_model.h"
#include "tflite/writer.h"

namespace litelab::test {

bool write_demo_model(const QString& path) {
    const Status status = write_tflite_file(make_demo_model(), QFile::encodeName(path).toStdString());
    if (!status) qWarning("%s", status.error().message.c_str());
    return status.ok();
}

bool write_garbage(const QString& path, int size) {
    QRandomGenerator random(20240611);  // fixed seed: the same bytes on every run
    QByteArray bytes(size, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random.bounded(256));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace litelab::test
