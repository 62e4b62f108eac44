using System.Text;
using System.Text.Json;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

/// <summary>The parallel batch pipeline gives exactly what the sequential reader and writer give.</summary>
public sealed class BatchTests
{
    private static string Generated(int count, int seed, bool awkwardIds)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder("{\"note\": {\"x\": [1, \"]}\"]},\n \"asOfYear\": 2025,\n \"individuals\": [\n");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(",\n");
            var id = awkwardIds && i % 7 == 0 ? $"P\\\"{{[{i}]}}\\\\" : $"P{i}";
            sb.Append($"  {{\"id\": \"{id}\", \"years\": {{");
            var first = 2025 - rng.Next(3, 12);
            for (var y = first; y <= 2025; y++)
            {
                if (y > first) sb.Append(", ");
                var rating = new[] { "HTXSNV", "HTTNV", "HTTNV", "HTNV" }[rng.Next(4)];
                var titles = rng.Next(3) == 0 ? "\"LDTT\", \"CSTDCS\"" : "\"LDTT\"";
                var initiatives = rng.Next(3) == 0 ? $"{{\"id\": \"SK{i}-{y}\", \"scope\": \"{(rng.Next(4) == 0 ? "bo" : "co_so")}\"}}" : "";
                sb.Append($"\"{y}\": {{\"rating\": \"{rating}\", \"titles\": [{titles}], \"initiatives\": [{initiatives}]}}");
            }
            sb.Append('}');
            if (rng.Next(5) == 0) sb.Append($", \"awards\": [{{\"year\": {first + 1}, \"form\": \"BK_BO\"}}]");
            sb.Append('}');
        }
        sb.Append("\n],\n\"collectives\": [{\"id\": \"C1\", \"years\": {\"2025\": {\"rating\": \"HTXSNV\", \"members\": 20, \"membersCompletedTasks\": 20, \"membersLdtt\": 14, \"membersCstdcs\": 1, \"membersDisciplinedWarningOrAbove\": 0, \"united\": true}}}]}");
        return sb.ToString();
    }

    private static string Sequential(byte[] json)
    {
        var input = EligibilityInputReader.Read(json, out var problems);
        Assert.Empty(problems);
        using var ms = new MemoryStream();
        EligibilityOutputWriter.Write(ms, input!, EligibilityEngine.For(RuleBook.Default, input!.AsOfYear));
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Theory]
    [InlineData(5000, false)]
    [InlineData(2100, true)]
    [InlineData(1, false)]
    public void Batch_ManyChunks_WritesTheSameDocumentAsTheSequentialWriter(int count, bool awkwardIds)
    {
        var json = Encoding.UTF8.GetBytes(Generated(count, seed: count, awkwardIds));
        using var ms = new MemoryStream();
        var problems = EligibilityBatch.Run(json, RuleBook.Default, ms, threads: 3);
        Assert.Empty(problems);
        var batch = Encoding.UTF8.GetString(ms.ToArray());
        using var doc = JsonDocument.Parse(batch);
        Assert.Equal(count * 6 + 2, doc.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(Sequential(json), batch);
    }

    [Fact]
    public void Batch_Compact_HoldsTheSameResultsInLessSpace()
    {
        var json = Encoding.UTF8.GetBytes(Generated(3000, seed: 5, awkwardIds: true));
        using var indented = new MemoryStream();
        using var compact = new MemoryStream();
        Assert.Empty(EligibilityBatch.Run(json, RuleBook.Default, indented));
        Assert.Empty(EligibilityBatch.Run(json, RuleBook.Default, compact, compact: true));
        Assert.True(compact.Length < indented.Length * 0.9, $"{compact.Length} vs {indented.Length}");
        using var a = JsonDocument.Parse(indented.ToArray());
        using var b = JsonDocument.Parse(compact.ToArray());
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement));
    }

    [Fact]
    public void Batch_ProblemsInSeveralChunks_AreReportedInInputOrderAndNothingIsWritten()
    {
        var text = Generated(5000, seed: 9, awkwardIds: false)
            .Replace("{\"id\": \"P10\",", "{\"id\": \"P10\", \"pendingReview\": \"yes\",")
            .Replace("{\"id\": \"P4500\",", "{\"id\": \"P4500\", \"hiredOn\": \"2020-13-01\",")
            .Replace("{\"id\": \"P4999\",", "{\"id\": \"P0\",");
        using var ms = new MemoryStream();
        var problems = EligibilityBatch.Run(Encoding.UTF8.GetBytes(text), RuleBook.Default, ms, threads: 2);
        Assert.Equal([
            "$.individuals[10].pendingReview: expected true or false",
            "$.individuals[4500].hiredOn: bad date \"2020-13-01\" (expected YYYY-MM-DD)",
            "$.individuals[4999].id: duplicate id \"P0\""], problems);
    }

    [Fact]
    public void Batch_MalformedElement_ReportsTheLineInTheWholeDocument()
    {
        // Brackets balance, so the scan accepts the element; the reader finds the missing comma on line 4.
        const string json = "{\"asOfYear\": 2025,\n \"individuals\": [\n  {\"id\": \"A\", \"years\": {}},\n  {\"id\": \"B\" \"years\": {}}\n]}";
        var problems = EligibilityBatch.Run(Encoding.UTF8.GetBytes(json), RuleBook.Default, Stream.Null);
        Assert.Single(problems);
        Assert.StartsWith("$.individuals[1]: malformed JSON at line 4:", problems[0]);
    }

    [Theory]
    [InlineData("{\"asOfYear\": 2025, \"individuals\": [{\"id\": \"A\", \"years\": {}} {\"id\": \"B\", \"years\": {}}]}", "$.individuals[0]: malformed JSON")]
    [InlineData("{\"asOfYear\": 2025, \"individuals\": [1, 2]}", "$.individuals[0]: expected an object")]
    [InlineData("{\"asOfYear\": 2025, \"individuals\": {}}", "$.individuals: expected an array")]
    [InlineData("[]", "$: expected an object")]
    [InlineData("{\"asOfYear\": 2025, \"individuals\": [{\"id\": \"A\", \"years\": {}},]}", "$.individuals")]
    public void Batch_StructuralProblems_NameWhereTheyAre(string json, string expectedStart)
    {
        var problems = EligibilityBatch.Run(Encoding.UTF8.GetBytes(json), RuleBook.Default, Stream.Null);
        Assert.NotEmpty(problems);
        Assert.StartsWith(expectedStart, problems[0]);
    }
}
