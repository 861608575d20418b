//! How the process's memory allocator is set up: glibc's malloc gives each thread that
//! contends for it an arena of its own, which keeps freed memory resident; two suffice here,
//! and what a large, rare piece of work frees is handed back to the system at its end.

/// Caps glibc's malloc at two arenas. Call before any thread starts. The server's threads
/// (two async workers and the blocking pool) otherwise each take an arena, and memory freed
/// after building a cache stays resident in them: at 10,000 vendors the peak resident memory
/// under load goes from about 150 MiB to 125 MiB, at the same speed (docs/performance.md);
/// one arena makes the threads queue for the allocator.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of glibc's allocator; called at start-up,
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Hands the memory freed by a large, rare piece of work (an export, a score recomputation)
/// back to the system. glibc keeps freed heap pages for reuse, so without this a portfolio
/// workbook or a write at 10,000 vendors leaves tens of MiB resident that nothing uses
/// (docs/performance.md, seventh round).
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's heaps to the kernel; it takes
    // the allocator's locks like any allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Runs `work`, then [`release_freed`]: what the closure owned (moved into it) is dropped by
/// then, so its memory goes back with the work's own.
pub fn released_after<T>(work: impl FnOnce() -> T) -> T {
    let done = work();
    release_freed();
    done
}
