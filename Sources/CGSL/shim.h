// What Swift cannot read from GSL's headers directly: the generator-type globals are mutable
// C globals (Swift 6 rejects them as not concurrency-safe), so each is exposed through a function.
#ifndef KAOHE_CGSL_SHIM_H
#define KAOHE_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_poly.h>
#include <gsl/gsl_version.h>

static inline const gsl_rng_type *kaohe_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *kaohe_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_multimin_fminimizer_type *kaohe_fminimizer_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}
static inline const char *kaohe_gsl_version(void) { return gsl_version; }

// n uniform draws from (0, 1) (gsl_rng_uniform_pos: a 0 is drawn again) or [0, 1) (gsl_rng_uniform),
// in one call from Swift: the loop stays in C, one call of the generator's own get_double a draw
// (read once: the calls may write memory, so the compiler would reload it every draw).
static inline void kaohe_rng_uniform_pos_fill(const gsl_rng *r, double *out, size_t n) {
    double (*const get_double)(void *) = r->type->get_double;
    void *const state = r->state;
    for (size_t i = 0; i < n; i++) {
        double x;
        do { x = get_double(state); } while (x == 0);
        out[i] = x;
    }
}
static inline void kaohe_rng_uniform_fill(const gsl_rng *r, double *out, size_t n) {
    double (*const get_double)(void *) = r->type->get_double;
    void *const state = r->state;
    for (size_t i = 0; i < n; i++) out[i] = get_double(state);
}

#endif
