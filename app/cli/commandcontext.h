#pragma once

#include "apierror.h"
#include "exitcode.h"

class QTextStream;
struct CliOptions;

// What every command gets: its options, stdout for the records, stderr for messages, progress
// and the summary, and stdin for an ID-SPEC of "-".
struct CommandContext {
    const CliOptions &options;
    QTextStream &out;
    QTextStream &err;
    QTextStream &in;
    bool progress = false; // stderr is a terminal: show progress there

    // Back to the start of the progress line and erase it (only ever written to a terminal).
    static constexpr const char *kClearProgress = "\r\x1b[K";

    // An error that says the token or its rights are the problem ends with Access; any other
    // with SomeFailed.
    static ExitCode exitFor(const ApiError &error)
    {
        switch (error.kind()) {
        case ApiError::Kind::TokenRejected:
        case ApiError::Kind::NoAccess:
        case ApiError::Kind::ReadOnlyAccount:
            return ExitCode::Access;
        default:
            return ExitCode::SomeFailed;
        }
    }
    // The more serious of two exit codes: Access, then SomeUnknown, then SomeFailed, then Ok.
    static ExitCode worse(ExitCode a, ExitCode b)
    {
        auto rank = [](ExitCode c) {
            switch (c) {
            case ExitCode::Ok:
                return 0;
            case ExitCode::SomeFailed:
                return 1;
            case ExitCode::SomeUnknown:
                return 2;
            case ExitCode::Access:
                return 3;
            case ExitCode::Usage:
                return 4;
            }
            return 0;
        };
        return rank(a) >= rank(b) ? a : b;
    }
};
