#pragma once

// Descriptors a server leaves free for the rest of its process: it stops accepting connections a
// few short of the descriptor limit rather than at it. A process at its limit cannot do anything
// that needs a descriptor, and the sanitizers' runtimes need one now and then: UBSan's vptr check
// probes memory through a pipe (and, failing to make one, reports a live object as having an
// invalid vptr), a report needs its log file or a symbolizer.
namespace DescriptorHeadroom {

inline constexpr int kFree = 4;

// 0 when the process can take one more descriptor (the next connection) and still have kFree
// free; otherwise the errno that says it cannot (EMFILE, ENFILE). It finds out by duplicating
// `descriptor` that many times and closing the duplicates at once.
int check(int descriptor);

} // namespace DescriptorHeadroom
