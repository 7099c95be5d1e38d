// Which libmvec variant to call is decided once, from CPUID; the AVX2 caller is compiled for AVX2 by a
// target attribute, so the file needs no special flags and runs on any x86-64.
#include "vector_math.h"
#include <math.h>
#include <stdatomic.h>

#if defined(__x86_64__) && defined(__GLIBC__)
#include <cpuid.h>
#include <immintrin.h>

__m128d _ZGVbN2v_exp(__m128d);
__attribute__((target("avx2"))) __m256d _ZGVdN4v_exp(__m256d);

/// Whether the processor has AVX2 and the system saves its registers (CPUID leaves 1 and 7, XGETBV).
static int has_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
    unsigned lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & bit_AVX2) != 0;
}

__attribute__((target("avx2"))) static size_t exp_avx2(double *x, size_t n) {
    size_t i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(x + i, _ZGVdN4v_exp(_mm256_loadu_pd(x + i)));
    return i;
}

void kaohe_exp_in_place(double *x, size_t n) {
    // 0: not checked yet; 1: no AVX2; 2: AVX2. Two threads checking at once only repeat the check.
    static _Atomic int avx2 = 0;
    int known = atomic_load_explicit(&avx2, memory_order_relaxed);
    if (known == 0) {
        known = has_avx2() ? 2 : 1;
        atomic_store_explicit(&avx2, known, memory_order_relaxed);
    }
    size_t i = known == 2 ? exp_avx2(x, n) : 0;
    for (; i + 2 <= n; i += 2) _mm_storeu_pd(x + i, _ZGVbN2v_exp(_mm_loadu_pd(x + i)));
    for (; i < n; i++) x[i] = exp(x[i]);
}
#else
void kaohe_exp_in_place(double *x, size_t n) {
    for (size_t i = 0; i < n; i++) x[i] = exp(x[i]);
}
#endif
