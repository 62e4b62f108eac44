using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

/// <summary>The app builds the engine's input from the registry; the same person gets the same verdicts in the app and the command.</summary>
public sealed partial class AppAndCommandTests() : AppTest("admin@thidua.vn")
{
    [GeneratedRegex("<tr data-code=\"([A-Z_]+)\" data-verdict=\"([a-z_]+)\">")]
    private static partial Regex VerdictRow();

    [Theory]
    [InlineData(2025)]
    [InlineData(2019)]
    public async Task PersonPage_AndCommandOnItsDownloadedInput_GiveTheSameVerdicts(int year)
    {
        // People with varied histories: someone with a ministry-level award, someone disciplined, someone under review, and others.
        var ids = await App.QueryAsync(async db =>
        {
            var picked = new List<int>();
            picked.AddRange(await db.Awards.Where(a => a.Code == "BK_BO" && a.PersonId != null && a.Year < year - 1).Select(a => a.PersonId!.Value).Take(3).ToListAsync());
            picked.AddRange(await db.DisciplineRecords.Select(d => d.PersonId).Take(2).ToListAsync());
            picked.AddRange(await db.People.Where(p => p.PendingReview).Select(p => p.Id).Take(1).ToListAsync());
            picked.AddRange(await db.Awards.Where(a => a.Code == "CSTD_BO").Select(a => a.PersonId!.Value).Take(2).ToListAsync());
            picked.AddRange(await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync());
            return picked.Distinct().ToList();
        });
        Assert.True(ids.Count >= 8);
        var verdictsSeen = new HashSet<string>();
        foreach (var id in ids)
        {
            var html = await Client.GetStringAsync($"/People/Details/{id}?year={year}");
            var inApp = VerdictRow().Matches(html).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}").ToList();
            Assert.Equal(6, inApp.Count);

            var input = await Client.GetStringAsync($"/People/Details/{id}?handler=EligibilityInput&year={year}");
            var (rc, stdout, stderr) = CliRunner.RunWithInput(input, "eligibility", "--input", "-");
            Assert.True(rc == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var fromCommand = doc.RootElement.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("code").GetString()}={r.GetProperty("verdict").GetString()}").ToList();
            Assert.Equal(inApp, fromCommand);
            verdictsSeen.UnionWith(inApp);
        }
        Assert.Contains("LDTT=eligible", verdictsSeen);
        Assert.Contains(verdictsSeen, v => v.EndsWith("=not_eligible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnitEligibilityPage_ExportsXlsxWithVerdictsAndShareLimits()
    {
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var html = await Client.GetStringAsync($"/Eligibility?unit={unitId}&year=2019");
        Assert.Contains("luat-2013", html);
        Assert.Contains("mức tối đa 15%", html);
        var bytes = await Client.GetByteArrayAsync($"/Eligibility?handler=Export&unit={unitId}&year=2019");
        using var ms = new MemoryStream(bytes);
        Assert.Equal(["Xét điều kiện", "Tỷ lệ", "Tập thể"], ms.GetSheetNames());
        ms.Position = 0;
        var rows = ms.Query(useHeaderRow: true, sheetName: "Xét điều kiện").Cast<IDictionary<string, object>>().ToList();
        // Everyone who belonged to the agency during 2019, by membership, once each.
        var members = await App.QueryAsync(async db =>
        {
            var sub = (await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, unitId)).ToList();
            return await db.UnitMemberships.Where(m => sub.Contains(m.UnitId) && m.From <= new DateOnly(2019, 12, 31) && (m.To == null || m.To >= new DateOnly(2019, 1, 1)))
                .Select(m => m.PersonId).Distinct().CountAsync();
        });
        Assert.True(members > 100);
        Assert.Equal(members * 6, rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["Căn cứ"]?.ToString())));
    }

    [Fact]
    public async Task CollectiveVerdicts_FromRecordedYearAndMembers_FollowTheShareRule()
    {
        var (unitId, members, ldtt) = await App.QueryAsync(async db =>
        {
            var unit = await db.Units.FirstAsync(u => u.Code == "BDVTW-D02");
            var sub = (await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, unit.Id)).ToList();
            var ids = await db.UnitMemberships.Where(m => sub.Contains(m.UnitId) && m.From <= new DateOnly(2025, 12, 31) && (m.To == null || m.To >= new DateOnly(2025, 1, 1)))
                .Select(m => m.PersonId).Distinct().ToListAsync();
            var withLdtt = await db.Awards.Where(a => a.Year == 2025 && a.Code == "LDTT" && ids.Contains(a.PersonId!.Value)).Select(a => a.PersonId).Distinct().CountAsync();
            return (unit.Id, ids.Count, withLdtt);
        });
        Assert.True(members > 0);

        var saved = await Client.PostFormAsync($"/Units/Details/{unitId}?handler=YearRecord", new() { ["year"] = "2025", ["rating"] = "HTTNV", ["united"] = "true" }, $"/Units/Details/{unitId}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Eligibility?unit={unitId}&year=2025"));
        var expected = ldtt * 100 > 50 * members ? "eligible" : "not_eligible";
        Assert.Contains($"data-code=\"TTLDTT\" data-verdict=\"{expected}\"", html);
        Assert.Contains("data-code=\"TTLDXS\" data-verdict=\"not_eligible\"", html); // HTTNV is not enough for TTLĐXS
        Assert.Contains($"{ldtt}/{members} cá nhân đạt Lao động tiên tiến", html);

        await Client.PostFormAsync($"/Units/Details/{unitId}?handler=YearRecord", new() { ["year"] = "2025", ["rating"] = "HTXSNV" }, $"/Units/Details/{unitId}");
        html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Eligibility?unit={unitId}&year=2025"));
        Assert.Contains("data-code=\"TTLDTT\" data-verdict=\"not_eligible\"", html);
        Assert.Contains("Chưa được xác nhận nội bộ đoàn kết", html);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Ghi xếp loại tập thể")));
    }

    [GeneratedRegex("<tr data-person=\"([^\"]+)\"><td>[^<]*</td><td><a href=\"/People/Details/(\\d+)\\?year=\\d+\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex ListRow();

    [GeneratedRegex("data-code=\"([A-Z_]+)\" data-verdict=\"([a-z_]+)\"")]
    private static partial Regex VerdictCell();

    [Theory]
    [InlineData(2025)]
    [InlineData(2023)]
    public async Task EligibilityList_AndCommandOnThePersonPagesInputs_GiveTheSameVerdicts_WithAwardPeriodAndBasis(int year)
    {
        // Awards that state their period, or were given for a one-off or thematic achievement, on three people of one department.
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW-D02").Select(u => u.Id).SingleAsync());
        var html = await Client.GetStringAsync($"/Eligibility?unit={unitId}&year={year}");
        var listed = ListRow().Matches(html).Select(m => (Code: m.Groups[1].Value, Id: int.Parse(m.Groups[2].Value))).ToList();
        Assert.True(listed.Count >= 20);
        var (periodPerson, oneOffPerson, thematicPerson) = (listed[0].Id, listed[1].Id, listed[2].Id);
        await App.ExecuteAsync(async db =>
        {
            db.Awards.AddRange(
                new AwardRecord { PersonId = periodPerson, Year = year - 1, PeriodTo = year - 3, Code = "BK_BO", Authority = "Thử", Status = AwardStatus.Conferred },
                new AwardRecord { PersonId = oneOffPerson, Year = year - 1, Code = "BK_BO", Basis = AwardBasis.DotXuat, Authority = "Thử", Status = AwardStatus.Conferred },
                new AwardRecord { PersonId = thematicPerson, Year = year - 4, PeriodTo = year - 5, Code = "BK_TTG", Basis = AwardBasis.ChuyenDe, Authority = "Thử", Status = AwardStatus.Conferred });
            await db.SaveChangesAsync();
        });

        html = await Client.GetStringAsync($"/Eligibility?unit={unitId}&year={year}");
        var inList = ListRow().Matches(html).ToDictionary(m => m.Groups[1].Value,
            m => VerdictCell().Matches(m.Groups[3].Value).Select(v => $"{v.Groups[1].Value}={v.Groups[2].Value}").ToList());
        Assert.Equal(listed.Select(l => l.Code), inList.Keys);

        // One command run on every listed person's input as their page offers it.
        var individuals = new System.Text.Json.Nodes.JsonArray();
        foreach (var (code, id) in listed)
        {
            var input = System.Text.Json.Nodes.JsonNode.Parse(await Client.GetStringAsync($"/People/Details/{id}?handler=EligibilityInput&year={year}"))!;
            var person = input["individuals"]![0]!;
            if (id == periodPerson) Assert.Contains(person["awards"]!.AsArray(), a => a!["periodTo"]?.GetValue<int>() == year - 3 && a["basis"] is null);
            if (id == oneOffPerson) Assert.Contains(person["awards"]!.AsArray(), a => a!["basis"]?.GetValue<string>() == "dot_xuat" && a["periodTo"] is null);
            if (id == thematicPerson) Assert.Contains(person["awards"]!.AsArray(), a => a!["form"]!.GetValue<string>() == "BK_TTG" && a["basis"]?.GetValue<string>() == "chuyen_de" && a["periodTo"]?.GetValue<int>() == year - 5);
            individuals.Add(person.DeepClone());
        }
        var document = new System.Text.Json.Nodes.JsonObject { ["asOfYear"] = year, ["individuals"] = individuals }.ToJsonString();
        var (rc, stdout, stderr) = CliRunner.RunWithInput(document, "eligibility", "--input", "-");
        Assert.True(rc == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var fromCommand = doc.RootElement.GetProperty("results").EnumerateArray()
            .GroupBy(r => r.GetProperty("id").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(r => $"{r.GetProperty("code").GetString()}={r.GetProperty("verdict").GetString()}").ToList());
        foreach (var (code, verdicts) in inList)
        {
            Assert.Equal(6, verdicts.Count);
            Assert.Equal(fromCommand[code], verdicts);
        }
        // The person's own page agrees too, for the three with the new award fields.
        foreach (var (code, id) in listed.Take(3))
        {
            var page = await Client.GetStringAsync($"/People/Details/{id}?year={year}");
            Assert.Equal(fromCommand[code], VerdictRow().Matches(page).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}"));
        }
    }

    [Fact]
    public async Task RuleSetUpload_BadFile_IsRefusedAndRulesStay_GoodFile_ChangesVerdicts()
    {
        var original = RuleSet.BuiltInJson("luat-2022");
        var bad = await UploadRuleSetAsync(original.Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": \"sáu\""));
        Assert.Contains("Tệp không được nạp; các bộ quy tắc đang áp dụng giữ nguyên.", bad);
        Assert.Contains("$.rules.LDTT.minServiceMonths", bad);
        Assert.False(await App.QueryAsync(db => db.RuleSets.AnyAsync()));

        var overlap = await UploadRuleSetAsync(original.Replace("\"appliesToYears\": { \"from\": 2024, \"to\": null }", "\"appliesToYears\": { \"from\": 2023, \"to\": null }")
            .Replace("\"from\": \"2024-01-01\"", "\"from\": \"2023-01-01\"").Replace("\"from\": 2024, \"to\": 2024", "\"from\": 2023, \"to\": 2024"));
        Assert.Contains("trùng năm với bộ \"luat-2013\"", overlap);

        // A person hired in September 2025 does not meet the 6-month minimum; with 3 months they would.
        var personId = await App.QueryAsync(async db =>
        {
            var p = await db.People.Include(x => x.Ratings).FirstAsync(x => !x.PendingReview && x.Ratings.Any(r => r.Year == 2025 && r.Rating == Rating.HTTNV));
            p.HiredOn = new DateOnly(2025, 9, 1);
            await db.DisciplineRecords.Where(d => d.PersonId == p.Id).ExecuteDeleteAsync();
            await db.SaveChangesAsync();
            return p.Id;
        });
        Assert.Contains("<tr data-code=\"LDTT\" data-verdict=\"not_eligible\">", await Client.GetStringAsync($"/People/Details/{personId}?year=2025"));
        var good = await UploadRuleSetAsync(original.Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": 3").Replace("\"version\": \"2026-11-28.2\"", "\"version\": \"2026-11-28.3\""));
        Assert.DoesNotContain("Tệp không được nạp", good);
        Assert.Contains("<tr data-code=\"LDTT\" data-verdict=\"eligible\">", await Client.GetStringAsync($"/People/Details/{personId}?year=2025"));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Nạp bộ quy tắc")));

        // The command reads the loaded rule set from the same database (read-only) and agrees with the app.
        var input = await Client.GetStringAsync($"/People/Details/{personId}?handler=EligibilityInput&year=2025");
        var (rc, stdout, stderr) = CliRunner.RunWithEnvironment(input, App.CommandEnvironment, "eligibility", "--input", "-");
        Assert.True(rc == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2026-11-28.3", doc.RootElement.GetProperty("ruleSetVersion").GetString());
        Assert.Equal("eligible", doc.RootElement.GetProperty("results")[0].GetProperty("verdict").GetString());
    }

    private Task<string> UploadRuleSetAsync(string json) => RuleSetUpload.UploadAsync(Client, json);
}
