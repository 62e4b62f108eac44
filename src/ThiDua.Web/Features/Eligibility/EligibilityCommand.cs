namespace ThiDua.Features.Eligibility;

/// <summary>
/// <c>dotnet run --project src/ThiDua.Web -c Release -- eligibility --input FILE [--output FILE]</c>:
/// the batch contract. Exit 0 with the result document; exit 2 with one line per problem on standard
/// error and nothing on standard output when the input or the arguments are invalid.
/// </summary>
public static class EligibilityCommand
{
    public const int InvalidInput = 2;

    public static int Run(string[] args, RuleBook book, TextWriter stdout, Stream stdoutStream, TextWriter stderr, Stream? stdin = null)
    {
        string? input = null, output = null;
        var compact = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length: input = args[++i]; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                case "--compact": compact = true; break;
                case "--help" or "-h":
                    stdout.WriteLine("Cách dùng: eligibility --input FILE|- [--output FILE] [--compact]");
                    return 0;
                default:
                    stderr.WriteLine($"eligibility: unknown or incomplete argument \"{args[i]}\" (usage: eligibility --input FILE|- [--output FILE] [--compact])");
                    return InvalidInput;
            }
        }
        if (input is null)
        {
            stderr.WriteLine("eligibility: missing --input FILE (use - for standard input)");
            return InvalidInput;
        }

        byte[] bytes;
        try
        {
            if (input == "-")
            {
                using var ms = new MemoryStream();
                (stdin ?? Console.OpenStandardInput()).CopyTo(ms);
                bytes = ms.ToArray();
            }
            else bytes = File.ReadAllBytes(input);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"$: cannot read input file \"{input}\": {ex.Message}");
            return InvalidInput;
        }

        // Results go to a scratch stream first and reach the caller only when the whole input was valid.
        var full = output is null ? null : Path.GetFullPath(output);
        var scratchPath = full is not null ? full + ".tmp-" + Environment.ProcessId
            : bytes.Length > 64 << 20 ? Path.Combine(Path.GetTempPath(), $"thidua-eligibility-{Environment.ProcessId}.json") : null;
        List<string> problems;
        try
        {
            using (var scratch = scratchPath is null ? (Stream)new MemoryStream() : new FileStream(scratchPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                problems = EligibilityBatch.Run(bytes, book, scratch, compact: compact);
                if (problems.Count == 0 && full is null)
                {
                    scratch.Position = 0;
                    scratch.CopyTo(stdoutStream);
                    stdoutStream.Flush();
                }
            }
            if (problems.Count == 0 && full is not null) File.Move(scratchPath!, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"eligibility: cannot write output: {ex.Message}");
            return 1;
        }
        finally
        {
            if (scratchPath is not null && File.Exists(scratchPath)) File.Delete(scratchPath);
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems) stderr.WriteLine(p);
            return InvalidInput;
        }
        return 0;
    }
}
