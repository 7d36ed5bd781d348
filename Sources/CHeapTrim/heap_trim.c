#include <malloc.h>
#include "heap_trim.h"

int kam_release_free_heap(void) {
    return malloc_trim(0);
}
