/* powercut.c: an LD_PRELOAD shim that records, in order, every write, truncation, sync and
 * directory change a process makes to one database's files, so that a test can rebuild what a
 * disk would hold had the power been cut after any record: what was synced, and any part of
 * what was not (cli/tests/power_loss.rs, issue 15 item 3).
 *
 * Environment: POWERCUT_DIR  the folder (absolute, no trailing slash) holding the database;
 *              POWERCUT_PREFIX the database's file name: it and the files named after it
 *                              (-wal, -journal) are watched, its -shm is not (rebuilt on open);
 *              POWERCUT_LOG  the file the records are appended to.
 *
 * Each call on a watched file and its record are made under one lock held across processes (a
 * mutex and an flock of the log), so the records are in the order the calls were made: without
 * it, a process descheduled between creating a file and recording it let another's write to that
 * file be recorded first. A sync is not made under the lock: its BEGIN is recorded before it
 * starts and its END after it returns; it covers the writes recorded before its BEGIN and counts
 * once its END is recorded. Calls this shim cannot model on a watched file
 * (writev and its kin, shared writable mappings, fallocate, truncation by path, a file moved into
 * or out of the watched set) are recorded as UNSUPPORTED and fail the test. Before a watched
 * file is removed its content is recorded (CHECK), so the test can prove its model of that file
 * matched the disk. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum op {
    OP_CREATE = 1,
    OP_WRITE = 2,
    OP_TRUNC = 3,
    OP_SYNC_BEGIN = 4,
    OP_SYNC_END = 5,
    OP_UNLINK = 6,
    OP_RENAME = 7,
    OP_DIRSYNC_BEGIN = 8,
    OP_DIRSYNC_END = 9,
    OP_UNSUPPORTED = 10,
    /* 11 is the test's own: a save the CLI confirmed. */
    OP_CHECK = 12, /* a file's whole content as it is about to be removed */
};

#define MAGIC 0x54554350u /* "PCUT" */
#define MAX_FDS 65536

struct header {
    uint32_t magic;
    uint8_t op;
    uint8_t pad;
    uint16_t name_len;
    uint32_t pid;
    uint32_t pad2;
    uint64_t ino;
    uint64_t a;
    uint64_t data_len;
};

struct watched {
    _Atomic int kind; /* 0 not watched, 1 a watched file, 2 the folder */
    uint64_t ino;
    char name[NAME_MAX + 1];
};

static struct watched fds[MAX_FDS];
static char dir[PATH_MAX];
static size_t dir_len;
static char prefix[NAME_MAX + 1];
static int log_fd = -1;
static _Atomic uint32_t sync_counter;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t order = PTHREAD_MUTEX_INITIALIZER;

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_close)(int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static int (*real_ftruncate)(int, off_t);
static int (*real_ftruncate64)(int, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_unlink)(const char *);
static int (*real_unlinkat)(int, const char *, int);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_renameat2)(int, const char *, int, const char *, unsigned int);
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static void *(*real_mmap64)(void *, size_t, int, int, int, off_t);
static int (*real_fallocate)(int, int, off_t, off_t);
static int (*real_posix_fallocate)(int, off_t, off_t);
static int (*real_dup)(int);
static int (*real_dup2)(int, int);
static int (*real_dup3)(int, int, int);
static int (*real_fcntl)(int, int, ...);
static int (*real_truncate)(const char *, off_t);

static void resolve(void) {
    real_open = dlsym(RTLD_NEXT, "open");
    real_open64 = dlsym(RTLD_NEXT, "open64");
    real_openat = dlsym(RTLD_NEXT, "openat");
    real_openat64 = dlsym(RTLD_NEXT, "openat64");
    real_close = dlsym(RTLD_NEXT, "close");
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_writev = dlsym(RTLD_NEXT, "writev");
    real_pwritev = dlsym(RTLD_NEXT, "pwritev");
    real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
    real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_unlink = dlsym(RTLD_NEXT, "unlink");
    real_unlinkat = dlsym(RTLD_NEXT, "unlinkat");
    real_rename = dlsym(RTLD_NEXT, "rename");
    real_renameat = dlsym(RTLD_NEXT, "renameat");
    real_renameat2 = dlsym(RTLD_NEXT, "renameat2");
    real_mmap = dlsym(RTLD_NEXT, "mmap");
    real_mmap64 = dlsym(RTLD_NEXT, "mmap64");
    real_fallocate = dlsym(RTLD_NEXT, "fallocate");
    real_posix_fallocate = dlsym(RTLD_NEXT, "posix_fallocate");
    real_dup = dlsym(RTLD_NEXT, "dup");
    real_dup2 = dlsym(RTLD_NEXT, "dup2");
    real_dup3 = dlsym(RTLD_NEXT, "dup3");
    real_fcntl = dlsym(RTLD_NEXT, "fcntl");
    real_truncate = dlsym(RTLD_NEXT, "truncate");
}

static void setup(void) {
    resolve();
    const char *d = getenv("POWERCUT_DIR");
    const char *p = getenv("POWERCUT_PREFIX");
    const char *l = getenv("POWERCUT_LOG");
    if (!d || !p || !l || strlen(d) >= sizeof dir || strlen(p) >= sizeof prefix) return;
    strcpy(dir, d);
    dir_len = strlen(dir);
    strcpy(prefix, p);
    log_fd = real_open(l, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
}

static void init(void) {
    int saved = errno;
    pthread_once(&once, setup);
    errno = saved;
}

/* The lock a call on a watched file and its record are made under (see the top). */
static void hold(void) {
    pthread_mutex_lock(&order);
    if (log_fd >= 0) flock(log_fd, LOCK_EX);
}

static void release(void) {
    if (log_fd >= 0) flock(log_fd, LOCK_UN);
    pthread_mutex_unlock(&order);
}

/* One record, one write(): O_APPEND keeps records whole and in order across processes. */
static void record(uint8_t op, const char *name, size_t name_len, uint64_t ino, uint64_t a,
                   const void *data, size_t data_len) {
    if (log_fd < 0) return;
    int saved = errno;
    size_t total = sizeof(struct header) + name_len + data_len;
    char *buf = malloc(total);
    if (!buf) abort();
    struct header h = {MAGIC, op, 0, (uint16_t)name_len, (uint32_t)getpid(), 0, ino, a, data_len};
    memcpy(buf, &h, sizeof h);
    if (name_len) memcpy(buf + sizeof h, name, name_len);
    if (data_len) memcpy(buf + sizeof h + name_len, data, data_len);
    ssize_t done = real_write(log_fd, buf, total);
    free(buf);
    /* A record lost would make the test's model wrong without saying so. */
    if (done != (ssize_t)total) abort();
    errno = saved;
}

/* The file name inside the watched folder that `path` (seen from `at`) names, or NULL. */
static const char *inside(int at, const char *path, char *scratch) {
    if (!path || dir_len == 0) return NULL;
    const char *full = path;
    if (path[0] != '/') {
        if (at != AT_FDCWD) {
            if (at >= 0 && at < MAX_FDS && atomic_load(&fds[at].kind) == 2) return strchr(path, '/') ? NULL : path;
            return NULL;
        }
        if (!getcwd(scratch, PATH_MAX)) return NULL;
        size_t n = strlen(scratch);
        if (n + 1 + strlen(path) + 1 > PATH_MAX) return NULL;
        scratch[n] = '/';
        strcpy(scratch + n + 1, path);
        full = scratch;
    }
    if (strncmp(full, dir, dir_len) != 0) return NULL;
    if (full[dir_len] == '\0') return ""; /* the folder itself */
    if (full[dir_len] != '/') return NULL;
    const char *name = full + dir_len + 1;
    if (strchr(name, '/')) return NULL;
    return name;
}

static int is_watched_name(const char *name) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0) return 0;
    const char *rest = name + n;
    return strcmp(rest, "") == 0 || strcmp(rest, "-wal") == 0 || strcmp(rest, "-journal") == 0;
}

static uint64_t ino_of(int fd) {
    struct stat st;
    return fstat(fd, &st) == 0 ? (uint64_t)st.st_ino : 0;
}

/* Whether `path` (seen from `at`) names a watched file. */
static int watched_path(int at, const char *path) {
    char scratch[PATH_MAX];
    const char *name = inside(at, path, scratch);
    return name && name[0] && is_watched_name(name);
}

static int after_open(int fd, int at, const char *path, int flags, int existed) {
    if (fd < 0 || fd >= MAX_FDS) return fd;
    char scratch[PATH_MAX];
    const char *name = inside(at, path, scratch);
    atomic_store(&fds[fd].kind, 0);
    if (!name) return fd;
    if (name[0] == '\0') {
        atomic_store(&fds[fd].kind, 2);
        return fd;
    }
    if (!is_watched_name(name)) return fd;
    fds[fd].ino = ino_of(fd);
    strncpy(fds[fd].name, name, NAME_MAX);
    fds[fd].name[NAME_MAX] = '\0';
    if (!existed) record(OP_CREATE, name, strlen(name), fds[fd].ino, 0, NULL, 0);
    if (flags & O_TRUNC) record(OP_TRUNC, NULL, 0, fds[fd].ino, 0, NULL, 0);
    atomic_store(&fds[fd].kind, 1);
    return fd;
}

static int existed_before(int at, const char *path, int flags) {
    if (!(flags & O_CREAT)) return 1;
    return faccessat(at, path, F_OK, 0) == 0;
}

static int watched(int fd) { return fd >= 0 && fd < MAX_FDS && atomic_load(&fds[fd].kind) == 1; }
static int folder(int fd) { return fd >= 0 && fd < MAX_FDS && atomic_load(&fds[fd].kind) == 2; }

static mode_t mode_arg(int flags, va_list ap) {
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...) {
    init();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    int w = watched_path(AT_FDCWD, path);
    if (w) hold();
    int existed = existed_before(AT_FDCWD, path, flags);
    int fd = after_open(real_open(path, flags, mode), AT_FDCWD, path, flags, existed);
    if (w) release();
    return fd;
}

int open64(const char *path, int flags, ...) {
    init();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    int w = watched_path(AT_FDCWD, path);
    if (w) hold();
    int existed = existed_before(AT_FDCWD, path, flags);
    int fd = after_open(real_open64(path, flags, mode), AT_FDCWD, path, flags, existed);
    if (w) release();
    return fd;
}

int openat(int at, const char *path, int flags, ...) {
    init();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    int w = watched_path(at, path);
    if (w) hold();
    int existed = existed_before(at, path, flags);
    int fd = after_open(real_openat(at, path, flags, mode), at, path, flags, existed);
    if (w) release();
    return fd;
}

int openat64(int at, const char *path, int flags, ...) {
    init();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    int w = watched_path(at, path);
    if (w) hold();
    int existed = existed_before(at, path, flags);
    int fd = after_open(real_openat64(at, path, flags, mode), at, path, flags, existed);
    if (w) release();
    return fd;
}

int creat(const char *path, mode_t mode) {
    return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int creat64(const char *path, mode_t mode) {
    return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

static void truncated_by_path(const char *path) {
    char scratch[PATH_MAX];
    const char *name = inside(AT_FDCWD, path, scratch);
    if (name && name[0] && is_watched_name(name)) {
        const char *what = "truncate by path";
        record(OP_UNSUPPORTED, what, strlen(what), 0, 0, NULL, 0);
    }
}

int truncate(const char *path, off_t len) {
    init();
    truncated_by_path(path);
    return real_truncate(path, len);
}

int truncate64(const char *path, off_t len) {
    init();
    truncated_by_path(path);
    return real_truncate(path, len);
}

int close(int fd) {
    init();
    if (fd >= 0 && fd < MAX_FDS) atomic_store(&fds[fd].kind, 0);
    return real_close(fd);
}

ssize_t write(int fd, const void *buf, size_t n) {
    init();
    if (!watched(fd)) return real_write(fd, buf, n);
    hold();
    off_t at = lseek(fd, 0, SEEK_CUR);
    if (real_fcntl(fd, F_GETFL, NULL) & O_APPEND) {
        struct stat st;
        at = fstat(fd, &st) == 0 ? st.st_size : -1;
    }
    ssize_t done = real_write(fd, buf, n);
    if (done > 0) record(OP_WRITE, NULL, 0, fds[fd].ino, (uint64_t)at, buf, (size_t)done);
    release();
    return done;
}

static ssize_t positioned(ssize_t (*real)(int, const void *, size_t, off_t), int fd,
                          const void *buf, size_t n, off_t at) {
    if (!watched(fd)) return real(fd, buf, n, at);
    hold();
    ssize_t done = real(fd, buf, n, at);
    if (done > 0) record(OP_WRITE, NULL, 0, fds[fd].ino, (uint64_t)at, buf, (size_t)done);
    release();
    return done;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t at) {
    init();
    return positioned(real_pwrite, fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t at) {
    init();
    return positioned(real_pwrite64, fd, buf, n, at);
}

static void unsupported(int fd, const char *what) {
    if (watched(fd)) record(OP_UNSUPPORTED, what, strlen(what), fds[fd].ino, 0, NULL, 0);
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
    init();
    unsupported(fd, "writev");
    return real_writev(fd, iov, count);
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t at) {
    init();
    unsupported(fd, "pwritev");
    return real_pwritev(fd, iov, count, at);
}

int fallocate(int fd, int mode, off_t at, off_t len) {
    init();
    unsupported(fd, "fallocate");
    return real_fallocate(fd, mode, at, len);
}

int posix_fallocate(int fd, off_t at, off_t len) {
    init();
    unsupported(fd, "posix_fallocate");
    return real_posix_fallocate(fd, at, len);
}

int posix_fallocate64(int fd, off_t at, off_t len) {
    init();
    unsupported(fd, "posix_fallocate64");
    return real_posix_fallocate(fd, at, len);
}

int fallocate64(int fd, int mode, off_t at, off_t len) {
    init();
    unsupported(fd, "fallocate64");
    return real_fallocate(fd, mode, at, len);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int count, off_t at) {
    init();
    unsupported(fd, "pwritev64");
    return real_pwritev(fd, iov, count, at);
}

/* pwritev2 and its large-file name: recorded as unsupported, then passed on to libc's `symbol`. */
static ssize_t vectored2(const char *symbol, int fd, const struct iovec *iov, int count, off_t at,
                         int flags) {
    init();
    unsupported(fd, symbol);
    ssize_t (*real)(int, const struct iovec *, int, off_t, int) = dlsym(RTLD_NEXT, symbol);
    return real(fd, iov, count, at, flags);
}

ssize_t pwritev2(int fd, const struct iovec *iov, int count, off_t at, int flags) {
    return vectored2("pwritev2", fd, iov, count, at, flags);
}

ssize_t pwritev64v2(int fd, const struct iovec *iov, int count, off_t at, int flags) {
    return vectored2("pwritev64v2", fd, iov, count, at, flags);
}

/* A copy of a descriptor writes to the same file: it is watched as the original is. */
static int copied(int from, int to) {
    if (to >= 0 && to < MAX_FDS && from >= 0 && from < MAX_FDS) {
        fds[to].ino = fds[from].ino;
        memcpy(fds[to].name, fds[from].name, sizeof fds[to].name);
        atomic_store(&fds[to].kind, atomic_load(&fds[from].kind));
    } else if (to >= 0 && to < MAX_FDS) {
        atomic_store(&fds[to].kind, 0);
    }
    return to;
}

int dup(int fd) {
    init();
    return copied(fd, real_dup(fd));
}

int dup2(int fd, int to) {
    init();
    return copied(fd, real_dup2(fd, to));
}

int dup3(int fd, int to, int flags) {
    init();
    return copied(fd, real_dup3(fd, to, flags));
}

/* fcntl and fcntl64: a descriptor it copies is watched as the original is. */
static int controlled(int fd, int cmd, void *arg) {
    init();
    int r = real_fcntl(fd, cmd, arg);
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) copied(fd, r);
    return r;
}

/* Every fcntl command's argument is an int or a pointer: passed on as the one word it is. */
int fcntl(int fd, int cmd, ...) {
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return controlled(fd, cmd, arg);
}

int fcntl64(int fd, int cmd, ...) {
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return controlled(fd, cmd, arg);
}

static void *mapped(void *(*real)(void *, size_t, int, int, int, off_t), void *addr, size_t len,
                    int prot, int flags, int fd, off_t at) {
    if ((prot & PROT_WRITE) && (flags & MAP_SHARED)) unsupported(fd, "shared writable mmap");
    return real(addr, len, prot, flags, fd, at);
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t at) {
    init();
    return mapped(real_mmap, addr, len, prot, flags, fd, at);
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t at) {
    init();
    return mapped(real_mmap64, addr, len, prot, flags, fd, at);
}

static int truncated(int (*real)(int, off_t), int fd, off_t len) {
    if (!watched(fd)) return real(fd, len);
    hold();
    int r = real(fd, len);
    if (r == 0) record(OP_TRUNC, NULL, 0, fds[fd].ino, (uint64_t)len, NULL, 0);
    release();
    return r;
}

int ftruncate(int fd, off_t len) {
    init();
    return truncated(real_ftruncate, fd, len);
}

int ftruncate64(int fd, off_t len) {
    init();
    return truncated(real_ftruncate64, fd, len);
}

static int synced(int (*real)(int), int fd) {
    if (!watched(fd) && !folder(fd)) return real(fd);
    uint64_t id = ((uint64_t)getpid() << 32) | atomic_fetch_add(&sync_counter, 1);
    int is_folder = folder(fd);
    uint64_t ino = is_folder ? 0 : fds[fd].ino;
    hold();
    record(is_folder ? OP_DIRSYNC_BEGIN : OP_SYNC_BEGIN, NULL, 0, ino, id, NULL, 0);
    release();
    int r = real(fd);
    if (r == 0) {
        hold();
        record(is_folder ? OP_DIRSYNC_END : OP_SYNC_END, NULL, 0, ino, id, NULL, 0);
        release();
    }
    return r;
}

int fsync(int fd) {
    init();
    return synced(real_fsync, fd);
}

int fdatasync(int fd) {
    init();
    return synced(real_fdatasync, fd);
}

/* The whole file, recorded as it is about to be removed (the test compares its model with it). */
static void checked(int at, const char *path) {
    char scratch[PATH_MAX];
    const char *name = inside(at, path, scratch);
    if (!name || !name[0] || !is_watched_name(name)) return;
    int fd = real_openat(at, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st;
    if (fstat(fd, &st) == 0) {
        char *buf = malloc(st.st_size ? (size_t)st.st_size : 1);
        if (!buf) abort();
        ssize_t got = pread(fd, buf, (size_t)st.st_size, 0);
        if (got == (ssize_t)st.st_size) record(OP_CHECK, name, strlen(name), (uint64_t)st.st_ino, 0, buf, (size_t)got);
        free(buf);
    }
    real_close(fd);
}

static void removed(int at, const char *path) {
    char scratch[PATH_MAX];
    const char *name = inside(at, path, scratch);
    if (name && name[0] && is_watched_name(name)) record(OP_UNLINK, name, strlen(name), 0, 0, NULL, 0);
}

int unlink(const char *path) {
    init();
    int w = watched_path(AT_FDCWD, path);
    if (w) hold();
    checked(AT_FDCWD, path);
    int r = real_unlink(path);
    if (r == 0) removed(AT_FDCWD, path);
    if (w) release();
    return r;
}

int unlinkat(int at, const char *path, int flags) {
    init();
    int w = watched_path(at, path);
    if (w) hold();
    if (!(flags & AT_REMOVEDIR)) checked(at, path);
    int r = real_unlinkat(at, path, flags);
    if (r == 0) removed(at, path);
    if (w) release();
    return r;
}

static void renamed(int from_at, const char *from, int to_at, const char *to) {
    char s1[PATH_MAX], s2[PATH_MAX];
    const char *a = inside(from_at, from, s1);
    const char *b = inside(to_at, to, s2);
    int wa = a && a[0] && is_watched_name(a), wb = b && b[0] && is_watched_name(b);
    if (!wa && !wb) return;
    if (!wa || !wb) {
        /* A file renamed into or out of the watched set is not modelled. */
        const char *what = "rename across the watched set";
        record(OP_UNSUPPORTED, what, strlen(what), 0, 0, NULL, 0);
        return;
    }
    char both[2 * NAME_MAX + 2];
    size_t la = strlen(a), lb = strlen(b);
    memcpy(both, a, la);
    both[la] = '\0';
    memcpy(both + la + 1, b, lb);
    record(OP_RENAME, both, la + 1 + lb, 0, 0, NULL, 0);
}

int rename(const char *from, const char *to) {
    init();
    int w = watched_path(AT_FDCWD, from) || watched_path(AT_FDCWD, to);
    if (w) hold();
    int r = real_rename(from, to);
    if (r == 0) renamed(AT_FDCWD, from, AT_FDCWD, to);
    if (w) release();
    return r;
}

int renameat(int from_at, const char *from, int to_at, const char *to) {
    init();
    int w = watched_path(from_at, from) || watched_path(to_at, to);
    if (w) hold();
    int r = real_renameat(from_at, from, to_at, to);
    if (r == 0) renamed(from_at, from, to_at, to);
    if (w) release();
    return r;
}

int renameat2(int from_at, const char *from, int to_at, const char *to, unsigned int flags) {
    init();
    int w = watched_path(from_at, from) || watched_path(to_at, to);
    if (w) hold();
    int r = real_renameat2(from_at, from, to_at, to, flags);
    if (r == 0) renamed(from_at, from, to_at, to);
    if (w) release();
    return r;
}
