"""What every command shares: exit codes and the message for an internal error."""

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def internal_error(error: Exception) -> str:
    return (
        f"internal error while analysing ({type(error).__name__}: {error}); "
        "please report it with this file"
    )
