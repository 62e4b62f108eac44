using System.Net;
using System.Text.RegularExpressions;
using ThiDua.Features.Audit;

namespace ThiDua.Tests.Admin;

/// <summary>An inspector finds entries by date range, action, user and entity; entries show the code beside the id.</summary>
public sealed partial class AuditFilterTests() : AppTest("admin@thidua.vn")
{
    [GeneratedRegex("<span id=\"audit-total\">([\\d.]+)</span>")]
    private static partial Regex Total();

    private async Task<(int Total, string Html)> PageAsync(string query)
    {
        var response = await Client.GetAsync("/Admin/Audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (int.Parse(Total().Match(html).Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), html);
    }

    [Fact]
    public async Task Filters_ByDateActionUserAndEntity_NarrowTheList()
    {
        await App.QueryAsync(async db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = new DateTime(2026, 3, 4, 16, 59, 0, DateTimeKind.Utc), UserName = "a@x.vn", Action = "Sửa cán bộ", EntityType = "Person", EntityId = "987654", EntityCode = "001177987654", Details = "trước: A → sau: B" },
                new AuditEntry { AtUtc = new DateTime(2026, 3, 4, 17, 0, 0, DateTimeKind.Utc), UserName = "b@x.vn", Action = "Sửa đơn vị", EntityType = "Unit", EntityId = "7", EntityCode = "BTCTW-D01" },
                new AuditEntry { AtUtc = new DateTime(2026, 3, 6, 1, 0, 0, DateTimeKind.Utc), UserName = "a@x.vn", Action = "Sửa đơn vị", EntityType = "Unit", EntityId = "7", EntityCode = "BTCTW-D01" });
            await db.SaveChangesAsync();
            return 0;
        });
        // 04/03/2026 in Vietnam ends at 17:00 UTC: the second entry belongs to 05/03.
        Assert.Equal(1, (await PageAsync("from=04/03/2026&to=04/03/2026")).Total);
        Assert.Equal(2, (await PageAsync("from=05/03/2026&to=2026-03-06")).Total);
        Assert.Equal(2, (await PageAsync("actionName=" + Uri.EscapeDataString("Sửa đơn vị"))).Total);
        Assert.Equal(2, (await PageAsync("user=a%40x.vn")).Total);
        Assert.Equal(2, (await PageAsync("type=Unit&entity=BTCTW-D01")).Total);
        var (one, html) = await PageAsync("entity=987654");
        Assert.Equal(1, one);
        Assert.Contains("Cán bộ 001177987654", html);
        Assert.Contains("(#987654)", html);
    }

    [Fact]
    public async Task Filters_BadDateOrHugeValue_AreIgnoredWithAMessage()
    {
        var all = (await PageAsync("")).Total;
        var (total, html) = await PageAsync("from=31/02/2026&entity=" + new string('x', 5000));
        Assert.Equal(all, total);
        Assert.Contains("Từ ngày: \"31/02/2026\" không phải ngày dạng dd/mm/yyyy", html);
        Assert.Contains("Đối tượng: tối đa 256 ký tự", html);
    }
}
