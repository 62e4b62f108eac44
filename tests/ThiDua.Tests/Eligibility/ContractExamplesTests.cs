using System.Diagnostics;
using System.Text.Json;

namespace ThiDua.Tests.Eligibility;

// The worked examples of shared/eligibility/examples (copied into the repository so a fresh clone has
// them) are run through the real command-line program and compared on id, code and verdict.
public sealed class ContractExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(ExamplesDir, "*.input.json").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    internal static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "Eligibility", "Examples");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Command_OnContractExample_MatchesExpectedVerdicts(string inputName)
    {
        var input = Path.Combine(ExamplesDir, inputName);
        var expected = Path.Combine(ExamplesDir, inputName.Replace(".input.json", ".expected.json", StringComparison.Ordinal));
        var output = Path.Combine(Path.GetTempPath(), $"thidua-{Guid.NewGuid():N}.json");
        try
        {
            var (rc, stdout, stderr) = CliRunner.Run("eligibility", "--input", input, "--output", output);
            Assert.True(rc == 0, $"exit {rc}: {stderr}");
            Assert.Equal("", stdout);
            Assert.Equal(Triples(expected), Triples(output));
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            using var exp = JsonDocument.Parse(File.ReadAllText(expected));
            Assert.Equal(exp.RootElement.GetProperty("ruleSet").GetString(), doc.RootElement.GetProperty("ruleSet").GetString());
            foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
            {
                Assert.NotEmpty(r.GetProperty("reasons").EnumerateArray());
                Assert.NotEmpty(r.GetProperty("basis").EnumerateArray());
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static List<string> Triples(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("id").GetString()}|{r.GetProperty("code").GetString()}|{r.GetProperty("verdict").GetString()}")
            .ToList();
    }
}

/// <summary>Runs the built ThiDua.Web program as a separate process, as the contract's users do.</summary>
internal static class CliRunner
{
    public static string AppDll()
    {
        // tests/ThiDua.Tests/bin/<Configuration>/net10.0 → src/ThiDua.Web/bin/<Configuration>/net10.0
        var dir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = dir.Name;
        var configuration = dir.Parent!.Name;
        var root = dir.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "ThiDua.Web", "bin", configuration, tfm, "ThiDua.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build src/ThiDua.Web first", dll);
        return dll;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWithInput(null, args);

    public static (int ExitCode, string Stdout, string Stderr) RunWithInput(string? stdin, params string[] args) => RunWithEnvironment(stdin, null, args);

    public static (int ExitCode, string Stdout, string Stderr) RunWithEnvironment(string? stdin, Dictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(AppDll());
        foreach (var (k, v) in environment ?? []) psi.Environment[k] = v;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(true);
            throw new TimeoutException("eligibility command did not finish in 60 s");
        }
        return (p.ExitCode, outTask.Result, errTask.Result);
    }
}
