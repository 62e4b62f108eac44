using System.Net;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

/// <summary>A stored rule-set file that no longer parses is reported by the page and the command, never dropped silently.</summary>
public sealed class StoredRuleSetTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task StoredFileInOldFormat_IsShownOnAdminPageAndWarnedByCommand()
    {
        var old = RuleSet.BuiltInJson("luat-2022").Replace("\"format\": 2", "\"format\": 1", StringComparison.Ordinal);
        await App.QueryAsync(async db =>
        {
            db.RuleSets.Add(new RuleSetRecord { Code = "luat-2022", Version = "cu-1", Json = old, UploadedBy = "admin@thidua.vn", UploadedUtc = new DateTime(2026, 1, 2, 3, 4, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
            return 0;
        });

        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/Admin/RuleSets"));
        Assert.Contains("id=\"stored-problems\"", page);
        Assert.Contains("cu-1", page);
        Assert.Contains("$.format: phiên bản định dạng 1 không được hỗ trợ", page);

        const string input = "{\"asOfYear\":2025,\"individuals\":[{\"id\":\"A\",\"years\":{\"2025\":{\"rating\":\"HTTNV\"}}}]}";
        var (rc, stdout, stderr) = CliRunner.RunWithEnvironment(input, App.CommandEnvironment, "eligibility", "--input", "-");
        Assert.Equal(0, rc);
        Assert.Contains("\"ruleSet\": \"luat-2022\"", stdout);
        Assert.Contains("eligibility: warning: stored rule set luat-2022 version cu-1 (loaded 2026-01-02 03:04 UTC by admin@thidua.vn) is not used: $.format:", stderr);
    }

    [Fact]
    public async Task Upload_SameVersionAsInForce_IsRefused_ChangedFileIsAuditedOldToNew()
    {
        var original = RuleSet.BuiltInJson("luat-2022");
        var version = RuleBook.Default.For(2025).Version;
        var same = await UploadAsync(original.Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": 7", StringComparison.Ordinal));
        Assert.Contains($"$.version: phiên bản \"{version}\" trùng với bộ quy tắc đang áp dụng", same);
        Assert.False(await App.QueryAsync(db => db.RuleSets.AnyAsync()));

        await UploadAsync(original.Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": 7", StringComparison.Ordinal)
            .Replace($"\"version\": \"{version}\"", "\"version\": \"sua-1\"", StringComparison.Ordinal));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Nạp bộ quy tắc").Select(a => a.Details).SingleAsync());
        Assert.Equal($"tệp luat-2022.json; lý do: Thử nghiệm theo văn bản mới; phiên bản {version} → sua-1; LDTT.minServiceMonths: 6 → 7", audit);
    }

    private Task<string> UploadAsync(string json) => RuleSetUpload.UploadAsync(Client, json);
}
