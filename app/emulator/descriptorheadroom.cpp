#include "descriptorheadroom.h"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

int DescriptorHeadroom::check(int descriptor)
{
    std::array<int, kFree + 1> probes{};
    probes.fill(-1);
    int error = 0;
    for (int &probe : probes) {
        probe = ::fcntl(descriptor, F_DUPFD_CLOEXEC, 0);
        if (probe < 0) {
            error = errno;
            break;
        }
    }
    for (const int probe : probes) {
        if (probe >= 0)
            ::close(probe);
    }
    return error;
}
