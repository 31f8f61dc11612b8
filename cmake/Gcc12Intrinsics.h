// SPDX-License-Identifier: GPL-3.0-or-later
// Included ahead of every source file by GCC before version 13 (see CMakeLists.txt).
//
// GCC 12's AVX-512 intrinsics start many operations from _mm512_undefined_ps(), which reads
// a variable initialised with itself; wherever Eigen's vector code is inlined,
// -Wmaybe-uninitialized then fires inside the compiler's own header (GCC bug 105593, fixed in
// GCC 13). Including the intrinsics first, with the warning off for their text alone, silences
// exactly those reports: it stays on for every line of the project and of Eigen.
#pragma once
#if defined(__x86_64__) || defined(__i386__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#endif
