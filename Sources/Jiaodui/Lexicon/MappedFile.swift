import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a compiled lexicon file read-only, so that loading it costs nothing and only the pages read
/// are touched. `nil` when the file cannot be opened or mapped; an empty file gives an empty buffer.
func mapReadOnly(_ path: String) -> (bytes: UnsafeRawBufferPointer, unmap: () -> Void)? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    if size == 0 { return (UnsafeRawBufferPointer(start: nil, count: 0), {}) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
    return (UnsafeRawBufferPointer(start: address, count: size), { munmap(address, size) })
}
