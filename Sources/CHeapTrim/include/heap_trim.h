#ifndef KAM_HEAP_TRIM_H
#define KAM_HEAP_TRIM_H

/// malloc_trim(3): glibc returns the free pages at the top of its heaps and in its arenas to the
/// system. Freed memory otherwise stays resident, so a phase that frees a lot (the ingest's parsed
/// files) still counts in the peak of the phase after it. Swift's Glibc module does not declare
/// malloc_trim (it is in <malloc.h>), hence this shim. Returns 1 when memory was given back.
int kam_release_free_heap(void);

#endif
