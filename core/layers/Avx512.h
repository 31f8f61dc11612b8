// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// NNPLAY_AVX512 is set where the layers' short-row loops use AVX-512 intrinsics: when the
// compiler targets AVX-512 (NNPLAY_NATIVE on such a machine), but not under AddressSanitizer,
// which cannot see that a masked load leaves the lanes past the end of a buffer unread. Every
// such path has a plain loop beside it that the other builds run.
#if defined(__AVX512F__) && !defined(__SANITIZE_ADDRESS__)
#define NNPLAY_AVX512 1
#include <immintrin.h>
#endif
