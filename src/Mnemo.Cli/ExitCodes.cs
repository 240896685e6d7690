namespace Mnemo.Cli;

/// <summary>The process exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The caller must fix something: bad input, an unknown key, a version conflict, a wrong path.</summary>
    public const int CallerError = 1;

    /// <summary>The system failed: a damaged or unwritable database, an I/O error, a busy timeout.</summary>
    public const int SystemError = 2;
}
