// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lesson.h"

namespace nnplay {

const LessonVariant* Lesson::findVariant(const std::string& name) const {
    for (const LessonVariant& v : variants)
        if (v.name == name) return &v;
    return nullptr;
}

}  // namespace nnplay
