// libxlsxwriter 1.1.4 formats a workbook's created and modified times (docProps/core.xml, on
// `workbook_close`) with `gmtime()`, whose result lives in one buffer shared by the whole
// process. Two workbooks closing at once on two threads could print each other's date.
//
// This definition of `gmtime`, linked into the executable, comes first in the dynamic
// linker's lookup, so libxlsxwriter's call lands here: the same conversion (`gmtime_r`) into a
// buffer of the calling thread's own. For a caller on one thread nothing changes (the pointer
// stays valid until that thread's next call, as POSIX says). Whether it took effect is checked
// at run time (`kam_gmtime_is_per_thread`), never assumed: without it the wrapper keeps
// closing workbooks one at a time.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "thread_safe_time.h"

struct tm *gmtime(const time_t *timer) {
    static __thread struct tm result;
    return gmtime_r(timer, &result);
}

typedef struct tm *(*gmtime_function)(const time_t *);

static void *call_on_other_thread(void *function) {
    time_t epoch = 0;
    return ((gmtime_function)function)(&epoch);
}

int kam_gmtime_is_per_thread(void) {
    // The `gmtime` a shared library resolves to: the first definition in the global scope.
    gmtime_function resolved = (gmtime_function)dlsym(RTLD_DEFAULT, "gmtime");
    if (resolved == NULL) return 0;
    time_t epoch = 0;
    struct tm *here = resolved(&epoch);
    pthread_t other;
    if (pthread_create(&other, NULL, call_on_other_thread, (void *)resolved) != 0) return 0;
    void *there = NULL;
    if (pthread_join(other, &there) != 0) return 0;
    return here != NULL && there != NULL && here != (struct tm *)there;
}
