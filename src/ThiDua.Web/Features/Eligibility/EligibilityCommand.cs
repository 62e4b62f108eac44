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
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length: input = args[++i]; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                case "--help" or "-h":
                    stdout.WriteLine("Cách dùng: eligibility --input FILE|- [--output FILE]");
                    return 0;
                default:
                    stderr.WriteLine($"eligibility: unknown or incomplete argument \"{args[i]}\" (usage: eligibility --input FILE|- [--output FILE])");
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

        var parsed = EligibilityInputReader.Read(bytes, out var problems);
        bytes = [];
        if (parsed is null)
        {
            foreach (var p in problems) stderr.WriteLine(p);
            return InvalidInput;
        }

        var engine = EligibilityEngine.For(book, parsed.AsOfYear);
        if (output is null)
        {
            EligibilityOutputWriter.Write(stdoutStream, parsed, engine);
            stdoutStream.Flush();
            return 0;
        }
        // Written beside the target and moved into place, so a failed run never leaves half a file.
        var full = Path.GetFullPath(output);
        var tmp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                EligibilityOutputWriter.Write(fs, parsed, engine);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(tmp);
            stderr.WriteLine($"eligibility: cannot write output file \"{output}\": {ex.Message}");
            return 1;
        }
        return 0;
    }
}
