#ifndef KAM_THREAD_SAFE_TIME_H
#define KAM_THREAD_SAFE_TIME_H

/// 1 when the `gmtime` that a shared library such as libxlsxwriter calls hands each thread its
/// own buffer (this target's `gmtime` won the symbol lookup), 0 when two threads would share
/// one (glibc's, whose static buffer the other thread can overwrite). Checked once by the
/// caller: closing workbooks in parallel is only safe when this is 1.
int kam_gmtime_is_per_thread(void);

#endif
