// The TensorInspector widget: header and message, paged table (also on ten million elements),
// copy, exports with their failures, and a real model checked against NumPy.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolButton>
#include <QtTest>

#include <numeric>

#include "npy/npy.h"
#include "tensor_test_support.h"
#include "tests.h"
#include "tflite/reader.h"
#include "viewers/tensor/tensor_inspector.h"
#include "viewers/tensor/tensor_table_model.h"

namespace litelab::test {

using viewers::TensorInspector;
using viewers::TensorTableModel;

namespace {

TensorTableModel* table_model(TensorInspector& inspector) {
    auto* view = inspector.findChild<QTableView*>(QStringLiteral("tensorTable"));
    return view ? qobject_cast<TensorTableModel*>(view->model()) : nullptr;
}

QString cell(TensorInspector& inspector, int row, int column) {
    auto* model = table_model(inspector);
    return model->data(model->index(row, column), Qt::DisplayRole).toString();
}

QString row_header(TensorInspector& inspector, int row) {
    return table_model(inspector)->headerData(row, Qt::Vertical, Qt::DisplayRole).toString();
}

// Files in `dir` other than `keep`: a failed export must leave nothing behind.
QStringList leftovers(const QString& dir, const QString& keep = {}) {
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    names.removeAll(keep);
    return names;
}

}  // namespace

class TensorInspectorTest : public QObject {
    Q_OBJECT

private slots:
    void header_and_values_of_a_small_tensor() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kFloat32, {2, 3}, bytes_of<float>({1, -2, 0, 3, 0, 4})), 0, 0);
        const auto* header = inspector.findChild<QLabel*>(QStringLiteral("tensorHeader"));
        QVERIFY(header->text().contains(QStringLiteral("weights")));
        QVERIFY(header->text().contains(QStringLiteral("T#0")));
        QVERIFY(header->text().contains(QStringLiteral("[2, 3]")));
        QVERIFY(header->text().contains(QStringLiteral("FLOAT32")));
        QVERIFY(!inspector.findChild<QWidget*>(QStringLiteral("tensorContent"))->isHidden());
        QVERIFY(inspector.findChild<QWidget*>(QStringLiteral("tensorMessage"))->isHidden());
        QAbstractItemModelTester tester(table_model(inspector), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table_model(inspector)->rowCount(), 2);
        QCOMPARE(table_model(inspector)->columnCount(), 3);
        QCOMPARE(cell(inspector, 1, 2), QStringLiteral("4"));
        QCOMPARE(row_header(inspector, 1), QStringLiteral("[1, :]"));
        QVERIFY(inspector.stats() != nullptr);
        QCOMPARE(inspector.stats()->stored.std, 2.0);
        QVERIFY(inspector.findChild<QLabel*>(QStringLiteral("tensorStats"))->text().contains(QStringLiteral("33.33%")));

        inspector.findChild<QPushButton*>(QStringLiteral("tensorCopy"))->click();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("Index\t0\t1\t2\n[0, :]\t1\t-2\t0\n[1, :]\t3\t0\t4\n"));
    }

    void activation_has_no_values() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kFloat32, {1}, bytes_of<float>({1})), 0, 1);
        const auto* message = inspector.findChild<QLabel*>(QStringLiteral("tensorMessage"));
        QCOMPARE(message->text(), QStringLiteral("T#1 is computed at run time; it has no stored values"));
        QVERIFY(!message->isHidden());
        QVERIFY(inspector.findChild<QWidget*>(QStringLiteral("tensorContent"))->isHidden());
        QVERIFY(inspector.stats() == nullptr);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!inspector.export_npy(dir.filePath(QStringLiteral("a.npy")), &error));
        QVERIFY(error.contains(QStringLiteral("a.npy")));
        QVERIFY(leftovers(dir.path()).isEmpty());
        // A tensor index outside the subgraph is a message too, not a crash.
        inspector.show_tensor(model_with(DType::kFloat32, {1}, bytes_of<float>({1})), 0, 7);
        QVERIFY(message->text().contains(QStringLiteral("T#7")));
    }

    void per_axis_real_values_in_the_table() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kInt8, {2, 3}, bytes_of<int8_t>({-4, 0, 2, 3, -1, 7}),
                                         quantization({0.5f, 0.25f}, {0, -1}, 0)),
                              0, 0);
        // Real values by hand: row 0 = 0.5 * [-4, 0, 2], row 1 = 0.25 * ([3, -1, 7] + 1).
        QCOMPARE(cell(inspector, 0, 0), QStringLiteral("-2"));
        QCOMPARE(cell(inspector, 0, 2), QStringLiteral("1"));
        QCOMPARE(cell(inspector, 1, 0), QStringLiteral("1"));
        QCOMPARE(cell(inspector, 1, 2), QStringLiteral("2"));
        QVERIFY(inspector.findChild<QLabel*>(QStringLiteral("tensorHeader"))
                    ->text()
                    .contains(QStringLiteral("per channel")));
        auto* mode = inspector.findChild<QComboBox*>(QStringLiteral("tensorValueMode"));
        QVERIFY(!mode->isHidden());
        mode->setCurrentIndex(1);  // stored integers
        QCOMPARE(cell(inspector, 1, 2), QStringLiteral("7"));
        QTemporaryDir dir;
        QString error;
        QVERIFY(inspector.export_csv(dir.filePath(QStringLiteral("q.csv")), &error));
        QCOMPARE(read_text_file(dir.filePath(QStringLiteral("q.csv"))), QStringLiteral("-4,0,2\n3,-1,7\n"));
        QVERIFY(inspector.stats()->real.has_value());
    }

    void pages_through_ten_million_values() {
        constexpr int kCount = 10'000'000;
        std::vector<float> values(kCount);
        std::iota(values.begin(), values.end(), 0.0f);  // every integer below 2^24 is exact in float
        const auto model = model_with(DType::kFloat32, {kCount / 4, 4}, bytes_of(values));
        values = {};
        QElapsedTimer timer;
        timer.start();
        const auto decoded = values_of(model);
        const auto direct = viewers::compute_stats(decoded);
        const qint64 stats_ms = timer.restart();
        viewers::compute_histogram(decoded, direct.stored);
        qInfo("10M float32: statistics %lld ms, histogram %lld ms", static_cast<long long>(stats_ms),
              static_cast<long long>(timer.elapsed()));
        TensorInspector inspector;
        inspector.resize(900, 600);
        inspector.show();
        timer.restart();
        inspector.show_tensor(model, 0, 0);
        QCoreApplication::processEvents();
        qInfo("show_tensor + first paint of 10M float32: %lld ms", static_cast<long long>(timer.elapsed()));
        // The statistics come from a worker; meanwhile the panel says it is busy.
        QVERIFY(inspector.statistics_pending() || inspector.stats() != nullptr);
        if (inspector.statistics_pending()) {
            QVERIFY(!inspector.findChild<QWidget*>(QStringLiteral("tensorBusy"))->isHidden());
            QVERIFY(inspector.stats() == nullptr);
        }
        QTRY_VERIFY_WITH_TIMEOUT(inspector.stats() != nullptr, 20000);
        qInfo("statistics of 10M float32 shown after %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(inspector.findChild<QWidget*>(QStringLiteral("tensorBusy"))->isHidden());
        auto* table = table_model(inspector);
        QCOMPARE(table->page_count(), 2500);  // 2.5M rows of 4, 1000 rows a page
        QCOMPARE(cell(inspector, 0, 0), QStringLiteral("0"));
        inspector.findChild<QToolButton*>(QStringLiteral("tensorLastPage"))->click();
        QCOMPARE(table->page(), 2499);
        QCOMPARE(inspector.findChild<QSpinBox*>(QStringLiteral("tensorPage"))->value(), 2500);
        QCOMPARE(cell(inspector, 999, 3), QStringLiteral("9999999"));
        QCOMPARE(row_header(inspector, 999), QStringLiteral("[2499999, :]"));
        inspector.findChild<QToolButton*>(QStringLiteral("tensorPreviousPage"))->click();
        QCOMPARE(cell(inspector, 0, 0), QStringLiteral("9992000"));
        inspector.findChild<QSpinBox*>(QStringLiteral("tensorPage"))->setValue(2);
        QCOMPARE(cell(inspector, 0, 1), QStringLiteral("4001"));
        // Mean of 0..n-1 is (n-1)/2; population std is sqrt((n^2 - 1) / 12).
        const auto* stats = inspector.stats();
        QCOMPARE(stats->stored.mean, 4999999.5);
        QVERIFY(std::abs(stats->stored.std - std::sqrt((1e14 - 1) / 12)) < 1e-6);
        QCOMPARE(stats->stored.zeros, uint64_t{1});
        QCOMPARE(stats->stored.max, 9999999.0);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.npy"));
        QString error;
        timer.restart();
        QVERIFY2(inspector.export_npy(path, &error), qPrintable(error));
        qInfo("export of 10M float32 as .npy: %lld ms", static_cast<long long>(timer.elapsed()));
        const auto array = read_npy_file(path.toStdString());
        QVERIFY(array.ok());
        QCOMPARE(array->shape, (std::vector<int64_t>{kCount / 4, 4}));
        QCOMPARE(array->values<float>()[kCount - 1], 9999999.0f);
    }

    void statistics_of_a_tensor_no_longer_shown_are_dropped() {
        std::vector<float> values(TensorInspector::kSynchronousElements + 1, 1.0f);
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kFloat32, {static_cast<int32_t>(values.size())}, bytes_of(values)), 0,
                              0);
        QVERIFY(inspector.statistics_pending());
        inspector.show_tensor(model_with(DType::kFloat32, {2, 3}, bytes_of<float>({1, -2, 0, 3, 0, 4})), 0, 0);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!inspector.statistics_pending());
        QCOMPARE(inspector.stats()->stored.count, uint64_t{6});
    }

    void exports_read_back() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kFloat16, {2, 2}, bytes_of<uint16_t>({0x3C00, 0xC000, 0x3555, 0x0000})),
                              0, 0);
        QTemporaryDir dir;
        const QString npy = dir.filePath(QStringLiteral("h.npy"));
        const QString csv = dir.filePath(QStringLiteral("h.csv"));
        QString error;
        QVERIFY2(inspector.export_npy(npy, &error), qPrintable(error));
        QVERIFY2(inspector.export_csv(csv, &error), qPrintable(error));
        const auto array = read_npy_file(npy.toStdString());
        QVERIFY(array.ok());
        QCOMPARE(array->dtype, DType::kFloat16);
        const auto bits = array->values<uint16_t>();
        QCOMPARE(std::vector<uint16_t>(bits.begin(), bits.end()), (std::vector<uint16_t>{0x3C00, 0xC000, 0x3555, 0}));
        QCOMPARE(read_text_file(csv), QStringLiteral("1,-2\n0.33325195,0\n"));
        // NumPy reads the same numbers from both files.
        QProcess python;
        python.start(
            QStringLiteral(LITELAB_PYTHON),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, numpy as np; a = np.load(sys.argv[1]); c = np.loadtxt(sys.argv[2], "
                 "delimiter=','); print(a.dtype, a.shape, bool((a.astype(np.float32) == c.astype(np.float32)).all()))"),
             npy, csv});
        if (!python.waitForFinished(60000) || python.exitCode() != 0) QSKIP("python3 with NumPy did not run");
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), QStringLiteral("float16 (2, 2) True"));
    }

    // The Export buttons write on a worker: the buttons are off meanwhile, the result arrives
    // as a signal, and the file holds what the synchronous export writes.
    void button_exports_run_on_a_worker() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kFloat32, {2, 2}, bytes_of<float>({1, -2, 0.5f, 0})), 0, 0);
        auto* button = inspector.findChild<QPushButton*>(QStringLiteral("tensorExportCsv"));
        QVERIFY(button);
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("v.csv"));
        QSignalSpy exported(&inspector, &TensorInspector::exported);
        QSignalSpy failed(&inspector, &TensorInspector::failed);
        inspector.start_export(csv, false);
        QVERIFY(inspector.exporting());
        QVERIFY(!button->isEnabled());
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().at(0).toString(), csv);
        QVERIFY(!inspector.exporting());
        QVERIFY(button->isEnabled());
        QCOMPARE(read_text_file(csv), QStringLiteral("1,-2\n0.5,0\n"));

        const QString missing = dir.filePath(QStringLiteral("no/such/dir/v.npy"));
        inspector.start_export(missing, true);
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().at(1).toString().contains(missing), qPrintable(failed.first().at(1).toString()));
        QVERIFY(button->isEnabled());
    }

    void failed_export_names_the_file_and_leaves_nothing() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kFloat32, {2}, bytes_of<float>({1, 2})), 0, 0);
        QTemporaryDir dir;
        QString error;
        const QString missing = dir.filePath(QStringLiteral("no/such/dir/out.npy"));
        QVERIFY(!inspector.export_npy(missing, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        // A directory in the way: the temporary file is written, the rename fails, and the
        // temporary file is removed again.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.csv")));
        const QString taken = dir.filePath(QStringLiteral("taken.csv"));
        QVERIFY(!inspector.export_csv(taken, &error));
        QVERIFY2(error.startsWith(taken), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QCOMPARE(leftovers(dir.path(), QStringLiteral("taken.csv")), QStringList());
        QVERIFY(!inspector.export_npy(taken, &error));
        QVERIFY(leftovers(dir.path(), QStringLiteral("taken.csv")).isEmpty());
    }

    void retranslates_on_language_change() {
        TensorInspector inspector;
        inspector.show_tensor(model_with(DType::kInt8, {2}, bytes_of<int8_t>({1, 2}), quantization({0.5f}, {0})), 0, 0);
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(&inspector, &change);
        QCOMPARE(inspector.findChild<QComboBox*>(QStringLiteral("tensorValueMode"))->itemText(1),
                 QStringLiteral("Stored integers"));
        QVERIFY(
            inspector.findChild<QLabel*>(QStringLiteral("tensorHeader"))->text().contains(QStringLiteral("scale 0.5")));
    }

    void real_model_matches_numpy() {
        const QString path = QStringLiteral(LITELAB_SHARED_DIR "/models/tflite/person_detect.tflite");
        if (!QFile::exists(path)) QSKIP("person_detect.tflite is not in the shared models folder");
        auto read = read_tflite_file(path.toStdString());
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        const auto model = std::make_shared<const Model>(std::move(read).value().model);
        // The largest INT8 constant of rank 4: a convolution's weights, quantized per channel.
        int chosen = -1;
        size_t largest = 0;
        const auto& tensors = model->subgraphs[0].tensors;
        for (size_t i = 0; i < tensors.size(); ++i) {
            const size_t size = model->tensor_data(tensors[i]).size();
            if (tensors[i].type == DType::kInt8 && tensors[i].shape.size() == 4 && size > largest) {
                largest = size;
                chosen = static_cast<int>(i);
            }
        }
        QVERIFY(chosen >= 0);
        TensorInspector inspector;
        inspector.show_tensor(model, 0, chosen);
        QVERIFY(inspector.stats() && inspector.stats()->real);
        QTemporaryDir dir;
        const QString npy = dir.filePath(QStringLiteral("w.npy"));
        QString error;
        QVERIFY2(inspector.export_npy(npy, &error), qPrintable(error));
        // NumPy reads the tensor straight from the file with the oracles' own flatbuffer reader.
        const QString script = QStringLiteral(R"(
import sys, numpy as np
sys.path.insert(0, sys.argv[1])
import oracle_common as oc
buf = open(sys.argv[2], 'rb').read(); index = int(sys.argv[3])
fb = oc._FB(buf); model = fb.u32(0)
t = fb.vec_tables(fb.vec_tables(model, 2)[0], 0)[index]
info = oc._tensor_info(fb, t, index)
b = fb.vec_tables(model, 4)[fb.scalar(t, 2, 'I', 0)]
start, n = fb.vec(b, 0)
if start is None:
    start, n = fb.scalar(b, 1, 'Q', 0), fb.scalar(b, 2, 'Q', 0)
q = np.frombuffer(buf[start:start + n], dtype=np.int8).reshape(info['shape'])
shape = [1] * q.ndim; shape[info['quantized_dimension']] = -1
scale = np.array(info['scale'], dtype=np.float64).reshape(shape)
zero = np.array(info['zero_point'], dtype=np.float64).reshape(shape if len(info['zero_point']) > 1 else [1] * q.ndim)
real = (scale * (q - zero)).astype(np.float32).astype(np.float64)
a = np.load(sys.argv[4])
print(a.dtype == q.dtype and np.array_equal(a, q), q.min(), q.max(), repr(q.mean()), repr(q.std()), int((q == 0).sum()),
      repr(real.min()), repr(real.max()), repr(real.mean()), repr(real.std()))
)");
        QProcess python;
        python.start(QStringLiteral(LITELAB_PYTHON),
                     {QStringLiteral("-c"), script, QStringLiteral(LITELAB_SHARED_DIR "/oracles"), path,
                      QString::number(chosen), npy});
        if (!python.waitForFinished(60000)) QSKIP("python3 did not finish");
        const QString output = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
        QVERIFY2(python.exitCode() == 0, qPrintable(QString::fromUtf8(python.readAllStandardError())));
        const QStringList fields = output.split(QLatin1Char(' '));
        QCOMPARE(fields.size(), 10);
        QCOMPARE(fields[0], QStringLiteral("True"));
        const auto& stored = inspector.stats()->stored;
        const auto& real = *inspector.stats()->real;
        auto close = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); };
        QCOMPARE(stored.min, fields[1].toDouble());
        QCOMPARE(stored.max, fields[2].toDouble());
        QVERIFY2(close(stored.mean, fields[3].toDouble()), qPrintable(output));
        QVERIFY2(close(stored.std, fields[4].toDouble()), qPrintable(output));
        QCOMPARE(stored.zeros, fields[5].toULongLong());
        QCOMPARE(real.min, fields[6].toDouble());
        QCOMPARE(real.max, fields[7].toDouble());
        QVERIFY2(close(real.mean, fields[8].toDouble()), qPrintable(output));
        QVERIFY2(close(real.std, fields[9].toDouble()), qPrintable(output));
    }
};

int run_tensor_inspector_tests(int argc, char** argv) {
    TensorInspectorTest test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace litelab::test

#include "tensor_inspector_test.moc"
