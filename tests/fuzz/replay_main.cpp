// Runs a fuzz target over every file of its corpus (seeds and kept crashers), so the normal
// test suite, built with g++, replays what the fuzzer found without needing clang.
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QTextStream>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: " << argv[0] << " CORPUS_DIR\n";
        return 2;
    }
    int files = 0;
    QDirIterator it(QString::fromLocal8Bit(argv[1]), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        const QByteArray bytes = f.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size()));
        ++files;
    }
    QTextStream(stdout) << "replayed " << files << " inputs\n";
    return files > 0 ? 0 : 1; // an empty corpus means the test checked nothing
}
