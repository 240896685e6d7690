namespace Mnemo.Core.Tests.Learning.Recovery;

/// <summary>
/// Two separate sets of recorded errors with reworded and unrelated queries: the threshold of a meaning match
/// (<see cref="Core.Learning.Recovery.RecoveryDefaults.MeaningThreshold"/>) was chosen on <see cref="Tuning"/> and is
/// checked on <see cref="HoldOut"/> (docs/learning-recovery.md).
/// </summary>
internal static class RecoveryExamples
{
    /// <summary>The examples the threshold was chosen on.</summary>
    public static ExampleSet Tuning { get; } = new(
        [
            ("connection refused: could not connect to server at localhost:5432", "start the postgres container"),
            ("FileNotFoundError: [Errno 2] No such file or directory: 'config/settings.yaml'", "create the settings file from the template"),
            ("npm ERR! code ERESOLVE unable to resolve dependency tree", "npm install --legacy-peer-deps"),
            ("CUDA out of memory. Tried to allocate 2.00 GiB", "halve the batch size"),
            ("Permission denied (publickey) when pushing to git@github.com:org/repo.git", "add the deploy key to the ssh agent"),
            ("TimeoutError: request to https://api.example.com/v1/items timed out after 30000 ms", "raise the client timeout to 60 s"),
            ("ModuleNotFoundError: No module named 'pandas'", "pip install pandas in the active venv"),
            ("error CS0246: The type or namespace name 'Foo' could not be found", "add the missing project reference"),
        ],
        [
            ("could not connect to the database server: connection refused", 0),
            ("No such file or directory: settings.yaml is missing", 1),
            ("npm install fails: unable to resolve the dependency tree (ERESOLVE)", 2),
            ("RuntimeError: CUDA error: out of memory while allocating tensor", 3),
            ("git push failed: Permission denied (publickey)", 4),
            ("the request timed out after 30 seconds", 5),
            ("ImportError: no module named numpy", 6),
            ("The type or namespace name could not be found (are you missing a using directive?)", 7),
        ],
        [
            "disk quota exceeded while writing the log",
            "SSL certificate verify failed: self signed certificate in chain",
            "segmentation fault (core dumped)",
            "KeyError: 'user_id'",
            "division by zero in the report generator",
            "deadlock detected while updating the orders table",
            "invalid JSON: unexpected token at position 12",
            "the build agent ran out of disk space",
            "permission denied while writing /var/log/app.log",
            "out of memory: killed process 1234 (java)",
            "could not find a version that satisfies the requirement torch",
            "file is not a database",
            "request failed with status 500 internal server error",
            "connection reset by peer while reading the response",
        ]);

    /// <summary>The examples the threshold is checked on: other errors, other wordings.</summary>
    public static ExampleSet HoldOut { get; } = new(
        [
            ("OSError: [Errno 98] Address already in use: port 8080", "stop the old server process"),
            ("fatal: not a git repository (or any of the parent directories): .git", "run the command from the repository root"),
            ("java.lang.OutOfMemoryError: Java heap space", "raise -Xmx to 4g"),
            ("docker: Error response from daemon: pull access denied for myimage, repository does not exist", "docker login to the private registry"),
            ("SyntaxError: Unexpected token } in JSON at position 241", "remove the trailing comma"),
            ("duplicate key value violates unique constraint \"users_email_key\"", "upsert with ON CONFLICT"),
            ("Rate limit exceeded: 429 Too Many Requests", "back off and retry with jitter"),
            ("certificate has expired (CERT_HAS_EXPIRED) when calling https://internal.example.org", "renew the internal CA certificate"),
        ],
        [
            ("cannot start server: address already in use", 0),
            ("git says this is not a git repository", 1),
            ("the JVM ran out of heap space (OutOfMemoryError)", 2),
            ("pull access denied: the repository does not exist or may require docker login", 3),
            ("JSON parse error: unexpected token in JSON", 4),
            ("insert failed: duplicate key violates the unique constraint on email", 5),
            ("too many requests: the API rate limit was exceeded", 6),
            ("TLS handshake failed because the certificate has expired", 7),
        ],
        [
            "connection reset by peer during upload",
            "permission denied writing to the output directory",
            "stack overflow in recursive descent parser",
            "unsupported media type for the attachment",
            "null reference when loading the profile page",
            "the cron job exited with status 137",
            "checksum mismatch after download",
            "locale not supported: en_XX",
            "address family not supported by protocol",
            "git merge conflict in README.md",
            "unexpected end of file while parsing the YAML header",
            "permission denied while trying to connect to the docker daemon socket",
            "heap corruption detected by the allocator",
            "the server certificate is not trusted",
        ]);

    /// <summary>Recorded errors with their fix, reworded queries with the index of the error they reword, and unrelated queries.</summary>
    internal sealed record ExampleSet(
        IReadOnlyList<(string Message, string Fix)> Recorded,
        IReadOnlyList<(string Query, int Recorded)> Reworded,
        IReadOnlyList<string> Unrelated);
}
