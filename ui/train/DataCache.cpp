// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/DataCache.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include "data/DataLoader.h"

namespace nnplay::ui {

DataCache::Key DataCache::keyFor(const nnplay::DataSpec& spec, nnplay::Task task,
                                 const QString& baseDir) {
    QString files;
    for (const std::string* path :
         {&spec.path, &spec.images, &spec.labels, &spec.testImages, &spec.testLabels}) {
        if (path->empty()) continue;
        const QFileInfo file(QDir(baseDir), QString::fromStdString(*path));
        files += QStringLiteral("%1:%2;")
                     .arg(file.size())
                     .arg(file.exists() ? file.lastModified().toMSecsSinceEpoch() : -1);
    }
    return {spec, task, baseDir, files};
}

bool DataCache::holds(const nnplay::DataSpec& spec, nnplay::Task task,
                      const QString& baseDir) const {
    return m_key && *m_key == keyFor(spec, task, baseDir);
}

const nnplay::DataSplit& DataCache::get(const nnplay::DataSpec& spec, nnplay::Task task,
                                        const QString& baseDir) {
    if (holds(spec, task, baseDir)) return m_split;
    m_key.reset();
    m_split = nnplay::loadData(spec, task, baseDir.toStdString());
    m_key = keyFor(spec, task, baseDir);
    return m_split;
}

}  // namespace nnplay::ui
