#ifndef KAM_FILE_SYSTEM_SYNC_H
#define KAM_FILE_SYSTEM_SYNC_H

/// syncfs(2) on the file system holding the open descriptor `fd`: every file and folder entry
/// written on it so far reaches the disk. 0 on success, else -1 with errno set (Linux 5.8 and
/// later report write-back errors here). Swift's Glibc module does not declare it (it needs
/// _GNU_SOURCE), hence this shim.
int kam_syncfs(int fd);

#endif
