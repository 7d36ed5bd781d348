#define _GNU_SOURCE
#include <unistd.h>
#include "file_system_sync.h"

int kam_syncfs(int fd) {
    return syncfs(fd);
}
