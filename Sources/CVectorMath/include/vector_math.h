// Elementwise functions over whole buffers from the C library's vector math (glibc's libmvec).
#ifndef KAOHE_VECTOR_MATH_H
#define KAOHE_VECTOR_MATH_H

#include <stddef.h>

/// x[i] = exp(x[i]) for every i: libmvec's AVX2 code (four doubles a call) where the processor and
/// the system support it, its baseline code (two a call) on other x86-64, the scalar exp elsewhere.
void kaohe_exp_in_place(double *x, size_t n);

#endif
