/*
 * Reference measurement for `npm run bench -- --cholmod`: CHOLMOD's supernodal LLᵀ of a Matrix
 * Market SPD matrix on this machine, in this minute, single-threaded BLAS. Not part of stackpress.
 *
 *   cholmodRunner A.mtx            CHOLMOD's own ordering choice (AMD, METIS when AMD fills badly)
 *   cholmodRunner A.mtx perm.txt   a given permutation (one 0-based index per line, perm[new] = old)
 *
 * Prints one JSON line: n, ordering, analyse seconds, flops (CHOLMOD's fl), nnz(L), factor seconds.
 * Build: gcc -O2 cholmodRunner.c -lcholmod -lm  (Debian: libsuitesparse-dev, libopenblas0-serial).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <suitesparse/cholmod.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  cholmod_common c;
  cholmod_start(&c);
  c.supernodal = CHOLMOD_SUPERNODAL;
  FILE *f = fopen(argv[1], "r");
  if (!f) return 2;
  cholmod_sparse *A = cholmod_read_sparse(f, &c);
  fclose(f);
  if (!A) return 2;
  int *perm = NULL;
  if (argc > 2) {
    perm = malloc(sizeof(int) * A->nrow);
    FILE *p = fopen(argv[2], "r");
    if (!p) return 2;
    for (size_t i = 0; i < A->nrow; i++)
      if (fscanf(p, "%d", &perm[i]) != 1) return 2;
    fclose(p);
    c.nmethods = 1;
    c.method[0].ordering = CHOLMOD_GIVEN;
  }
  double t0 = now();
  cholmod_factor *L = cholmod_analyze_p(A, perm, NULL, 0, &c);
  double t1 = now();
  const char *names[] = {"natural", "given", "amd", "metis", "nesdis", "colamd"};
  int ord = c.method[c.selected].ordering;
  printf("{\"n\":%zu,\"ordering\":\"%s\",\"analyseSeconds\":%.4f,\"flops\":%.6e,\"nnzL\":%.6e,\"factorSeconds\":[",
         A->nrow, ord >= 0 && ord <= 5 ? names[ord] : "?", t1 - t0, c.fl, c.lnz);
  for (int r = 0; r < 3; r++) {
    double a = now();
    cholmod_factorize(A, L, &c);
    double b = now();
    if (c.status != CHOLMOD_OK) return 3;
    printf("%s%.4f", r ? "," : "", b - a);
  }
  printf("]}\n");
  cholmod_free_factor(&L, &c);
  cholmod_free_sparse(&A, &c);
  cholmod_finish(&c);
  free(perm);
  return 0;
}
