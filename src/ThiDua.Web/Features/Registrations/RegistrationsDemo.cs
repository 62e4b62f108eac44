using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>The demo year 2019 for this feature, through the same code the pages call (see <see cref="BlocYearDemoContext"/>).</summary>
/// <remarks>
/// Each of the 14 agencies registers for 2019 in January: the agency itself (the Government flag for the three agencies
/// the seed names, Tập thể lao động xuất sắc for the others), three of its units, and 5–20 of its people (CSTĐCS, BK_BO,
/// LĐTT, chosen from their 2018 ratings so the hints are mostly favourable), submitted by its officer. The secretariat
/// approves twelve in February, returns Ban Kinh tế TW's with a reason (it adds a line, resubmits, and is approved),
/// and leaves Nhà xuất bản CTQG Sự thật's submitted. Ban Tổ chức TW also has a 2026 draft for the demo officer.
/// </remarks>
public static class RegistrationsDemo
{
    public const string ReturnedAgency = "BKTTW", LeftSubmittedAgency = "NXBCTQG";
    public const string ReturnReason = "Đề nghị bổ sung cá nhân đăng ký Chiến sĩ thi đua cơ sở ở Vụ, đơn vị trực thuộc chưa có người đăng ký và ghi rõ chỉ tiêu của từng đơn vị (dữ liệu minh họa).";

    /// <summary>09:00 in Hà Nội on a day of 2019 (or another year), as UTC.</summary>
    private static DateTime At(int year, int month, int day, int hour = 9) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-7);

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var service = new RegistrationService(db);
        var i = 0;
        var ids = new Dictionary<string, int>();
        foreach (var (code, agencyId) in ctx.Agencies)
        {
            var officer = ctx.OfficerOf(code);
            var day = 3 + i;
            var reg = await service.CreateAsync(agencyId, 2019, ctx.Movement2019Id, officer, At(2019, 1, day, 8), ct);
            var flag = BlocYearDemoContext.FlagAgencies2019.Contains(code);
            await service.AddLineAsync(reg.Id, reg.Version, new NewLine(RegistrationSubject.Agency, null, null, flag ? "CO_CP" : EligibilityCodes.TTLDXS,
                flag ? "Phấn đấu dẫn đầu khối, đề nghị Cờ thi đua của Chính phủ" : null), officer, At(2019, 1, day, 9), ct);
            foreach (var (unitId, n) in (await UnitsOfAsync(db, agencyId, code, ct)).Select((u, n) => (u, n)))
            {
                await service.AddLineAsync(reg.Id, reg.Version, new NewLine(RegistrationSubject.SubUnit, unitId, null, n == 0 ? EligibilityCodes.TTLDXS : EligibilityCodes.TTLDTT, null),
                    officer, At(2019, 1, day, 9), ct);
            }
            foreach (var (personId, title) in await PeopleOfAsync(db, agencyId, 5 + i * 7 % 16, ct))
            {
                await service.AddLineAsync(reg.Id, reg.Version, new NewLine(RegistrationSubject.Person, null, personId, title, null), officer, At(2019, 1, day, 10), ct);
            }
            await service.SubmitAsync(reg.Id, reg.Version, officer, At(2019, 1, day + 7, 15), ct);
            ids[code] = reg.Id;
            i++;
        }
        var secretariat = ctx.Secretariat;
        var d = 0;
        foreach (var (code, id) in ids)
        {
            d++;
            if (code == LeftSubmittedAgency) continue;
            var reg = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            if (code != ReturnedAgency)
            {
                await service.ApproveAsync(id, reg.Version, secretariat, At(2019, 2, 10 + d / 2, 14), ct);
                continue;
            }
            await service.ReturnAsync(id, reg.Version, ReturnReason, secretariat, At(2019, 2, 12, 10), ct);
            var officer = ctx.OfficerOf(code);
            reg = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            var registered = await db.RegistrationLines.Where(l => l.RegistrationId == id && l.PersonId != null).Select(l => l.PersonId!.Value).ToListAsync(ct);
            foreach (var (personId, _) in (await PeopleOfAsync(db, reg.UnitId, 40, ct)).Where(p => !registered.Contains(p.PersonId)).Take(2))
            {
                await service.AddLineAsync(id, reg.Version, new NewLine(RegistrationSubject.Person, null, personId, EligibilityCodes.CSTDCS, "Bổ sung theo yêu cầu của thường trực khối"), officer, At(2019, 2, 14, 9), ct);
                reg = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            }
            await service.SubmitAsync(id, reg.Version, officer, At(2019, 2, 15, 16), ct);
            reg = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            await service.ApproveAsync(id, reg.Version, secretariat, At(2019, 2, 20, 10), ct);
        }

        // A draft of the current demo year for the demo officer of Ban Tổ chức Trung ương to work on.
        var bt = ctx.Agencies["BTCTW"];
        var btOfficer = ctx.OfficerOf("BTCTW");
        var draft = await service.CreateAsync(bt, 2026, null, btOfficer, At(2026, 1, 6, 8), ct);
        await service.AddLineAsync(draft.Id, draft.Version, new NewLine(RegistrationSubject.Agency, null, null, EligibilityCodes.TTLDXS, null), btOfficer, At(2026, 1, 6, 9), ct);
        var youth = await db.Units.Where(u => u.Code == "BTCTW-DTN").Select(u => u.Id).SingleAsync(ct);
        await service.AddLineAsync(draft.Id, draft.Version, new NewLine(RegistrationSubject.SubUnit, youth, null, EligibilityCodes.TTLDXS, null), btOfficer, At(2026, 1, 6, 9), ct);
        foreach (var (personId, title) in await PeopleOfAsync(db, bt, 3, ct, ratedYear: 2025))
        {
            await service.AddLineAsync(draft.Id, draft.Version, new NewLine(RegistrationSubject.Person, null, personId, title, null), btOfficer, At(2026, 1, 6, 10), ct);
        }
    }

    /// <summary>Three units of the agency by name order; Ban Tổ chức TW's Youth Union first (seed-facts names it).</summary>
    private static async Task<List<int>> UnitsOfAsync(AppDbContext db, int agencyId, string code, CancellationToken ct)
    {
        var children = (await db.Units.AsNoTracking().Where(u => u.ParentId == agencyId && u.ActiveTo == null)
            .Select(u => new { u.Id, u.Code, u.SortKey, u.Kind }).ToListAsync(ct)).OrderBy(u => u.SortKey, StringComparer.Ordinal).ToList();
        var first = children.Where(u => code == "BTCTW" && u.Code == "BTCTW-DTN").Select(u => u.Id);
        return first.Concat(children.Where(u => u.Kind is UnitKind.Department or UnitKind.Office).Select(u => u.Id)).Distinct().Take(3).ToList();
    }

    /// <summary>
    /// Active people of the agency rated for the year before, best rated first: CSTĐCS for the first two rated HTXSNV,
    /// BK_BO for the next, LĐTT for the rest.
    /// </summary>
    private static async Task<List<(int PersonId, string Code)>> PeopleOfAsync(AppDbContext db, int agencyId, int count, CancellationToken ct, int ratedYear = 2018)
    {
        var units = (await UnitScopeService.SubtreeAsync(db, agencyId, ct)).ToList();
        var rated = await db.YearRatings.AsNoTracking()
            .Where(r => r.Year == ratedYear && (r.Rating == Rating.HTXSNV || r.Rating == Rating.HTTNV))
            .Join(db.People.Where(p => p.IsActive && p.CurrentUnitId != null && units.Contains(p.CurrentUnitId.Value)), r => r.PersonId, p => p.Id, (r, p) => new { p.Id, p.PersonalCode, r.Rating })
            .ToListAsync(ct);
        var ordered = rated.OrderBy(r => r.Rating == Rating.HTXSNV ? 0 : 1).ThenBy(r => r.PersonalCode, StringComparer.Ordinal).Take(count).ToList();
        var result = new List<(int, string)>();
        var excellent = 0;
        foreach (var r in ordered)
        {
            var title = r.Rating == Rating.HTXSNV
                ? excellent++ switch { 0 or 1 => EligibilityCodes.CSTDCS, 2 => EligibilityCodes.BK_BO, _ => EligibilityCodes.LDTT }
                : EligibilityCodes.LDTT;
            result.Add((r.Id, title));
        }
        return result;
    }
}
