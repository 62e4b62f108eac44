using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

/// <summary>Rule sets are changed deliberately: preview with every change and its effect on verdicts, a reason, an acknowledgement for values far from the law, restore in one step.</summary>
public sealed partial class RuleSetChangeTests() : AppTest("admin@thidua.vn")
{
    private static readonly string Original = RuleSet.BuiltInJson("luat-2022");
    private static readonly string BuiltInVersion = RuleBook.Default.For(2025).Version;

    private static string Edited(string version, params (string From, string To)[] edits)
    {
        var json = Original.Replace($"\"version\": \"{BuiltInVersion}\"", $"\"version\": \"{version}\"", StringComparison.Ordinal);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, json);
            json = json.Replace(from, to, StringComparison.Ordinal);
        }
        return json;
    }

    [GeneratedRegex("<p id=\"verdict-impact\">[^<]*<strong>([\\d.]+)</strong>")]
    private static partial Regex VerdictsChanged();

    private static int Impact(string page)
    {
        var m = VerdictsChanged().Match(page);
        Assert.True(m.Success, "no verdict impact on the preview");
        return int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Upload_ShowsEveryChangeAndItsEffect_AndStoresNothingUntilConfirmed()
    {
        var json = Edited("sua-1", ("\"excellentRatingSuffices\": true", "\"excellentRatingSuffices\": false"));
        var page = await RuleSetUpload.PreviewAsync(Client, json);
        Assert.Contains("id=\"preview\"", page);
        Assert.Contains("Hoàn thành xuất sắc nhiệm vụ thay được sáng kiến", page);
        Assert.True(Impact(page) > 0, "requiring an initiative for CSTĐCS must change some 2025 verdicts");
        Assert.False(await App.QueryAsync(db => db.RuleSets.AnyAsync()));

        var unchanged = await RuleSetUpload.PreviewAsync(Client, Edited("sua-2", ("\"note\": \"Áp dụng cho thành tích từ năm 2024.", "\"note\": \"Ghi chú mới. Áp dụng cho thành tích từ năm 2024.")));
        Assert.Equal(0, Impact(unchanged));
    }

    [Fact]
    public async Task Confirm_WithoutReason_IsRefusedAndNothingStored()
    {
        var json = Edited("sua-1", ("\"minServiceMonths\": 6", "\"minServiceMonths\": 5"));
        var preview = await RuleSetUpload.PreviewAsync(Client, json);
        var page = await RuleSetUpload.ConfirmAsync(Client, json, reason: " ", sealedOrigin: RuleSetUpload.SealedOrigin(preview));
        Assert.Contains("Lý do thay đổi: hãy ghi lý do", page);
        Assert.False(await App.QueryAsync(db => db.RuleSets.AnyAsync()));
    }

    [Fact]
    public async Task FarFromLaw_NeedsAcknowledgement_ThenIsAuditedWithIt()
    {
        var json = Edited("sua-0", ("\"minServiceMonths\": 6", "\"minServiceMonths\": 0"));
        var preview = await RuleSetUpload.PreviewAsync(Client, json);
        Assert.Contains("id=\"far-from-law\"", preview);
        Assert.Contains("Thời gian công tác tối thiểu trong năm (tháng): 6 → 0", preview);

        var refused = await RuleSetUpload.ConfirmAsync(Client, json, acknowledge: false, sealedOrigin: RuleSetUpload.SealedOrigin(preview));
        Assert.Contains("hãy đánh dấu xác nhận", refused);
        Assert.False(await App.QueryAsync(db => db.RuleSets.AnyAsync()));

        await RuleSetUpload.ConfirmAsync(Client, json, acknowledge: true, sealedOrigin: RuleSetUpload.SealedOrigin(refused));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Nạp bộ quy tắc").Select(a => a.Details).SingleAsync());
        Assert.Contains("LDTT.minServiceMonths: 6 → 0", audit);
        Assert.Contains("đã xác nhận giá trị khác xa luật", audit);
    }

    [Fact]
    public async Task Restore_BuiltInAndEarlierVersion_InOneConfirmedStepEach()
    {
        await RuleSetUpload.UploadAsync(Client, Edited("sua-1", ("\"minServiceMonths\": 6", "\"minServiceMonths\": 5")));
        await RuleSetUpload.UploadAsync(Client, Edited("sua-2", ("\"minServiceMonths\": 6", "\"minServiceMonths\": 4")));
        Task<string> InForceAsync() => App.QueryAsync(async db =>
            (await new RuleBookStore(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<RuleBookStore>.Instance).GetAsync()).For(2025).Version);
        Assert.Equal("sua-2", await InForceAsync());

        // Restore the earlier file: the preview shows 4 → 5, the confirmation puts it back in force.
        var first = await App.QueryAsync(db => db.RuleSets.Where(r => r.Version == "sua-1").Select(r => r.Id).SingleAsync());
        var preview = await Client.PostFormAsync("/Admin/RuleSets?handler=Restore", new() { ["id"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Admin/RuleSets");
        var html = System.Net.WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("id=\"preview\"", html);
        Assert.Contains("khôi phục phiên bản sua-1", html);
        var restoredJson = await App.QueryAsync(db => db.RuleSets.Where(r => r.Id == first).Select(r => r.Json).SingleAsync());
        await RuleSetUpload.ConfirmAsync(Client, restoredJson, sealedOrigin: RuleSetUpload.SealedOrigin(html));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Nạp bộ quy tắc" && a.Details!.StartsWith("khôi phục phiên bản sua-1"))));
        Assert.Equal("sua-1", await InForceAsync());

        // And the built-in set, in the same way.
        var builtIn = await Client.PostFormAsync("/Admin/RuleSets?handler=Restore", new() { ["builtIn"] = "luat-2022" }, "/Admin/RuleSets");
        var builtInPage = System.Net.WebUtility.HtmlDecode(await builtIn.Content.ReadAsStringAsync());
        Assert.Contains("khôi phục bộ có sẵn luat-2022", builtInPage);
        await RuleSetUpload.ConfirmAsync(Client, Original, sealedOrigin: RuleSetUpload.SealedOrigin(builtInPage));
        Assert.Equal(BuiltInVersion, await InForceAsync());
        Assert.Equal(3 + 1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Nạp bộ quy tắc")));
    }

    [Fact]
    public async Task Confirm_WithoutAValidPreviewSeal_IsRefusedAndNothingStored()
    {
        var json = Edited("sua-9", ("\"minServiceMonths\": 6", "\"minServiceMonths\": 5"));
        var forged = await RuleSetUpload.ConfirmAsync(Client, json, sealedOrigin: "tệp-giả.json");
        Assert.Contains("Bản xem trước đã hết hạn hoặc không khớp với tệp", forged);
        // A real seal of another file does not confirm this one either.
        var other = await RuleSetUpload.PreviewAsync(Client, Edited("sua-8", ("\"minServiceMonths\": 6", "\"minServiceMonths\": 4")));
        var swapped = await RuleSetUpload.ConfirmAsync(Client, json, sealedOrigin: RuleSetUpload.SealedOrigin(other));
        Assert.Contains("Bản xem trước đã hết hạn hoặc không khớp với tệp", swapped);
        Assert.False(await App.QueryAsync(db => db.RuleSets.AnyAsync()));
    }
}
