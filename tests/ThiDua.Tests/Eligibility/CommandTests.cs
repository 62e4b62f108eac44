using System.Text.Json;

namespace ThiDua.Tests.Eligibility;

/// <summary>The batch command's behaviour on invalid input: exit code 2, one line per problem naming its JSON path.</summary>
public sealed class CommandTests
{
    [Theory]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"years\":{\"2024\":{\"rating\":\"HTXS\"}}}]}", "$.individuals[0].years.2024.rating: unknown rating \"HTXS\"")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"hiredOn\":\"2015-02-30\",\"years\":{}}]}", "$.individuals[0].hiredOn: bad date \"2015-02-30\" (expected YYYY-MM-DD)")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"years\":{}}]}", "$.individuals[0].id: missing field")]
    [InlineData("{\"individuals\":[]}", "$.asOfYear: missing field")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"years\":{\"2025\":{\"rating\":\"HTTNV\",\"titles\":[\"LDTT\",\"CSTD\"]}}}]}", "$.individuals[0].years.2025.titles[1]: unknown title \"CSTD\"")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"years\":{\"2025\":{\"rating\":\"HTTNV\",\"initiatives\":[{\"id\":\"S\",\"scope\":\"tinh\"}]}}}]}", "$.individuals[0].years.2025.initiatives[0].scope: unknown scope \"tinh\" (co_so, bo, toan_quoc)")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"awards\":[{\"year\":2020,\"form\":\"HCLD\"}],\"years\":{}}]}", "$.individuals[0].awards[0].form: unknown form \"HCLD\" (BK_BO, BK_TTG, GK)")]
    [InlineData("{\"asOfYear\":2025,\"collectives\":[{\"id\":\"C\",\"years\":{\"2025\":{\"rating\":\"HTXSNV\",\"members\":10,\"membersCompletedTasks\":10,\"membersLdtt\":11,\"membersCstdcs\":1,\"membersDisciplinedWarningOrAbove\":0,\"united\":true}}}]}", "$.collectives[0].years.2025.membersLdtt: 11 is more than members (10)")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"years\":{}},{\"id\":\"A\",\"years\":{}}]}", "$.individuals[1].id: duplicate id \"A\"")]
    [InlineData("{\"asOfYear\":2016,\"individuals\":[]}", "$.asOfYear: no rule set covers 2016 (built-in rule sets cover 2017 onwards; an administrator may load one for earlier years)")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"awards\":[{\"year\":2020,\"form\":\"BK_BO\",\"periodTo\":2021}],\"years\":{}}]}", "$.individuals[0].awards[0].periodTo: 2021 is after the decision year 2020")]
    [InlineData("{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"awards\":[{\"year\":2020,\"form\":\"BK_BO\",\"basis\":\"cong_trang\"}],\"years\":{}}]}", "$.individuals[0].awards[0].basis: unknown basis \"cong_trang\" (dot_xuat, chuyen_de; absent for merit)")]
    public void Command_InvalidInput_ExitsTwoWithPathOnStderrAndNothingOnStdout(string json, string expectedLine)
    {
        var (rc, stdout, stderr) = CliRunner.RunWithInput(json, "eligibility", "--input", "-");
        Assert.Equal(2, rc);
        Assert.Equal("", stdout);
        Assert.Contains(expectedLine, stderr.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Command_SeveralProblems_ReportsOneLinePerProblem()
    {
        const string json = "{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"years\":{\"2024\":{\"rating\":\"X\"},\"2025\":{}}},{\"id\":7,\"years\":{}}]}";
        var (rc, _, stderr) = CliRunner.RunWithInput(json, "eligibility", "--input", "-");
        Assert.Equal(2, rc);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["$.individuals[0].years.2024.rating: unknown rating \"X\"", "$.individuals[0].years.2025.rating: missing field", "$.individuals[1].id: expected a string"], lines);
    }

    [Fact]
    public void Command_MalformedJson_NamesWhereItBroke()
    {
        var (rc, stdout, stderr) = CliRunner.RunWithInput("{\"asOfYear\": 2025, \"individuals\": [ {\"id\": \"A\", ", "eligibility", "--input", "-");
        Assert.Equal(2, rc);
        Assert.Equal("", stdout);
        Assert.StartsWith("$.individuals[0]: malformed JSON at line 1", stderr.Trim());
    }

    [Fact]
    public void Command_InvalidInputWithOutputFile_WritesNoFile()
    {
        var output = Path.Combine(Path.GetTempPath(), $"thidua-{Guid.NewGuid():N}.json");
        var (rc, _, _) = CliRunner.RunWithInput("{\"asOfYear\":\"2025\"}", "eligibility", "--input", "-", "--output", output);
        Assert.Equal(2, rc);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Command_MissingInputFile_ExitsTwo()
    {
        var (rc, stdout, stderr) = CliRunner.Run("eligibility", "--input", "/nonexistent/input.json");
        Assert.Equal(2, rc);
        Assert.Equal("", stdout);
        Assert.Contains("cannot read input file", stderr);
    }

    [Fact]
    public void Command_ValidInputOnStdin_WritesResultDocumentToStdout()
    {
        var input = File.ReadAllText(Path.Combine(ContractExamplesTests.ExamplesDir, "year-2025.input.json"));
        var (rc, stdout, stderr) = CliRunner.RunWithInput(input, "eligibility", "--input", "-");
        Assert.True(rc == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("luat-2022", doc.RootElement.GetProperty("ruleSet").GetString());
        Assert.Equal(74, doc.RootElement.GetProperty("results").GetArrayLength());
        var first = doc.RootElement.GetProperty("results")[1];
        Assert.Equal(["Đạt tiêu chuẩn Lao động tiên tiến năm 2025", "Hoàn thành xuất sắc nhiệm vụ năm 2025"], first.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Command_DisciplineWithoutEnd_IsStillRunningAndTouchesLaterYears()
    {
        const string json = "{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"discipline\":[{\"level\":\"khien_trach\",\"from\":\"2023-01-10\"}],\"years\":{\"2025\":{\"rating\":\"HTXSNV\"}}}]}";
        var (rc, stdout, stderr) = CliRunner.RunWithInput(json, "eligibility", "--input", "-");
        Assert.True(rc == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var ldtt = doc.RootElement.GetProperty("results")[0];
        Assert.Equal("not_eligible", ldtt.GetProperty("verdict").GetString());
        Assert.Contains(ldtt.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "Bị kỷ luật khiển trách từ 10/01/2023 đến nay, trùng năm 2025: không xét danh hiệu, hình thức khen thưởng của năm này");
    }
}
