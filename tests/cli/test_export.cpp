// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay-cli export --pytorch end to end: every layer type is trained briefly with nnplay,
// exported, and the script's predictions (PyTorch) are compared with nnplay-cli predict's.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest>
#include <cmath>
#include <random>

#include "ProgramRun.h"

namespace {

/// A TCP port on 127.0.0.1 that nothing listens on now, for torchrun's rendezvous: its
/// --standalone default (29400) is taken when two test runs overlap.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

using nnplay::test::runCli;
using nnplay::test::runProgram;
using Run = nnplay::test::ProgramRun;

QJsonObject layer(const QString& type, const QJsonObject& settings = {}) {
    QJsonObject l = settings;
    l["type"] = type;
    return l;
}

/// One exported project: its name, its file, and the rows its predictions are compared on.
struct Case {
    QString name;
    QJsonObject data;
    QJsonArray layers;
    QString loss;
    QString optimizer;
    /// Columns of the prediction file and the range of its random values.
    int columns = 2;
    double low = -1, high = 1;
    /// Written with a header (x1, x2) rather than --no-header.
    bool header = false;
};

QList<Case> cases() {
    QList<Case> out;
    out.append({"plane",
                QJsonObject{{"source", "circle"},
                            {"samples", 200},
                            {"features", QJsonArray{"x1", "x2", "x1^2", "x1*x2", "sin(x2)"}}},
                QJsonArray{layer("dense", {{"units", 8}}), layer("leaky_relu", {{"alpha", 0.1}}),
                           layer("dropout", {{"rate", 0.2}}), layer("dense", {{"units", 4}}),
                           layer("relu"), layer("dense", {{"units", 1}}), layer("sigmoid")},
                "bce", "adam", 2, -4, 4, true});
    out.append({"csv",
                QJsonObject{{"source", "csv"},
                            {"path", QFINDTESTDATA("../../resources/examples/iris.csv")},
                            {"label", "species"},
                            {"standardize", true},
                            {"train_fraction", 0.6}},
                QJsonArray{layer("dense", {{"units", 6}}), layer("tanh"), layer("batchnorm"),
                           layer("dense", {{"units", 3}}), layer("softmax")},
                "cce", "sgd", 4, 4, 7});
    // Same padding with stride 2 on 8x8 pads one pixel at the bottom and right only.
    out.append(
        {"conv", QJsonObject{{"source", "digits"}, {"train_fraction", 0.15}},
         QJsonArray{layer("conv2d", {{"filters", 3}, {"kernel_size", 3}, {"stride", 2}}),
                    layer("relu"), layer("batchnorm"),
                    layer("conv2d", {{"filters", 4}, {"kernel_size", 2}, {"padding", "valid"}}),
                    layer("tanh"), layer("avgpool2d", {{"pool_size", 2}, {"stride", 1}}),
                    layer("flatten"), layer("dense", {{"units", 10}}), layer("softmax")},
         "cce", "rmsprop", 64, 0, 16});
    // A Dense right after pooling flattens the maps itself.
    out.append({"conv-dense", QJsonObject{{"source", "digits"}, {"train_fraction", 0.15}},
                QJsonArray{layer("conv2d", {{"filters", 2}, {"kernel_size", 3}}),
                           layer("maxpool2d", {{"pool_size", 2}}), layer("dense", {{"units", 10}}),
                           layer("softmax")},
                "cce", "adam", 64, 0, 16});
    out.append(
        {"recurrent", QJsonObject{{"source", "sine"}, {"samples", 120}, {"sequence_length", 6}},
         QJsonArray{layer("simple_rnn", {{"units", 5}, {"return_sequences", true}}),
                    layer("lstm", {{"units", 4}, {"return_sequences", true}}), layer("batchnorm"),
                    layer("gru", {{"units", 3}}), layer("dense", {{"units", 1}})},
         "mse", "adam", 6, -1, 1});
    // return_sequences into a per-step Dense: a prediction at every step.
    out.append({"sequence-output",
                QJsonObject{{"source", "sine"}, {"samples", 120}, {"sequence_length", 5}},
                QJsonArray{layer("lstm", {{"units", 3}, {"return_sequences", true}}),
                           layer("gru", {{"units", 4}, {"return_sequences", true}}),
                           layer("dense", {{"units", 1}})},
                "mse", "sgd", 5, -1, 1});
    return out;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QVERIFY2(nnplay::test::writeFile(path, bytes), qPrintable(path));
}

QList<QStringList> readCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QList<QStringList> rows;
    for (const QString& line : QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts))
        rows.append(line.split(','));
    return rows;
}

/// Runs Python code; the reason it cannot be used, or empty.
QString findTorchPython(QString& python) {
    python = QStandardPaths::findExecutable("python3", {"/usr/bin"});
    if (python.isEmpty()) python = QStandardPaths::findExecutable("python3");
    if (python.isEmpty()) return "python3 is not installed";
    const Run check = runProgram(python, {"-c", "import torch"});
    if (check.exitCode != 0)
        return python +
               " cannot import torch (install python3-torch: sudo apt-get install -y "
               "python3-torch)";
    return {};
}

/// Runs each exported script's main() in one interpreter (importing torch once): argv groups
/// separated by "--next".
const char* const kDriver = R"PY(
import importlib.util, sys
groups, group = [], []
for a in sys.argv[1:]:
    if a == "--next":
        groups.append(group); group = []
    else:
        group.append(a)
groups.append(group)
for i, g in enumerate(groups):
    spec = importlib.util.spec_from_file_location(f"exported{i}", g[0])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.argv = g
    module.main()
)PY";

}  // namespace

class TestExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_skip = findTorchPython(m_python);
    }

    // Every layer type: the exported network predicts what nnplay predicts.
    void predictionsMatchNnplay() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        QStringList driverArgs;
        std::mt19937 rng(7);
        QList<Case> all = cases();
        for (const Case& c : all) {
            const QString base = m_dir.filePath("export-" + c.name);
            QJsonObject project{{"format", "nnplay-project"},
                                {"version", 1},
                                {"task", c.loss == "mse" ? "regression" : "classification"},
                                {"data", c.data},
                                {"network", QJsonObject{{"layers", c.layers}}},
                                {"training", QJsonObject{{"loss", c.loss},
                                                         {"optimizer", c.optimizer},
                                                         {"learning_rate", 0.01},
                                                         {"batch_size", 16},
                                                         {"epochs", 2},
                                                         {"seed", 3}}}};
            writeFile(base + ".nnplay", QJsonDocument(project).toJson());
            const Run trained =
                runCli({"train", base + ".nnplay", "--save", base + "-trained.nnplay", "--quiet"});
            QVERIFY2(trained.exitCode == 0, qPrintable(c.name + ": " + trained.describe()));
            const Run exported =
                runCli({"export", base + "-trained.nnplay", "--pytorch", base + ".py"});
            QVERIFY2(exported.exitCode == 0, qPrintable(c.name + ": " + exported.describe()));

            QByteArray rows = c.header ? "x1,x2\n" : "";
            std::uniform_real_distribution<double> value(c.low, c.high);
            for (int r = 0; r < 12; ++r) {
                for (int k = 0; k < c.columns; ++k)
                    rows += (k ? "," : "") + QByteArray::number(value(rng), 'g', 6);
                rows += "\n";
            }
            writeFile(base + "-in.csv", rows);
            QStringList predict{"predict", base + "-trained.nnplay", "--data", base + "-in.csv",
                                "--out",   base + "-nnplay.csv"};
            QStringList script{base + ".py", "--predict", base + "-in.csv", "--out",
                               base + "-torch.csv"};
            if (!c.header) {
                predict << "--no-header";
                script << "--no-header";
            }
            const Run predicted = runCli(predict);
            QVERIFY2(predicted.exitCode == 0, qPrintable(c.name + ": " + predicted.describe()));
            if (!driverArgs.isEmpty()) driverArgs << "--next";
            driverArgs << script;
        }
        driverArgs << "--next" << m_dir.filePath("export-plane.py") << "--onnx"
                   << m_dir.filePath("export-plane.onnx");
        writeFile(m_dir.filePath("driver.py"), kDriver);
        const Run torch =
            runProgram(m_python, QStringList{m_dir.filePath("driver.py")} + driverArgs);
        QVERIFY2(torch.exitCode == 0, qPrintable(torch.describe()));
        QVERIFY(QFileInfo(m_dir.filePath("export-plane.onnx")).size() > 0);

        for (const Case& c : all) {
            const QString base = m_dir.filePath("export-" + c.name);
            const QList<QStringList> mine = readCsv(base + "-nnplay.csv");
            const QList<QStringList> theirs = readCsv(base + "-torch.csv");
            QCOMPARE(mine.size(), 13);
            QCOMPARE(theirs.size(), mine.size());
            QCOMPARE(theirs.front(), mine.front());
            for (int r = 1; r < mine.size(); ++r) {
                QCOMPARE(theirs[r].size(), mine[r].size());
                for (int k = 0; k < mine[r].size(); ++k) {
                    bool numeric = false;
                    const double a = mine[r][k].toDouble(&numeric);
                    const QString where =
                        QStringLiteral("%1 row %2 column %3: nnplay %4, PyTorch %5")
                            .arg(c.name)
                            .arg(r)
                            .arg(k)
                            .arg(mine[r][k], theirs[r][k]);
                    if (numeric && (c.loss == "mse" || k > 0))
                        QVERIFY2(std::abs(theirs[r][k].toDouble() - a) <= 1e-4, qPrintable(where));
                    else
                        QVERIFY2(theirs[r][k] == mine[r][k], qPrintable(where));
                }
            }
        }
    }

    // torchrun with two processes trains the exported model with DistributedDataParallel.
    void trainsUnderTorchrun() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        const QString torchrun = QStandardPaths::findExecutable("torchrun", {"/usr/bin"});
        if (torchrun.isEmpty()) QSKIP("torchrun is not installed (it comes with python3-torch)");
        const QString base = m_dir.filePath("ddp");
        const QJsonObject project{
            {"format", "nnplay-project"},
            {"version", 1},
            {"task", "classification"},
            {"data", QJsonObject{{"source", "xor"}, {"samples", 100}}},
            {"network",
             QJsonObject{{"layers", QJsonArray{layer("dense", {{"units", 4}}), layer("tanh"),
                                               layer("dense", {{"units", 1}}), layer("sigmoid")}}}},
            {"training", QJsonObject{{"loss", "bce"}, {"epochs", 1}}}};
        writeFile(base + ".nnplay", QJsonDocument(project).toJson());
        const Run trained =
            runCli({"train", base + ".nnplay", "--save", base + "-trained.nnplay", "--quiet"});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.describe()));
        QCOMPARE(runCli({"export", base + "-trained.nnplay", "--pytorch", base + ".py"}).exitCode,
                 0);
        // --redirects/--tee: Debian 12's torchrun (PyTorch 1.13 on Python 3.11) fails with its
        // default "0" (Std.from_str finds no NONE member); teeing stdout keeps it on the console.
        const Run ddp =
            runProgram(torchrun,
                       {"--nnodes=1", "--rdzv_backend=c10d",
                        QStringLiteral("--rdzv_endpoint=127.0.0.1:%1").arg(freePort()),
                        "--nproc_per_node=2", "--redirects", "1", "--tee", "1", base + ".py",
                        "--train", "--epochs", "2", "--save", base + "-ddp.json"},
                       m_dir.path());
        QVERIFY2(ddp.exitCode == 0, qPrintable(ddp.describe()));
        QVERIFY2(ddp.out.contains("epoch 2"), qPrintable(ddp.describe()));
        QVERIFY2(ddp.out.contains("distributed over 2 processes"), qPrintable(ddp.describe()));
        QVERIFY(QFileInfo(base + "-ddp.json").size() > 0);
    }

    // A trained GAN exports both networks: fed the same noise, the script's generator writes
    // nnplay's samples, and its training loop goes on from the exported weights.
    void ganGeneratesLikeNnplay() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        const QString base = m_dir.filePath("gan");
        const Run trained =
            runCli({"train", QFINDTESTDATA("../../resources/examples/gan-ring.nnplay"), "--steps",
                    "200", "--save", base + ".nnplay", "--quiet"});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.describe()));
        const Run exported = runCli({"export", base + ".nnplay", "--pytorch", base + ".py"});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));
        writeFile(base + "-noise.csv", "0.5,-0.25\n-1,1\n0,0\n0.9,0.1\n-0.3,-0.7\n");
        const Run mine = runCli({"generate", base + ".nnplay", "--noise", base + "-noise.csv",
                                 "--out", base + "-nnplay.csv"});
        QVERIFY2(mine.exitCode == 0, qPrintable(mine.describe()));
        const Run theirs =
            runProgram(m_python, {base + ".py", "--generate", "5", "--noise", base + "-noise.csv",
                                  "--out", base + "-torch.csv"});
        QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.describe()));
        const QList<QStringList> a = readCsv(base + "-nnplay.csv");
        const QList<QStringList> b = readCsv(base + "-torch.csv");
        QVERIFY(a.size() >= 5);
        QCOMPARE(b.size(), a.size());
        int compared = 0;
        for (int r = 0; r < a.size(); ++r) {
            QCOMPARE(b[r].size(), a[r].size());
            for (int k = 0; k < a[r].size(); ++k) {
                bool numeric = false;
                const double x = a[r][k].toDouble(&numeric);
                if (!numeric) {
                    QCOMPARE(b[r][k], a[r][k]);
                    continue;
                }
                QVERIFY2(std::abs(b[r][k].toDouble() - x) <= 1e-4,
                         qPrintable(QStringLiteral("row %1 column %2: nnplay %3, PyTorch %4")
                                        .arg(r)
                                        .arg(k)
                                        .arg(a[r][k], b[r][k])));
                ++compared;
            }
        }
        QCOMPARE(compared, 10);
        const Run train = runProgram(m_python, {base + ".py", "--train", "--steps", "5"});
        QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
        QVERIFY2(train.out.contains("d_loss") && !train.out.contains("nan"),
                 qPrintable(train.describe()));
    }

    // A project without trained weights is refused with what to do.
    void refusesUntrainedProject() {
        const QString base = m_dir.filePath("untrained");
        writeFile(base + ".nnplay",
                  R"({"format": "nnplay-project", "version": 1, "task": "classification",
                      "data": {"source": "xor"},
                      "network": {"layers": [{"type": "dense", "units": 1}, {"type": "sigmoid"}]}})");
        const Run run = runCli({"export", base + ".nnplay", "--pytorch", base + ".py"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("train it first"), qPrintable(run.describe()));
        QVERIFY(!QFile::exists(base + ".py"));
    }

private:
    QTemporaryDir m_dir;
    QString m_python;
    QString m_skip;
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
