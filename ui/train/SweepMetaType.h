// SPDX-License-Identifier: GPL-3.0-or-later
// The sweep's table as a queued signal's argument (SweepWorker to SweepRunner).
#pragma once

#include <QMetaType>

#include "train/RunRecord.h"
#include "train/SweepTable.h"

Q_DECLARE_METATYPE(nnplay::SweepTable)
Q_DECLARE_METATYPE(nnplay::RunRecord)
