# SPDX-License-Identifier: GPL-3.0-or-later
# Every target either precompiles the headers its group parses in every file or reuses the
# precompiled headers of a target built with the same flags: the engine's (no Qt, no -fPIC),
# the window's (Qt Widgets), or the tests' (Qt Core). Without NNPLAY_PRECOMPILED_HEADERS these
# do nothing.
set(NNPLAY_ENGINE_HEADERS <Eigen/Dense> <algorithm> <cmath> <functional> <memory> <stdexcept>
    <string> <vector>)
set(NNPLAY_WINDOW_HEADERS ${NNPLAY_ENGINE_HEADERS} <QtWidgets> <qcustomplot.h>)
# Not <QTest>: it reads QT_TESTCASE_SOURCEDIR, which differs between the tests' folders.
set(NNPLAY_TEST_HEADERS ${NNPLAY_ENGINE_HEADERS} <QtCore>)

# Precompiles the given headers for `target`.
function(nnplay_precompile target)
    if(NNPLAY_PRECOMPILED_HEADERS)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# Uses the headers `from` precompiled (its compile flags must be `target`'s).
function(nnplay_reuse_precompiled target from)
    if(NNPLAY_PRECOMPILED_HEADERS)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()
