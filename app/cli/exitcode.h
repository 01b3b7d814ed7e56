#pragma once

// campaign-manager-cli's exit statuses, documented in README.md ("From the command line"). When
// several apply, the first of 4, 3, 1 in this order wins: an access problem explains the rest,
// and an unknown outcome must be checked before anything else is done.
enum class ExitCode : int {
    Ok = 0, // everything asked for was done (and, for actions, confirmed by the status read back)
    SomeFailed = 1, // a campaign was skipped, refused, could not be read, or the change is not in effect
    Usage = 2, // a bad command, option, ID or date; complete without the right --confirm-count
    SomeUnknown = 3, // sent, but the outcome could not be settled: check the status before retrying
    Access = 4, // no token, token rejected, no right for this, or a read-only account asked to write
};

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}
