using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.People;

/// <summary>People of the demo data the hardening tests work on.</summary>
internal static class PeopleTestData
{
    public sealed record Someone(int Id, string Code, int UnitId);

    /// <summary>An active person of Ban Tổ chức Trung ương (the emulation officer tdkt.btctw reaches them), the n-th by id.</summary>
    public static Task<Someone> BtctwPersonAsync(TestApp app, int skip = 0) =>
        app.QueryAsync(db => db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("BTCTW")).OrderBy(p => p.Id).Skip(skip)
            .Select(p => new Someone(p.Id, p.PersonalCode, p.CurrentUnitId!.Value)).FirstAsync());

    /// <summary>A Ban Tổ chức Trung ương person with a rating for <paramref name="year"/> of <paramref name="rating"/>.</summary>
    public static Task<Someone> BtctwPersonRatedAsync(TestApp app, int year, Rating rating) =>
        app.QueryAsync(db => db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("BTCTW") && p.Ratings.Any(r => r.Year == year && r.Rating == rating))
            .OrderBy(p => p.Id).Select(p => new Someone(p.Id, p.PersonalCode, p.CurrentUnitId!.Value)).FirstAsync());

    public static Task<(int Id, string Name, string Code)> UnitAsync(TestApp app, string code) =>
        app.QueryAsync(async db =>
        {
            var u = await db.Units.Where(u => u.Code == code).Select(u => new { u.Id, u.Name, u.Code }).SingleAsync();
            return (u.Id, u.Name, u.Code);
        });

    public static Task<List<string?>> AuditAsync(TestApp app, string action, int personId) =>
        app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == action && a.EntityType == "Person" && a.EntityId == personId.ToString())
            .OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    public static Dictionary<string, string> EditForm(ThiDua.Features.People.Person p) => new()
    {
        ["Input.PersonalCode"] = p.PersonalCode, ["Input.FamilyName"] = p.FamilyName, ["Input.MiddleName"] = p.MiddleName ?? "",
        ["Input.GivenName"] = p.GivenName, ["Input.Gender"] = p.Gender.ToString(), ["Input.UnitId"] = p.CurrentUnitId.ToString()!,
        ["Input.Position"] = p.Position ?? "", ["Input.Version"] = p.Version.ToString(),
        ["Input.NationalId"] = p.NationalId ?? "", ["Input.CivilServantCode"] = p.CivilServantCode ?? "",
        ["Input.BirthDate"] = p.BirthDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.HiredOn"] = p.HiredOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
